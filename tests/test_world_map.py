"""The world map: Natural Earth's borders as shipped, shaded by count, a dot per known place."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

import pytest

import endorse
from conftest import BUNDLED, ROOT, script_module
from endorse.places.projection import equal_earth
from endorse.render.report_html import html_report
from endorse.render.world_map import SHADES, shade, world_map
from registries import registry, signatory
from site_pages import Elements

SCRIPT = ROOT / "scripts" / "make_world_map.py"
SHIPPED = ROOT / "src" / "endorse" / "data" / "world.json"


def _script() -> ModuleType:
    return script_module(SCRIPT)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("npm") is None, reason="npm fetches world-atlas; not installed")
def test_regenerating_the_borders_gives_the_shipped_bytes(tmp_path: Path) -> None:
    script = _script()
    assert script.generate(script.fetch_source(tmp_path)) == SHIPPED.read_bytes()


def test_the_script_refuses_a_source_other_than_the_pinned_one() -> None:
    with pytest.raises(SystemExit, match="not the pinned"):
        _script().generate(b'{"type": "Topology"}')


def test_every_shaded_shape_is_a_country_endorse_knows() -> None:
    import json

    from endorse.places.lookup import country_name

    countries = json.loads(SHIPPED.read_bytes())["countries"]
    assert len(countries) > 170
    assert [code for code in countries if country_name(code) is None] == []
    assert "AQ" not in countries


def test_equal_earth_spans_the_width_of_the_world_at_the_equator() -> None:
    assert equal_earth(0, 0) == (0, 0)
    assert equal_earth(0, 180)[0] == pytest.approx(2.70663, abs=1e-5)
    assert equal_earth(90, 0)[1] == pytest.approx(1.317363, abs=1e-6)
    assert equal_earth(-45, -90) == pytest.approx(tuple(-v for v in equal_earth(45, 90)))


def test_a_country_is_shaded_by_its_signatories() -> None:
    assert [shade(n) for n in (0, 1, 2, 4, 5, 19, 20, 99, 100, 5000)] == [
        0, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]  # fmt: skip
    assert shade(SHADES[-1]) == len(SHADES)


def test_each_signatory_whose_place_is_known_is_one_dot() -> None:
    summary = endorse.summarise(BUNDLED)
    elements = Elements(world_map(summary))
    dots = [a for _, a in elements.tags if "dot" in (a.get("class") or "") and a.get("data-id")]
    placed = [s for s in summary.located if s.position is not None]
    assert sorted(d["data-id"] or "" for d in dots) == sorted(s.id for s in placed)
    assert len(placed) > 40


def test_members_are_circles_and_non_members_diamonds() -> None:
    summary = endorse.summarise(
        registry(signatory("Lyon", "FR", member=True), signatory("Pittsburgh", subdivision="US-PA"))
    )
    elements = Elements(world_map(summary))
    assert [a["data-id"] for a in elements.named("circle") if a.get("data-id")] == ["lyon"]
    assert [a["data-id"] for a in elements.named("path") if a.get("data-id")] == ["pittsburgh"]


def test_a_place_the_data_gives_no_position_is_no_dot() -> None:
    county = signatory("Montgomery County", kind="county", subdivision="US-MD")
    summary = endorse.summarise(registry(county))
    assert [s.id for s in summary.located] == ["montgomery-county"]
    assert summary.located[0].position is None
    assert 'data-id="montgomery-county"' not in world_map(summary)


def test_the_countries_with_signatories_say_how_many() -> None:
    summary = endorse.summarise(registry(signatory("Lyon", "FR"), signatory("Nice", "FR")))
    (france,) = [a for a in Elements(world_map(summary)).named("path") if a.get("data-country")]
    assert france["data-country"] == "FR" and france["data-signatories"] == "2"
    assert france["class"] == "country shade-2"


def test_the_map_has_a_title_and_a_description_for_screen_readers() -> None:
    elements = Elements(world_map(endorse.summarise(BUNDLED), "m"))
    (svg,) = elements.named("svg")[:1]
    assert svg["role"] == "img"
    assert svg["aria-labelledby"] == "m-title" and svg["aria-describedby"] == "m-desc"
    assert {"m-title", "m-desc"} <= {a.get("id") for _, a in elements.tags}


def test_the_html_report_holds_the_map() -> None:
    report = html_report(endorse.summarise(BUNDLED), "es")
    assert '<section id="map">' in report and 'class="world-map"' in report
    assert "Los signatarios en el mapa del mundo" in report


def test_the_page_s_map_says_each_country_s_signatories_in_a_table() -> None:
    summary = endorse.summarise(registry(signatory("Lyon", "FR"), signatory("Nice", "FR")))
    table = world_map(summary, country_table=True)
    assert '<tr><th scope="row">France</th><td>2</td></tr>' in table
    assert "<table>" not in world_map(summary)

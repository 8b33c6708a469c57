"""The public page in a real browser: Playwright drives the system's Chromium.

Search, filters, sorting, the language links, the map's dots, keyboard use, a
phone's width and print, with no console error and no request outside the page,
and axe-core finding no serious or critical violation, in each language, on the
bundled registry and on one of hostile text. Skipped where Chromium is missing
(`apt-get install -y chromium`, as .ci/run does); CI runs it.

With ENDORSE_SCREENSHOTS=FOLDER set, it saves the screenshots docs/site.md shows.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import endorse
from browser import CHROMIUM, CHROMIUM_FLAGS, needs_chromium
from conftest import BUNDLED
from site_pages import HOSTILE_NAMES, hostile_registry, written_site

pytestmark = [needs_chromium, pytest.mark.slow]  # a browser: heavy, out of the quick run
LANGUAGES = {"en": "index.html", "fr": "fr/index.html", "es": "es/index.html"}
SHOWN = {"en": "{} of {} matches", "fr": "{} sur {} correspond", "es": "{} de {} coincide"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return written_site(BUNDLED, tmp_path_factory.mktemp("bundled"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    return written_site(hostile_registry(folder), folder / "site")


@pytest.fixture(scope="module")
def towns(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of a registry of 250 towns: more than the page lists at first."""
    folder = tmp_path_factory.mktemp("towns")
    path = folder / "registry.toml"
    endorse.init(path, title="T", network="N", members_declared=1)
    with endorse.edit(path) as draft:
        for number in range(250):
            draft.add(name=f"Town {number:03d}", country="FR", kind="other", force=True)
    return written_site(path, folder / "site")


class Visit:
    """A page opened in a new tab, with what it logged and what it asked for."""

    def __init__(self, browser: Any, path: Path, width: int = 1200) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(path.as_uri())

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(message.text)

    def visible_rows(self) -> list[str]:
        rows: list[str] = self.page.locator("table.signatories tbody tr:visible").all_inner_texts()
        return rows

    def shown_line(self) -> str:
        text: str = self.page.inner_text(".shown")
        return text


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    opened: list[Visit] = []

    def open_page(path: Path, width: int = 1200) -> Visit:
        opened.append(Visit(browser, path, width))
        return opened[-1]

    yield open_page
    for page in opened:
        page.page.close()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("which", ["bundled", "hostile"])
def test_the_page_is_accessible_and_quiet(
    request: pytest.FixtureRequest, visit: Any, language: str, which: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    folder: Path = request.getfixturevalue(which)
    opened = visit(folder / LANGUAGES[language])
    violations = Axe().run(opened.page).response["violations"]
    grave = [
        (v["id"], v["nodes"][0]["html"])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert grave == []
    assert opened.problems == []
    assert opened.requests == [(folder / LANGUAGES[language]).as_uri()]


def test_the_page_of_an_empty_registry_runs_without_error(tmp_path: Path, visit: Any) -> None:
    from registries import empty_registry

    opened = visit(written_site(empty_registry(tmp_path), tmp_path / "site") / "index.html")
    assert opened.problems == []
    assert opened.page.locator("svg.world-map .dot").count() == 0


def test_without_javascript_the_whole_list_shows_and_no_control(browser: Any, towns: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((towns / "index.html").as_uri())
    assert page.locator("table.signatories tbody tr:visible").count() == 250
    assert not page.is_visible("form.controls") and not page.is_visible(".more")
    context.close()


def test_hostile_names_show_as_written(hostile: Path, visit: Any) -> None:
    rows = "\n".join(visit(hostile / "index.html").visible_rows())
    for name in HOSTILE_NAMES:
        assert name in rows


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_ignores_case_and_accents(bundled: Path, visit: Any, language: str) -> None:
    opened = visit(bundled / LANGUAGES[language])
    opened.page.fill("#endorse-q", "montreal")
    rows = opened.visible_rows()
    assert len(rows) == 1 and rows[0].startswith("Montréal")
    total = len(endorse.summarise(BUNDLED).signatories)
    assert opened.shown_line() == SHOWN[language].format(1, total)


def test_search_looks_at_names_places_and_countries_only(bundled: Path, visit: Any) -> None:
    opened = visit(bundled / "fr" / "index.html")
    for word in ("membre", "confirmé", "europe"):
        opened.page.fill("#endorse-q", word)
        assert opened.visible_rows() == [], word
    total = len(endorse.summarise(BUNDLED).signatories)
    opened.page.fill("#endorse-q", "e")
    assert opened.shown_line().endswith(f"sur {total} correspondent")


def test_search_finds_by_country_and_says_when_nothing_matches(bundled: Path, visit: Any) -> None:
    opened = visit(bundled / "index.html")
    opened.page.fill("#endorse-q", "MEXICO")
    assert len(opened.visible_rows()) == sum(
        e.country == "MX" for e in endorse.summarise(BUNDLED).signatories
    )
    opened.page.fill("#endorse-q", "no such place anywhere")
    assert opened.visible_rows() == []
    assert opened.page.is_visible(".empty")


def test_filters_narrow_the_list(bundled: Path, visit: Any) -> None:
    summary = endorse.summarise(BUNDLED)
    opened = visit(bundled / "index.html")
    opened.page.select_option("#endorse-member", "nonmember")
    assert len(opened.visible_rows()) == len(summary.nonmembers)
    opened.page.select_option("#endorse-member", "")
    region = summary.by_region[0]
    opened.page.select_option("#endorse-region", region.key)
    assert len(opened.visible_rows()) == region.signatories
    opened.page.select_option("#endorse-region", "")
    opened.page.select_option("#endorse-country", "US")
    opened.page.select_option("#endorse-status", "confirmed")
    expected = [e for e in summary.signatories if e.country == "US" and e.status == "confirmed"]
    assert len(opened.visible_rows()) == len(expected)


def test_sorting_by_date_puts_the_newest_first(hostile: Path, visit: Any) -> None:
    opened = visit(hostile / "index.html")
    rows = opened.page.locator("table.signatories tbody tr")
    assert rows.first.get_attribute("data-date") == ""
    opened.page.select_option("#endorse-sort", "date")
    assert rows.first.get_attribute("data-date") == "2018-01-02"
    opened.page.select_option("#endorse-sort", "name")
    assert rows.first.get_attribute("data-date") == ""


def test_a_long_list_shows_its_first_rows_and_a_button_lists_them_all(
    towns: Path, visit: Any
) -> None:
    opened = visit(towns / "index.html")
    assert len(opened.visible_rows()) == 200
    assert opened.page.inner_text(".more") == "Listed: the first 200. List all 250"
    opened.page.focus(".more button")
    opened.page.keyboard.press("Enter")
    assert len(opened.visible_rows()) == 250
    assert not opened.page.is_visible(".more")
    assert opened.page.evaluate("document.activeElement.dataset.id") == "town-200"
    opened.page.select_option("#endorse-sort", "country")
    assert len(opened.visible_rows()) == 250
    opened.page.fill("#endorse-q", "TOWN 249")
    assert len(opened.visible_rows()) == 1
    assert opened.shown_line() == "1 of 250 matches"


def test_the_language_links_lead_to_each_language(bundled: Path, visit: Any) -> None:
    opened = visit(bundled / "index.html")
    opened.page.click("nav.languages a[hreflang=fr]")
    assert opened.page.get_attribute("html", "lang") == "fr"
    opened.page.click("nav.languages a[hreflang=es]")
    assert opened.page.get_attribute("html", "lang") == "es"
    opened.page.click("nav.languages a[hreflang=en]")
    assert opened.page.url == (bundled / "index.html").as_uri()


def test_the_map_has_one_dot_per_known_place(bundled: Path, visit: Any) -> None:
    placed = [s for s in endorse.summarise(BUNDLED).located if s.position is not None]
    opened = visit(bundled / "index.html")
    assert opened.page.locator("svg.world-map .dot").count() == len(placed)


def test_every_control_is_reached_by_keyboard_and_shows_its_focus(
    bundled: Path, visit: Any
) -> None:
    opened = visit(bundled / "index.html")
    reached = []
    for _ in range(12):
        opened.page.keyboard.press("Tab")
        reached.append(
            opened.page.evaluate("document.activeElement.id || document.activeElement.tagName")
        )
    controls = [
        "endorse-q",
        "endorse-region",
        "endorse-country",
        "endorse-member",
        "endorse-status",
        "endorse-sort",
    ]
    assert [r for r in reached if r in controls] == controls
    opened.page.focus("#endorse-q")
    outline = opened.page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    opened.page.keyboard.type("montreal")
    assert len(opened.visible_rows()) == 1


def test_a_phone_reads_the_page_without_scrolling_sideways(bundled: Path, visit: Any) -> None:
    opened = visit(bundled / "fr" / "index.html", width=375)
    assert opened.page.evaluate("document.documentElement.scrollWidth") <= 375
    opened.page.fill("#endorse-q", "sao")
    opened.page.evaluate("document.querySelector('#endorse-list').scrollIntoView()")
    _screenshot(opened, "site-phone.png", full_page=False)


def test_the_desktop_page(bundled: Path, visit: Any) -> None:
    opened = visit(bundled / "index.html")
    assert opened.page.evaluate("document.documentElement.scrollWidth") <= 1200
    opened.page.evaluate("document.querySelector('#endorse-totals').scrollIntoView()")
    _screenshot(opened, "site-desktop.png", full_page=False)


def test_print_leaves_out_the_controls(bundled: Path, visit: Any) -> None:
    opened = visit(bundled / "index.html")
    opened.page.emulate_media(media="print")
    assert not opened.page.is_visible("form.controls")
    assert opened.page.is_visible("table.signatories")
    assert opened.page.is_visible("svg.world-map")


def _screenshot(opened: Visit, name: str, *, full_page: bool) -> None:
    folder = os.environ.get("ENDORSE_SCREENSHOTS")
    if folder:
        opened.page.screenshot(path=str(Path(folder) / name), full_page=full_page)

"""The model: dict <-> model conversion, canonical text, unknown keys kept."""

from __future__ import annotations

import dataclasses
import math
from datetime import UTC, timedelta, timezone
from pathlib import Path
from random import Random
from typing import Any

import pytest
import tomli
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

import endorse
from conftest import BUNDLED
from endorse.registry import model
from endorse.registry.model import (
    PAPER_KEYS,
    SIGNATORY_KEYS,
    Paper,
    Registry,
    Signatory,
    registry_from_doc,
    registry_to_doc,
)
from endorse.registry.store import (
    UnwritableRegistryError,
    dumps,
    is_canonical,
    registry_from_text,
)
from strategies import registries, text


@pytest.mark.slow
@given(registries())
@settings(max_examples=200)
def test_any_valid_registry_round_trips_through_toml_text(registry: Registry) -> None:
    assert registry_from_text(dumps(registry), Path("r.toml")) == registry


@pytest.mark.slow
@given(registries())
def test_model_to_dict_and_back_is_unchanged(registry: Registry) -> None:
    assert registry_from_doc(registry_to_doc(registry)) == registry


@pytest.mark.slow
@given(registries())
def test_the_canonical_text_is_a_fixed_point(registry: Registry) -> None:
    text = dumps(registry)
    assert dumps(registry_from_doc(tomli.loads(text))) == text


def test_unknown_keys_survive_a_rewrite() -> None:
    text = (
        'format = 1\nlicence = "CC0"\n\n[paper]\ntitle = "T"\nnetwork = "N"\nmembers_declared = 1\n'
        'translated_title = "T fr"\n\n[[signatory]]\nid = "lyon"\nname = "Lyon"\nkind = "city"\n'
        'country = "FR"\nmember = true\nstatus = "confirmed"\npopulation = 522000\n'
    )
    rewritten = tomli.loads(dumps(registry_from_text(text, Path("r.toml"))))
    assert rewritten["licence"] == "CC0"
    assert rewritten["paper"]["translated_title"] == "T fr"
    assert rewritten["signatory"][0]["population"] == 522000


def test_the_bundled_registry_is_in_canonical_form() -> None:
    assert is_canonical(BUNDLED.read_bytes(), endorse.load(BUNDLED))


def test_canonical_form_orders_signatories_by_id() -> None:
    text = (
        'format = 1\n[paper]\ntitle = "T"\nnetwork = "N"\nmembers_declared = 2\n'
        '[[signatory]]\nstatus = "confirmed"\nid = "b"\nname = "B"\nkind = "city"\n'
        'country = "FR"\nmember = true\n'
        '[[signatory]]\nid = "a"\nname = "A"\nkind = "city"\ncountry = "FR"\nmember = true\n'
        'status = "confirmed"\n'
    )
    canonical = dumps(registry_from_text(text, Path("r.toml")))
    assert canonical.index('id = "a"') < canonical.index('id = "b"')
    section_b = canonical[canonical.index('id = "b"') :]
    assert section_b.index('name = "B"') < section_b.index("status")


def test_the_example_in_the_format_documentation_is_a_valid_canonical_registry() -> None:
    doc = (BUNDLED.parent.parent / "docs" / "registry-format.md").read_text(encoding="utf-8")
    example = doc.split("```toml\n")[-1].split("```")[0]
    registry = registry_from_text(example, Path("example.toml"))
    assert len(registry.signatories) == 2
    assert dumps(registry) == example


@pytest.mark.slow
@given(registries(), st.randoms(use_true_random=False))
def test_only_the_exact_canonical_bytes_are_canonical(registry: Registry, random: Random) -> None:
    canonical = dumps(registry).encode("utf-8")
    assert is_canonical(canonical, registry)
    assert not is_canonical(b"\xef\xbb\xbf" + canonical, registry)
    assert not is_canonical(canonical.replace(b"\n", b"\r\n"), registry)
    assert not is_canonical(canonical + b"\n", registry)
    doc = registry_to_doc(registry)
    random.shuffle(doc.get("signatory", []))
    other_layout = tomli_w.dumps(doc, indent=2).encode("utf-8")
    assert is_canonical(other_layout, registry) == (other_layout == canonical)


def test_the_canonical_bytes_of_the_bundled_registry_are_the_file() -> None:
    raw = BUNDLED.read_bytes()
    assert is_canonical(raw, registry_from_text(raw.decode("utf-8"), BUNDLED))
    assert not is_canonical(
        raw.replace(b"\n\n[[signatory]]", b"\n[[signatory]]"), endorse.load(BUNDLED)
    )


SHORT = Signatory(id="a", name="A", kind="city", country="FR", member=True, status="confirmed")


def test_one_short_signatory_is_written_as_its_own_table() -> None:
    text = dumps(Registry(Paper("T", "N", 1), (SHORT,)))
    assert text == (
        'format = 1\n\n[paper]\ntitle = "T"\nnetwork = "N"\nmembers_declared = 1\n\n'
        '[[signatory]]\nid = "a"\nname = "A"\nkind = "city"\ncountry = "FR"\nmember = true\n'
        'status = "confirmed"\n'
    )


def test_a_signatorys_own_tables_follow_its_header() -> None:
    signatories = (
        dataclasses.replace(SHORT, extra={"x": {"y": 1}, "z": [{"w": 2}]}),
        dataclasses.replace(SHORT, id="b", extra={"x": {"y": 1}, "z": [{"w": "v" * 100}]}),
    )
    text = dumps(Registry(Paper("T", "N", 1), signatories))
    tail = 'status = "confirmed"\nz = [\n    { w = 2 },\n]\n\n[signatory.x]\ny = 1\n\n'
    assert tail + '[[signatory]]\nid = "b"' in text
    assert text.endswith('[signatory.x]\ny = 1\n\n[[signatory.z]]\nw = "' + "v" * 100 + '"\n')
    assert registry_from_text(text, Path("r.toml")).signatories == signatories


# Every value tomli gives: tables and arrays of tables at any depth, times, offset
# date-times, floats with inf and nan; keys of any text.
scalar_values: st.SearchStrategy[Any] = st.one_of(
    text,
    st.integers(-(2**63), 2**63 - 1),
    st.booleans(),
    st.floats(),
    st.dates(),
    st.times(),
    st.datetimes(),
    st.datetimes(
        timezones=st.sampled_from(
            [UTC, timezone(timedelta(hours=5, minutes=30)), timezone(-timedelta(hours=8))]
        )
    ),
)
keys = st.text(st.characters(exclude_categories=("Cs",)), max_size=6)
toml_values: st.SearchStrategy[Any] = st.recursive(
    scalar_values,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(keys, inner, max_size=3),
        st.lists(st.dictionaries(keys, inner, max_size=3), min_size=1, max_size=3),
    ),
    max_leaves=10,
)


def unknown(known: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(keys.filter(lambda k: k not in known), toml_values, max_size=3)


@st.composite
def registries_with_any_unknown_values(draw: st.DrawFn) -> Registry:
    registry = draw(registries(max_signatories=3))
    return dataclasses.replace(
        registry,
        extra=draw(unknown(("format", "paper", "signatory"))),
        paper=dataclasses.replace(registry.paper, extra=draw(unknown(PAPER_KEYS))),
        signatories=tuple(
            dataclasses.replace(signatory, extra=draw(unknown(SIGNATORY_KEYS)))
            for signatory in registry.signatories
        ),
    )


def _nan_free(value: Any) -> Any:
    """`value` with every nan made a string, so that == can compare what holds one."""
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, dict):
        return {k: _nan_free(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_nan_free(v) for v in value]
    if dataclasses.is_dataclass(value):
        return _nan_free(vars(value))
    return value


@pytest.mark.slow
@given(registries_with_any_unknown_values())
@settings(max_examples=300)
def test_any_unknown_value_survives_the_canonical_text(registry: Registry) -> None:
    text = dumps(registry)
    loaded = registry_from_text(text, Path("r.toml"))
    assert _nan_free(loaded) == _nan_free(registry)
    assert dumps(loaded) == text
    assert is_canonical(text.encode("utf-8"), loaded)


def _nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


def test_a_value_too_deep_for_the_writer_is_an_endorse_error() -> None:
    registry = Registry(
        Paper("T", "N", 1), (dataclasses.replace(SHORT, extra={"x": _nested(5000)}),)
    )
    with pytest.raises(UnwritableRegistryError, match='signatory "a" holds a value nested too'):
        dumps(registry)
    paper = Paper("T", "N", 1, extra={"x": _nested(5000)})
    with pytest.raises(UnwritableRegistryError, match="the registry holds a value nested too"):
        dumps(Registry(paper))


def test_a_signatory_keeps_none_of_the_parsed_documents_key_strings() -> None:
    """Each signatory's attributes share the model's own key strings (memory at 100,000)."""
    doc = tomli.loads(BUNDLED.read_text(encoding="utf-8"))
    names = {id(name) for name in model._FIELD_NAMES} | {id("extra")}
    signatory = model.signatory_from_checked_doc(doc["signatory"][0])
    assert {id(key) for key in vars(signatory)} <= names

"""The model: dict <-> model conversion, canonical text, unknown keys kept."""

from __future__ import annotations

from pathlib import Path
from random import Random

import tomli
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import BUNDLED
from endorse import model
from endorse.model import Registry, registry_from_doc, registry_to_doc
from endorse.store import dumps, is_canonical_text, load, registry_from_text
from strategies import registries


@given(registries())
@settings(max_examples=200)
def test_any_valid_registry_round_trips_through_toml_text(registry: Registry) -> None:
    assert registry_from_text(dumps(registry), Path("r.toml")) == registry


@given(registries())
def test_model_to_dict_and_back_is_unchanged(registry: Registry) -> None:
    assert registry_from_doc(registry_to_doc(registry)) == registry


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
    assert load(BUNDLED).is_canonical


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


@given(registries(), st.randoms(use_true_random=False))
def test_the_quick_canonical_check_agrees_with_writing_the_registry(
    registry: Registry, random: Random
) -> None:
    doc = registry_to_doc(registry)
    random.shuffle(doc.get("signatory", []))
    for text in (dumps(registry), tomli_w.dumps(doc)):
        parsed = tomli.loads(text)
        assert is_canonical_text(text, parsed) == (dumps(registry_from_doc(parsed)) == text)


def test_the_canonical_text_passes_the_quick_canonical_check() -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    assert is_canonical_text(text, tomli.loads(text))


def test_a_signatory_keeps_none_of_the_parsed_documents_key_strings() -> None:
    """Each signatory's attributes share the model's own key strings (memory at 100,000)."""
    doc = tomli.loads(BUNDLED.read_text(encoding="utf-8"))
    names = {id(name) for name in model._FIELD_NAMES} | {id("extra")}
    signatory = model.signatory_from_checked_doc(doc["signatory"][0])
    assert {id(key) for key in vars(signatory)} <= names

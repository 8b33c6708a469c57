"""The duplicate rule: one government twice is refused, a near match asks "did you mean".

One rule for every command: `DuplicateIndex` answers for one candidate
(add, edit, import) and `exact_duplicates` / `near_duplicates` find every
pair of a registry (validate); the last tests check that they agree.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import endorse
from conftest import BUNDLED
from endorse import Signatory
from endorse.duplicates.rule import (
    DuplicateError,
    DuplicateIndex,
    NearDuplicateError,
    edits_allowed,
    exact_duplicates,
    near_duplicates,
    refuse_duplicate,
)
from endorse.places.names import slugify
from registries import signatory


@pytest.fixture
def index() -> DuplicateIndex:
    return DuplicateIndex(
        [
            signatory("New-York"),
            signatory("St. Louis City"),
            signatory("Pittsburgh", as_written="Pittsburg"),
            signatory("São Paulo", "BR"),
            signatory("Comunidad de Madrid", "ES", kind="region"),
            signatory("Portland", subdivision="US-OR"),
        ]
    )


@pytest.mark.parametrize(
    ("name", "existing"),
    [
        ("New York", "new-york"),
        ("new york", "new-york"),
        ("City of New York", "new-york"),
        ("Saint Louis City", "st-louis-city"),
        ("Pittsburg", "pittsburgh"),
        ("Portland", "portland"),
    ],
)
def test_same_key_country_and_kind_is_the_same_government(
    index: DuplicateIndex, name: str, existing: str
) -> None:
    match = index.exact(signatory(name, id="new"))
    assert match is not None and match.signatory.id == existing


def test_same_name_in_another_country_is_another_government(index: DuplicateIndex) -> None:
    assert index.exact(signatory("New York", "GB")) is None
    assert index.near(signatory("New Yrok", "GB")) == []


def test_a_city_and_a_county_of_one_name_are_two_governments(index: DuplicateIndex) -> None:
    county = signatory("New York", kind="county", id="new-york-county")
    assert index.exact(county) is None
    assert index.near(county) == []


def test_two_subdivisions_tell_two_places_of_one_name_apart(index: DuplicateIndex) -> None:
    maine = signatory("Portland", subdivision="US-ME", id="portland-me")
    assert index.exact(maine) is None
    assert index.near(maine) == []


@pytest.mark.parametrize(
    ("name", "country", "existing"),
    [
        ("Pittsburgg", "US", "pittsburgh"),
        ("Sao Paolo", "BR", "sao-paulo"),
        ("Nwe York", "US", "new-york"),
        ("Saint Luois City", "US", "st-louis-city"),
    ],
)
def test_a_few_typing_mistakes_away_is_a_near_duplicate(
    index: DuplicateIndex, name: str, country: str, existing: str
) -> None:
    found = index.near(signatory(name, country, id="new"))
    assert [m.signatory.id for m in found] == [existing]


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("St. Louis County", "US", "county"),
        ("Comunidad de Murcia", "ES", "region"),
        ("Newark", "US", "city"),
        ("North Pittsburgh", "US", "city"),
    ],
)
def test_different_governments_with_similar_names_are_not_near(
    index: DuplicateIndex, name: str, country: str, kind: str
) -> None:
    assert index.near(signatory(name, country, kind=kind, id="new")) == []


def test_two_real_places_are_not_near_duplicates_whatever_their_spelling() -> None:
    index = DuplicateIndex([signatory("Newark", subdivision="US-NJ")])
    assert index.near(signatory("Newport", id="newport")) == []


def test_short_keys_allow_no_edit_and_long_keys_two() -> None:
    assert [edits_allowed("a" * n) for n in (3, 4, 9, 10)] == [0, 1, 1, 2]


def test_an_exact_duplicate_is_refused_naming_the_existing_id(index: DuplicateIndex) -> None:
    with pytest.raises(DuplicateError, match='already in the registry as "new-york"'):
        refuse_duplicate(index, signatory("New York", id="x"), force=True)


def test_a_near_duplicate_asks_did_you_mean(index: DuplicateIndex) -> None:
    with pytest.raises(NearDuplicateError, match='did you mean "pittsburgh"'):
        refuse_duplicate(index, signatory("Pitsburgh", id="x"))


def test_force_accepts_a_near_duplicate(index: DuplicateIndex) -> None:
    near = signatory("Pitsburgh", id="x")
    assert [m.signatory.id for m in index.near(near)] == ["pittsburgh"]
    assert refuse_duplicate(index, near, force=True) is None


def test_the_signatory_being_edited_is_not_its_own_duplicate(index: DuplicateIndex) -> None:
    itself = signatory("New York")
    assert index.exact(itself) is not None
    assert index.exact(itself, ignore="new-york") is None
    assert refuse_duplicate(index, itself, ignore="new-york") is None


def test_the_bundled_registry_holds_no_duplicates() -> None:
    signatories = endorse.load(BUNDLED).signatories
    assert list(exact_duplicates(signatories)) == []
    assert list(near_duplicates(signatories)) == []


def test_exact_duplicates_pairs_each_copy_with_the_first() -> None:
    copies = [signatory("New-York"), signatory("Chicago"), signatory("City of New York")]
    assert list(exact_duplicates(copies)) == [(0, 2)]


@pytest.mark.slow
def test_an_index_answers_for_100000_signatories() -> None:
    many = [signatory(f"Place {n:06d}") for n in range(100_000)]
    index = DuplicateIndex(many)
    assert index.exact(signatory("place-099999", id="x")) is not None
    found = index.near(signatory("Plcae 099999", id="x"), limit=1)
    assert [m.signatory.id for m in found] == ["place-099999"]


names = st.text(alphabet="abcde -", min_size=1, max_size=12).filter(lambda n: slugify(n) != "")
entries = st.lists(
    st.tuples(
        names, st.sampled_from([None, "FR-IDF", "FR-ARA"]), st.sampled_from(["city", "region"])
    ),
    min_size=1,
    max_size=14,
)


def _signatories(items: list[tuple[str, str | None, str]]) -> list[Signatory]:
    return [
        signatory(name, "FR", kind=kind, subdivision=subdivision, id=f"s{n}")
        for n, (name, subdivision, kind) in enumerate(items)
    ]


@settings(max_examples=150, deadline=None)
@given(entries)
def test_validate_finds_exactly_the_near_duplicates_add_refuses(
    items: list[tuple[str, str | None, str]],
) -> None:
    signatories = _signatories(items)
    refused = {
        (int(m.signatory.id[1:]), later)
        for later, candidate in enumerate(signatories)
        for m in DuplicateIndex(signatories[:later]).near(candidate, limit=len(signatories))
    }
    assert {(a, b) for a, b, _ in near_duplicates(signatories)} == refused


@settings(max_examples=150, deadline=None)
@given(entries)
def test_validate_finds_exactly_the_copies_add_refuses(
    items: list[tuple[str, str | None, str]],
) -> None:
    signatories = _signatories(items)
    refused = {
        later
        for later, candidate in enumerate(signatories)
        if DuplicateIndex(signatories[:later]).exact(candidate) is not None
    }
    assert {later for _, later in exact_duplicates(signatories)} == refused


def test_a_near_duplicate_of_two_copies_is_reported_once(tmp_path: Path) -> None:
    registry = tmp_path / "registry.toml"
    text = 'format = 1\n\n[paper]\ntitle = "T"\nnetwork = "N"\nmembers_declared = 0\n'
    for number, name in enumerate(["Philadelphia", "Philadelphia", "Philadelpia"]):
        text += (
            f'\n[[signatory]]\nid = "p{number}"\nname = "{name}"\nkind = "city"\n'
            f'country = "US"\nsubdivision = "US-PA"\nmember = false\nstatus = "confirmed"\n'
        )
    registry.write_text(text, encoding="utf-8")
    near = [f for f in endorse.validate(registry) if f.code == "W303"]
    assert [f.signatory_id for f in near] == ["p2"]

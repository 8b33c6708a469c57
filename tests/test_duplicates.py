"""The duplicate rules: same key in one country is refused, a near match asks "did you mean"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import BUNDLED
from endorse.duplicates import (
    DuplicateError,
    DuplicateIndex,
    NearDuplicateError,
    edits_allowed,
    refuse_duplicate,
)
from endorse.model import Signatory
from endorse.store import load


def signatory(name: str, country: str = "US", as_written: str | None = None) -> Signatory:
    from endorse.names import slugify

    return Signatory(
        id=slugify(name),
        name=name,
        kind="city",
        country=country,
        member=False,
        status="confirmed",
        as_written=as_written,
    )


@pytest.fixture
def index() -> DuplicateIndex:
    return DuplicateIndex(
        [
            signatory("New-York"),
            signatory("St. Louis City"),
            signatory("Pittsburgh", as_written="Pittsburg"),
            signatory("São Paulo", "BR"),
            signatory("Comunidad de Madrid", "ES"),
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
    ],
)
def test_same_key_in_the_same_country_is_an_exact_duplicate(
    index: DuplicateIndex, name: str, existing: str
) -> None:
    match = index.exact(name, "US")
    assert match is not None and match.signatory.id == existing


def test_same_name_in_another_country_is_not_a_duplicate(index: DuplicateIndex) -> None:
    assert index.exact("New York", "GB") is None
    assert index.near("New Yrok", "GB") == []


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
    assert [m.signatory.id for m in index.near(name, country)] == [existing]


@pytest.mark.parametrize(
    ("name", "country"),
    [("St. Louis County", "US"), ("Comunidad de Murcia", "ES"), ("Newark", "US")],
)
def test_different_governments_with_similar_names_are_not_near(
    index: DuplicateIndex, name: str, country: str
) -> None:
    assert index.near(name, country) == []


def test_short_keys_allow_no_edit_and_long_keys_two() -> None:
    assert [edits_allowed("a" * n) for n in (3, 4, 9, 10)] == [0, 1, 1, 2]


def test_an_exact_duplicate_is_refused_naming_the_existing_id(index: DuplicateIndex) -> None:
    with pytest.raises(DuplicateError, match='already in the registry as "new-york"'):
        refuse_duplicate(index, "New York", "US", force=True)


def test_a_near_duplicate_asks_did_you_mean(index: DuplicateIndex) -> None:
    with pytest.raises(NearDuplicateError, match='did you mean "pittsburgh"'):
        refuse_duplicate(index, "Pitsburgh", "US")


def test_force_accepts_a_near_duplicate(index: DuplicateIndex) -> None:
    refuse_duplicate(index, "Pitsburgh", "US", force=True)


def test_the_signatory_being_edited_is_not_its_own_duplicate(index: DuplicateIndex) -> None:
    refuse_duplicate(index, "New York", "US", ignore="new-york")


def test_the_bundled_registry_holds_no_exact_duplicates() -> None:
    assert list(DuplicateIndex(load(BUNDLED).registry.signatories).groups()) == []


def test_groups_lists_duplicates_already_recorded() -> None:
    index = DuplicateIndex([signatory("New-York"), signatory("City of New York")])
    assert [[s.id for s in group] for group in index.groups()] == [["new-york", "city-of-new-york"]]


def test_an_index_answers_for_100000_signatories() -> None:
    many = [signatory(f"Town {n:06d}") for n in range(100_000)]
    index = DuplicateIndex(many)
    assert index.exact("town-099999", "US") is not None
    assert [m.signatory.id for m in index.near("Town 09999", "US", limit=1)] == ["town-009999"]


@given(
    st.lists(st.text(alphabet="abcde ", min_size=1, max_size=12), min_size=1, max_size=12),
    st.text(alphabet="abcde ", min_size=1, max_size=12),
)
def test_near_finds_every_name_a_brute_force_scan_finds(names: list[str], query: str) -> None:
    from rapidfuzz.distance import OSA

    from endorse.names import match_key

    signatories = [
        Signatory(id=f"s{i}", name=n, kind="city", country="FR", member=False, status="confirmed")
        for i, n in enumerate(names)
        if match_key(n)
    ]
    key = match_key(query)

    def near(other: str) -> bool:
        edits = OSA.distance(key, other)
        return 0 < edits <= min(edits_allowed(key), edits_allowed(min(key, other, key=len)))

    expected = {s.id for s in signatories if near(match_key(s.name))}
    found = {m.signatory.id for m in DuplicateIndex(signatories).near(query, "FR", limit=100)}
    assert found == expected

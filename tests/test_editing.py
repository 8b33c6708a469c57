"""The registry changes themselves, without the command line: add, edit, withdraw, remove."""

from __future__ import annotations

import pytest

import endorse
from conftest import BUNDLED
from endorse import Registry, UnknownSignatoryError
from endorse.duplicates.rule import DuplicateError, NearDuplicateError
from endorse.editing import (
    IdTakenError,
    add_signatory,
    chosen_id_note,
    edit_signatory,
    remove_signatory,
    withdraw_signatory,
)
from endorse.registry.values import signatory_from_values


@pytest.fixture(scope="module")
def registry() -> Registry:
    return endorse.load(BUNDLED)


def test_add_appends_the_signatory_and_changes_no_other(registry: Registry) -> None:
    boston = signatory_from_values(name="Boston", country="US")
    edited = add_signatory(registry, boston)
    assert edited.registry.signatories == (*registry.signatories, boston)
    assert edited.before is None


def test_add_checks_duplicates_before_the_id(registry: Registry) -> None:
    with pytest.raises(DuplicateError, match='"pittsburgh"'):
        add_signatory(registry, signatory_from_values(name="Pittsburg", country="US"))


def test_add_chooses_an_id_with_the_country_when_the_slug_is_taken_in_another(
    registry: Registry,
) -> None:
    edited = add_signatory(registry, signatory_from_values(name="Richmond", country="GB"))
    assert edited.signatory.id == "richmond-gb"
    assert edited.id_taken_by is not None and edited.id_taken_by.id == "richmond"
    assert edited.registry.by_id("richmond-gb") == edited.signatory
    assert chosen_id_note(registry, edited.signatory) == (
        'the id "richmond" is taken by "Richmond" (US, city), so this one is "richmond-gb"'
    )


def test_a_chosen_id_takes_the_subdivision_then_a_number_when_still_taken(
    registry: Registry,
) -> None:
    first = add_signatory(
        registry, signatory_from_values(name="Richmond", country="GB", subdivision="GB-NYK")
    )
    assert first.signatory.id == "richmond-gb"
    second = add_signatory(
        first.registry,
        signatory_from_values(name="Richmond", country="GB", subdivision="GB-LND"),
    )
    assert second.signatory.id == "richmond-gb-lnd"
    third = add_signatory(
        second.registry, signatory_from_values(name="Richmond", country="GB", kind="county")
    )
    assert third.signatory.id == "richmond-gb-2"


def test_add_refuses_a_given_id_that_is_taken(registry: Registry) -> None:
    with pytest.raises(IdTakenError, match='such as "richmond-gb"'):
        add_signatory(
            registry,
            signatory_from_values(name="Richmond", country="GB", id="richmond"),
            id_given=True,
        )


def test_add_refuses_a_taken_id_in_the_same_country(registry: Registry) -> None:
    other = signatory_from_values(name="Richmond", country="US", kind="county")
    with pytest.raises(IdTakenError, match='such as "richmond-county"'):
        add_signatory(registry, other)


def test_add_refuses_a_near_duplicate_unless_forced(registry: Registry) -> None:
    chicaga = signatory_from_values(name="Chicaga", country="US")
    with pytest.raises(NearDuplicateError, match='did you mean "chicago"'):
        add_signatory(registry, chicaga)
    assert add_signatory(registry, chicaga, force=True).registry.by_id("chicaga") == chicaga


def test_edit_reports_the_keys_it_changed(registry: Registry) -> None:
    edited = edit_signatory(registry, "buffalo", {"kind": "region", "member": False})
    assert edited.changed_keys == ["kind"]
    assert edited.registry.by_id("buffalo") == edited.signatory


def test_edit_keeps_the_order_of_the_signatories(registry: Registry) -> None:
    edited = edit_signatory(registry, "buffalo", {"note": "Called"})
    assert [s.id for s in edited.registry.signatories] == [s.id for s in registry.signatories]


def test_edit_may_keep_its_own_name_in_another_spelling(registry: Registry) -> None:
    edited = edit_signatory(registry, "new-york", {"name": "New-York City"})
    assert edited.signatory.name == "New-York City"


def test_withdraw_keeps_every_signatory(registry: Registry) -> None:
    edited = withdraw_signatory(registry, "chicago")
    assert len(edited.registry.signatories) == len(registry.signatories)
    assert edited.signatory.status == "withdrawn"


def test_remove_drops_exactly_one(registry: Registry) -> None:
    edited = remove_signatory(registry, "chicago")
    assert {s.id for s in registry.signatories} - {s.id for s in edited.registry.signatories} == {
        "chicago"
    }


def test_an_unknown_reference_is_refused(registry: Registry) -> None:
    with pytest.raises(UnknownSignatoryError):
        remove_signatory(registry, "atlantis")

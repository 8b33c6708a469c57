"""Changes to a registry in memory: add, edit, withdraw, remove.

Each function takes a Registry and gives back the new one with the record
concerned, or raises an EndorseError and changes nothing. The caller runs
them inside `endorse.edit` (`api.edit`), so the registry they see is the one on disk
under the lock, and what they return is what gets written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Container, Mapping
from dataclasses import dataclass
from datetime import date

from endorse.duplicates.rule import DuplicateIndex, refuse_duplicate, two_places
from endorse.errors import EndorseError
from endorse.registry.model import Registry, Signatory
from endorse.registry.query import resolve
from endorse.registry.values import ValueProblem, changed_signatory, id_for, optional_text


class IdTakenError(EndorseError):
    """A new signatory's id is already some other signatory's."""

    def __init__(self, message: str, suggested_id: str) -> None:
        super().__init__(message)
        self.suggested_id = suggested_id


@dataclass(frozen=True)
class Edited:
    """The registry after a change, the signatory as it is now, and as it was (None if new)."""

    registry: Registry
    signatory: Signatory
    before: Signatory | None = None
    id_taken_by: Signatory | None = None  # who has the slug of a new one's name, if anyone

    @property
    def changed_keys(self) -> list[str]:
        """The keys whose value differs between before and now."""
        return [] if self.before is None else changed_keys(self.before, self.signatory)


def changed_keys(before: Signatory, after: Signatory) -> list[str]:
    """The keys whose value differs between two versions of a signatory."""
    return [
        f.name
        for f in dataclasses.fields(Signatory)
        if getattr(before, f.name) != getattr(after, f.name)
    ]


def add_signatory(
    registry: Registry, signatory: Signatory, *, force: bool = False, id_given: bool | None = None
) -> Edited:
    """The registry with `signatory` added; refused when it is a duplicate, or when its id
    is taken and cannot be chosen for it.

    An id derived from the name (`id_given` False; when None, an id that is the slug of
    the name counts as derived) and taken by a signatory of another country is replaced
    by `free_id`'s ("valencia" -> "valencia-ve"), as is one taken in another subdivision
    ("portland" -> "portland-me"): `Edited.id_taken_by` then says by whom.
    A given id that is taken is refused, with one to use instead.
    """
    refuse_duplicate(DuplicateIndex(registry.signatories), signatory, force=force)
    taken = registry.by_id(signatory.id)
    if taken is not None:
        ids = {s.id for s in registry.signatories}
        other = free_id(ids, signatory, taken)
        if not chooses_id(signatory, taken, id_given=id_given):
            raise IdTakenError(
                f'the id "{signatory.id}" is already taken by "{taken.name}" ({taken.country}, '
                f"{taken.kind}); nothing was added. If this is another government, give it "
                f'another id, such as "{other}".',
                other,
            )
        signatory = dataclasses.replace(signatory, id=other)
    added = dataclasses.replace(registry, signatories=(*registry.signatories, signatory))
    return Edited(added, signatory, id_taken_by=taken)


def chooses_id(new: Signatory, taken: Signatory, *, id_given: bool | None = None) -> bool:
    """Whether `new`, whose id `taken` has, gets another one chosen for it: when its id was
    derived from its name (not given), and `taken` is in another country (Valencia, ES and
    Valencia, VE), in another subdivision of it (Portland, US-OR and Portland, US-ME:
    "portland-me"), or is another place the data knows (Maraú and Marau, BR: "marau-2").
    Otherwise two governments of one name are told apart by hand."""
    if id_given is None:
        id_given = new.id != _derived_id(new.name)
    other_subdivision = bool(
        new.subdivision and taken.subdivision and new.subdivision != taken.subdivision
    )
    return not id_given and (
        new.country != taken.country or other_subdivision or two_places(new, taken)
    )


def _derived_id(name: str) -> str | None:
    try:
        return id_for(name)
    except ValueProblem:
        return None


def free_id(ids: Container[str], new: Signatory, taken: Signatory) -> str:
    """An id for `new` not in `ids`, whose own is `taken`'s: told apart by what differs
    (the country, else the kind, else the subdivision), then by its subdivision if that
    is still taken, then numbered: "valencia-ve", "valencia-ve-car", "valencia-ve-2"."""
    if new.country != taken.country:
        suffix = [new.country.lower()]
    elif new.kind != taken.kind:
        suffix = [new.kind]
    elif new.subdivision and new.subdivision != taken.subdivision:
        suffix = [_subdivision_part(new.subdivision)]
    else:
        suffix = []
    base = "-".join([new.id, *suffix])
    choices = [base] if suffix else []
    if new.subdivision and _subdivision_part(new.subdivision) not in suffix:
        choices.append(f"{base}-{_subdivision_part(new.subdivision)}")
    for candidate in choices:
        if candidate not in ids:
            return candidate
    number = 2
    while f"{base}-{number}" in ids:
        number += 1
    return f"{base}-{number}"


def _subdivision_part(subdivision: str) -> str:
    return subdivision.split("-", 1)[-1].lower()


def chosen_id_note(registry: Registry, new: Signatory) -> str | None:
    """What to tell the user when `new`, added to `registry` without an id, did not get
    the slug of its name because a signatory of `registry` has it (None if it did)."""
    derived = _derived_id(new.name)
    taken = None if derived is None or derived == new.id else registry.by_id(derived)
    if taken is None:
        return None
    return (
        f'the id "{taken.id}" is taken by "{taken.name}" ({taken.country}, {taken.kind}), '
        f'so this one is "{new.id}"'
    )


def edit_signatory(
    registry: Registry,
    reference: str,
    changes: Mapping[str, str | bool | date],
    clear: Collection[str] = (),
) -> Edited:
    """The registry with one signatory's given keys changed and every other key kept.

    A change that makes it the same government as another signatory (the
    duplicate rule of `endorse.duplicates.rule`) is refused.
    """
    before = resolve(registry, reference)
    after = changed_signatory(before, changes, clear)
    if after != before:
        refuse_duplicate(DuplicateIndex(registry.signatories), after, force=True, ignore=before.id)
    return Edited(_replaced(registry, after), after, before)


def withdraw_signatory(registry: Registry, reference: str, note: str | None = None) -> Edited:
    """Status withdrawn, the record kept; a note is added after any note already there.

    Withdrawing twice changes nothing: a signatory already withdrawn keeps its
    status, and a note is added unless its note already ends with it (the same
    command run again adds nothing more).
    """
    before = resolve(registry, reference)
    after = (
        before
        if before.status == "withdrawn"
        else changed_signatory(before, {"status": "withdrawn"})
    )
    added = optional_text(note, "note")
    if added is not None and not _ends_with_appended(before.note or "", added):
        after = dataclasses.replace(after, note=_appended(before.note, added))
    if after == before:
        return Edited(registry, before, before)
    return Edited(_replaced(registry, after), after, before)


def _ends_with_appended(note: str, added: str) -> bool:
    """Whether `note` is `added`, or some note with `added` appended to it (`_appended`):
    "Mayor left office 2018." does not end with the note "2018." added."""
    if note == added:
        return True
    if not note.endswith(added):
        return False
    before = note[: -len(added)]
    return _appended(before[:-1], added) == note or _appended(before[:-2], added) == note


def _appended(note: str | None, added: str) -> str:
    """`added` after `note`: a sentence after a full stop, else after a semicolon."""
    if not note:
        return added
    return f"{note} {added}" if note.endswith((".", "!", "?", ";")) else f"{note}; {added}"


def remove_signatory(registry: Registry, reference: str) -> Edited:
    """The registry without one signatory; `signatory` is the record removed."""
    removed = resolve(registry, reference)
    kept = tuple(s for s in registry.signatories if s.id != removed.id)
    return Edited(dataclasses.replace(registry, signatories=kept), removed, removed)


def _replaced(registry: Registry, signatory: Signatory) -> Registry:
    return dataclasses.replace(
        registry,
        signatories=tuple(signatory if s.id == signatory.id else s for s in registry.signatories),
    )

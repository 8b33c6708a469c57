"""Changes to a registry in memory: add, edit, withdraw, remove.

Each function takes a Registry and gives back the new one with the record
concerned, or raises an EndorseError and changes nothing. The caller runs
them inside `store.modify`, so the registry they see is the one on disk
under the lock, and what they return is what gets written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from endorse.duplicates import DuplicateIndex, refuse_duplicate
from endorse.errors import EndorseError
from endorse.model import Registry, Signatory
from endorse.query import resolve
from endorse.values import changed_signatory, clean_text


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


def add_signatory(registry: Registry, signatory: Signatory, *, force: bool = False) -> Edited:
    """The registry with `signatory` added; refused when its id is taken or it is a duplicate."""
    refuse_duplicate(DuplicateIndex(registry.signatories), signatory, force=force)
    taken = registry.by_id(signatory.id)
    if taken is not None:
        other = free_id(registry, signatory, taken)
        raise IdTakenError(
            f'the id "{signatory.id}" is already taken by "{taken.name}" ({taken.country}, '
            f"{taken.kind}); nothing was added. If this is another government, give it "
            f'another id, such as "{other}".',
            other,
        )
    added = dataclasses.replace(registry, signatories=(*registry.signatories, signatory))
    return Edited(added, signatory)


def free_id(registry: Registry, new: Signatory, taken: Signatory) -> str:
    """An id for `new`, whose own is `taken`'s: told apart by what differs (country, kind,
    subdivision), else numbered."""
    if new.country != taken.country:
        suffix = new.country.lower()
    elif new.kind != taken.kind:
        suffix = new.kind
    elif new.subdivision and new.subdivision != taken.subdivision:
        suffix = new.subdivision.split("-", 1)[-1].lower()
    else:
        suffix = "2"
    candidate, number = f"{new.id}-{suffix}", 2
    while registry.by_id(candidate) is not None:
        number += 1
        candidate = f"{new.id}-{suffix}-{number}"
    return candidate


def edit_signatory(
    registry: Registry,
    reference: str,
    changes: Mapping[str, str | bool | date],
    clear: Collection[str] = (),
) -> Edited:
    """The registry with one signatory's given keys changed and every other key kept.

    A change that makes it the same government as another signatory (the
    duplicate rule of `endorse.duplicates`) is refused.
    """
    before = resolve(registry, reference)
    after = changed_signatory(before, changes, clear)
    if after != before:
        refuse_duplicate(DuplicateIndex(registry.signatories), after, force=True, ignore=before.id)
    return Edited(_replaced(registry, after), after, before)


def withdraw_signatory(registry: Registry, reference: str, note: str | None = None) -> Edited:
    """Status withdrawn, the record kept; a note is added after any note already there.

    A signatory already withdrawn is left as it is, its note too: withdrawing
    twice changes nothing (`edit` changes the note of a withdrawn signatory).
    """
    before = resolve(registry, reference)
    if before.status == "withdrawn":
        return Edited(registry, before, before)
    after = changed_signatory(before, {"status": "withdrawn"})
    if note is not None and note.strip():
        added = clean_text(note, "note")
        after = dataclasses.replace(after, note=_appended(before.note, added))
    return Edited(_replaced(registry, after), after, before)


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

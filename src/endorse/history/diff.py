"""What changed between two versions of a registry, signatory by signatory.

Signatories are matched by id, which `edit` never changes: a signatory
renamed with `edit --name` is one change of its name, not a removal and an
addition. Each signatory that differs is added, removed, withdrawn (its
status became "withdrawn"), reinstated (it was withdrawn and is no longer)
or changed; every key that differs is listed with its old and new value,
the status among them. The paper's keys, and the registry's own keys
(`format`, unknown top-level keys), are compared the same way. Pure: the
versions come from wherever the caller read them (`endorse.history.git` reads
them from git).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

from endorse.registry.model import Registry, Signatory, paper_to_doc, signatory_to_doc

ChangeKind = Literal["added", "removed", "withdrawn", "reinstated", "changed"]
CHANGE_KINDS: Final[tuple[ChangeKind, ...]] = (
    "added",
    "removed",
    "withdrawn",
    "reinstated",
    "changed",
)
WITHDRAWN: Final = "withdrawn"


@dataclass(frozen=True)
class FieldChange:
    """One key whose value differs: `old` or `new` is None where the key is absent."""

    key: str
    old: Any
    new: Any


@dataclass(frozen=True)
class SignatoryChange:
    """A signatory that differs between the versions; `old` is None when it was added,
    `new` when it was removed. `fields` lists the keys that changed (none for an addition
    or a removal)."""

    kind: ChangeKind
    old: Signatory | None
    new: Signatory | None
    fields: tuple[FieldChange, ...] = ()

    @property
    def signatory(self) -> Signatory:
        """The signatory as it is now, or as it was when it was removed."""
        found = self.new or self.old
        assert found is not None
        return found


@dataclass(frozen=True)
class Changes:
    """Every difference between an old and a new registry; unchanged signatories are not
    listed. Signatories are in the order of their ids within each kind."""

    signatories: tuple[SignatoryChange, ...] = ()
    paper: tuple[FieldChange, ...] = ()
    registry: tuple[FieldChange, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.signatories or self.paper or self.registry)

    def of_kind(self, kind: ChangeKind) -> tuple[SignatoryChange, ...]:
        return tuple(c for c in self.signatories if c.kind == kind)

    def counts(self) -> dict[ChangeKind, int]:
        """How many signatories of each kind of change, every kind listed."""
        counted = dict.fromkeys(CHANGE_KINDS, 0)
        for change in self.signatories:
            counted[change.kind] += 1
        return counted


def diff(old: Registry | None, new: Registry) -> Changes:
    """The changes that turn `old` into `new`; with no `old` (the registry did not exist),
    every signatory is added and every key of the paper new."""
    if old is None:
        return Changes(
            tuple(SignatoryChange("added", None, s) for s in sorted(new.signatories, key=_id)),
            tuple(field_changes({}, paper_to_doc(new.paper))),
            tuple(field_changes({}, _registry_keys(new))),
        )
    before = {s.id: s for s in old.signatories}
    after = {s.id: s for s in new.signatories}
    found = [
        *(SignatoryChange("added", None, after[i]) for i in after.keys() - before.keys()),
        *(SignatoryChange("removed", before[i], None) for i in before.keys() - after.keys()),
        *(_changed(before[i], after[i]) for i in before.keys() & after.keys()),
    ]
    ordered = sorted(
        (c for c in found if c is not None),
        key=lambda c: (CHANGE_KINDS.index(c.kind), c.signatory.id),
    )
    return Changes(
        tuple(ordered),
        tuple(field_changes(paper_to_doc(old.paper), paper_to_doc(new.paper))),
        tuple(field_changes(_registry_keys(old), _registry_keys(new))),
    )


def unchanged_ids(old: Iterable[Signatory], new: Iterable[Signatory]) -> frozenset[str]:
    """The ids of the signatories of `new` that are the same in `old`, matched by id as
    `diff` matches them: every other one was added or changed."""
    before = {s.id: s for s in old}
    return frozenset(s.id for s in new if before.get(s.id) == s)


def _id(signatory: Signatory) -> str:
    return signatory.id


def _changed(old: Signatory, new: Signatory) -> SignatoryChange | None:
    if old == new:
        return None
    fields = tuple(field_changes(signatory_to_doc(old), signatory_to_doc(new)))
    if new.status == WITHDRAWN and old.status != WITHDRAWN:
        return SignatoryChange("withdrawn", old, new, fields)
    if old.status == WITHDRAWN and new.status != WITHDRAWN:
        return SignatoryChange("reinstated", old, new, fields)
    return SignatoryChange("changed", old, new, fields)


def field_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[FieldChange]:
    """The keys whose values differ, in the order of `new` then the keys only `old` has."""
    for key in [*new, *(k for k in old if k not in new)]:
        before, after = old.get(key), new.get(key)
        if before != after or type(before) is not type(after):
            yield FieldChange(key, before, after)


def _registry_keys(registry: Registry) -> dict[str, Any]:
    return {"format": registry.format, **registry.extra}

"""Selecting signatories: filters, sort orders, and resolving an ID argument."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from operator import attrgetter
from typing import Final, Literal, get_args

from endorse.errors import AmbiguousReferenceError, UnknownSignatoryError
from endorse.places.names import fold, match_key
from endorse.registry.model import Registry, Signatory
from endorse.registry.values import ValueProblem, check_country, shown, wrong_type

SortKey = Literal["name", "country", "endorsed"]
SORT_KEYS: Final[tuple[str, ...]] = get_args(SortKey)


@dataclass(frozen=True)
class Filters:
    """What `endorse list` keeps; None means no filter on that key."""

    member: bool | None = None
    country: str | None = None
    kind: str | None = None
    status: str | None = None
    search: str | None = None

    def keeps(self, signatory: Signatory) -> bool:
        return (
            (self.member is None or signatory.member == self.member)
            and (self.country is None or signatory.country == self.country)
            and (self.kind is None or signatory.kind == self.kind)
            and (self.status is None or signatory.status == self.status)
            and (self.search is None or matches_search(signatory, self.search))
        )


def matches_search(signatory: Signatory, text: str) -> bool:
    """Case- and accent-insensitive substring search on name, as_written and id; the names
    are also compared as the duplicate rule compares them (`names.match_key`), so that
    "saint louis" finds "St. Louis City" and "new-york" finds "New York"."""
    needle = fold(text)
    if any(needle in fold(v) for v in (signatory.name, signatory.as_written, signatory.id) if v):
        return True
    key = match_key(text)
    return bool(key) and any(
        key in match_key(v) for v in (signatory.name, signatory.as_written) if v
    )


def select(
    signatories: Iterable[Signatory], filters: Filters, sort: SortKey = "name"
) -> list[Signatory]:
    """The signatories the filters keep, sorted. The country is read as `add` reads it (a
    code, or a name: "Brazil", "USA"), and one that is no country is refused rather than
    matching no one. A search for text that folds to nothing (blanks, invisible
    characters) is refused: it would keep everyone."""
    if filters.search is not None and not fold(filters.search).strip():
        raise ValueProblem(
            "search", f"the search text {shown(filters.search)} is empty; give some letters"
        )
    if filters.country is not None:
        filters = replace(filters, country=check_country(filters.country))
    kept = [s for s in signatories if filters.keeps(s)]
    return sort_signatories(kept, sort)


def sort_signatories(signatories: Iterable[Signatory], sort: SortKey) -> list[Signatory]:
    """Sorted by name, by country then name, or by date of endorsement (undated last)."""
    if sort == "country":
        return sorted(signatories, key=lambda s: (s.country, fold(s.name), s.id))
    if sort == "endorsed":
        return sorted(
            signatories,
            key=lambda s: (s.endorsed_on is None, s.endorsed_on or date.min, fold(s.name), s.id),
        )
    by_id = sorted(signatories, key=attrgetter("id"))
    return sorted(by_id, key=lambda s: fold(s.name))  # stable: ties stay in id order


def resolve(registry: Registry, reference: str) -> Signatory:
    """The signatory an ID argument means: its id, or a name that matches exactly one.

    An empty or blank reference means no one: it is refused, never matched
    against a signatory that has no `as_written`.
    """
    if not isinstance(reference, str):
        raise wrong_type("reference", reference, "an id or a name (text)")
    if not fold(reference).strip():
        raise ValueProblem(
            "reference", f"the reference {shown(reference)} is empty; give an id or a name"
        )
    found = registry.by_id(reference)
    if found is not None:
        return found
    wanted = fold(reference.strip())
    by_name = [
        s
        for s in registry.signatories
        if wanted == fold(s.name) or (s.as_written and wanted == fold(s.as_written))
    ]
    if len(by_name) == 1:
        return by_name[0]
    if len(by_name) > 1:
        ids = ", ".join(s.id for s in by_name)
        raise AmbiguousReferenceError(
            f'"{reference}" names {len(by_name)} signatories ({ids}); give the id instead.'
        )
    close = closest_ids(registry.signatories, reference)
    suggestion = "; did you mean " + " or ".join(f'"{i}"' for i in close) + "?" if close else "."
    raise UnknownSignatoryError(
        f"no signatory has the id or name {shown(reference)}{suggestion}", close
    )


def closest_ids(signatories: Sequence[Signatory], reference: str, limit: int = 3) -> list[str]:
    """The ids of the signatories whose id or folded name is closest to `reference`; a name
    that several signatories share stands for all of them."""
    ids_by_key: dict[str, list[str]] = {}
    for signatory in signatories:
        ids_by_key.setdefault(signatory.id, []).append(signatory.id)
        ids_by_key.setdefault(fold(signatory.name), []).append(signatory.id)
    close = difflib.get_close_matches(fold(reference), list(ids_by_key), n=limit * 2, cutoff=0.6)
    unique = dict.fromkeys(found for key in close for found in ids_by_key[key])
    return list(unique)[:limit]

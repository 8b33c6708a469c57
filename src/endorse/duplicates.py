"""Finding a signatory already in the registry under another spelling.

Two rules, both within one country (Richmond, US and Richmond, GB are two
governments):

- exact: the new name's `match_key` equals the key of an existing
  signatory's name or `as_written` spelling. Case, accents, punctuation,
  hyphens, "St."/"Saint" and a leading "City of" are ignored, so "New York"
  is the same as "New-York" and "City of Chicago" as "Chicago".
- near: the keys are within a few typing mistakes of each other, counted
  as optimal-string-alignment edits (an insertion, deletion, substitution or
  swap of two neighbouring letters is one edit) by rapidfuzz: none allowed
  below NEAR_MIN_LENGTH letters, one below NEAR_LONG_LENGTH, two from there
  on. "Pittsburg" is near "Pittsburgh" and "Sao Paolo" near "São Paulo";
  "St. Louis County" is not near "St. Louis City" (three edits). Counting
  edits rather than a percentage keeps long names that share a long prefix
  ("Comunidad de Madrid", "Comunidad de Murcia") apart.

`DuplicateIndex` is built once from the signatories, in one pass; each
question then costs a dictionary look-up (exact) or one vectorised rapidfuzz
scan over the keys of one country (near), never a loop over pairs, so it
stays quick at 100,000 signatories.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final

from endorse.errors import EndorseError
from endorse.model import Signatory
from endorse.names import match_key

NEAR_MIN_LENGTH: Final = 4
NEAR_LONG_LENGTH: Final = 10


class DuplicateError(EndorseError):
    """The name, once normalised, is already in the registry for that country."""


class NearDuplicateError(EndorseError):
    """The name is a few typing mistakes away from one in the registry."""


def edits_allowed(key: str) -> int:
    """How many edits apart two keys may be and still be a near match."""
    if len(key) < NEAR_MIN_LENGTH:
        return 0
    return 1 if len(key) < NEAR_LONG_LENGTH else 2


@dataclass(frozen=True)
class Match:
    """An existing signatory a name matches, the spelling it matched, and how many edits apart."""

    signatory: Signatory
    spelling: str
    edits: int


class DuplicateIndex:
    """The signatories by (country, match key), to answer `exact` and `near` quickly.

    A country's keys are computed the first time that country is asked
    about: `endorse add` on a registry of 100,000 signatories then
    normalises the names of one country, not of all of them.
    """

    def __init__(self, signatories: Iterable[Signatory] = ()) -> None:
        self._by_key: dict[tuple[str, str], list[tuple[Signatory, str]]] = {}
        self._keys_by_country: dict[str, list[str]] = {}
        self._unindexed: dict[str, list[Signatory]] = {}
        for signatory in signatories:
            self._unindexed.setdefault(signatory.country, []).append(signatory)

    def add(self, signatory: Signatory) -> None:
        """Index one more signatory (an import adds each row as it is accepted)."""
        if signatory.country in self._unindexed:
            self._unindexed[signatory.country].append(signatory)
            return
        self._index(signatory)

    def _index(self, signatory: Signatory) -> None:
        for spelling in _spellings(signatory):
            key = match_key(spelling)
            entries = self._by_key.setdefault((signatory.country, key), [])
            if not entries:
                self._keys_by_country.setdefault(signatory.country, []).append(key)
            entries.append((signatory, spelling))

    def _ready(self, country: str) -> None:
        for signatory in self._unindexed.pop(country, ()):
            self._index(signatory)

    def exact(self, name: str, country: str, *, ignore: str | None = None) -> Match | None:
        """The signatory of `country` whose name has the key of `name` (not the id `ignore`)."""
        self._ready(country)
        for signatory, spelling in self._by_key.get((country, match_key(name)), []):
            if signatory.id != ignore:
                return Match(signatory, spelling, 0)
        return None

    def near(
        self, name: str, country: str, *, ignore: str | None = None, limit: int = 3
    ) -> list[Match]:
        """Signatories of `country` a few edits from `name`, closest first (exact ones left out)."""
        self._ready(country)
        key = match_key(name)
        allowed = edits_allowed(key)
        # OSA distance is at least the difference in length: keys outside this window
        # cannot be near, and when none is inside it rapidfuzz need not even be loaded.
        keys = [
            other
            for other in self._keys_by_country.get(country, [])
            if abs(len(other) - len(key)) <= allowed
        ]
        if not allowed or not keys:
            return []
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        candidates = process.extract(
            key, keys, scorer=OSA.distance, score_cutoff=allowed, limit=limit + 8
        )
        found: dict[str, Match] = {}
        for other, edits, _ in candidates:
            if edits == 0 or edits > edits_allowed(min(key, other, key=len)):
                continue
            for signatory, spelling in self._by_key[(country, other)]:
                if signatory.id != ignore and signatory.id not in found:
                    found[signatory.id] = Match(signatory, spelling, int(edits))
        return sorted(found.values(), key=lambda m: (m.edits, m.signatory.id))[:limit]

    def groups(self) -> Iterator[list[Signatory]]:
        """Signatories that share a key in one country: exact duplicates already recorded."""
        for country in list(self._unindexed):
            self._ready(country)
        for entries in self._by_key.values():
            unique = list({s.id: s for s, _ in entries}.values())
            if len(unique) > 1:
                yield unique


def _spellings(signatory: Signatory) -> list[str]:
    spellings = [signatory.name]
    if signatory.as_written and match_key(signatory.as_written) != match_key(signatory.name):
        spellings.append(signatory.as_written)
    return spellings


def refuse_duplicate(
    index: DuplicateIndex,
    name: str,
    country: str,
    *,
    force: bool = False,
    ignore: str | None = None,
) -> None:
    """Raise DuplicateError for an exact match; NearDuplicateError for a near one unless `force`."""
    same = index.exact(name, country, ignore=ignore)
    if same is not None:
        raise DuplicateError(
            f'"{name}" ({country}) is already in the registry as "{same.signatory.id}" '
            f"(written {_quoted(same.spelling)}): the names are the same once case, accents, "
            'punctuation, hyphens, "St."/"Saint" and a leading "City of" are ignored. '
            f"Nothing was changed; to change that signatory, use `endorse edit "
            f"{same.signatory.id}`."
        )
    if force:
        return
    close = index.near(name, country, ignore=ignore)
    if close:
        choices = " or ".join(f'"{m.signatory.id}" ({_quoted(m.spelling)})' for m in close)
        raise NearDuplicateError(
            f'"{name}" ({country}) is very close to a signatory already in the registry: '
            f"did you mean {choices}? Nothing was changed. If it is another government, "
            "run the command again with --force."
        )


def _quoted(text: str) -> str:
    return f'"{text}"'

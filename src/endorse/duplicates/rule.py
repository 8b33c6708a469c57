"""The duplicate rule: when two signatories are one government, and when they may be.

One rule, used by `add`, `edit`, `import` and `validate` alike:

- **Same government** (an exact duplicate): the two share a country and a
  kind, a `names.match_key` of one's spellings (its name, or its
  `as_written`) is a match key of the other's, and their subdivisions do
  not tell them apart (both given and different: Portland, US-OR is not
  Portland, US-ME). Case, accents, punctuation, hyphens, "St."/"Saint" and
  a leading "City of" are ignored, so "New-York" is "New York". A city and
  a county of one name (St. Louis City, St. Louis County) are two
  governments.
- **Near duplicates**: on the same terms of country, kind and subdivision,
  their comparable keys (the match key without words such as "City",
  "County", "Comune" or "de", which say what a government is, not which:
  `governments.GENERIC_WORDS`) are equal, or they, or the names as written
  (every word kept, so that "Ctiy of Gdynia" is one swap from "City of
  Gdynia"), are a few typing mistakes apart: optimal-string-alignment edits
  (an insertion, deletion, substitution or swap of neighbours is one),
  none allowed below NEAR_MIN_LENGTH letters, one below NEAR_LONG_LENGTH,
  two from there on ("Pittsburg" is near "Pittsburgh"; "Comunidad de
  Madrid" is not near "Comunidad de Murcia"). Names that differ in a number
  ("District 1", "District 2") or in their compass words ("North X", "South X"),
  and two names the place data knows as two different places (`places.lookup.identify`
  gives each a place, and none in common: Catford and Watford, Ryde and Hyde),
  are told apart. A name it does not know stays near a known one: "Chicagoo".
  How many edits are allowed is set by the shorter comparable key, and one
  edit in the names as written is always allowed, so a typo in "City" counts
  as one in the place's own name, and "Comune di Bro" is near "Comune di Bra"
  (a typo of the town of Bra, the data knowing no Bro) though "Bro" alone is
  too short to be near "Bra".
- **Two places are two governments**: names that the place data knows as two
  different places (`places.lookup.identify`) are neither near duplicates nor
  the same government, whatever their accents: "Maraú" and "Marau" are two
  municipalities of Brazil (`places.lookup.identify` tells a name from its namesake
  written with other accents).

`DuplicateIndex` answers for one candidate (add, edit, import); the
functions `exact_duplicates` and `near_duplicates` find every pair of a
registry (validate), with the same predicates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from endorse.duplicates.blocking import near_pairs
from endorse.errors import EndorseError
from endorse.places import lookup as places
from endorse.places.governments import GENERIC_WORDS
from endorse.places.names import match_key, plain_key
from endorse.registry.model import Signatory

NEAR_MIN_LENGTH: Final = 4
NEAR_LONG_LENGTH: Final = 10
MOST_EDITS: Final = 2

_NUMBERS: Final = re.compile(r"\b(?:\d+|[ivx]+)\b")
_DISTINGUISHING: Final = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}
    | {"upper", "lower", "new", "old", "central", "greater", "inner", "outer"}
)


class DuplicateError(EndorseError):
    """The signatory is already in the registry under that name (`match` says where)."""

    def __init__(self, message: str, match: Match) -> None:
        super().__init__(message)
        self.match = match


class NearDuplicateError(EndorseError):
    """The name is a few typing mistakes away from signatories in the registry (`matches`)."""

    def __init__(self, message: str, matches: Sequence[Match]) -> None:
        super().__init__(message)
        self.matches = tuple(matches)


@dataclass(frozen=True)
class Match:
    """A signatory a name matches, the spelling it matched, and how many edits apart."""

    signatory: Signatory
    spelling: str
    edits: int


def edits_allowed(key: str) -> int:
    """How many edits apart two keys may be and still be near, by the shorter key's length."""
    if len(key) < NEAR_MIN_LENGTH:
        return 0
    return 1 if len(key) < NEAR_LONG_LENGTH else MOST_EDITS


def comparable_key(name: str) -> str:
    """The match key without words like "city", "county" or "metropolitan area".

    "Sarny Metropolitan Area" and "Romny Metropolitan Area" are close as
    written, but "sarny" and "romny" are not; "St. Louis City" and
    "St. Louis" coincide.
    """
    key = match_key(name)
    words = [word for word in key.split() if word not in GENERIC_WORDS]
    return " ".join(words) if words else key


def search_keys(name: str) -> tuple[str, ...]:
    """The keys under which a name is looked for near others: its comparable key, and its
    plain key (every word kept) when that differs."""
    comparable, plain = comparable_key(name), plain_key(name)
    return (comparable,) if plain == comparable else (comparable, plain)


def near_edits(a_spelling: str, b_spelling: str) -> int | None:
    """How many typing mistakes apart two spellings are, when few enough to be near
    (by the shorter comparable key: `edits_allowed`), else None. The fewer of the
    distances between their comparable keys and between their plain keys: a typo inside
    "City" or "de" is seen, and "Kurashiki City" stays beside "Kurashiki Town"."""
    from rapidfuzz.distance import OSA

    a_key, b_key = comparable_key(a_spelling), comparable_key(b_spelling)
    allowed = edits_allowed(min(a_key, b_key, key=len))
    edits = OSA.distance(a_key, b_key, score_cutoff=allowed)
    if edits <= allowed:
        return edits
    a_plain, b_plain = plain_key(a_spelling), plain_key(b_spelling)
    allowed = max(allowed, min(1, edits_allowed(min(a_plain, b_plain, key=len))))
    edits = OSA.distance(a_plain, b_plain, score_cutoff=allowed)
    return edits if edits <= allowed else None


def spellings(signatory: Signatory) -> tuple[str, ...]:
    """The names a signatory is known by: its name, and its spelling in the source."""
    written = signatory.as_written
    if written and plain_key(written) != plain_key(signatory.name):
        return (signatory.name, written)
    return (signatory.name,)


def may_be_one(a: Signatory, b: Signatory) -> bool:
    """Whether country, kind and subdivision leave room for `a` and `b` to be one government."""
    return (
        a.country == b.country
        and a.kind == b.kind
        and (a.subdivision is None or b.subdivision is None or a.subdivision == b.subdivision)
    )


def is_near(a: Signatory, a_spelling: str, b: Signatory, b_spelling: str) -> int | None:
    """How many edits apart two spellings are, when they make near duplicates; else None."""
    if match_key(a_spelling) == match_key(b_spelling) or not may_be_one(a, b):
        return None
    edits = near_edits(a_spelling, b_spelling)
    if edits is None or _told_apart(comparable_key(a_spelling), comparable_key(b_spelling)):
        return None
    return None if _two_known_places(a, a_spelling, b, b_spelling) else edits


def is_same(a: Signatory, a_spelling: str, b: Signatory, b_spelling: str) -> bool:
    """Whether two signatories whose spellings share a match key are one government: their
    country, kind and subdivision allow it, and, when the spellings differ in more than
    case (accents: "Maraú", "Marau"), the place data does not know them as two places."""
    if not may_be_one(a, b):
        return False
    if places.written_alike(a_spelling, b_spelling):
        return True
    return not _two_known_places(a, a_spelling, b, b_spelling)


def _told_apart(a: str, b: str) -> bool:
    """Names that differ in a number (also a roman one), or in the compass word both hold
    ("North X", "South X"), are different places; "Nwe York" is still near "New York"."""
    if _NUMBERS.findall(a) != _NUMBERS.findall(b):
        return True
    a_words, b_words = set(a.split()) & _DISTINGUISHING, set(b.split()) & _DISTINGUISHING
    return bool(a_words and b_words and a_words != b_words)


def two_places(a: Signatory, b: Signatory) -> bool:
    """Whether the place data knows the two signatories' names as two different places."""
    return _two_known_places(a, a.name, b, b.name)


def _two_known_places(a: Signatory, a_spelling: str, b: Signatory, b_spelling: str) -> bool:
    """Whether the place data knows the two names as two different places.

    Each name is identified as `places.lookup.identify` identifies it (its kind, its
    subdivision, other names such as "Cologne" for Köln); when both are known
    and no place is among the candidates of both, they are two places, however
    close their names: Ivry-sur-Seine and Vitry-sur-Seine, Catford and Watford.
    A name the data does not know ("Chicagoo", "Sao Paolo") stays near the
    known one. A misspelling that happens to be another real place
    ("Pittsburg" for "Pittsburgh") is caught by the place rules (W202, W203).
    """
    if a.kind not in ("city", "county"):
        return False
    a_places = _known_as(a, a_spelling)
    if not a_places:
        return False
    b_places = _known_as(b, b_spelling)
    return bool(b_places) and a_places.isdisjoint(b_places)


def _known_as(signatory: Signatory, spelling: str) -> frozenset[places.Place]:
    found = places.identify(spelling, signatory.country, signatory.kind, signatory.subdivision)
    return frozenset(found.matching)


Block = tuple[str, str]


class DuplicateIndex:
    """Signatories indexed to answer, for one candidate, "is it already there?".

    A block (country and kind) is indexed the first time it is asked about:
    `endorse add` on a large registry then normalises the names of one
    block, not of all of them.
    """

    def __init__(self, signatories: Iterable[Signatory] = ()) -> None:
        self._by_key: dict[tuple[str, str, str], list[tuple[Signatory, str]]] = {}
        self._by_comparable: dict[Block, dict[str, list[tuple[Signatory, str]]]] = {}
        self._pending: dict[Block, list[Signatory]] = {}
        for signatory in signatories:
            self.add(signatory)

    def add(self, signatory: Signatory) -> None:
        """Index one more signatory (an import adds each row as it is accepted)."""
        block = (signatory.country, signatory.kind)
        if block not in self._by_comparable:
            self._pending.setdefault(block, []).append(signatory)
            return
        for spelling in spellings(signatory):
            self._by_key.setdefault((*block, match_key(spelling)), []).append((signatory, spelling))
            for key in search_keys(spelling):
                self._by_comparable[block].setdefault(key, []).append((signatory, spelling))

    def _block(self, block: Block) -> dict[str, list[tuple[Signatory, str]]]:
        if block not in self._by_comparable:
            self._by_comparable[block] = {}
            for signatory in self._pending.pop(block, ()):
                self.add(signatory)
        return self._by_comparable[block]

    def exact(self, candidate: Signatory, *, ignore: str | None = None) -> Match | None:
        """The signatory that is the same government as `candidate` (other than id `ignore`)."""
        block = (candidate.country, candidate.kind)
        self._block(block)
        for spelling in spellings(candidate):
            for other, other_spelling in self._by_key.get((*block, match_key(spelling)), ()):
                if other.id != ignore and is_same(candidate, spelling, other, other_spelling):
                    return Match(other, other_spelling, 0)
        return None

    def near(
        self, candidate: Signatory, *, ignore: str | None = None, limit: int = 3
    ) -> list[Match]:
        """Near duplicates of `candidate`, closest first (exact duplicates left out)."""
        by_comparable = self._block((candidate.country, candidate.kind))
        found: dict[str, Match] = {}
        for spelling in spellings(candidate):
            for key in search_keys(spelling):
                for other_key in _keys_within(key, by_comparable):
                    for other, other_spelling in by_comparable[other_key]:
                        if other.id == ignore or other.id in found:
                            continue
                        edits = is_near(candidate, spelling, other, other_spelling)
                        if edits is not None:
                            found[other.id] = Match(other, other_spelling, edits)
        return sorted(found.values(), key=lambda m: (m.edits, m.signatory.id))[:limit]


def _keys_within(key: str, keys: Iterable[str]) -> list[str]:
    """The keys at most MOST_EDITS edits from `key`: the candidates `is_near` decides on."""
    allowed = MOST_EDITS
    window = [other for other in keys if abs(len(other) - len(key)) <= allowed]
    if not window:
        return []
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    matches = process.extract(key, window, scorer=OSA.distance, score_cutoff=allowed, limit=None)
    return [other for other, _, _ in matches]


def exact_duplicates(signatories: Sequence[Signatory]) -> Iterator[tuple[int, int]]:
    """(earlier, later) positions of each signatory that is the same government as an
    earlier one: what `add` would refuse, had they been added in this order."""
    index = DuplicateIndex()
    position_of: dict[int, int] = {}
    for position, signatory in enumerate(signatories):
        same = index.exact(signatory)
        if same is not None:
            yield position_of[id(same.signatory)], position
        index.add(signatory)
        position_of[id(signatory)] = position


def near_duplicates(signatories: Sequence[Signatory]) -> Iterator[tuple[int, int, int]]:
    """(earlier, later, edits) for every pair of near duplicates, in one pass over blocks.

    Every pair within a block (country and kind) of up to
    `blocking.MAX_BLOCK` names is compared; a larger block is split by the
    ends of its names, where a pair that differs at both ends may be missed
    (see `endorse.duplicates.blocking`).
    """
    owners: list[tuple[int, str]] = []
    keys: list[str] = []
    blocks: list[Block] = []
    for position, signatory in enumerate(signatories):
        for spelling in spellings(signatory):
            for key in search_keys(spelling):
                owners.append((position, spelling))
                keys.append(key)
                blocks.append((signatory.country, signatory.kind))
    seen: set[tuple[int, int]] = set()
    for first, second, _ in near_pairs(keys, blocks, max_edits=MOST_EDITS):
        (a, a_spelling), (b, b_spelling) = sorted((owners[first], owners[second]))
        if a == b or (a, b) in seen:
            continue
        edits = is_near(signatories[a], a_spelling, signatories[b], b_spelling)
        if edits is not None:
            seen.add((a, b))
            yield a, b, edits


def refuse_duplicate(
    index: DuplicateIndex,
    candidate: Signatory,
    *,
    force: bool = False,
    ignore: str | None = None,
) -> None:
    """Raise DuplicateError for the same government; NearDuplicateError for a near one
    unless `force`."""
    same = index.exact(candidate, ignore=ignore)
    if same is not None:
        clashing = next(
            (s for s in spellings(candidate) if match_key(s) == match_key(same.spelling)),
            candidate.name,
        )
        raise DuplicateError(
            f'"{clashing}" ({candidate.country}, {candidate.kind}) is already in the '
            f'registry as "{same.signatory.id}" (written {_quoted(same.spelling)}): the names '
            'are the same once case, accents, punctuation, hyphens, "St."/"Saint" and a '
            'leading "City of" are ignored. Nothing was changed.',
            same,
        )
    if force:
        return
    close = index.near(candidate, ignore=ignore)
    if close:
        choices = " or ".join(f'"{m.signatory.id}" ({_quoted(m.spelling)})' for m in close)
        raise NearDuplicateError(
            f'"{candidate.name}" ({candidate.country}) is very close to a signatory already in '
            f"the registry: did you mean {choices}? Nothing was changed.",
            close,
        )


def _quoted(text: str) -> str:
    return f'"{text}"'

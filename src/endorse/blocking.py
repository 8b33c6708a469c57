"""Near-duplicate search that stays fast on large lists: blocking, then fuzzy matching.

Comparing every name with every other is quadratic: 100,000 names make five
billion pairs. Near duplicates are only looked for within a block (for
signatories: one country and kind), and a block larger than `max_block` is
split again, twice over: by the first letters of the key and by its last
letters. A typo leaves one end of a name intact, so a pair of near
duplicates still meets in one of the two splits; each split is refined until
its parts hold at most `max_part` names, compared pair by pair with rapidfuzz.

At 100,000 signatories, parts of 300 rather than 1,000 made the search 30 %
quicker and missed one pair of 4,493 in a registry of GeoNames names with
one misspelling in a hundred (tests/registry_factory.py): "huanglou 2" and
"shuanglu 2", which differ in their first letter and in their last three.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final

DEFAULT_SCORE_CUTOFF: Final = 90.0
DEFAULT_MAX_BLOCK: Final = 1000
DEFAULT_MAX_PART: Final = 300
_FIRST_SPLIT: Final = 2


@dataclass(frozen=True, order=True)
class NearPair:
    """Positions `first` < `second` of two keys, and their similarity from 0 to 100."""

    first: int
    second: int
    score: float


def near_duplicate_pairs(
    keys: Sequence[str],
    blocks: Sequence[Hashable],
    *,
    score_cutoff: float = DEFAULT_SCORE_CUTOFF,
    max_block: int = DEFAULT_MAX_BLOCK,
    max_part: int = DEFAULT_MAX_PART,
) -> list[NearPair]:
    """Pairs of different keys in the same block whose similarity reaches `score_cutoff`.

    Similarity is rapidfuzz's `fuzz.ratio` (normalised Indel similarity):
    "pittsburg" and "pittsburgh" score 94.7. Equal keys are not near
    duplicates (they are duplicates) and are not reported.
    """
    grouped: dict[Hashable, list[int]] = defaultdict(list)
    for position, block in enumerate(blocks):
        grouped[block].append(position)
    found: set[tuple[int, int, float]] = set()
    for members in grouped.values():
        if len(members) > 1:
            found.update(_pairs_in_block(keys, members, score_cutoff, max_block, max_part))
    return [NearPair(*pair) for pair in sorted(found)]


def _pairs_in_block(
    keys: Sequence[str], members: list[int], score_cutoff: float, max_block: int, max_part: int
) -> Iterable[tuple[int, int, float]]:
    if len(members) <= max_block:
        yield from _all_pairs(keys, members, score_cutoff)
        return
    for cut in (_prefix, _suffix):
        for part in _split(keys, members, cut, _FIRST_SPLIT, max_part):
            yield from _all_pairs(keys, part, score_cutoff)


def _prefix(key: str, length: int) -> str:
    return key.replace(" ", "")[:length]


def _suffix(key: str, length: int) -> str:
    return key.replace(" ", "")[-length:]


def _split(
    keys: Sequence[str],
    members: list[int],
    cut: Callable[[str, int], str],
    length: int,
    max_part: int,
) -> Iterable[list[int]]:
    """Parts of `members` sharing `cut(key, length)`, lengthening the cut for large parts."""
    parts: dict[str, list[int]] = defaultdict(list)
    for position in members:
        parts[cut(keys[position], length)].append(position)
    for part in parts.values():
        longest = max(len(keys[p].replace(" ", "")) for p in part)
        if len(part) > max_part and length < longest:
            yield from _split(keys, part, cut, length + 1, max_part)
        elif len(part) > 1:
            yield part


def _all_pairs(
    keys: Sequence[str], members: list[int], score_cutoff: float
) -> Iterable[tuple[int, int, float]]:
    from rapidfuzz import fuzz, process

    distinct: dict[str, list[int]] = defaultdict(list)
    for position in members:
        distinct[keys[position]].append(position)
    texts = sorted(distinct, key=len)
    lengths = [len(text) for text in texts]
    for i, text in enumerate(texts[:-1]):
        rest = texts[i + 1 : bisect_right(lengths, _longest_match(len(text), score_cutoff))]
        for _, score, j in process.extract(
            text, rest, scorer=fuzz.ratio, score_cutoff=score_cutoff, limit=None
        ):
            for a in distinct[text]:
                for b in distinct[rest[j]]:
                    yield (min(a, b), max(a, b), round(score, 1))


def _longest_match(length: int, score_cutoff: float) -> int:
    """The longest text that may reach `score_cutoff` against a text of `length` characters.

    The ratio is 100 × (1 − indel / (length + other)) and the indel distance is
    at least the difference of the lengths, so a text more than a fifth longer
    never scores 90 against this one; rapidfuzz need not be shown it (a
    character more is allowed for rounding).
    """
    room = 1 - score_cutoff / 100
    return int(length * (1 + room) / (1 - room)) + 1 if room < 1 else 1 << 30

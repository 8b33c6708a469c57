"""Near-duplicate search that stays fast on large lists: blocking, then fuzzy matching.

The search behind validate's near duplicates; the rule itself is in
`endorse.duplicates.rule`. Comparing every name with every other is quadratic:
100,000 names make five billion pairs. Near duplicates are only looked for within a block (for
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
from itertools import combinations
from typing import Final

MAX_BLOCK: Final = 1000
MAX_PART: Final = 300
_FIRST_SPLIT: Final = 2


def near_pairs(
    keys: Sequence[str],
    blocks: Sequence[Hashable],
    *,
    max_edits: int,
    max_block: int = MAX_BLOCK,
    max_part: int = MAX_PART,
) -> list[tuple[int, int, int]]:
    """(first, second, edits): positions first < second of keys in the same block that are
    at most `max_edits` optimal-string-alignment edits apart (equal keys too, at 0)."""
    grouped: dict[Hashable, list[int]] = defaultdict(list)
    for position, block in enumerate(blocks):
        grouped[block].append(position)
    found: set[tuple[int, int, int]] = set()
    for members in grouped.values():
        if len(members) > 1:
            found.update(_pairs_in_block(keys, members, max_edits, max_block, max_part))
    return sorted(found)


def _pairs_in_block(
    keys: Sequence[str], members: list[int], max_edits: int, max_block: int, max_part: int
) -> Iterable[tuple[int, int, int]]:
    if len(members) <= max_block:
        yield from _all_pairs(keys, members, max_edits)
        return
    for cut in (_prefix, _suffix):
        for part in _split(keys, members, cut, _FIRST_SPLIT, max_part):
            yield from _all_pairs(keys, part, max_edits)


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
    keys: Sequence[str], members: list[int], max_edits: int
) -> Iterable[tuple[int, int, int]]:
    """Every pair of `members` whose keys are at most `max_edits` apart. Keys are compared
    shortest first, each only with those no more than `max_edits` letters longer: the
    distance is at least the difference of the lengths."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    distinct: dict[str, list[int]] = defaultdict(list)
    for position in members:
        distinct[keys[position]].append(position)
    for same in distinct.values():
        yield from ((a, b, 0) for a, b in combinations(sorted(same), 2))
    texts = sorted(distinct, key=len)
    lengths = [len(text) for text in texts]
    for i, text in enumerate(texts[:-1]):
        rest = texts[i + 1 : bisect_right(lengths, len(text) + max_edits)]
        for _, edits, j in process.extract(
            text, rest, scorer=OSA.distance, score_cutoff=max_edits, limit=None
        ):
            for a in distinct[text]:
                for b in distinct[rest[j]]:
                    yield (min(a, b), max(a, b), int(edits))

"""Near-duplicate search with blocking: the pairs it finds, and that blocking loses none."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from endorse.blocking import NearPair, near_duplicate_pairs


def _brute_force(keys: list[str], blocks: list[str], cutoff: float) -> set[tuple[int, int]]:
    return {
        (i, j)
        for i, j in combinations(range(len(keys)), 2)
        if blocks[i] == blocks[j] and keys[i] != keys[j] and fuzz.ratio(keys[i], keys[j]) >= cutoff
    }


def _pairs(found: list[NearPair]) -> set[tuple[int, int]]:
    return {(pair.first, pair.second) for pair in found}


def test_a_misspelling_in_one_block_is_a_near_pair() -> None:
    found = near_duplicate_pairs(["pittsburgh", "chicago", "pittsburg"], ["US", "US", "US"])
    assert found == [NearPair(0, 2, 94.7)]


def test_names_in_different_blocks_are_never_compared() -> None:
    assert near_duplicate_pairs(["pittsburgh", "pittsburg"], ["US", "CA"]) == []


def test_equal_keys_are_duplicates_not_near_duplicates() -> None:
    assert near_duplicate_pairs(["richmond", "richmond"], ["US", "US"]) == []


def test_a_large_block_still_finds_a_typo_at_either_end() -> None:
    fillers = [f"{letter}{letter}placename{n}" for letter in "abcdefgh" for n in range(10)]
    keys = [*fillers, "springfield", "sprangfield", "xpringfield"]
    found = _pairs(near_duplicate_pairs(keys, ["US"] * len(keys), max_block=8, max_part=8))
    assert {(80, 81), (80, 82)} <= found


words = st.text(alphabet="abcde ", min_size=1, max_size=8)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(words, st.sampled_from("XY")), min_size=2, max_size=40),
    st.sampled_from([60.0, 80.0, 90.0, 95.0]),
)
def test_a_block_small_enough_to_compare_whole_gives_every_pair(
    items: list[tuple[str, str]], cutoff: float
) -> None:
    keys, blocks = [k for k, _ in items], [b for _, b in items]
    found = _pairs(near_duplicate_pairs(keys, blocks, score_cutoff=cutoff, max_block=100))
    assert found == _brute_force(keys, blocks, cutoff)


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=2, max_size=40))
def test_splitting_a_block_reports_only_real_pairs(keys: list[str]) -> None:
    blocks = ["X"] * len(keys)
    found = _pairs(near_duplicate_pairs(keys, blocks, score_cutoff=80.0, max_block=3, max_part=3))
    assert found <= _brute_force(keys, blocks, 80.0)

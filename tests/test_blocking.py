"""Near-duplicate search with blocking: the pairs it finds, and that blocking loses none."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from endorse.duplicates.blocking import near_pairs


def _brute_force(keys: list[str], blocks: list[str], most: int) -> set[tuple[int, int, int]]:
    return {
        (i, j, OSA.distance(keys[i], keys[j]))
        for i, j in combinations(range(len(keys)), 2)
        if blocks[i] == blocks[j] and OSA.distance(keys[i], keys[j]) <= most
    }


def test_a_misspelling_in_one_block_is_a_near_pair() -> None:
    found = near_pairs(["pittsburgh", "chicago", "pittsburg"], ["US", "US", "US"], max_edits=2)
    assert found == [(0, 2, 1)]


def test_names_in_different_blocks_are_never_compared() -> None:
    assert near_pairs(["pittsburgh", "pittsburg"], ["US", "CA"], max_edits=2) == []


def test_equal_keys_are_a_pair_zero_edits_apart() -> None:
    assert near_pairs(["richmond", "richmond"], ["US", "US"], max_edits=2) == [(0, 1, 0)]


def test_a_large_block_still_finds_a_typo_at_either_end() -> None:
    fillers = [f"{letter}{letter}placename{n}" for letter in "abcdefgh" for n in range(10)]
    keys = [*fillers, "springfield", "sprangfield", "xpringfield"]
    found = near_pairs(keys, ["US"] * len(keys), max_edits=1, max_block=8, max_part=8)
    assert {(80, 81, 1), (80, 82, 1)} <= set(found)


words = st.text(alphabet="abcde ", min_size=1, max_size=8)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(words, st.sampled_from("XY")), min_size=2, max_size=40),
    st.integers(min_value=0, max_value=3),
)
def test_a_block_small_enough_to_compare_whole_gives_every_pair(
    items: list[tuple[str, str]], most: int
) -> None:
    keys, blocks = [k for k, _ in items], [b for _, b in items]
    found = set(near_pairs(keys, blocks, max_edits=most, max_block=100))
    assert found == _brute_force(keys, blocks, most)


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=2, max_size=40))
def test_splitting_a_block_reports_only_real_pairs(keys: list[str]) -> None:
    blocks = ["X"] * len(keys)
    found = set(near_pairs(keys, blocks, max_edits=2, max_block=3, max_part=3))
    assert found <= _brute_force(keys, blocks, 2)

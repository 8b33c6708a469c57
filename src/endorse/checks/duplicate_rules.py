"""Duplicates: one government recorded twice.

Two signatories are the same government when they share a country, a kind
and a `names.match_key` ("New-York" and "new york"), unless both give a
subdivision and the subdivisions differ (Portland, US-OR is not Portland,
US-ME). Near duplicates are names of one country and kind that are close
but not equal ("Pittsburg" and "Pittsburgh"), found by `blocking`. Names
that differ in a number ("District 1", "District 2") or in a compass word
("North X", "South X") name different places and are not reported.
Duplicate ids are found with the format problems (E301).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from endorse.blocking import near_duplicate_pairs
from endorse.checks.findings import Finding
from endorse.model import Signatory
from endorse.names import match_key

Located = tuple[Signatory, int | None]

_TRAILING_KIND: Final = re.compile(r" (?:city|county)$")
_DIGITS: Final = re.compile(r"\d+")
_DISTINGUISHING: Final = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}
    | {"upper", "lower", "new", "old", "central", "greater", "inner", "outer"}
)


def duplicate_findings(located: Sequence[Located]) -> list[Finding]:
    findings = list(_same_name(located))
    findings.extend(_near_duplicates(located, {f.signatory_id for f in findings}))
    return findings


def _same_name(located: Sequence[Located]) -> Iterable[Finding]:
    seen: dict[tuple[str, str, str], list[Located]] = {}
    for signatory, line in located:
        group = seen.setdefault((signatory.country, signatory.kind, match_key(signatory.name)), [])
        earlier = next((e for e in group if _same_place(e[0], signatory)), None)
        group.append((signatory, line))
        if earlier is not None:
            yield Finding.of(
                "E302",
                signatory.id,
                line,
                f'"{signatory.name}" is the same {signatory.kind} in {signatory.country} as '
                f'"{earlier[0].id}"{_at(earlier[1])}',
                f"keep one: `endorse remove {signatory.id}` if it is a copy, or give both "
                "their subdivision if they are two places",
            )


def _same_place(a: Signatory, b: Signatory) -> bool:
    return a.subdivision is None or b.subdivision is None or a.subdivision == b.subdivision


def _at(line: int | None) -> str:
    return f" (line {line})" if line is not None else ""


def comparable_key(signatory: Signatory) -> str:
    """The match key without a trailing "city" or "county": "St. Louis City" ~ "St. Louis"."""
    return _TRAILING_KIND.sub("", match_key(signatory.name))


def _near_duplicates(located: Sequence[Located], reported: set[str | None]) -> Iterable[Finding]:
    keys = [comparable_key(signatory) for signatory, _ in located]
    blocks = [(signatory.country, signatory.kind) for signatory, _ in located]
    pairs = near_duplicate_pairs(keys, blocks, score_cutoff=90.0)
    equal_keys = _equal_comparable_keys(keys, blocks)
    for first, second, score in [(p.first, p.second, p.score) for p in pairs] + equal_keys:
        (a, a_line), (b, b_line) = located[first], located[second]
        if b.id in reported or not _same_place(a, b) or _distinguished(keys[first], keys[second]):
            continue
        yield Finding.of(
            "W303",
            b.id,
            b_line,
            f'"{b.name}" is close to "{a.name}" ("{a.id}"{_at(a_line)}) in {b.country} '
            f"(similarity {score:g} of 100)",
            "if both are one government, keep one; if they are two, give each its "
            "subdivision or a fuller name",
        )


def _equal_comparable_keys(
    keys: Sequence[str], blocks: Sequence[tuple[str, str]]
) -> list[tuple[int, int, float]]:
    """Pairs with equal comparable keys whose names still differ (the trailing word)."""
    first_of: dict[tuple[tuple[str, str], str], int] = {}
    pairs = []
    for position, (key, block) in enumerate(zip(keys, blocks, strict=True)):
        earlier = first_of.setdefault((block, key), position)
        if earlier != position:
            pairs.append((earlier, position, 100.0))
    return pairs


def _distinguished(a: str, b: str) -> bool:
    """Names that differ in a number or a compass word name different places."""
    if _DIGITS.findall(a) != _DIGITS.findall(b):
        return True
    return set(a.split()) & _DISTINGUISHING != set(b.split()) & _DISTINGUISHING

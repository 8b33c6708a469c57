"""Duplicates: one government recorded twice.

Two signatories are the same government when they share a country, a kind
and a `names.match_key` ("New-York" and "new york"), unless both give a
subdivision and the subdivisions differ (Portland, US-OR is not Portland,
US-ME). Near duplicates are names of one country and kind that are close
but not equal ("Pittsburg" and "Pittsburgh"), found by `blocking`. Names
that differ in a number ("District 1", "District 2", "Budapest IV"), in a
compass word ("North X", "South X"), or that the place data knows as two
real places ("Linxi", "Lixi") name different places and are not reported.
Duplicate ids are found with the format problems (E301).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from endorse import places
from endorse.blocking import near_duplicate_pairs
from endorse.checks.findings import Finding
from endorse.model import Signatory
from endorse.names import match_key

Located = tuple[Signatory, int | None]

_GENERIC_WORDS: Final = frozenset(
    {"city", "county", "council", "metropolitan", "metro", "area", "region", "regional"}
    | {"district", "province", "state", "municipality", "municipal", "borough", "town"}
    | {"township", "village", "department", "prefecture", "government", "of", "the"}
    | {"and", "de", "del", "la", "le", "les", "des", "do", "da", "di", "du"}
)
_NUMBERS: Final = re.compile(r"\b(?:\d+|[ivx]+)\b")
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
        key = (signatory.country, signatory.kind, match_key(signatory.name))
        group = seen.get(key)
        if group is None:
            seen[key] = [(signatory, line)]
            continue
        earlier = next((e for e in group if _same_place(e[0], signatory)), None)
        group.append((signatory, line))
        if earlier is not None:
            yield Finding.of(
                "E302",
                signatory.id,
                line,
                f'"{signatory.name}" is the same {signatory.kind} in {signatory.country} as '
                f"{earlier[0].id}{_at(earlier[1])}",
                f"keep one: `endorse remove {signatory.id}` if it is a copy, or give both "
                "their subdivision if they are two places",
            )


def _same_place(a: Signatory, b: Signatory) -> bool:
    return a.subdivision is None or b.subdivision is None or a.subdivision == b.subdivision


def _at(line: int | None) -> str:
    return f" at line {line}" if line is not None else ""


def comparable_key(signatory: Signatory) -> str:
    """The match key without words like "city", "county" or "metropolitan area".

    Such words say what a government is, not which: "Sarny Metropolitan
    Area" and "Romny Metropolitan Area" are 91 % alike as written, but
    "sarny" and "romny" are not; "St. Louis City" and "St. Louis" coincide.
    """
    key = match_key(signatory.name)
    words = [word for word in key.split() if word not in _GENERIC_WORDS]
    return " ".join(words) if words else key


def _near_duplicates(located: Sequence[Located], reported: set[str | None]) -> Iterable[Finding]:
    keys = [comparable_key(signatory) for signatory, _ in located]
    blocks = [(signatory.country, signatory.kind) for signatory, _ in located]
    pairs = near_duplicate_pairs(keys, blocks, score_cutoff=90.0)
    equal_keys = _equal_comparable_keys(keys, blocks)
    for first, second, score in [(p.first, p.second, p.score) for p in pairs] + equal_keys:
        (a, a_line), (b, b_line) = located[first], located[second]
        if (
            b.id in reported
            or not _same_place(a, b)
            or _distinguished(keys[first], keys[second])
            or _two_known_places(a, b)
        ):
            continue
        closeness = (
            'the same name once words like "City", "County" or "Region" are left out'
            if score == 100
            else f"similarity {score:g} of 100"
        )
        yield Finding.of(
            "W303",
            b.id,
            b_line,
            f'"{b.name}" is close to "{a.name}" ({a.id}{_at(a_line)}) in {b.country}: {closeness}',
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


def _two_known_places(a: Signatory, b: Signatory) -> bool:
    """Two cities (or counties) the place data knows under their two names are two places.

    A misspelling that happens to be another real place ("Pittsburg" for
    "Pittsburgh") is caught by the place rules (W202, W203) instead.
    """
    return (
        a.kind in ("city", "county")
        and match_key(a.name) != match_key(b.name)
        and places.is_known_place(a.name, a.country)
        and places.is_known_place(b.name, b.country)
    )


def _distinguished(a: str, b: str) -> bool:
    """Names that differ in a number (also a roman one) or a compass word are different places."""
    if _NUMBERS.findall(a) != _NUMBERS.findall(b):
        return True
    return set(a.split()) & _DISTINGUISHING != set(b.split()) & _DISTINGUISHING

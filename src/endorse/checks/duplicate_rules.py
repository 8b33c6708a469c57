"""Duplicates: one government recorded twice (E302), or perhaps twice (W303).

The rule is `endorse.duplicates.rule`, the one `add` and `import` refuse by:
a signatory that `add` would refuse after the ones before it is reported,
once, against the first it matches.
Duplicate ids are found with the format problems (E301).
"""

from __future__ import annotations

from collections.abc import Sequence

from endorse.checks.codes import Finding
from endorse.duplicates.rule import exact_duplicates, near_duplicates
from endorse.registry.model import Signatory
from endorse.registry.words import counted

Located = tuple[Signatory, int | None]


def duplicate_findings(located: Sequence[Located]) -> list[Finding]:
    signatories = [signatory for signatory, _ in located]
    findings = [_same(located[a], located[b]) for a, b in exact_duplicates(signatories)]
    reported = {f.signatory_id for f in findings}
    for a, b, edits in near_duplicates(signatories):
        if located[b][0].id not in reported:
            reported.add(located[b][0].id)
            findings.append(_close(located[a], located[b], edits))
    return findings


def _same(earlier: Located, later: Located) -> Finding:
    (first, first_line), (signatory, line) = earlier, later
    return Finding.of(
        "E302",
        signatory.id,
        line,
        f'"{signatory.name}" is the same {signatory.kind} in {signatory.country} as '
        f"{first.id}{_at(first_line)}",
        f"keep one: `endorse remove {signatory.id}` if it is a copy, or give both their "
        "subdivision if they are two places",
        involves=first.id,
    )


def _close(earlier: Located, later: Located, edits: int) -> Finding:
    (a, a_line), (b, b_line) = earlier, later
    closeness = (
        'the same name once words like "City", "County" or "Region" are left out'
        if edits == 0
        else f"{counted(edits, 'typing mistake')} apart"
    )
    return Finding.of(
        "W303",
        b.id,
        b_line,
        f'"{b.name}" is close to "{a.name}" ({a.id}{_at(a_line)}) in {b.country}: {closeness}',
        "if both are one government, keep one; if they are two, give each its "
        "subdivision or a fuller name",
        involves=a.id,
    )


def _at(line: int | None) -> str:
    return f" at line {line}" if line is not None else ""

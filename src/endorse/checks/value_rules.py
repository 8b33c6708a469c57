"""Values: what `add` would refuse or store otherwise, found in the file (E104, E210, E211,
W107).

The rules are `endorse.registry.values.stored_value_problems`, the ones `add`,
`edit` and `import` apply to what they are given.
"""

from __future__ import annotations

from collections.abc import Iterable

from endorse.checks.codes import Finding
from endorse.places import lookup as places
from endorse.registry.model import Signatory
from endorse.registry.values import ValueProblem, stored_value_problems


def value_findings(signatory: Signatory, line: int | None) -> Iterable[Finding]:
    for problem in stored_value_problems(signatory):
        yield _finding(signatory, line, problem)


def _finding(signatory: Signatory, line: int | None, problem: ValueProblem) -> Finding:
    field, stored = problem.field, problem.stored_as
    if field == "country":
        return Finding.of("E210", signatory.id, line, str(problem), _country_hint(stored))
    if field == "subdivision":
        return Finding.of(
            "E211", signatory.id, line, str(problem), _subdivision_hint(signatory, stored)
        )
    if stored is not None:
        return Finding.of("W107", signatory.id, line, str(problem), f'write {field} = "{stored}"')
    return Finding.of(
        "E104",
        signatory.id,
        line,
        str(problem),
        "correct the value in the file, or set it again with the editing commands, which check it",
    )


def _country_hint(stored: str | None) -> str:
    if stored is None:
        return 'use the two-letter ISO 3166-1 code of the country, like "US" or "FR"'
    return f'write country = "{stored}" ({places.country_name(stored)})'


def _subdivision_hint(signatory: Signatory, stored: str | None) -> str:
    if stored is not None:
        return f'write subdivision = "{stored}"'
    return (
        f"use an ISO 3166-2 code of {signatory.country}, correct the country if the "
        "subdivision is right, or leave subdivision out"
    )

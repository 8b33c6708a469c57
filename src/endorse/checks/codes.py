"""Findings: what `endorse validate` reports, and the catalogue of their codes.

A finding names the rule it breaks by a code whose letter is its severity
(E error, W warning, I info) and whose hundreds say what it is about:
1xx the file's format, 2xx countries and places, 3xx duplicates, 4xx
members, 5xx provenance and dates, 6xx what was endorsed. docs/validation.md describes each code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Final, Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: Final[dict[str, int]] = {"error": 0, "warning": 1, "info": 2}

CODES: Final[dict[str, str]] = {
    "E100": "the file is not valid TOML",
    "E101": "the registry's top level breaks format 1",
    "E102": "a key of [paper] is missing or has a wrong value",
    "E103": "a required key of a signatory is missing",
    "E104": "a key of a signatory has a wrong type or value",
    "W105": "a key that format 1 does not know",
    "I106": "the file is not in canonical form",
    "W107": "a value not in the form endorse stores (spaces around it, not in Unicode NFC)",
    "W201": "not a known place in that country",
    "W202": "several places of that name in the country, and no subdivision",
    "W203": "the subdivision holds no place of that name",
    "W204": "a region that is not a subdivision of its country",
    "I205": "not checked against the place data",
    "E210": "the country is not an ISO 3166-1 alpha-2 code",
    "E211": "the subdivision is not an ISO 3166-2 code of the country",
    "E301": "the same id twice",
    "E302": "the same government twice",
    "W303": "near-duplicate names",
    "E401": "more members recorded than declared",
    "I402": "fewer members recorded than declared",
    "W501": "no source",
    "E502": "endorsed_on is in the future",
    "W503": "withdrawn without a note",
    "W504": "endorsed_on more than a year before the paper was presented",
    "I601": "the paper does not say what was endorsed",
}
VERBOSE_ONLY: Final = frozenset({"I205"})


_SEVERITY_OF_LETTER: Final[dict[str, Severity]] = {"E": "error", "W": "warning", "I": "info"}


def severity_of(code: str) -> Severity:
    """The severity a code's letter stands for: "W201" is a warning."""
    return _SEVERITY_OF_LETTER[code[0]]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: which rule, how bad, whose, where, what, and how to fix it.

    `involves` names the other signatory it is about (the first of a duplicate pair), so
    that `validate --changed` keeps it when either changed: an id, not a tuple of them,
    which would take 4 MiB at 100,000 signatories. Slotted: a large
    registry has 100,000 findings, and a finding with a dictionary of its own takes five
    times the room (30 MiB at 100,000).
    """

    code: str
    severity: Severity
    signatory_id: str | None
    line: int | None
    message: str
    hint: str
    involves: str | None = None

    @classmethod
    def of(
        cls,
        code: str,
        signatory_id: str | None,
        line: int | None,
        message: str,
        hint: str,
        involves: str | None = None,
    ) -> Finding:
        """A finding whose severity follows from its code."""
        return cls(code, _SEVERITY_OF_LETTER[code[0]], signatory_id, line, message, hint, involves)

    @property
    def signatories(self) -> tuple[str, ...]:
        """Every signatory the finding is about: its own, then the one it involves."""
        return tuple(i for i in (self.signatory_id, self.involves) if i is not None)

    def to_record(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "signatory_id": self.signatory_id,
            "line": self.line,
            "message": self.message,
            "hint": self.hint,
        }


@dataclass(frozen=True)
class Summary:
    errors: int
    warnings: int
    info: int

    def to_record(self) -> dict[str, int]:
        return asdict(self)


def summarise(findings: Iterable[Finding]) -> Summary:
    counts = Counter(f.severity for f in findings)
    return Summary(counts["error"], counts["warning"], counts["info"])


def in_report_order(findings: Iterable[Finding]) -> list[Finding]:
    """Errors, then warnings, then info; within each, in file order."""
    return sorted(
        findings,
        key=lambda f: (SEVERITY_ORDER[f.severity], f.line if f.line is not None else 0, f.code),
    )


def visible(findings: Sequence[Finding], *, verbose: bool) -> list[Finding]:
    """The findings to report: those only `--verbose` asks for are left out without it."""
    return [f for f in findings if verbose or f.code not in VERBOSE_ONLY]

"""Format findings: what the loader rejects, unknown keys, and canonical form.

The loader stops at the first file that breaks format 1; `validate` turns
each of `model.document_problems` into a finding instead, and goes on to
check every signatory that is itself well formed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from endorse.checks.codes import Finding
from endorse.registry.model import (
    FORMAT_VERSION,
    PAPER_KEYS,
    RECIPIENT_KEYS,
    SIGNATORY_KEYS,
    FormatProblem,
    Paper,
    Registry,
    Signatory,
    document_problems,
    looks_valid,
    paper_from_checked_doc,
    signatory_from_checked_doc,
)
from endorse.registry.tables import TableLines

TOP_LEVEL_KEYS = ("format", "paper", "signatory")
_SIGNATORY_KEY_SET = frozenset(SIGNATORY_KEYS)


@dataclass(frozen=True)
class WellFormed:
    """The parts of a document that format 1 accepts, for the content checks.

    `signatories` pairs each well-formed signatory with its position in the
    file; a signatory with a format problem is left out until it is fixed.
    """

    paper: Paper | None
    signatories: tuple[tuple[int, Signatory], ...]
    whole: bool
    extra: Mapping[str, Any]

    def registry(self) -> Registry | None:
        """The whole registry, when the document has no format problem at all."""
        if not self.whole or self.paper is None:
            return None
        signatories = tuple(signatory for _, signatory in self.signatories)
        return Registry(self.paper, signatories, FORMAT_VERSION, self.extra)


def format_findings(doc: Mapping[str, Any], lines: TableLines) -> tuple[list[Finding], WellFormed]:
    problems = [] if looks_valid(doc) else list(document_problems(doc))
    findings = [_finding(problem, doc, lines) for problem in problems]
    findings.extend(unknown_key_findings(doc, lines))
    return findings, _well_formed(doc, problems)


def _finding(problem: FormatProblem, doc: Mapping[str, Any], lines: TableLines) -> Finding:
    if problem.index is None:
        if problem.where == "paper":
            return Finding.of("E102", None, lines.paper, f"paper: {problem.message}", _PAPER_HINT)
        return Finding.of("E101", None, None, problem.message, _REGISTRY_HINT)
    entry = _signatory_docs(doc)[problem.index]
    signatory_id = problem.where if problem.where == entry.get("id") else None
    message = problem.message if signatory_id else f"{problem.where}: {problem.message}"
    line = lines.of_signatory(problem.index)
    if problem.key == "id" and "used twice" in problem.message:
        return Finding.of("E301", signatory_id, line, message, _DUPLICATE_ID_HINT)
    if problem.key is not None and problem.key not in entry:
        return Finding.of("E103", signatory_id, line, message, _MISSING_HINT)
    return Finding.of("E104", signatory_id, line, message, _VALUE_HINT)


_REGISTRY_HINT = (
    "the file needs format = 1, a [paper] table and [[signatory]] tables; "
    "see docs/registry-format.md"
)
_PAPER_HINT = "set the key in the [paper] table: title, network and members_declared are required"
_MISSING_HINT = "add the key to this [[signatory]] table, or set it with `endorse edit ID`"
_VALUE_HINT = "correct the value in the file, or set it with `endorse edit ID`"
_DUPLICATE_ID_HINT = (
    "two tables with one id: give one of them another id, or delete it if it is a copy"
)


def unknown_key_findings(doc: Mapping[str, Any], lines: TableLines) -> Iterable[Finding]:
    """Keys format 1 does not know: kept on every rewrite, but likely a typo."""
    for key in _unknown(doc, TOP_LEVEL_KEYS):
        yield _unknown_key("registry", key, None, None)
    paper = doc.get("paper")
    if isinstance(paper, Mapping):
        for key in _unknown(paper, PAPER_KEYS):
            yield _unknown_key("[paper]", key, None, lines.paper)
        recipients = paper.get("addressed_to")
        for number, entry in enumerate(recipients if isinstance(recipients, list) else [], 1):
            for key in _unknown(entry if isinstance(entry, Mapping) else {}, RECIPIENT_KEYS):
                yield _unknown_key(f"recipient {number} of addressed_to", key, None, lines.paper)
    for index, entry in enumerate(_signatory_docs(doc)):
        if entry.keys() <= _SIGNATORY_KEY_SET:
            continue
        signatory_id = entry.get("id") if isinstance(entry.get("id"), str) else None
        for key in _unknown(entry, _SIGNATORY_KEY_SET):
            where = "this signatory" if signatory_id else f"signatory #{index + 1}"
            yield _unknown_key(where, key, signatory_id, lines.of_signatory(index))


def _unknown_key(where: str, key: str, signatory_id: str | None, line: int | None) -> Finding:
    return Finding.of(
        "W105",
        signatory_id,
        line,
        f'{where} has the key "{key}", which format 1 does not know',
        "correct the key if it is a typo; a key from a newer endorse is kept on every rewrite",
    )


def _unknown(table: Mapping[str, Any], known: Iterable[str]) -> list[str]:
    known_keys = known if isinstance(known, frozenset) else frozenset(known)
    return [key for key in table if key not in known_keys]


def _signatory_docs(doc: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The signatory tables; empty if `signatory` is not an array, {} for a non-table entry."""
    entries = doc.get("signatory", [])
    if not isinstance(entries, list):
        return []
    return [entry if isinstance(entry, Mapping) else {} for entry in entries]


def _well_formed(doc: Mapping[str, Any], problems: list[FormatProblem]) -> WellFormed:
    broken = {p.index for p in problems if p.index is not None}
    paper_broken = any(p.where == "paper" for p in problems) or not isinstance(
        doc.get("paper"), Mapping
    )
    signatories = tuple(
        (index, signatory_from_checked_doc(entry))
        for index, entry in enumerate(_signatory_docs(doc))
        if index not in broken
    )
    return WellFormed(
        paper=None if paper_broken else paper_from_checked_doc(doc["paper"]),
        signatories=signatories,
        whole=not problems,
        extra={k: v for k, v in doc.items() if k not in TOP_LEVEL_KEYS},
    )

"""`validate`: a registry's text in, every finding out, in one pass."""

from __future__ import annotations

from datetime import date
from typing import Any

import tomli

from endorse.checks.content_rules import member_findings, provenance_findings
from endorse.checks.duplicate_rules import duplicate_findings
from endorse.checks.findings import Finding, TableLines, in_report_order, table_lines, visible
from endorse.checks.format_rules import WellFormed, format_findings
from endorse.checks.place_rules import place_findings
from endorse.store import is_canonical_text, loads_toml


def validate_text(
    text: str,
    *,
    today: date | None = None,
    verbose: bool = False,
    parsed: dict[str, Any] | None = None,
) -> list[Finding]:
    """Every finding for a registry's text, errors first, then in file order.

    A file that is not TOML gives one finding, E100, with the line and
    column of the syntax error; anything that parses is checked in full.
    `parsed` is the text's document when the caller has it already.
    """
    source = text.removeprefix("\ufeff")
    try:
        doc = parsed if parsed is not None else loads_toml(source)
    except tomli.TOMLDecodeError as error:
        return [_not_toml(error)]
    lines = _trusted(table_lines(source), doc)
    findings, well_formed = format_findings(doc, lines)
    findings.extend(content_findings(well_formed, lines, today or date.today()))
    if well_formed.registry() is not None:
        findings.extend(_canonical_findings(text, doc))
    return in_report_order(visible(findings, verbose=verbose))


def content_findings(well_formed: WellFormed, lines: TableLines, today: date) -> list[Finding]:
    """Places, duplicates, members, provenance and dates of the well-formed signatories."""
    located = [
        (signatory, lines.of_signatory(index)) for index, signatory in well_formed.signatories
    ]
    findings: list[Finding] = []
    for signatory, line in located:
        findings.extend(place_findings(signatory, line))
        findings.extend(provenance_findings(signatory, line, today))
    findings.extend(duplicate_findings(located))
    if well_formed.paper is not None:
        findings.extend(member_findings(well_formed.paper, located, lines.paper))
    return findings


def _trusted(lines: TableLines, doc: dict[str, Any]) -> TableLines:
    """The lines, unless the headers found do not match the signatories parsed one for one.

    A safety net: should the scan of the text ever miscount (TOML has corner
    cases a regular expression may miss), findings give no line rather than
    a wrong one.
    """
    entries = doc.get("signatory")
    count = len(entries) if isinstance(entries, list) else 0
    return lines if len(lines.signatories) == count else TableLines(lines.paper, ())


def _canonical_findings(text: str, doc: dict[str, Any]) -> list[Finding]:
    if is_canonical_text(text, doc):
        return []
    return [
        Finding.of(
            "I106",
            None,
            1,
            "the file is not in canonical form (key order, signatories sorted by id, layout)",
            "run `endorse fmt` to rewrite it canonically, so that git diffs show only changes",
        )
    ]


def _not_toml(error: tomli.TOMLDecodeError) -> Finding:
    return Finding.of(
        "E100",
        None,
        error.lineno,
        f"not valid TOML at line {error.lineno}, column {error.colno}: {error.msg}",
        "fix the TOML syntax there; nothing else can be checked until the file parses",
    )

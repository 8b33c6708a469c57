"""`validate`: a registry's file, text or model in, every finding out, in one pass."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import tomli

from endorse.checks.codes import Finding, in_report_order, visible
from endorse.checks.content_rules import (
    early_date_findings,
    member_findings,
    paper_findings,
    provenance_findings,
)
from endorse.checks.duplicate_rules import duplicate_findings
from endorse.checks.format_rules import WellFormed, format_findings
from endorse.checks.place_rules import place_findings
from endorse.checks.value_rules import value_findings
from endorse.errors import RegistryReadError
from endorse.registry import store
from endorse.registry.model import Registry, Signatory, registry_to_doc
from endorse.registry.store import UnwritableRegistryError, has_comments, is_canonical, loads_toml
from endorse.registry.tables import TableLines, table_lines


def validate_file(path: Path, *, today: date | None = None, verbose: bool = False) -> list[Finding]:
    """Every finding for the registry at `path` (see `validate_text`). A file that is not
    UTF-8 text gives one finding, E100; one that cannot be read at all is an error."""
    raw = store.read_bytes(path)
    try:
        text = store.decoded(raw, path)
    except RegistryReadError as error:
        return [
            Finding.of(
                "E100",
                None,
                raw.count(b"\n", 0, error.position or 0) + 1,
                str(error)
                .removeprefix(f"{path}: ")
                .removesuffix(" Save the file as UTF-8 and try again."),
                "save the file as UTF-8; nothing else can be checked until then",
            )
        ]
    del raw
    checked = _format_checked(text, None)
    del text  # the content checks need the model only (the text is 30 MiB at 100,000)
    return _report_order(_every_finding(checked, today or date.today()), verbose)


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
    `parsed` is the text's document when the caller has it already. The
    text and the document are let go once the model is built: the content
    checks need neither (at 100,000 signatories they are 30 and 110 MiB).
    """
    checked = _format_checked(text, parsed)
    del text, parsed
    return _report_order(_every_finding(checked, today or date.today()), verbose)


@dataclass(frozen=True)
class Checked:
    """A registry text's findings, and its well-formed signatories (those the content
    checks saw), for `checks.changed` to tell which findings a change made."""

    findings: list[Finding]
    signatories: tuple[Signatory, ...]


def check_text(text: str, *, today: date, verbose: bool = False) -> Checked:
    """`validate_text`, keeping the well-formed signatories the findings are about."""
    checked = _format_checked(text, None)
    well_formed = checked.well_formed
    signatories = tuple(s for _, s in well_formed.signatories) if well_formed else ()
    return Checked(_report_order(_every_finding(checked, today), verbose), signatories)


def validate_registry(
    registry: Registry, *, today: date | None = None, verbose: bool = False
) -> list[Finding]:
    """Every finding for a registry in memory: its content, as a file holding it would
    give, without lines and without the checks of the file itself (syntax, canonical form)."""
    doc = registry_to_doc(registry)
    findings, well_formed = format_findings(doc, _NO_LINES)
    checked = _FormatChecked(findings, [], well_formed, _NO_LINES)
    return _report_order(_every_finding(checked, today or date.today()), verbose)


_NO_LINES = TableLines(None, ())


@dataclass(frozen=True)
class _FormatChecked:
    """What the content checks need of a document, once its format is checked."""

    format_findings: list[Finding]
    canonical_findings: list[Finding]
    well_formed: WellFormed | None
    lines: TableLines


def _format_checked(text: str, parsed: dict[str, Any] | None) -> _FormatChecked:
    source = text.removeprefix("\ufeff")
    try:
        doc = parsed if parsed is not None else loads_toml(source)
    except tomli.TOMLDecodeError as error:
        return _FormatChecked([_not_toml(error)], [], None, TableLines(None, ()))
    lines = _trusted(table_lines(source), doc)
    findings, well_formed = format_findings(doc, lines)
    del doc, parsed  # the checks need the model, not the document (110 MiB at 100k)
    registry = well_formed.registry()
    canonical = _canonical_findings(text, registry) if registry is not None else []
    return _FormatChecked(findings, canonical, well_formed, lines)


def _every_finding(checked: _FormatChecked, today: date) -> list[Finding]:
    """Every finding, those only `--verbose` shows too, in the order the checks make them."""
    findings = list(checked.format_findings)
    if checked.well_formed is not None:
        findings.extend(content_findings(checked.well_formed, checked.lines, today))
    findings.extend(checked.canonical_findings)
    return findings


def _report_order(findings: list[Finding], verbose: bool) -> list[Finding]:
    return in_report_order(visible(findings, verbose=verbose))


def content_findings(well_formed: WellFormed, lines: TableLines, today: date) -> list[Finding]:
    """Values, places, duplicates, members, provenance and dates of the well-formed
    signatories."""
    located = [
        (signatory, lines.of_signatory(index)) for index, signatory in well_formed.signatories
    ]
    findings: list[Finding] = []
    for signatory, line in located:
        findings.extend(value_findings(signatory, line))
        findings.extend(place_findings(signatory, line))
        findings.extend(provenance_findings(signatory, line, today))
    findings.extend(duplicate_findings(located))
    if well_formed.paper is not None:
        findings.extend(paper_findings(well_formed.paper, lines.paper, bool(located)))
        findings.extend(member_findings(well_formed.paper, located, lines.paper))
        findings.extend(early_date_findings(well_formed.paper, located))
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


def _canonical_findings(text: str, registry: Registry) -> list[Finding]:
    """I106 unless the file is in canonical form; `text` is the file's, a byte-order mark
    included ("\ufeff"), so that its UTF-8 is the file's bytes. A registry that cannot be
    written at all is an error: no command could change it."""
    try:
        if is_canonical(text.encode("utf-8"), registry):
            return []
    except UnwritableRegistryError as error:
        return [
            Finding.of(
                "E104",
                None,
                None,
                str(error),
                "flatten or remove the value nested that deeply; nothing can be written until then",
            )
        ]
    return [
        Finding.of(
            "I106",
            None,
            1,
            "the file is not in canonical form (key order, signatories sorted by id, layout)",
            "run `endorse fmt` to rewrite it canonically, so that git diffs show only changes"
            + (
                " (it holds comments: `endorse fmt --force` drops them)"
                if has_comments(text)
                else ""
            ),
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

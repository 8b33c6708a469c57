"""Findings as a linter prints them, and as JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from itertools import groupby, islice
from typing import Final, TypeVar

from endorse.checks.codes import Finding, summarise
from endorse.registry.words import counted
from endorse.render.safe import terminal_safe

_FINDINGS_PER_CHUNK: Final = 500
_T = TypeVar("_T")


def batched(items: Iterator[_T], size: int) -> Iterator[list[_T]]:
    """`itertools.batched` of Python 3.12, as lists."""
    while chunk := list(islice(items, size)):
        yield chunk


def to_text(findings: Sequence[Finding], path: str) -> str:
    """`PATH:LINE: CODE ID: message`, a hint below each, grouped by severity, then a summary.

    `findings` come in report order (errors, warnings, info); a blank line
    separates the groups. Registry text in messages is made terminal-safe.
    """
    return "".join(text_chunks(findings, path))


def text_chunks(findings: Sequence[Finding], path: str, *, named: bool = False) -> Iterator[str]:
    """`to_text` in pieces of a few hundred findings, to be written as they are made:
    80,000 findings make 35 MiB of text, which need not all be held at once. `named`: the
    summary says whose it is (`PATH: 0 errors, …`), when several files are checked."""
    for number, (_, group) in enumerate(groupby(findings, key=lambda f: f.severity)):
        if number:
            yield "\n"
        for chunk in batched(group, _FINDINGS_PER_CHUNK):
            yield "".join(_finding_lines(finding, path) + "\n" for finding in chunk)
    if findings:
        yield "\n"
    yield (f"{terminal_safe(path)}: " if named else "") + summary_line(findings) + "\n"


def _finding_lines(finding: Finding, path: str) -> str:
    where = f"{path}:{finding.line}" if finding.line is not None else path
    subject = f" {finding.signatory_id}:" if finding.signatory_id else ""
    first = f"{where}: {finding.code}{subject} {finding.message}"
    return terminal_safe(first) + "\n    hint: " + terminal_safe(finding.hint)


def summary_line(findings: Sequence[Finding]) -> str:
    summary = summarise(findings)
    return (
        f"{counted(summary.errors, 'error')}, {counted(summary.warnings, 'warning')}, "
        f"{summary.info} info"
    )


def to_json(findings: Sequence[Finding]) -> str:
    """{"findings": [every field of each], "summary": {"errors", "warnings", "info"}}."""
    return json.dumps(_document(findings), ensure_ascii=False, indent=2) + "\n"


def files_json(files: Sequence[tuple[str, Sequence[Finding]]]) -> str:
    """Several files' findings: {"files": [{"path", "findings", "summary"}, …]}."""
    document = {"files": [{"path": path, **_document(found)} for path, found in files]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _document(findings: Sequence[Finding]) -> dict[str, object]:
    return {
        "findings": [finding.to_record() for finding in findings],
        "summary": summarise(findings).to_record(),
    }

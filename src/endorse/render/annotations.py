"""Findings where CI shows them: GitHub's workflow commands, and SARIF 2.1.0 for code
scanning.

Each takes the findings of one or more registry files, as `(path, findings)`
pairs. Registry text is data in both: a workflow command cannot be ended or
started by a line break or a colon in a name (escaped as GitHub documents),
and SARIF is JSON, whose every string is escaped by the encoder.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePath
from typing import Any, Final
from urllib.parse import quote

from endorse.checks.codes import CODES, Finding, Severity, severity_of
from endorse.render.findings import summary_line
from endorse.render.safe import terminal_safe

FileFindings = tuple[str, Sequence[Finding]]

_GITHUB_COMMANDS: Final[dict[Severity, str]] = {
    "error": "error",
    "warning": "warning",
    "info": "notice",
}
_SARIF_LEVELS: Final[dict[Severity, str]] = {"error": "error", "warning": "warning", "info": "note"}
SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"


def github_commands(files: Sequence[FileFindings]) -> str:
    """One workflow command a finding (`::error file=PATH,line=N,title=E302::message`),
    an info a `::notice`, then the summary as a plain line."""
    lines = [_command(path, finding) for path, findings in files for finding in findings]
    every = [finding for _, findings in files for finding in findings]
    return "".join(line + "\n" for line in [*lines, summary_line(every)])


def _command(path: str, finding: Finding) -> str:
    properties = [f"file={escape_property(terminal_safe(path))}"]
    if finding.line is not None:
        properties.append(f"line={finding.line}")
    properties.append(f"title={escape_property(finding.code)}")
    text = f"{_subject(finding)}{finding.message}"
    data = terminal_safe(text) + "\n" + "hint: " + terminal_safe(finding.hint)
    return f"::{_GITHUB_COMMANDS[finding.severity]} {','.join(properties)}::{escape_data(data)}"


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit escapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: its message's escapes, and ":" and ","."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _subject(finding: Finding) -> str:
    return f"{finding.signatory_id}: " if finding.signatory_id else ""


def sarif_log(files: Sequence[FileFindings], tool_version: str) -> str:
    """A SARIF 2.1.0 log of one run: endorse's rules (every code) and a result a finding,
    located in its file and, when it has one, on its line."""
    rules = list(CODES)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": _driver(rules, tool_version)},
                "results": list(_results(files, {code: at for at, code in enumerate(rules)})),
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _driver(rules: list[str], tool_version: str) -> dict[str, Any]:
    return {
        "name": "endorse",
        "version": tool_version,
        "rules": [
            {
                "id": code,
                "shortDescription": {"text": CODES[code]},
                "defaultConfiguration": {"level": _SARIF_LEVELS[severity_of(code)]},
            }
            for code in rules
        ],
    }


def _results(files: Sequence[FileFindings], rule_index: dict[str, int]) -> Iterator[Any]:
    for path, findings in files:
        uri = artifact_uri(path)
        for finding in findings:
            location: dict[str, Any] = {"artifactLocation": {"uri": uri}}
            if finding.line is not None:
                location["region"] = {"startLine": finding.line}
            yield {
                "ruleId": finding.code,
                "ruleIndex": rule_index[finding.code],
                "level": _SARIF_LEVELS[finding.severity],
                "message": {"text": f"{_subject(finding)}{finding.message}\nhint: {finding.hint}"},
                "locations": [{"physicalLocation": location}],
                "properties": {"signatory_id": finding.signatory_id, "hint": finding.hint},
            }


def artifact_uri(path: str) -> str:
    """A path as SARIF's artifact URI: relative ones with forward slashes, percent-encoded;
    absolute ones as file: URIs."""
    pure = PurePath(path)
    if pure.is_absolute():
        return Path(path).as_uri()
    return quote(pure.as_posix(), safe="/")

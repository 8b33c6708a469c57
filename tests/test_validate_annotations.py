"""`endorse validate --format github` and `--format sarif`: the findings of the text format,
where CI shows them, with its exit codes; registry text cannot break out of either."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import BUNDLED, InvokeResult
from endorse import Finding
from endorse.render.annotations import artifact_uri, github_commands, sarif_log
from endorse.render.safe import terminal_safe
from registries import one_signatory_file
from strategies import hostile_text, text

Invoke = Callable[..., InvokeResult]
SCHEMA = Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json"
COMMAND = re.compile(r"::(error|warning|notice) ([^:]*)::(.*)")
any_text = st.one_of(text, hostile_text, st.sampled_from(["%0A::error::x", "a,b:c", "\r\n%25"]))


@cache
def _validator() -> jsonschema.Draft4Validator:
    return jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def _unescaped(text: str) -> str:
    """A workflow command's value read back, as the GitHub runner reads it."""
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def _properties(written: str) -> dict[str, str]:
    return {key: _unescaped(value) for key, value in (p.split("=", 1) for p in written.split(","))}


def _with_error(tmp_path: Path) -> Path:
    return one_signatory_file(tmp_path, '\n[[signatory]]\nid = "b"\nname = "B"\n')


def test_a_github_warning_is_a_workflow_command_on_the_signatory_s_line(invoke: Invoke) -> None:
    lines = invoke("--registry", BUNDLED, "validate", "--format", "github").stdout.splitlines()
    richmond = next(line for line in lines if "title=W202::richmond" in line)
    assert richmond.startswith("::warning file=")
    assert _properties(COMMAND.fullmatch(richmond).group(2))["line"] == str(  # type: ignore[union-attr]
        _line_of(BUNDLED, "richmond")
    )


def _line_of(path: Path, signatory_id: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index(f'id = "{signatory_id}"')
    return max(n for n in range(at) if lines[n] == "[[signatory]]") + 1


def test_github_gives_errors_warnings_and_notices_and_ends_with_the_summary(
    invoke: Invoke,
) -> None:
    lines = invoke("--registry", BUNDLED, "validate", "--format", "github").stdout.splitlines()
    assert [COMMAND.fullmatch(line).group(1) for line in lines[:-1]] == [  # type: ignore[union-attr]
        "warning",
        "warning",
        "notice",
    ]
    assert lines[-1] == "0 errors, 2 warnings, 1 info"


def test_a_finding_of_the_file_as_a_whole_has_no_line() -> None:
    finding = Finding.of("E101", None, None, "no format", "write format = 1")
    command = github_commands([("registry.toml", [finding])]).splitlines()[0]
    assert command == "::error file=registry.toml,title=E101::no format%0Ahint: write format = 1"


@given(path=any_text, signatory_id=any_text, message=any_text, hint=any_text)
def test_registry_text_cannot_break_out_of_a_workflow_command(
    path: str, signatory_id: str, message: str, hint: str
) -> None:
    finding = Finding.of("W303", signatory_id or None, 7, message, hint)
    lines = github_commands([(path, [finding])]).split("\n")
    assert len(lines) == 3 and lines[2] == ""  # one command, the summary, the final newline
    found = COMMAND.fullmatch(lines[0])
    assert found is not None and found.group(1) == "warning"
    properties = _properties(found.group(2))
    assert properties == {"file": terminal_safe(path), "line": "7", "title": "W303"}
    subject = f"{signatory_id}: " if signatory_id else ""
    shown = terminal_safe(subject + message) + "\nhint: " + terminal_safe(hint)
    assert _unescaped(found.group(3)) == shown


def test_a_colon_and_a_comma_in_a_path_are_escaped_in_its_property() -> None:
    finding = Finding.of("W501", "a", 3, "no source", "add one")
    command = github_commands([("C:/reg,istry%.toml", [finding])]).splitlines()[0]
    assert command.startswith("::warning file=C%3A/reg%2Cistry%25.toml,line=3,title=W501::")


def test_the_sarif_log_of_the_bundled_registry_is_valid_sarif_2_1_0(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "validate", "--format", "sarif")
    log = json.loads(result.stdout)
    _validator().validate(log)
    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("W202", "warning"),
        ("W202", "warning"),
        ("I402", "note"),
    ]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_a_sarif_result_is_located_in_its_file_on_its_line(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BUNDLED.parent.parent)
    log = json.loads(invoke("--registry", BUNDLED, "validate", "--format", "sarif").stdout)
    richmond = next(r for r in log["runs"][0]["results"] if "richmond" in r["message"]["text"])
    location = richmond["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "data/registry.toml"
    assert location["region"] == {"startLine": _line_of(BUNDLED, "richmond")}


def test_an_artifact_uri_is_relative_with_forward_slashes_and_percent_encoded() -> None:
    assert artifact_uri("data/my registry#1.toml") == "data/my%20registry%231.toml"


@given(path=any_text, signatory_id=any_text, message=any_text, hint=any_text)
def test_registry_text_stays_data_in_a_sarif_log(
    path: str, signatory_id: str, message: str, hint: str
) -> None:
    finding = Finding.of("E302", signatory_id or None, 12, message, hint)
    log: dict[str, Any] = json.loads(sarif_log([(path or "r.toml", [finding])], "0.1.0"))
    _validator().validate(log)
    (result,) = log["runs"][0]["results"]
    assert result["properties"] == {"signatory_id": signatory_id or None, "hint": hint}
    assert result["message"]["text"].endswith(f"{message}\nhint: {hint}")


@pytest.mark.parametrize("output_format", ["text", "json", "github", "sarif"])
def test_every_format_exits_1_on_an_error(
    invoke: Invoke, tmp_path: Path, output_format: str
) -> None:
    result = invoke("--registry", _with_error(tmp_path), "validate", "--format", output_format)
    assert result.exit_code == 1


@pytest.mark.parametrize("output_format", ["text", "json", "github", "sarif"])
def test_every_format_exits_0_on_warnings_and_1_on_them_under_strict(
    invoke: Invoke, output_format: str
) -> None:
    assert invoke("--registry", BUNDLED, "validate", "-f", output_format).exit_code == 0
    assert invoke("--registry", BUNDLED, "validate", "-f", output_format, "--strict").exit_code == 1


@pytest.mark.parametrize("output_format", ["github", "sarif"])
def test_github_and_sarif_give_the_text_format_s_findings(
    invoke: Invoke, tmp_path: Path, output_format: str
) -> None:
    registry = _with_error(tmp_path)
    findings = json.loads(invoke("--registry", registry, "validate", "-f", "json").stdout)
    written = invoke("--registry", registry, "validate", "-f", output_format).stdout
    codes = (
        [r["ruleId"] for r in json.loads(written)["runs"][0]["results"]]
        if output_format == "sarif"
        else re.findall(r"title=(\w+)::", written)
    )
    assert codes == [f["code"] for f in findings["findings"]]

"""`endorse validate` end to end: output formats, exit codes, and the bundled registry."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import BUNDLED, ROOT, InvokeResult
from registries import one_signatory_file as _registry

Invoke = Callable[..., InvokeResult]

RICHMOND = (
    '4 known places in US are named "Richmond" and no subdivision says which: '
    "Richmond (US-VA, population 226,610); Richmond (US-CA, population 109,708); "
    "Richmond (US-IN, population 35,854); Richmond (US-KY, population 33,533)"
)
MONTGOMERY_COUNTY = (
    '18 known places in US are named "Montgomery County" and no subdivision says which: '
    "Montgomery County in US-AL, US-AR, US-GA, US-IA, US-IL, US-IN, US-KS, US-KY, US-MD, "
    "US-MO, US-MS, US-NC, US-NY, US-OH, US-PA, US-TN, US-TX, US-VA"
)


def _json(invoke: Invoke, registry: Path, *options: str) -> dict[str, object]:
    result = invoke("--registry", registry, "validate", "--format", "json", *options)
    document: dict[str, object] = json.loads(result.stdout)
    return document


def _findings(invoke: Invoke, registry: Path, *options: str) -> list[dict[str, object]]:
    findings = _json(invoke, registry, *options)["findings"]
    assert isinstance(findings, list)
    return findings


def _header_line(path: Path, signatory_id: str) -> int:
    """The line of the [[signatory]] header of the table that holds `id = "<signatory_id>"`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index(f'id = "{signatory_id}"')
    return max(n for n in range(at) if lines[n] == "[[signatory]]") + 1


def _with_signatory(path: Path, table: str) -> Path:
    path.write_text(path.read_text(encoding="utf-8") + "\n[[signatory]]\n" + table, "utf-8")
    return path


def test_the_bundled_registry_has_no_error_and_exits_0(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "validate")
    assert result.exit_code == 0
    assert result.stdout.endswith("0 errors, 2 warnings, 1 info\n")


def test_richmond_is_ambiguous_as_the_source_is(invoke: Invoke) -> None:
    richmond = [f for f in _findings(invoke, BUNDLED) if f["signatory_id"] == "richmond"]
    assert richmond == [
        {
            "code": "W202",
            "severity": "warning",
            "signatory_id": "richmond",
            "line": _header_line(BUNDLED, "richmond"),
            "message": RICHMOND,
            "hint": "add the subdivision of the one meant: `endorse edit richmond "
            "--subdivision CODE`, CODE being one of those listed",
        }
    ]


def test_montgomery_county_is_ambiguous_as_the_source_is(invoke: Invoke) -> None:
    found = [f for f in _findings(invoke, BUNDLED) if f["signatory_id"] == "montgomery-county"]
    assert [(f["code"], f["line"], f["message"]) for f in found] == [
        ("W202", _header_line(BUNDLED, "montgomery-county"), MONTGOMERY_COUNTY)
    ]


def test_the_bundled_registry_reports_the_members_recorded_of_declared(invoke: Invoke) -> None:
    messages = {f["code"]: f["message"] for f in _findings(invoke, BUNDLED)}
    assert messages["I402"] == "45 of 136 members recorded"


def test_text_output_is_one_linter_line_and_a_hint_per_finding(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    stdout = invoke("validate").stdout
    line = _header_line(BUNDLED, "richmond")
    assert f"data/registry.toml:{line}: W202 richmond: {RICHMOND}\n    hint: " in stdout


def test_text_output_groups_by_severity_then_ends_with_the_summary(invoke: Invoke) -> None:
    blocks = invoke("--registry", BUNDLED, "validate").stdout.rstrip("\n").split("\n\n")
    warnings, info, summary = blocks
    assert all(" W" in line for line in warnings.splitlines() if not line.startswith(" "))
    assert " I402 " in info
    assert summary == "0 errors, 2 warnings, 1 info"


def test_json_output_has_every_field_of_every_finding_and_a_summary(invoke: Invoke) -> None:
    document = _json(invoke, BUNDLED)
    assert document["summary"] == {"errors": 0, "warnings": 2, "info": 1}
    findings = document["findings"]
    assert isinstance(findings, list)
    for finding in findings:
        assert set(finding) == {"code", "severity", "signatory_id", "line", "message", "hint"}


def test_strict_fails_on_warnings(invoke: Invoke) -> None:
    assert invoke("--registry", BUNDLED, "validate", "--strict").exit_code == 1


def test_strict_passes_a_registry_with_only_info(invoke: Invoke, tmp_path: Path) -> None:
    registry = tmp_path / "registry.toml"
    source = ROOT / "tests" / "data" / "validate" / "i402-trigger-fewer-members.toml"
    registry.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    assert invoke("--registry", registry, "validate", "--strict").exit_code == 0


def test_an_error_exits_1_and_is_listed_first(invoke: Invoke, registry_copy: Path) -> None:
    _with_signatory(
        registry_copy,
        'id = "chicago"\nname = "Chicago"\nkind = "city"\ncountry = "US"\n'
        'member = false\nstatus = "confirmed"\nsource = "a copy"\n',
    )
    result = invoke("--registry", registry_copy, "validate")
    assert result.exit_code == 1
    assert " E301 chicago: " in result.stdout.splitlines()[0]
    assert result.stdout.endswith("1 error, 2 warnings, 1 info\n")


def test_every_problem_is_reported_in_one_run(invoke: Invoke, registry_copy: Path) -> None:
    _with_signatory(
        registry_copy,
        'id = "atlantis"\nname = "Atlantis"\nkind = "city"\ncountry = "XQ"\nmember = false\n'
        'status = "withdrawn"\nendorsed_on = 2999-01-01\n',
    )
    codes = [f["code"] for f in _findings(invoke, registry_copy)]
    assert {"E210", "E502", "W501", "W503", "I106"} <= set(codes)


def test_verbose_says_which_signatories_were_not_checked(invoke: Invoke) -> None:
    quiet = {f["signatory_id"] for f in _findings(invoke, BUNDLED) if f["code"] == "I205"}
    verbose = [f for f in _findings(invoke, BUNDLED, "--verbose") if f["code"] == "I205"]
    assert quiet == set()
    assert {f["signatory_id"] for f in verbose} == {
        "area-metropolitana-de-barcelona-amb",
        "area-metropolitana-del-valle-de-aburra",
        "caracas-metropolitan-district",
    }


def test_a_file_that_is_not_toml_gives_the_line_and_column(invoke: Invoke, tmp_path: Path) -> None:
    registry = tmp_path / "registry.toml"
    registry.write_text('format = 1\n[paper]\ntitle = "unclosed\n', encoding="utf-8")
    result = invoke("--registry", registry, "validate")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"{registry}:3: E100 not valid TOML at line 3, column 18: Illegal character '\\n'"
    )


def test_registry_text_in_a_finding_cannot_drive_the_terminal(
    invoke: Invoke, registry_copy: Path
) -> None:
    _with_signatory(
        registry_copy,
        'id = "evil"\nname = "Evil\\u001b[2J City"\nkind = "city"\ncountry = "US"\n'
        'member = false\nstatus = "confirmed"\nsource = "x"\n',
    )
    stdout = invoke("--registry", registry_copy, "validate").stdout
    assert "\x1b" not in stdout
    assert '"Evil\\x1b[2J City" is not a known city in US' in stdout


def test_an_unknown_format_is_a_usage_error(invoke: Invoke) -> None:
    assert invoke("--registry", BUNDLED, "validate", "--format", "xml").exit_code == 2


def test_a_missing_registry_is_an_error_not_a_finding(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("--registry", tmp_path / "none.toml", "validate")
    assert result.exit_code == 1
    assert "no such registry" in result.stderr


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "endorse", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_exit_codes_of_a_real_process(tmp_path: Path) -> None:
    future = tmp_path / "future.toml"
    source = ROOT / "tests" / "data" / "validate" / "e502-trigger-future-date.toml"
    future.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    assert _run("--registry", BUNDLED, "validate").returncode == 0
    assert _run("--registry", BUNDLED, "validate", "--strict").returncode == 1
    assert _run("--registry", future, "validate").returncode == 1


def test_validate_and_fmt_agree_that_a_byte_order_mark_is_not_canonical(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = _registry(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert invoke("--registry", path, "fmt", "--check").exit_code == 1
    assert "I106" in invoke("--registry", path, "validate").stdout

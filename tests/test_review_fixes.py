"""Hostile files and hostile folders: clear errors, valid output, nothing changed."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import InvokeResult

Invoke = Callable[..., InvokeResult]

HEAD = 'format = 1\n\n[paper]\ntitle = "T"\nnetwork = "N"\nmembers_declared = 1\n\n'
SIGNATORY = (
    '[[signatory]]\nid = "a"\nname = "A"\nkind = "city"\ncountry = "FR"\n'
    'member = true\nstatus = "confirmed"\n'
)


def _registry(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "registry.toml"
    path.write_text(HEAD + SIGNATORY + extra, encoding="utf-8")
    return path


def test_a_lock_that_cannot_be_created_is_an_error_and_changes_nothing(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = _registry(tmp_path)
    (tmp_path / "registry.toml.lock").mkdir()
    before = path.read_bytes()
    result = invoke("--registry", path, "add", "Lyon", "--country", "FR")
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and "the file was not changed" in result.stderr
    assert path.read_bytes() == before


def test_a_write_the_disk_refuses_is_an_error_and_changes_nothing(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    path = _registry(tmp_path)
    before = path.read_bytes()

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = invoke("--registry", path, "add", "Lyon", "--country", "FR")
    assert result.exit_code == 1
    assert "No space left on device; the file was not changed" in result.stderr
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_an_unknown_key_holding_a_time_is_shown_and_listed(invoke: Invoke, tmp_path: Path) -> None:
    path = _registry(tmp_path, "t = 07:32:00\n")
    assert "07:32:00" in invoke("--registry", path, "show", "a").stdout
    assert json.loads(invoke("--registry", path, "list", "--format", "json").stdout)[0]["t"] == (
        "07:32:00"
    )


def test_json_output_stays_valid_json_for_infinite_and_nan_values(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = _registry(tmp_path, "f = inf\ng = nan\n")

    def refuse(constant: str) -> None:
        raise ValueError(constant)

    records = json.loads(
        invoke("--registry", path, "list", "--format", "json").stdout, parse_constant=refuse
    )
    assert (records[0]["f"], records[0]["g"]) == ("inf", "nan")


def test_absurdly_deep_nesting_is_a_parse_error_not_a_traceback(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "registry.toml"
    path.write_text("format = 1\nx = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    for command in ("list", "validate"):
        result = invoke("--registry", path, command)
        assert result.exit_code == 1
        assert "nested too deeply" in result.stdout + result.stderr


def test_an_import_of_absurdly_deep_json_is_refused(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('[{"name": "A", "country": "FR", "x": ' + "[" * 100000 + "]" * 100000 + "}]")
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "import", deep)
    assert result.exit_code == 1
    assert "nested too deeply" in result.stderr
    assert registry_copy.read_bytes() == before


def test_an_unknown_key_name_with_an_escape_sequence_is_shown_escaped(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = _registry(tmp_path, '"\\u001b[31mk" = "v"\n')
    output = invoke("--registry", path, "show", "a").stdout
    assert "\x1b" not in output
    assert "\\x1b[31mk" in output


def test_data_written_to_a_terminal_shows_escape_sequences_instead_of_sending_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from endorse import output

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    output.write_data("id,name\na,\x1b]8;;http://evil\x07x\n")
    assert terminal.getvalue() == "id,name\na,\\x1b]8;;http://evil\\x07x\n"


def test_validate_and_fmt_agree_that_a_byte_order_mark_is_not_canonical(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = _registry(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert invoke("--registry", path, "fmt", "--check").exit_code == 1
    assert "I106" in invoke("--registry", path, "validate").stdout


def test_a_report_cannot_be_written_over_the_registry(invoke: Invoke, registry_copy: Path) -> None:
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "report", "--output", registry_copy)
    assert result.exit_code == 1
    assert "is the registry itself" in result.stderr
    assert registry_copy.read_bytes() == before


def test_a_json_import_accepts_member_as_1_or_0(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    rows = tmp_path / "rows.json"
    rows.write_text('[{"name": "Lyon", "country": "FR", "member": 1, "source": "letter"}]')
    result = invoke("--registry", registry_copy, "import", rows)
    assert result.exit_code == 0, result.stderr
    assert "member       yes" in invoke("--registry", registry_copy, "show", "lyon").stdout

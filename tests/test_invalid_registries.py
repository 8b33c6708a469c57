"""Broken registry files: each gives its own message (tests/data/invalid/*.expected), exit 1."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, InvokeResult

Invoke = Callable[..., InvokeResult]
INVALID = ROOT / "tests" / "data" / "invalid"
CASES = sorted(INVALID.glob("*.toml"))


@pytest.mark.parametrize("path", CASES, ids=[case.stem for case in CASES])
def test_broken_registry_gives_its_message_and_exit_1(invoke: Invoke, path: Path) -> None:
    expected = path.with_suffix(".expected").read_text(encoding="utf-8")
    result = invoke("--registry", path, "list")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == expected.replace("{path}", str(path))


@pytest.mark.parametrize("path", CASES, ids=[case.stem for case in CASES])
def test_broken_registry_never_shows_a_traceback(path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "endorse", "--registry", str(path), "show", "lyon"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: {path}")


def test_a_registry_with_many_problems_lists_them_all(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "registry.toml"
    path.write_text(
        'format = 1\n[paper]\ntitle = "T"\nnetwork = "N"\nmembers_declared = 1\n\n'
        '[[signatory]]\nid = "a"\nname = "A"\nkind = "town"\ncountry = "FR"\n'
        'member = 1\nstatus = "confirmed"\n',
        encoding="utf-8",
    )
    result = invoke("--registry", path, "list")
    assert result.exit_code == 1
    assert "breaks format 1 in 2 places" in result.stderr
    assert f'{path}:7: signatory "a": kind "town"' in result.stderr
    assert f'{path}:7: signatory "a": member must be true or false' in result.stderr


def test_a_file_that_is_not_utf8_names_the_byte(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "registry.toml"
    path.write_bytes('format = 1\n[paper]\ntitle = "Montréal"\n'.encode("latin-1"))
    result = invoke("--registry", path, "list")
    assert result.exit_code == 1
    assert f"{path}: not UTF-8 text: byte 33 is 0xe9" in result.stderr


def test_absurdly_deep_nesting_is_a_parse_error_not_a_traceback(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "registry.toml"
    path.write_text("format = 1\nx = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    for command in ("list", "validate"):
        result = invoke("--registry", path, command)
        assert result.exit_code == 1
        assert "nested too deeply" in result.stdout + result.stderr

"""What the user types: references, file paths for output and init, option values."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import BUNDLED, InvokeResult, run

Invoke = Callable[..., InvokeResult]


@pytest.mark.parametrize(
    "command", [["remove", "", "--yes"], ["show", " "], ["edit", "", "--note", "x"]]
)
def test_an_empty_reference_is_a_usage_error_and_changes_nothing(
    invoke: Invoke, registry_copy: Path, command: list[str]
) -> None:
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, *command)
    assert result.exit_code == 2
    assert "is empty; give an id or a name" in result.stderr
    assert registry_copy.read_bytes() == before


def test_a_search_for_invisible_text_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "list", "--search", "\u200b")
    assert result.exit_code == 2


def test_a_report_written_to_a_device_leaves_the_device_a_device(
    invoke: Invoke, tmp_path: Path
) -> None:
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    result = invoke("--registry", BUNDLED, "report", "--format", "json", "--output", fifo)
    received, _ = reader.communicate(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert json.loads(received)["totals"]["nonmembers"] == 13
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_report_to_dev_null_writes_nothing_anywhere(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "report", "--output", "/dev/null")
    assert result.exit_code == 0
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_a_report_into_a_folder_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    assert invoke("--registry", BUNDLED, "report", "--output", tmp_path).exit_code == 2


@pytest.mark.parametrize("command", [["list"], ["report"]])
def test_an_output_ending_in_a_slash_is_refused_as_a_folder(
    invoke: Invoke, tmp_path: Path, command: list[str]
) -> None:
    result = invoke("--registry", BUNDLED, *command, "--output", f"{tmp_path / 'out'}/")
    assert result.exit_code == 2
    assert "names a folder" in _unboxed(result.stderr)
    assert list(tmp_path.iterdir()) == []


_PAPER = ("--title", "Paper", "--network", "Network", "--members-declared", "3")


def _unboxed(usage_error: str) -> str:
    """A usage error's words on one line, without the box and the wrapping around them."""
    return " ".join(usage_error.replace("│", " ").split())


def test_init_of_a_path_ending_in_a_slash_creates_nothing(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("init", "new/", *_PAPER)
    assert result.exit_code == 2
    assert "give a file name, such as new/registry.toml" in _unboxed(result.stderr)
    assert list(tmp_path.iterdir()) == []


def test_init_refuses_a_folder_named_by_the_environment(tmp_path: Path) -> None:
    result = run("init", *_PAPER, ENDORSE_REGISTRY=f"{tmp_path / 'new'}/")
    assert result.returncode == 2
    assert "ENDORSE_REGISTRY" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_registry_option_ending_in_a_slash_is_refused(invoke: Invoke) -> None:
    result = invoke("--registry", f"{BUNDLED}/", "list")
    assert result.exit_code == 2
    assert "names a folder" in _unboxed(result.stderr)


@pytest.mark.parametrize(
    "command", [["list", "--output", ""], ["init", "", *_PAPER], ["--registry", "", "list"]]
)
def test_an_empty_file_name_is_said_to_be_empty(invoke: Invoke, command: list[str]) -> None:
    result = invoke(*command)
    assert result.exit_code == 2
    assert "the file name is empty" in _unboxed(result.stderr)


def test_a_lock_timeout_that_is_not_a_number_is_a_usage_error(
    invoke: Invoke, registry_copy: Path
) -> None:
    result = invoke(
        "--registry", registry_copy, "add", "Lyon", "--country", "FR", "--lock-timeout", "nan"
    )
    assert result.exit_code == 2


def test_a_deleted_working_folder_is_an_error_not_a_crash(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    script = (
        "import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]);"
        "from endorse.entry import main; sys.argv = ['endorse', *sys.argv[2:]]; main()"
    )
    for args in (["list"], ["--registry", str(BUNDLED), "list"]):
        gone.mkdir()
        done = subprocess.run(
            [sys.executable, "-P", "-c", script, str(gone), *args],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        assert "Traceback" not in done.stderr
        expected = 0 if "--registry" in args else 1
        assert done.returncode == expected, done.stderr


def test_init_where_a_file_stands_in_the_way_is_an_error(invoke: Invoke, tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    result = invoke(
        "init",
        blocker / "registry.toml",
        "--title",
        "T",
        "--network",
        "N",
        "--members-declared",
        "1",
    )
    assert result.exit_code == 1
    assert "cannot write" in result.stderr

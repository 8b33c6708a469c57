"""What reaches the terminal: encodings, widths, pipes, and a full standard output."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

import endorse
from conftest import BUNDLED, run


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


@pytest.mark.parametrize(
    "command", [["list"], ["list", "--format", "json"], ["report"], ["validate"], ["show", "accra"]]
)
def test_a_full_disk_on_stdout_is_an_error_not_a_traceback(command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "endorse", "--registry", str(BUNDLED), *command],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stderr.startswith("error: cannot write to standard output: No space left")
    assert "Traceback" not in done.stderr


def test_add_says_it_added_before_a_full_stdout_fails(registry_copy: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "endorse",
                "--registry",
                str(registry_copy),
                "add",
                "Lyon",
                "--country",
                "FR",
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    said, error = done.stderr.splitlines()
    assert said.startswith('added "lyon" to')
    assert error.startswith("error: cannot write to standard output")


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["list", "--help"]])
def test_a_full_disk_on_stdout_for_help_or_version_is_an_error_not_a_traceback(
    args: list[str],
) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "endorse", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stderr.startswith("error: cannot write to standard output: No space left")


def test_a_list_written_to_dev_stdout_reaches_a_pipe() -> None:
    result = run("--registry", BUNDLED, "list", "--format", "ids", "--output", "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert "pittsburgh" in result.stdout.split()


def test_a_latin_1_terminal_gets_escapes_not_a_crash(tmp_path: Path) -> None:
    registry = tmp_path / "registry.toml"
    registry.write_bytes(BUNDLED.read_bytes())
    with endorse.edit(registry) as draft:
        draft.add(name="Kraków", country="PL", as_written="Kraków \u0107\u4eac")
    for command in (["report"], ["show", "krakow"], ["list"]):
        done = run("--registry", registry, *command, encoding="latin-1", PYTHONIOENCODING="latin-1")
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr


def _on_a_terminal(args: list[str], **env: str) -> str:
    """What endorse shows on a terminal (a pseudo-terminal), decoded as Latin-1."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "endorse", *args],
        stdout=follower,
        stderr=follower,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **env},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("latin-1").replace("\r\n", "\n")


def test_a_latin_1_terminal_reads_the_arrow_of_a_diff_as_ascii(tmp_path: Path) -> None:
    before, after = tmp_path / "before.toml", tmp_path / "after.toml"
    before.write_bytes(BUNDLED.read_bytes())
    after.write_text(BUNDLED.read_text().replace('"Pittsburgh"', '"Pittsburgh City"', 1))
    screen = _on_a_terminal(["diff", str(before), str(after)], PYTHONIOENCODING="latin-1")
    assert 'name: "Pittsburgh" -> "Pittsburgh City"' in screen


def test_data_in_a_pipe_is_exact_utf_8_whatever_the_locale(tmp_path: Path) -> None:
    registry = tmp_path / "registry.toml"
    registry.write_bytes(BUNDLED.read_bytes())
    with endorse.edit(registry) as draft:
        draft.add(name="Saint\u2019Agnès", country="FR", as_written="\u6771\u4eac")
    for command in (["list", "--format", "csv"], ["report", "--format", "html"]):
        done = run("--registry", registry, *command, PYTHONIOENCODING="latin-1")
        assert "Saint\u2019Agnès" in done.stdout, command
    assert (
        "\u6771\u4eac"
        in run("--registry", registry, "show", "saint-agnes", PYTHONIOENCODING="latin-1").stdout
    )


def test_a_latin_1_terminal_shortens_a_message_with_three_dots() -> None:
    args = ["--registry", str(BUNDLED), "add", "x" * 300, "--country", "US", "--dry-run"]
    screen = _on_a_terminal(args, PYTHONIOENCODING="latin-1")
    assert 'xxx..." is 300 characters long' in screen


def test_a_latin_1_terminal_escapes_a_dash_of_the_registry_s_text(tmp_path: Path) -> None:
    registry = tmp_path / "registry.toml"
    registry.write_bytes(BUNDLED.read_bytes())
    with endorse.edit(registry) as draft:
        draft.edit("accra", note="Nouveau \u2014 \u201ctest\u201d")
    screen = _on_a_terminal(
        ["--registry", str(registry), "show", "accra"], PYTHONIOENCODING="latin-1"
    )
    assert "Nouveau \\u2014 \\u201ctest\\u201d" in screen


def test_messages_in_a_pipe_are_utf_8_whatever_the_locale() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "endorse", "--registry", str(BUNDLED), "show", "Montr\u00e9alx"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "latin-1"},
        timeout=60,
    )
    assert "Montr\u00e9alx".encode() in done.stderr


@pytest.mark.parametrize("columns", ["20", "40"])
def test_a_narrow_terminal_gets_the_plain_table_with_whole_ids(columns: str) -> None:
    args = ["--registry", str(BUNDLED), "list", "--country", "US"]
    screen = _on_a_terminal(args, NO_COLOR="", COLUMNS=columns)
    assert "washington" in screen.split()
    assert "\u2503" not in screen.encode("latin-1").decode("utf-8")


def test_a_wide_terminal_gets_the_rich_table() -> None:
    args = ["--registry", str(BUNDLED), "list", "--country", "US"]
    screen = _on_a_terminal(args, NO_COLOR="", COLUMNS="100")
    assert "\u2503" in screen.encode("latin-1").decode("utf-8")

"""Writing the registry: a failed write changes nothing; no change writes nothing."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest

import endorse
from conftest import BUNDLED, InvokeResult, run
from registries import one_signatory_file as _registry

Invoke = Callable[..., InvokeResult]


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


def test_a_report_cannot_be_written_over_the_registry(invoke: Invoke, registry_copy: Path) -> None:
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "report", "--output", registry_copy)
    assert result.exit_code == 1
    assert "is the registry itself" in result.stderr
    assert registry_copy.read_bytes() == before


def _crlf_copy(registry_copy: Path) -> bytes:
    crlf = registry_copy.read_bytes().replace(b"\n", b"\r\n")
    registry_copy.write_bytes(crlf)
    return crlf


@pytest.mark.parametrize(
    "command",
    [
        ["edit", "chicago", "--member", "--nonmember"],
        ["edit", "chicago", "--name", "Chicago"],
        ["fmt", "--check"],
    ],
)
def test_a_command_that_changes_nothing_writes_nothing(
    invoke: Invoke, registry_copy: Path, command: list[str]
) -> None:
    before = _crlf_copy(registry_copy)
    invoke("--registry", registry_copy, *command)
    assert registry_copy.read_bytes() == before


def test_withdrawing_twice_changes_nothing_the_second_time(
    invoke: Invoke, registry_copy: Path
) -> None:
    assert invoke("--registry", registry_copy, "withdraw", "chicago", "--note", "N.").exit_code == 0
    after_first = registry_copy.read_bytes()
    second = invoke("--registry", registry_copy, "withdraw", "chicago", "--note", "N.")
    assert second.exit_code == 0
    assert "already withdrawn; nothing was changed" in second.stderr
    assert registry_copy.read_bytes() == after_first


def test_a_note_given_to_a_withdrawn_signatory_is_added_once(
    invoke: Invoke, registry_copy: Path
) -> None:
    invoke("--registry", registry_copy, "withdraw", "chicago")
    first = invoke("--registry", registry_copy, "withdraw", "chicago", "--note", "Letter of May.")
    assert "already withdrawn; the note given was added" in first.stderr
    after_first = registry_copy.read_bytes()
    second = invoke("--registry", registry_copy, "withdraw", "chicago", "--note", "Letter of May.")
    assert "its note already says that" in second.stderr
    assert registry_copy.read_bytes() == after_first
    assert endorse.load(registry_copy).by_id("chicago").note.endswith("Letter of May.")  # type: ignore[union-attr]


def test_an_import_whose_rows_are_all_skipped_writes_nothing(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    before = _crlf_copy(registry_copy)
    rows = tmp_path / "rows.csv"
    rows.write_text("name,country\nChicago,US\nNew York City,US\n", encoding="utf-8")
    result = invoke("--registry", registry_copy, "import", rows, "--on-duplicate", "skip")
    assert result.exit_code == 0, result.stderr
    assert registry_copy.read_bytes() == before


def test_a_dry_run_takes_no_lock(invoke: Invoke, registry_copy: Path) -> None:
    result = invoke("--registry", registry_copy, "add", "Lyon", "--country", "FR", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert not registry_copy.with_name("registry.toml.lock").exists()


def test_a_shared_folder_named_as_a_cache_is_left_alone(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    done = run("--registry", BUNDLED, "validate", ENDORSE_CACHE_DIR=str(shared))
    assert done.returncode == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert list(shared.iterdir()) == []

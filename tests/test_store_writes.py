"""The write guarantees with real processes and real files: atomic, locked, crash-safe."""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import BUNDLED
from endorse import Registry, api
from endorse.registry.store import (
    create_new,
    dumps,
    is_canonical,
    load,
    lock_path,
    registry_from_text,
    write_atomically,
)
from registries import signatory

HOLD_LOCK = """
import sys, time
from pathlib import Path
from endorse.registry.store import locked
with locked(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(60)
"""

ADD_TEN = """
import sys
import typer
from endorse.cli import app
registry, worker = sys.argv[1], sys.argv[2]
command = typer.main.get_command(app)
for n in range(10):
    args = ["--registry", registry, "add", f"Worker {worker} town {n}", "--country", "US",
            "--force", "--lock-timeout", "60"]
    try:
        command.main(args, prog_name="endorse")
    except SystemExit as done:
        if done.code:
            sys.exit(f"endorse add exited {done.code}")
"""


def endorse(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "endorse", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )


def test_a_write_keeps_the_file_permissions(registry_copy: Path) -> None:
    registry_copy.chmod(0o640)
    write_atomically(registry_copy, registry_copy.read_text(encoding="utf-8") + "\n")
    assert stat.S_IMODE(registry_copy.stat().st_mode) == 0o640


def test_a_write_leaves_no_temporary_file(registry_copy: Path) -> None:
    write_atomically(registry_copy, "format = 1\n")
    assert sorted(p.name for p in registry_copy.parent.iterdir()) == ["registry.toml"]


def test_a_symlinked_registry_is_written_through_to_its_target(
    registry_copy: Path, tmp_path: Path
) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(registry_copy)
    result = endorse("--registry", link, "add", "Boston", "--country", "US")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert load(registry_copy).registry.by_id("boston") is not None


def test_create_new_never_replaces_a_file(tmp_path: Path) -> None:
    path = tmp_path / "registry.toml"
    create_new(path, "format = 1\n")
    with pytest.raises(Exception, match="already there"):
        create_new(path, "format = 2\n")
    assert path.read_text(encoding="utf-8") == "format = 1\n"


@pytest.fixture
def lock_holder(registry_copy: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the registry's lock until the test ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(registry_copy)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    yield holder
    holder.kill()
    holder.wait()
    holder.stdout.close()


@pytest.mark.usefixtures("lock_holder")
def test_a_held_lock_refuses_the_write_and_changes_nothing(registry_copy: Path) -> None:
    before = registry_copy.read_bytes()
    result = endorse(
        "--registry", registry_copy, "add", "Boston", "--country", "US", "--lock-timeout", "0.2"
    )
    assert result.returncode == 1
    assert "another endorse is writing this registry" in result.stderr
    assert "--lock-timeout" in result.stderr
    assert registry_copy.read_bytes() == before


def test_an_flock_held_by_another_program_is_respected(registry_copy: Path) -> None:
    import fcntl

    before = registry_copy.read_bytes()
    with open(lock_path(registry_copy), "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        result = endorse(
            "--registry", registry_copy, "add", "Boston", "--country", "US", "--lock-timeout", "0.2"
        )
    assert result.returncode == 1
    assert "another endorse is writing this registry" in result.stderr
    assert registry_copy.read_bytes() == before


def test_the_lock_is_free_again_when_its_holder_is_killed(
    registry_copy: Path, lock_holder: subprocess.Popen[str]
) -> None:
    lock_holder.kill()
    lock_holder.wait()
    result = endorse(
        "--registry", registry_copy, "add", "Boston", "--country", "US", "--lock-timeout", "5"
    )
    assert result.returncode == 0, result.stderr
    assert not lock_path(registry_copy).exists()


def test_the_lock_file_is_there_only_while_a_command_writes(registry_copy: Path) -> None:
    result = endorse("--registry", registry_copy, "add", "Boston", "--country", "US")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in registry_copy.parent.iterdir()) == ["registry.toml"]


@pytest.mark.slow
def test_eight_concurrent_writers_adding_ten_each_lose_nothing(registry_copy: Path) -> None:
    before = {s.id for s in load(registry_copy).registry.signatories}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", ADD_TEN, str(registry_copy), str(worker)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        for worker in range(8)
    ]
    for writer in writers:
        _, errors = writer.communicate(timeout=120)
        assert writer.returncode == 0, errors
    after = load(registry_copy)
    added = {s.id for s in after.registry.signatories} - before
    assert len(added) == 80
    assert added == {f"worker-{w}-town-{n}" for w in range(8) for n in range(10)}
    assert before <= {s.id for s in after.registry.signatories}
    assert is_canonical(registry_copy.read_bytes(), after.registry)


def test_a_registry_too_deep_to_write_is_refused_without_a_traceback(
    registry_copy: Path,
) -> None:
    """tomli reads tables 600 deep holding arrays 300 deep; tomli-w cannot write them."""
    header = ".".join(["signatory"] + ["a"] * 600)
    registry_copy.write_text(
        registry_copy.read_text(encoding="utf-8") + f"\n[{header}]\nx = {'[' * 300}{']' * 300}\n",
        encoding="utf-8",
    )
    before = registry_copy.read_bytes()
    assert endorse("--registry", registry_copy, "list").returncode == 0
    for command in (["add", "Lyon", "--country", "FR"], ["fmt"], ["fmt", "--check"], ["validate"]):
        result = endorse("--registry", registry_copy, *command)
        assert result.returncode == 1, command
        said = result.stdout if command == ["validate"] else result.stderr
        assert 'signatory "washington" holds a value nested too deeply' in said
        assert "Traceback" not in result.stderr
        assert registry_copy.read_bytes() == before


def many_signatories(count: int, note: str) -> Registry:
    registry = load(BUNDLED).registry
    extra = tuple(
        signatory(f"Town {n:04d}", id=f"town-{n:04d}", note=f"{note} {n}") for n in range(count)
    )
    unsorted = dataclasses.replace(registry, signatories=registry.signatories + extra)
    return registry_from_text(dumps(unsorted), Path("registry.toml"))


def rewrite_forever(path: Path, texts: tuple[str, str]) -> None:
    """In a forked child: write one text, then the other, and so on, until killed."""
    try:
        while True:
            for text in texts:
                write_atomically(path, text)
    finally:
        os._exit(1)


@pytest.mark.slow
def test_writes_killed_at_random_moments_leave_the_old_or_the_new_file(tmp_path: Path) -> None:
    path = tmp_path / "registry.toml"
    texts = (dumps(many_signatories(1000, "old")), dumps(many_signatories(1000, "new")))
    path.write_text(texts[0], encoding="utf-8")
    rng = random.Random(2026)
    killed_while_writing = 0
    for _ in range(60):
        child = os.fork()
        if child == 0:
            rewrite_forever(path, texts)
        time.sleep(rng.uniform(0.001, 0.02))
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        assert path.read_text(encoding="utf-8") in texts
        leftovers = list(tmp_path.glob(".registry.toml.*.tmp"))
        killed_while_writing += len(leftovers)
        for leftover in leftovers:
            leftover.unlink()
    assert dumps(load(path).registry) in texts
    print(f"{killed_while_writing} of 60 kills landed while the temporary file was written")


def test_a_killed_read_modify_write_leaves_the_old_or_the_new_file(registry_copy: Path) -> None:
    old = load(registry_copy).registry
    new = many_signatories(1, "new")
    texts = (dumps(old), dumps(new))
    for _ in range(10):
        child = os.fork()
        if child == 0:
            try:
                while True:
                    with api.edit(registry_copy) as draft:
                        draft.registry = new if draft.registry == old else old
            finally:
                os._exit(1)
        time.sleep(0.01)
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        assert registry_copy.read_text(encoding="utf-8") in texts

"""Shared fixtures: the bundled registry, a copy of it in tmp_path, a CLI runner, a subprocess."""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
import typer
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from endorse.cli import app

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "registry.toml"

# The machines are shared: a property must not fail because one example was slow to make
# or to run (Hypothesis's deadline and "too slow" health check measure time). What each
# test checks is the same on a loaded machine.
settings.register_profile(
    "shared-machines", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("shared-machines")


@functools.cache
def script_module(path: Path) -> ModuleType:
    """A script of scripts/ or benchmarks/ (folders that are no package) as a module."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def registry_copy(tmp_path: Path) -> Path:
    """A copy of the bundled registry that a test may change."""
    path = tmp_path / "data" / "registry.toml"
    path.parent.mkdir()
    shutil.copy(BUNDLED, path)
    return path


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ENDORSE_REGISTRY", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    # The report's language follows these (docs/report.md): the tests expect English.
    for variable in ("ENDORSE_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


class InvokeResult:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr


@functools.cache
def _command() -> typer.core.TyperGroup:
    """The app as Click runs it, built once. `CliRunner.invoke(app)` has Typer build every
    command's parameters from its signature again on each call, some 30 ms: a third of
    the fast tests' time, for a command that is the same in every test."""
    command = typer.main.get_command(app)
    assert isinstance(command, typer.core.TyperGroup)
    return command


@pytest.fixture
def invoke() -> Callable[..., InvokeResult]:
    """Run the CLI in-process: invoke("--registry", path, "list") -> exit code, stdout, stderr.

    As `CliRunner.invoke` runs it (its isolation of stdin, stdout, stderr), on `_command()`;
    an exception other than an exit is raised, not returned."""
    runner = CliRunner()
    command = _command()

    def run(*args: str | Path, input: str | None = None) -> InvokeResult:
        with runner.isolation(input=input) as (stdout, stderr, _):
            try:
                command.main([str(a) for a in args], prog_name=command.name)
            except SystemExit as done:
                exit_code = done.code
            sys.stdout.flush()
            sys.stderr.flush()
            out, err = _text(stdout.getvalue()), _text(stderr.getvalue())
        assert isinstance(exit_code, int), exit_code
        return InvokeResult(exit_code, out, err)

    return run


def _text(written: bytes) -> str:
    return written.decode("utf-8", "replace").replace("\r\n", "\n")


def run(*args: str | Path, encoding: str = "utf-8", **env: str) -> subprocess.CompletedProcess[str]:
    """Run endorse in a new process, as a user would, with env added to the environment."""
    return subprocess.run(
        [sys.executable, "-m", "endorse", *map(str, args)],
        capture_output=True,
        encoding=encoding,
        env={**os.environ, "NO_COLOR": "1", **env},
        timeout=60,
    )

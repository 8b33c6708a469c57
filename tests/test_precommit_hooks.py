"""The pre-commit hooks (.pre-commit-hooks.yaml), run by pre-commit itself: `try-repo` installs
this repository in an environment of its own and runs a hook on a temporary repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import BUNDLED, ROOT
from git_repositories import git
from registries import one_signatory_file

MANIFEST = ROOT / ".pre-commit-hooks.yaml"


def _hooks() -> dict[str, dict[str, object]]:
    return {hook["id"]: hook for hook in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))}


def _pre_commit(folder: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ENDORSE_REGISTRY"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**env, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"},
        timeout=600,
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pre-commit's cache, shared by the module's tests: the hooks' environment is made once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q")
    (tmp_path / "data").mkdir()
    return tmp_path


def _try(repository: Path, home: Path, hook: str) -> subprocess.CompletedProcess[str]:
    git(repository, "add", "-A")
    return _pre_commit(
        repository, home, "try-repo", str(ROOT), hook, "--all-files", "--color", "never"
    )


def test_pre_commit_accepts_the_hooks_manifest(tmp_path: Path) -> None:
    done = _pre_commit(ROOT, tmp_path, "validate-manifest", str(MANIFEST))
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_hooks_are_endorse_validate_and_endorse_fmt() -> None:
    hooks = _hooks()
    assert [(i, h["entry"]) for i, h in hooks.items()] == [
        ("endorse-validate", "endorse validate"),
        ("endorse-fmt", "endorse fmt"),
    ]


@pytest.mark.parametrize("hook", ["endorse-validate", "endorse-fmt"])
def test_the_default_files_are_those_named_registry_toml(hook: str) -> None:
    pattern = re.compile(str(_hooks()[hook]["files"]))
    assert [bool(pattern.search(p)) for p in ("registry.toml", "data/registry.toml")] == [1, 1]
    assert not any(pattern.search(p) for p in ("pyproject.toml", "data/old-registry.toml"))


@pytest.mark.slow
def test_endorse_validate_passes_with_warnings_and_shows_them(repository: Path, home: Path) -> None:
    shutil.copy(BUNDLED, repository / "data" / "registry.toml")
    done = _try(repository, home, "endorse-validate")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "W202 richmond:" in done.stdout
    assert "0 errors, 2 warnings, 1 info" in done.stdout


@pytest.mark.slow
def test_endorse_validate_fails_the_commit_on_an_error(repository: Path, home: Path) -> None:
    path = one_signatory_file(repository / "data")
    path.write_text(path.read_text(encoding="utf-8").replace('country = "FR"\n', ""))
    done = _try(repository, home, "endorse-validate")
    assert done.returncode == 1
    assert "data/registry.toml:8: E103 a:" in done.stdout


@pytest.mark.slow
def test_endorse_fmt_rewrites_a_registry_in_canonical_form(repository: Path, home: Path) -> None:
    path = repository / "data" / "registry.toml"
    canonical = BUNDLED.read_text(encoding="utf-8")
    path.write_text(canonical + "\n\n", encoding="utf-8")
    done = _try(repository, home, "endorse-fmt")
    assert done.returncode == 1  # pre-commit fails a hook that changed a file, as formatters do
    assert "files were modified by this hook" in done.stdout
    assert path.read_text(encoding="utf-8") == canonical

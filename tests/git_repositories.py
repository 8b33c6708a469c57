"""Real git repositories for the history tests: commits made as one author, on given dates."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

IDENTITY = {
    "GIT_AUTHOR_NAME": "Ana Secretariat",
    "GIT_AUTHOR_EMAIL": "ana@example.org",
    "GIT_COMMITTER_NAME": "Ana Secretariat",
    "GIT_COMMITTER_EMAIL": "ana@example.org",
}


def run(folder: Path, args: list[str], when: str | None = None) -> str:
    """A command run in `folder` as the example's author, dated `when` if given."""
    dated = {} if when is None else {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    env = {**os.environ, **IDENTITY, **dated, "NO_COLOR": "1", "COLUMNS": "200"}
    env.pop("ENDORSE_REGISTRY", None)
    done = subprocess.run(args, cwd=folder, capture_output=True, text=True, env=env)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def git(folder: Path, *args: str, when: str | None = None) -> str:
    return run(folder, ["git", *args], when).strip()


def commit(folder: Path, message: str, when: str | None = None) -> str:
    """Commit everything, as the example's author; the new commit's short id."""
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", message, when=when)
    return git(folder, "rev-parse", "--short", "HEAD")

"""The registry's versions in git: the file at a revision, and the commits that changed it.

Git is the engine, through its executable (`git show`, `git log`,
`git rev-parse`), run in the registry's folder with the file named relative
to it, so a registry anywhere in a repository is found. Every failure is a
HistoryError that says which: no git, not a repository, a revision that
does not exist, a file that is not in that revision.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Final

from endorse import store
from endorse.changes import Changes, diff
from endorse.errors import (
    EndorseError,
    RegistryFormatError,
    RegistryParseError,
    RegistryReadError,
)
from endorse.model import Registry
from endorse.values import shown

_FIELD: Final = "\x1f"
_RECORD: Final = "\x1e"
_LOG_FORMAT: Final = "%x1f".join(("%H", "%h", "%aI", "%an", "%ae", "%B")) + "%x1e"
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


class HistoryError(EndorseError):
    """The registry's history cannot be read: git is missing, the registry is not in a
    repository, or a revision does not exist."""


class GitMissingError(HistoryError):
    """No `git` executable."""


class NotARepositoryError(HistoryError):
    """The registry's folder is not in a git repository."""


class UnknownRevisionError(HistoryError):
    """A revision that names no commit of the repository."""


class NotInRevisionError(HistoryError):
    """The registry file does not exist in a revision."""


# What makes one version of the registry unreadable, while the history itself is readable.
_UNPARSEABLE: Final = (
    NotInRevisionError,
    RegistryParseError,
    RegistryFormatError,
    RegistryReadError,
)


@dataclass(frozen=True)
class Commit:
    """A commit that changed the registry; `message` is its whole message."""

    sha: str
    short: str
    date: datetime
    author: str
    email: str
    message: str

    @property
    def subject(self) -> str:
        return self.message.split("\n", 1)[0]


@dataclass(frozen=True)
class LogEntry:
    """A commit and the changes it made to the registry; `problem` says why there are none
    to show (its version does not parse, or it deleted the file). `compared_with` names
    the version the changes are counted from when it is not the commit's parent (whose
    version did not parse), or "nothing" when the commit created the file."""

    commit: Commit
    changes: Changes | None
    problem: str | None = None
    compared_with: str | None = None

    @property
    def created(self) -> bool:
        """Whether the commit created the registry file (everything in it is new)."""
        return (
            self.compared_with is None
            and self.changes is not None
            and any(f.key == "format" and f.old is None for f in self.changes.registry)
        )


def registry_at(path: Path, revision: str, label: str | None = None) -> Registry:
    """The registry as committed in `revision`; an error naming the revision (or `label`)
    when that version cannot be read or does not parse."""
    named = labelled(path, label or revision)
    return store.load_bytes(version_at(path, revision), named).registry


def labelled(path: Path, revision: str) -> Path:
    """How a version is named in messages: "data/registry.toml@HEAD~1"."""
    return Path(f"{path}@{revision}")


def log(path: Path, since: str | None = None) -> list[LogEntry]:
    """Every commit that changed the registry, newest first, with the changes it made.

    A version that does not parse is named and skipped: the next commit's
    changes are counted from the last version that parsed.
    """
    found = commits(path, since)
    entries: list[LogEntry] = []
    previous, previous_label, skipped = _before(path, found[-1]) if found else (None, None, False)
    for commit in reversed(found):
        try:
            current = registry_at(path, commit.sha, commit.short)
        except _UNPARSEABLE as error:
            problem = f"{path.name} was deleted" if isinstance(error, NotInRevisionError) else None
            entries.append(LogEntry(commit, None, problem or str(error)))
            skipped = True
            continue
        compared = (previous_label or "nothing") if skipped else None
        entries.append(LogEntry(commit, diff(previous, current), None, compared))
        previous, previous_label, skipped = current, commit.short, False
    return entries[::-1]


def _before(path: Path, oldest: Commit) -> tuple[Registry | None, str | None, bool]:
    """The last version before `oldest` that parses, its commit, and whether versions that
    do not parse came between; (None, None, False) when `oldest` created the file, and
    (None, "nothing", True) when no earlier version parses."""
    done = _git(
        path, "rev-list", "--first-parent", "--abbrev-commit", f"{oldest.sha}^", "--", path.name
    )
    earlier = done.stdout.decode().split() if done.returncode == 0 else []
    for position, short in enumerate(earlier):
        try:
            return registry_at(path, short), short, position > 0
        except _UNPARSEABLE:
            continue
    return (None, "nothing", True) if earlier else (None, None, False)


def version_at(path: Path, revision: str) -> bytes:
    """The bytes of the registry file `path` as committed in `revision`."""
    sha = resolve(path, revision)
    done = _git(path, "show", f"{sha}:./{path.name}")
    if done.returncode != 0:
        raise NotInRevisionError(f"{path.name} is not in {shown(revision)} ({sha[:7]}).")
    return done.stdout


def resolve(path: Path, revision: str) -> str:
    """The full commit id `revision` names, in the repository that holds `path`."""
    if not revision.strip() or revision.startswith("-"):
        raise UnknownRevisionError(f"{shown(revision)} is not a revision.")
    done = _git(path, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if done.returncode != 0:
        raise UnknownRevisionError(
            f"{shown(revision)} is not a commit of the repository that holds {path}."
        )
    return done.stdout.decode().strip()


def commits(path: Path, since: str | None = None) -> list[Commit]:
    """The commits that changed the registry file, newest first; `since` is a date
    (YYYY-MM-DD: commits made that day or later, by their author's date) or a revision
    (commits after it)."""
    args = ["log", "--first-parent", f"--format={_LOG_FORMAT}"]
    day = _day(since) if since is not None and _ISO_DATE.fullmatch(since) else None
    if since is not None and day is None:
        args.append(f"{resolve(path, since)}..HEAD")
    done = _git(path, *args, "--", path.name)
    if done.returncode != 0:
        if b"does not have any commits" in done.stderr:
            return []
        raise HistoryError(f"git log failed: {_stderr(done)}")
    records = done.stdout.decode("utf-8", "replace").split(_RECORD)
    found = [_commit(record) for record in records if record.strip()]
    return [c for c in found if day is None or c.date.date() >= day]


def parent_version(path: Path, commit: Commit) -> bytes | None:
    """The registry file before `commit` (in its first parent), or None when it did not
    exist there (the commit added it, or is the first)."""
    done = _git(path, "show", f"{commit.sha}^1:./{path.name}")
    return done.stdout if done.returncode == 0 else None


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise HistoryError(f"{shown(text)} is not a real calendar date.") from None


def _commit(record: str) -> Commit:
    sha, short, when, author, email, message = record.lstrip("\n").split(_FIELD, 5)
    return Commit(sha, short, datetime.fromisoformat(when), author, email, message.strip())


def _git(path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    executable = shutil.which("git")
    if executable is None:
        raise GitMissingError("git is not installed (no git command on PATH).")
    folder = path.parent
    try:
        done = subprocess.run(
            [executable, "-c", "core.quotepath=off", *args],
            cwd=folder,
            capture_output=True,
            env={**os.environ, "LC_ALL": "C", "GIT_PAGER": "cat"},
            check=False,
        )
    except OSError as error:
        raise HistoryError(f"cannot run git in {folder}: {error.strerror}") from None
    if done.returncode != 0 and b"not a git repository" in done.stderr.lower():
        raise NotARepositoryError(f"{path} is not in a git repository, so it has no history.")
    return done


def _stderr(done: subprocess.CompletedProcess[bytes]) -> str:
    return shown(done.stderr.decode("utf-8", "replace").strip()[:300])

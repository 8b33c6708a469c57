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
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Final

from endorse.errors import (
    EndorseError,
    RegistryFormatError,
    RegistryParseError,
    RegistryReadError,
)
from endorse.history.diff import Changes, diff
from endorse.registry import store
from endorse.registry.model import Registry
from endorse.registry.values import ValueProblem, check_date, printable, shown

# Fields and records separated by NUL, which git allows in no name and no message.
_LOG_FORMAT: Final = "%x00".join(("%H", "%h", "%at", "%aI", "%an", "%ae", "%B")) + "%x00"
_LOG_FIELDS: Final = 7
# What git's environment may hold that would point it at another repository than the one
# that holds the registry (git sets GIT_DIR for hooks in a linked worktree).
_REPOSITORY_VARIABLES: Final = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_PREFIX",
    "GIT_COMMON_DIR",
    "GIT_OBJECT_DIRECTORY",
    "GIT_NAMESPACE",
)
# What git says of a revision that names no commit (rather than of a repository it cannot
# read, such as one of another user, which it says otherwise).
_NO_SUCH_REVISION: Final = ("Needed a single revision", "unknown revision", "bad revision")
# What git says of a path that a commit does not hold.
_NOT_IN_REVISION: Final = (b"does not exist in", b"exists on disk, but not in")
# What is taken for a date rather than a revision: digits and hyphens, a year first.
_DATE_LIKE: Final = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
# git's ":/text": the youngest commit whose message matches the text, all of what follows.
_BY_MESSAGE: Final = ":/"
# How a PATH of git's REVISION:PATH starts when it is relative to the current folder.
_FROM_HERE: Final = ("./", "../")


class HistoryError(EndorseError):
    """The registry's history cannot be read: git is missing, the registry is not in a
    repository, or a revision does not exist."""


class GitMissingError(HistoryError):
    """No `git` executable."""


class NotARepositoryError(HistoryError):
    """The registry's folder is not in a git repository."""


class UnknownRevisionError(HistoryError):
    """A revision that names no commit of the repository."""


class NoCommitsError(HistoryError):
    """The repository has no commit yet, so no revision names one."""


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


@dataclass(frozen=True)
class LogEntry:
    """A commit and the changes it made to the registry; `problem` says why there are none
    to show (its version does not parse, or it deleted the file). `compared_with` names
    the commit whose version the changes are counted from when it is not the version
    just before (which could not be read); None otherwise."""

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

    Each commit is compared with the version before it in the history (the
    commits `since` selects are chosen afterwards, so that a commit dated out
    of order is not credited with another's changes). A version that does
    not parse is named and skipped: the next commit's changes are counted
    from the last version that parses, and say from which. One version is
    held at a time, whatever the length of the history.
    """
    every = commits(path)[::-1]
    chosen = _chosen(path, every, since)
    first = next((i for i, c in enumerate(every) if c.sha in chosen), len(every))
    previous, previous_short, skipped = _last_readable(path, every[:first])
    entries = []
    for commit in every[first:]:
        current = _version_of(path, commit)
        if not isinstance(current, Registry):
            if commit.sha in chosen:
                entries.append(LogEntry(commit, None, str(current)))
            skipped = True
            continue
        if commit.sha in chosen:
            counted_from = previous_short if skipped else None
            entries.append(LogEntry(commit, diff(previous, current), None, counted_from))
        previous, previous_short, skipped = current, commit.short, False
    return entries[::-1]


def _version_of(path: Path, commit: Commit) -> Registry | EndorseError:
    """The registry at `commit`, or why it cannot be read (deleted, does not parse)."""
    try:
        return registry_at(path, commit.sha, commit.short)
    except NotInRevisionError:
        return NotInRevisionError(f"{path.name} was deleted")
    except _UNPARSEABLE as error:
        return error


def _last_readable(
    path: Path, earlier: Sequence[Commit]
) -> tuple[Registry | None, str | None, bool]:
    """The last of the `earlier` versions that can be read, its commit, and whether versions
    that cannot be read came after it; (None, None, False) when there is none."""
    for back, commit in enumerate(reversed(earlier)):
        version = _version_of(path, commit)
        if isinstance(version, Registry):
            return version, commit.short, back > 0
    return None, None, False


def _chosen(path: Path, every: Sequence[Commit], since: str | None) -> set[str]:
    """The commits `since` selects: all, those of a day or later, or those after a
    revision."""
    if since is None:
        return {c.sha for c in every}
    if _DATE_LIKE.fullmatch(since):
        day = _day(since)
        return {c.sha for c in every if c.date.date() >= day}
    return {c.sha for c in commits(path, f"{resolve(path, since)}..HEAD")}


def version_at(path: Path, revision: str) -> bytes:
    """The bytes of the registry file `path` as committed in `revision`."""
    sha = resolve(path, revision)
    done = _git(path, "show", f"{sha}:./{_file(path).name}")
    if done.returncode != 0 and not any(m in done.stderr for m in _NOT_IN_REVISION):
        raise HistoryError(f"git cannot read {path} in {shown(revision)}: {_stderr(done)}")
    if done.returncode != 0:
        raise NotInRevisionError(
            f"{path} is not in {shown(revision)} ({sha[:7]}): it was not committed then "
            f"(or not yet: `git add {path}` and `git commit` it)."
        )
    return done.stdout


def resolve(path: Path, revision: str) -> str:
    """The full commit id `revision` names, in the repository that holds `path`."""
    if not revision.strip() or revision.startswith("-"):
        raise UnknownRevisionError(f"{shown(revision)} is not a revision.")
    done = _git(path, "rev-parse", "--verify", _peeled(revision))
    if done.returncode == 0:
        return done.stdout.decode().strip()
    said = done.stderr.decode("utf-8", "replace")
    if any(known in said for known in _NO_SUCH_REVISION):
        if not _has_commits(path):
            raise NoCommitsError(
                f"the repository that holds {path} has no commit yet, so {shown(revision)} "
                f"names none; commit the registry first (`git add {path}` and `git commit`)."
            )
        raise UnknownRevisionError(
            f"{shown(revision)} is not a commit of the repository that holds {path}."
        )
    raise HistoryError(f"git cannot read the repository that holds {path}: {_stderr(done)}")


def _peeled(revision: str) -> str:
    """The revision as rev-parse is asked for it: peeled to its commit ("v1^{commit}", a
    tag names its commit), but ":/text" as it is, since it names a commit already and
    would take "^{commit}" for part of its text."""
    return revision if revision.startswith(_BY_MESSAGE) else f"{revision}^{{commit}}"


def split_revision_path(spec: str) -> tuple[str, str] | None:
    """git's REVISION:PATH ("HEAD:data/registry.toml") as its revision and its path,
    split as git splits it, at the first colon outside braces ("HEAD@{2018-01-01 10:00}"
    holds colons); None for any other revision, ":/text" and ":PATH" (the index) among
    them, and for a path with a drive ("C:/data/registry.toml")."""
    depth = 0
    for at, char in enumerate(spec):
        if char == "{":
            depth += 1
        elif char == "}" and depth:
            depth -= 1
        elif char == ":" and not depth:
            revision, written = spec[:at], spec[at + 1 :]
            named = bool(revision and written.strip()) and not Path(spec).drive
            return (revision, written) if named else None
    return None


def registry_at_path(revision: str, written: str) -> tuple[Path, Registry]:
    """The file that git's REVISION:PATH names (see `file_in_repository`) and its registry
    as committed in `revision`; when it is not there, and the current folder is not the
    top of the repository, the error says how to name a file from the current folder."""
    target = file_in_repository(written)
    try:
        return target, registry_at(target, revision)
    except NotInRevisionError as error:
        if written.startswith(_FROM_HERE) or target.parts[:1] != ("..",):
            raise
        raise NotInRevisionError(
            f"{error} The PATH of REVISION:PATH is read from the top of the repository, as "
            f"git reads it; {shown(f'{revision}:./{written}')} reads it from the current folder."
        ) from None


def file_in_repository(written: str) -> Path:
    """The file that the PATH of a REVISION:PATH names, as git reads it: from the top of
    the repository that holds the current folder, or from the current folder when it
    starts with ./ or ../; named relative to the current folder."""
    here = store.current_folder()
    if here is None:
        raise HistoryError(
            f"the current folder no longer exists, so {shown(written)} names no file; "
            "change to a folder of the repository."
        )
    here = here.resolve()
    start = here if written.startswith(_FROM_HERE) else _top_level(here, written)
    return Path(os.path.relpath(start / written, here))


def _top_level(here: Path, written: str) -> Path:
    """The top of the repository that holds the folder `here`."""
    done = _git_in(here, "rev-parse", "--show-toplevel")
    if done.returncode != 0 and b"not a git repository" in done.stderr.lower():
        raise NotARepositoryError(
            f"{here} is not in a git repository, so the path {shown(written)} of a "
            "REVISION:PATH names no file; change to a folder of the registry's repository."
        )
    if done.returncode != 0:
        raise HistoryError(f"git cannot find the top of the repository: {_stderr(done)}")
    return Path(os.fsdecode(done.stdout.rstrip(b"\n")))


def _has_commits(path: Path) -> bool:
    done = _git(path, "rev-list", "-n", "1", "--all")
    return done.returncode == 0 and bool(done.stdout.strip())


def commits(path: Path, revisions: str | None = None) -> list[Commit]:
    """The commits that changed the registry file, newest first, along the first parent
    of each merge: of the whole history, or of `revisions` ("REV..HEAD")."""
    args = ["log", "--first-parent", f"--format={_LOG_FORMAT}"]
    if revisions is not None:
        args.append(revisions)
    done = _git(path, *args, "--", _file(path).name)
    if done.returncode != 0:
        if b"does not have any commits" in done.stderr:
            return []
        raise HistoryError(f"git log failed: {_stderr(done)}")
    fields = done.stdout.decode("utf-8", "replace").split("\x00")
    if len(fields) % _LOG_FIELDS != 1:
        raise HistoryError("git log gave what is not a list of commits; is git working?")
    return [_commit(fields[i : i + _LOG_FIELDS]) for i in range(0, len(fields) - 1, _LOG_FIELDS)]


def _day(text: str) -> date:
    try:
        return check_date(text, "the date")
    except ValueProblem as problem:
        raise HistoryError(f"{problem} (nor a revision).") from None


def _commit(fields: Sequence[str]) -> Commit:
    sha, short, stamp, when, author, email, message = fields
    return Commit(sha.lstrip("\n"), short, _date(stamp, when), author, email, message.strip())


def _date(stamp: str, written: str) -> datetime:
    """The author's date in the author's time zone; in UTC when git recorded a zone that
    cannot be (imported histories hold some, +9959)."""
    try:
        return datetime.fromisoformat(written)
    except ValueError:
        return datetime.fromtimestamp(int(stamp or 0), UTC)


def _file(path: Path) -> Path:
    """The registry file itself, a link followed: git knows the file, not the link."""
    return path.resolve()


def _git(path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    done = _git_in(_file(path).parent, *args)
    if done.returncode != 0 and b"not a git repository" in done.stderr.lower():
        raise NotARepositoryError(f"{path} is not in a git repository, so it has no history.")
    return done


def _git_in(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    executable = shutil.which("git")
    if executable is None:
        raise GitMissingError("git is not installed (no git command on PATH).")
    env = {k: v for k, v in os.environ.items() if k not in _REPOSITORY_VARIABLES}
    try:
        done = subprocess.run(
            [executable, "--literal-pathspecs", "-c", "core.quotepath=off", *args],
            cwd=folder,
            capture_output=True,
            env={**env, "LC_ALL": "C", "GIT_PAGER": "cat"},
            check=False,
        )
    except OSError as error:
        raise HistoryError(f"cannot run git in {folder}: {error.strerror}") from None
    return done


def _stderr(done: subprocess.CompletedProcess[bytes]) -> str:
    return printable(done.stderr.decode("utf-8", "replace").strip()[:500])

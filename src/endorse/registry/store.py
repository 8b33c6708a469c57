"""Finding, reading and writing the registry file.

Reads go through tomli, writes through tomli-w. Every write is of the
canonical text (`dumps`), atomic (a synced temporary file renamed over the
registry) and, for a read-modify-write, under an exclusive lock so that
concurrent runs lose nothing. A file that does not parse, or that holds
comments a rewrite would drop, is never written over. A file is in canonical
form when its bytes are the canonical text (`is_canonical`).
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import os
import re
import stat
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any, Final

import tomli
import tomli_w

from endorse.errors import (
    EndorseError,
    RegistryFormatError,
    RegistryNotFoundError,
    RegistryParseError,
    RegistryReadError,
)
from endorse.registry.model import (
    FormatProblem,
    FormatProblems,
    Registry,
    document_problems,
    looks_valid,
    registry_from_doc,
    registry_to_doc,
    signatory_to_doc,
)
from endorse.registry.tables import table_lines

ENV_VAR: Final = "ENDORSE_REGISTRY"
DEFAULT_RELATIVE_PATH: Final = Path("data") / "registry.toml"
DEFAULT_LOCK_TIMEOUT: Final = 10.0
LOCK_POLL_SECONDS: Final = 0.05


class RegistryLockedError(EndorseError):
    """Another endorse held the registry's lock for longer than we would wait (`timeout` s)."""

    def __init__(self, message: str, timeout: float) -> None:
        super().__init__(message)
        self.timeout = timeout


class RegistryWriteError(EndorseError):
    """The folder refuses the write (read-only, full, no permission); `reason` says how."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class CommentsWouldBeLostError(EndorseError):
    """The registry holds comments, which a rewrite cannot keep."""


class RegistryExistsError(EndorseError):
    """A new registry was to be created where a file is already there (`path`)."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


class UnwritableRegistryError(EndorseError):
    """The registry holds a value (under an unknown key) that cannot be written as TOML."""


@dataclass(frozen=True)
class LoadedRegistry:
    """A registry as read: its path, its exact text and its parsed content."""

    path: Path
    text: str
    registry: Registry


def current_folder() -> Path | None:
    """The current folder, or None when it no longer exists (deleted under the process)."""
    try:
        return Path.cwd()
    except OSError:
        return None


def find_registry(explicit: Path | None, environ: Mapping[str, str], cwd: Path | None) -> Path:
    """The registry to use: the path given, else $ENDORSE_REGISTRY, else the nearest
    data/registry.toml from `cwd` upward (None: the current folder was deleted)."""
    if explicit is not None:
        return _existing(explicit, "")
    from_env = environ.get(ENV_VAR)
    if from_env:
        return _existing(Path(from_env), f" (given by {ENV_VAR})")
    if cwd is None:
        raise RegistryNotFoundError(
            "the current folder no longer exists, so no registry can be found from it; "
            "change to an existing folder, or give the registry's absolute path.",
            None,
        )
    looked = [folder / DEFAULT_RELATIVE_PATH for folder in (cwd, *cwd.parents)]
    for candidate in looked:
        if candidate.is_file():
            return candidate
    raise RegistryNotFoundError(
        f"no registry found: looked for {DEFAULT_RELATIVE_PATH} in {cwd} and every folder "
        f"above it, and {ENV_VAR} is not set.",
        None,
    )


def _existing(path: Path, given_by: str) -> Path:
    if not path.exists():
        raise RegistryNotFoundError(f"{path}: no such registry{given_by}.", path)
    if path.is_dir():
        raise RegistryNotFoundError(
            f"{path}: is a folder, not a registry file{given_by}; "
            f"did you mean {path / 'registry.toml'}?",
            path,
        )
    return path


def read_text(path: Path) -> str:
    """The registry's text, decoded as UTF-8 (a leading byte-order mark is allowed)."""
    return _decode(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """The registry's bytes; a missing or unreadable file is an EndorseError."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise RegistryNotFoundError(f"{path}: no such registry", path) from None
    except OSError as error:
        raise RegistryReadError(f"{path}: cannot read: {error.strerror}") from None


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RegistryReadError(
            f"{path}: not UTF-8 text: byte {error.start} is {data[error.start]:#04x}. "
            "Save the file as UTF-8 and try again.",
            error.start,
        ) from None


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """Parse TOML, turning a syntax error into `PATH:LINE:COL: what is wrong`."""
    try:
        return loads_toml(text)
    except tomli.TOMLDecodeError as error:
        message = str(error.msg) if hasattr(error, "msg") else str(error).split(" (at ")[0]
        raise RegistryParseError(
            f"{path}:{error.lineno}:{error.colno}: {message}. Fix the TOML syntax there."
        ) from None


def load(path: Path) -> LoadedRegistry:
    """Read, parse and check a registry; every problem becomes an EndorseError."""
    return load_bytes(read_bytes(path), path)


def load_bytes(raw: bytes, path: Path) -> LoadedRegistry:
    """`load` of bytes already read from `path`."""
    text = _decode(raw, path)
    return LoadedRegistry(path, text, registry_from_text(text, path))


def decoded(raw: bytes, path: Path) -> str:
    """The registry's text as validate shows it: a leading byte-order mark ("\ufeff"),
    which the canonical form has not, is kept."""
    text = _decode(raw, path)
    return "\ufeff" + text if raw.startswith(codecs.BOM_UTF8) else text


def registry_from_text(text: str, path: Path) -> Registry:
    return _registry_from_parsed(parse_toml(text, path), text, path)


def _registry_from_parsed(doc: dict[str, Any], text: str, path: Path) -> Registry:
    try:
        return registry_from_doc(doc)
    except FormatProblems as problems:
        raise RegistryFormatError(_format_error_message(problems.problems, text, path)) from None


def _format_error_message(problems: list[FormatProblem], text: str, path: Path) -> str:
    starts = table_lines(text)

    def located(problem: FormatProblem) -> str:
        line = starts.of_signatory(problem.index)
        return f"{path}:{line}: {problem}" if line else f"{path}: {problem}"

    advice = "Fix the file (docs/registry-format.md describes every key)."
    if len(problems) == 1:
        only = problems[0]
        return located(only) if only.key == "format" else f"{located(only)}. {advice}"
    listed = "\n".join(f"  {located(problem)}" for problem in problems)
    return f"{path}: the registry breaks format 1 in {len(problems)} places:\n{listed}\n{advice}"


def loads_toml(text: str) -> dict[str, Any]:
    """Parse TOML with tomli, raising TOMLDecodeError (with line and column) when not valid.

    tomli's RecursionError on absurdly deep nesting is a decode error like any other.
    """
    try:
        return tomli.loads(text)
    except RecursionError:
        raise tomli.TOMLDecodeError("arrays or tables are nested too deeply", text, 0) from None


def dumps(registry: Registry) -> str:
    """The canonical text of a registry: the same content always gives the same text.

    `registry_to_doc` gives the order (documented keys, then unknown keys by
    name; signatories by id) and tomli-w writes it with its default options:
    `format` first, then `[paper]`, then each signatory as its own
    `[[signatory]]` table, a blank line between tables; within a table,
    tomli-w puts plain values before sub-tables. Strings stay on one line:
    tomli-w's multi-line strings turn "\r\n" into "\n", so such a value
    would not survive a rewrite.

    Each signatory is written by itself, as a table named `signatory` whose
    header is then made `[[signatory]]` (its own tables are already named
    `[signatory.x]`, as in an array of tables). Written as one array,
    signatories short enough for one line each would come out inline,
    `signatory = [{ … }, …]`, and the first longer one would turn the whole
    array into tables in the diff.
    """
    return "".join(_canonical_parts(registry))


def _canonical_parts(registry: Registry) -> Iterator[str]:
    """The canonical text in pieces, a signatory at a time: `is_canonical` compares them
    as they come, never holding the document of a whole registry (at 100,000 signatories,
    some 90 MiB) beside the file and the model."""
    head = registry_to_doc(dataclasses.replace(registry, signatories=()))
    yield _written(head, "the registry")
    for signatory in sorted(registry.signatories, key=attrgetter("id")):
        yield "\n" + _signatory_table(signatory_to_doc(signatory))


def _signatory_table(signatory: dict[str, Any]) -> str:
    text = _written({"signatory": signatory}, f'signatory "{signatory["id"]}"')
    return "[[signatory]]\n" + text.removeprefix("[signatory]\n")


def _written(doc: Mapping[str, Any], where: str) -> str:
    """`doc` written by tomli-w; a value nested too deeply for it is an EndorseError."""
    try:
        return tomli_w.dumps(doc)
    except RecursionError:
        raise UnwritableRegistryError(
            f"{where} holds a value nested too deeply to be written as TOML, so the registry "
            "cannot be written; nothing was changed. Flatten or remove that value (under a key "
            "this endorse does not know), then try again."
        ) from None


def is_canonical(raw: bytes, registry: Registry) -> bool:
    """Whether a registry file's bytes are exactly its canonical text, `dumps(registry)` in
    UTF-8: a byte-order mark, CRLF line ends or any other layout are not canonical."""
    view, position = memoryview(raw), 0
    for part in _canonical_parts(registry):
        data = part.encode("utf-8")
        end = position + len(data)
        if view[position:end] != data:
            return False
        position = end
    return position == len(raw)


def has_comments(text: str) -> bool:
    """Whether TOML text holds a comment (a `#` outside every string)."""
    return any(True for _ in _comment_positions(text))


def first_comment_line(text: str) -> int | None:
    for position in _comment_positions(text):
        return text.count("\n", 0, position) + 1
    return None


# Valid TOML holds "#" only in strings and comments: match strings whole so that a "#"
# inside one is skipped, and each comment to its end so that a quote inside one is too.
_STRING_OR_COMMENT: Final = re.compile(
    r'"""(?:\\.|[^\\])*?"""(?!")'
    r"|'''.*?'''(?!')"
    r'|"(?:\\.|[^"\\\n])*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*",
    re.DOTALL,
)


def _comment_positions(text: str) -> Iterator[int]:
    """Where each comment of (parsed, so valid) TOML text starts."""
    if "#" not in text:
        return
    for match in _STRING_OR_COMMENT.finditer(text):
        if match.group().startswith("#"):
            yield match.start()


def write_atomically(path: Path, text: str | bytes) -> None:
    """Replace `path` by `text` (UTF-8 when it is a str) so that a crash leaves the old file or
    the new, never a mix.

    A symlink is written through to its target; the target's permissions are
    kept (a new file gets the usual 0o666 less the umask).
    """
    target = Path(os.path.realpath(path))
    try:
        temporary = _synced_temporary(target, text, _mode_of(target))
        try:
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _sync_folder(target.parent)
    except OSError as error:
        raise _write_error(path, error) from None


def write_output(path: Path, text: str | bytes) -> None:
    """Write a file a person named (a report, a workbook): a regular file, or a new one, is
    replaced atomically; anything else (a named pipe, a device such as /dev/null or
    /dev/stdout) is written into in place, never replaced; a folder is refused.

    The path is followed by the system, not resolved by name: /dev/stdout
    into a pipe links to "pipe:[…]", a name that is no file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise _write_error(path, error) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise RegistryWriteError(f"{path}: is a folder, not a file", "it is a folder")
    if mode is None or stat.S_ISREG(mode):
        write_atomically(path, text)
        return
    try:
        with open(path, "wb") as handle:
            handle.write(_utf8(text))
    except OSError as error:
        raise _write_error(path, error) from None


def _write_error(path: Path, error: OSError) -> RegistryWriteError:
    reason = error.strerror or str(error)
    return RegistryWriteError(
        f"{path}: cannot write: {reason}; the file was not changed. "
        "Check that its folder is writable and the disk has room, then try again.",
        reason,
    )


def _synced_temporary(target: Path, text: str | bytes, mode: int) -> str:
    """`text` written and synced to a new temporary file beside `target`, with `mode`."""
    fd, temporary = _temporary_beside(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_utf8(text))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def _utf8(text: str | bytes) -> bytes:
    """Text as UTF-8, written as it is (no newline translated); bytes as they are."""
    return text.encode("utf-8") if isinstance(text, str) else text


def _temporary_beside(target: Path) -> tuple[int, str]:
    """A new temporary file in the target's folder, so that os.replace never crosses disks."""
    import tempfile

    return tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")


def _mode_of(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename in `folder` durable (POSIX; Windows opens no folder as a file, and
    its renames are written through by the file system)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def lock_path(path: Path) -> Path:
    target = Path(os.path.realpath(path))
    return target.with_name(target.name + ".lock")


@contextmanager
def locked(path: Path, timeout: float = DEFAULT_LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the registry's exclusive lock, or raise RegistryLockedError after `timeout` s.

    The lock is an flock(2) on `<registry>.lock`, taken with the standard library
    (fcntl; on Windows, msvcrt's lock of its first byte), and the file is removed when the
    lock is released, as git removes its lock
    files, so that it is there only while a command writes (and `git add -A` never sees
    it). Removing it is safe: a process that waited on the removed file finds, once it has
    the flock, that the path no longer names the file it holds, and takes the lock again
    on whatever the path names now. A holder that dies has its flock released by the
    system; the file it leaves is locked and removed by the next writer.
    """
    lock_file = lock_path(path)
    descriptor = _flock(lock_file, timeout)
    if descriptor is None:
        raise RegistryLockedError(
            f"{path}: another endorse is writing this registry (its lock {lock_file} "
            f"was held for more than {timeout:g} s). Try again in a moment.",
            timeout,
        )
    try:
        yield
    finally:
        _unlock_and_remove(lock_file, descriptor)


def _unlock_and_remove(lock_file: Path, descriptor: int) -> None:
    """Remove the lock file while holding the lock (POSIX), then let it go; Windows removes
    no file another process holds open, so the file goes when the last one lets it go."""
    if sys.platform == "win32":
        os.close(descriptor)  # closing the file unlocks its byte
        with contextlib.suppress(OSError):
            lock_file.unlink()
        return
    try:
        lock_file.unlink(missing_ok=True)
    finally:
        os.close(descriptor)


def _flock(lock_file: Path, timeout: float) -> int | None:
    """An open descriptor holding an exclusive flock on the file `lock_file` names now, or
    None at `timeout`."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        try:
            descriptor = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise _write_error(lock_file, error) from None
        if not _wait_for_flock(descriptor, deadline):
            os.close(descriptor)
            return None
        if _still_named(descriptor, lock_file):
            return descriptor
        os.close(descriptor)  # removed by the holder before: lock what the path names now


def _wait_for_flock(descriptor: int, deadline: float) -> bool:
    import time

    while True:
        if _try_lock(descriptor):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(LOCK_POLL_SECONDS)


def _try_lock(descriptor: int) -> bool:
    """Take the exclusive lock of the open file without waiting: flock(2) on POSIX, a lock
    of its first byte (msvcrt.locking) on Windows, where fcntl does not exist."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _still_named(descriptor: int, lock_file: Path) -> bool:
    """Whether `lock_file` still names the file open at `descriptor`."""
    try:
        named = os.stat(lock_file)
    except FileNotFoundError:
        return False
    held = os.fstat(descriptor)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def refuse_comments(loaded: LoadedRegistry) -> None:
    line = first_comment_line(loaded.text)
    if line is not None:
        raise CommentsWouldBeLostError(
            f"{loaded.path}:{line}: the registry holds comments, which a rewrite cannot keep; "
            "nothing was changed. Move their text into a signatory's note (or the paper's "
            "source) and try again, or rewrite the file without them."
        )


def load_for_writing(path: Path, *, dry_run: bool = False) -> LoadedRegistry:
    """`load`, saying in any error that nothing was written; a file its owner made read-only
    is refused (the atomic replace would otherwise go round its permissions), but for a
    dry run, which writes nothing and answers on any registry it can read."""
    try:
        loaded = load(path)
    except (RegistryReadError, RegistryParseError, RegistryFormatError) as error:
        raise type(error)(f"{error} Nothing was written: the file was not changed.") from None
    if not dry_run:
        refuse_read_only(path)
    return loaded


def refuse_read_only(path: Path) -> None:
    """A registry its owner made read-only is not rewritten: the atomic replace would go
    round its permissions (the folder's are what it needs)."""
    if not os.access(path, os.W_OK):
        raise RegistryWriteError(
            f"{path}: the file is read-only; nothing was written. Make it writable "
            "(chmod u+w) if it is meant to change.",
            "the file is read-only",
        )


def check_writable_model(registry: Registry) -> None:
    """RegistryFormatError when a registry made through the API would break format 1 (a
    hand-made signatory given to `Draft.add_all` with an id that is no slug, an unknown
    kind): what a command refuses, the library never writes."""
    doc = registry_to_doc(registry)
    if looks_valid(doc):
        return
    problems = list(document_problems(doc))
    if problems:
        listed = "; ".join(str(problem) for problem in problems[:5])
        raise RegistryFormatError(
            f"the change would break format 1: {listed}. Nothing was changed."
        )


def count_comments(text: str) -> int:
    return sum(1 for _ in _comment_positions(text))


@dataclass(frozen=True)
class Canonicalised:
    """What `canonicalise` did: whether it rewrote the file, and how many comments it dropped."""

    rewritten: bool
    comments_dropped: int


def canonicalise(
    path: Path, *, drop_comments: bool = False, lock_timeout: float = DEFAULT_LOCK_TIMEOUT
) -> Canonicalised:
    """Rewrite the registry in canonical form under its lock, unless it already is.

    Comments are refused unless `drop_comments`; then they are lost, and
    counted so the caller can say so.
    """
    with locked(path, lock_timeout):
        raw = read_bytes(path)
        loaded = load_bytes(raw, path)
        if not drop_comments:
            refuse_comments(loaded)
        if is_canonical(raw, loaded.registry):
            return Canonicalised(rewritten=False, comments_dropped=0)
        refuse_read_only(path)
        write_atomically(path, dumps(loaded.registry))
        return Canonicalised(rewritten=True, comments_dropped=count_comments(loaded.text))


def create_new(path: Path, text: str) -> None:
    """Write a new file that must not exist yet, atomically, never replacing one that does.

    The text is written and synced under a temporary name, then hard-linked
    to `path`: the link fails if `path` appeared in the meantime, so two
    `init` runs cannot overwrite each other. Missing folders above it are
    made; a folder that cannot be made or written (a file in the way, no
    permission, a full disk) is a RegistryWriteError, and nothing is left.
    """
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if target.is_dir():
        raise RegistryWriteError(
            f"{path}: is a folder; give the new registry's file name, such as "
            f"{path / 'registry.toml'}",
            "it is a folder",
        )
    if target.exists():
        raise RegistryExistsError(_exists_message(path), path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = _synced_temporary(target, text, _mode_of(target))
        try:
            _link_new(Path(temporary), target)
        except FileExistsError:
            raise RegistryExistsError(_exists_message(path), path) from None
        finally:
            Path(temporary).unlink(missing_ok=True)
        _sync_folder(target.parent)
    except OSError as error:
        raise _write_error(path, error) from None


def _link_new(temporary: Path, target: Path) -> None:
    """Hard-link, or on a file system without hard links, copy into a newly created file."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:
        with open(target, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(temporary.read_text(encoding="utf-8"))
            handle.flush()
            os.fsync(handle.fileno())


def _exists_message(path: Path) -> str:
    return (
        f"{path}: a file is already there; a new registry never overwrites one. "
        "Choose another path."
    )

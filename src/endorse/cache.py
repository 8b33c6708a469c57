"""Files in the user's cache folder: framed, checked, written atomically, never trusted blindly.

Each cache file starts with one line of JSON naming what its content was
built from (the "stamp") and the CRC-32 of the content. A file whose stamp
differs from the one the reader expects is stale; one whose CRC-32 differs
is corrupt or truncated; either is ignored and built again. A cache folder
that cannot be written only costs speed. `ENDORSE_CACHE_DIR` sets the
folder (default: the platform's user cache folder, via platformdirs).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import zlib
from pathlib import Path
from typing import Final

CACHE_DIR_VARIABLE: Final = "ENDORSE_CACHE_DIR"


def cache_folder() -> Path:
    """$ENDORSE_CACHE_DIR, else the platform's user cache folder for endorse.

    On Linux that is $XDG_CACHE_HOME/endorse or ~/.cache/endorse, worked out
    here as platformdirs does: importing platformdirs costs 6 ms, a tenth of
    what a whole `endorse add` may spend. Elsewhere platformdirs says.
    """
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured:
        return Path(configured)
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
        return Path(base) / "endorse"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("endorse", appauthor=False))


_LONGEST_HEADER: Final = 1 << 16  # the results stamp names some fifty files: about 8 KB


def read_framed(path: Path, stamp: str) -> memoryview | None:
    """The content of a cache file, or None when it is absent, stale, truncated, corrupt,
    or could have been written by another user.

    A view into the file's bytes, not a copy: a parsed registry of 100,000
    signatories is a payload of 19 MB, read while its registry is built.
    """
    if not written_by_this_user_only(path):
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    end_of_header = data.find(b"\n", 0, _LONGEST_HEADER)
    if end_of_header < 0:
        return None
    payload = memoryview(data)[end_of_header + 1 :]
    try:
        fields = json.loads(data[:end_of_header])
        fresh = fields["stamp"] == stamp
        intact = fields["crc32"] == zlib.crc32(payload)
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
    return payload if fresh and intact else None


def written_by_this_user_only(path: Path) -> bool:
    """Whether the file and its folder are this user's and no one else may write them.

    Cache files are read back as data (marshal) or as objects (pickle, which
    runs code): a file another user could have put there is never read, only
    made again.
    """
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return path.exists()
    try:
        return all(
            status.st_uid == getuid() and not status.st_mode & 0o022
            for status in (path.stat(), path.parent.stat())
        )
    except OSError:
        return False


def write_framed(path: Path, stamp: str, payload: bytes) -> None:
    """Write a cache file atomically; a folder that cannot be written is left alone.

    The file is the user's alone (mode 0600; folders made 0700, and group and
    others' write permission taken from existing folders of the user's),
    whatever the umask: under the common umask 002 the files would otherwise
    be written on every run and never read.
    """
    header = json.dumps({"stamp": stamp, "crc32": zlib.crc32(payload)})
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        _private_folders(path.parent)
        temporary.unlink(missing_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
        with open(os.open(temporary, flags, 0o600), "wb") as handle:
            handle.write(header.encode() + b"\n" + payload)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _private_folders(folder: Path) -> None:
    """Make `folder` and the missing folders above it 0700; keep others from writing to the
    cache folder and to `folder`, when they are this user's."""
    levels = [folder, *folder.parents]
    missing = levels[: next((n for n, f in enumerate(levels) if f.exists()), len(levels))]
    for level in reversed(missing):
        level.mkdir(mode=0o700, exist_ok=True)
    root = cache_folder()
    for level in [folder, *([root] if root in folder.parents else [])]:
        _keep_private(level)


def _keep_private(folder: Path) -> None:
    """Take group and others' write permission from a folder of this user's."""
    getuid = getattr(os, "getuid", None)
    status = folder.stat()
    if getuid is not None and status.st_uid == getuid() and status.st_mode & 0o022:
        folder.chmod(status.st_mode & 0o755)

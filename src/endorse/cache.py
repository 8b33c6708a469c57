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


def read_framed(path: Path, stamp: str) -> memoryview | None:
    """The content of a cache file, or None when it is absent, stale, truncated or corrupt.

    A view into the file's bytes, not a copy: a parsed registry of 100,000
    signatories is a payload of 19 MB, read while its registry is built.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None
    end_of_header = data.find(b"\n")
    if end_of_header < 0:
        return None
    payload = memoryview(data)[end_of_header + 1 :]
    try:
        fields = json.loads(data[:end_of_header])
        fresh = fields["stamp"] == stamp
        intact = fields["crc32"] == zlib.crc32(payload)
    except (ValueError, KeyError, TypeError):
        return None
    return payload if fresh and intact else None


def write_framed(path: Path, stamp: str, payload: bytes) -> None:
    """Write a cache file atomically; a folder that cannot be written is left alone."""
    header = json.dumps({"stamp": stamp, "crc32": zlib.crc32(payload)})
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(header.encode() + b"\n" + payload)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)

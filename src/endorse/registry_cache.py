"""Parsed registries, cached by the digest of their bytes.

Parsing is most of what a command costs on a large registry: tomli takes
0.9 s for 100,000 signatories, where unpickling the same checked document
takes 0.14 s. So each registry that parses and passes the format check is
kept, keyed by the BLAKE2b digest of its exact bytes, and a later command
on the same bytes (any path, any copy) skips both steps. Content-addressed
entries cannot go stale as the file changes; the stamp (endorse's version,
this Python, and the size and time of the module holding the format rules)
makes an endorse whose rules changed ignore them. Only the newest
`KEEP_ENTRIES` are kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import pickle
import sys
from pathlib import Path
from typing import Any, Final, TypeVar

from endorse import __version__, model
from endorse.cache import cache_folder, read_framed, write_framed

KEEP_ENTRIES: Final = 8
CACHE_FORMAT: Final = 1
_FOLDER: Final = "registries"
_T = TypeVar("_T")


def cached_document(raw: bytes) -> dict[str, Any] | None:
    """The checked document parsed from these exact bytes, if a command kept it."""
    return unpickled_entry(entry_path(raw, "pickle"), _stamp(), dict)


def unpickled_entry(entry: Path, stamp: str, kind: type[_T]) -> _T | None:
    """The object pickled in an entry, if the entry is readable (`read_entry`) and holds a
    `kind`; a damaged entry is a miss, whatever unpickling it raises."""
    payload = read_entry(entry, stamp)
    if payload is None:
        return None
    try:
        value = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a damaged entry is a cache miss, whatever it raises
        return None
    return value if isinstance(value, kind) else None


def remember_document(raw: bytes, document: dict[str, Any]) -> None:
    """Keep the checked document parsed from `raw`; forget the oldest entries."""
    write_entry(entry_path(raw, "pickle"), _stamp(), pickled_tree(document))


def pickled_tree(value: object) -> bytes:
    """`pickle.dumps` for a value that holds no object twice (a parsed document, a summary).

    Without the pickler's memo of every object seen (its "fast" mode): at
    100,000 signatories the memo took 115 MiB and three quarters of the
    0.4 s. An object held twice is written twice; a cycle would never end,
    and documents and summaries have none.
    """
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(value)
    return buffer.getvalue()


def read_entry(entry: Path, stamp: str) -> memoryview | None:
    """An entry's payload, if it is intact, fresh, and no other user could have written it
    (`endorse.cache.read_framed` checks: unpickling runs code)."""
    return read_framed(entry, stamp)


def write_entry(entry: Path, stamp: str, payload: bytes) -> None:
    """Keep an entry; of the entries with its suffix, forget all but the newest few."""
    write_framed(entry, stamp, payload)
    _forget_old(entry.parent, "*" + entry.suffix)


def entry_path(raw: bytes, suffix: str) -> Path:
    """The entry for what was made from these exact bytes: `<digest>.<suffix>`."""
    digest = hashlib.blake2b(raw, digest_size=20).hexdigest()
    return cache_folder() / _FOLDER / f"{digest}.{suffix}"


def _stamp() -> str:
    import tomli

    rules = Path(model.__file__).stat()
    return json.dumps(
        [
            CACHE_FORMAT,
            __version__,
            tomli.__version__,
            sys.version,
            rules.st_size,
            rules.st_mtime_ns,
        ]
    )


def _forget_old(folder: Path, pattern: str) -> None:
    entries: list[Path] = []
    with contextlib.suppress(OSError):
        entries = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime_ns)
    for old in entries[:-KEEP_ENTRIES]:
        with contextlib.suppress(OSError):
            old.unlink(missing_ok=True)

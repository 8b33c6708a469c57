"""What `validate` and `report` made of a large registry, cached by the digest of its bytes.

Checking 100,000 signatories against the place data, and against each
other for near duplicates, costs several times what reading them does. The
findings (and the report's summary) follow from three things only: the
registry's exact bytes, the code and data that judge them, and, for
findings, the day (an endorsement dated tomorrow is an error today). So an
entry is named by the digest of the bytes (and the day), and stamped with
the size and time of every module of endorse, the installed versions of the
libraries that judge (tomli, rtoml, rapidfuzz, anyascii, pycountry) and the
size and time of the place data files: any change to any of them makes the
entry stale, and it is made again. Entries live
beside the parsed registries (`endorse.registry_cache`), under the same
rules: only the newest few are kept, and only entries that no other user
can write are read.
"""

from __future__ import annotations

import json
import marshal
import os
import sys
from collections.abc import Sequence
from datetime import date
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Final

from endorse import __version__
from endorse.registry_cache import (
    entry_path,
    pickled_tree,
    read_entry,
    unpickled_entry,
    write_entry,
)

if TYPE_CHECKING:
    from endorse.checks.findings import Finding
    from endorse.summary import Summary

CACHE_FORMAT: Final = 1
_JUDGING_LIBRARIES: Final = ("tomli", "rtoml", "rapidfuzz", "anyascii", "pycountry")


def cached_findings(raw: bytes, today: date) -> list[Finding] | None:
    """Every finding (`--verbose` ones too) made of these bytes on this day, if kept."""
    payload = read_entry(_findings_entry(raw, today), _stamp())
    if payload is None:
        return None
    from endorse.checks.findings import Finding

    try:
        return [Finding.of(*fields) for fields in marshal.loads(payload)]
    except (ValueError, EOFError, TypeError, KeyError, IndexError):
        return None


def remember_findings(raw: bytes, today: date, findings: Sequence[Finding]) -> None:
    rows = [(f.code, f.signatory_id, f.line, f.message, f.hint) for f in findings]
    write_entry(_findings_entry(raw, today), _stamp(), marshal.dumps(rows))


def cached_summary(raw: bytes) -> Summary | None:
    """The report's summary of these bytes, if kept."""
    from endorse.summary import Summary

    return unpickled_entry(entry_path(raw, "summary"), _stamp(), Summary)


def remember_summary(raw: bytes, summary: Summary) -> None:
    write_entry(entry_path(raw, "summary"), _stamp(), pickled_tree(summary))


def _findings_entry(raw: bytes, today: date) -> Path:
    return entry_path(raw, f"{today.isoformat()}.findings")


@cache
def _stamp() -> str:
    """What the results were made with; a change to any of it makes an entry stale."""
    from endorse import gazetteer

    package = Path(__file__).parent
    files = sorted(package.rglob("*.py")) + gazetteer.source_files()
    libraries = [_installed(library) for library in _JUDGING_LIBRARIES]
    return json.dumps(
        [CACHE_FORMAT, __version__, sys.version, libraries, [_stat(path) for path in files]],
    )


def _installed(module: str) -> list[object]:
    """Where a library is and which version (its dist-info folders' names say it), and the
    size and time of its main file: `importlib.metadata` would cost 10 ms for the five."""
    spec = find_spec(module)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"{module} is not installed; reinstall endorse")
    origin = Path(spec.origin)
    folder = origin.parent.parent if origin.name.startswith("__init__") else origin.parent
    try:
        versions = sorted(
            name
            for name in os.listdir(folder)
            if name.lower().startswith(module.lower() + "-") and name.endswith(".dist-info")
        )
    except OSError:
        versions = []
    return [_stat(origin), versions]


def _stat(path: Path) -> tuple[str, int, int] | str:
    try:
        status = path.stat()
    except OSError:
        return str(path)
    return (str(path), status.st_size, status.st_mtime_ns)

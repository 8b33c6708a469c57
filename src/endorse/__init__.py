"""endorse: keep the list of who endorsed a position paper.

The Python API the `endorse` command line is built on (docs/api.md):

    >>> import endorse
    >>> registry = endorse.load("data/registry.toml")
    >>> registry.paper.network
    'Metropolis'

Names are imported on first use, so that `import endorse` (and
`endorse --version`) costs next to nothing.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from endorse.api import (
        Draft,
        DraftClosedError,
        Version,
        diff,
        edit,
        find,
        load,
        log,
        summarise,
        validate,
        version,
    )
    from endorse.changes import Changes
    from endorse.checks import Finding
    from endorse.duplicates import DuplicateError, NearDuplicateError
    from endorse.editing import IdTakenError
    from endorse.errors import (
        EndorseError,
        RegistryFormatError,
        RegistryNotFoundError,
        RegistryParseError,
        RegistryReadError,
        UnknownSignatoryError,
    )
    from endorse.history import HistoryError, LogEntry
    from endorse.importing import ImportRefusedError
    from endorse.model import Paper, Recipient, Registry, Signatory
    from endorse.store import (
        CommentsWouldBeLostError,
        RegistryExistsError,
        RegistryLockedError,
        RegistryWriteError,
    )
    from endorse.summary import Summary
    from endorse.values import ValueProblem

_HOMES = {
    "load": "endorse.api",
    "diff": "endorse.api",
    "log": "endorse.api",
    "version": "endorse.api",
    "Version": "endorse.api",
    "Changes": "endorse.changes",
    "LogEntry": "endorse.history",
    "HistoryError": "endorse.history",
    "validate": "endorse.api",
    "summarise": "endorse.api",
    "edit": "endorse.api",
    "find": "endorse.api",
    "Draft": "endorse.api",
    "DraftClosedError": "endorse.api",
    "Registry": "endorse.model",
    "Paper": "endorse.model",
    "Recipient": "endorse.model",
    "Signatory": "endorse.model",
    "Finding": "endorse.checks",
    "Summary": "endorse.summary",
    "EndorseError": "endorse.errors",
    "RegistryNotFoundError": "endorse.errors",
    "RegistryReadError": "endorse.errors",
    "RegistryParseError": "endorse.errors",
    "RegistryFormatError": "endorse.errors",
    "UnknownSignatoryError": "endorse.errors",
    "ValueProblem": "endorse.values",
    "DuplicateError": "endorse.duplicates",
    "NearDuplicateError": "endorse.duplicates",
    "IdTakenError": "endorse.editing",
    "ImportRefusedError": "endorse.importing",
    "CommentsWouldBeLostError": "endorse.store",
    "RegistryExistsError": "endorse.store",
    "RegistryLockedError": "endorse.store",
    "RegistryWriteError": "endorse.store",
}

__all__ = [
    "Changes",
    "CommentsWouldBeLostError",
    "Draft",
    "DraftClosedError",
    "DuplicateError",
    "EndorseError",
    "Finding",
    "HistoryError",
    "IdTakenError",
    "ImportRefusedError",
    "LogEntry",
    "NearDuplicateError",
    "Paper",
    "Recipient",
    "Registry",
    "RegistryExistsError",
    "RegistryFormatError",
    "RegistryLockedError",
    "RegistryNotFoundError",
    "RegistryParseError",
    "RegistryReadError",
    "RegistryWriteError",
    "Signatory",
    "Summary",
    "UnknownSignatoryError",
    "ValueProblem",
    "Version",
    "__version__",
    "diff",
    "edit",
    "find",
    "load",
    "log",
    "summarise",
    "validate",
    "version",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'endorse' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

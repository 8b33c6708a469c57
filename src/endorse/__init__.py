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
        FormatCheck,
        Version,
        check_format,
        diff,
        doubtful_rows,
        edit,
        find,
        fmt,
        import_table,
        init,
        load,
        log,
        read_table,
        select,
        show,
        summarise,
        validate,
        version,
    )
    from endorse.checks import Finding
    from endorse.duplicates.rule import DuplicateError, NearDuplicateError
    from endorse.editing import IdTakenError
    from endorse.errors import (
        AmbiguousReferenceError,
        EndorseError,
        RegistryFormatError,
        RegistryNotFoundError,
        RegistryParseError,
        RegistryReadError,
        UnknownSignatoryError,
    )
    from endorse.history.diff import Changes
    from endorse.history.git import (
        GitMissingError,
        HistoryError,
        LogEntry,
        NotARepositoryError,
        UnknownRevisionError,
    )
    from endorse.imports.columns import ChoicesError, ColumnChoices, ColumnsError
    from endorse.imports.planning import (
        Candidate,
        ImportPlan,
        ImportRefusedError,
        Reading,
        Renamed,
        RowProblem,
    )
    from endorse.imports.rows import ImportFileError, Source, Table, UnknownImportFormatError
    from endorse.registry.model import Kind, Paper, Recipient, Registry, Signatory, Status
    from endorse.registry.query import SortKey
    from endorse.registry.store import (
        CommentsWouldBeLostError,
        RegistryExistsError,
        RegistryLockedError,
        RegistryWriteError,
    )
    from endorse.registry.summary import Summary
    from endorse.registry.values import ValueProblem

_HOMES = {
    "init": "endorse.api",
    "check_format": "endorse.api",
    "fmt": "endorse.api",
    "select": "endorse.api",
    "show": "endorse.api",
    "read_table": "endorse.api",
    "import_table": "endorse.api",
    "doubtful_rows": "endorse.api",
    "FormatCheck": "endorse.api",
    "AmbiguousReferenceError": "endorse.errors",
    "ColumnsError": "endorse.imports.columns",
    "ChoicesError": "endorse.imports.columns",
    "GitMissingError": "endorse.history.git",
    "NotARepositoryError": "endorse.history.git",
    "UnknownRevisionError": "endorse.history.git",
    "ImportFileError": "endorse.imports.rows",
    "UnknownImportFormatError": "endorse.imports.rows",
    "Table": "endorse.imports.rows",
    "Source": "endorse.imports.rows",
    "Candidate": "endorse.imports.planning",
    "ImportPlan": "endorse.imports.planning",
    "RowProblem": "endorse.imports.planning",
    "Renamed": "endorse.imports.planning",
    "Reading": "endorse.imports.planning",
    "ColumnChoices": "endorse.imports.columns",
    "Kind": "endorse.registry.model",
    "SortKey": "endorse.registry.query",
    "Status": "endorse.registry.model",
    "load": "endorse.api",
    "diff": "endorse.api",
    "log": "endorse.api",
    "version": "endorse.api",
    "Version": "endorse.api",
    "Changes": "endorse.history.diff",
    "LogEntry": "endorse.history.git",
    "HistoryError": "endorse.history.git",
    "validate": "endorse.api",
    "summarise": "endorse.api",
    "edit": "endorse.api",
    "find": "endorse.api",
    "Draft": "endorse.api",
    "DraftClosedError": "endorse.api",
    "Registry": "endorse.registry.model",
    "Paper": "endorse.registry.model",
    "Recipient": "endorse.registry.model",
    "Signatory": "endorse.registry.model",
    "Finding": "endorse.checks",
    "Summary": "endorse.registry.summary",
    "EndorseError": "endorse.errors",
    "RegistryNotFoundError": "endorse.errors",
    "RegistryReadError": "endorse.errors",
    "RegistryParseError": "endorse.errors",
    "RegistryFormatError": "endorse.errors",
    "UnknownSignatoryError": "endorse.errors",
    "ValueProblem": "endorse.registry.values",
    "DuplicateError": "endorse.duplicates.rule",
    "NearDuplicateError": "endorse.duplicates.rule",
    "IdTakenError": "endorse.editing",
    "ImportRefusedError": "endorse.imports.planning",
    "CommentsWouldBeLostError": "endorse.registry.store",
    "RegistryExistsError": "endorse.registry.store",
    "RegistryLockedError": "endorse.registry.store",
    "RegistryWriteError": "endorse.registry.store",
}

__all__ = [
    "init",
    "check_format",
    "fmt",
    "select",
    "show",
    "read_table",
    "import_table",
    "doubtful_rows",
    "FormatCheck",
    "AmbiguousReferenceError",
    "ColumnsError",
    "ChoicesError",
    "GitMissingError",
    "NotARepositoryError",
    "UnknownRevisionError",
    "ImportFileError",
    "UnknownImportFormatError",
    "Table",
    "Source",
    "Candidate",
    "ImportPlan",
    "RowProblem",
    "Renamed",
    "Reading",
    "ColumnChoices",
    "Kind",
    "SortKey",
    "Status",
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

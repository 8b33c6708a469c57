"""endorse: keep the list of who endorsed a position paper.

The Python API the `endorse` command line is built on (docs/api.md):

    >>> import endorse
    >>> registry = endorse.load("data/registry.toml")
    >>> registry.paper.network
    'Metropolis'

Names are imported on first use, so that `import endorse` (and
`endorse --version`) costs next to nothing, and `endorse list` does not load
the checks, the import pipeline and the history for names it does not use
(some 50 ms of imports).

Each public name is written once: as an import in the TYPE_CHECKING block
below, `from home import Name as Name` (the form type checkers read as a
re-export, and check that the name exists). `_HOMES`, the table that loads
a name on first use, is written from that block by
`python scripts/public_names.py`, and tests/test_public_names.py fails until
it has been; `__all__` is `_HOMES`'s names. A new public name is also
documented in docs/api.md.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from endorse.api import Draft as Draft
    from endorse.api import DraftClosedError as DraftClosedError
    from endorse.api import FormatCheck as FormatCheck
    from endorse.api import Version as Version
    from endorse.api import check_format as check_format
    from endorse.api import diff as diff
    from endorse.api import doubtful_rows as doubtful_rows
    from endorse.api import edit as edit
    from endorse.api import find as find
    from endorse.api import fmt as fmt
    from endorse.api import import_table as import_table
    from endorse.api import init as init
    from endorse.api import load as load
    from endorse.api import log as log
    from endorse.api import read_table as read_table
    from endorse.api import select as select
    from endorse.api import show as show
    from endorse.api import summarise as summarise
    from endorse.api import validate as validate
    from endorse.api import version as version
    from endorse.checks import Finding as Finding
    from endorse.duplicates.rule import DuplicateError as DuplicateError
    from endorse.duplicates.rule import NearDuplicateError as NearDuplicateError
    from endorse.editing import IdTakenError as IdTakenError
    from endorse.errors import AmbiguousReferenceError as AmbiguousReferenceError
    from endorse.errors import EndorseError as EndorseError
    from endorse.errors import RegistryFormatError as RegistryFormatError
    from endorse.errors import RegistryNotFoundError as RegistryNotFoundError
    from endorse.errors import RegistryParseError as RegistryParseError
    from endorse.errors import RegistryReadError as RegistryReadError
    from endorse.errors import UnknownSignatoryError as UnknownSignatoryError
    from endorse.history.diff import Changes as Changes
    from endorse.history.git import GitMissingError as GitMissingError
    from endorse.history.git import HistoryError as HistoryError
    from endorse.history.git import LogEntry as LogEntry
    from endorse.history.git import NotARepositoryError as NotARepositoryError
    from endorse.history.git import UnknownRevisionError as UnknownRevisionError
    from endorse.imports.columns import ChoicesError as ChoicesError
    from endorse.imports.columns import ColumnChoices as ColumnChoices
    from endorse.imports.columns import ColumnsError as ColumnsError
    from endorse.imports.planning import Candidate as Candidate
    from endorse.imports.planning import ImportPlan as ImportPlan
    from endorse.imports.planning import ImportRefusedError as ImportRefusedError
    from endorse.imports.planning import Reading as Reading
    from endorse.imports.planning import Renamed as Renamed
    from endorse.imports.planning import RowProblem as RowProblem
    from endorse.imports.rows import ImportFileError as ImportFileError
    from endorse.imports.rows import Source as Source
    from endorse.imports.rows import Table as Table
    from endorse.imports.rows import UnknownImportFormatError as UnknownImportFormatError
    from endorse.registry.model import Kind as Kind
    from endorse.registry.model import Paper as Paper
    from endorse.registry.model import Recipient as Recipient
    from endorse.registry.model import Registry as Registry
    from endorse.registry.model import Signatory as Signatory
    from endorse.registry.model import Status as Status
    from endorse.registry.query import SortKey as SortKey
    from endorse.registry.store import CommentsWouldBeLostError as CommentsWouldBeLostError
    from endorse.registry.store import RegistryExistsError as RegistryExistsError
    from endorse.registry.store import RegistryLockedError as RegistryLockedError
    from endorse.registry.store import RegistryWriteError as RegistryWriteError
    from endorse.registry.summary import Summary as Summary
    from endorse.registry.values import ValueProblem as ValueProblem

# Written from the TYPE_CHECKING block by scripts/public_names.py: edit the block, not this.
_HOMES = {
    "Draft": "endorse.api",
    "DraftClosedError": "endorse.api",
    "FormatCheck": "endorse.api",
    "Version": "endorse.api",
    "check_format": "endorse.api",
    "diff": "endorse.api",
    "doubtful_rows": "endorse.api",
    "edit": "endorse.api",
    "find": "endorse.api",
    "fmt": "endorse.api",
    "import_table": "endorse.api",
    "init": "endorse.api",
    "load": "endorse.api",
    "log": "endorse.api",
    "read_table": "endorse.api",
    "select": "endorse.api",
    "show": "endorse.api",
    "summarise": "endorse.api",
    "validate": "endorse.api",
    "version": "endorse.api",
    "Finding": "endorse.checks",
    "DuplicateError": "endorse.duplicates.rule",
    "NearDuplicateError": "endorse.duplicates.rule",
    "IdTakenError": "endorse.editing",
    "AmbiguousReferenceError": "endorse.errors",
    "EndorseError": "endorse.errors",
    "RegistryFormatError": "endorse.errors",
    "RegistryNotFoundError": "endorse.errors",
    "RegistryParseError": "endorse.errors",
    "RegistryReadError": "endorse.errors",
    "UnknownSignatoryError": "endorse.errors",
    "Changes": "endorse.history.diff",
    "GitMissingError": "endorse.history.git",
    "HistoryError": "endorse.history.git",
    "LogEntry": "endorse.history.git",
    "NotARepositoryError": "endorse.history.git",
    "UnknownRevisionError": "endorse.history.git",
    "ChoicesError": "endorse.imports.columns",
    "ColumnChoices": "endorse.imports.columns",
    "ColumnsError": "endorse.imports.columns",
    "Candidate": "endorse.imports.planning",
    "ImportPlan": "endorse.imports.planning",
    "ImportRefusedError": "endorse.imports.planning",
    "Reading": "endorse.imports.planning",
    "Renamed": "endorse.imports.planning",
    "RowProblem": "endorse.imports.planning",
    "ImportFileError": "endorse.imports.rows",
    "Source": "endorse.imports.rows",
    "Table": "endorse.imports.rows",
    "UnknownImportFormatError": "endorse.imports.rows",
    "Kind": "endorse.registry.model",
    "Paper": "endorse.registry.model",
    "Recipient": "endorse.registry.model",
    "Registry": "endorse.registry.model",
    "Signatory": "endorse.registry.model",
    "Status": "endorse.registry.model",
    "SortKey": "endorse.registry.query",
    "CommentsWouldBeLostError": "endorse.registry.store",
    "RegistryExistsError": "endorse.registry.store",
    "RegistryLockedError": "endorse.registry.store",
    "RegistryWriteError": "endorse.registry.store",
    "Summary": "endorse.registry.summary",
    "ValueProblem": "endorse.registry.values",
}

__all__ = ["__version__", *_HOMES]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'endorse' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

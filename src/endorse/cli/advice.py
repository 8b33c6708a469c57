"""What the command line adds to a library error: which command or option to use, and the
exit code.

The library's errors say what is wrong and where, in words that hold for a
script as for the command line; the commands a person types next, and the
exit code, are the command line's business and are added here, once.
"""

from __future__ import annotations

import shlex

from endorse import (
    AmbiguousReferenceError,
    ChoicesError,
    ColumnsError,
    CommentsWouldBeLostError,
    DuplicateError,
    EndorseError,
    GitMissingError,
    IdTakenError,
    ImportRefusedError,
    NearDuplicateError,
    NotARepositoryError,
    RegistryExistsError,
    RegistryLockedError,
    RegistryNotFoundError,
    UnknownImportFormatError,
    UnknownRevisionError,
    UnknownSignatoryError,
    ValueProblem,
)
from endorse.api import ENV_VAR

_EVERY_ID = "`endorse list --format ids` lists every id."
_NEW_REGISTRY = '--title "…" --network "…" --members-declared N'

USAGE_ERROR = 2
REFUSED = 1


def exit_code(error: EndorseError) -> int:
    """2 for a value or a choice given on the command line that cannot be used; 1 for any
    refusal."""
    return USAGE_ERROR if isinstance(error, ValueProblem | ChoicesError) else REFUSED


def explained(error: EndorseError) -> str:
    """The error's message, followed by what to type next when there is something to type."""
    advice = _advice(error)
    return f"{error} {advice}" if advice else str(error)


def _advice(error: EndorseError) -> str | None:
    if isinstance(error, DuplicateError):
        return f"To change that signatory, use `endorse edit {error.match.signatory.id}`."
    if isinstance(error, NearDuplicateError):
        return "If it is another government, run the command again with --force."
    if isinstance(error, IdTakenError):
        return f'Add it with --id "{error.suggested_id}".'
    if isinstance(error, ImportRefusedError):
        return _import_advice(error)
    if isinstance(error, UnknownSignatoryError) and not error.close:
        return None if isinstance(error, AmbiguousReferenceError) else _EVERY_ID
    if isinstance(error, UnknownImportFormatError):
        return "Give --format csv, --format json or --format xlsx."
    if isinstance(error, ColumnsError):
        return _columns_advice(error)
    if isinstance(error, NotARepositoryError | GitMissingError):
        return "`endorse diff OLD.toml NEW.toml` compares two registry files without git."
    if isinstance(error, UnknownRevisionError):
        return "`endorse log` lists the commits that changed the registry."
    if isinstance(error, RegistryNotFoundError):
        return _not_found_advice(error)
    if isinstance(error, RegistryLockedError):
        return "Or wait longer with --lock-timeout SECONDS."
    if isinstance(error, CommentsWouldBeLostError):
        return "`endorse fmt --force` rewrites it and drops them."
    if isinstance(error, RegistryExistsError):
        return "To work on that registry, give `endorse --registry PATH ...`."
    return None


def _not_found_advice(error: RegistryNotFoundError) -> str | None:
    if error.path is None:
        return (
            f"Create one with `endorse init data/registry.toml {_NEW_REGISTRY}`, or point to "
            f"one with --registry PATH or {ENV_VAR}=PATH."
        )
    if error.path.is_dir():
        return None
    return f"Check the path, or create one with `endorse init {error.path} {_NEW_REGISTRY}`."


def _columns_advice(error: ColumnsError) -> str | None:
    if error.missing:
        mapped = " ".join(f"--column {field}=HEADER" for field in error.missing)
        every_row = " or give it for every row with --set country=CC" * ("country" in error.missing)
        return f"Name the column with {mapped}{',' if every_row else ''}{every_row}."
    if not error.unmapped:
        return None
    ignore = " ".join(f"--ignore-column {_quoted(h)}" for h in error.unmapped[:_LISTED])
    more = len(error.unmapped) - _LISTED
    if more > 0:
        ignore += f" (and {more} more)"
    first = error.unmapped[0]
    key = first.strip() or "key"
    title = (
        " If it is a title above the table, give --header-row N, N being the row (a csv "
        "file's line) the columns' names are on."
        if len(error.unmapped) == 1 and not error.fields_found
        else ""
    )
    return (
        f"Map a column to a field with --column FIELD=HEADER, or leave them out with {ignore}. "
        f"To keep one as a key of its own, map it to that key: --column {_quoted(key)}="
        f"{_quoted(first)}.{title}"
    )


_LISTED = 20


def _quoted(header: str) -> str:
    """A header as typed in a shell: POSIX quoting, or bash's $'...' for a header holding a
    character that cannot be typed (a line break), escaped so that it shows as data."""
    if header.isprintable():
        return shlex.quote(header)
    escaped = "".join(
        char if char.isprintable() and char not in "\\'" else _ansi_c(char) for char in header
    )
    return f"$'{escaped}'"


_NAMED_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _ansi_c(char: str) -> str:
    if char in "\\'":
        return "\\" + char
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x80
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def _import_advice(error: ImportRefusedError) -> str | None:
    kinds = {problem.kind for problem in error.problems}
    advice = []
    if "date" in kinds:
        advice.append(
            "Dates written otherwise than YYYY-MM-DD: give the way they are written with "
            "--date-format, like --date-format %d/%m/%Y for 15/01/2018."
        )
    if "near" in kinds:
        advice.append(
            "Rows very close to a name already there: if they are other governments, "
            "import again with --force."
        )
    if "in-registry" in kinds:
        advice.append(
            "Rows already in the registry: leave them out, or give "
            "--on-duplicate skip to skip them."
        )
    return " ".join(advice) or None

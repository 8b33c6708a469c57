"""Spreadsheet cells: how a value is written into a csv cell and read back.

Both directions live here, so that an export imports back unchanged: the
writers (`endorse.render.records`) and the importer (`endorse.import_files`,
`endorse.importing`) share one codec. A cell that a spreadsheet would run
as a formula is defused with a leading quote (OWASP's CSV-injection
defence) and the quote is taken off again on import. A cell of an unknown
key holds a TOML value (`12`, `true`, `2018-01-15`, `[1, 2]`) or plain
text; text that would read back as something else is written quoted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Final

_FORMULA_START: Final = re.compile(r"'*[=+\-@\t\r]")
_NEUTRALISED: Final = re.compile(r"'+[=+\-@\t\r]")


def spreadsheet_safe(cell: str) -> str:
    """OWASP's CSV-injection defence: a cell that could start a formula gets a leading '.

    A cell that already starts with quotes before such a character gets one
    more, so that `spreadsheet_restore` gives back exactly the original.
    """
    return "'" + cell if _FORMULA_START.match(cell) else cell


def spreadsheet_restore(cell: str) -> str:
    """Undo `spreadsheet_safe`."""
    return cell[1:] if _NEUTRALISED.match(cell) else cell


def extra_csv_cell(value: Any) -> str:
    """An unknown key's value as a csv cell that `read_extra_cell` reads back unchanged."""
    if value is None:
        return ""
    if isinstance(value, str) and read_extra_cell(value) == value:
        return spreadsheet_safe(value)
    return spreadsheet_safe(toml_inline(value))


def read_extra_cell(cell: str) -> Any:
    """A csv cell of an unknown key: None when empty, a TOML value when it is one, else text.

    The cell is expected already restored from `spreadsheet_safe`. A value nested too
    deeply to read (hundreds of brackets) is text.
    """
    if cell == "":
        return None
    if not _MAYBE_TOML_VALUE.match(cell):
        return cell
    import tomli

    try:
        doc = tomli.loads(f"v = {cell}")
    except (tomli.TOMLDecodeError, RecursionError):
        return cell
    return doc["v"] if len(doc) == 1 and "v" in doc else cell


# Every TOML value starts with one of these (text starting otherwise is read as plain text).
_MAYBE_TOML_VALUE: Final = re.compile(r"\s*[-+0-9\"'\[{tfin]")
_BARE_KEY: Final = re.compile(r"[A-Za-z0-9_-]+")


def toml_inline(value: Any) -> str:
    """`value` written as one-line TOML: arrays and tables inline, strings quoted and escaped."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, Mapping):
        items = (f"{_toml_key(k)} = {toml_inline(v)}" for k, v in value.items())
        return "{ " + ", ".join(items) + " }" if value else "{}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_inline(v) for v in value) + "]"
    import tomli_w

    return tomli_w.dumps({"v": value})[len("v = ") : -1]


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else toml_inline(key)

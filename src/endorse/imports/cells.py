"""Spreadsheet cells: how a value is written into a csv or workbook cell and read back.

Both directions live here, so that an export imports back unchanged: the
writers (`endorse.render.records`, `endorse.render.workbook`) and the
importer (`endorse.imports.reading`, `endorse.imports.planning`) share one codec. A
csv cell that a spreadsheet would run as a formula is defused with a
leading quote (OWASP's CSV-injection defence) and the quote is taken off
again on import. A cell of an unknown key holds a TOML value (`12`, `true`,
`2018-01-15`, `[1, 2]`) or plain text; text that would read back as
something else is written quoted.

A workbook's cells are typed, so its text is never a formula and needs no
quote: an unknown key's number, boolean or date is a cell of that type, and
anything else is the text its csv cell holds, without the quote.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Final, TypeAlias

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
    return "" if value is None else spreadsheet_safe(extra_text(value))


def extra_text(value: Any) -> str:
    """An unknown key's value (not None) as text that `read_extra_cell` reads back unchanged:
    text as itself unless it would read back as something else, anything else as TOML."""
    if isinstance(value, str) and read_extra_cell(value) == value:
        return value
    return toml_inline(value)


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


WorkbookValue: TypeAlias = str | bool | int | float | date | None
"""What a workbook cell holds: text, a boolean, a number or a date (None: an empty cell)."""

# Excel's serial numbers count days from 1900 with its 1900-02-29 that never was: a serial
# before this day reads back as another day, or as a time of day.
_FIRST_WORKBOOK_DATE: Final = date(1900, 3, 1)
# Excel keeps 15 significant digits of an integer.
_EXACT_INTEGER_LIMIT: Final = 10**15
WORKBOOK_TEXT_MAX: Final = 32_767
# What XML 1.0 cannot hold (the C0 controls but tab, line feed and carriage return; U+FFFE,
# U+FFFF; lone surrogates), and the carriage return, which it reads back as a line feed.
_NOT_IN_WORKBOOK: Final = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")


def workbook_cell(value: str | bool | date | None) -> WorkbookValue:
    """A known key's value as a workbook cell: a date a workbook cannot count (before
    1900-03-01) is ISO text; text, booleans and other dates are themselves."""
    if isinstance(value, date) and not _is_workbook_date(value):
        return value.isoformat()
    return value


def extra_workbook_cell(value: Any) -> WorkbookValue:
    """An unknown key's value as a typed workbook cell that reads back unchanged.

    A boolean, a number a workbook holds exactly and with its type (not 3.0,
    which it reads back as 3; at most 15 digits of an integer), and a date it
    can count are cells of their type; anything else (text, arrays, tables,
    datetimes, times, inf, nan) is the text `extra_csv_cell` writes, without
    the quote, for `read_extra_cell` to read back.
    """
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float) and _is_exact_number(value):
        return value
    if isinstance(value, date) and _is_workbook_date(value):
        return value
    return extra_text(value)


def _is_workbook_date(value: date) -> bool:
    return not isinstance(value, datetime) and value >= _FIRST_WORKBOOK_DATE


def _is_exact_number(value: int | float) -> bool:
    """Whether a number cell, written with 16 significant digits, gives back `value` and its
    type (a number written without a point or an exponent reads back as an integer)."""
    if isinstance(value, int):
        return abs(value) < _EXACT_INTEGER_LIMIT
    if not math.isfinite(value):
        return False
    written = f"{value:.16g}"
    return float(written) == value and any(mark in written for mark in ".e")


def workbook_text_problem(text: str) -> str | None:
    """Why a workbook cell cannot hold `text` exactly, or None when it can."""
    found = _NOT_IN_WORKBOOK.search(text)
    if found:
        code = ord(found.group())
        return f"holds the control character U+{code:04X} at position {found.start() + 1}"
    if len(text) > WORKBOOK_TEXT_MAX:
        return f"is {len(text)} characters long; a workbook cell holds at most {WORKBOOK_TEXT_MAX}"
    return None


# Excel writes a character XML cannot hold as _xHHHH_ (a carriage return as _x000D_), and
# the underscore that starts text which would read as such an escape as _x005F_.
_EXCEL_ESCAPE: Final = re.compile(r"_x([0-9A-Fa-f]{4})_")
_ESCAPE_START: Final = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def workbook_text_in(text: str) -> str:
    """A workbook's text as the spreadsheet shows it: Excel's _xHHHH_ escapes undone, in
    one pass from the left, as Excel reads them: _x005F_ is an underscore, and the text
    after it is not read again ("_x005F_x0041_" is "_x0041_", not "A")."""
    if "_x" not in text:
        return text
    return _EXCEL_ESCAPE.sub(lambda found: chr(int(found.group(1), 16)), text)


def workbook_text_out(text: str) -> str:
    """Text for a workbook cell that `workbook_text_in` (and Excel) read back as written:
    every underscore that starts an escape's look-alike escaped, those that overlap too
    (the second of "_x0041_x0042_" starts "_x0042_")."""
    if "_x" not in text:
        return text
    return _ESCAPE_START.sub("_x005F_", text)

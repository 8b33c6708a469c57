"""What an import file is read into: rows under a header, each knowing where it is in the
file, so that a message can name the row or the cell. `endorse.imports.reading` reads text
files into a Table, `endorse.imports.workbooks` reads workbooks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

from endorse.errors import EndorseError
from endorse.registry.values import printable, shown

FileFormat = Literal["csv", "json", "xlsx"]
ZIP_SIGNATURE: Final = b"PK\x03\x04"


class ImportFileError(EndorseError):
    """The file cannot be read as rows at all: not UTF-8, not csv, json or a workbook, no
    header."""


class UnknownImportFormatError(ImportFileError):
    """The file's format cannot be told from its name."""


@dataclass(frozen=True)
class Row:
    """One record of the file: the line it starts on (a workbook's row number), and its
    values by header.

    A value under the key "" is a stray: a cell without a header (its column:
    a number in csv, a cell reference such as "F5" in a workbook), or a json
    record that is not an object (the record).
    """

    line: int
    values: Mapping[str, Any]
    # Every cell as read, in column order, kept only for a row with a stray cell (whose
    # value `values` does not hold) so that a row handed back loses none of it.
    cells: tuple[Any, ...] = ()


@dataclass(frozen=True)
class Source:
    """Where the rows come from, to name a row or a cell in a message: the file, and for a
    workbook its sheet."""

    path: Path
    sheet: str | None = None

    @property
    def unit(self) -> Literal["line", "row"]:
        """What a row's number counts: a text file's lines, a workbook's rows."""
        return "line" if self.sheet is None else "row"

    def at(self, line: int, column: tuple[int, str] | None = None) -> str:
        """The row at `line`, or the cell of `column` (its number from 1, its header) in it:
        'form.csv:3', 'form.csv:3, column "Date"', 'roster.xlsx, sheet "Members", cell D5
        ("Date")'."""
        path = printable(str(self.path))
        if self.sheet is None:
            where = f"{path}:{line}"
            return where if column is None else f"{where}, column {shown(column[1])}"
        where = f"{path}, sheet {shown(self.sheet)}"
        if column is None:
            return f"{where}, row {line}"
        return f"{where}, cell {column_letter(column[0])}{line} ({shown(column[1])})"


@dataclass(frozen=True)
class Table:
    """An import file read: its headers as written, in order (for json, every key in the
    order first met), and its rows."""

    source: Source
    file_format: FileFormat
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    delimiter: str = ","  # a csv file's


def column_letter(number: int) -> str:
    """A spreadsheet's name for the column `number` (from 1): 1 is A, 28 is AB."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class CellError:
    """A spreadsheet cell that holds an error (#N/A, #DIV/0!, #REF!) rather than a value."""

    code: str


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"{path}: cannot read: {error.strerror}") from None

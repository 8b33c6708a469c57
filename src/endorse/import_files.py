"""Reading an import file: csv or json, UTF-8, into rows that each know their line.

Nothing here checks a value; `endorse.importing` does. A file that cannot be
read as rows at all (not UTF-8, broken csv quoting or json, no header)
raises ImportFileError naming the file and where.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

from endorse.errors import EndorseError
from endorse.model import SIGNATORY_KEYS
from endorse.values import shown

FileFormat = Literal["csv", "json"]
Delimiter = Literal[",", ";", "tab"]

REQUIRED_COLUMNS: Final = ("name", "country")
_BOM: Final = b"\xef\xbb\xbf"
_EXTENSIONS: Final[dict[str, FileFormat]] = {".csv": "csv", ".tsv": "csv", ".json": "json"}
_DELIMITERS: Final[dict[str, str]] = {",": ",", ";": ";", "tab": "\t"}


class ImportFileError(EndorseError):
    """The file cannot be read as rows at all: not UTF-8, not csv or json, no header."""


class UnknownImportFormatError(ImportFileError):
    """The file's format cannot be told from its name."""


@dataclass(frozen=True)
class Row:
    """One record of the file: the line it starts on, and its values by column.

    A value under the key "" is a stray: a cell without a column name (its
    position), or a json record that is not an object (the record).
    """

    line: int
    values: Mapping[str, Any]


def format_of(path: Path, given: FileFormat | None) -> FileFormat:
    """The file's format: `given`, else from its extension."""
    if given is not None:
        return given
    found = _EXTENSIONS.get(path.suffix.lower())
    if found is None:
        raise UnknownImportFormatError(
            f"{path}: cannot tell the format from the extension {path.suffix or '(none)'!r}; "
            "name the file .csv or .json, or say which format it is."
        )
    return found


def decode(data: bytes, path: Path) -> str:
    """The file's text: UTF-8 with or without a byte-order mark, and nothing else."""
    start = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = start + error.start
        line = data.count(b"\n", 0, offset) + 1
        raise ImportFileError(
            f"{path}: not UTF-8 text: byte {offset} (line {line}) is {data[offset]:#04x}. "
            'Save the file as UTF-8 (in a spreadsheet: "CSV UTF-8") and import it again; '
            "nothing was imported."
        ) from None


def read_rows(
    text: str, path: Path, file_format: FileFormat, delimiter: Delimiter | None = None
) -> list[Row]:
    if file_format == "json":
        return json_rows(text, path)
    return csv_rows(text, path, delimiter)


def detect_delimiter(header_line: str) -> str:
    """The delimiter a csv header uses: the commonest of comma, semicolon and tab."""
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def csv_rows(text: str, path: Path, delimiter: Delimiter | None = None) -> list[Row]:
    """Rows of a csv file with a header line; cells restored from their spreadsheet-safe form.

    Blank rows are left out; a row's line is the line it starts on.
    """
    from endorse.cells import spreadsheet_restore

    separator = _DELIMITERS[delimiter] if delimiter else detect_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise ImportFileError(f"{path}: the file is empty; it needs a header line of columns")
        columns = csv_columns([spreadsheet_restore(c) for c in header], path)
        rows = []
        line = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append(_csv_row(line, cells, columns, spreadsheet_restore))
            line = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(
            f"{path}:{reader.line_num}: not valid csv: {error}; nothing was imported"
        ) from None
    return rows


def csv_columns(header: Sequence[str], path: Path) -> list[str]:
    """The key each column holds: a known key by name (any case), else an unknown key as named."""
    names = [cell.strip() for cell in header]
    columns = []
    for name in names:
        lowered = name.lower()
        if lowered in SIGNATORY_KEYS and name != lowered and lowered not in names:
            name = lowered
        columns.append(name)
    seen: set[str] = set()
    for column in columns:
        if column in seen and column:
            raise ImportFileError(f"{path}:1: the column {shown(column)} appears twice")
        seen.add(column)
    missing = [c for c in REQUIRED_COLUMNS if c not in seen]
    if missing:
        raise ImportFileError(
            f"{path}:1: no column {' or '.join(missing)} in the header line; the columns are "
            f"those of endorse's csv export (name and country are required)"
        )
    return columns


def _csv_row(line: int, cells: list[str], columns: list[str], restore: Callable[[str], str]) -> Row:
    values: dict[str, Any] = {}
    for position, cell in enumerate(cells):
        column = columns[position] if position < len(columns) else ""
        if column:
            values[column] = restore(cell)
        elif cell.strip():
            values[""] = position + 1
    return Row(line, values)


def json_rows(text: str, path: Path) -> list[Row]:
    """The objects of a json array, each with the line it starts on."""
    decoder = json.JSONDecoder()
    try:
        position = _expect(text, _skip_space(text, 0), "[", path)
        rows: list[Row] = []
        position = _skip_space(text, position)
        if text.startswith("]", position):
            return _after_array(text, position + 1, path, rows)
        line, counted_to = 1, 0
        while True:
            line += text.count("\n", counted_to, position)
            counted_to = position
            value, position = decoder.raw_decode(text, position)
            rows.append(Row(line, value if isinstance(value, dict) else {"": value}))
            position = _skip_space(text, position)
            if text.startswith("]", position):
                return _after_array(text, position + 1, path, rows)
            position = _skip_space(text, _expect(text, position, ",", path))
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"{path}:{error.lineno}:{error.colno}: not valid json: {error.msg}; "
            "nothing was imported"
        ) from None
    except RecursionError:
        raise ImportFileError(
            f"{path}: arrays or objects are nested too deeply to be signatories; "
            "nothing was imported"
        ) from None


_SPACE: Final = re.compile(r"[ \t\n\r]*")


def _skip_space(text: str, position: int) -> int:
    match = _SPACE.match(text, position)
    return match.end() if match else position


def _expect(text: str, position: int, wanted: str, path: Path) -> int:
    if not text.startswith(wanted, position):
        line = text.count("\n", 0, position) + 1
        column = position - text.rfind("\n", 0, position)
        what = "an array of objects, one a signatory" if wanted == "[" else f'"{wanted}"'
        raise ImportFileError(
            f"{path}:{line}:{column}: not valid json here: expected {what}; nothing was imported"
        )
    return position + 1


def _after_array(text: str, position: int, path: Path, rows: list[Row]) -> list[Row]:
    if _skip_space(text, position) != len(text):
        _expect(text, _skip_space(text, position), "end of file", path)
    return rows

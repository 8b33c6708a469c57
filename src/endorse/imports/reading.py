"""Reading an import file: csv, json or a workbook, into rows that each know their line.

Nothing here checks a value (`endorse.imports.planning` does) or a header
(`endorse.imports.columns` does). A file that cannot be read as rows at all (not
UTF-8, broken csv quoting or json, not a workbook, no header) raises
ImportFileError naming the file and where.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final, Literal

from endorse.imports.rows import (
    ZIP_SIGNATURE,
    FileFormat,
    ImportFileError,
    Row,
    Source,
    Table,
    UnknownImportFormatError,
    read_bytes,
)
from endorse.registry.values import shown

Delimiter = Literal[",", ";", "tab"]

_BOM: Final = b"\xef\xbb\xbf"
_EXTENSIONS: Final[dict[str, FileFormat]] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".json": "json",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
}
_DELIMITERS: Final[dict[str, str]] = {",": ",", ";": ";", "tab": "\t"}
_SEPARATOR_NAMES: Final = {",": "commas", ";": "semicolons", "\t": "tabs"}
_OTHER_SPREADSHEETS: Final = (".ods", ".xls", ".numbers")


def read_table(
    path: Path,
    file_format: FileFormat | None = None,
    *,
    delimiter: Delimiter | None = None,
    sheet: str | None = None,
    header_row: int | None = None,
) -> Table:
    """The file at `path` as a table: from its extension unless `file_format` is given.

    The header is on `header_row` (a workbook's row number, a csv file's line) when it
    is given, and the rows above it are left out: a title above the table. A json file
    has no header row; `header_row` does not apply to it.
    """
    kind = format_of(path, file_format)
    if kind == "xlsx":
        from endorse.imports.workbooks import workbook_table

        return workbook_table(path, sheet, header_row)
    return text_table(decode(read_bytes(path), path), path, kind, delimiter, header_row)


def text_table(
    text: str,
    path: Path,
    file_format: FileFormat,
    delimiter: Delimiter | None = None,
    header_row: int | None = None,
) -> Table:
    """A csv or json file's text as a table; `path` names it in messages."""
    if file_format == "json":
        rows = json_rows(text, path)
        return Table(Source(path), "json", _json_headers(rows), tuple(rows))
    header_line = _line(text, header_row or 1)
    separator = _DELIMITERS[delimiter] if delimiter else detect_delimiter(header_line)
    headers, found = csv_table(text, path, delimiter, header_row)
    return Table(Source(path), "csv", headers, tuple(found), separator)


def _json_headers(rows: Sequence[Row]) -> tuple[str, ...]:
    keys: dict[str, None] = {}
    for row in rows:
        keys.update(dict.fromkeys(k for k in row.values if k))
    return tuple(keys)


def format_of(path: Path, given: FileFormat | None) -> FileFormat:
    """The file's format: `given`, else from its extension."""
    if given is not None:
        return given
    suffix = path.suffix.lower()
    found = _EXTENSIONS.get(suffix)
    if found is not None:
        return found
    if suffix in _OTHER_SPREADSHEETS:
        raise ImportFileError(
            f"{path}: a {suffix} spreadsheet cannot be read; save it as an Excel workbook "
            "(.xlsx) or as CSV UTF-8, and import that"
        )
    raise UnknownImportFormatError(
        f"{path}: cannot tell the format from the extension {path.suffix or '(none)'!r}; "
        "name the file .csv, .json or .xlsx, or say which format it is."
    )


def decode(data: bytes, path: Path) -> str:
    """The file's text: UTF-8 with or without a byte-order mark, and nothing else."""
    if data.startswith(ZIP_SIGNATURE):
        raise ImportFileError(
            f"{path}: this is a zip file, such as an Excel workbook, not text; "
            "import a workbook as xlsx; nothing was imported"
        )
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


def detect_delimiter(header_line: str) -> str:
    """The delimiter a csv header uses: the commonest of comma, semicolon and tab between
    its cells, a quoted cell's own left out (`"Ville, commune";"Pays, territoire"` is two
    cells separated by a semicolon)."""
    between = "".join(header_line.split('"')[::2])
    counts = {d: between.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def csv_table(
    text: str, path: Path, delimiter: Delimiter | None = None, header_row: int | None = None
) -> tuple[tuple[str, ...], list[Row]]:
    """The header and rows of a csv file; cells restored from their spreadsheet-safe form.

    The header is the first line, or the record on line `header_row` (the lines above
    it left out). Blank rows are left out; a row's line is the line it starts on.
    """
    from endorse.imports.cells import spreadsheet_restore

    header_line = _line(text, header_row or 1)
    separator = _DELIMITERS[delimiter] if delimiter else detect_delimiter(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    try:
        header = _csv_header(reader, path, header_row)
        columns = tuple(spreadsheet_restore(c).strip() for c in header)
        rows = []
        line = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append(_csv_row(line, cells, columns, spreadsheet_restore))
            line = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(
            f"{path}:{reader.line_num}: not valid csv, its cells read as separated by "
            f"{_SEPARATOR_NAMES[separator]}: {error}; nothing was imported"
        ) from None
    return columns, rows


def _line(text: str, number: int) -> str:
    """Line `number` (from 1) of `text`, or "" past its end; lines end as csv's do (a line
    feed, a carriage return, or both)."""
    if number > len(text) + 1:  # each line but the first starts after a character
        return ""
    lines = _LINE_END.split(text, number)
    return lines[number - 1] if len(lines) >= number else ""


_LINE_END: Final = re.compile(r"\r\n|\r|\n")


def _csv_header(reader: Any, path: Path, header_row: int | None) -> list[str]:
    """The header record: the first, or the one that starts on line `header_row`."""
    if header_row is None:
        header: list[str] | None = next(reader, None)
        if header is None:
            raise ImportFileError(f"{path}: the file is empty; it needs a header line of columns")
        return header
    line = 1
    for cells in reader:
        if line == header_row and any(cell.strip() for cell in cells):
            return list(cells)
        if line >= header_row:
            break
        line = reader.line_num + 1
    raise ImportFileError(
        f"{path}:{header_row}: no header line here (the line is blank, beyond the end of the "
        "file, or inside a quoted cell); give the line the columns' names are on"
    )


def _csv_row(
    line: int, cells: list[str], columns: Sequence[str], restore: Callable[[str], str]
) -> Row:
    values: dict[str, Any] = {}
    for position, cell in enumerate(cells):
        column = columns[position] if position < len(columns) else ""
        if column:
            values[column] = restore(cell)
        elif cell.strip():
            values[""] = position + 1
    return Row(line, values, tuple(map(restore, cells)) if "" in values else ())


def json_rows(text: str, path: Path) -> list[Row]:
    """The objects of a json array, each with the line it starts on. A key given twice in
    one object is refused (json.loads would keep the last value without a word)."""
    decoder = json.JSONDecoder(object_pairs_hook=_once_each)
    line = 1
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
    except _RepeatedKey as repeated:
        raise ImportFileError(
            f"{path}:{line}: the record gives the key {shown(repeated.key)} twice; keep one "
            "(nothing was imported)"
        ) from None
    except RecursionError:
        raise ImportFileError(
            f"{path}: arrays or objects are nested too deeply to be signatories; "
            "nothing was imported"
        ) from None


class _RepeatedKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _once_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RepeatedKey(key)
            seen.add(key)
    return found


_SPACE: Final = re.compile(r"[ \t\n\r]*")


def _skip_space(text: str, position: int) -> int:
    match = _SPACE.match(text, position)
    return match.end() if match else position


def _expect(text: str, position: int, wanted: str, path: Path) -> int:
    if not text.startswith(wanted, position):
        line = text.count("\n", 0, position) + 1
        column = position - text.rfind("\n", 0, position)
        if wanted == "[":
            raise ImportFileError(
                f"{path}:{line}:{column}: a json import is an array of objects, one a "
                "signatory (`[{...}, {...}]`); nothing was imported"
            )
        raise ImportFileError(
            f'{path}:{line}:{column}: not valid json here: expected "{wanted}"; '
            "nothing was imported"
        )
    return position + 1


def _after_array(text: str, position: int, path: Path, rows: list[Row]) -> list[Row]:
    if _skip_space(text, position) != len(text):
        _expect(text, _skip_space(text, position), "end of file", path)
    return rows

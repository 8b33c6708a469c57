"""Reading an Excel workbook (.xlsx) as the rows of an import, with openpyxl.

The cells keep their types: a date cell is a date, a boolean cell a
boolean, a number a number, an error cell (#N/A) a `CellError`; a formula
is read as the value the spreadsheet last computed for it (a workbook
written by a program that computes nothing holds none, and reads empty).
Text is unescaped as Excel escapes it (`_x000D_`). The sheet read is the
one named, else the first visible one; the header row is the one given, else
its first row with a cell in it, and a row's line is the row number the
spreadsheet shows. Each cell is where its reference puts it, whatever the
order of the rows in the file; a value merged down a column is read in
every row it covers.
openpyxl is imported only here, when a workbook is read; its parser of a
sheet's XML is used directly (`_sheet_cells` says why).
"""

from __future__ import annotations

import io
import warnings
import zipfile
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast

from endorse.imports.cells import workbook_text_in
from endorse.imports.rows import (
    ZIP_SIGNATURE,
    CellError,
    ImportFileError,
    Row,
    Source,
    Table,
    column_letter,
    read_bytes,
)
from endorse.registry.values import shown

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from openpyxl.worksheet.cell_range import CellRange


class EmptySheetError(ImportFileError):
    """The sheet read has no cell at all."""


# Compound files: an old Excel .xls, or a workbook encrypted with a password.
_OLE_SIGNATURE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def workbook_table(path: Path, sheet: str | None = None, header_row: int | None = None) -> Table:
    """The rows of one sheet of the workbook at `path`: `sheet`, or the first visible; the
    header on row `header_row` when it is given, the rows above it left out."""
    with warnings.catch_warnings():
        # openpyxl warns of what it cannot read (a date out of range becomes an error cell,
        # which the import reports with its cell); its warnings are not for the user.
        warnings.simplefilter("ignore")
        data = _workbook_bytes(path)
        book = _open(data, path)
        try:
            chosen = _sheet(book, sheet, path)
            source = Source(path, chosen.title)
            headers, rows = _read_sheet(chosen, source, book, header_row, data)
        finally:
            book.close()
    return Table(source, "xlsx", headers, tuple(rows))


def _workbook_bytes(path: Path) -> bytes:
    data = read_bytes(path)
    if data.startswith(_OLE_SIGNATURE):
        raise ImportFileError(
            f"{path}: an old Excel workbook (.xls) or one locked with a password; save it "
            "as an Excel workbook (.xlsx) without a password, and import that"
        )
    if not data.startswith(ZIP_SIGNATURE):
        raise _not_a_workbook(path, "it is not a zip file, as every .xlsx is")
    return data


def _open(data: bytes, path: Path) -> Workbook:
    """The workbook, read-only; ImportFileError for anything that is not one.

    It is read from its bytes, so that its name need not end in .xlsx.
    openpyxl reports a damaged or foreign file with whatever its zip and XML
    layers raise (BadZipFile, KeyError, ValueError, XML errors and more), so
    every exception from it means "not a workbook we can read".
    """
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001
        raise _not_a_workbook(path, str(error).strip() or type(error).__name__) from None


def _not_a_workbook(path: Path, detail: str) -> ImportFileError:
    return ImportFileError(
        f"{path}: not an Excel workbook (.xlsx) that can be read ({shown(detail[:200])}); "
        "if it is a csv or json file, give it that extension; nothing was imported"
    )


def _sheet(book: Workbook, name: str | None, path: Path) -> ReadOnlyWorksheet:
    sheets: list[ReadOnlyWorksheet] = list(book.worksheets)
    if not sheets:
        raise ImportFileError(f"{path}: the workbook has no sheet of cells (only charts?)")
    if name is None:
        visible = [s for s in sheets if s.sheet_state == "visible"]
        return (visible or sheets)[0]
    exact = [s for s in sheets if s.title == name]
    loose = [s for s in sheets if s.title.strip().casefold() == name.strip().casefold()]
    if exact or loose:
        return (exact or loose)[0]
    raise ImportFileError(
        f"{path}: no sheet {shown(name)} in the workbook; its sheets are: {_titles(sheets)}"
    )


def _titles(sheets: Iterable[ReadOnlyWorksheet]) -> str:
    return ", ".join(shown(s.title) for s in sheets)


def _read_sheet(
    sheet: ReadOnlyWorksheet, source: Source, book: Workbook, header_row: int | None, data: bytes
) -> tuple[tuple[str, ...], list[Row]]:
    try:
        cells = _sheet_cells(sheet, book, _shared_strings(data), source)
        return _table(cells, source, header_row)
    except EmptySheetError as error:
        others = [s for s in book.worksheets if s is not sheet]
        if not others:
            raise
        raise EmptySheetError(
            f"{error}; the workbook's other sheets are {_titles(others)} (choose one by its name)"
        ) from None
    except ImportFileError:
        raise
    except Exception as error:  # noqa: BLE001 (see _open)
        raise _not_a_workbook(source.path, str(error).strip() or type(error).__name__) from None


# A sheet's size in Excel (and in the file format's own limits): rows and columns from 1.
_LAST_ROW: Final = 1_048_576
_LAST_COLUMN: Final = 16_384


@dataclass(frozen=True)
class _SheetCells:
    """A sheet's values by row number and column number (from 1), where each cell's
    reference puts it, and its merged ranges."""

    rows: dict[int, dict[int, Any]]
    merged: Sequence[CellRange]


def _sheet_cells(
    sheet: ReadOnlyWorksheet, book: Workbook, strings: list[str], source: Source
) -> _SheetCells:
    """Every cell of the sheet, put where its reference says.

    openpyxl's rows (`iter_rows`) expect the sheet's rows in order: a row
    numbered below the one before it (rows 5, 3, 4, or 2 twice) is dropped
    without a word, and a row numbered far beyond the others is reached by
    counting through every row between. The sheet's XML is read here with
    openpyxl's own parser, as its read-only sheet reads it, and each cell
    kept by its reference: rows in any order are all read, a cell given twice
    is refused, and a row beyond a sheet's last is refused as it is met.
    """
    from openpyxl.worksheet._reader import WorkSheetParser

    rows: dict[int, dict[int, Any]] = {}
    # The read-only sheet's own source and the book's date styles; openpyxl keeps them private.
    with cast(Any, sheet)._get_source() as xml:
        parser = WorkSheetParser(
            xml,
            strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=cast(Any, book)._date_formats,
            timedelta_formats=cast(Any, book)._timedelta_formats,
        )
        for number, cells in parser.parse():
            _check_row(number, source)
            for cell in cells:
                _put(rows, cell, source)
        merged = parser.merged_cells.mergeCell if parser.merged_cells is not None else ()
    return _SheetCells(rows, tuple(merged))


def _check_row(number: int, source: Source) -> None:
    if not 1 <= number <= _LAST_ROW:
        raise ImportFileError(
            f"{source.at(number)}: a sheet's rows are numbered 1 to {_LAST_ROW:,}, so the "
            "workbook is damaged or was not written by a spreadsheet; open it in a "
            "spreadsheet, save it again and import that; nothing was imported"
        )


def _put(rows: dict[int, dict[int, Any]], cell: Mapping[str, Any], source: Source) -> None:
    row, column = cell["row"], cell["column"]
    _check_row(row, source)
    reference = f"{column_letter(column)}{row}"
    if not 1 <= column <= _LAST_COLUMN:
        raise ImportFileError(
            f"{source.at(row)}: the cell {reference} is beyond a sheet's last column, "
            f"{column_letter(_LAST_COLUMN)}, so the workbook is damaged or was not written by "
            "a spreadsheet; open it in a spreadsheet, save it again and import that; "
            "nothing was imported"
        )
    found = rows.setdefault(row, {})
    if column in found:
        raise ImportFileError(
            f"{source.at(row)}: the workbook's XML gives the cell {reference} twice, so which "
            "value it holds cannot be told; open the workbook in a spreadsheet, check the "
            "row, save it again and import that; nothing was imported"
        )
    found[column] = _cell_value(cell["value"], cell["data_type"])


def _shared_strings(data: bytes) -> list[str]:
    """The workbook's shared strings as written, Excel's escapes in them left for
    `workbook_text_in` to undo in one pass.

    openpyxl's own table takes every "x005F_" out of them, undoing half of
    the escape of an escape: Excel writes the text "Ref _x0041_" as
    "Ref _x005F_x0041_", which openpyxl gives as "Ref _x0041_", which would
    then be read as "Ref A".
    """
    from openpyxl.cell.text import Text
    from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
    from openpyxl.xml.functions import fromstring, iterparse

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = fromstring(archive.read("[Content_Types].xml"))
        names = (p.get("PartName", "") for p in parts if p.get("ContentType") == SHARED_STRINGS)
        name = next(names, None)
        if name is None:
            return []
        item = f"{{{SHEET_MAIN_NS}}}si"
        strings = []
        with archive.open(name.lstrip("/")) as xml:
            for _, node in iterparse(xml):
                if node.tag == item:
                    text = Text.from_tree(node)
                    strings.append("" if text is None else text.content)
                    node.clear()
    return strings


def _cell_value(value: Any, data_type: str) -> Any:
    """A cell's value: an error cell as CellError, text unescaped."""
    if data_type == "e":
        return CellError(str(value))
    if isinstance(value, str):
        return workbook_text_in(value)
    return value


def _table(
    cells: _SheetCells, source: Source, header_row: int | None
) -> tuple[tuple[str, ...], list[Row]]:
    """The header and the rows below it that hold a value, merged values read in every row
    of their range."""
    numbers = sorted(n for n, found in cells.rows.items() if _any_filled(found))
    line = _header_line(numbers, source, header_row)
    headers = _headers(_values(cells.rows[line]), line, source)
    body = [n for n in numbers if n > line]
    _spread_merged(cells, body, line, source)
    return headers, [_row(n, _values(cells.rows[n]), headers) for n in body]


def _any_filled(found: Mapping[int, Any]) -> bool:
    return any(_filled(v) for v in found.values())


def _values(found: Mapping[int, Any]) -> list[Any]:
    return [found.get(column) for column in range(1, max(found, default=0) + 1)]


def _header_line(numbers: Sequence[int], source: Source, header_row: int | None) -> int:
    """The header's row: `header_row`, else the first that holds a value."""
    if header_row is not None and header_row in numbers:
        return header_row
    if header_row is not None:
        raise ImportFileError(
            f"{source.at(header_row)} holds no header: the row is empty or beyond the sheet's "
            "last row; give the row the columns' names are on"
        )
    if not numbers:
        raise EmptySheetError(
            f"{source.path}, sheet {shown(source.sheet or '')} is empty; "
            "it needs a header row of columns"
        )
    return numbers[0]


def _spread_merged(cells: _SheetCells, body: Sequence[int], header: int, source: Source) -> None:
    """A value merged down a column (TRUE over C2:C4) read in every row of the table it
    covers that holds a value of its own. A merged value is refused where a row of the
    table would read it otherwise than the sheet shows it: spread across columns, each a
    field, or down from the header."""
    for merged in cells.merged:
        value = cells.rows.get(merged.min_row, {}).get(merged.min_col)
        covered = body[bisect_left(body, merged.min_row) : bisect_right(body, merged.max_row)]
        if not _filled(value) or not covered:
            continue
        if merged.min_col != merged.max_col or merged.min_row <= header:
            across = "across columns" if merged.min_col != merged.max_col else "with the header"
            raise ImportFileError(
                f"{source.at(covered[0])}: the cells {merged.coord} are merged {across}, and "
                "a row of the table reads one value a column; unmerge them and write the "
                "value in each cell that holds it; nothing was imported"
            )
        for number in covered:
            cells.rows[number][merged.min_col] = value


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _headers(values: Sequence[Any], line: int, source: Source) -> tuple[str, ...]:
    for position, value in enumerate(values, start=1):
        if isinstance(value, CellError):
            raise ImportFileError(
                f"{source.at(line)}: the header cell {column_letter(position)}{line} holds the "
                f"spreadsheet error {shown(value.code)}; write the column's name in it"
            )
    return tuple(_header(v) for v in values)


def _header(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date().isoformat()
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value).strip()


def _row(line: int, values: Sequence[Any], headers: Sequence[str]) -> Row:
    found: dict[str, Any] = {}
    for position, value in enumerate(values):
        header = headers[position] if position < len(headers) else ""
        if header:
            found[header] = value
        elif _filled(value):
            found[""] = f"{column_letter(position + 1)}{line}"
    return Row(line, found, tuple(values) if "" in found else ())

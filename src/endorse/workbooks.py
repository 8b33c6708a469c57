"""Reading an Excel workbook (.xlsx) as the rows of an import, with openpyxl.

The cells keep their types: a date cell is a date, a boolean cell a
boolean, a number a number, an error cell (#N/A) a `CellError`; a formula
is read as the value the spreadsheet last computed for it (a workbook
written by a program that computes nothing holds none, and reads empty).
Text is unescaped as Excel escapes it (`_x000D_`). The sheet read is the
one named, else the first visible one; the header row is the one given, else
its first row with a cell in it, and a row's line is the row number the
spreadsheet shows.
openpyxl is imported only here, when a workbook is read.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from endorse.cells import workbook_text_in
from endorse.rows import (
    ZIP_SIGNATURE,
    CellError,
    ImportFileError,
    Row,
    Source,
    Table,
    column_letter,
    read_bytes,
)
from endorse.values import shown

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet


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
        book = _open(path)
        try:
            chosen = _sheet(book, sheet, path)
            chosen.reset_dimensions()  # some writers record a wrong extent; read every row
            source = Source(path, chosen.title)
            headers, rows = _read_sheet(chosen, source, book, header_row)
        finally:
            book.close()
    return Table(source, "xlsx", headers, tuple(rows))


def _open(path: Path) -> Workbook:
    """The workbook, read-only; ImportFileError for anything that is not one.

    It is read from its bytes, so that its name need not end in .xlsx.
    openpyxl reports a damaged or foreign file with whatever its zip and XML
    layers raise (BadZipFile, KeyError, ValueError, XML errors and more), so
    every exception from it means "not a workbook we can read".
    """
    from openpyxl import load_workbook

    data = read_bytes(path)
    if data.startswith(_OLE_SIGNATURE):
        raise ImportFileError(
            f"{path}: an old Excel workbook (.xls) or one locked with a password; save it "
            "as an Excel workbook (.xlsx) without a password, and import that"
        )
    if not data.startswith(ZIP_SIGNATURE):
        raise _not_a_workbook(path, "it is not a zip file, as every .xlsx is")
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
    sheet: ReadOnlyWorksheet, source: Source, book: Workbook, header_row: int | None
) -> tuple[tuple[str, ...], list[Row]]:
    try:
        return _rows(_cell_rows(sheet), source, header_row)
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


def _cell_rows(sheet: ReadOnlyWorksheet) -> Iterable[list[Any]]:
    """Each row's values: error cells as CellError, text unescaped."""
    # types-openpyxl types iter_rows for the writable Worksheet only; it is the same here.
    for cells in sheet.iter_rows(min_row=1):  # type: ignore[misc]
        yield [_cell_value(cell.value, cell.data_type) for cell in cells]


def _cell_value(value: Any, data_type: str) -> Any:
    if data_type == "e":
        return CellError(str(value))
    if isinstance(value, str):
        return workbook_text_in(value)
    return value


def _rows(
    cells: Iterable[Sequence[Any]], source: Source, header_row: int | None
) -> tuple[tuple[str, ...], list[Row]]:
    headers: tuple[str, ...] | None = None
    rows: list[Row] = []
    for line, values in enumerate(cells, start=1):
        if header_row is not None and line < header_row:
            continue
        if not any(_filled(v) for v in values):
            if line == header_row:
                break
            continue
        if headers is None:
            headers = _headers(values, line, source)
        else:
            rows.append(_row(line, values, headers))
    if headers is None and header_row is not None:
        raise ImportFileError(
            f"{source.at(header_row)} holds no header: the row is empty or beyond the sheet's "
            "last row; give the row the columns' names are on"
        )
    if headers is None:
        raise EmptySheetError(
            f"{source.path}, sheet {shown(source.sheet or '')} is empty; "
            "it needs a header row of columns"
        )
    return headers, rows


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
    return Row(line, found)

"""Reading an Excel workbook (.xlsx) as the rows of an import, with openpyxl.

The cells keep their types: a date cell is a date, a boolean cell a
boolean, a number a number; a formula is read as the value the spreadsheet
last computed for it. The header row is the first row with a cell in it,
and a row's line is the row number the spreadsheet shows. openpyxl is
imported only here, when a workbook is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from endorse.rows import ImportFileError, Row, Source, Table, column_letter
from endorse.values import shown

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet


def workbook_table(path: Path, sheet: str | None = None) -> Table:
    """The rows of one sheet of the workbook at `path`: `sheet`, or the first."""
    book = _open(path)
    try:
        chosen = _sheet(book, sheet, path)
        chosen.reset_dimensions()  # some writers record a wrong extent; read every row
        source = Source(path, chosen.title)
        # types-openpyxl types iter_rows for the writable Worksheet only; it is the same here.
        cells: Iterable[Sequence[Any]] = chosen.iter_rows(min_row=1, values_only=True)  # type: ignore[misc]
        try:
            headers, rows = _rows(cells, source)
        except Exception as error:  # noqa: BLE001 (see _open)
            raise _not_a_workbook(path, error) from None
    finally:
        book.close()
    return Table(source, "xlsx", headers, tuple(rows))


def _open(path: Path) -> Workbook:
    """The workbook, read-only; ImportFileError for anything that is not one.

    openpyxl reports a damaged or foreign file with whatever its zip and XML
    layers raise (BadZipFile, KeyError, ValueError, XML errors and more), so
    every exception from it means "not a workbook we can read".
    """
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except OSError as error:
        raise ImportFileError(f"{path}: cannot read: {error.strerror}") from None
    except Exception as error:  # noqa: BLE001
        raise _not_a_workbook(path, error) from None


def _not_a_workbook(path: Path, error: Exception) -> ImportFileError:
    detail = str(error).strip() or type(error).__name__
    return ImportFileError(
        f"{path}: not an Excel workbook (.xlsx) that can be read ({shown(detail[:200])}); "
        "if it is a csv or json file, give it that extension; nothing was imported"
    )


def _sheet(book: Workbook, name: str | None, path: Path) -> ReadOnlyWorksheet:
    sheets: list[ReadOnlyWorksheet] = list(book.worksheets)
    if not sheets:
        raise ImportFileError(f"{path}: the workbook has no sheet")
    if name is None:
        return sheets[0]
    exact = [s for s in sheets if s.title == name]
    loose = [s for s in sheets if s.title.strip().casefold() == name.strip().casefold()]
    if exact or loose:
        return (exact or loose)[0]
    listed = ", ".join(shown(s.title) for s in sheets)
    raise ImportFileError(
        f"{path}: no sheet {shown(name)} in the workbook; its sheets are: {listed}"
    )


def _rows(cells: Iterable[Sequence[Any]], source: Source) -> tuple[tuple[str, ...], list[Row]]:
    headers: tuple[str, ...] | None = None
    rows: list[Row] = []
    for line, values in enumerate(cells, start=1):
        if not any(_filled(v) for v in values):
            continue
        if headers is None:
            headers = tuple(_header(v) for v in values)
        else:
            rows.append(_row(line, values, headers))
    if headers is None:
        raise ImportFileError(
            f"{source.path}, sheet {shown(source.sheet or '')} is empty; "
            "it needs a header row of columns"
        )
    return headers, rows


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _header(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
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

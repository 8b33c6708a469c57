"""The list as an xlsx workbook: the csv export's columns on one sheet, in typed cells.

The header row is bold, frozen and filtered, and each column as wide as its
content (within bounds). `endorsed_on` is a date, `member` a boolean, and an
unknown key's value the cell `endorse.imports.cells` makes of it. Every text cell is
text, never a formula, whatever it starts with: openpyxl takes a string
starting with "=" for a formula, so such a cell is set back to text.

openpyxl's write-only (streaming) sheet writes it, and the workbook and its
zip bear one fixed time, not the time of writing, so that two exports of
the same signatories are the same bytes. openpyxl is imported only when a
workbook is asked for: it costs some 100 ms to import.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Final

from endorse.errors import EndorseError
from endorse.imports.cells import (
    WorkbookValue,
    extra_workbook_cell,
    workbook_cell,
    workbook_text_out,
    workbook_text_problem,
)
from endorse.registry.model import SIGNATORY_KEYS, Signatory
from endorse.registry.values import shown
from endorse.render.records import record_keys

if TYPE_CHECKING:
    from _typeshed import SizedBuffer, StrPath
    from openpyxl.cell import Cell
    from openpyxl.styles import Font
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

SHEET_TITLE: Final = "Signatories"
MIN_WIDTH: Final = 8
MAX_WIDTH: Final = 60
DATE_FORMAT: Final = "yyyy-mm-dd"
# The earliest time a zip can record, as reproducible builds use it: the workbook's creation
# and change times, and every member's time in its zip.
_FIXED_TIME: Final = datetime(1980, 1, 1)
_ZIP_TIME: Final = (1980, 1, 1, 0, 0, 0)


class WorkbookTextError(EndorseError):
    """A signatory's text that a workbook cannot hold (a control character, too long)."""

    def __init__(self, signatory_id: str, part: str, problem: str) -> None:
        super().__init__(
            f'the {part} of signatory "{signatory_id}" {problem}: a workbook cannot hold it; '
            "csv and json can"
        )
        self.signatory_id = signatory_id


def to_xlsx(signatories: Sequence[Signatory]) -> bytes:
    """The signatories as the bytes of an xlsx workbook; a header alone when there are none.

    Raises WorkbookTextError, before anything is written, for text that a
    workbook cannot hold.
    """
    keys = record_keys(signatories)
    _check_key_names(keys[len(SIGNATORY_KEYS) :], signatories)
    rows = [_row(signatory, keys) for signatory in signatories]
    return workbook_bytes(keys, rows)


def _check_key_names(extra_keys: Sequence[str], signatories: Sequence[Signatory]) -> None:
    for key in extra_keys:
        problem = workbook_text_problem(key)
        if problem:
            holder = next(s for s in signatories if key in s.extra)
            raise WorkbookTextError(holder.id, f"key name {shown(key)}", problem)


def _row(signatory: Signatory, keys: Sequence[str]) -> list[WorkbookValue]:
    fields = vars(signatory)
    row = [workbook_cell(fields[key]) for key in SIGNATORY_KEYS]
    row += [extra_workbook_cell(signatory.extra.get(key)) for key in keys[len(SIGNATORY_KEYS) :]]
    for key, value in zip(keys, row, strict=True):
        problem = workbook_text_problem(value) if isinstance(value, str) else None
        if problem:
            raise WorkbookTextError(signatory.id, f'"{key}"', problem)
    return [workbook_text_out(v) if isinstance(v, str) else v for v in row]


def _column_widths(keys: Sequence[str], rows: Sequence[Sequence[WorkbookValue]]) -> list[int]:
    """Each column as wide as its longest line, header included, within MIN_WIDTH..MAX_WIDTH
    characters (and a little margin for the filter's button)."""
    columns = zip(*rows, strict=True) if rows else ([] for _ in keys)
    widths = []
    for key, column in zip(keys, columns, strict=True):
        longest = max([len(key), *map(_shown_length, column)])
        widths.append(min(MAX_WIDTH, max(MIN_WIDTH, longest + 2)))
    return widths


def _shown_length(value: WorkbookValue) -> int:
    if isinstance(value, str):
        return max(map(len, value.split("\n"))) if "\n" in value else len(value)
    if isinstance(value, bool):
        return len("FALSE")
    if isinstance(value, date):
        return len(DATE_FORMAT)
    if value is None:
        return 0
    return len(f"{value:.16g}")


def workbook_bytes(
    keys: Sequence[str], rows: Sequence[Sequence[WorkbookValue]], title: str = SHEET_TITLE
) -> bytes:
    """A workbook of one sheet, `title`: a bold, frozen and filtered header of `keys`, then
    the rows, each value a typed cell (text written as `cells.workbook_text_out` makes it)."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook(write_only=True)
    workbook.properties.creator = "endorse"
    workbook.properties.created = workbook.properties.modified = _FIXED_TIME
    _fill(workbook.create_sheet(title), keys, rows)
    buffer = io.BytesIO()
    with _FixedTimeZip(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    return buffer.getvalue()


def _fill(
    sheet: WriteOnlyWorksheet, keys: Sequence[str], rows: Sequence[Sequence[WorkbookValue]]
) -> None:
    """The header and the rows, in a write-only sheet: its layout goes before the rows."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = "A2"
    # A write-only sheet has a Worksheet's column dimensions and filter, which the stubs omit.
    for column, width in enumerate(_column_widths(keys, rows), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width  # type: ignore[attr-defined]
    bold = Font(bold=True)
    sheet.append([_text_cell(sheet, workbook_text_out(key), font=bold) for key in keys])
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
    last = f"{get_column_letter(len(keys))}{len(rows) + 1}"
    sheet.auto_filter.ref = f"A1:{last}"  # type: ignore[attr-defined]


def _cell(sheet: WriteOnlyWorksheet, value: WorkbookValue) -> Cell | WorkbookValue:
    """A value for a write-only row: a date, and text that openpyxl would take for a formula
    (it starts with "="), as a cell typed here; anything else as itself, which openpyxl types
    as text, boolean or number (making every text cell here would cost a fifth of the time).
    """
    if isinstance(value, str):
        return _text_cell(sheet, value) if value.startswith("=") else value
    if isinstance(value, date):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet)
        cell.value = value
        cell.number_format = DATE_FORMAT
        return cell
    return value


def _text_cell(sheet: WriteOnlyWorksheet, text: str, font: Font | None = None) -> Cell:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, text)
    cell.data_type = "s"
    if font is not None:
        cell.font = font
    return cell


class _FixedTimeZip(zipfile.ZipFile):
    """A zip whose members all bear `_ZIP_TIME`, not the time they were written."""

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: SizedBuffer | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, _ZIP_TIME)
            zinfo_or_arcname.compress_type = self.compression
            zinfo_or_arcname.external_attr = 0o600 << 16
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(
        self,
        filename: StrPath,
        arcname: StrPath | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        with open(filename, "rb") as handle:
            data = handle.read()
        self.writestr(os.fspath(arcname if arcname is not None else filename), data)

"""The doubtful rows of an import handed back: the input's own format and columns, and why.

`endorse import --doubtful FILE` brings in the clear rows and writes the others here, as
the file had them (its headers in its order, its values as read, a csv file's delimiter,
a workbook's typed cells), with one more column, `columns.DOUBTFUL_COLUMN`, saying why
each is doubtful: ready to correct and import again, which leaves that column out.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

from endorse.imports.cells import WorkbookValue, spreadsheet_safe, workbook_text_out
from endorse.imports.columns import DOUBTFUL_COLUMN, header_key
from endorse.imports.rows import CellError, Row, Table

Doubtful = Sequence[tuple[Row, str]]


def doubtful_file(table: Table, why: Mapping[int, str]) -> str | bytes:
    """The rows of `table` whose position `why` holds (`imports.planning.doubtful_rows`), in the
    table's format, with the reason in DOUBTFUL_COLUMN (replacing that column's old value
    in a file handed back before)."""
    rows = [(table.rows[position], reason) for position, reason in sorted(why.items())]
    if table.file_format == "json":
        return _json(rows)
    headers = _columns(table.headers, rows)
    if table.file_format == "xlsx":
        return _workbook(headers, rows)
    return _csv(headers, rows, table.delimiter)


def _columns(headers: Sequence[str], rows: Doubtful) -> list[str]:
    """The file's headers as written, blank ones included, as many as the widest row has
    cells (a cell under no header is handed back where it was), without a reason column
    of a file handed back before."""
    width = max([len(headers), *(len(row.cells) for row, _ in rows)])
    padded = [*headers, *[""] * (width - len(headers))]
    return ["" if header_key(h) == header_key(DOUBTFUL_COLUMN) else h for h in padded]


def _own_values(row: Row, headers: Sequence[str]) -> list[Any]:
    """The row's cells under `headers`: as read when it had a stray cell, else by header."""
    if row.cells:
        return [*row.cells, *[None] * (len(headers) - len(row.cells))]
    return [row.values.get(header) if header else None for header in headers]


def _csv(headers: Sequence[str], rows: Doubtful, delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow([spreadsheet_safe(h) for h in [*headers, DOUBTFUL_COLUMN]])
    for row, why in rows:
        cells = ["" if v is None else str(v) for v in _own_values(row, headers)]
        writer.writerow([spreadsheet_safe(c) for c in [*cells, why]])
    return buffer.getvalue()


def _json(rows: Doubtful) -> str:
    """The records as read, each with its reason; a record that is no object is handed back
    inside its reason (its value shown), a number JSON cannot write (1e400 read as
    infinity) as text, so that the file is JSON that imports again."""
    records = []
    for row, why in rows:
        record = {
            key: _json_safe(value)
            for key, value in row.values.items()
            if key and header_key(key) != header_key(DOUBTFUL_COLUMN)
        }
        if "" in row.values and not record:
            why = f"{why} (the record was {json.dumps(_json_safe(row.values['']))})"
        records.append({**record, DOUBTFUL_COLUMN: why})
    return json.dumps(records, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _json_safe(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, list):
        return [_json_safe(item) for item in value]
    if isinstance(value, dict):
        return {key: _json_safe(item) for key, item in value.items()}
    return value


def _workbook(headers: Sequence[str], rows: Doubtful) -> bytes:
    from endorse.render.workbook import workbook_bytes

    cells = [[_workbook_value(v) for v in [*_own_values(row, headers), why]] for row, why in rows]
    return workbook_bytes([*headers, DOUBTFUL_COLUMN], cells, title="Doubtful rows")


def _workbook_value(value: Any) -> WorkbookValue:
    if isinstance(value, CellError):
        return value.code
    if isinstance(value, str):
        return workbook_text_out(value)
    return value  # type: ignore[no-any-return]

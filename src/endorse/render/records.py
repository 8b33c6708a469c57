"""Lists of signatories as json, csv, markdown and ids: one record per signatory.

The json keys and csv columns are every key of format 1 in canonical order
(absent optional keys are null / empty), then any unknown keys the registry
holds, so that an export can be imported back unchanged.

A csv cell of an unknown key holds a TOML value (`12`, `true`, `2018-01-15`,
`[1, 2]`, `{ a = 1 }`) or plain text; text that would read back as something
else (`"12"`, `""`) is written as a quoted TOML string. `read_extra_cell`
reads such a cell back, so each value keeps its type through a spreadsheet.
Every cell, header included, is defused against formulas (`spreadsheet_safe`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from datetime import date, time
from typing import Any

from endorse.imports.cells import extra_csv_cell, spreadsheet_safe
from endorse.registry.model import SIGNATORY_KEYS, Signatory
from endorse.render.safe import markdown_safe


def record_keys(signatories: Sequence[Signatory]) -> list[str]:
    extra = sorted({key for s in signatories for key in s.extra})
    return [*SIGNATORY_KEYS, *extra]


def signatory_record(signatory: Signatory, keys: Sequence[str]) -> dict[str, Any]:
    """Every key of a signatory as a JSON-ready value (dates as ISO strings, absent as None)."""
    if signatory.extra:
        return {key: json_value(_value(signatory, key)) for key in keys}
    fields = vars(signatory)
    record = {key: fields[key] for key in SIGNATORY_KEYS}
    if signatory.endorsed_on is not None:
        record["endorsed_on"] = signatory.endorsed_on.isoformat()
    return record


def _value(signatory: Signatory, key: str) -> Any:
    if key in SIGNATORY_KEYS:
        return getattr(signatory, key)
    return signatory.extra.get(key)


def json_value(value: Any) -> Any:
    """A TOML value as JSON can hold it: dates and times as ISO text, and the floats JSON
    has no word for (inf, nan) as text, so that the output stays valid JSON."""
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {k: json_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_value(v) for v in value]
    return value


def to_json(signatories: Sequence[Signatory]) -> str:
    """A JSON array, one record a line: diffable, greppable, and written by json's C encoder
    (an `indent` would switch it to the pure-Python one, several times slower)."""
    keys = record_keys(signatories)
    encode = json.JSONEncoder(ensure_ascii=False).encode
    lines = ",\n".join(encode(signatory_record(s, keys)) for s in signatories)
    return f"[\n{lines}\n]\n" if lines else "[]\n"


def csv_cell(value: Any) -> str:
    """A value as a csv cell: booleans true/false, dates ISO, absent empty, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return spreadsheet_safe(json.dumps(json_value(value), ensure_ascii=False))


def to_csv(signatories: Sequence[Signatory], delimiter: str = ",") -> str:
    """One row a signatory under a header row, cells separated by `delimiter` (a tab for
    tsv); a row with a carriage return in a cell is quoted throughout, as the csv module
    quotes only the line terminator it writes (\\n)."""
    keys = record_keys(signatories)
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    quoting_writer = csv.writer(
        buffer, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL
    )

    def write(row: list[str]) -> None:
        (quoting_writer if any("\r" in cell for cell in row) else writer).writerow(row)

    write([spreadsheet_safe(key) for key in keys])
    for signatory in signatories:
        known = [csv_cell(_csv_source(signatory, key)) for key in SIGNATORY_KEYS]
        extra = [extra_csv_cell(signatory.extra.get(key)) for key in keys[len(SIGNATORY_KEYS) :]]
        write(known + extra)
    return buffer.getvalue()


def _csv_source(signatory: Signatory, key: str) -> Any:
    value = _value(signatory, key)
    return value.isoformat() if isinstance(value, date) else value


MARKDOWN_COLUMNS = ("id", "name", "kind", "country", "member", "status", "endorsed_on")


def to_markdown(signatories: Sequence[Signatory]) -> str:
    header = "| " + " | ".join(MARKDOWN_COLUMNS) + " |"
    rule = "|" + "|".join("---" for _ in MARKDOWN_COLUMNS) + "|"
    rows = [
        "| " + " | ".join(markdown_safe(display_value(s, c)) for c in MARKDOWN_COLUMNS) + " |"
        for s in signatories
    ]
    return "\n".join([header, rule, *rows]) + "\n"


def to_ids(signatories: Sequence[Signatory]) -> str:
    return "".join(f"{s.id}\n" for s in signatories)


def display_value(signatory: Signatory, key: str) -> str:
    """A value as a person reads it: yes/no, ISO dates, empty for absent."""
    value = _value(signatory, key)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    return json.dumps(json_value(value), ensure_ascii=False)

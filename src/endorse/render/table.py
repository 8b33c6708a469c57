"""The `list` table and the `show` card: rich on a terminal, plain aligned text otherwise."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from endorse.model import SIGNATORY_KEYS, Signatory
from endorse.render.records import display_value
from endorse.render.safe import terminal_safe

if TYPE_CHECKING:
    from rich.table import Table

TABLE_COLUMNS: Final = (
    ("id", "ID"),
    ("name", "NAME"),
    ("kind", "KIND"),
    ("country", "COUNTRY"),
    ("member", "MEMBER"),
    ("status", "STATUS"),
    ("endorsed_on", "ENDORSED"),
)


def table_rows(signatories: Sequence[Signatory]) -> list[list[str]]:
    return [[terminal_safe(display_value(s, key)) for key, _ in TABLE_COLUMNS] for s in signatories]


def plain_table(signatories: Sequence[Signatory]) -> str:
    """Columns aligned with spaces (East Asian wide characters counted as two)."""
    headers = [title for _, title in TABLE_COLUMNS]
    rows = [headers, *table_rows(signatories)]
    from rich.cells import cell_len

    widths = [max(cell_len(row[i]) for row in rows) for i in range(len(headers))]
    lines = [
        "  ".join(
            cell + " " * (width - cell_len(cell)) for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        for row in rows
    ]
    return "\n".join(lines) + "\n"


def rich_table(signatories: Sequence[Signatory]) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(header_style="bold", show_edge=False)
    for _, title in TABLE_COLUMNS:
        table.add_column(title, overflow="fold")
    for row in table_rows(signatories):
        table.add_row(*(Text(cell) for cell in row))
    return table


def show_lines(signatory: Signatory) -> list[tuple[str, str]]:
    """Every key of one signatory with its value; absent optional keys shown as "-"."""
    keys = [*SIGNATORY_KEYS, *sorted(signatory.extra)]
    return [(key, terminal_safe(display_value(signatory, key)) or "-") for key in keys]


def plain_card(signatory: Signatory) -> str:
    lines = show_lines(signatory)
    width = max(len(key) for key, _ in lines)
    return "".join(f"{key.ljust(width)}  {value}\n" for key, value in lines)


def rich_card(signatory: Signatory) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for key, value in show_lines(signatory):
        table.add_row(key, Text(value))
    return table

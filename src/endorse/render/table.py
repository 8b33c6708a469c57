"""The `list` table and the `show` card: rich on a terminal, plain aligned text otherwise."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from endorse.registry.model import SIGNATORY_KEYS, Signatory
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
    return [table_row(s) for s in signatories]


def table_row(signatory: Signatory) -> list[str]:
    """The table's cells for one signatory, safe to print."""
    endorsed = signatory.endorsed_on
    cells = [
        signatory.id,
        signatory.name,
        signatory.kind,
        signatory.country,
        "yes" if signatory.member else "no",
        signatory.status,
        "" if endorsed is None else endorsed.isoformat(),
    ]
    if "".join(cells).isprintable():
        return cells
    return [terminal_safe(cell) for cell in cells]


def plain_table(signatories: Sequence[Signatory]) -> str:
    """Columns aligned with spaces (East Asian wide characters counted as two)."""
    headers = [title for _, title in TABLE_COLUMNS]
    columns = zip(*[headers, *table_rows(signatories)], strict=True)
    padded = [_padded(column) for column in columns]
    lines = map("  ".join, zip(*padded, strict=True))
    return "\n".join([line.rstrip() for line in lines]) + "\n"


def _padded(column: Sequence[str]) -> list[str]:
    """The cells of a column padded to one width; an all-ASCII column is measured by len."""
    if "".join(column).isascii():
        width = max(map(len, column))
        return [cell.ljust(width) for cell in column]
    widths = list(map(cell_width, column))
    most = max(widths)
    return [cell + " " * (most - width) for cell, width in zip(column, widths, strict=True)]


def cell_width(cell: str) -> int:
    """Columns a cell takes on a terminal (rich's measure, skipped for plain ASCII and for
    Latin letters below U+0300, none of which is wide or combining)."""
    if cell.isascii() or max(cell) < "\u0300":
        return len(cell)
    from rich.cells import cell_len

    return cell_len(cell)


def rich_table_fits(signatories: Sequence[Signatory], width: int) -> bool:
    """Whether a terminal `width` columns wide can draw `rich_table` with every short
    column whole and ids and names given at least _SHOWN_AT_LEAST columns. Narrower, rich
    shrinks every column to a letter or two; the plain table is printed instead, whose
    lines the terminal wraps without losing a letter."""
    rows = table_rows(signatories)
    widths = [
        max([cell_width(title), *(cell_width(row[position]) for row in rows)])
        for position, (_, title) in enumerate(TABLE_COLUMNS)
    ]
    shown = [
        min(w, _SHOWN_AT_LEAST) if key in ("id", "name") else w
        for (key, _), w in zip(TABLE_COLUMNS, widths, strict=True)
    ]
    return width >= sum(shown) + 3 * len(shown) - 1


_SHOWN_AT_LEAST: Final = 12


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
    return [
        (terminal_safe(key), terminal_safe(display_value(signatory, key)) or "-") for key in keys
    ]


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

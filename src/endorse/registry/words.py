"""English words that agree with a number, for messages: one rule for every plural.

The report's words go through its catalogs (`render.i18n`, gettext's ngettext); the
messages of the command line and the library are English, and their plurals are made
here, never by hand where they are written ("1 signatories" was).
"""

from __future__ import annotations


def plural(count: int, one: str, many: str) -> str:
    """`one` for a count of 1, else `many` (English takes the plural for 0)."""
    return one if count == 1 else many


def counted(count: int, one: str, many: str | None = None) -> str:
    """The count and its noun: "1 row", "3 rows", "2 signatories" (`many` when the plural
    is not `one` and an s)."""
    return f"{count} {plural(count, one, many or f'{one}s')}"

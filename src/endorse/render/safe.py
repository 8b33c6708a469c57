"""Escaping registry text for each place it is printed."""

from __future__ import annotations

import re
from typing import Final

from endorse.registry.values import printable, unsafe_character

_MARKDOWN_SPECIAL: Final = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def terminal_safe(text: str, *, keep_newlines: bool = False) -> str:
    r"""Text that prints literally: control characters shown as escapes ("\n", "\x1b"),
    as every message shows a refused value (`endorse.registry.values.printable`)."""
    if text.isprintable():
        return text
    if keep_newlines:
        return "\n".join(map(printable, text.split("\n")))
    return printable(text)


def markdown_safe(text: str) -> str:
    """Text for a markdown table cell: shows literally, cannot close the cell, open HTML
    or spell an entity ("&lt;" in a name stays "&lt;", not "<")."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", terminal_safe(text)).replace("&", "&amp;")
    return escaped.replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def html_safe(text: str) -> str:
    """Text for HTML content or a quoted attribute: shows literally. Text that holds a
    character the registry refuses (a control character, a bidirectional override) shows
    its control characters as escapes; the format characters a name may hold are kept, as
    a browser draws them (the joiner of "کرمان‌شاه" or of an emoji flag)."""
    import html

    kept = text if unsafe_character(text, newlines=True) is None else terminal_safe(text)
    return html.escape(kept, quote=True)

"""Escaping registry text for each place it is printed."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_MARKDOWN_SPECIAL: Final = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def _is_unsafe(char: str) -> bool:
    """Control and format characters: escape sequences, bidi overrides, and the like."""
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")


def terminal_safe(text: str, *, keep_newlines: bool = False) -> str:
    r"""Text that prints literally: control characters shown as \x1b-style escapes."""
    if text.isprintable():
        return text
    if keep_newlines:
        return "\n".join(map(_safe_line, text.split("\n")))
    return _safe_line(text)


def _safe_line(text: str) -> str:
    """One line made safe; a printable line (most are) is returned as it is, quickly."""
    if text.isprintable():
        return text
    return "".join(_visible_escape(char) if _is_unsafe(char) else char for char in text)


def _visible_escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def markdown_safe(text: str) -> str:
    """Text for a markdown table cell: shows literally, cannot close the cell, open HTML
    or spell an entity ("&lt;" in a name stays "&lt;", not "<")."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", terminal_safe(text)).replace("&", "&amp;")
    return escaped.replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def html_safe(text: str) -> str:
    """Text for HTML content or a quoted attribute: shows literally, control characters visible."""
    import html

    return html.escape(terminal_safe(text), quote=True)

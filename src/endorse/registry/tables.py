"""Where a table starts in a registry's text: the one scanner every command uses.

TOML keeps the order of an array of tables, so the n-th `[[signatory]]`
header is the n-th signatory. Strings and comments are skipped, so a header
written inside a multi-line string does not count. `store` uses it to say
where a format problem is, `validate` to give each finding its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_TABLE_HEADERS: Final = re.compile(
    r"""(?P<header>^[ \t]*\[\[[ \t]*(?:signatory|"signatory"|'signatory')[ \t]*\]\])
      | (?P<paper>^[ \t]*\[[ \t]*(?:paper|"paper"|'paper')[ \t]*\])
      | \"\"\"(?:\\.|[^\\])*?\"\"\"
      | '''.*?'''
      | "(?:\\.|[^"\\\n])*"
      | '[^'\n]*'
      | \#[^\n]*
    """,
    re.MULTILINE | re.DOTALL | re.VERBOSE,
)


@dataclass(frozen=True)
class TableLines:
    """Where tables start in the text: [paper], and each [[signatory]] in order.

    TOML keeps the order of an array of tables, so the n-th `[[signatory]]`
    header is the n-th signatory. Strings and comments are skipped, so a
    header written inside a multi-line string does not count.
    """

    paper: int | None
    signatories: tuple[int, ...]

    def of_signatory(self, index: int | None) -> int | None:
        if index is None or index >= len(self.signatories):
            return None
        return self.signatories[index]


_LINE_HEADERS: Final = re.compile(
    r"""^[ \t]*(?:(?P<header>\[\[[ \t]*(?:signatory|"signatory"|'signatory')[ \t]*\]\])
      | (?P<paper>\[[ \t]*(?:paper|"paper"|'paper')[ \t]*\]))""",
    re.MULTILINE | re.VERBOSE,
)


def table_lines(text: str) -> TableLines:
    """The lines where [paper] and each [[signatory]] start.

    Without multi-line strings no string can hold a line that looks like a
    header, so only line starts are scanned; otherwise every string and
    comment is matched and skipped (several times slower on a large file).
    """
    headers = _LINE_HEADERS if '"""' not in text and "'''" not in text else _TABLE_HEADERS
    paper: int | None = None
    signatories: list[int] = []
    line, counted_to = 1, 0
    for match in headers.finditer(text):
        kind = match.lastgroup
        if kind is None:
            continue
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        if kind == "header":
            signatories.append(line)
        elif paper is None:
            paper = line
    return TableLines(paper, tuple(signatories))

"""Write `_HOMES` in src/endorse/__init__.py from its TYPE_CHECKING block: the one list.

    python scripts/public_names.py

A public name of `import endorse` is written once, as an import in the
TYPE_CHECKING block of `endorse/__init__.py`, where type checkers read it and
check that it exists. `_HOMES`, the table that loads each name on first use,
says the same thing for the running program; this script rewrites it from
the block, and tests/test_public_names.py fails until it has been run.
"""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "src" / "endorse" / "__init__.py"
TABLE = "_HOMES"


def homes(source: str) -> dict[str, str]:
    """Each name the TYPE_CHECKING block of `source` imports, with the module it comes from."""
    block = next(
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING"
    )
    return {
        alias.asname or alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.module is not None
        for alias in node.names
    }


def rewritten(source: str) -> str:
    """`source` with its `_HOMES = {...}` replaced by the table its TYPE_CHECKING block says."""
    table = next(
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.Assign)
        and any(getattr(target, "id", None) == TABLE for target in node.targets)
    )
    assert table.end_lineno is not None
    entries = "".join(f'    "{name}": "{home}",\n' for name, home in homes(source).items())
    lines = source.splitlines(keepends=True)
    before, after = lines[: table.lineno - 1], lines[table.end_lineno :]
    return "".join([*before, f"{TABLE} = {{\n{entries}}}\n", *after])


def main() -> None:
    source = SOURCE.read_text(encoding="utf-8")
    SOURCE.write_text(rewritten(source), encoding="utf-8", newline="")


if __name__ == "__main__":
    main()

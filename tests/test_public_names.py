"""The public names of `import endorse`: listed alike in its three places, and documented."""

from __future__ import annotations

import ast

import endorse
from conftest import ROOT

SOURCE = ROOT / "src" / "endorse" / "__init__.py"


def _type_checking_names() -> set[str]:
    """The names `endorse/__init__.py` imports for type checkers (its TYPE_CHECKING block)."""
    tree = ast.parse(SOURCE.read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING"
    )
    return {
        alias.asname or alias.name
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def test_every_public_name_is_listed_alike_for_type_checkers_loading_and_all() -> None:
    lazily_loaded = set(endorse._HOMES)  # noqa: SLF001 - the table this test holds together
    assert _type_checking_names() == lazily_loaded
    assert set(endorse.__all__) == lazily_loaded | {"__version__"}


def test_every_public_name_loads_from_its_home() -> None:
    for name in endorse.__all__:
        assert getattr(endorse, name) is not None, name


def test_every_public_name_is_documented_in_the_api_page() -> None:
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    missing = [name for name in endorse.__all__ if f"endorse.{name}" not in page]
    assert missing == []

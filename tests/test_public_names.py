"""The public names of `import endorse`: listed once, each loading from its home, documented."""

from __future__ import annotations

import sys

import endorse
from conftest import ROOT, script_module

SOURCE = ROOT / "src" / "endorse" / "__init__.py"
SCRIPT = ROOT / "scripts" / "public_names.py"


def _homes_in_the_type_checking_block() -> dict[str, str]:
    homes: dict[str, str] = script_module(SCRIPT).homes(SOURCE.read_text(encoding="utf-8"))
    return homes


def test_the_loading_table_is_the_one_the_type_checking_block_says() -> None:
    assert endorse._HOMES == _homes_in_the_type_checking_block(), (  # noqa: SLF001
        "run python scripts/public_names.py"
    )


def test_all_is_every_public_name_and_the_version() -> None:
    assert endorse.__all__ == ["__version__", *_homes_in_the_type_checking_block()]


def test_every_public_name_loads_from_its_home() -> None:
    for name, home in endorse._HOMES.items():  # noqa: SLF001
        assert getattr(endorse, name) is getattr(sys.modules[home], name), name


def test_star_import_gives_every_public_name() -> None:
    namespace: dict[str, object] = {}
    exec("from endorse import *", namespace)
    assert set(namespace) - {"__builtins__"} == set(endorse.__all__)


def test_every_public_name_is_documented_in_the_api_page() -> None:
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    missing = [name for name in endorse.__all__ if f"endorse.{name}" not in page]
    assert missing == []

"""Text from the registry is data: markup and escape sequences print literally."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

from hypothesis import given

from conftest import InvokeResult
from endorse.imports.cells import spreadsheet_restore, spreadsheet_safe
from endorse.registry.model import Paper, Registry, Signatory
from endorse.registry.store import dumps
from endorse.render.safe import markdown_safe, terminal_safe
from strategies import names

Invoke = Callable[..., InvokeResult]


def _registry_with(tmp_path: Path, name: str) -> Path:
    signatory = Signatory(
        id="x", name=name, kind="city", country="FR", member=True, status="confirmed"
    )
    registry = Registry(Paper("T", "N", 1), (signatory,))
    path = tmp_path / "registry.toml"
    path.write_text(dumps(registry), encoding="utf-8")
    return path


def test_markup_in_a_name_prints_literally_in_the_table(invoke: Invoke, tmp_path: Path) -> None:
    path = _registry_with(tmp_path, "[bold]x[/bold]")
    assert "[bold]x[/bold]" in invoke("--registry", path, "list").stdout


def test_an_escape_sequence_in_a_name_is_shown_not_sent(invoke: Invoke, tmp_path: Path) -> None:
    path = _registry_with(tmp_path, "\x1b[31mred\x1b[0m")
    for command in (["list"], ["show", "x"]):
        output = invoke("--registry", path, *command).stdout
        assert "\x1b" not in output
        assert "\\x1b[31mred\\x1b[0m" in output
    assert "\x1b" not in invoke("--registry", path, "list", "--format", "markdown").stdout


def test_markup_in_a_name_prints_literally_in_show(invoke: Invoke, tmp_path: Path) -> None:
    path = _registry_with(tmp_path, "[red]x[/red]")
    assert "name         [red]x[/red]" in invoke("--registry", path, "show", "x").stdout


def test_a_formula_cannot_start_a_csv_cell(invoke: Invoke, tmp_path: Path) -> None:
    path = _registry_with(tmp_path, '=HYPERLINK("http://example.invalid","x")')
    row = invoke("--registry", path, "list", "--format", "csv").stdout.splitlines()[1]
    assert row.startswith("x,\"'=HYPERLINK(")


def test_html_in_a_name_is_escaped_in_markdown() -> None:
    assert markdown_safe("<script>alert(1)</script>") == "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"


@given(names)
def test_terminal_safe_text_holds_no_control_characters(name: str) -> None:
    unsafe = {"Cc", "Cf", "Zl", "Zp"}
    assert not any(unicodedata.category(char) in unsafe for char in terminal_safe(name))


@given(names)
def test_spreadsheet_escaping_round_trips(name: str) -> None:
    assert spreadsheet_restore(spreadsheet_safe(name)) == name


@given(names)
def test_spreadsheet_safe_cells_never_start_a_formula(name: str) -> None:
    assert spreadsheet_safe(name)[:1] not in ("=", "+", "-", "@", "\t", "\r")


@given(names)
def test_plain_table_widths_agree_with_rich_for_printed_text(name: str) -> None:
    from rich.cells import cell_len

    from endorse.render.table import cell_width

    cell = terminal_safe(name)
    assert cell_width(cell) == cell_len(cell)


def test_an_entity_in_a_name_is_not_decoded_in_markdown() -> None:
    assert markdown_safe("&LT;") == "&amp;LT;"

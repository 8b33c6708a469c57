"""Text is data: markup, escape sequences and formulas are shown or stored literally."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import endorse
from conftest import InvokeResult
from endorse.imports.cells import spreadsheet_restore, spreadsheet_safe
from endorse.registry.store import dumps
from endorse.render.safe import markdown_safe, terminal_safe
from registries import empty_registry, registry, signatory
from registries import one_signatory_file as _registry
from strategies import NAMES, names

Invoke = Callable[..., InvokeResult]


def test_an_unknown_key_name_with_an_escape_sequence_is_shown_escaped(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = _registry(tmp_path, '"\\u001b[31mk" = "v"\n')
    output = invoke("--registry", path, "show", "a").stdout
    assert "\x1b" not in output
    assert "\\x1b[31mk" in output


# C0 and C1 controls (ESC and CSI start every terminal escape sequence) and bidi overrides.
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("hostile")


@pytest.mark.slow
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(NAMES)
def test_add_with_any_name_exits_cleanly_and_prints_no_control_code(
    invoke: Invoke, scratch: Path, name: str
) -> None:
    path = empty_registry(scratch)
    result = invoke("--registry", path, "add", "--country", "US", "--", name)
    assert not CONTROL.search(result.stdout.replace("\n", ""))
    assert not CONTROL.search(result.stderr.replace("\n", ""))
    if result.exit_code == 0:
        (stored,) = endorse.load(path).signatories
        written = unicodedata.normalize("NFC", name).strip()
        assert written in (stored.name, stored.as_written), "what was written is kept"
    else:
        assert result.exit_code == 2
        assert result.stderr.startswith("error: ")


HAND_WRITTEN = """format = 1

[paper]
title = "T"
network = "N"
members_declared = 1

[[signatory]]
id = "evil"
name = "[bold red]Evil\\u001b[2J\\u009b31m\\u202eCity"
kind = "city"
country = "US"
member = false
status = "confirmed"
note = "\\u001b]8;;http://example.com\\u0007click\\u001b]8;;\\u0007"
odd = "\\u001b[5m"
"""


@pytest.mark.parametrize(
    "command",
    [
        ["withdraw", "evil", "--note", "[link]done[/link]"],
        ["edit", "evil", "--kind", "region"],
        ["remove", "evil", "--yes"],
        ["add", "--country", "US", "--", "Bold Red Evil 2J31m Cty"],
    ],
    ids=["withdraw", "edit", "remove", "add-near-it"],
)
def test_escape_codes_already_in_the_file_never_reach_the_terminal(
    invoke: Invoke, tmp_path: Path, command: list[str]
) -> None:
    path = tmp_path / "registry.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    result = invoke("--registry", path, *command)
    assert not CONTROL.search(result.stdout.replace("\n", ""))
    assert not CONTROL.search(result.stderr.replace("\n", ""))
    assert "[bold red]Evil" in result.stdout + result.stderr


def test_markup_in_a_new_name_is_stored_and_printed_literally(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = empty_registry(tmp_path)
    result = invoke("--registry", path, "add", "--country", "US", "--", "[bold]Bold[/bold] City")
    assert result.exit_code == 0
    assert "name         [bold]Bold[/bold]\n" in result.stdout
    assert "as_written   [bold]Bold[/bold] City" in result.stdout
    assert endorse.load(path).signatories[0].as_written == "[bold]Bold[/bold] City"


def _registry_with(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "registry.toml"
    path.write_text(dumps(registry(signatory(name, "FR", id="x", member=True))), encoding="utf-8")
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


def test_a_refused_value_cannot_forge_a_line_of_the_message(
    invoke: Invoke, registry_copy: Path
) -> None:
    result = invoke("--registry", registry_copy, "add", "Lyon\nerror: forged", "--country", "FR")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "\\n" in result.stderr

"""`endorse list --format xlsx`: the csv export's columns in a workbook, with typed cells."""

from __future__ import annotations

import io
import math
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from conftest import BUNDLED, InvokeResult
from endorse import Signatory
from endorse.imports.cells import (
    extra_workbook_cell,
    read_extra_cell,
    workbook_text_in,
    workbook_text_problem,
)
from endorse.render.workbook import WorkbookTextError, to_xlsx
from strategies import extra_values, names

Invoke = Callable[..., InvokeResult]

HEAD = 'format = 1\n\n[paper]\ntitle = "T"\nnetwork = "N"\nmembers_declared = 1\n\n'


def _signatory(sid: str, name: str, extra: str = "") -> str:
    return (
        f'[[signatory]]\nid = "{sid}"\nname = "{name}"\nkind = "city"\ncountry = "FR"\n'
        f'member = true\nstatus = "confirmed"\nendorsed_on = 2018-01-15\n{extra}\n'
    )


def _registry(tmp_path: Path, *signatories: str) -> Path:
    path = tmp_path / "registry.toml"
    path.write_text(HEAD + "".join(signatories or [_signatory("a", "Lyon")]), encoding="utf-8")
    return path


def _sheet(invoke: Invoke, registry: Path, tmp_path: Path, *options: str) -> Worksheet:
    target = tmp_path / "list.xlsx"
    result = invoke("--registry", registry, "list", "-f", "xlsx", "-o", target, *options)
    assert result.exit_code == 0, result.stderr
    sheet = load_workbook(target)["Signatories"]
    assert isinstance(sheet, Worksheet)
    return sheet


def _column(sheet: Worksheet, key: str) -> int:
    return next(cell.column for cell in sheet[1] if cell.value == key)


def _cell(sheet: Worksheet, key: str, row: int = 2) -> Any:
    return sheet.cell(row=row, column=_column(sheet, key))


def test_the_header_row_is_bold_and_frozen(invoke: Invoke, tmp_path: Path) -> None:
    sheet = _sheet(invoke, BUNDLED, tmp_path)
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert not any(cell.font.b for cell in sheet[2])


def test_the_columns_are_the_csv_columns(invoke: Invoke, tmp_path: Path) -> None:
    registry = _registry(tmp_path, _signatory("a", "Lyon", "zeta = 1\nalpha = 2"))
    sheet = _sheet(invoke, registry, tmp_path)
    csv_header = invoke("--registry", registry, "list", "-f", "csv").stdout.splitlines()[0]
    assert [cell.value for cell in sheet[1]] == csv_header.split(",")


def test_the_autofilter_covers_the_header_and_every_row(invoke: Invoke, tmp_path: Path) -> None:
    sheet = _sheet(invoke, BUNDLED, tmp_path)
    assert sheet.auto_filter.ref == f"A1:K{sheet.max_row}"
    assert sheet.max_row == 59


def test_column_widths_follow_the_content_within_bounds(invoke: Invoke, tmp_path: Path) -> None:
    long_note = 'note = "' + "x" * 500 + '"'
    registry = _registry(tmp_path, _signatory("a", "Lyon", long_note))
    sheet = _sheet(invoke, registry, tmp_path)
    widths = {cell.value: sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]}
    assert widths["note"] == 60
    assert widths["id"] == 8
    assert widths["endorsed_on"] >= len("endorsed_on")
    assert all(8 <= width <= 60 for width in widths.values())


def test_endorsed_on_is_a_date_cell_shown_as_an_iso_date(invoke: Invoke, tmp_path: Path) -> None:
    cell = _cell(_sheet(invoke, _registry(tmp_path), tmp_path), "endorsed_on")
    assert cell.is_date
    assert cell.value == datetime(2018, 1, 15)
    assert cell.number_format == "yyyy-mm-dd"


def test_member_is_a_boolean_cell(invoke: Invoke, tmp_path: Path) -> None:
    cell = _cell(_sheet(invoke, _registry(tmp_path), tmp_path), "member")
    assert cell.data_type == "b"
    assert cell.value is True


@pytest.mark.parametrize(
    "name", ['=HYPERLINK(\\"http://x\\",\\"y\\")', "=1+1", "+1", "-2", "@SUM(A1)"]
)
def test_formula_looking_names_are_stored_as_text(
    invoke: Invoke, tmp_path: Path, name: str
) -> None:
    cell = _cell(_sheet(invoke, _registry(tmp_path, _signatory("a", name)), tmp_path), "name")
    assert cell.data_type == "s"
    assert cell.value == name.replace("\\", "")


def test_no_cell_is_a_formula_in_the_sheets_xml(invoke: Invoke, tmp_path: Path) -> None:
    registry = _registry(tmp_path, _signatory("a", "=1+1", 'x = "=2+2"'))
    target = tmp_path / "list.xlsx"
    invoke("--registry", registry, "list", "-f", "xlsx", "-o", target)
    xml = zipfile.ZipFile(target).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    assert "=1+1" in xml and "=2+2" in xml


def test_text_keeps_no_leading_quote(invoke: Invoke, tmp_path: Path) -> None:
    registry = _registry(tmp_path, _signatory("a", "'=quoted", 'x = "-1 is text"'))
    sheet = _sheet(invoke, registry, tmp_path)
    assert _cell(sheet, "name").value == "'=quoted"
    assert _cell(sheet, "x").value == "-1 is text"


UNKNOWN_KEYS = """count = 12
ratio = 0.5
flag = false
since = 2018-01-15
label = "=cmd"
quoted = "12"
tags = ["a", "b"]
at = 2018-01-15T10:00:00
big = inf
huge = 12345678901234567
whole = 3.0"""


def test_unknown_keys_are_cells_of_their_type(invoke: Invoke, tmp_path: Path) -> None:
    sheet = _sheet(invoke, _registry(tmp_path, _signatory("a", "Lyon", UNKNOWN_KEYS)), tmp_path)
    cells = {key: _cell(sheet, key) for key in ("count", "ratio", "flag", "since")}
    assert (cells["count"].data_type, cells["count"].value) == ("n", 12)
    assert (cells["ratio"].data_type, cells["ratio"].value) == ("n", 0.5)
    assert (cells["flag"].data_type, cells["flag"].value) == ("b", False)
    assert cells["since"].is_date and cells["since"].value == datetime(2018, 1, 15)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("label", "=cmd"),
        ("quoted", "12"),
        ("tags", ["a", "b"]),
        ("at", datetime(2018, 1, 15, 10)),
        ("huge", 12345678901234567),
        ("whole", 3.0),
    ],
)
def test_other_unknown_values_are_text_that_reads_back_as_in_csv(
    invoke: Invoke, tmp_path: Path, key: str, value: Any
) -> None:
    sheet = _sheet(invoke, _registry(tmp_path, _signatory("a", "Lyon", UNKNOWN_KEYS)), tmp_path)
    cell = _cell(sheet, key)
    assert cell.data_type == "s"
    read = read_extra_cell(cell.value)
    assert read == value and type(read) is type(value)


def test_an_infinite_unknown_value_is_text_that_reads_back_as_infinity(
    invoke: Invoke, tmp_path: Path
) -> None:
    sheet = _sheet(invoke, _registry(tmp_path, _signatory("a", "Lyon", UNKNOWN_KEYS)), tmp_path)
    cell = _cell(sheet, "big")
    assert cell.data_type == "s"
    assert math.isinf(read_extra_cell(cell.value))


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(name=names, value=extra_values)
@example(name="_x0000_", value="_x0041_")  # Excel's escapes, written escaped, read as written
def test_any_name_and_unknown_value_read_back_from_the_workbook_or_are_refused(
    name: str, value: Any
) -> None:
    signatory = Signatory(
        id="a",
        name=name,
        kind="city",
        country="FR",
        member=True,
        status="confirmed",
        extra={"x": value},
    )
    written = extra_workbook_cell(value)
    texts = [name, written] if isinstance(written, str) else [name]
    if any(workbook_text_problem(text) for text in texts):
        with pytest.raises(WorkbookTextError):
            to_xlsx([signatory])
        return
    sheet = load_workbook(io.BytesIO(to_xlsx([signatory])))["Signatories"]
    assert isinstance(sheet, Worksheet)
    assert workbook_text_in(_cell(sheet, "name").value) == name
    cell = _cell(sheet, "x")
    if cell.data_type == "s":
        read = read_extra_cell(workbook_text_in(cell.value))
    else:
        read = cell.value.date() if cell.is_date else cell.value
    assert read == value and type(read) is type(value)


def test_a_signatory_without_an_unknown_key_has_an_empty_cell(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = _registry(tmp_path, _signatory("a", "Lyon", "count = 1"), _signatory("b", "Nice"))
    sheet = _sheet(invoke, registry, tmp_path)
    assert _cell(sheet, "count", row=3).value is None


def test_an_empty_selection_writes_the_header_alone(invoke: Invoke, tmp_path: Path) -> None:
    sheet = _sheet(invoke, BUNDLED, tmp_path, "--search", "nowhere at all")
    assert sheet.max_row == 1
    assert [cell.value for cell in sheet[1]][:2] == ["id", "name"]


def test_the_summary_says_how_many_were_written(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "list.xlsx"
    result = invoke("--registry", _registry(tmp_path), "list", "-f", "xlsx", "-o", target)
    assert result.stderr == f"wrote 1 signatory (xlsx) to {target}\n"
    assert result.stdout == ""


def test_two_exports_of_one_registry_are_the_same_bytes(invoke: Invoke, tmp_path: Path) -> None:
    first, second = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    invoke("--registry", BUNDLED, "list", "-f", "xlsx", "-o", first)
    invoke("--registry", BUNDLED, "list", "-f", "xlsx", "-o", second)
    assert first.read_bytes() == second.read_bytes()


def test_xlsx_to_a_terminal_is_refused(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, registry_copy: Path
) -> None:
    from endorse import output

    monkeypatch.setattr(output, "stdout_is_terminal", lambda: True)
    result = invoke("--registry", registry_copy, "list", "--format", "xlsx")
    assert result.exit_code == 2
    assert "xlsx is a binary workbook, and stdout is a terminal" in " ".join(
        result.stderr.replace("\u2502", " ").split()
    )
    assert result.stdout == ""


def test_xlsx_to_a_terminal_named_by_output_is_refused() -> None:
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "endorse",
                "--registry",
                str(BUNDLED),
                "list",
                "-f",
                "xlsx",
                "-o",
                os.ttyname(follower),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        os.close(leader)
        os.close(follower)
    assert done.returncode == 2
    assert "is a terminal" in done.stderr


def test_xlsx_redirected_from_stdout_is_the_workbook(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    with target.open("wb") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "endorse", "--registry", BUNDLED, "list", "--format", "xlsx"],
            stdout=stdout,
            stderr=subprocess.PIPE,
            env={**os.environ, "NO_COLOR": "1"},
            timeout=60,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    assert load_workbook(target)["Signatories"].max_row == 59


def test_xlsx_into_a_named_pipe_writes_the_workbook_in_place(
    invoke: Invoke, tmp_path: Path
) -> None:
    fifo = tmp_path / "list.pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result = invoke("--registry", BUNDLED, "list", "--format", "xlsx", "--output", fifo)
    received, _ = reader.communicate(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert load_workbook(io.BytesIO(received))["Signatories"].max_row == 59


def test_xlsx_output_replaces_a_file_whole_and_leaves_no_temporary(
    invoke: Invoke, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "list.xlsx"
    target.parent.mkdir()
    target.write_text("an older list\n", encoding="utf-8")
    before = target.stat().st_ino
    result = invoke("--registry", BUNDLED, "list", "--format", "xlsx", "--output", target)
    assert result.exit_code == 0, result.stderr
    assert target.stat().st_ino != before
    assert [p.name for p in target.parent.iterdir()] == ["list.xlsx"]
    assert zipfile.is_zipfile(target)


def test_xlsx_output_never_replaces_the_registry(invoke: Invoke, registry_copy: Path) -> None:
    before = registry_copy.read_bytes()
    result = invoke(
        "--registry", registry_copy, "list", "--format", "xlsx", "--output", registry_copy
    )
    assert result.exit_code == 1
    assert "is the registry itself" in result.stderr
    assert registry_copy.read_bytes() == before


@pytest.mark.parametrize(
    ("extra", "part"),
    [('weird = "a\\u0001b"', '"weird"'), ('"k\\u0002" = 1', 'key name "k\\x02"')],
)
def test_a_control_character_a_workbook_cannot_hold_is_an_error_not_a_traceback(
    invoke: Invoke, tmp_path: Path, extra: str, part: str
) -> None:
    registry = _registry(tmp_path, _signatory("a", "Lyon", extra))
    before = registry.read_bytes()
    target = tmp_path / "list.xlsx"
    result = invoke("--registry", registry, "list", "--format", "xlsx", "--output", target)
    assert result.exit_code == 1
    assert f'the {part} of signatory "a" holds the control character' in result.stderr
    assert "a workbook cannot hold it; csv and json can" in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()
    assert registry.read_bytes() == before


def test_a_carriage_return_is_refused_as_it_would_read_back_as_a_line_feed(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = _registry(tmp_path, _signatory("a", "Lyon", 'x = "one\\r\\ntwo"'))
    result = invoke("--registry", registry, "list", "-f", "xlsx", "-o", tmp_path / "l.xlsx")
    assert result.exit_code == 1
    assert "U+000D" in result.stderr


def test_a_date_before_1900_is_iso_text(invoke: Invoke, tmp_path: Path) -> None:
    registry = _registry(tmp_path, _signatory("a", "Lyon", "founded = 1850-06-01"))
    cell = _cell(_sheet(invoke, registry, tmp_path), "founded")
    assert cell.data_type == "s"
    assert read_extra_cell(cell.value) == date(1850, 6, 1)


def test_a_plain_list_does_not_import_openpyxl() -> None:
    code = (
        "import sys\n"
        "from endorse.cli import app\n"
        "try:\n"
        "    app(['--registry', sys.argv[1], 'list', '--format', 'csv'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('openpyxl' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(BUNDLED)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=60,
    )
    assert done.stderr.strip() == "False"

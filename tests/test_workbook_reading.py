"""Reading a workbook's sheet as its XML says it, not as openpyxl's rows give it: rows in any
order, merged cells, Excel's escapes in shared strings, rows beyond a sheet's last.

The workbooks are written by hand, as a program other than Excel may write them; each
cell's text is an inline string unless the test gives shared strings.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
from hypothesis import example, given
from hypothesis import strategies as st

import endorse
from conftest import InvokeResult
from endorse.imports.cells import workbook_text_in, workbook_text_out
from registries import empty_registry

Invoke = Callable[..., InvokeResult]
Cells = Sequence[tuple[str, str]]  # (reference, text)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package'
    '.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}.worksheet+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_TYPE}.sharedStrings+xml"/>'
    "</Types>"
)
_PARTS = {
    "_rels/.rels": f'<Relationships xmlns="{_PACKAGE}"><Relationship Id="rId1" '
    f'Type="{_RELATIONS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONS}"><sheets>'
    '<sheet name="Members" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_PACKAGE}"><Relationship '
    f'Id="rId1" Type="{_RELATIONS}/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>",
}
HEADER: Cells = (("A1", "name"), ("B1", "country"))


def sheet_file(
    path: Path,
    rows: Sequence[tuple[int, Cells]],
    *,
    shared: Sequence[str] = (),
    merged: Sequence[str] = (),
) -> Path:
    """A workbook whose one sheet has `rows` (its number, its cells) in the order given;
    a cell's text "#n" is the shared string n, "TRUE" a boolean."""
    xml_rows = "".join(
        f'<row r="{n}">{"".join(_cell(*c) for c in cells)}</row>' for n, cells in rows
    )
    merges = "".join(f'<mergeCell ref="{ref}"/>' for ref in merged)
    sheet = (
        f'<worksheet xmlns="{_MAIN}"><sheetData>{xml_rows}</sheetData>'
        + (f"<mergeCells>{merges}</mergeCells>" if merged else "")
        + "</worksheet>"
    )
    strings = "".join(f"<si><t>{escape(s)}</t></si>" for s in shared)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/sharedStrings.xml", f'<sst xmlns="{_MAIN}">{strings}</sst>')
    return path


def _cell(reference: str, text: str) -> str:
    if text.startswith("#"):
        return f'<c r="{reference}" t="s"><v>{text[1:]}</v></c>'
    if text == "TRUE":
        return f'<c r="{reference}" t="b"><v>1</v></c>'
    return f'<c r="{reference}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def town(row: int, name: str, country: str = "FR") -> tuple[int, Cells]:
    return row, ((f"A{row}", name), (f"B{row}", country))


def names(registry: Path) -> list[str]:
    return [s.name for s in endorse.load(registry).signatories]


def test_rows_written_out_of_order_are_all_read_in_row_order(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    rows = [(1, HEADER), town(5, "Lyon"), town(3, "Nice"), town(4, "Metz")]
    file = sheet_file(tmp_path / "roster.xlsx", rows)
    result = invoke("--registry", registry, "import", file, "--dry-run")
    assert result.exit_code == 0
    assert [line.split(":")[0][-5:] for line in result.stdout.splitlines()] == [
        "row 3",
        "row 4",
        "row 5",
    ]


def test_a_row_number_written_twice_is_refused_naming_the_cell(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    before = registry.read_bytes()
    rows = [(1, HEADER), town(2, "Lyon"), town(2, "Nice"), town(3, "Metz")]
    result = invoke("--registry", registry, "import", sheet_file(tmp_path / "r.xlsx", rows))
    assert result.exit_code == 1
    assert 'sheet "Members", row 2: the workbook\'s XML gives the cell A2 twice' in result.stderr
    assert registry.read_bytes() == before


def test_a_row_beyond_a_sheets_last_is_refused_naming_it(invoke: Invoke, tmp_path: Path) -> None:
    registry = empty_registry(tmp_path)
    rows = [(1, HEADER), town(2, "Lyon"), town(99999999999, "Nice")]
    result = invoke("--registry", registry, "import", sheet_file(tmp_path / "r.xlsx", rows))
    assert result.exit_code == 1
    assert "row 99999999999: a sheet's rows are numbered 1 to 1,048,576" in result.stderr


def test_a_cell_beyond_a_sheets_last_column_is_refused_naming_it(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    rows = [(1, HEADER), (2, (("A2", "Lyon"), ("B2", "FR"), ("XFE2", "x")))]
    result = invoke("--registry", registry, "import", sheet_file(tmp_path / "r.xlsx", rows))
    assert result.exit_code == 1
    assert "the cell XFE2 is beyond a sheet's last column, XFD" in result.stderr


def test_a_value_merged_down_a_column_is_read_in_every_row_it_covers(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    file = tmp_path / "roster.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["name", "country", "member"],
        ["Lyon", "FR", True],
        ["Nice", "FR"],
        ["Metz", "FR"],
    ):
        sheet.append(row)
    sheet.merge_cells("C2:C4")
    book.save(file)
    assert invoke("--registry", registry, "import", file).exit_code == 0
    assert [s.member for s in endorse.load(registry).signatories] == [True, True, True]


def test_a_value_merged_across_columns_of_the_table_is_refused_naming_the_cells(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    header = (*HEADER, ("C1", "note"), ("D1", "source"))
    rows = [(1, header), (2, (("A2", "Lyon"), ("B2", "FR"), ("C2", "see the minutes")))]
    file = sheet_file(tmp_path / "r.xlsx", rows, merged=["C2:D2"])
    result = invoke("--registry", registry, "import", file)
    assert result.exit_code == 1
    assert "row 2: the cells C2:D2 are merged across columns" in result.stderr


def test_a_title_merged_across_the_table_above_its_header_is_left_out(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    rows = [
        (1, (("A1", "Endorsements"),)),
        (2, (("A2", "name"), ("B2", "country"))),
        town(3, "Lyon"),
    ]
    file = sheet_file(tmp_path / "r.xlsx", rows, merged=["A1:B1"])
    assert invoke("--registry", registry, "import", file, "--header-row", "2").exit_code == 0
    assert names(registry) == ["Lyon"]


def test_an_escaped_escape_in_a_shared_string_is_read_as_the_text_excel_shows(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    rows = [(1, (*HEADER, ("C1", "note"))), (2, (("A2", "Lyon"), ("B2", "FR"), ("C2", "#0")))]
    file = sheet_file(tmp_path / "r.xlsx", rows, shared=["Ref _x005F_x0041_ kept"])
    assert invoke("--registry", registry, "import", file).exit_code == 0
    [lyon] = endorse.load(registry).signatories
    assert lyon.note == "Ref _x0041_ kept"


@given(st.text(alphabet="_x005FA1b\r", max_size=30))
@example("_x0041_x0042_")  # the second look-alike starts with the first's last underscore
@example("_x005F_x0041_")
def test_any_text_written_for_a_workbook_reads_back_as_itself(text: str) -> None:
    assert workbook_text_in(workbook_text_out(text)) == text

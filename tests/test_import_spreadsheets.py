"""Importing files as people keep them: workbooks, a form's own headers, values for every
row, dates written day first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import endorse
from conftest import InvokeResult
from endorse import Signatory

Invoke = Callable[..., InvokeResult]

FORM_EXPORT = (
    "Timestamp,Email Address,City or local government,Country,Date of endorsement\n"
    "15/01/2018 10:02:11,mayor@example.org,Grenoble,France,15/01/2018\n"
    "03/02/2018 16:40:00,office@example.org,Sevilla,España,03/02/2018\n"
    "04/02/2018 09:00:00,maire@example.org,Bouaké,Côte d’Ivoire,04/02/2018\n"
    "05/02/2018 09:00:00,mairie@example.org,Yamoussoukro,cote d'ivoire,05/02/2018\n"
    "06/02/2018 09:00:00,rathaus@example.org,Leipzig,Allemagne,06/02/2018\n"
)
FORM_OPTIONS = (
    "--column",
    "name=City or local government",
    "--column",
    "endorsed_on=Date of endorsement",
    "--ignore-column",
    "Timestamp",
    "--ignore-column",
    "email address",
    "--date-format",
    "%d/%m/%Y",
)


ImportRun = Callable[..., InvokeResult]


@pytest.fixture
def import_csv(invoke: Invoke, registry_copy: Path, tmp_path: Path) -> ImportRun:
    """Import csv text, written to a file, into the copy of the bundled registry."""

    def run(text: str, *options: str) -> InvokeResult:
        file = tmp_path / "roster.csv"
        file.write_text(text, encoding="utf-8")
        return invoke("--registry", registry_copy, "import", file, *options)

    return run


def workbook(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def added(registry: Path, *ids: str) -> list[Signatory]:
    by_id = {s.id: s for s in endorse.load(registry).signatories}
    return [by_id[i] for i in ids]


def test_a_workbook_imports_typed_cells_from_the_sheet_named(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = workbook(
        tmp_path / "roster.xlsx",
        {
            "Notes": [["nothing to import here"]],
            "Members": [
                ["name", "country", "member", "endorsed_on", "note"],
                ["Grenoble", "FR", True, datetime(2018, 1, 15), 2018],
                ["Sevilla", "ES", False, date(2018, 2, 3), None],
            ],
        },
    )
    result = invoke("--registry", registry_copy, "import", file, "--sheet", "Members")
    assert result.exit_code == 0, result.stderr
    grenoble, sevilla = added(registry_copy, "grenoble", "sevilla")
    assert (grenoble.member, grenoble.endorsed_on, grenoble.note) == (
        True,
        date(2018, 1, 15),
        "2018",
    )
    assert (sevilla.member, sevilla.endorsed_on) == (False, date(2018, 2, 3))


def test_a_workbook_is_read_from_its_first_sheet_by_default(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = workbook(
        tmp_path / "roster.xlsx",
        {"First": [["Name", "Country"], ["Grenoble", "FR"]], "Second": [["x"], ["y"]]},
    )
    assert invoke("--registry", registry_copy, "import", file).exit_code == 0
    assert added(registry_copy, "grenoble")[0].country == "FR"


def test_a_sheet_that_is_not_there_is_refused_listing_the_sheets(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = workbook(tmp_path / "roster.xlsx", {"Members": [["name", "country"]]})
    result = invoke("--registry", registry_copy, "import", file, "--sheet", "Roster")
    assert result.exit_code == 1
    assert 'no sheet "Roster" in the workbook; its sheets are: "Members"' in result.stderr


def test_a_workbook_error_names_the_sheet_and_the_cell(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    before = registry_copy.read_bytes()
    file = workbook(
        tmp_path / "roster.xlsx",
        {
            "Members": [
                [],
                ["City", "country", "member"],
                ["Grenoble", "FR", "perhaps"],
                ["Nowhere", "Atlantis", True],
            ]
        },
    )
    result = invoke("--registry", registry_copy, "import", file, "--column", "name=city")
    assert result.exit_code == 1
    assert f'{file}, sheet "Members", cell C3 ("member"): member "perhaps"' in result.stderr
    assert f'{file}, sheet "Members", cell B4 ("country"): country "Atlantis"' in result.stderr
    assert registry_copy.read_bytes() == before


def test_a_csv_renamed_to_xlsx_is_refused_without_a_traceback(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    before = registry_copy.read_bytes()
    file = tmp_path / "roster.xlsx"
    file.write_text("name,country\nGrenoble,FR\n", encoding="utf-8")
    result = invoke("--registry", registry_copy, "import", file)
    assert result.exit_code == 1
    assert f"{file}: not an Excel workbook (.xlsx) that can be read" in result.stderr
    assert "Traceback" not in result.stderr
    assert registry_copy.read_bytes() == before


def test_an_opendocument_spreadsheet_is_refused_saying_how_to_save_it(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = tmp_path / "roster.ods"
    file.write_bytes(b"PK\x03\x04")
    result = invoke("--registry", registry_copy, "import", file)
    assert result.exit_code == 1
    assert "save it as an Excel workbook (.xlsx) or as CSV UTF-8" in result.stderr


def test_a_form_export_is_refused_listing_every_column_it_does_not_know(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    form = tmp_path / "form.csv"
    form.write_text(FORM_EXPORT, encoding="utf-8")
    result = invoke("--registry", registry_copy, "import", form)
    assert result.exit_code == 1
    assert (
        'these 4 columns are neither a field of the registry nor mapped to one: "Timestamp", '
        '"Email Address", "City or local government", "Date of endorsement"'
    ) in result.stderr
    assert "--ignore-column Timestamp --ignore-column 'Email Address'" in result.stderr


def test_a_form_export_imports_with_its_columns_mapped_and_its_dates_read(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    form = tmp_path / "form.csv"
    form.write_text(FORM_EXPORT, encoding="utf-8")
    result = invoke("--registry", registry_copy, "import", form, *FORM_OPTIONS)
    assert result.exit_code == 0, result.stderr
    grenoble, sevilla, *others = added(
        registry_copy, "grenoble", "sevilla", "bouake", "yamoussoukro", "leipzig"
    )
    assert (grenoble.country, grenoble.endorsed_on) == ("FR", date(2018, 1, 15))
    assert (sevilla.country, sevilla.endorsed_on) == ("ES", date(2018, 2, 3))
    assert [s.country for s in others] == ["CI", "CI", "DE"]
    assert "mayor@example.org" not in registry_copy.read_text(encoding="utf-8")


def test_a_date_written_day_first_is_never_guessed(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    form = tmp_path / "form.csv"
    form.write_text("name,country,Date\nGrenoble,FR,03/04/2018\n", encoding="utf-8")
    result = invoke("--registry", registry_copy, "import", form, "--column", "endorsed_on=Date")
    assert result.exit_code == 1
    assert (
        f'{form}:2, column "Date": endorsed_on "03/04/2018" is not a date written YYYY-MM-DD'
    ) in result.stderr
    assert "--date-format, like --date-format %d/%m/%Y" in result.stderr


def test_a_date_format_reads_every_date_of_the_file(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    form = tmp_path / "form.csv"
    form.write_text(
        "name,country,endorsed_on\nGrenoble,FR,03/04/2018\nSevilla,ES,2018-02-03\n",
        encoding="utf-8",
    )
    result = invoke("--registry", registry_copy, "import", form, "--date-format", "%d/%m/%Y")
    assert result.exit_code == 0, result.stderr
    grenoble, sevilla = added(registry_copy, "grenoble", "sevilla")
    assert (grenoble.endorsed_on, sevilla.endorsed_on) == (date(2018, 4, 3), date(2018, 2, 3))


def test_a_date_that_does_not_match_the_format_names_the_format(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    form = tmp_path / "form.csv"
    form.write_text("name,country,endorsed_on\nGrenoble,FR,2018/31/01\n", encoding="utf-8")
    result = invoke("--registry", registry_copy, "import", form, "--date-format", "%d/%m/%Y")
    assert result.exit_code == 1
    assert 'endorsed_on "2018/31/01" is not a date written "%d/%m/%Y"' in result.stderr


def test_a_date_format_without_a_year_is_a_usage_error(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    form = tmp_path / "form.csv"
    form.write_text("name,country\nGrenoble,FR\n", encoding="utf-8")
    result = invoke("--registry", registry_copy, "import", form, "--date-format", "%d/%m")
    assert result.exit_code == 2
    assert 'the date format "%d/%m" does not read a day, a month and a year' in result.stderr


def test_headers_match_fields_ignoring_case_accents_and_spaces(
    import_csv: ImportRun, registry_copy: Path
) -> None:
    result = import_csv(" NAME ,Country,Ás written\nGrenoble,FR,Ville de Grenoble\n")
    assert result.exit_code == 0, result.stderr
    assert added(registry_copy, "grenoble")[0].as_written == "Ville de Grenoble"


def test_a_mapped_header_that_is_not_in_the_file_is_refused_listing_the_columns(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = tmp_path / "roster.csv"
    file.write_text("City,country\nGrenoble,FR\n", encoding="utf-8")
    result = invoke("--registry", registry_copy, "import", file, "--column", "name=Town")
    assert result.exit_code == 1
    assert 'no column "Town" in the file to be mapped to name; its columns are: "City"' in (
        result.stderr
    )


def test_two_columns_for_one_field_are_refused(import_csv: ImportRun) -> None:
    result = import_csv("name,City,country\nGrenoble,Grenoble,FR\n", "--column", "name=City")
    assert result.exit_code == 1
    assert 'two columns hold name: "name" and "City"' in result.stderr


def test_a_column_can_be_kept_as_a_key_of_its_own(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = tmp_path / "roster.csv"
    file.write_text("name,country,Contact person\nGrenoble,FR,Mme X\n", encoding="utf-8")
    mapping = ("--column", "contact=Contact person")
    assert invoke("--registry", registry_copy, "import", file, *mapping).exit_code == 0
    assert added(registry_copy, "grenoble")[0].extra == {"contact": "Mme X"}


def test_values_for_every_row_are_checked_and_given(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = tmp_path / "roster.csv"
    file.write_text("name,country\nGrenoble,FR\nSevilla,ES\n", encoding="utf-8")
    constants = ("--set", "member=true", "--set", "status=pending")
    constants += ("--set", "source=Roster of members, December 2017")
    assert invoke("--registry", registry_copy, "import", file, *constants).exit_code == 0
    for signatory in added(registry_copy, "grenoble", "sevilla"):
        assert (signatory.member, signatory.status) == (True, "pending")
        assert signatory.source == "Roster of members, December 2017"


def test_a_wrong_value_for_every_row_is_one_usage_error(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    before = registry_copy.read_bytes()
    file = tmp_path / "roster.csv"
    file.write_text("name,country\nGrenoble,FR\nSevilla,ES\n", encoding="utf-8")
    result = invoke("--registry", registry_copy, "import", file, "--set", "member=perhaps")
    assert result.exit_code == 2
    assert 'member "perhaps" is not true or false; write one of' in (result.stderr)
    assert registry_copy.read_bytes() == before


def test_a_value_for_every_row_cannot_override_a_column(import_csv: ImportRun) -> None:
    result = import_csv("name,country,Member\nGrenoble,FR,no\n", "--set", "member=true")
    assert result.exit_code == 1
    assert 'member is both in the column "Member" and given for every row' in result.stderr


def test_the_country_can_be_given_for_every_row(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = tmp_path / "roster.csv"
    file.write_text("name\nGrenoble\nBesançon\n", encoding="utf-8")
    assert invoke("--registry", registry_copy, "import", file, "--set", "country=FR").exit_code == 0
    assert [s.country for s in added(registry_copy, "grenoble", "besancon")] == ["FR", "FR"]


def test_a_malformed_option_pair_is_a_usage_error(import_csv: ImportRun) -> None:
    result = import_csv("name,country\nGrenoble,FR\n", "--column", "City")
    assert result.exit_code == 2
    assert "'City' is not FIELD=HEADER" in result.stderr


def test_a_workbook_is_summed_up_in_its_rows(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = workbook(
        tmp_path / "roster.xlsx",
        {"Members": [["name", "country"], ["Grenoble", "FR"], ["Berlin", "DE"]]},
    )
    result = invoke(
        "--registry", registry_copy, "import", file, "--on-duplicate", "skip", "--dry-run"
    )
    assert result.exit_code == 0, result.stderr
    assert f'{file}, sheet "Members", row 2: add "grenoble"' in result.stdout
    assert "would skip 1 row already in the registry (row 3)" in result.stderr


def test_a_workbook_of_any_name_is_read_with_format_xlsx(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = workbook(tmp_path / "roster.xlsx", {"Members": [["name", "country"], ["Lyon", "FR"]]})
    download = file.rename(tmp_path / "download")
    result = invoke("--registry", registry_copy, "import", download, "--format", "xlsx")
    assert result.exit_code == 0, result.stderr


def test_an_error_cell_is_refused_naming_the_cell(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Members"
    sheet.append(["name", "country", "note"])
    sheet.append(["Grenoble", "FR", None])
    sheet["C2"].value = "#DIV/0!"
    sheet["C2"].data_type = "e"
    book.save(tmp_path / "roster.xlsx")
    result = invoke("--registry", registry_copy, "import", tmp_path / "roster.xlsx")
    assert result.exit_code == 1
    assert 'cell C2 ("note"): note is the spreadsheet error "#DIV/0!"' in result.stderr


def test_a_date_a_workbook_cannot_hold_is_an_error_and_no_warning(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["name", "country", "endorsed_on"])
    sheet.append(["Grenoble", "FR", 10**12])
    sheet["C2"].number_format = "yyyy-mm-dd"
    book.save(tmp_path / "roster.xlsx")
    result = invoke("--registry", registry_copy, "import", tmp_path / "roster.xlsx")
    assert result.exit_code == 1
    assert "cell C2" in result.stderr and "spreadsheet error" in result.stderr
    assert "Warning" not in result.stderr


def test_a_hidden_first_sheet_is_passed_over_and_the_sheet_read_is_named(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    hidden = book.active
    assert hidden is not None
    hidden.title = "Old"
    hidden.append(["name", "country"])
    hidden.append(["Atlantis", "FR"])
    hidden.sheet_state = "hidden"
    visible = book.create_sheet("Current")
    visible.append(["name", "country"])
    visible.append(["Grenoble", "FR"])
    book.save(tmp_path / "roster.xlsx")
    result = invoke("--registry", registry_copy, "import", tmp_path / "roster.xlsx")
    assert result.exit_code == 0, result.stderr
    assert 'roster.xlsx (sheet "Current") into' in result.stderr
    assert "atlantis" not in {s.id for s in endorse.load(registry_copy).signatories}


def test_an_empty_sheet_is_refused_naming_the_other_sheets(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = workbook(tmp_path / "roster.xlsx", {"Sheet": [], "Data": [["name", "country"]]})
    result = invoke("--registry", registry_copy, "import", file)
    assert result.exit_code == 1
    assert 'sheet "Sheet" is empty' in result.stderr
    assert 'other sheets are "Data"' in result.stderr
    assert "not an Excel workbook" not in result.stderr


def test_an_old_or_locked_workbook_is_refused_saying_how_to_save_it(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = tmp_path / "roster.xlsx"
    file.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    result = invoke("--registry", registry_copy, "import", file)
    assert result.exit_code == 1
    assert "an old Excel workbook (.xls) or one locked with a password" in result.stderr


def test_a_workbook_read_as_csv_is_refused_as_a_workbook(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = workbook(tmp_path / "roster.xlsx", {"Members": [["name", "country"]]})
    result = invoke("--registry", registry_copy, "import", file, "--format", "csv")
    assert result.exit_code == 1
    assert "this is a zip file, such as an Excel workbook, not text" in result.stderr


def test_excel_escapes_in_text_are_read_as_the_characters_they_stand_for(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = workbook(
        tmp_path / "roster.xlsx",
        {"Members": [["name", "country", "note"], ["Grenoble", "FR", "one_x001B_two"]]},
    )
    result = invoke("--registry", registry_copy, "import", file)
    assert result.exit_code == 1
    assert "control character U+001B" in result.stderr


def test_an_escaped_carriage_return_before_a_line_feed_is_one_line_break(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = workbook(
        tmp_path / "roster.xlsx",
        {"Members": [["name", "country", "note"], ["Grenoble", "FR", "one_x000D_\ntwo"]]},
    )
    assert invoke("--registry", registry_copy, "import", file).exit_code == 0
    [grenoble] = added(registry_copy, "grenoble")
    assert grenoble.note == "one\ntwo"


def test_a_name_holding_an_escape_look_alike_round_trips_through_a_workbook(
    invoke: Invoke, tmp_path: Path
) -> None:
    source, target = tmp_path / "source.toml", tmp_path / "target.toml"
    for registry in (source, target):
        invoke("init", registry, "--title", "T", "--network", "N", "--members-declared", "1")
    invoke("--registry", source, "add", "Lyon_x0041_", "--country", "FR")
    exported = tmp_path / "list.xlsx"
    assert invoke("--registry", source, "list", "-f", "xlsx", "-o", exported).exit_code == 0
    assert invoke("--registry", target, "import", exported).exit_code == 0
    assert [s.name for s in endorse.load(target).signatories] == ["Lyon_x0041_"]


def test_a_column_both_mapped_and_left_out_is_refused(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = tmp_path / "roster.csv"
    file.write_text("City,country\nGrenoble,FR\n", encoding="utf-8")
    options = ("--column", "name=City", "--ignore-column", "city")
    result = invoke("--registry", registry_copy, "import", file, *options)
    assert result.exit_code == 2
    assert 'the column "City" is both mapped to name and left out' in result.stderr


def test_a_field_given_for_every_row_may_be_written_in_any_case(
    import_csv: ImportRun, registry_copy: Path
) -> None:
    result = import_csv("name,country\nGrenoble,FR\n", "--set", "Member=true")
    assert result.exit_code == 0, result.stderr
    assert added(registry_copy, "grenoble")[0].member is True


def test_a_header_written_twice_must_be_renamed_in_the_file(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = tmp_path / "roster.csv"
    file.write_text("name,country,note,note\nGrenoble,FR,a,b\n", encoding="utf-8")
    result = invoke("--registry", registry_copy, "import", file)
    assert result.exit_code == 1
    assert result.stderr == (
        'error: the header row names the column "note" twice, and the two cannot be told '
        "apart; rename one in the file.\n"
    )


def test_a_row_repeated_in_a_workbook_is_named_by_its_row(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = workbook(
        tmp_path / "roster.xlsx",
        {"Members": [["name", "country"], ["Grenoble", "FR"], ["Grenoble", "FR"]]},
    )
    result = invoke("--registry", registry_copy, "import", file)
    assert result.exit_code == 1
    assert "is already in this file, at row 2" in result.stderr


def test_a_header_with_a_line_break_is_quoted_as_a_shell_can_take_it(import_csv: ImportRun) -> None:
    result = import_csv('name,country,"Date\nof endorsement"\nGrenoble,FR,x\n')
    assert result.exit_code == 1
    assert "--ignore-column $'Date\\nof endorsement'" in result.stderr


def test_a_number_in_a_workbook_date_column_asks_for_a_date_cell(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = workbook(
        tmp_path / "roster.xlsx",
        {"Members": [["name", "country", "endorsed_on"], ["Grenoble", "FR", 43115]]},
    )
    result = invoke("--registry", registry_copy, "import", file)
    assert result.exit_code == 1
    assert "endorsed_on is the number 43115, not a date; format the cell as a date" in (
        result.stderr
    )


def test_a_sheet_of_a_csv_file_is_a_usage_error(import_csv: ImportRun) -> None:
    result = import_csv("name,country\nGrenoble,FR\n", "--sheet", "Members")
    assert result.exit_code == 2
    assert "which has no sheets" in result.stderr


def test_a_date_format_with_a_directive_twice_is_a_usage_error(import_csv: ImportRun) -> None:
    result = import_csv("name,country\nGrenoble,FR\n", "--date-format", "%Y%Y")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_a_date_format_is_applied_before_iso_is_tried(
    import_csv: ImportRun, registry_copy: Path
) -> None:
    result = import_csv(
        "name,country,endorsed_on\nGrenoble,FR,2018-01-02\n", "--date-format", "%Y-%d-%m"
    )
    assert result.exit_code == 0, result.stderr
    assert added(registry_copy, "grenoble")[0].endorsed_on == date(2018, 2, 1)


def test_a_date_and_time_gives_its_day_from_a_cell_or_a_format(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = workbook(
        tmp_path / "roster.xlsx",
        {
            "Members": [
                ["name", "country", "endorsed_on"],
                ["Grenoble", "FR", datetime(2018, 1, 15, 10, 2)],
            ]
        },
    )
    assert invoke("--registry", registry_copy, "import", file).exit_code == 0
    form = tmp_path / "form.csv"
    form.write_text("name,country,endorsed_on\nSevilla,ES,15/01/2018 10:02\n", encoding="utf-8")
    dated = ("--date-format", "%d/%m/%Y %H:%M")
    assert invoke("--registry", registry_copy, "import", form, *dated).exit_code == 0
    days = [s.endorsed_on for s in added(registry_copy, "grenoble", "sevilla")]
    assert days == [date(2018, 1, 15), date(2018, 1, 15)]


def test_a_key_written_as_a_header_would_be_names_the_field(
    import_csv: ImportRun, registry_copy: Path
) -> None:
    result = import_csv(
        "name,country,Date\nGrenoble,FR,2018-01-15\n", "--column", "Endorsed on=Date"
    )
    assert result.exit_code == 0, result.stderr
    grenoble = added(registry_copy, "grenoble")[0]
    assert (grenoble.endorsed_on, grenoble.extra) == (date(2018, 1, 15), {})


def test_a_field_given_twice_for_every_row_is_refused(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = tmp_path / "roster.csv"
    file.write_text("name,country\nGrenoble,FR\n", encoding="utf-8")
    twice = ("--set", "member=true", "--set", "Member=false")
    result = invoke("--registry", registry_copy, "import", file, *twice)
    assert result.exit_code == 2
    assert "member is given twice" in result.stderr


def test_an_error_cell_in_the_header_row_is_refused(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["name", "country", None])
    sheet["C1"].value = "#N/A"
    sheet["C1"].data_type = "e"
    book.save(tmp_path / "roster.xlsx")
    result = invoke("--registry", registry_copy, "import", tmp_path / "roster.xlsx")
    assert result.exit_code == 1
    assert 'row 1: the header cell C1 holds the spreadsheet error "#N/A"' in result.stderr


# A title above the table


TITLED = [
    ["Signatories of the paper, 2018"],
    [],
    ["name", "country", "member"],
    ["Lyon", "FR", True],
]


def test_a_title_above_the_header_is_refused_with_the_header_row_option_to_give(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    book = workbook(tmp_path / "titled.xlsx", {"Signatories": TITLED})
    result = invoke("--registry", registry_copy, "import", book)
    assert result.exit_code == 1
    assert "If it is a title above the table, give --header-row N" in result.stderr


def test_header_row_reads_the_header_there_and_leaves_the_rows_above_out(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    book = workbook(tmp_path / "titled.xlsx", {"Signatories": TITLED})
    result = invoke("--registry", registry_copy, "import", book, "--header-row", "3")
    assert result.exit_code == 0, result.stderr
    [lyon] = added(registry_copy, "lyon")
    assert (lyon.name, lyon.member) == ("Lyon", True)


def test_a_header_row_that_is_empty_is_refused_naming_the_row(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    book = workbook(tmp_path / "titled.xlsx", {"Signatories": TITLED})
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "import", book, "--header-row", "2")
    assert result.exit_code == 1
    assert 'titled.xlsx, sheet "Signatories", row 2 holds no header' in result.stderr
    assert registry_copy.read_bytes() == before


def test_header_row_in_a_csv_file_is_the_line_of_the_header(import_csv: ImportRun) -> None:
    titled = "Signatories 2018,,\n,,\nname,country,member\nLyon,FR,true\nTurin,IT,false\n"
    result = import_csv(titled, "--header-row", "3", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert 'roster.csv:4: add "lyon"' in result.stdout
    assert 'roster.csv:5: add "turin"' in result.stdout


def test_a_csv_header_row_past_the_end_is_refused_naming_the_line(import_csv: ImportRun) -> None:
    result = import_csv("name,country\nLyon,FR\n", "--header-row", "9")
    assert result.exit_code == 1
    assert "roster.csv:9: no header line here" in result.stderr


def test_header_row_is_refused_for_json(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = tmp_path / "rows.json"
    file.write_text('[{"name": "Lyon", "country": "FR"}]', encoding="utf-8")
    result = invoke("--registry", registry_copy, "import", file, "--header-row", "1")
    assert result.exit_code == 2


def test_the_hint_for_a_column_of_its_own_keeps_the_header_as_the_key(
    import_csv: ImportRun, registry_copy: Path
) -> None:
    refused = import_csv("name,country,Email\nLyon,FR,a@b.org\n")
    assert "--column Email=Email" in refused.stderr
    assert (
        import_csv("name,country,Email\nLyon,FR,a@b.org\n", "--column", "Email=Email").exit_code
        == 0
    )
    [lyon] = added(registry_copy, "lyon")
    assert lyon.extra == {"Email": "a@b.org"}


def test_a_number_too_long_for_a_spreadsheet_to_hold_exactly_is_refused(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    rows = [
        ["name", "country", "note"],
        ["Metz", "FR", 1234567890123450.0],
        ["Nancy", "FR", 2018],
    ]
    book = workbook(tmp_path / "numbers.xlsx", {"Rows": rows})
    result = invoke("--registry", registry_copy, "import", book)
    assert result.exit_code == 1
    assert 'cell C2 ("note"): note is the number 1234567890123450, too long' in result.stderr


def test_header_row_counts_lines_ended_by_carriage_returns(import_csv: ImportRun) -> None:
    result = import_csv("Title\rname;country\rTestburg;DE\r", "--header-row", "2", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert 'roster.csv:3: add "testburg"' in result.stdout

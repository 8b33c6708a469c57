"""The import rules, called directly: reading rows, checking values, planning against a registry."""

from __future__ import annotations

import csv
import io
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

from endorse.imports.cells import extra_csv_cell, read_extra_cell, spreadsheet_restore
from endorse.imports.columns import ColumnChoices, ColumnsError, header_key, map_columns
from endorse.imports.planning import (
    Candidate,
    ImportPlan,
    Reading,
    candidates_from_table,
    plan_import,
)
from endorse.imports.reading import decode, detect_delimiter, format_of, read_table, text_table
from endorse.imports.rows import FileFormat, ImportFileError, Source
from endorse.registry.model import SIGNATORY_KEYS, Paper, Registry, Signatory
from endorse.render.records import to_csv, to_json
from endorse.render.workbook import WorkbookTextError, to_xlsx
from strategies import extra_values, importable_registries, registries

FILE = Path("signatories.csv")
EMPTY = Registry(Paper("T", "N", 1))
BERLIN = Signatory(
    id="berlin", name="Berlin", kind="city", country="DE", member=True, status="confirmed"
)
WITH_BERLIN = Registry(Paper("T", "N", 1), (BERLIN,))


def plan(
    text: str,
    registry: Registry = EMPTY,
    file_format: FileFormat = "csv",
    **options: Any,
) -> ImportPlan:
    table = text_table(text, FILE, file_format)
    candidates, problems = candidates_from_table(table, _keeping_unknown_columns(table.headers))
    return plan_import(registry, candidates, problems=problems, **options)


def _keeping_unknown_columns(headers: tuple[str, ...]) -> Reading:
    """Every column that is not a field kept as a key of its own, as an export's are."""
    kept = {h: h for h in headers if h and h.lower() not in SIGNATORY_KEYS}
    return Reading(ColumnChoices(mapped=kept))


def messages(result: ImportPlan) -> list[str]:
    return [problem.located(Source(FILE)) for problem in result.problems]


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(importable_registries())
def test_a_registry_exported_as_csv_imports_into_an_empty_one_unchanged(
    registry: Registry,
) -> None:
    result = plan(to_csv(registry.signatories))
    assert result.problems == ()
    assert result.registry.signatories == registry.signatories


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(importable_registries())
def test_a_registry_exported_as_json_imports_into_an_empty_one_unchanged(
    registry: Registry,
) -> None:
    result = plan(to_json(registry.signatories), file_format="json")
    assert result.problems == ()
    assert result.registry.signatories == registry.signatories


@given(extra_values)
def test_an_unknown_key_keeps_its_value_and_type_through_a_csv_cell(value: Any) -> None:
    assert read_extra_cell(spreadsheet_restore(extra_csv_cell(value))) == value


@pytest.mark.slow
@given(registries())
def test_no_csv_cell_of_an_export_starts_a_formula(registry: Registry) -> None:
    for row in csv.reader(io.StringIO(to_csv(registry.signatories), newline="")):
        assert all(cell[:1] not in ("=", "+", "-", "@", "\t", "\r") for cell in row)


def test_a_hyperlink_formula_is_neutralised_in_the_export_and_restored_by_the_import() -> None:
    formula = '=HYPERLINK("http://example.invalid","x")'
    registry = Registry(
        Paper("T", "N", 1), (Signatory("x", formula, "city", "FR", True, "pending"),)
    )
    exported = to_csv(registry.signatories)
    assert '"\'=HYPERLINK(""http://example.invalid"",""x"")"' in exported
    assert plan(exported).registry.signatories[0].name == formula


def test_only_name_and_country_are_required() -> None:
    result = plan("name,country\nBoston,US\n")
    assert result.registry.signatories == (
        Signatory("boston", "Boston", "city", "US", False, "confirmed"),
    )


def test_values_are_checked_and_converted_as_add_does() -> None:
    text = (
        "name,country,subdivision,member,endorsed_on,kind\n"
        " São Paulo ,Brazil,SP,yes,2018-01-15,Region\n"
    )
    [added] = plan(text).registry.signatories
    assert (added.id, added.name, added.country, added.subdivision) == (
        "sao-paulo",
        "São Paulo",
        "BR",
        "BR-SP",
    )
    assert (added.member, added.endorsed_on, added.kind) == (True, date(2018, 1, 15), "region")


def test_member_accepts_true_false_yes_no_1_0() -> None:
    words = ["true", "false", "yes", "no", "1", "0"]
    text = "name,country,member\n" + "".join(f"City {w},FR,{w}\n" for w in words)
    members = [s.member for s in plan(text, force=True).registry.signatories]
    assert members == [True, False, True, False, True, False]


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_planned() -> None:
    text = (
        "name,country,endorsed_on\n"
        "Lyon,FR,\n"
        "Nowhere,XX,\n"
        "Bordeaux,FR,2018-02-30\n"
        ",FR,\n"
        "Nantes,FR,\n"
    )
    result = plan(text)
    assert [(p.line, p.column) for p in result.problems] == [
        (3, "country"),
        (4, "endorsed_on"),
        (5, "name"),
    ]
    assert messages(result)[0].startswith('signatories.csv:3: country "XX" is not an ISO 3166-1')
    assert result.registry == EMPTY


def test_a_line_number_counts_the_lines_of_a_multi_line_cell() -> None:
    text = 'name,country,remark\nLyon,FR,"two\nlines"\nNowhere,XX,\n'
    assert [p.line for p in plan(text).problems] == [4]


def test_a_row_that_duplicates_an_earlier_row_names_that_row() -> None:
    result = plan("name,country\nNew York,US\nBoston,US\nnew-york,US\n")
    assert messages(result) == [
        'signatories.csv:4: "new-york" (US) is already in this file, at line 2 '
        '(written "New York"); keep one of the two'
    ]


def test_a_row_that_duplicates_an_existing_signatory_is_refused() -> None:
    result = plan("name,country\nBERLIN,DE\n", WITH_BERLIN)
    assert messages(result) == [
        'signatories.csv:2: "BERLIN" (DE) is already in the registry as "berlin" '
        '(written "Berlin"); leave the row out'
    ]


def test_skip_leaves_out_rows_already_in_the_registry_and_adds_the_rest() -> None:
    result = plan("name,country\nBerlin,DE\nHamburg,DE\n", WITH_BERLIN, on_duplicate="skip")
    assert [(s.line, s.existing.id) for s in result.skipped] == [(2, "berlin")]
    assert [s.id for s in result.registry.signatories] == ["berlin", "hamburg"]


def test_skip_also_skips_a_row_that_repeats_an_earlier_row() -> None:
    result = plan("name,country\nHamburg,DE\nHamburg,DE\nHAMBURG,DE\n", on_duplicate="skip")
    assert not result.problems
    assert [(s.line, s.repeats, s.existing.id) for s in result.skipped] == [
        (3, 2, "hamburg"),
        (4, 2, "hamburg"),
    ]
    assert [s.id for s in result.registry.signatories] == ["hamburg"]


def test_a_row_that_repeats_an_earlier_row_is_refused_without_skip() -> None:
    result = plan("name,country\nHamburg,DE\nHamburg,DE\n")
    assert [(p.line, p.kind) for p in result.problems] == [(3, "repeated")]


def test_a_name_whose_slug_is_taken_in_another_country_gets_the_country_in_its_id() -> None:
    text = "name,country\nValencia,VE\nValencia,ES\nBerlin,US\nBerlin,CA\n"
    result = plan(text, WITH_BERLIN)
    assert not result.problems
    assert [s.id for s in result.registry.signatories] == [
        "berlin",
        "valencia",
        "valencia-es",
        "berlin-us",
        "berlin-ca",
    ]
    assert [(r.line, r.signatory.id, r.taken.id, r.taken_line) for r in result.renamed] == [
        (3, "valencia-es", "valencia", 2),
        (4, "berlin-us", "berlin", None),
        (5, "berlin-ca", "berlin", None),
    ]


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(importable_registries())
def test_a_registry_exported_as_xlsx_imports_into_an_empty_one_unchanged(
    registry: Registry,
) -> None:
    try:
        workbook = to_xlsx(registry.signatories)
    except WorkbookTextError:  # control characters: refused by the export, tested there
        reject()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "signatories.xlsx"
        path.write_bytes(workbook)
        table = read_table(path)
    candidates, problems = candidates_from_table(table, _keeping_unknown_columns(table.headers))
    result = plan_import(EMPTY, candidates, problems=problems)
    assert result.problems == ()
    assert result.registry.signatories == registry.signatories


def test_a_formula_looking_name_comes_back_from_a_workbook_as_text(tmp_path: Path) -> None:
    names = ['=HYPERLINK("http://x","y")', "+1 Lyon", "-2", "@SUM(A1)"]
    signatories = [
        Signatory(f"s{n}", name, "city", "FR", False, "confirmed") for n, name in enumerate(names)
    ]
    path = tmp_path / "signatories.xlsx"
    path.write_bytes(to_xlsx(signatories))
    candidates, problems = candidates_from_table(read_table(path))
    assert problems == []
    assert [c.signatory.name for c in candidates] == names


def test_a_near_duplicate_is_refused_unless_forced() -> None:
    text = "name,country\nBerlinn,DE\n"
    assert "is very close to" in messages(plan(text, WITH_BERLIN))[0]
    assert len(plan(text, WITH_BERLIN, force=True).added) == 1


def test_a_taken_id_is_refused_with_an_id_to_use_instead() -> None:
    result = plan("name,country,id\nBerlin (New Hampshire),US,berlin\n", WITH_BERLIN)
    assert messages(result) == [
        'signatories.csv:2: the id "berlin" is already taken by "Berlin" (DE) in the registry; '
        'give this row another id in the id column, like "berlin-us"'
    ]


def test_a_taken_id_in_the_same_country_is_refused() -> None:
    result = plan("name,country,kind\nBerlin,DE,county\n", WITH_BERLIN)
    assert [(p.line, p.kind) for p in result.problems] == [(2, "id")]


def test_unknown_columns_become_unknown_keys_with_their_types() -> None:
    text = (
        'name,country,contact,population,checked,codes\nLyon,FR,Mme X,513275,2018-01-02,"[1, 2]"\n'
    )
    [added] = plan(text).registry.signatories
    assert added.extra == {
        "contact": "Mme X",
        "population": 513275,
        "checked": date(2018, 1, 2),
        "codes": [1, 2],
    }


def test_a_column_named_in_capitals_is_the_known_key() -> None:
    [added] = plan("Name,Country\nLyon,FR\n").registry.signatories
    assert (added.name, added.country, added.extra) == ("Lyon", "FR", {})


def test_blank_rows_are_left_out() -> None:
    assert len(plan("name,country\n\nLyon,FR\n,\n").added) == 1


def test_a_semicolon_header_sets_the_delimiter() -> None:
    assert detect_delimiter("name;country;note") == ";"
    assert detect_delimiter("name\tcountry") == "\t"
    assert detect_delimiter("name") == ","
    [added] = plan("name;country;note\nLyon;FR;a, b\n").registry.signatories
    assert added.note == "a, b"


def test_a_file_without_a_name_column_is_refused_as_a_whole() -> None:
    table = text_table("city,country\nLyon,FR\n", FILE, "csv")
    with pytest.raises(ColumnsError, match=r"no column holds name"):
        candidates_from_table(table, Reading(ColumnChoices(ignored=["city"])))


def test_a_cell_beyond_the_named_columns_is_a_problem_of_its_row() -> None:
    result = plan("name,country\nLyon,FR,extra\n")
    assert messages(result) == [
        "signatories.csv:2: cell 3 holds a value but its column has no name in the header"
    ]


def test_json_rows_know_the_line_they_start_on() -> None:
    text = '[\n{"name": "Lyon", "country": "FR"},\n{"name": "Nowhere",\n "country": "XX"}\n]\n'
    assert [p.line for p in plan(text, file_format="json").problems] == [3]


def test_json_that_is_not_an_array_of_objects_is_refused_with_its_place() -> None:
    with pytest.raises(
        ImportFileError, match=r"signatories.csv:1:1: a json import is an array of objects"
    ):
        text_table('{"name": "Lyon"}', FILE, "json")
    with pytest.raises(ImportFileError, match=r"signatories.csv:2:\d+: not valid json"):
        text_table('[\n{"name": }]', FILE, "json")
    result = plan('[{"name": 5, "country": "FR"}, "Lyon"]', file_format="json")
    assert [p.column for p in result.problems] == ["name", ""]


def test_a_byte_order_mark_is_allowed() -> None:
    assert decode(b"\xef\xbb\xbfname,country\n", FILE) == "name,country\n"


def test_latin_1_is_refused_naming_the_file_and_the_byte() -> None:
    data = "name,country\nMünchen,DE\n".encode("latin-1")
    with pytest.raises(ImportFileError) as raised:
        decode(data, FILE)
    assert str(raised.value).startswith(
        "signatories.csv: not UTF-8 text: byte 14 (line 2) is 0xfc."
    )


def test_the_format_comes_from_the_extension_unless_given() -> None:
    assert format_of(Path("a.JSON"), None) == "json"
    assert format_of(Path("a.json"), "csv") == "csv"
    assert format_of(Path("a.XLSX"), None) == "xlsx"
    with pytest.raises(ImportFileError, match="say which format it is"):
        format_of(Path("a.txt"), None)


def test_progress_is_reported_for_every_row() -> None:
    table = text_table("name,country\n" + "Lyon,FR\n" * 600, FILE, "csv")
    steps: list[int] = []
    candidates_from_table(table, progress=steps.append)
    assert sum(steps) == 600


def test_a_plan_with_a_problem_changes_nothing() -> None:
    candidate = Candidate(2, BERLIN)
    result = plan_import(EMPTY, [candidate, Candidate(3, BERLIN)])
    assert result.registry == EMPTY
    assert result.added == (candidate,)


def test_a_carriage_return_in_a_kept_cell_is_quoted_and_read_back_as_a_line_break() -> None:
    lyon = Signatory("lyon", "Lyon", "city", "FR", True, "pending", extra={"memo": "a\rb"})
    exported = to_csv([lyon])
    assert exported.splitlines()[1].startswith('"lyon","Lyon"')
    [added] = plan(exported).added
    assert added.signatory.extra == {"memo": "a\nb"}


def test_a_key_of_its_own_holding_a_bidirectional_override_is_refused() -> None:
    [problem] = plan("name,country,memo\nLyon,FR,a\u202eb\n").problems
    assert 'the key "memo" holds U+202E' in problem.message


def test_an_unknown_key_that_looks_like_a_formula_is_defused_in_the_header_and_restored() -> None:
    lyon = Signatory("lyon", "Lyon", "city", "FR", True, "pending", extra={"=cmd": "-1"})
    exported = to_csv([lyon])
    assert exported.splitlines()[0].endswith(",'=cmd")
    assert plan(exported).registry.signatories == (lyon,)


def test_a_column_named_twice_is_refused_as_a_whole() -> None:
    table = text_table("name,country,name\nLyon,FR,Lyon\n", FILE, "csv")
    with pytest.raises(ColumnsError, match=r'names the column "name" twice'):
        candidates_from_table(table)


def test_two_headers_for_one_field_are_refused_as_a_whole() -> None:
    table = text_table("name,country,Name\nLyon,FR,Lyon\n", FILE, "csv")
    with pytest.raises(ColumnsError, match=r'two columns hold name: "name" and "Name"'):
        candidates_from_table(table)


def test_a_header_mapped_by_its_exact_spelling_wins_over_look_alikes() -> None:
    table = text_table("name,country,a,A_\nLyon,FR,1,2\n", FILE, "csv")
    reading = Reading(ColumnChoices(mapped={"first": "a", "second": "A_"}))
    [candidate], _ = candidates_from_table(table, reading)
    assert candidate.signatory.extra == {"first": 1, "second": 2}


def test_json_null_means_absent_but_cannot_sit_in_an_array() -> None:
    text = '[{"name": "Lyon", "country": "FR", "note": null, "memo": null, "t": {"a": null}}]'
    [lyon] = plan(text, file_format="json").registry.signatories
    assert (lyon.note, lyon.extra) == (None, {"t": {}})
    refused = plan('[{"name": "Lyon", "country": "FR", "codes": [1, null]}]', file_format="json")
    assert [p.column for p in refused.problems] == ["codes"]


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=40).filter(lambda h: h.strip() and "\x00" not in h))
def test_any_header_can_be_mapped_by_its_own_spelling(header: str) -> None:
    if header_key(header) in {header_key("name"), header_key("country")}:
        reject()
    mapped = map_columns(
        ["name", "country", header.strip()], ColumnChoices(mapped={"note": header})
    )
    assert mapped.keys[header.strip()] == "note"


def test_a_json_key_of_spaces_alone_is_refused_not_dropped() -> None:
    table = text_table('[{"name": "Lyon", "country": "FR", "  ": "lost"}]', FILE, "json")
    with pytest.raises(ColumnsError, match='mapped to one: "  "'):
        candidates_from_table(table)


def test_a_json_record_giving_a_key_twice_is_refused_naming_its_line(tmp_path: Path) -> None:
    file = tmp_path / "rows.json"
    file.write_text('[\n{"name": "Lyon", "country": "FR",\n "name": "Nice"}\n]\n', "utf-8")
    with pytest.raises(
        ImportFileError, match=r'rows.json:2: the record gives the key "name" twice'
    ):
        read_table(file)


@pytest.mark.parametrize("number", ["1e400", "NaN", "-Infinity"])
def test_a_json_number_that_is_not_finite_is_refused(number: str) -> None:
    text = f'[{{"name": "Metz", "country": "FR", "size": {number}}}]'
    [problem] = plan(text, file_format="json").problems
    assert "not a finite number" in problem.message


def test_a_line_break_written_crlf_in_a_cell_is_a_line_break() -> None:
    result = plan('name,country,note\r\nTestville,FR,"a\r\nb"\r\n')
    assert result.problems == ()
    assert result.registry.signatories[0].note == "a\nb"


def test_a_json_member_that_is_a_number_other_than_one_or_zero_says_what_it_takes() -> None:
    [problem] = plan(
        '[{"name": "Lyon", "country": "FR", "member": 2}]', file_format="json"
    ).problems
    assert "member must be true or false (or 1 or 0), not 2" in problem.message

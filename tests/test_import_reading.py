"""Reading an import file's text and values: the csv delimiter, line breaks, json's dates
and times, a header row out of reach, a missing required column."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

import endorse
from conftest import InvokeResult
from endorse.imports.columns import ColumnChoices, ColumnsError, map_columns
from endorse.imports.reading import detect_delimiter
from registries import empty_registry

Invoke = Callable[..., InvokeResult]

REGISTRY_WITH_A_DATETIME = """format = 1

[paper]
title = "T"
network = "N"
members_declared = 1

[[signatory]]
id = "lyon"
name = "Lyon"
kind = "city"
country = "FR"
member = false
status = "confirmed"
seen = 2018-01-15T10:30:00+02:00
"""


def test_a_key_holding_a_datetime_comes_back_as_one_through_json(
    invoke: Invoke, tmp_path: Path
) -> None:
    source = tmp_path / "source.toml"
    source.write_text(REGISTRY_WITH_A_DATETIME, encoding="utf-8")
    exported = tmp_path / "list.json"
    exported.write_text(invoke("--registry", source, "list", "-f", "json").stdout)
    target = empty_registry(tmp_path)
    assert invoke("--registry", target, "import", exported, "--column", "seen=seen").exit_code == 0
    assert endorse.load(target).signatories == endorse.load(source).signatories


def test_json_text_that_is_not_a_real_date_and_time_stays_text(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    file = tmp_path / "rows.json"
    record = {"name": "Lyon", "country": "FR", "seen": "2018-02-30T10:30:00"}
    file.write_text(json.dumps([record]))
    assert invoke("--registry", registry, "import", file, "--column", "seen=seen").exit_code == 0
    [lyon] = endorse.load(registry).signatories
    assert lyon.extra == {"seen": "2018-02-30T10:30:00"}


def test_a_datetime_as_json_writes_it_is_read_with_its_offset(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    file = tmp_path / "rows.json"
    file.write_text('[{"name": "Lyon", "country": "FR", "seen": ["2018-01-15T10:30:00Z"]}]')
    assert invoke("--registry", registry, "import", file, "--column", "seen=seen").exit_code == 0
    [lyon] = endorse.load(registry).signatories
    assert lyon.extra["seen"] == [datetime.fromisoformat("2018-01-15T10:30:00+00:00")]


def _file_with_a_crlf_comment(folder: Path, file_format: str) -> Path:
    row = {"name": "Lyon", "country": "FR", "Comment": "first\r\nsecond"}
    file = folder / f"rows.{file_format}"
    if file_format == "csv":
        file.write_bytes(b'name,country,Comment\r\nLyon,FR,"first\r\nsecond"\r\n')
    elif file_format == "json":
        file.write_text(json.dumps([row]))
    else:
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(list(row))
        sheet.append(list(row.values()))
        book.save(file)
    return file


@pytest.mark.parametrize("file_format", ["csv", "json", "xlsx"])
def test_a_crlf_in_a_column_kept_as_a_key_of_its_own_is_one_line_break(
    invoke: Invoke, tmp_path: Path, file_format: str
) -> None:
    registry = empty_registry(tmp_path)
    file = _file_with_a_crlf_comment(tmp_path, file_format)
    result = invoke("--registry", registry, "import", file, "--column", "comment=Comment")
    assert result.exit_code == 0, result.stderr
    [lyon] = endorse.load(registry).signatories
    assert lyon.extra == {"comment": "first\nsecond"}


def test_a_header_row_beyond_any_line_of_a_csv_file_is_refused_naming_it(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    file = tmp_path / "rows.csv"
    file.write_text("name,country\nLyon,FR\n")
    row = "99999999999999999999"
    result = invoke("--registry", registry, "import", file, "--header-row", row)
    assert result.exit_code == 1
    assert f"rows.csv:{row}: no header line here" in result.stderr


def test_delimiters_inside_quoted_headers_do_not_count() -> None:
    assert detect_delimiter('"Ville, commune";"Pays, territoire"') == ";"
    assert detect_delimiter('"a;b";"c;d",e,f') == ","


def test_a_semicolon_file_whose_quoted_headers_hold_commas_is_imported(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    file = tmp_path / "rows.csv"
    file.write_text('"Ville, commune";"Pays, territoire"\nLyon;FR\n', encoding="utf-8")
    mapped = ("--column", "name=Ville, commune", "--column", "country=Pays, territoire")
    assert invoke("--registry", registry, "import", file, *mapped).exit_code == 0
    assert [s.name for s in endorse.load(registry).signatories] == ["Lyon"]


def test_a_file_that_is_not_valid_csv_says_which_delimiter_it_was_read_with(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    file = tmp_path / "rows.csv"
    file.write_text('name;country\nLyon;"F"R\n', encoding="utf-8")
    result = invoke("--registry", registry, "import", file)
    assert result.exit_code == 1
    assert "rows.csv:2: not valid csv, its cells read as separated by semicolons" in result.stderr


def test_a_missing_name_column_is_not_told_to_give_the_country() -> None:
    with pytest.raises(ColumnsError) as refused:
        map_columns(("country",), ColumnChoices())
    assert refused.value.missing == ("name",)
    assert str(refused.value) == (
        "no column holds name, which every signatory needs; map the column that does."
    )


def test_a_missing_country_column_may_be_given_for_every_row() -> None:
    with pytest.raises(ColumnsError, match="give the country for every row if they share one"):
        map_columns(("name",), ColumnChoices())


def test_the_command_line_advises_mapping_the_missing_name_not_setting_the_country(
    invoke: Callable[..., InvokeResult], registry_copy: Path, tmp_path: Path
) -> None:
    source = tmp_path / "no-name.csv"
    source.write_text("city,country\nLyon,FR\n", encoding="utf-8")
    result = invoke("--registry", registry_copy, "import", source, "--ignore-column", "city")
    assert result.exit_code == 1
    assert "--column name=HEADER" in result.stderr
    assert "--set country" not in result.stderr

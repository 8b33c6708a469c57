"""The read commands end to end on the bundled registry: list and show."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

import endorse
from conftest import BUNDLED, InvokeResult
from endorse.imports.cells import spreadsheet_restore
from registries import one_signatory_file as _registry

Invoke = Callable[..., InvokeResult]

NONMEMBERS = {
    "new-york",
    "chicago",
    "washington",
    "philadelphia",
    "pittsburgh",
    "sacramento",
    "madison",
    "buffalo",
    "milwaukee",
    "st-louis-city",
    "richmond",
    "san-jose",
    "montgomery-county",
}


def test_list_nonmember_ids_are_exactly_the_thirteen_supporters(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "list", "--nonmember", "--format", "ids")
    assert result.exit_code == 0
    assert set(result.stdout.split()) == NONMEMBERS
    assert len(result.stdout.split()) == 13


def test_search_montreal_finds_montreal_without_its_accent(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "list", "--search", "montreal", "--format", "ids")
    assert result.stdout == "montreal\n"


def test_list_member_lists_only_members(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "list", "--member", "--format", "json")
    records = json.loads(result.stdout)
    assert len(records) == 45
    assert all(record["member"] is True for record in records)


def test_json_output_parses_back_to_the_registry_records(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "list", "--format", "json", "--sort", "name")
    records = {r["id"]: r for r in json.loads(result.stdout)}
    for signatory in endorse.load(BUNDLED).signatories:
        record = records[signatory.id]
        assert record["name"] == signatory.name
        assert record["member"] == signatory.member
        assert record["note"] == signatory.note
        assert record["subdivision"] == signatory.subdivision


def test_csv_output_parses_back_to_the_same_records_as_json(invoke: Invoke) -> None:
    as_json = json.loads(invoke("--registry", BUNDLED, "list", "--format", "json").stdout)
    as_csv = list(
        csv.DictReader(io.StringIO(invoke("--registry", BUNDLED, "list", "--format", "csv").stdout))
    )
    assert [row["id"] for row in as_csv] == [record["id"] for record in as_json]
    for row, record in zip(as_csv, as_json, strict=True):
        for key, value in record.items():
            expected = (
                ""
                if value is None
                else ("true" if value is True else "false" if value is False else value)
            )
            assert spreadsheet_restore(row[key]) == expected


def test_list_with_no_match_prints_nothing_and_says_so_on_stderr(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "list", "--search", "atlantis")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no signatory matches" in result.stderr


def test_list_table_is_plain_aligned_text_when_piped(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "list", "--nonmember", "--sort", "name")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "NAME", "KIND", "COUNTRY", "MEMBER", "STATUS", "ENDORSED"]
    assert lines[1].startswith("buffalo ")
    assert lines[0].index("NAME") == lines[1].index("Buffalo")


def test_list_filters_by_country_kind_and_status(invoke: Invoke) -> None:
    result = invoke(
        "--registry",
        BUNDLED,
        "list",
        "--country",
        "za",
        "--kind",
        "region",
        "--status",
        "confirmed",
        "--format",
        "ids",
    )
    assert result.stdout == "gauteng\n"


def test_list_sort_by_country_orders_by_country_code(invoke: Invoke) -> None:
    ids = invoke(
        "--registry", BUNDLED, "list", "--sort", "country", "--format", "ids"
    ).stdout.split()
    countries = [endorse.load(BUNDLED).by_id(i).country for i in ids]  # type: ignore[union-attr]
    assert countries == sorted(countries)


def test_list_rejects_an_unknown_format_with_exit_2(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "list", "--format", "xml")
    assert result.exit_code == 2


def test_show_by_id_prints_every_key(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "show", "pittsburgh")
    assert result.exit_code == 0
    assert "as_written   Pittsburg" in result.stdout
    assert "subdivision  US-PA" in result.stdout
    assert "endorsed_on  -" in result.stdout


def test_show_accepts_a_name_without_accents(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "show", "sao paulo state")
    assert result.exit_code == 0
    assert "id           sao-paulo-state" in result.stdout


def test_show_unknown_id_exits_1_and_suggests_the_closest(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "show", "pitsburgh")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert 'did you mean "pittsburgh"' in result.stderr


def test_show_suggests_every_signatory_of_a_name_close_to_the_reference(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = tmp_path / "registry.toml"
    paper = ("--title", "P", "--network", "N", "--members-declared", "5")
    invoke("init", registry, *paper)
    invoke("--registry", registry, "add", "Portland", "--country", "US", "--subdivision", "OR")
    invoke(
        "--registry",
        registry,
        "add",
        "Portland",
        "--country",
        "US",
        "--subdivision",
        "ME",
        "--id",
        "portland-me",
        "--force",
    )
    result = invoke("--registry", registry, "show", "portlnd")
    assert 'did you mean "portland" or "portland-me"?' in result.stderr


def test_version_prints_the_package_version(invoke: Invoke) -> None:
    from endorse import __version__

    result = invoke("--version")
    assert result.stdout == f"endorse {__version__}\n"


def test_registry_is_found_from_a_subfolder(
    invoke: Invoke, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = registry_copy.parent.parent / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert invoke("list", "--format", "ids").stdout.count("\n") == 58


def test_registry_from_the_environment_variable(
    invoke: Invoke, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ENDORSE_REGISTRY", str(registry_copy))
    monkeypatch.chdir(registry_copy.root)
    assert invoke("show", "berlin").exit_code == 0


def test_no_registry_found_says_where_it_looked_and_how_to_create_one(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("list")
    assert result.exit_code == 1
    assert f"looked for data/registry.toml in {tmp_path}" in result.stderr
    assert "endorse init" in result.stderr


@pytest.mark.parametrize("list_format", ["table", "json", "csv", "markdown", "ids"])
def test_list_output_writes_the_file_that_stdout_would_show(
    invoke: Invoke, tmp_path: Path, list_format: str
) -> None:
    target = tmp_path / f"list.{list_format}"
    written = invoke("--registry", BUNDLED, "list", "--format", list_format, "--output", target)
    assert written.exit_code == 0, written.stderr
    shown = invoke("--registry", BUNDLED, "list", "--format", list_format)
    assert target.read_text(encoding="utf-8") == shown.stdout
    assert written.stdout == ""
    assert f"to {target}" in written.stderr


@pytest.mark.parametrize(
    ("file_name", "list_format"), [("list.csv", "csv"), ("list.md", "markdown")]
)
def test_list_output_without_a_format_writes_the_format_its_extension_names(
    invoke: Invoke, tmp_path: Path, file_name: str, list_format: str
) -> None:
    target = tmp_path / file_name
    assert invoke("--registry", BUNDLED, "list", "--output", target).exit_code == 0
    shown = invoke("--registry", BUNDLED, "list", "--format", list_format)
    assert target.read_text(encoding="utf-8") == shown.stdout


def test_list_output_with_an_extension_of_no_format_is_a_table(
    invoke: Invoke, tmp_path: Path
) -> None:
    target = tmp_path / "list.txt"
    assert invoke("--registry", BUNDLED, "list", "--output", target).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("ID ")


def test_a_format_the_output_extension_contradicts_is_refused_and_nothing_written(
    invoke: Invoke, tmp_path: Path
) -> None:
    target = tmp_path / "list.csv"
    result = invoke("--registry", BUNDLED, "list", "--format", "xlsx", "--output", target)
    assert result.exit_code == 2
    assert "named for csv" in result.stderr
    assert not target.exists()


def test_a_format_given_wins_over_an_extension_of_no_format(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "list.txt"
    result = invoke("--registry", BUNDLED, "list", "--format", "json", "--output", target)
    assert result.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))[0]["id"] == "abidjan"


def test_list_output_never_replaces_the_registry(invoke: Invoke, registry_copy: Path) -> None:
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "list", "--output", registry_copy)
    assert result.exit_code == 1
    assert registry_copy.read_bytes() == before


@pytest.mark.parametrize("country", ["US", "us", "USA", "United States", "États-Unis"])
def test_list_country_takes_a_code_or_a_name_as_add_does(invoke: Invoke, country: str) -> None:
    result = invoke("--registry", BUNDLED, "list", "--country", country, "--format", "ids")
    assert len(result.stdout.split()) == 13


def test_list_country_that_is_no_country_is_refused_not_matched_by_no_one(
    invoke: Invoke,
) -> None:
    result = invoke("--registry", BUNDLED, "list", "--country", "ZZ")
    assert result.exit_code == 2
    assert 'country "ZZ" is not an ISO 3166-1 alpha-2 code' in result.stderr


@pytest.mark.parametrize("text", ["saint louis", "St Louis", "ST. LOUIS"])
def test_search_spells_saint_as_the_duplicate_rule_does(invoke: Invoke, text: str) -> None:
    result = invoke("--registry", BUNDLED, "list", "--search", text, "--format", "ids")
    assert result.stdout.split() == ["st-louis-city"]


def test_an_unknown_key_holding_a_time_is_shown_and_listed(invoke: Invoke, tmp_path: Path) -> None:
    path = _registry(tmp_path, "t = 07:32:00\n")
    assert "07:32:00" in invoke("--registry", path, "show", "a").stdout
    assert json.loads(invoke("--registry", path, "list", "--format", "json").stdout)[0]["t"] == (
        "07:32:00"
    )


def test_json_output_stays_valid_json_for_infinite_and_nan_values(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = _registry(tmp_path, "f = inf\ng = nan\n")

    def refuse(constant: str) -> None:
        raise ValueError(constant)

    records = json.loads(
        invoke("--registry", path, "list", "--format", "json").stdout, parse_constant=refuse
    )
    assert (records[0]["f"], records[0]["g"]) == ("inf", "nan")

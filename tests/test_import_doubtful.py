"""`endorse import --doubtful FILE`: the clear rows in, the doubtful ones handed back in the
input's format and columns, every row accounted for (issue 22, item 6)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import endorse
from conftest import InvokeResult
from registries import empty_registry

Invoke = Callable[..., InvokeResult]

HEADER = "City;Country;Endorsed"
CLEAR = ["Gdynia;Poland;2018-01-15", "Comune di Massa Marittima;Italy;2018-02-01"]
DOUBTFUL = [
    "Gdyniaa;Poland;2018-01-20",  # near Gdynia
    "Cotonou;Benin Republic;2018-01-02",  # an unknown country
    "Aarhus;Denmark;15/01/2018",  # a date not written YYYY-MM-DD
]
COLUMNS = ("--column", "name=City", "--column", "endorsed_on=Endorsed")


def _csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def _ids(registry: Path) -> list[str]:
    return [s.id for s in endorse.load(registry).signatories]


@dataclass(frozen=True)
class Files:
    """An empty registry, a list of clear and doubtful rows, and where the doubtful go."""

    registry: Path
    source: Path
    doubtful: Path


@pytest.fixture
def files(tmp_path: Path) -> Files:
    return Files(
        empty_registry(tmp_path),
        _csv(tmp_path / "list.csv", [*CLEAR, *DOUBTFUL]),
        tmp_path / "doubtful.csv",
    )


def _import(invoke: Invoke, files: Files, *options: str) -> InvokeResult:
    return invoke(
        "--registry", files.registry, "import", files.source, *COLUMNS,
        "--doubtful", files.doubtful, *options,
    )  # fmt: skip


def test_the_clear_rows_go_in_and_the_doubtful_come_back_with_why(
    invoke: Invoke, files: Files
) -> None:
    result = _import(invoke, files)
    assert result.exit_code == 0, result.stderr
    assert sorted(_ids(files.registry)) == ["gdynia", "massa-marittima"]
    lines = files.doubtful.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "City;Country;Endorsed;doubtful because"
    assert [line.split(";")[:3] for line in lines[1:]] == [d.split(";") for d in DOUBTFUL]
    assert "very close" in lines[1] and "Benin Republic" in lines[2] and "date" in lines[3]
    assert "Of 5 rows read: 2 imported, 0 skipped as already there, 3 doubtful" in result.stderr


def test_doubtful_rows_corrected_import_again_without_their_reason_column(
    invoke: Invoke, files: Files, tmp_path: Path
) -> None:
    registry, doubtful = files.registry, files.doubtful
    _import(invoke, files)
    corrected = (
        doubtful.read_text(encoding="utf-8")
        .replace("Benin Republic", "Benin")
        .replace("15/01/2018", "2018-01-15")
    )
    doubtful.write_text(corrected, encoding="utf-8")
    again = tmp_path / "still-doubtful.csv"
    result = invoke("--registry", registry, "import", doubtful, *COLUMNS, "--doubtful", again)
    assert result.exit_code == 0, result.stderr
    assert sorted(_ids(registry)) == ["aarhus", "cotonou", "gdynia", "massa-marittima"]
    assert "doubtful because" not in endorse.load(registry).signatories[-1].extra
    assert len(again.read_text(encoding="utf-8").splitlines()) == 2  # Gdyniaa, still near


def test_json_doubtful_rows_are_json_records_with_their_reason(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    source = tmp_path / "list.json"
    records = [{"name": "Gdynia", "country": "PL"}, {"name": "Gdyniaa", "country": "PL"}]
    source.write_text(json.dumps(records), encoding="utf-8")
    doubtful = tmp_path / "doubtful.json"
    result = invoke("--registry", registry, "import", source, "--doubtful", doubtful)
    assert result.exit_code == 0, result.stderr
    back = json.loads(doubtful.read_text(encoding="utf-8"))
    assert [{k: v for k, v in r.items() if k != "doubtful because"} for r in back] == records[1:]
    assert "very close" in back[0]["doubtful because"]


def test_workbook_doubtful_rows_are_a_workbook_with_the_inputs_columns(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    source = tmp_path / "list.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["Name", "Country"], ["Gdynia", "PL"], ["Gdyniaa", "PL"], ["Oslo", "Norvège"]):
        sheet.append(row)
    book.save(source)
    doubtful = tmp_path / "doubtful.xlsx"
    result = invoke("--registry", registry, "import", source, "--doubtful", doubtful)
    assert result.exit_code == 0, result.stderr
    back = openpyxl.load_workbook(doubtful).worksheets[0]
    rows = [[cell.value for cell in row] for row in back.iter_rows()]
    assert rows[0] == ["Name", "Country", "doubtful because"]
    assert [row[:2] for row in rows[1:]] == [["Gdyniaa", "PL"]]
    assert sorted(_ids(registry)) == ["gdynia", "oslo"]


def test_no_doubtful_row_writes_the_header_alone_and_says_so(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    source = _csv(tmp_path / "list.csv", CLEAR)
    doubtful = tmp_path / "doubtful.csv"
    doubtful.write_text("an old file\n", encoding="utf-8")
    result = invoke(
        "--registry", registry, "import", source, *COLUMNS,
        "--doubtful", doubtful, "--overwrite-doubtful",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "no doubtful row" in result.stderr
    assert doubtful.read_text(encoding="utf-8") == "City;Country;Endorsed;doubtful because\n"


def test_a_dry_run_does_not_mind_an_existing_doubtful_file(invoke: Invoke, files: Files) -> None:
    files.doubtful.write_text("kept\n", encoding="utf-8")
    result = _import(invoke, files, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert files.doubtful.read_text(encoding="utf-8") == "kept\n"


def test_a_json_record_that_json_cannot_write_back_is_handed_back_as_valid_json(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    source = tmp_path / "list.json"
    source.write_text('[{"name": "Lyon", "country": "FR", "f": 1e400}, 7]', encoding="utf-8")
    doubtful = tmp_path / "doubtful.json"
    result = invoke(
        "--registry", registry, "import", source, "--column", "f=f", "--doubtful", doubtful
    )
    assert result.exit_code == 0, result.stderr
    back = json.loads(doubtful.read_text(encoding="utf-8"), parse_constant=_no_constant)
    assert back[0]["f"] == "inf"
    assert "the record was 7" in back[1]["doubtful because"]
    again = invoke("--registry", registry, "import", doubtful, "--column", "f=f", "--doubtful",
                   tmp_path / "again.json")  # fmt: skip
    assert again.exit_code == 0, again.stderr


def _no_constant(name: str) -> None:
    raise AssertionError(f"{name} is not JSON")


def test_a_dry_run_writes_neither_the_registry_nor_the_doubtful_file(
    invoke: Invoke, files: Files
) -> None:
    before = files.registry.read_bytes()
    result = _import(invoke, files, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "would write 3 doubtful rows" in result.stderr
    assert files.registry.read_bytes() == before and not files.doubtful.exists()


def test_an_existing_doubtful_file_is_refused_and_nothing_changes(
    invoke: Invoke, files: Files
) -> None:
    before = files.registry.read_bytes()
    files.doubtful.write_text("kept\n", encoding="utf-8")
    result = _import(invoke, files)
    assert result.exit_code == 2
    assert "exists" in result.stderr and "--overwrite-doubtful" in result.stderr
    assert files.registry.read_bytes() == before
    assert files.doubtful.read_text(encoding="utf-8") == "kept\n"


def test_overwrite_doubtful_replaces_an_existing_file(invoke: Invoke, files: Files) -> None:
    files.doubtful.write_text("old\n", encoding="utf-8")
    result = _import(invoke, files, "--overwrite-doubtful")
    assert result.exit_code == 0, result.stderr
    assert files.doubtful.read_text(encoding="utf-8").startswith("City;Country;Endorsed;")


@pytest.mark.parametrize("which", ["input", "registry"])
def test_the_doubtful_file_is_never_the_input_nor_the_registry(
    invoke: Invoke, files: Files, which: str
) -> None:
    target = files.source if which == "input" else files.registry
    before = target.read_bytes()
    result = _import(invoke, Files(files.registry, files.source, target), "--overwrite-doubtful")
    assert result.exit_code == 2
    assert target.read_bytes() == before


def test_a_doubtful_file_named_for_another_format_is_refused(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    source = _csv(tmp_path / "list.csv", [*CLEAR, *DOUBTFUL])
    result = invoke(
        "--registry", registry, "import", source, *COLUMNS, "--doubtful", tmp_path / "d.xlsx"
    )
    assert result.exit_code == 2
    assert "named for xlsx" in result.stderr


def test_without_doubtful_an_import_with_a_doubtful_row_is_still_all_or_nothing(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    before = registry.read_bytes()
    source = _csv(tmp_path / "list.csv", [*CLEAR, *DOUBTFUL])
    result = invoke("--registry", registry, "import", source, *COLUMNS)
    assert result.exit_code == 1
    assert registry.read_bytes() == before


POOL = [*CLEAR, *DOUBTFUL, "Gdynia;PL;2018-01-15", "Oslo;Norway;", "City Council;US;"]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=12))
def test_every_row_read_is_imported_skipped_or_handed_back(
    invoke: Invoke, tmp_path_factory: pytest.TempPathFactory, lines: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("doubtful")
    registry = empty_registry(folder)
    source = _csv(folder / "list.csv", lines)
    doubtful = folder / "doubtful.csv"
    result = invoke(
        "--registry", registry, "import", source, *COLUMNS,
        "--doubtful", doubtful, "--on-duplicate", "skip",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    imported = len(endorse.load(registry).signatories)
    handed_back = (
        len(doubtful.read_text(encoding="utf-8").splitlines()) - 1 if doubtful.exists() else 0
    )
    skipped = len(lines) - imported - handed_back
    assert skipped >= 0
    assert f"Of {len(lines)} row" in result.stderr
    assert f": {imported} imported, {skipped} skipped as already there, {handed_back} doubtful" in (
        result.stderr
    )


def test_a_doubtful_file_in_a_folder_that_is_not_there_is_refused_before_anything(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    before = registry.read_bytes()
    source = _csv(tmp_path / "list.csv", [*CLEAR, *DOUBTFUL])
    result = invoke(
        "--registry", registry, "import", source, *COLUMNS, "--doubtful", tmp_path / "no" / "d.csv"
    )
    assert result.exit_code == 2
    assert "exist" in result.stderr and "--doubtful" in result.stderr
    assert registry.read_bytes() == before


def test_a_cell_under_no_header_is_handed_back_where_it_was(invoke: Invoke, tmp_path: Path) -> None:
    registry = empty_registry(tmp_path)
    source = tmp_path / "list.csv"
    source.write_text(
        "name,country,,note\nVille de Nantes,FR,zz,a\nGdynia,PL,,b,3,4\nLyon,FR,,c\n",
        encoding="utf-8",
    )
    doubtful = tmp_path / "doubtful.csv"
    result = invoke("--registry", registry, "import", source, "--doubtful", doubtful)
    assert result.exit_code == 0, result.stderr
    lines = [line.split(",")[:6] for line in doubtful.read_text(encoding="utf-8").splitlines()]
    assert lines[0] == ["name", "country", "", "note", "", ""]
    assert lines[1][:4] == ["Ville de Nantes", "FR", "zz", "a"]
    assert lines[2] == ["Gdynia", "PL", "", "b", "3", "4"]

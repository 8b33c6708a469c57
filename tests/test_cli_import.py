"""`endorse import` end to end: what it prints, what it writes, and what it refuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import endorse
from conftest import InvokeResult
from endorse import Registry
from endorse.registry import store

MEMBER_WORDS = (
    "; write one of true, yes, y, 1, oui, vrai, sí, si, verdadero or false, no, n, 0, non, "
    "faux, falso"
)

Invoke = Callable[..., InvokeResult]

THREE_BAD_ROWS = (
    "name,country,member,endorsed_on\n"
    "Boston,US,no,2018-01-15\n"
    "Nowhere,XX,no,\n"
    "Lisbon,PT,perhaps,\n"
    "Oslo,NO,yes,15/01/2018\n"
    "Porto,PT,yes,\n"
)


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def test_an_import_adds_every_row_and_sums_up(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = write(tmp_path, "new.csv", "name,country,member\nBoston,US,no\nLisbon,PT,yes\n")
    result = invoke("--registry", registry_copy, "import", file)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == (
        f"imported 2 signatories from {file} into {registry_copy} "
        "(1 member, 1 non-member); 60 signatories now\n"
    )
    shown = invoke("--registry", registry_copy, "show", "lisbon").stdout
    assert "member       yes" in shown


def test_three_bad_rows_are_all_reported_and_nothing_is_written(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    before = registry_copy.read_bytes()
    file = write(tmp_path, "signatories.csv", THREE_BAD_ROWS)
    result = invoke("--registry", registry_copy, "import", file)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1:4] == [
        f'  {file}:3: country "XX" is not an ISO 3166-1 alpha-2 code (two letters, like "US" '
        'or "FR")',
        f'  {file}:4: member "perhaps" is not true or false{MEMBER_WORDS}',
        f'  {file}:5: endorsed_on "15/01/2018" is not a date written YYYY-MM-DD',
    ]
    assert result.stderr.startswith(f"error: {file}: 3 rows cannot be imported, so nothing")
    assert registry_copy.read_bytes() == before


def test_a_refused_import_exits_1_and_leaves_the_file_as_it_was(
    registry_copy: Path, tmp_path: Path
) -> None:
    before = registry_copy.read_bytes()
    file = write(tmp_path, "signatories.csv", THREE_BAD_ROWS)
    done = subprocess.run(
        [sys.executable, "-m", "endorse", "--registry", str(registry_copy), "import", str(file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert registry_copy.read_bytes() == before


def test_a_latin_1_file_is_refused_naming_the_byte(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    before = registry_copy.read_bytes()
    file = write(tmp_path, "latin.csv", "name,country\nMünchen,DE\n", "latin-1")
    result = invoke("--registry", registry_copy, "import", file)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"error: {file}: not UTF-8 text: byte 14 (line 2) is 0xfc. Save the file as UTF-8"
    )
    assert registry_copy.read_bytes() == before


def test_a_file_with_a_byte_order_mark_imports(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = write(tmp_path, "bom.csv", "\ufeffname,country\nMünchen,DE\n")
    assert invoke("--registry", registry_copy, "import", file).exit_code == 0
    assert "name         München" in invoke("--registry", registry_copy, "show", "munchen").stdout


def test_a_semicolon_file_as_a_european_spreadsheet_writes_it_imports(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = write(tmp_path, "excel.csv", "name;country;note\r\nLyon;FR;Lettre du 2, rue X\r\n")
    assert invoke("--registry", registry_copy, "import", file).exit_code == 0
    assert "Lettre du 2, rue X" in invoke("--registry", registry_copy, "show", "lyon").stdout


def test_the_delimiter_can_be_given(invoke: Invoke, registry_copy: Path, tmp_path: Path) -> None:
    file = write(tmp_path, "tabs.txt", "name\tcountry\nLyon\tFR\n")
    result = invoke(
        "--registry", registry_copy, "import", file, "--format", "csv", "--delimiter", "tab"
    )
    assert result.exit_code == 0


def test_rows_that_duplicate_each_other_are_refused(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    before = registry_copy.read_bytes()
    file = write(tmp_path, "twice.csv", "name,country\nLyon,FR\nLYON,fr\n")
    result = invoke("--registry", registry_copy, "import", file)
    assert result.exit_code == 1
    assert f'  {file}:3: "LYON" (FR) is already in this file, at line 2' in result.stderr
    assert registry_copy.read_bytes() == before


def test_rows_already_in_the_registry_are_refused_or_skipped(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = write(tmp_path, "again.csv", "name,country\nPittsburgh,US\nLyon,FR\nChicago,US\n")
    refused = invoke("--registry", registry_copy, "import", file)
    assert refused.exit_code == 1
    assert "2 rows cannot be imported" in refused.stderr
    skipped = invoke("--registry", registry_copy, "import", file, "--on-duplicate", "skip")
    assert skipped.stderr == (
        f"imported 1 signatory from {file} into {registry_copy} (0 members, 1 non-member); "
        "skipped 2 rows already in the registry (lines 2 and 4); 59 signatories now\n"
    )


def test_skip_skips_repeated_rows_and_ids_are_chosen_for_namesakes_abroad(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = write(
        tmp_path,
        "again.csv",
        "name,country\nChicago,US\nRichmond,GB\nValencia,VE\nValencia,ES\nValencia,VE\n",
    )
    dry = invoke("--registry", registry_copy, "import", file, "--on-duplicate", "skip", "--dry-run")
    assert (
        f'{file}:3: add "richmond-gb" (Richmond, GB, non-member); the id "richmond" is taken'
        in (dry.stdout)
    )
    assert f'{file}:6: skip "Valencia" (VE): repeats line 4' in dry.stdout
    done = invoke("--registry", registry_copy, "import", file, "--on-duplicate", "skip")
    assert done.exit_code == 0
    assert done.stderr == (
        f"imported 3 signatories from {file} into {registry_copy} (0 members, 3 non-members); "
        '2 rows (lines 3 and 5) got an id of their own ("richmond-gb", "valencia-es"), the slug '
        "of their name being taken in another country or subdivision; skipped 1 row already in "
        "the registry (line 2); skipped 1 row repeating an earlier row of the file (line 6); "
        "61 signatories now\n"
    )
    assert store.load(registry_copy).registry.by_id("valencia-es") is not None


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    before = registry_copy.read_bytes()
    file = write(tmp_path, "again.csv", "name,country,member\nChicago,US,no\nLyon,FR,yes\n")
    result = invoke(
        "--registry", registry_copy, "import", file, "--dry-run", "--on-duplicate", "skip"
    )
    assert result.exit_code == 0
    assert result.stdout == (
        f'{file}:2: skip "Chicago" (US): already in the registry as "chicago"\n'
        f'{file}:3: add "lyon" (Lyon, FR, member)\n'
    )
    assert result.stderr.endswith("dry run: nothing was written\n")
    assert registry_copy.read_bytes() == before


def test_an_export_imports_into_an_empty_registry_as_the_same_file(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    for file_format in ("csv", "json"):
        exported = tmp_path / f"all.{file_format}"
        exported.write_text(
            invoke("--registry", registry_copy, "list", "--format", file_format).stdout
        )
        empty = tmp_path / f"empty-{file_format}.toml"
        empty.write_text(store.dumps(Registry(store.load(registry_copy).registry.paper)))
        assert invoke("--registry", empty, "import", exported).exit_code == 0
        assert empty.read_bytes() == registry_copy.read_bytes()


def test_a_hyperlink_cell_is_neutralised_in_the_export_and_restored_by_the_import(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    formula = '=HYPERLINK("http://example.invalid","x")'
    invoke("--registry", registry_copy, "add", formula, "--country", "FR", "--id", "x")
    exported = invoke("--registry", registry_copy, "list", "--format", "csv").stdout
    row = next(line for line in exported.splitlines() if line.startswith("x,"))
    assert row.startswith('x,"\'=HYPERLINK(""http://example.invalid"",""x"")"')
    file = write(tmp_path, "x.csv", exported)
    elsewhere = tmp_path / "elsewhere.toml"
    elsewhere.write_text(store.dumps(Registry(store.load(registry_copy).registry.paper)))
    assert invoke("--registry", elsewhere, "import", file).exit_code == 0
    imported = store.load(elsewhere).registry.by_id("x")
    assert imported is not None and imported.name == formula


@pytest.mark.slow
def test_ten_thousand_rows_are_imported_in_one_write(
    invoke: Invoke, registry_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    countries = ("FR", "DE", "ES", "IT", "PT", "BR", "AR", "MX", "JP", "IN")
    rows = "".join(f"Town {n},{countries[n % 10]},{n % 3 == 0}\n" for n in range(10_000))
    file = write(tmp_path, "big.csv", "name,country,member\n" + rows)
    replaced: list[str] = []
    real_replace = os.replace

    def counted(source: str, target: str | Path) -> None:
        replaced.append(str(target))
        real_replace(source, target)

    monkeypatch.setattr(store.os, "replace", counted)
    result = invoke("--registry", registry_copy, "import", file, "--force")
    assert result.exit_code == 0
    assert replaced == [str(registry_copy.resolve())]
    assert result.stderr == (
        f"imported 10000 signatories from {file} into {registry_copy} "
        "(3334 members, 6666 non-members); 10058 signatories now\n"
    )
    assert len(store.load(registry_copy).registry.signatories) == 10_058


def test_an_unknown_extension_needs_format(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = write(tmp_path, "list.txt", "[]")
    refused = invoke("--registry", registry_copy, "import", file)
    assert refused.exit_code == 1
    assert "Give --format csv, --format json or --format xlsx" in refused.stderr
    assert invoke("--registry", registry_copy, "import", file, "--format", "json").exit_code == 0


def test_a_missing_file_is_a_usage_error(invoke: Invoke, registry_copy: Path) -> None:
    assert invoke("--registry", registry_copy, "import", "no-such.csv").exit_code == 2


def test_the_progress_bar_draws_nothing_when_stderr_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from endorse import output

    with output.progress("checking rows", 10) as advance:
        advance(10)
    assert capsys.readouterr() == ("", "")


def test_a_skipped_row_with_other_values_is_said_to_hold_them(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = write(
        tmp_path,
        "rows.csv",
        "name,country,endorsed_on\nGrenoble,FR,2018-01-02\nGrenoble,FR,2018-02-03\n",
    )
    result = invoke(
        "--registry", registry_copy, "import", file, "--on-duplicate", "skip", "--dry-run"
    )
    assert result.exit_code == 0, result.stderr
    assert f'{file}:3: skip "Grenoble" (FR): repeats line 2, but its endorsed_on differs' in (
        result.stdout
    )
    assert "1 skipped row (line 3) holds other values than the signatory kept" in result.stderr


def test_an_id_chosen_for_a_row_leaves_the_ids_later_rows_give(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = write(
        tmp_path,
        "towns.csv",
        "name,country,id\nCórdoba,ES,\nCórdoba,MX,\nCórdoba,AR,cordoba-mx\n",
    )
    result = invoke("--registry", registry_copy, "import", file)
    assert result.exit_code == 0, result.stderr
    countries = {s.id: s.country for s in store.load(registry_copy).registry.signatories}
    assert (countries["cordoba-mx"], countries["cordoba-mx-2"]) == ("AR", "MX")


def test_a_skipped_row_that_leaves_a_key_to_its_default_holds_nothing_other(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    file = write(tmp_path, "rows.csv", "name,country\nBerlin,DE\n")
    result = invoke(
        "--registry", registry_copy, "import", file, "--on-duplicate", "skip", "--dry-run"
    )
    assert result.stdout == f'{file}:2: skip "Berlin" (DE): already in the registry as "berlin"\n'
    assert "other values" not in result.stderr


def test_an_import_of_absurdly_deep_json_is_refused(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('[{"name": "A", "country": "FR", "x": ' + "[" * 100000 + "]" * 100000 + "}]")
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "import", deep)
    assert result.exit_code == 1
    assert "nested too deeply" in result.stderr
    assert registry_copy.read_bytes() == before


def test_a_json_import_accepts_member_as_1_or_0(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    rows = tmp_path / "rows.json"
    rows.write_text('[{"name": "Lyon", "country": "FR", "member": 1, "source": "letter"}]')
    result = invoke("--registry", registry_copy, "import", rows)
    assert result.exit_code == 0, result.stderr
    assert "member       yes" in invoke("--registry", registry_copy, "show", "lyon").stdout


def test_empty_cells_take_the_defaults(invoke: Invoke, registry_copy: Path, tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("name,country,kind,member,status\nLyon,FR,,,\n", encoding="utf-8")
    assert invoke("--registry", registry_copy, "import", rows).exit_code == 0
    lyon = next(s for s in endorse.load(registry_copy).signatories if s.id == "lyon")
    assert (lyon.kind, lyon.member, lyon.status) == ("city", False, "confirmed")


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_a_two_line_note_survives_export_and_import(
    invoke: Invoke, registry_copy: Path, tmp_path: Path, file_format: str
) -> None:
    with endorse.edit(registry_copy) as draft:
        draft.edit("chicago", note="First line.\nSecond line.")
    assert not [f for f in endorse.validate(registry_copy) if f.code in ("E104", "W107")]
    exported = tmp_path / f"export.{file_format}"
    exported.write_text(
        invoke("--registry", registry_copy, "list", "--format", file_format).stdout,
        encoding="utf-8",
    )
    empty = tmp_path / "empty.toml"
    invoke("init", empty, "--title", "T", "--network", "N", "--members-declared", "136")
    result = invoke("--registry", empty, "import", exported, "--force")
    assert result.exit_code == 0, result.stderr
    assert endorse.load(empty).signatories == endorse.load(registry_copy).signatories


def test_json_rows_know_their_line_however_many(tmp_path: Path, invoke: Invoke) -> None:
    rows = [{"name": f"Town {n:05d}", "country": "FR"} for n in range(3000)]
    rows[-1]["country"] = "XX"
    file = tmp_path / "rows.json"
    file.write_text("[\n" + ",\n".join(json.dumps(r) for r in rows) + "\n]\n", encoding="utf-8")
    empty = tmp_path / "empty.toml"
    invoke("init", empty, "--title", "T", "--network", "N", "--members-declared", "1")
    result = invoke("--registry", empty, "import", file, "--force")
    assert f"{file}:3001:" in result.stderr


def test_a_csv_cell_nested_hundreds_deep_is_text(
    tmp_path: Path, invoke: Invoke, registry_copy: Path
) -> None:
    deep = "[" * 500 + "]" * 500
    rows = tmp_path / "rows.csv"
    rows.write_text(f"name,country,extra\nLyon,FR,{deep}\n", encoding="utf-8")
    result = invoke("--registry", registry_copy, "import", rows, "--column", "extra=extra")
    assert result.exit_code == 0, result.stderr
    lyon = next(s for s in endorse.load(registry_copy).signatories if s.id == "lyon")
    assert lyon.extra["extra"] == deep


def test_a_json_value_nested_150_deep_imports(
    tmp_path: Path, invoke: Invoke, registry_copy: Path
) -> None:
    deep: object = 1
    for _ in range(150):
        deep = [deep]
    rows = tmp_path / "rows.json"
    rows.write_text(json.dumps([{"name": "Lyon", "country": "FR", "deep": deep}]), "utf-8")
    result = invoke("--registry", registry_copy, "import", rows, "--column", "deep=deep")
    assert result.exit_code == 0, result.stderr
    assert invoke("--registry", registry_copy, "validate").exit_code == 0

"""What a hostile (or careless) user tries, and what endorse does instead of losing data.

Each test is one behaviour; together they are the guarantees listed in
docs/editing.md ("What endorse guarantees").
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

import endorse
from conftest import BUNDLED, InvokeResult

Invoke = Callable[..., InvokeResult]


def run(*args: str | Path, encoding: str = "utf-8", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "endorse", *map(str, args)],
        capture_output=True,
        encoding=encoding,
        env={**os.environ, "NO_COLOR": "1", **env},
        timeout=60,
    )


# Empty references


@pytest.mark.parametrize(
    "command", [["remove", "", "--yes"], ["show", " "], ["edit", "", "--note", "x"]]
)
def test_an_empty_reference_is_a_usage_error_and_changes_nothing(
    invoke: Invoke, registry_copy: Path, command: list[str]
) -> None:
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, *command)
    assert result.exit_code == 2
    assert "is empty; give an id or a name" in result.stderr
    assert registry_copy.read_bytes() == before


def test_a_search_for_invisible_text_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "list", "--search", "\u200b")
    assert result.exit_code == 2


# Output files


def test_a_report_written_to_a_device_leaves_the_device_a_device(
    invoke: Invoke, tmp_path: Path
) -> None:
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    result = invoke("--registry", BUNDLED, "report", "--format", "json", "--output", fifo)
    received, _ = reader.communicate(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert json.loads(received)["totals"]["nonmembers"] == 13
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_report_to_dev_null_writes_nothing_anywhere(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "report", "--output", "/dev/null")
    assert result.exit_code == 0
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_a_report_into_a_folder_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    assert invoke("--registry", BUNDLED, "report", "--output", tmp_path).exit_code == 2


@pytest.mark.parametrize(
    "command", [["list"], ["list", "--format", "json"], ["report"], ["validate"], ["show", "accra"]]
)
def test_a_full_disk_on_stdout_is_an_error_not_a_traceback(command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "endorse", "--registry", str(BUNDLED), *command],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stderr.startswith("error: cannot write to standard output: No space left")
    assert "Traceback" not in done.stderr


def test_add_says_it_added_before_a_full_stdout_fails(registry_copy: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "endorse",
                "--registry",
                str(registry_copy),
                "add",
                "Lyon",
                "--country",
                "FR",
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    said, error = done.stderr.splitlines()
    assert said.startswith('added "lyon" to')
    assert error.startswith("error: cannot write to standard output")


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["list", "--help"]])
def test_a_full_disk_on_stdout_for_help_or_version_is_an_error_not_a_traceback(
    args: list[str],
) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "endorse", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stderr.startswith("error: cannot write to standard output: No space left")


def test_a_typed_backslash_n_and_a_line_break_differ_in_a_diff(
    invoke: Invoke, tmp_path: Path
) -> None:
    typed, broken = tmp_path / "typed.toml", tmp_path / "broken.toml"
    for path, note in ((typed, "a\\nb"), (broken, "a\nb")):
        path.write_bytes(BUNDLED.read_bytes())
        with endorse.edit(path) as draft:
            draft.edit("accra", note=note)
    shown = invoke("diff", typed, broken).stdout
    assert 'note: "a\\\\nb" \u2192 "a\\nb"' in shown


def test_a_withdraw_note_ending_the_old_note_mid_sentence_is_still_added(
    invoke: Invoke, registry_copy: Path
) -> None:
    invoke("--registry", registry_copy, "edit", "accra", "--note", "Mayor left office 2018.")
    invoke("--registry", registry_copy, "withdraw", "accra", "--note", "2018.")
    note = endorse.load(registry_copy).by_id("accra").note  # type: ignore[union-attr]
    assert note == "Mayor left office 2018. 2018."


def test_a_withdraw_note_found_inside_the_old_note_is_still_added(
    invoke: Invoke, registry_copy: Path
) -> None:
    invoke("--registry", registry_copy, "withdraw", "abidjan", "--note", "2015")
    note = endorse.load(registry_copy).by_id("abidjan").note  # type: ignore[union-attr]
    assert note is not None and note.endswith(" 2015") or note.endswith("; 2015")


def test_a_list_written_to_dev_stdout_reaches_a_pipe() -> None:
    result = run("--registry", BUNDLED, "list", "--format", "ids", "--output", "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert "pittsburgh" in result.stdout.split()


@pytest.mark.parametrize("command", [["list"], ["report"]])
def test_an_output_ending_in_a_slash_is_refused_as_a_folder(
    invoke: Invoke, tmp_path: Path, command: list[str]
) -> None:
    result = invoke("--registry", BUNDLED, *command, "--output", f"{tmp_path / 'out'}/")
    assert result.exit_code == 2
    assert "names a folder" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_init_of_a_path_ending_in_a_slash_creates_nothing(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("init", "new/", *_PAPER)
    assert result.exit_code == 2
    assert "give a file name, such as new/registry.toml" in _unboxed(result.stderr)
    assert list(tmp_path.iterdir()) == []


def test_init_refuses_a_folder_named_by_the_environment(tmp_path: Path) -> None:
    result = run("init", *_PAPER, ENDORSE_REGISTRY=f"{tmp_path / 'new'}/")
    assert result.returncode == 2
    assert "ENDORSE_REGISTRY" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_registry_option_ending_in_a_slash_is_refused(invoke: Invoke) -> None:
    result = invoke("--registry", f"{BUNDLED}/", "list")
    assert result.exit_code == 2
    assert "names a folder" in result.stderr


_PAPER = ("--title", "Paper", "--network", "Network", "--members-declared", "3")


@pytest.mark.parametrize(
    "command", [["list", "--output", ""], ["init", "", *_PAPER], ["--registry", "", "list"]]
)
def test_an_empty_file_name_is_said_to_be_empty(invoke: Invoke, command: list[str]) -> None:
    result = invoke(*command)
    assert result.exit_code == 2
    assert "the file name is empty" in _unboxed(result.stderr)


def _unboxed(usage_error: str) -> str:
    """A usage error's words on one line, without the box and the wrapping around them."""
    return " ".join(usage_error.replace("│", " ").split())


# Commands that change nothing write nothing


def _crlf_copy(registry_copy: Path) -> bytes:
    crlf = registry_copy.read_bytes().replace(b"\n", b"\r\n")
    registry_copy.write_bytes(crlf)
    return crlf


@pytest.mark.parametrize(
    "command",
    [
        ["edit", "chicago", "--member", "--nonmember"],
        ["edit", "chicago", "--name", "Chicago"],
        ["fmt", "--check"],
    ],
)
def test_a_command_that_changes_nothing_writes_nothing(
    invoke: Invoke, registry_copy: Path, command: list[str]
) -> None:
    before = _crlf_copy(registry_copy)
    invoke("--registry", registry_copy, *command)
    assert registry_copy.read_bytes() == before


def test_withdrawing_twice_changes_nothing_the_second_time(
    invoke: Invoke, registry_copy: Path
) -> None:
    assert invoke("--registry", registry_copy, "withdraw", "chicago", "--note", "N.").exit_code == 0
    after_first = registry_copy.read_bytes()
    second = invoke("--registry", registry_copy, "withdraw", "chicago", "--note", "N.")
    assert second.exit_code == 0
    assert "already withdrawn; nothing was changed" in second.stderr
    assert registry_copy.read_bytes() == after_first


def test_a_note_given_to_a_withdrawn_signatory_is_added_once(
    invoke: Invoke, registry_copy: Path
) -> None:
    invoke("--registry", registry_copy, "withdraw", "chicago")
    first = invoke("--registry", registry_copy, "withdraw", "chicago", "--note", "Letter of May.")
    assert "already withdrawn; the note given was added" in first.stderr
    after_first = registry_copy.read_bytes()
    second = invoke("--registry", registry_copy, "withdraw", "chicago", "--note", "Letter of May.")
    assert "its note already says that" in second.stderr
    assert registry_copy.read_bytes() == after_first
    assert endorse.load(registry_copy).by_id("chicago").note.endswith("Letter of May.")  # type: ignore[union-attr]


def test_an_import_whose_rows_are_all_skipped_writes_nothing(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    before = _crlf_copy(registry_copy)
    rows = tmp_path / "rows.csv"
    rows.write_text("name,country\nChicago,US\nNew York City,US\n", encoding="utf-8")
    result = invoke("--registry", registry_copy, "import", rows, "--on-duplicate", "skip")
    assert result.exit_code == 0, result.stderr
    assert registry_copy.read_bytes() == before


def test_a_dry_run_takes_no_lock(invoke: Invoke, registry_copy: Path) -> None:
    result = invoke("--registry", registry_copy, "add", "Lyon", "--country", "FR", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert not registry_copy.with_name("registry.toml.lock").exists()


# Import of what endorse itself writes


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


def test_a_near_duplicate_of_two_copies_is_reported_once(tmp_path: Path) -> None:
    registry = tmp_path / "registry.toml"
    text = 'format = 1\n\n[paper]\ntitle = "T"\nnetwork = "N"\nmembers_declared = 0\n'
    for number, name in enumerate(["Philadelphia", "Philadelphia", "Philadelpia"]):
        text += (
            f'\n[[signatory]]\nid = "p{number}"\nname = "{name}"\nkind = "city"\n'
            f'country = "US"\nsubdivision = "US-PA"\nmember = false\nstatus = "confirmed"\n'
        )
    registry.write_text(text, encoding="utf-8")
    near = [f for f in endorse.validate(registry) if f.code == "W303"]
    assert [f.signatory_id for f in near] == ["p2"]


# Values


def test_a_future_endorsement_is_refused_by_add_as_validate_reports_it(
    invoke: Invoke, registry_copy: Path
) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    result = invoke(
        "--registry", registry_copy, "add", "Lyon", "--country", "FR", "--endorsed-on", tomorrow
    )
    assert result.exit_code == 2
    assert f"endorsed_on {tomorrow} is in the future" in result.stderr


def test_a_refused_value_cannot_forge_a_line_of_the_message(
    invoke: Invoke, registry_copy: Path
) -> None:
    result = invoke("--registry", registry_copy, "add", "Lyon\nerror: forged", "--country", "FR")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "\\n" in result.stderr


def test_a_lock_timeout_that_is_not_a_number_is_a_usage_error(
    invoke: Invoke, registry_copy: Path
) -> None:
    result = invoke(
        "--registry", registry_copy, "add", "Lyon", "--country", "FR", "--lock-timeout", "nan"
    )
    assert result.exit_code == 2


def test_letters_of_another_script_that_look_latin_are_refused_in_a_name(
    invoke: Invoke, registry_copy: Path
) -> None:
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "add", "\u0421hi\u0441ago", "--country", "US")
    assert result.exit_code == 2
    assert "the letter \u0421 (CYRILLIC CAPITAL LETTER ES) at position 1 is not" in result.stderr
    assert registry_copy.read_bytes() == before


def test_a_latin_letter_in_a_cyrillic_word_is_the_letter_named(
    invoke: Invoke, registry_copy: Path
) -> None:
    result = invoke(
        "--registry", registry_copy, "add", "\u041c\u043e\u0441\u043a\u0432a", "--country", "RU"
    )
    assert result.exit_code == 2
    assert "the letter a (LATIN SMALL LETTER A) at position 6" in result.stderr


def test_a_name_in_two_scripts_word_by_word_is_accepted(
    invoke: Invoke, registry_copy: Path
) -> None:
    result = invoke(
        "--registry", registry_copy, "add", "Kyiv / \u041a\u0438\u0457\u0432", "--country", "UA"
    )
    assert result.exit_code == 0, result.stderr


def test_look_alike_letters_in_the_source_s_spelling_are_kept_as_written(
    invoke: Invoke, registry_copy: Path
) -> None:
    result = invoke(
        "--registry", registry_copy, "add", "Lyon", "--country", "FR", "--as-written", "Ly\u043en"
    )
    assert result.exit_code == 0, result.stderr


def test_a_name_wholly_in_another_script_is_transliterated_not_read_as_latin() -> None:
    from endorse.places.names import fold

    assert fold("Москва") == "moskva"


def test_carson_city_is_one_place_and_counted(tmp_path: Path) -> None:
    registry = tmp_path / "registry.toml"
    registry.write_text(
        'format = 1\n\n[paper]\ntitle = "T"\nnetwork = "N"\nmembers_declared = 0\n'
        'summary = "An aim."\n\n'
        '[[signatory]]\nid = "carson-city"\nname = "Carson City"\nkind = "city"\n'
        'country = "US"\nsubdivision = "US-NV"\nmember = false\nstatus = "confirmed"\n'
        'source = "Letter"\n',
        encoding="utf-8",
    )
    assert endorse.validate(registry) == []
    counted = endorse.summarise(endorse.load(registry)).population.counted
    assert [c.id for c in counted] == ["carson-city"]


# The environment


def test_a_latin_1_terminal_gets_escapes_not_a_crash(tmp_path: Path) -> None:
    registry = tmp_path / "registry.toml"
    registry.write_bytes(BUNDLED.read_bytes())
    with endorse.edit(registry) as draft:
        draft.add(name="Kraków", country="PL", as_written="Kraków \u0107\u4eac")
    for command in (["report"], ["show", "krakow"], ["list"]):
        done = run("--registry", registry, *command, encoding="latin-1", PYTHONIOENCODING="latin-1")
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr


def test_a_latin_1_terminal_reads_the_arrow_of_a_diff_as_ascii(tmp_path: Path) -> None:
    before, after = tmp_path / "before.toml", tmp_path / "after.toml"
    before.write_bytes(BUNDLED.read_bytes())
    after.write_text(BUNDLED.read_text().replace('"Pittsburgh"', '"Pittsburgh City"', 1))
    screen = _on_a_terminal(["diff", str(before), str(after)], PYTHONIOENCODING="latin-1")
    assert 'name: "Pittsburgh" -> "Pittsburgh City"' in screen


def test_data_in_a_pipe_is_exact_utf_8_whatever_the_locale(tmp_path: Path) -> None:
    registry = tmp_path / "registry.toml"
    registry.write_bytes(BUNDLED.read_bytes())
    with endorse.edit(registry) as draft:
        draft.add(name="Saint\u2019Agnès", country="FR", as_written="\u6771\u4eac")
    for command in (["list", "--format", "csv"], ["report", "--format", "html"]):
        done = run("--registry", registry, *command, PYTHONIOENCODING="latin-1")
        assert "Saint\u2019Agnès" in done.stdout, command
    assert (
        "\u6771\u4eac"
        in run("--registry", registry, "show", "saint-agnes", PYTHONIOENCODING="latin-1").stdout
    )


def test_a_latin_1_terminal_shortens_a_message_with_three_dots() -> None:
    args = ["--registry", str(BUNDLED), "add", "x" * 300, "--country", "US", "--dry-run"]
    screen = _on_a_terminal(args, PYTHONIOENCODING="latin-1")
    assert 'xxx..." is 300 characters long' in screen


def test_a_latin_1_terminal_escapes_a_dash_of_the_registry_s_text(tmp_path: Path) -> None:
    registry = tmp_path / "registry.toml"
    registry.write_bytes(BUNDLED.read_bytes())
    with endorse.edit(registry) as draft:
        draft.edit("accra", note="Nouveau \u2014 \u201ctest\u201d")
    screen = _on_a_terminal(
        ["--registry", str(registry), "show", "accra"], PYTHONIOENCODING="latin-1"
    )
    assert "Nouveau \\u2014 \\u201ctest\\u201d" in screen


def test_messages_in_a_pipe_are_utf_8_whatever_the_locale() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "endorse", "--registry", str(BUNDLED), "show", "Montr\u00e9alx"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "latin-1"},
        timeout=60,
    )
    assert "Montr\u00e9alx".encode() in done.stderr


@pytest.mark.parametrize("columns", ["20", "40"])
def test_a_narrow_terminal_gets_the_plain_table_with_whole_ids(columns: str) -> None:
    args = ["--registry", str(BUNDLED), "list", "--country", "US"]
    screen = _on_a_terminal(args, NO_COLOR="", COLUMNS=columns)
    assert "washington" in screen.split()
    assert "\u2503" not in screen.encode("latin-1").decode("utf-8")


def test_a_wide_terminal_gets_the_rich_table() -> None:
    args = ["--registry", str(BUNDLED), "list", "--country", "US"]
    screen = _on_a_terminal(args, NO_COLOR="", COLUMNS="100")
    assert "\u2503" in screen.encode("latin-1").decode("utf-8")


def _on_a_terminal(args: list[str], **env: str) -> str:
    """What endorse shows on a terminal (a pseudo-terminal), decoded as Latin-1."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "endorse", *args],
        stdout=follower,
        stderr=follower,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **env},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("latin-1").replace("\r\n", "\n")


def test_a_deleted_working_folder_is_an_error_not_a_crash(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    script = (
        "import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]);"
        "from endorse.entry import main; sys.argv = ['endorse', *sys.argv[2:]]; main()"
    )
    for args in (["list"], ["--registry", str(BUNDLED), "list"]):
        gone.mkdir()
        done = subprocess.run(
            [sys.executable, "-P", "-c", script, str(gone), *args],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        assert "Traceback" not in done.stderr
        expected = 0 if "--registry" in args else 1
        assert done.returncode == expected, done.stderr


def test_init_where_a_file_stands_in_the_way_is_an_error(invoke: Invoke, tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    result = invoke(
        "init",
        blocker / "registry.toml",
        "--title",
        "T",
        "--network",
        "N",
        "--members-declared",
        "1",
    )
    assert result.exit_code == 1
    assert "cannot write" in result.stderr


def test_a_shared_folder_named_as_a_cache_is_left_alone(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    done = run("--registry", BUNDLED, "validate", ENDORSE_CACHE_DIR=str(shared))
    assert done.returncode == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert list(shared.iterdir()) == []

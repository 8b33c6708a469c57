"""The editing commands end to end: init, add, edit, withdraw, remove, fmt."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

import endorse
from conftest import InvokeResult
from endorse.cli import edit as edit_commands
from endorse.registry.store import dumps, is_canonical, load

Invoke = Callable[..., InvokeResult]


def test_init_creates_a_canonical_empty_registry(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "new" / "registry.toml"
    result = invoke(
        "init", path, "--title", "Paper", "--network", "Net", "--members-declared", "12"
    )
    assert result.exit_code == 0
    loaded = load(path)
    assert loaded.registry.paper.members_declared == 12
    assert loaded.registry.signatories == ()
    assert is_canonical(path.read_bytes(), loaded.registry)
    assert f"created {path}" in result.stderr


def test_init_uses_the_registry_option_when_no_path_is_given(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "r.toml"
    args = ("--title", "Paper", "--network", "Net", "--members-declared", "1")
    assert invoke("--registry", path, "init", *args).exit_code == 0
    assert endorse.load(path).paper.title == "Paper"


def test_init_refuses_an_existing_file(invoke: Invoke, registry_copy: Path) -> None:
    before = registry_copy.read_bytes()
    result = invoke(
        "init", registry_copy, "--title", "T", "--network", "N", "--members-declared", "1"
    )
    assert result.exit_code == 1
    assert "a file is already there; a new registry never overwrites one" in result.stderr
    assert "--registry PATH" in result.stderr
    assert registry_copy.read_bytes() == before


def test_init_refuses_a_control_character_in_the_title(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    args = ("--title", "T\x07", "--network", "N", "--members-declared", "1")
    assert invoke("init", path, *args).exit_code == 2
    assert not path.exists()


def test_add_prints_the_new_record_and_what_happened(invoke: Invoke, registry_copy: Path) -> None:
    result = invoke(
        "--registry", registry_copy, "add", "Boston", "--country", "USA",
        "--subdivision", "MA", "--endorsed-on", "2018-01-15", "--source", "Letter of 2018-01-15",
    )  # fmt: skip
    assert result.exit_code == 0
    assert "name         Boston" in result.stdout
    assert "subdivision  US-MA" in result.stdout
    assert result.stderr.startswith(f'added "boston" to {registry_copy} (59 signatories)')
    boston = endorse.load(registry_copy).by_id("boston")
    assert boston is not None
    assert (boston.country, boston.member, boston.status) == ("US", False, "confirmed")


def test_add_member_sets_member(invoke: Invoke, registry_copy: Path) -> None:
    invoke("--registry", registry_copy, "add", "Lyon", "--country", "FR", "--member")
    lyon = endorse.load(registry_copy).by_id("lyon")
    assert lyon is not None and lyon.member is True


def test_add_keeps_the_file_canonical(invoke: Invoke, registry_copy: Path) -> None:
    invoke("--registry", registry_copy, "add", "Aachen", "--country", "DE")
    assert is_canonical(registry_copy.read_bytes(), endorse.load(registry_copy))


def test_add_dry_run_shows_the_record_and_writes_nothing(
    invoke: Invoke, registry_copy: Path
) -> None:
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "add", "Boston", "--country", "US", "--dry-run")
    assert result.exit_code == 0
    assert "id           boston" in result.stdout
    assert 'dry run: would add "boston"' in result.stderr
    assert registry_copy.read_bytes() == before


def test_add_chooses_an_id_when_the_slug_is_taken_in_another_country(
    invoke: Invoke, registry_copy: Path
) -> None:
    result = invoke("--registry", registry_copy, "add", "Richmond", "--country", "GB")
    assert result.exit_code == 0
    assert (
        'the id "richmond" is taken by "Richmond" (US, city), so this one is "richmond-gb"'
        in result.stderr
    )
    assert 'added "richmond-gb"' in result.stderr
    assert endorse.load(registry_copy).by_id("richmond-gb") is not None


def test_add_with_a_given_id_that_is_taken_is_refused_even_if_it_is_the_slug(
    invoke: Invoke, registry_copy: Path
) -> None:
    before = registry_copy.read_bytes()
    result = invoke(
        "--registry", registry_copy, "add", "Richmond", "--country", "GB", "--id", "richmond"
    )
    assert result.exit_code == 1
    assert 'the id "richmond" is already taken' in result.stderr
    assert '--id "richmond-gb"' in result.stderr
    assert registry_copy.read_bytes() == before


def test_add_with_a_taken_id_in_the_same_country_suggests_another(
    invoke: Invoke, registry_copy: Path
) -> None:
    before = registry_copy.read_bytes()
    result = invoke(
        "--registry", registry_copy, "add", "Richmond", "--country", "US", "--kind", "county"
    )
    assert result.exit_code == 1
    assert 'the id "richmond" is already taken' in result.stderr
    assert '--id "richmond-county"' in result.stderr
    assert registry_copy.read_bytes() == before


def test_add_with_a_given_id_adds_a_namesake_of_another_country(
    invoke: Invoke, registry_copy: Path
) -> None:
    result = invoke(
        "--registry", registry_copy, "add", "Richmond", "--country", "GB", "--id", "richmond-gb"
    )
    assert result.exit_code == 0
    assert endorse.load(registry_copy).by_id("richmond-gb") is not None


def test_add_near_duplicate_with_force_is_added(invoke: Invoke, registry_copy: Path) -> None:
    result = invoke("--registry", registry_copy, "add", "Sao Paolo", "--country", "BR", "--force")
    assert result.exit_code == 0
    assert endorse.load(registry_copy).by_id("sao-paolo") is not None


REFUSED_ADDS = {
    "duplicate": (["Pittsburg", "--country", "US"], 1, 'already in the registry as "pittsburgh"'),
    "near-duplicate": (["Sao Paolo", "--country", "BR"], 1, 'did you mean "sao-paulo"'),
    "bad-country": (["Boston", "--country", "Untied States"], 2, "did you mean US"),
    "bad-subdivision": (["Boston", "--country", "US", "--subdivision", "FR-IDF"], 2, "not in US"),
    "bad-date": (["Boston", "--country", "US", "--endorsed-on", "2018-02-30"], 2, "not a real"),
    "control-character": (["Bos\x1b[2Jton", "--country", "US"], 2, "control character U+001B"),
    "long-name": (["B" * 201, "--country", "US"], 2, "at most 200"),
    "bad-kind": (["Boston", "--country", "US", "--kind", "town"], 2, "town"),
}


@pytest.mark.parametrize("case", REFUSED_ADDS, ids=list(REFUSED_ADDS))
def test_a_refused_add_leaves_the_registry_byte_for_byte_unchanged(
    invoke: Invoke, registry_copy: Path, case: str
) -> None:
    args, exit_code, message = REFUSED_ADDS[case]
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "add", *args)
    assert result.exit_code == exit_code
    assert message in result.stderr
    assert registry_copy.read_bytes() == before


def test_a_refusal_prints_the_refused_text_without_its_escape_sequence(
    invoke: Invoke, registry_copy: Path
) -> None:
    result = invoke("--registry", registry_copy, "add", "Bos\x1b[2Jton", "--country", "US")
    assert "\x1b" not in result.stderr
    assert "Bos\\x1b[2Jton" in result.stderr


def test_a_registry_with_comments_is_not_written(invoke: Invoke, registry_copy: Path) -> None:
    registry_copy.write_text("# kept by hand\n" + registry_copy.read_text(encoding="utf-8"))
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "add", "Boston", "--country", "US")
    assert result.exit_code == 1
    assert f"{registry_copy}:1: the registry holds comments" in result.stderr
    assert "endorse fmt --force" in result.stderr and "note" in result.stderr
    assert registry_copy.read_bytes() == before


def test_a_registry_that_does_not_parse_is_not_written(invoke: Invoke, registry_copy: Path) -> None:
    registry_copy.write_text(registry_copy.read_text(encoding="utf-8") + "\n[[signatory]\n")
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "add", "Boston", "--country", "US")
    assert result.exit_code == 1
    assert f"{registry_copy}:" in result.stderr and "the file was not changed" in result.stderr
    assert registry_copy.read_bytes() == before


def test_edit_changes_only_the_keys_given(invoke: Invoke, registry_copy: Path) -> None:
    before = endorse.load(registry_copy).by_id("pittsburgh")
    result = invoke(
        "--registry", registry_copy, "edit", "pittsburgh", "--endorsed-on", "2017-12-05"
    )
    assert result.exit_code == 0
    assert 'changed endorsed_on of "pittsburgh"' in result.stderr
    after = endorse.load(registry_copy).by_id("pittsburgh")
    assert before is not None and after is not None
    assert str(after.endorsed_on) == "2017-12-05"
    assert (after.name, after.as_written, after.note, after.source) == (
        before.name,
        before.as_written,
        before.note,
        before.source,
    )


def test_edit_keeps_unknown_keys(invoke: Invoke, registry_copy: Path) -> None:
    text = registry_copy.read_text(encoding="utf-8")
    registry_copy.write_text(
        text.replace('id = "buffalo"\n', 'id = "buffalo"\ncontact = "mayor@buffalo.example"\n')
    )
    result = invoke("--registry", registry_copy, "edit", "buffalo", "--note", "Called back")
    assert result.exit_code == 0
    buffalo = endorse.load(registry_copy).by_id("buffalo")
    assert buffalo is not None
    assert buffalo.extra == {"contact": "mayor@buffalo.example"}
    assert buffalo.note == "Called back"


def test_edit_accepts_a_name_for_the_id(invoke: Invoke, registry_copy: Path) -> None:
    result = invoke("--registry", registry_copy, "edit", "Montreal", "--kind", "region")
    assert result.exit_code == 0
    montreal = endorse.load(registry_copy).by_id("montreal")
    assert montreal is not None and montreal.kind == "region"


def test_edit_clear_empties_an_optional_key(invoke: Invoke, registry_copy: Path) -> None:
    assert (
        invoke("--registry", registry_copy, "edit", "pittsburgh", "--clear", "note").exit_code == 0
    )
    pittsburgh = endorse.load(registry_copy).by_id("pittsburgh")
    assert pittsburgh is not None and pittsburgh.note is None


def test_edit_without_changes_is_a_usage_error(invoke: Invoke, registry_copy: Path) -> None:
    assert invoke("--registry", registry_copy, "edit", "pittsburgh").exit_code == 2


def test_edit_into_an_exact_duplicate_is_refused(invoke: Invoke, registry_copy: Path) -> None:
    before = registry_copy.read_bytes()
    result = invoke(
        "--registry", registry_copy, "edit", "buffalo", "--name", "Chicago", "--subdivision", "IL"
    )
    assert result.exit_code == 1
    assert 'already in the registry as "chicago"' in result.stderr
    assert registry_copy.read_bytes() == before


def test_edit_of_an_unknown_id_suggests_the_closest(invoke: Invoke, registry_copy: Path) -> None:
    result = invoke("--registry", registry_copy, "edit", "pittsbrugh", "--note", "x")
    assert result.exit_code == 1
    assert 'did you mean "pittsburgh"' in result.stderr


def test_withdraw_keeps_the_record_and_adds_the_note(invoke: Invoke, registry_copy: Path) -> None:
    before = endorse.load(registry_copy).by_id("richmond")
    result = invoke("--registry", registry_copy, "withdraw", "richmond", "--note", "Letter 2018")
    assert result.exit_code == 0
    assert "status       withdrawn" in result.stdout
    richmond = endorse.load(registry_copy).by_id("richmond")
    assert before is not None and richmond is not None
    assert richmond.status == "withdrawn"
    assert before.note is not None and before.note.endswith(".")
    assert richmond.note == f"{before.note} Letter 2018"
    assert len(endorse.load(registry_copy).signatories) == 58


def test_withdraw_adds_the_note_after_a_semicolon_when_the_old_one_has_no_full_stop(
    invoke: Invoke, registry_copy: Path
) -> None:
    invoke("--registry", registry_copy, "edit", "richmond", "--note", "Which Richmond")
    invoke("--registry", registry_copy, "withdraw", "richmond", "--note", "Letter 2018")
    richmond = endorse.load(registry_copy).by_id("richmond")
    assert richmond is not None and richmond.note == "Which Richmond; Letter 2018"


def test_withdraw_twice_changes_nothing_the_second_time(
    invoke: Invoke, registry_copy: Path
) -> None:
    invoke("--registry", registry_copy, "withdraw", "richmond")
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "withdraw", "richmond")
    assert result.exit_code == 0
    assert "already withdrawn" in result.stderr
    assert registry_copy.read_bytes() == before


def test_remove_with_yes_deletes_the_record(invoke: Invoke, registry_copy: Path) -> None:
    result = invoke("--registry", registry_copy, "remove", "montgomery-county", "--yes")
    assert result.exit_code == 0
    assert 'removed "montgomery-county"' in result.stderr
    assert endorse.load(registry_copy).by_id("montgomery-county") is None
    assert len(endorse.load(registry_copy).signatories) == 57


def test_remove_without_a_terminal_and_without_yes_is_exit_2(
    invoke: Invoke, registry_copy: Path
) -> None:
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "remove", "montgomery-county")
    assert result.exit_code == 2
    assert "add --yes" in result.stderr
    assert registry_copy.read_bytes() == before


def test_remove_at_a_terminal_asks_and_a_no_keeps_the_record(
    invoke: Invoke, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(edit_commands, "stdin_is_terminal", lambda: True)
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "remove", "montgomery-county", input="n\n")
    assert result.exit_code == 1
    assert 'Remove "montgomery-county" (Montgomery County)' in result.stderr
    assert registry_copy.read_bytes() == before


def test_remove_at_a_terminal_asks_and_a_yes_removes(
    invoke: Invoke, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(edit_commands, "stdin_is_terminal", lambda: True)
    result = invoke("--registry", registry_copy, "remove", "montgomery-county", input="y\n")
    assert result.exit_code == 0
    assert endorse.load(registry_copy).by_id("montgomery-county") is None


def shuffled(path: Path) -> None:
    """Rewrite the registry with its signatories and their keys in a random order."""
    text = path.read_text(encoding="utf-8")
    head, *blocks = text.split("\n[[signatory]]\n")
    rng = random.Random(7)
    rng.shuffle(blocks)
    for i, block in enumerate(blocks):
        lines = block.strip("\n").split("\n")
        rng.shuffle(lines)
        blocks[i] = "\n".join(lines) + "\n"
    path.write_text("\n[[signatory]]\n".join([head, *blocks]), encoding="utf-8")


def test_fmt_check_exits_1_on_a_shuffled_file_and_0_after_fmt(
    invoke: Invoke, registry_copy: Path
) -> None:
    shuffled(registry_copy)
    checked = invoke("--registry", registry_copy, "fmt", "--check")
    assert checked.exit_code == 1
    assert f"{registry_copy}: not in canonical form" in checked.stderr
    assert invoke("--registry", registry_copy, "fmt").exit_code == 0
    assert invoke("--registry", registry_copy, "fmt", "--check").exit_code == 0


def test_fmt_gives_back_the_canonical_text_and_the_same_content(
    invoke: Invoke, registry_copy: Path
) -> None:
    original = endorse.load(registry_copy)
    shuffled(registry_copy)
    invoke("--registry", registry_copy, "fmt")
    assert registry_copy.read_text(encoding="utf-8") == dumps(original)


def test_fmt_is_idempotent(invoke: Invoke, registry_copy: Path) -> None:
    shuffled(registry_copy)
    invoke("--registry", registry_copy, "fmt")
    once = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "fmt")
    assert "already in canonical form" in result.stderr
    assert registry_copy.read_bytes() == once


def test_fmt_check_never_writes(invoke: Invoke, registry_copy: Path) -> None:
    shuffled(registry_copy)
    before = registry_copy.read_bytes()
    invoke("--registry", registry_copy, "fmt", "--check")
    assert registry_copy.read_bytes() == before


def test_fmt_refuses_comments_without_force(invoke: Invoke, registry_copy: Path) -> None:
    registry_copy.write_text(registry_copy.read_text(encoding="utf-8") + "# the end\n")
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "fmt")
    assert result.exit_code == 1
    assert "endorse fmt --force" in result.stderr
    assert registry_copy.read_bytes() == before


def test_fmt_force_drops_comments_and_says_so(invoke: Invoke, registry_copy: Path) -> None:
    registry_copy.write_text(registry_copy.read_text(encoding="utf-8") + "# the end\n")
    result = invoke("--registry", registry_copy, "fmt", "--force")
    assert result.exit_code == 0
    assert "1 comment dropped" in result.stderr
    assert "#" not in registry_copy.read_text(encoding="utf-8").split("\n")[-2]


def test_fmt_rewrites_a_byte_order_mark_and_crlf(invoke: Invoke, registry_copy: Path) -> None:
    text = registry_copy.read_text(encoding="utf-8")
    registry_copy.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert invoke("--registry", registry_copy, "fmt", "--check").exit_code == 1
    invoke("--registry", registry_copy, "fmt")
    assert registry_copy.read_text(encoding="utf-8") == text


def test_a_registry_found_upward_is_named_relative_to_the_current_folder(
    invoke: Invoke, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (registry_copy.parent.parent / "letters").mkdir()
    monkeypatch.chdir(registry_copy.parent.parent / "letters")
    result = invoke("add", "Boston", "--country", "US")
    assert result.stderr == 'added "boston" to ../data/registry.toml (59 signatories)\n'


def test_a_duplicate_through_as_written_quotes_the_spelling_that_clashes(
    invoke: Invoke, registry_copy: Path
) -> None:
    result = invoke("--registry", registry_copy, "edit", "buffalo", "--as-written", "New York City")
    assert result.exit_code == 1
    assert result.stderr.startswith('error: "New York City" (US, city) is already in the registry')


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

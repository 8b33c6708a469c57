"""The Python API given what a script may pass by mistake: a date and time, None, one key
as a string, hand-made signatories. It either does what was meant or refuses, and the file
is never left holding what the commands would refuse."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

import endorse
from conftest import BUNDLED, InvokeResult
from endorse import Signatory
from endorse.imports.planning import Candidate


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    path = tmp_path / "registry.toml"
    shutil.copyfile(BUNDLED, path)
    return path


def test_a_date_and_time_given_for_a_date_is_its_day(registry: Path) -> None:
    with endorse.edit(registry) as draft:
        draft.edit_paper(presented_on=datetime(2017, 12, 5, 9, 30))
        draft.edit("accra", endorsed_on=datetime(2018, 1, 2, 10))
    loaded = endorse.load(registry)
    assert loaded.paper.presented_on == date(2017, 12, 5)
    assert loaded.by_id("accra").endorsed_on == date(2018, 1, 2)  # type: ignore[union-attr]


@pytest.mark.parametrize("change", [{"note": None}, {"name": None}])
def test_none_given_to_edit_is_refused_not_stored_as_text(
    registry: Path, change: dict[str, None]
) -> None:
    before = registry.read_bytes()
    with pytest.raises(endorse.EndorseError, match="is None, which is no value"):
        with endorse.edit(registry) as draft:
            draft.edit("accra", **change)  # type: ignore[arg-type]
    assert registry.read_bytes() == before


def test_none_given_for_the_paper_s_title_is_refused(registry: Path) -> None:
    with pytest.raises(endorse.EndorseError, match="title is None"):
        with endorse.edit(registry) as draft:
            draft.edit_paper(title=None)  # type: ignore[arg-type]


def test_one_key_to_clear_may_be_given_as_a_string(registry: Path) -> None:
    with endorse.edit(registry) as draft:
        draft.edit("accra", clear="note")
    assert endorse.load(registry).by_id("accra").note is None  # type: ignore[union-attr]


def test_a_hand_made_signatory_that_breaks_the_format_is_never_written(registry: Path) -> None:
    before = registry.read_bytes()
    bad = Signatory("Bad ID", "Lyon", "town", "FR", False, "confirmed")
    with pytest.raises(endorse.EndorseError, match='id "Bad ID" is not a slug'):
        with endorse.edit(registry) as draft:
            draft.add_all([Candidate(1, bad)])
    assert registry.read_bytes() == before


def test_validate_takes_a_date_and_time_for_today(registry: Path) -> None:
    assert endorse.validate(registry, today=datetime(2030, 1, 1, 12)) == endorse.validate(
        registry, today=date(2030, 1, 1)
    )


def test_diff_takes_two_files(registry: Path) -> None:
    with endorse.edit(registry) as draft:
        draft.withdraw("accra")
    changes = endorse.diff(BUNDLED, registry)
    assert [change.new.id for change in changes.of_kind("withdrawn") if change.new] == ["accra"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any file")
def test_a_read_only_registry_is_refused_and_left_as_it_is(registry: Path) -> None:
    registry.chmod(0o444)
    with pytest.raises(endorse.EndorseError, match="read-only"):
        with endorse.edit(registry) as draft:
            draft.withdraw("accra")
    assert registry.read_bytes() == BUNDLED.read_bytes()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any file")
def test_a_dry_run_answers_on_a_read_only_registry(registry: Path) -> None:
    registry.chmod(0o444)
    with endorse.edit(registry, dry_run=True) as draft:
        added = draft.add(name="Gdynia", country="PL")
    assert added.id == "gdynia"
    assert registry.read_bytes() == BUNDLED.read_bytes()


# Issue 23: wrong types refused naming the argument; the draft writes the file it opened,
# and only inside its block.


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"name": 123}, "name"),
        ({"source": 5}, "source"),
        ({"endorsed_on": 20180115}, "endorsed_on"),
        ({"as_written": ["a"]}, "as_written"),
        ({"kind": 5}, "kind"),
        ({"member": 1.5}, "member"),
        ({"subdivision": 5}, "subdivision"),
        ({"id": 7}, "id"),
    ],
)
def test_add_refuses_a_value_of_the_wrong_type_naming_the_argument(
    registry: Path, arguments: dict[str, object], field: str
) -> None:
    before = registry.read_bytes()
    values = {"name": "Gdynia", "country": "PL", **arguments}
    with pytest.raises(endorse.ValueProblem, match=f"^{field} must be ") as refused:
        with endorse.edit(registry) as draft:
            draft.add(**values)  # type: ignore[arg-type]
    assert refused.value.field == field
    assert registry.read_bytes() == before


@pytest.mark.parametrize("change", [{"name": 5}, {"note": ["a", "b"]}, {"status": True}])
def test_edit_refuses_a_value_of_the_wrong_type_rather_than_storing_its_text(
    registry: Path, change: dict[str, object]
) -> None:
    before = registry.read_bytes()
    with pytest.raises(endorse.ValueProblem, match="must be text"), endorse.edit(registry) as d:
        d.edit("accra", **change)  # type: ignore[arg-type]
    assert registry.read_bytes() == before


@pytest.mark.parametrize(
    "change", [{"summary": ["a", "b"]}, {"title": 5}, {"presented_on": 20171204}]
)
def test_edit_paper_refuses_a_value_of_the_wrong_type(
    registry: Path, change: dict[str, object]
) -> None:
    with pytest.raises(endorse.ValueProblem, match="must be"), endorse.edit(registry) as draft:
        draft.edit_paper(**change)  # type: ignore[arg-type]


def test_withdraw_refuses_a_note_that_is_not_text(registry: Path) -> None:
    with pytest.raises(endorse.ValueProblem, match="note must be text"):
        with endorse.edit(registry) as draft:
            draft.withdraw("accra", note=5)  # type: ignore[arg-type]


@pytest.mark.parametrize("reference", [None, 5])
def test_a_reference_that_is_not_text_is_refused(registry: Path, reference: object) -> None:
    with pytest.raises(endorse.ValueProblem, match="reference must be an id or a name"):
        with endorse.edit(registry) as draft:
            draft.remove(reference)  # type: ignore[arg-type]


def test_add_all_takes_hand_made_signatories(registry: Path) -> None:
    gdynia = Signatory("gdynia", "Gdynia", "city", "PL", False, "confirmed")
    with endorse.edit(registry) as draft:
        plan = draft.add_all([gdynia])
    assert [c.signatory.id for c in plan.added] == ["gdynia"]
    assert endorse.load(registry).by_id("gdynia") == gdynia


def test_add_all_refuses_an_item_that_is_no_signatory(registry: Path) -> None:
    with pytest.raises(endorse.ValueProblem, match="item 1 is dict"):
        with endorse.edit(registry) as draft:
            draft.add_all([{"name": "Gdynia"}])  # type: ignore[list-item]


def test_validate_reads_today_given_as_an_iso_date(registry: Path) -> None:
    as_text = endorse.validate(registry, today="2018-01-01")  # type: ignore[arg-type]
    assert as_text == endorse.validate(registry, today=date(2018, 1, 1))
    with pytest.raises(endorse.ValueProblem, match="today"):
        endorse.validate(registry, today="1 January 2018")  # type: ignore[arg-type]


@pytest.mark.parametrize("timeout", ["5", -1, float("nan"), True])
def test_a_lock_timeout_that_is_no_number_of_seconds_is_refused(
    registry: Path, timeout: object
) -> None:
    with pytest.raises(endorse.ValueProblem, match="lock_timeout must be a number of seconds"):
        with endorse.edit(registry, lock_timeout=timeout):  # type: ignore[arg-type]
            pass


def test_a_draft_used_after_its_block_is_refused_and_writes_nothing(registry: Path) -> None:
    with endorse.edit(registry) as draft:
        pass
    before = registry.read_bytes()
    with pytest.raises(endorse.DraftClosedError, match="block has ended"):
        draft.add(name="Gdynia", country="PL")
    assert registry.read_bytes() == before


def test_a_draft_writes_the_file_it_opened_after_a_change_of_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        (folder / "data").mkdir(parents=True)
        shutil.copyfile(BUNDLED, folder / "data" / "registry.toml")
    monkeypatch.chdir(first)
    with endorse.edit("data/registry.toml") as draft:
        draft.add(name="Gdynia", country="PL")
        monkeypatch.chdir(second)
    assert endorse.load(first / "data" / "registry.toml").by_id("gdynia") is not None
    assert (second / "data" / "registry.toml").read_bytes() == BUNDLED.read_bytes()


def test_members_declared_beyond_tomls_integers_is_refused(registry: Path) -> None:
    before = registry.read_bytes()
    with pytest.raises(endorse.ValueProblem, match="out of range"):
        with endorse.edit(registry) as draft:
            draft.edit_paper(members_declared=2**63)
    assert registry.read_bytes() == before


def test_paper_refuses_members_declared_beyond_tomls_integers_on_the_command_line(
    invoke: Callable[..., InvokeResult], registry: Path
) -> None:
    before = registry.read_bytes()
    result = invoke("--registry", registry, "paper", "--members-declared", str(2**63))
    assert result.exit_code == 2
    assert "out of range" in result.stderr
    assert registry.read_bytes() == before


def test_validate_reports_an_integer_beyond_tomls_written_by_another_tool(
    registry: Path,
) -> None:
    text = registry.read_text(encoding="utf-8").replace(
        "members_declared = 136", f"members_declared = {2**63}"
    )
    registry.write_text(text, encoding="utf-8")
    findings = endorse.validate(registry)
    assert any("beyond TOML's 64-bit integers" in f.message for f in findings)


def test_a_key_of_its_own_holding_an_integer_beyond_tomls_is_refused(registry: Path) -> None:
    huge = Signatory("gdynia", "Gdynia", "city", "PL", False, "confirmed", extra={"n": 2**64})
    with pytest.raises(endorse.EndorseError, match="beyond what TOML holds"):
        with endorse.edit(registry) as draft:
            draft.add_all([huge])


# Found by review: hand-made signatories meet the value rules; every argument's type.


@pytest.mark.parametrize(
    "values",
    [
        {"name": "Evil\u202eville", "country": "FR"},
        {"name": "Two\nLines", "country": "FR"},
        {"name": "Lyon", "country": "XX"},
        {"name": "Lyon", "country": "fr"},
        {"name": 5, "country": "FR"},
    ],
)
def test_a_hand_made_signatory_breaking_a_value_rule_is_refused(
    registry: Path, values: dict[str, object]
) -> None:
    hand_made = Signatory("q1", kind="city", member=False, status="confirmed", **values)  # type: ignore[arg-type]
    with pytest.raises(endorse.EndorseError), endorse.edit(registry) as draft:
        draft.add_all([hand_made])
    assert registry.read_bytes() == BUNDLED.read_bytes()


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda d: d.edit("accra", clear=5), "clear"),
        (lambda d: d.edit("accra", clear=None), "clear"),
        (lambda d: d.edit_paper(add_commitments=5), "add_commitments"),
        (lambda d: d.edit_paper(add_commitments=b"ab"), "add_commitments"),
        (lambda d: d.edit_paper(add_commitments={"a": 1}), "add_commitments"),
        (lambda d: d.edit_paper(add_recipients=[{"name": "x"}]), "recipient"),
        (lambda d: d.add_all(5), "candidates"),
    ],
)
def test_a_draft_argument_of_the_wrong_type_is_refused_naming_it(
    registry: Path, call: Callable[[endorse.Draft], object], argument: str
) -> None:
    with pytest.raises(endorse.ValueProblem) as refused, endorse.edit(registry) as draft:
        call(draft)
    assert refused.value.field == argument
    assert registry.read_bytes() == BUNDLED.read_bytes()


@pytest.mark.parametrize(
    "call",
    [
        lambda: endorse.load(5),
        lambda: endorse.validate(5),
        lambda: endorse.summarise(5),
        lambda: endorse.version(5),
        lambda: endorse.log(".", since=5),
    ],
)
def test_a_library_function_refuses_an_argument_of_the_wrong_type(
    call: Callable[[], object],
) -> None:
    with pytest.raises(endorse.ValueProblem, match="must be"):
        call()


def test_a_lock_timeout_too_large_to_be_a_float_waits_as_long_as_forever(registry: Path) -> None:
    with endorse.edit(registry, lock_timeout=10**400) as draft:
        draft.withdraw("accra")
    assert endorse.load(registry).by_id("accra").status == "withdrawn"  # type: ignore[union-attr]

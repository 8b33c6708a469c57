"""The Python API given what a script may pass by mistake: a date and time, None, one key
as a string, hand-made signatories. It either does what was meant or refuses, and the file
is never left holding what the commands would refuse."""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

import endorse
from conftest import BUNDLED
from endorse.importing import Candidate
from endorse.model import Signatory


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

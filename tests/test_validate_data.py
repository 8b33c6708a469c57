"""Each test registry in tests/data/validate gives exactly the findings written beside it.

For every code there is a registry named `<code>-trigger-….toml` that
triggers it and a near miss `<code>-clean-….toml` that does not; the
expected findings are in `<case>.expected.json`. The checks run with
--verbose, so the info findings only it shows are specified too.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from endorse.checks import CODES, validate_text

DATA = Path(__file__).parent / "data" / "validate"
CASES = sorted(DATA.glob("*.toml"))
TODAY = date(2026, 11, 27)


def _expected(case: Path) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(
        case.with_name(f"{case.stem}.expected.json").read_text(encoding="utf-8")
    )
    return records


def _codes(case: Path) -> set[str]:
    return {record["code"] for record in _expected(case)}


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_registry_gives_exactly_the_expected_findings(case: Path) -> None:
    found = validate_text(case.read_text(encoding="utf-8"), today=TODAY, verbose=True)
    assert [finding.to_record() for finding in found] == _expected(case)


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_a_registry_that_triggers_it(code: str) -> None:
    triggers = [case for case in CASES if case.stem.startswith(f"{code.lower()}-trigger-")]
    assert triggers
    assert all(code in _codes(case) for case in triggers)


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_a_near_miss_that_does_not_trigger_it(code: str) -> None:
    near_misses = [case for case in CASES if case.stem.startswith(f"{code.lower()}-clean-")]
    assert near_misses
    assert all(code not in _codes(case) for case in near_misses)


def test_the_clean_registry_gives_no_finding_at_all() -> None:
    assert validate_text((DATA / "clean.toml").read_text(encoding="utf-8"), verbose=True) == []


def test_every_finding_has_a_hint_and_a_known_code() -> None:
    for case in CASES:
        for record in _expected(case):
            assert record["code"] in CODES
            assert record["hint"].strip()


def _with_endorsed_on(day: date) -> str:
    text = (DATA / "e502-clean-past-date.toml").read_text(encoding="utf-8")
    return text.replace("endorsed_on = 2017-12-04", f"endorsed_on = {day.isoformat()}")


def test_an_endorsement_dated_today_is_not_in_the_future() -> None:
    found = validate_text(_with_endorsed_on(TODAY), today=TODAY)
    assert "E502" not in {finding.code for finding in found}


def test_an_endorsement_dated_tomorrow_is_in_the_future() -> None:
    found = validate_text(_with_endorsed_on(TODAY + timedelta(days=1)), today=TODAY)
    assert [finding.code for finding in found] == ["E502"]


def test_without_verbose_the_not_checked_notes_are_left_out() -> None:
    text = (DATA / "i205-trigger-not-checked.toml").read_text(encoding="utf-8")
    assert validate_text(text, today=TODAY) == []


def test_docs_describe_every_code_with_an_example() -> None:
    docs = (Path(__file__).parent.parent / "docs" / "validation.md").read_text(encoding="utf-8")
    for code in CODES:
        assert f"| {code} |" in docs
        assert f"**{code}: " in docs

"""Commands that apply one rule agree, because they call the one function that holds it.

Each test was once a disagreement: `add` refused what `validate` accepted
(or the reverse), `list` and `validate` blamed different lines, and the
report counted as unknown a place that `validate` knew.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

import endorse
from conftest import InvokeResult

Invoke = Callable[..., InvokeResult]

HEAD = """format = 1

[paper]
title = "A position paper"
network = "Test Network"
members_declared = 0
"""


def _signatory(id: str, name: str, **keys: str) -> str:
    values = {"kind": "city", "country": "US", **keys}
    lines = [f'id = "{id}"', f"name = {json.dumps(name)}"]
    lines += [f'{key} = "{value}"' for key, value in values.items()]
    lines += ["member = false", 'status = "confirmed"', 'source = "Letter"']
    return "\n[[signatory]]\n" + "\n".join(lines) + "\n"


def _registry(tmp_path: Path, *signatories: str) -> Path:
    path = tmp_path / "registry.toml"
    path.write_text(HEAD + "".join(signatories), encoding="utf-8")
    return path


def _codes(path: Path) -> list[str]:
    return [finding.code for finding in endorse.validate(path)]


def test_a_city_and_a_county_of_one_name_are_accepted_by_add_and_by_validate(
    tmp_path: Path, invoke: Invoke
) -> None:
    path = _registry(tmp_path, _signatory("chicago", "Chicago", subdivision="US-IL"))
    added = invoke(
        "--registry",
        path,
        "add",
        "Chicago",
        "--country",
        "US",
        "--kind",
        "county",
        "--id",
        "chicago-county",
    )
    assert added.exit_code == 0, added.stderr
    assert not {"E302", "W303"} & set(_codes(path))


@pytest.mark.parametrize("second", ["City of Chicago", "chicago"])
def test_the_same_city_twice_is_refused_by_add_and_reported_by_validate(
    tmp_path: Path, invoke: Invoke, second: str
) -> None:
    first = _signatory("chicago", "Chicago")
    path = _registry(tmp_path, first)
    assert invoke("--registry", path, "add", second, "--country", "US").exit_code == 1
    both = _registry(tmp_path, first, _signatory("second", second))
    assert "E302" in _codes(both)


def test_one_city_in_two_subdivisions_is_accepted_by_add_and_by_validate(
    tmp_path: Path, invoke: Invoke
) -> None:
    path = _registry(tmp_path, _signatory("portland", "Portland", subdivision="US-OR"))
    added = invoke(
        "--registry",
        path,
        "add",
        "Portland",
        "--country",
        "US",
        "--subdivision",
        "ME",
        "--id",
        "portland-me",
    )
    assert added.exit_code == 0, added.stderr
    assert not {"E302", "W303"} & set(_codes(path))


@pytest.mark.parametrize("name", ["Chi\x1bcago", "C" * 201, "\u0421hicago"])
def test_a_name_add_refuses_is_an_error_for_validate(
    tmp_path: Path, invoke: Invoke, name: str
) -> None:
    path = _registry(tmp_path)
    assert invoke("--registry", path, "add", name, "--country", "US").exit_code == 2
    held = _registry(tmp_path, _signatory("chicago", name))
    assert "E104" in _codes(held)


def test_list_and_validate_blame_the_same_line_past_a_header_inside_a_string(
    tmp_path: Path, invoke: Invoke
) -> None:
    tricky = _signatory("chicago", "Chicago").replace(
        'source = "Letter"', 'source = """Letter\n[[signatory]]\n"""'
    )
    path = _registry(tmp_path, tricky, _signatory("boston", "Boston", kind="town"))
    [finding] = [f for f in endorse.validate(path) if f.code == "E104"]
    listed = invoke("--registry", path, "list")
    assert listed.exit_code == 1
    assert f"{path}:{finding.line}:" in listed.stderr


def test_a_place_validate_knows_by_another_name_is_counted_in_the_report(tmp_path: Path) -> None:
    path = _registry(tmp_path, _signatory("cologne", "Cologne", country="DE"))
    assert "W201" not in _codes(path)
    population = endorse.summarise(endorse.load(path)).population
    assert [counted.place for counted in population.counted] == ["Köln"]


def test_fmt_check_and_validate_agree_on_the_canonical_form(tmp_path: Path, invoke: Invoke) -> None:
    path = _registry(tmp_path, _signatory("chicago", "Chicago"))
    path.write_text(path.read_text(encoding="utf-8").replace("format = 1", "format  =  1"))
    assert invoke("--registry", path, "fmt", "--check").exit_code == 1
    assert "I106" in [f.code for f in endorse.validate(path, verbose=True)]
    assert invoke("--registry", path, "fmt").exit_code == 0
    assert invoke("--registry", path, "fmt", "--check").exit_code == 0
    assert "I106" not in [f.code for f in endorse.validate(path, verbose=True)]


def test_validate_and_the_report_leave_aside_a_subdivision_that_is_no_code(
    tmp_path: Path,
) -> None:
    path = _registry(tmp_path, _signatory("pittsburgh", "Pittsburgh", subdivision="US-XX"))
    assert "W201" not in _codes(path)
    counted = endorse.summarise(endorse.load(path)).population.counted
    assert [c.id for c in counted] == ["pittsburgh"]


def test_validate_list_and_diff_show_a_control_character_the_same_way(
    tmp_path: Path, invoke: Invoke
) -> None:
    before = _registry(tmp_path, _signatory("evil", "Evil City"))
    after = tmp_path / "after.toml"
    after.write_text(before.read_text().replace("Evil City", "Evil\\u001b City"))
    shown = "Evil\\x1b City"
    assert shown in invoke("--registry", after, "validate").stdout
    assert shown in invoke("--registry", after, "list").stdout
    assert f'name: "Evil City" → "{shown}"' in invoke("diff", before, after).stdout


def test_list_and_add_read_a_country_name_alike(tmp_path: Path, invoke: Invoke) -> None:
    registry = _registry(tmp_path)
    assert invoke("--registry", registry, "add", "Recife", "--country", "Brasil").exit_code == 0
    listed = invoke("--registry", registry, "list", "--country", "Brasil", "--format", "ids")
    assert listed.stdout.split() == ["recife"]


def test_a_future_endorsement_is_refused_by_add_as_validate_reports_it(
    invoke: Invoke, registry_copy: Path
) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    result = invoke(
        "--registry", registry_copy, "add", "Lyon", "--country", "FR", "--endorsed-on", tomorrow
    )
    assert result.exit_code == 2
    assert f"endorsed_on {tomorrow} is in the future" in result.stderr

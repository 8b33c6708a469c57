"""A real list of local governments, named as each names itself (issue 22's targets).

tests/data/lists/governments.tsv: 989 governments of 89 countries that reported to CDP
and ICLEI in 2021, copied as they wrote their names ("City of Oakland, CA", "Prefeitura
Municipal de Contagem", "Aarhus Kommune") and with the countries as the UN writes them
(see tests/data/lists/README.md). No row is edited.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import InvokeResult
from endorse import Paper, Registry, Signatory
from endorse.checks import validate_text
from endorse.duplicates.rule import (
    DuplicateError,
    DuplicateIndex,
    NearDuplicateError,
    refuse_duplicate,
)
from endorse.imports.planning import ImportPlan, candidates_from_table, doubtful_rows, plan_import
from endorse.imports.reading import read_table
from endorse.registry.store import dumps
from endorse.registry.values import ValueProblem, signatory_from_values
from registries import empty_registry

Invoke = Callable[..., InvokeResult]
GOVERNMENTS = Path(__file__).resolve().parent / "data" / "lists" / "governments.tsv"
EMPTY = Registry(Paper("Governments", "Test network", 1), ())


@pytest.fixture(scope="module")
def plan() -> ImportPlan:
    """The list imported into an empty registry, its clear rows in, the doubtful apart."""
    table = read_table(GOVERNMENTS, "csv")
    candidates, problems = candidates_from_table(table)
    return plan_import(EMPTY, candidates, problems=problems, keep_clear=True)


@pytest.fixture(scope="module")
def rows_read() -> int:
    return len(read_table(GOVERNMENTS, "csv").rows)


def test_every_row_is_imported_skipped_or_doubtful(plan: ImportPlan, rows_read: int) -> None:
    assert rows_read == 989
    assert len(plan.added) + len(plan.skipped) + len(doubtful_rows(plan)) == rows_read


def test_no_row_is_refused_for_a_country_but_a_partners_own_invention(plan: ImportPlan) -> None:
    refused = {p.message.split('"')[1] for p in plan.problems if p.column == "country"}
    assert refused == {"Taiwan, Greater China"}


def test_at_most_one_government_in_500_is_refused_as_near_another(plan: ImportPlan) -> None:
    near = [p for p in plan.problems if p.kind == "near"]
    assert len(near) <= len(plan.added) / 500


def test_validate_finds_no_duplicate_among_the_governments(plan: ImportPlan) -> None:
    found = validate_text(dumps(plan.registry))
    assert [f.message for f in found if f.code in ("E302", "W303")] == []


def test_fewer_than_one_government_in_five_is_unknown(plan: ImportPlan) -> None:
    found = validate_text(dumps(plan.registry))
    unknown = [f for f in found if f.code == "W201"]
    assert len(unknown) < len(plan.registry.signatories) / 5


def test_ids_are_the_places_not_the_words_of_their_governments(plan: ImportPlan) -> None:
    ids = {s.id for s in plan.registry.signatories}
    assert {"oakland", "contagem", "madrid", "aarhus", "barcelona"} <= ids
    assert not [i for i in ids if i.startswith(("city-of-", "comune-di-", "prefeitura-"))]


def _typo(name: str, rng: random.Random) -> str:
    """One mistake as people make them, anywhere in the name, its government's words
    included: two neighbouring letters swapped, a letter dropped or doubled."""
    letters = [i for i, char in enumerate(name) if char.isalpha()]
    while True:
        at = rng.choice(letters)
        how = rng.choice(("swap", "drop", "double"))
        if how == "drop":
            return name[:at] + name[at + 1 :]
        if how == "double":
            return name[:at] + name[at] + name[at:]
        if at + 1 < len(name) and name[at + 1].isalpha() and name[at] != name[at + 1]:
            return name[:at] + name[at + 1] + name[at] + name[at + 2 :]


def _refused(index: DuplicateIndex, name: str, like: Signatory) -> bool:
    try:
        refuse_duplicate(index, signatory_from_values(name=name, country=like.country))
    except (DuplicateError, NearDuplicateError):
        return True
    except ValueProblem:
        return False
    return False


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_at_least_48_of_50_typos_of_the_names_as_written_are_refused(
    plan: ImportPlan, seed: int
) -> None:
    rng = random.Random(seed)
    cities = [s for s in plan.registry.signatories if s.kind == "city"]
    index = DuplicateIndex(plan.registry.signatories)
    chosen = rng.sample(cities, 50)
    caught = [_refused(index, _typo(s.as_written or s.name, rng), s) for s in chosen]
    assert sum(caught) >= 48


def test_import_with_doubtful_accounts_for_every_row_in_its_summary(
    invoke: Invoke, tmp_path: Path
) -> None:
    registry = empty_registry(tmp_path)
    doubtful = tmp_path / "doubtful.tsv"
    result = invoke(
        "--registry", registry, "import", GOVERNMENTS, "--format", "csv", "--doubtful", doubtful
    )
    assert result.exit_code == 0, result.stderr
    assert (
        "Of 989 rows read: 978 imported, 0 skipped as already there, 11 doubtful" in result.stderr
    )
    handed_back = doubtful.read_text(encoding="utf-8").splitlines()
    assert handed_back[0] == "name\tcountry\tdoubtful because"
    assert len(handed_back) == 1 + 11

"""`endorse validate --changed REV`: only the findings a change since a git revision answers
for, so that a pull request with one new name is not blamed for old warnings."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import endorse
from conftest import BUNDLED, InvokeResult, run
from git_repositories import commit, git
from registries import registry, signatory

Invoke = Callable[..., InvokeResult]


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository whose one commit holds a copy of the bundled registry (two W202
    warnings, Richmond and Montgomery County, and an I402)."""
    git(tmp_path, "init", "-q")
    (tmp_path / "data").mkdir()
    shutil.copy(BUNDLED, tmp_path / "data" / "registry.toml")
    commit(tmp_path, "the registry")
    return tmp_path / "data" / "registry.toml"


def _codes(invoke: Invoke, path: Path, revision: str = "HEAD") -> list[tuple[str, str | None]]:
    result = invoke("--registry", path, "validate", "--changed", revision, "--format", "json")
    return [(f["code"], f["signatory_id"]) for f in json.loads(result.stdout)["findings"]]


def _add(path: Path, name: str, **fields: object) -> None:
    with endorse.edit(path) as draft:
        draft.add(name=name, **fields)  # type: ignore[arg-type]


def test_nothing_changed_gives_no_finding(invoke: Invoke, repository: Path) -> None:
    assert _codes(invoke, repository) == []


def test_a_new_signatory_s_findings_are_given_and_the_old_warnings_are_not(
    invoke: Invoke, repository: Path
) -> None:
    _add(repository, "Oakland", country="US", subdivision="CA")
    assert _codes(invoke, repository) == [("W501", "oakland")]


def test_a_changed_signatory_s_findings_are_given_even_those_it_had_before(
    invoke: Invoke, repository: Path
) -> None:
    with endorse.edit(repository) as draft:
        draft.edit("richmond", note="Richmond, Virginia")
    assert _codes(invoke, repository) == [("W202", "richmond")]


def test_a_near_duplicate_reported_on_an_old_signatory_is_given_when_it_involves_a_new_one(
    invoke: Invoke, repository: Path
) -> None:
    _add(repository, "Chicag", country="US", id="chicag", force=True, source="letter")
    found = _codes(invoke, repository)
    assert ("W303", "chicago") in found  # chicag comes first: the pair is reported on chicago


def test_a_problem_of_the_file_the_revision_did_not_have_is_given(
    invoke: Invoke, repository: Path
) -> None:
    repository.write_text(repository.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    assert _codes(invoke, repository) == [("I106", None)]


def test_an_error_in_a_new_signatory_fails_the_run(invoke: Invoke, repository: Path) -> None:
    repository.write_text(
        repository.read_text(encoding="utf-8") + '\n[[signatory]]\nid = "zz"\nname = "Zz"\n',
        encoding="utf-8",
    )
    result = invoke("--registry", repository, "validate", "--changed", "HEAD")
    assert result.exit_code == 1
    assert "E103 zz:" in result.stdout


def test_since_an_older_revision_every_signatory_changed_since_is_given(
    invoke: Invoke, repository: Path
) -> None:
    _add(repository, "Oakland", country="US", subdivision="CA")
    commit(repository.parent.parent, "Oakland")
    _add(repository, "Fresno", country="US", subdivision="CA")
    assert _codes(invoke, repository, "HEAD~1") == [("W501", "fresno"), ("W501", "oakland")]
    assert _codes(invoke, repository, "HEAD") == [("W501", "fresno")]


def test_the_api_takes_the_revision_as_changed_since(repository: Path) -> None:
    _add(repository, "Oakland", country="US", subdivision="CA")
    found = endorse.validate(repository, changed_since="HEAD")
    assert [(f.code, f.signatory_id) for f in found] == [("W501", "oakland")]


def test_the_api_refuses_changed_since_for_a_registry_in_memory() -> None:
    with pytest.raises(endorse.ValueProblem, match="registry file in git"):
        endorse.validate(registry(signatory("Lyon", "FR")), changed_since="HEAD")


def test_an_unknown_revision_is_a_usage_mistake(repository: Path) -> None:
    done = run("--registry", repository, "validate", "--changed", "no-such-branch")
    assert done.returncode == 2
    assert "no-such-branch" in done.stderr and "is not a commit" in done.stderr
    assert "Traceback" not in done.stderr


def test_outside_a_git_repository_it_is_a_failure_that_says_how_to_go_on(
    tmp_path: Path,
) -> None:
    path = tmp_path / "registry.toml"
    shutil.copy(BUNDLED, path)
    done = run("--registry", path, "validate", "--changed", "HEAD")
    assert done.returncode == 1
    assert "not in a git repository" in done.stderr
    assert "leave it out to check the whole registry" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_registry_not_in_the_revision_is_a_failure(repository: Path) -> None:
    other = repository.parent / "other.toml"
    shutil.copy(BUNDLED, other)
    done = run("--registry", other, "validate", "--changed", "HEAD")
    assert done.returncode == 1
    assert 'other.toml is not in "HEAD"' in done.stderr
    assert "Traceback" not in done.stderr

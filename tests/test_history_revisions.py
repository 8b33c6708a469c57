"""How `endorse diff` and `endorse log` read the versions they are given: files by any name,
git's REVISION:PATH and :/text forms, an empty path, and the words of their counts."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import endorse
from conftest import InvokeResult
from endorse import RegistryNotFoundError
from git_repositories import commit, git

Invoke = Callable[..., InvokeResult]


@pytest.fixture
def repository(invoke: Invoke, tmp_path: Path) -> Path:
    """A repository whose data/registry.toml was committed with Chicago, then with Boston."""
    folder = tmp_path / "repo"
    folder.mkdir()
    git(folder, "init", "-q")
    registry = folder / "data" / "registry.toml"
    paper = ("--title", "Paper", "--network", "Net", "--members-declared", "2")
    invoke("init", registry, *paper)
    invoke("--registry", registry, "add", "Chicago", "--country", "US", "--subdivision", "IL")
    commit(folder, "The list as presented")
    invoke("--registry", registry, "add", "Boston", "--country", "US", "--subdivision", "MA")
    commit(folder, "Boston: joins")
    return registry


def added(invoke: Invoke, *versions: str, registry: Path | None = None) -> list[str]:
    """The ids `endorse diff VERSIONS` lists as added."""
    given = () if registry is None else ("--registry", registry)
    result = invoke(*given, "diff", *versions, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return [item["id"] for item in json.loads(result.stdout)["added"]]


def test_two_existing_files_are_read_as_files_outside_a_registry_folder(
    invoke: Invoke, repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "old.bak").write_text(
        git(repository.parent.parent, "show", "HEAD~1:data/registry.toml") + "\n"
    )
    (elsewhere / "new.bak").write_bytes(repository.read_bytes())
    monkeypatch.chdir(elsewhere)
    assert added(invoke, "old.bak", "new.bak") == ["boston"]


def test_a_revision_path_names_the_file_from_the_top_of_the_repository(
    invoke: Invoke, repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repository.parent)
    assert added(invoke, "HEAD~1:data/registry.toml", "HEAD:data/registry.toml") == ["boston"]


def test_a_revision_path_starting_with_a_dot_is_from_the_current_folder(
    invoke: Invoke, repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repository.parent)
    assert added(invoke, "HEAD~1:./registry.toml", "HEAD:./registry.toml") == ["boston"]


def test_a_revision_path_not_there_from_a_subfolder_says_how_to_name_it_from_there(
    invoke: Invoke, repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repository.parent)
    result = invoke("diff", "HEAD:registry.toml")
    assert result.exit_code == 1
    assert '../registry.toml is not in "HEAD"' in result.stderr
    assert '"HEAD:./registry.toml" reads it from the current folder' in result.stderr


def test_a_revision_path_is_compared_with_the_working_file(
    invoke: Invoke, repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repository.parent.parent)
    result = invoke("diff", "HEAD~1:data/registry.toml")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("data/registry.toml@HEAD~1 → data/registry.toml: 1 added")


def test_a_revision_path_outside_a_repository_says_where_to_run_it(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    monkeypatch.chdir(outside)
    result = invoke("diff", "HEAD~1:data/registry.toml", "HEAD:data/registry.toml")
    assert result.exit_code == 1
    assert "is not in a git repository" in result.stderr
    assert "change to a folder of the registry's repository" in result.stderr
    assert "endorse init" not in result.stderr


def test_a_colon_inside_braces_belongs_to_the_revision(invoke: Invoke, repository: Path) -> None:
    assert added(invoke, "HEAD^{/Boston: joins}~1", registry=repository) == ["boston"]


def test_a_commit_named_by_its_message_is_a_revision(invoke: Invoke, repository: Path) -> None:
    assert added(invoke, ":/The list as presented", registry=repository) == ["boston"]


def test_a_message_no_commit_has_is_an_unknown_revision(invoke: Invoke, repository: Path) -> None:
    result = invoke("--registry", repository, "diff", ":/no such message")
    assert result.exit_code == 1
    assert '":/no such message" is not a commit of the repository' in result.stderr


def test_log_since_a_commit_named_by_its_message(invoke: Invoke, repository: Path) -> None:
    result = invoke("--registry", repository, "log", "--since", ":/The list as presented")
    assert result.exit_code == 0, result.stderr
    assert "Boston: joins" in result.stdout
    assert "The list as presented" not in result.stdout


@pytest.mark.parametrize("read", [endorse.load, endorse.log, endorse.validate])
def test_an_empty_registry_path_is_said_to_be_empty(read: Callable[[str], object]) -> None:
    with pytest.raises(RegistryNotFoundError, match="the registry's path is empty"):
        read("")


def test_a_registry_created_with_one_signatory_is_logged_in_the_singular(
    invoke: Invoke, repository: Path
) -> None:
    result = invoke("--registry", repository, "log")
    assert result.exit_code == 0, result.stderr
    assert "created the registry: 1 signatory\n" in result.stdout


def test_english_words_agree_with_their_number() -> None:
    from endorse.registry.words import counted, plural

    assert [counted(n, "row") for n in (0, 1, 2)] == ["0 rows", "1 row", "2 rows"]
    assert counted(1, "signatory", "signatories") == "1 signatory"
    assert plural(3, "holds", "hold") == "hold"

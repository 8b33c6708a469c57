"""`endorse diff` and `endorse log`: the registry's changes, signatory by signatory, read
from real git repositories made in tmp_path."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings

import endorse
from conftest import InvokeResult
from endorse import Registry
from git_repositories import commit, git
from strategies import registries

Invoke = Callable[..., InvokeResult]
BUNDLED = Path(__file__).resolve().parent.parent / "data" / "registry.toml"


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository whose registry, data/registry.toml, is the bundled one, committed."""
    folder = tmp_path / "repo"
    (folder / "data").mkdir(parents=True)
    shutil.copyfile(BUNDLED, folder / "data" / "registry.toml")
    git(folder, "init", "-q")
    commit(folder, "The list as presented on 4 December 2017", when="2017-12-04T12:00:00-06:00")
    return folder / "data" / "registry.toml"


def changes_json(invoke: Invoke, registry: Path, *args: str) -> dict[str, object]:
    result = invoke("--registry", registry, "diff", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    found: dict[str, object] = json.loads(result.stdout)
    return found


def ids(found: object) -> list[str]:
    assert isinstance(found, list)
    return [item["id"] for item in found]


def test_the_working_file_is_compared_with_the_last_commit(
    invoke: Invoke, repository: Path
) -> None:
    invoke("--registry", repository, "add", "Boston", "--country", "US", "--subdivision", "MA")
    invoke("--registry", repository, "withdraw", "chicago", "--note", "Withdrew in 2018")
    found = changes_json(invoke, repository)
    assert ids(found["added"]) == ["boston"]
    assert ids(found["withdrawn"]) == ["chicago"]
    assert found["old"] == f"{repository}@HEAD"
    assert found["changed"] == [] and found["removed"] == []


def test_a_renamed_signatory_is_one_change_of_its_name(invoke: Invoke, repository: Path) -> None:
    invoke("--registry", repository, "edit", "pittsburgh", "--name", "City of Pittsburgh")
    found = changes_json(invoke, repository)
    assert found["changed"] == [
        {
            "id": "pittsburgh",
            "name": "City of Pittsburgh",
            "changes": [{"key": "name", "old": "Pittsburgh", "new": "City of Pittsburgh"}],
        }
    ]
    assert found["added"] == [] and found["removed"] == []


def test_removed_and_reinstated_signatories_are_told_apart(
    invoke: Invoke, repository: Path
) -> None:
    invoke("--registry", repository, "withdraw", "chicago")
    commit(repository.parent.parent, "Chicago withdraws")
    invoke("--registry", repository, "edit", "chicago", "--status", "confirmed")
    invoke("--registry", repository, "remove", "madison", "--yes")
    found = changes_json(invoke, repository)
    assert ids(found["reinstated"]) == ["chicago"]
    assert ids(found["removed"]) == ["madison"]


def test_a_change_to_the_paper_is_listed_with_its_values(invoke: Invoke, repository: Path) -> None:
    invoke("--registry", repository, "paper", "--members-declared", "137")
    result = invoke("--registry", repository, "diff")
    assert result.exit_code == 0
    assert "the paper changed" in result.stdout
    assert "members_declared: 136 → 137" in result.stdout


def test_text_is_grouped_by_kind_with_counts(invoke: Invoke, repository: Path) -> None:
    invoke("--registry", repository, "add", "Boston", "--country", "US", "--subdivision", "MA")
    invoke("--registry", repository, "withdraw", "chicago", "--note", "Withdrew in 2018")
    result = invoke("--registry", repository, "diff")
    assert result.stdout.splitlines() == [
        f"{repository}@HEAD → {repository}: 1 added, 1 withdrawn",
        "",
        "Added (1)",
        "  boston: Boston (US-MA), city, non-member, confirmed",
        "",
        "Withdrawn (1)",
        "  chicago: Chicago (US-IL), city, non-member, withdrawn",
        '    status: "confirmed" → "withdrawn"',
        '    note: (none) → "Withdrew in 2018"',
    ]


def test_markdown_is_ready_for_a_newsletter(invoke: Invoke, repository: Path) -> None:
    invoke("--registry", repository, "add", "Boston", "--country", "US", "--subdivision", "MA")
    result = invoke("--registry", repository, "diff", "--format", "markdown")
    assert "### Added (1)" in result.stdout
    assert "- **Boston** (`US-MA`, `boston`), city, non-member, confirmed" in result.stdout


def test_unchanged_versions_have_no_differences_and_exit_zero(
    invoke: Invoke, repository: Path
) -> None:
    result = invoke("--registry", repository, "diff", "--exit-code")
    assert result.exit_code == 0
    assert result.stdout.endswith(": no differences\n")


def test_exit_code_is_one_when_there_are_differences(invoke: Invoke, repository: Path) -> None:
    invoke("--registry", repository, "withdraw", "chicago")
    assert invoke("--registry", repository, "diff").exit_code == 0
    assert invoke("--registry", repository, "diff", "--exit-code").exit_code == 1


def test_two_revisions_are_compared(invoke: Invoke, repository: Path) -> None:
    first = git(repository.parent.parent, "rev-parse", "--short", "HEAD")
    invoke("--registry", repository, "withdraw", "chicago")
    commit(repository.parent.parent, "Chicago withdraws")
    invoke("--registry", repository, "add", "Boston", "--country", "US", "--subdivision", "MA")
    found = changes_json(invoke, repository, first, "HEAD")
    assert ids(found["withdrawn"]) == ["chicago"]
    assert found["added"] == []
    assert ids(changes_json(invoke, repository, "HEAD~1")["added"]) == ["boston"]


def test_two_plain_files_are_compared_without_git(invoke: Invoke, tmp_path: Path) -> None:
    old, new = tmp_path / "old.toml", tmp_path / "new.toml"
    shutil.copyfile(BUNDLED, old)
    shutil.copyfile(BUNDLED, new)
    invoke("--registry", new, "withdraw", "chicago")
    result = invoke("diff", old, new, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert ids(json.loads(result.stdout)["withdrawn"]) == ["chicago"]


def test_a_version_that_does_not_parse_is_refused_naming_its_revision(
    invoke: Invoke, repository: Path
) -> None:
    with repository.open("a", encoding="utf-8") as file:
        file.write("broken = [\n")
    short = commit(repository.parent.parent, "A broken edit")
    result = invoke("--registry", repository, "diff", short, "HEAD~1")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {repository}@{short}:")


def test_outside_a_repository_is_a_clear_error(invoke: Invoke, tmp_path: Path) -> None:
    registry = tmp_path / "registry.toml"
    shutil.copyfile(BUNDLED, registry)
    for command in (("diff",), ("log",)):
        result = invoke("--registry", registry, *command)
        assert result.exit_code == 1
        assert f"{registry} is not in a git repository" in result.stderr
        assert "endorse diff OLD.toml NEW.toml" in result.stderr


def test_a_revision_that_does_not_exist_is_a_clear_error(invoke: Invoke, repository: Path) -> None:
    result = invoke("--registry", repository, "diff", "v1999")
    assert result.exit_code == 1
    assert '"v1999" is not a commit of the repository' in result.stderr
    assert invoke("--registry", repository, "log", "--since", "v1999").exit_code == 1


def test_a_revision_cannot_pass_for_an_option_of_git(invoke: Invoke, repository: Path) -> None:
    result = invoke("--registry", repository, "diff", "--", "--output=/tmp/x")
    assert result.exit_code == 1
    assert '"--output=/tmp/x" is not a revision' in result.stderr


def test_without_git_installed_the_error_says_so(repository: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "endorse", "--registry", str(repository), "diff"],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": str(tmp_path / "empty")},
    )
    assert done.returncode == 1
    assert "git is not installed" in done.stderr
    assert "Traceback" not in done.stderr


def test_log_lists_each_commit_newest_first_with_its_changes(
    invoke: Invoke, repository: Path
) -> None:
    folder = repository.parent.parent
    invoke("--registry", repository, "add", "Boston", "--country", "US", "--subdivision", "MA")
    commit(folder, "Boston endorses")
    invoke("--registry", repository, "edit", "pittsburgh", "--name", "City of Pittsburgh")
    invoke("--registry", repository, "withdraw", "chicago")
    commit(folder, "Pittsburgh renamed; Chicago withdraws")
    result = invoke("--registry", repository, "log")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.index("Pittsburgh renamed") < text.index("Boston endorses") < text.index("4 Dec")
    assert "    added boston: Boston" in text
    assert "    changed pittsburgh: City of Pittsburgh (name)" in text
    assert "    withdrawn chicago: Chicago" in text
    assert "created the registry: 58 signatories" in text
    assert "Ana Secretariat <ana@example.org>" in text


def test_log_skips_a_version_that_does_not_parse_and_names_it(
    invoke: Invoke, repository: Path
) -> None:
    folder = repository.parent.parent
    good = repository.read_text(encoding="utf-8")
    repository.write_text(good + "broken = [\n", encoding="utf-8")
    broken = commit(folder, "A broken edit")
    repository.write_text(good, encoding="utf-8")
    invoke("--registry", repository, "withdraw", "chicago")
    commit(folder, "Mended; Chicago withdraws")
    entries = json.loads(invoke("--registry", repository, "log", "--format", "json").stdout)
    mended, skipped, first = entries
    assert skipped["short"] == broken and skipped["changes"] is None
    assert skipped["problem"].startswith(f"{repository}@{broken}:")
    assert mended["compared_with"] == first["short"]
    assert ids(mended["changes"]["withdrawn"]) == ["chicago"]
    assert mended["changes"]["added"] == []
    since = invoke("--registry", repository, "log", "--since", first["short"], "-f", "json")
    assert json.loads(since.stdout)[0]["compared_with"] == first["short"]


def test_log_since_a_date_lists_the_commits_of_that_day_and_later(
    invoke: Invoke, repository: Path
) -> None:
    folder = repository.parent.parent
    invoke("--registry", repository, "withdraw", "chicago")
    commit(folder, "Chicago withdraws", when="2018-01-31T23:00:00+01:00")
    invoke("--registry", repository, "withdraw", "madison")
    commit(folder, "Madison withdraws", when="2018-02-01T09:00:00+01:00")
    listed = json.loads(
        invoke("--registry", repository, "log", "--since", "2018-02-01", "-f", "json").stdout
    )
    assert [e["message"] for e in listed] == ["Madison withdraws"]
    assert invoke("--registry", repository, "log", "--since", "2018-02-30").exit_code == 1


def test_log_since_a_date_or_a_revision(invoke: Invoke, repository: Path) -> None:
    folder = repository.parent.parent
    first = git(folder, "rev-parse", "--short", "HEAD")
    invoke("--registry", repository, "withdraw", "chicago")
    commit(folder, "Chicago withdraws")
    since_first = json.loads(
        invoke("--registry", repository, "log", "--since", first, "--format", "json").stdout
    )
    assert [e["message"] for e in since_first] == ["Chicago withdraws"]
    assert since_first[0]["compared_with"] is None
    future = invoke("--registry", repository, "log", "--since", "2999-01-01")
    assert future.stdout == f"no commit changed {repository} since 2999-01-01\n"


def test_the_api_diffs_registries_in_memory() -> None:
    registry = endorse.load(BUNDLED)
    assert not endorse.diff(registry, registry)
    fewer = Registry(registry.paper, registry.signatories[1:])
    changes = endorse.diff(registry, fewer)
    assert [c.kind for c in changes.signatories] == ["removed"]
    assert changes.signatories[0].old == registry.signatories[0]


@pytest.mark.slow
@settings(max_examples=50, deadline=None)
@given(registries(), registries())
def test_diff_accounts_for_every_id_of_both_versions(old: Registry, new: Registry) -> None:
    changes = endorse.diff(old, new)
    before = {s.id for s in old.signatories}
    after = {s.id for s in new.signatories}
    assert {c.signatory.id for c in changes.of_kind("added")} == after - before
    assert {c.signatory.id for c in changes.of_kind("removed")} == before - after
    unchanged = {s.id for s in new.signatories if s in old.signatories}
    assert not unchanged & {c.signatory.id for c in changes.signatories}
    assert not endorse.diff(new, new)


def test_a_commit_dated_out_of_order_is_not_credited_with_another_s_changes(
    invoke: Invoke, repository: Path
) -> None:
    folder = repository.parent.parent
    invoke("--registry", repository, "withdraw", "chicago")
    commit(folder, "Chicago withdraws, dated back", when="2017-06-01T12:00:00+00:00")
    invoke("--registry", repository, "withdraw", "madison")
    commit(folder, "Madison withdraws", when="2019-03-01T12:00:00+00:00")
    listed = json.loads(
        invoke("--registry", repository, "log", "--since", "2019-01-01", "-f", "json").stdout
    )
    assert [ids(e["changes"]["withdrawn"]) for e in listed] == [["madison"]]


def test_a_commit_message_holding_separators_is_read_whole(
    invoke: Invoke, repository: Path
) -> None:
    invoke("--registry", repository, "withdraw", "chicago")
    commit(repository.parent.parent, "odd\x1e message\x1f here")
    result = invoke("--registry", repository, "log", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0]["message"] == "odd\x1e message\x1f here"


def test_git_variables_of_a_hook_do_not_point_it_elsewhere(
    invoke: Invoke, repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    git(elsewhere, "init", "-q")
    monkeypatch.setenv("GIT_DIR", str(elsewhere / ".git"))
    result = invoke("--registry", repository, "log")
    assert result.exit_code == 0, result.stderr
    assert "created the registry: 58 signatories" in result.stdout


def test_a_registry_reached_through_a_link_has_the_file_s_history(
    invoke: Invoke, repository: Path, tmp_path: Path
) -> None:
    link = tmp_path / "registry-link.toml"
    link.symlink_to(repository)
    invoke("--registry", repository, "withdraw", "chicago")
    commit(repository.parent.parent, "Chicago withdraws")
    found = changes_json(invoke, link, "HEAD~1", "HEAD")
    assert ids(found["withdrawn"]) == ["chicago"]


def test_a_file_named_like_a_revision_does_not_stand_for_the_default(
    invoke: Invoke, repository: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "HEAD").write_text("not a registry", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("--registry", repository, "diff", "--exit-code")
    assert result.exit_code == 0, result.stderr


def test_a_file_that_is_not_there_is_named_as_a_file(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("diff", tmp_path / "old.toml", tmp_path / "new.toml")
    assert result.exit_code == 1
    assert f"{tmp_path / 'old.toml'}: no such registry file" in result.stderr


def test_a_date_written_otherwise_is_refused_as_a_date(invoke: Invoke, repository: Path) -> None:
    result = invoke("--registry", repository, "log", "--since", "2018-1-5")
    assert result.exit_code == 1
    assert '"2018-1-5" is not a date written YYYY-MM-DD' in result.stderr


def test_a_commit_that_deletes_the_registry_is_named_and_diff_says_it_is_not_there(
    invoke: Invoke, repository: Path
) -> None:
    folder = repository.parent.parent
    kept = repository.read_bytes()
    git(folder, "rm", "-q", "data/registry.toml")
    commit(folder, "The registry moves away")
    repository.parent.mkdir(exist_ok=True)
    repository.write_bytes(kept)
    listed = json.loads(invoke("--registry", repository, "log", "-f", "json").stdout)
    assert listed[0]["problem"] == "registry.toml was deleted"
    result = invoke("--registry", repository, "diff", "HEAD")
    assert result.exit_code == 1
    assert 'registry.toml is not in "HEAD"' in result.stderr


def test_a_deleted_registry_still_has_its_history(invoke: Invoke, repository: Path) -> None:
    invoke("--registry", repository, "withdraw", "chicago")
    commit(repository.parent.parent, "Chicago withdraws")
    repository.unlink()
    logged = invoke("--registry", repository, "log")
    assert logged.exit_code == 0, logged.stderr
    assert "withdrawn chicago: Chicago" in logged.stdout
    assert ids(changes_json(invoke, repository, "HEAD~1", "HEAD")["withdrawn"]) == ["chicago"]


def test_a_repository_without_a_commit_is_said_to_have_none(invoke: Invoke, tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    registry = tmp_path / "registry.toml"
    invoke("init", registry, "--title", "P", "--network", "N", "--members-declared", "1")
    result = invoke("--registry", registry, "diff")
    assert result.exit_code == 1
    assert "has no commit yet" in result.stderr
    assert "git commit" in result.stderr


def test_a_registry_never_committed_is_said_to_need_committing(
    invoke: Invoke, tmp_path: Path
) -> None:
    git(tmp_path, "init", "-q")
    git(tmp_path, "commit", "-q", "--allow-empty", "-m", "first")
    registry = tmp_path / "registry.toml"
    invoke("init", registry, "--title", "P", "--network", "N", "--members-declared", "1")
    result = invoke("--registry", registry, "diff")
    assert result.exit_code == 1
    assert 'registry.toml is not in "HEAD"' in result.stderr
    assert "git commit" in result.stderr


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

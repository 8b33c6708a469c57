"""docs/workflows.md's snippets: every YAML parses, and the commands of each run against a
temporary repository (the step that installs endorse aside: the endorse tested is on PATH)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import BUNDLED, ROOT
from git_repositories import IDENTITY, commit, git

PAGE = ROOT / "docs" / "workflows.md"
SNIPPET = re.compile(r"<!-- snippet: ([\w-]+) -->\n\s*```(\w+)\n(.*?)\n\s*```", re.DOTALL)
INSTALL = "Install endorse"
NEW_SIGNATORY = "endorse add Oakland --country US --subdivision CA\n"


def _snippets() -> dict[str, str]:
    page = PAGE.read_text(encoding="utf-8")
    found = {name: _dedented(body) for name, _, body in SNIPPET.findall(page)}
    assert len(found) == len(SNIPPET.findall(page)), "two snippets of one name"
    return found


def _dedented(body: str) -> str:
    lines = body.split("\n")
    indent = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    return "\n".join(line[indent:] for line in lines)


def _yaml(name: str) -> Any:
    return yaml.safe_load(_snippets()[name])


def _sh(folder: Path, script: str, **env: str) -> subprocess.CompletedProcess[str]:
    """A snippet's commands run by bash in `folder`, stopping at the first that fails, with
    the tested endorse first on PATH."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    variables = {k: v for k, v in os.environ.items() if k != "ENDORSE_REGISTRY"}
    return subprocess.run(
        ["bash", "-e", "-c", script],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**variables, **IDENTITY, "PATH": path, "NO_COLOR": "1", **env},
        timeout=120,
    )


@pytest.fixture
def pull_request(tmp_path: Path) -> tuple[Path, str]:
    """A repository whose main holds the bundled registry, on a branch that adds a signatory
    (Oakland, with no source: a W501); with the base commit's id."""
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "data").mkdir()
    shutil.copy(BUNDLED, tmp_path / "data" / "registry.toml")
    commit(tmp_path, "the registry")
    base = git(tmp_path, "rev-parse", "HEAD")
    git(tmp_path, "switch", "-q", "-c", "add-oakland")
    assert _sh(tmp_path, NEW_SIGNATORY).returncode == 0
    commit(tmp_path, "Add Oakland")
    return tmp_path, base


def test_every_yaml_snippet_parses() -> None:
    page = PAGE.read_text(encoding="utf-8")
    yaml_snippets = [name for name, language, _ in SNIPPET.findall(page) if language == "yaml"]
    assert yaml_snippets == [
        "pre-commit",
        "github-actions",
        "code-scanning",
        "gitlab-ci",
        "publish",
    ]
    for name in yaml_snippets:
        assert list(yaml.safe_load_all(_snippets()[name])), name


def test_the_pre_commit_snippet_is_a_valid_config_of_this_repository_s_hooks(
    tmp_path: Path,
) -> None:
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(_snippets()["pre-commit"], encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(config)],
        capture_output=True,
        text=True,
        env={**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "home")},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (repo,) = yaml.safe_load(config.read_text(encoding="utf-8"))["repos"]
    assert [hook["id"] for hook in repo["hooks"]] == [hook["id"] for hook in manifest]


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for step in job["steps"] if "run" in step and step.get("name") != INSTALL]


def test_the_github_workflow_runs_on_pull_requests_and_on_main() -> None:
    workflow = _yaml("github-actions")
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads on: as True
    assert set(triggers) == {"pull_request", "push"}
    assert triggers["push"]["branches"] == ["main"]


def test_the_github_workflow_annotates_only_what_the_pull_request_changed(
    pull_request: tuple[Path, str],
) -> None:
    folder, base = pull_request
    outputs = []
    for step in _steps(_yaml("github-actions")["jobs"]["validate"]):
        env = {
            k: v.replace("${{ github.event.pull_request.base.sha }}", base)
            for k, v in step.get("env", {}).items()
        }
        done = _sh(folder, step["run"], **env)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    changed, whole = outputs
    assert re.match(r"::warning file=data/registry\.toml,line=\d+,title=W501::oakland: ", changed)
    assert "richmond" not in changed
    assert "title=W202::richmond" in whole


def test_the_code_scanning_job_writes_a_sarif_log(pull_request: tuple[Path, str]) -> None:
    folder, _ = pull_request
    (step,) = _steps(_yaml("code-scanning")["jobs"]["code-scanning"])
    done = _sh(folder, step["run"])
    assert done.returncode == 0, done.stderr
    assert '"version": "2.1.0"' in (folder / "endorse.sarif").read_text(encoding="utf-8")


def test_the_gitlab_job_checks_what_the_merge_request_changed(
    pull_request: tuple[Path, str],
) -> None:
    folder, base = pull_request
    job = _yaml("gitlab-ci")["validate-registry"]
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    done = _sh(folder, "\n".join(job["script"]), CI_MERGE_REQUEST_DIFF_BASE_SHA=base)
    assert done.returncode == 0, done.stderr
    assert "W501 oakland:" in done.stdout and "richmond" not in done.stdout


def test_the_publishing_jobs_make_the_site_on_the_main_branch_only(
    pull_request: tuple[Path, str],
) -> None:
    folder, _ = pull_request
    github, gitlab = yaml.safe_load_all(_snippets()["publish"])
    job = github["publish"]
    assert job["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert gitlab["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    (step,) = _steps(job)
    gitlab_script = [line for line in gitlab["pages"]["script"] if "pip install" not in line]
    for commands, published in ((step["run"], "public"), ("\n".join(gitlab_script), "public")):
        shutil.rmtree(folder / published, ignore_errors=True)
        done = _sh(folder, commands)
        assert done.returncode == 0, done.stderr
        assert (folder / published / "fr" / "index.html").is_file()
    assert github["publish"]["steps"][-2]["with"]["path"] == "public"
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]


def test_a_contributor_s_path_adds_checks_commits_and_pushes_a_signatory(
    tmp_path: Path,
) -> None:
    upstream = tmp_path / "upstream"
    upstream.mkdir()
    git(upstream, "init", "-q", "-b", "main")
    (upstream / "data").mkdir()
    shutil.copy(BUNDLED, upstream / "data" / "registry.toml")
    commit(upstream, "the registry")
    git(tmp_path, "clone", "-q", "--bare", str(upstream), "fork.git")
    git(tmp_path, "clone", "-q", str(tmp_path / "fork.git"), "registry")
    done = _sh(tmp_path / "registry", _snippets()["contributor"])
    assert done.returncode == 0, done.stderr
    assert "\n0 errors, 0 warnings, 0 info\n" in done.stdout
    pushed = git(tmp_path / "fork.git", "show", "add-oakland:data/registry.toml")
    assert 'as_written = "City of Oakland, CA"' in pushed

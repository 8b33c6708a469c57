"""FILE arguments of `validate` and `fmt`: several registries in one run, each on its own,
as pre-commit passes the files a commit touches."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from conftest import BUNDLED, InvokeResult
from registries import one_signatory_file

Invoke = Callable[..., InvokeResult]


def _two(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = shutil.copy(BUNDLED, tmp_path / "a" / "registry.toml")
    return Path(first), one_signatory_file(tmp_path / "b")


def _not_canonical(path: Path) -> Path:
    path.write_text(path.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    return path


def test_validate_checks_each_file_and_names_it_in_its_summary(
    invoke: Invoke, tmp_path: Path
) -> None:
    first, second = _two(tmp_path)
    result = invoke("validate", first, second)
    assert result.exit_code == 0
    assert f"{first}: 0 errors, 2 warnings, 1 info\n" in result.stdout
    assert re.search(
        rf"\n{re.escape(str(second))}: 0 errors, \d+ warnings?, \d+ info\n$", result.stdout
    )


def test_validate_fails_when_one_of_the_files_has_an_error(invoke: Invoke, tmp_path: Path) -> None:
    first, second = _two(tmp_path)
    second.write_text(second.read_text(encoding="utf-8").replace('country = "FR"\n', ""))
    result = invoke("validate", first, second)
    assert result.exit_code == 1
    assert f"{second}:8: E103 a:" in result.stdout


def test_a_missing_file_is_reported_and_the_others_still_checked(
    invoke: Invoke, tmp_path: Path
) -> None:
    first, _ = _two(tmp_path)
    result = invoke("validate", tmp_path / "none.toml", first)
    assert result.exit_code == 1
    assert "none.toml: no such registry" in result.stderr
    assert f"{first}: 0 errors, 2 warnings, 1 info" in result.stdout


def test_json_of_several_files_gives_each_its_document(invoke: Invoke, tmp_path: Path) -> None:
    first, second = _two(tmp_path)
    document = json.loads(invoke("validate", "--format", "json", first, second).stdout)
    assert [f["path"] for f in document["files"]] == [str(first), str(second)]
    assert document["files"][0]["summary"] == {"errors": 0, "warnings": 2, "info": 1}


def test_files_and_the_registry_option_together_are_a_usage_mistake(
    invoke: Invoke, tmp_path: Path
) -> None:
    first, second = _two(tmp_path)
    result = invoke("--registry", first, "validate", second)
    assert result.exit_code == 2
    said = " ".join(result.stderr.replace("│", " ").split())
    assert "either with --registry or as FILE arguments" in said


def test_fmt_rewrites_each_file(invoke: Invoke, tmp_path: Path) -> None:
    first, second = (_not_canonical(path) for path in _two(tmp_path))
    result = invoke("fmt", first, second)
    assert result.exit_code == 0
    assert f"{first}: rewritten in canonical form" in result.stderr
    assert f"{second}: rewritten in canonical form" in result.stderr
    assert invoke("fmt", "--check", first, second).exit_code == 0


def test_fmt_check_fails_when_one_file_is_not_canonical(invoke: Invoke, tmp_path: Path) -> None:
    first, second = _two(tmp_path)
    _not_canonical(second)
    result = invoke("fmt", "--check", first, second)
    assert result.exit_code == 1
    assert f"{first}: in canonical form" in result.stderr
    assert f"{second}: not in canonical form" in result.stderr

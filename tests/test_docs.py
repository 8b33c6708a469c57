"""The examples of docs/api.md run, as a notebook would run them."""

from __future__ import annotations

import doctest
import shutil
from pathlib import Path

import pytest

from conftest import BUNDLED, ROOT


def test_the_api_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").mkdir()
    shutil.copy(BUNDLED, tmp_path / "data" / "registry.toml")
    monkeypatch.chdir(tmp_path)
    result = doctest.testfile(
        str(ROOT / "docs" / "api.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        raise_on_error=False,
        verbose=False,
    )
    assert result.attempted > 10
    assert result.failed == 0

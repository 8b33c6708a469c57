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


def test_the_report_json_sample_gives_the_bundled_registry_s_figures() -> None:
    import json
    import re

    import endorse
    from endorse.render.report_json import json_report

    sample = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    report = json.loads(json_report(endorse.summarise(endorse.load(BUNDLED))))
    totals = re.search(r'"totals": (\{.*?\})', sample, re.DOTALL)
    population = re.search(r'"population": \{\s*"total": (\d+)', sample)
    assert totals is not None and population is not None
    assert json.loads(totals.group(1)) == report["totals"]
    assert int(population.group(1)) == report["population"]["total"]

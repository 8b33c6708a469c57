"""The lowest versions CI installs are those pyproject.toml allows, one pin a dependency."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "lowest_requirements.py"


def test_every_dependency_is_pinned_at_its_lower_bound() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, check=True)
    pins = dict(line.split("==") for line in done.stdout.splitlines())
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert len(pins) == len(project["dependencies"])
    assert pins["tomli"] == "2.1"


def test_a_dependency_without_a_lower_bound_is_refused() -> None:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        from lowest_requirements import lowest
    finally:
        sys.path.remove(str(SCRIPT.parent))
    with pytest.raises(SystemExit, match="no lower bound"):
        lowest(["rich"])
    assert lowest(["typer>=0.28,<0.29", "anyascii >= 0.3.2"]) == ["typer==0.28", "anyascii==0.3.2"]

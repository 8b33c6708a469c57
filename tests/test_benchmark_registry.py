"""The benchmark's synthetic registry is what the benchmark issue asks for: valid, varied."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

from conftest import ROOT
from endorse.checks import summarise, validate_text
from endorse.store import load


def test_a_synthetic_registry_validates_without_errors(tmp_path: Path) -> None:
    path = tmp_path / "registry.toml"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "make_registry.py"), "600", str(path)],
        check=True,
    )
    registry = load(path).registry
    assert len(registry.signatories) == 600
    assert summarise(validate_text(path.read_text(encoding="utf-8"))).errors == 0
    members = Counter(s.member for s in registry.signatories)
    assert members[True] == 200
    assert len({s.country for s in registry.signatories}) >= 35
    assert any(not s.name.isascii() for s in registry.signatories)

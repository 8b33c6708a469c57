"""The benchmark's registries are what the benchmark needs: valid, varied, deterministic.

No timing here: benchmarks/run.py measures, side by side with its floors.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

import endorse
from conftest import ROOT, InvokeResult, script_module

BENCHMARKS = ROOT / "benchmarks"


def generate(script: str, count: int, path: Path) -> None:
    subprocess.run([sys.executable, str(BENCHMARKS / script), str(count), str(path)], check=True)


def findings(invoke: Callable[..., InvokeResult], path: Path) -> list[dict[str, object]]:
    result = invoke("--registry", path, "validate", "--format", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return found


def test_a_synthetic_registry_validates_without_errors(
    tmp_path: Path, invoke: Callable[..., InvokeResult]
) -> None:
    path = tmp_path / "registry.toml"
    generate("make_registry.py", 600, path)
    registry = endorse.load(path)
    assert len(registry.signatories) == 600
    assert not [f for f in findings(invoke, path) if f["severity"] == "error"]
    members = Counter(s.member for s in registry.signatories)
    assert members[True] == 200
    assert len({s.country for s in registry.signatories}) >= 35
    assert any(not s.name.isascii() for s in registry.signatories)


@pytest.fixture(scope="module")
def real_300(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("real") / "registry.toml"
    generate("make_real_registry.py", 300, path)
    return path


def test_a_registry_of_real_names_has_no_error_and_its_typos_are_warnings(
    real_300: Path, invoke: Callable[..., InvokeResult]
) -> None:
    found = findings(invoke, real_300)
    assert not [f for f in found if f["severity"] == "error"]
    codes = Counter(str(f["code"]) for f in found)
    # Misspelt names are unknown places (W201), or close to a real neighbour (W303).
    assert set(codes) <= {"W201", "W202", "W203", "W303"}
    assert 10 <= codes["W201"] <= 300 // 20
    unknown = {f["signatory_id"] for f in found if f["code"] == "W201"}
    misspelt = [s for s in endorse.load(real_300).signatories if s.id in unknown]
    assert all(s.kind == "city" for s in misspelt)


def test_a_registry_of_real_names_is_varied_like_a_real_one(real_300: Path) -> None:
    signatories = endorse.load(real_300).signatories
    assert len(signatories) == 300
    assert len({s.id for s in signatories}) == 300
    countries = Counter(s.country for s in signatories)
    assert 15 <= len(countries) <= 25
    assert countries.most_common(1)[0][0] == "US"
    assert Counter(s.member for s in signatories)[True] == 100
    kinds = Counter(s.kind for s in signatories)
    assert kinds["city"] >= 0.9 * 300
    assert all(s.source for s in signatories)
    assert 0.6 * 300 <= sum(s.endorsed_on is not None for s in signatories) <= 0.95 * 300
    assert any(not s.name.isascii() for s in signatories)
    assert all(s.subdivision for s in signatories if s.country == "US" and s.kind == "city")


def test_a_registry_of_real_names_is_the_same_for_the_same_size(
    real_300: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again.toml"
    generate("make_real_registry.py", 300, again)
    assert again.read_bytes() == real_300.read_bytes()


def test_more_signatories_than_real_cities_are_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "make_real_registry.py"), "100000", str(tmp_path / "x")],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "at most" in result.stderr
    assert not (tmp_path / "x").exists()


def generator() -> ModuleType:
    """benchmarks/make_real_registry.py as a module (benchmarks/ is no package)."""
    return script_module(BENCHMARKS / "make_real_registry.py")


@pytest.mark.parametrize("name", ["Aguascalientes", "São Paulo", "Lyon", "Bochum-Werne"])
def test_a_typo_is_one_swap_drop_or_doubling_of_a_lower_case_letter(name: str) -> None:
    misspelt = generator().misspelt
    rng = random.Random(7)
    for _ in range(30):
        typo = misspelt(name, rng)
        assert typo != name
        assert typo[0] == name[0]
        assert is_one_typo(name, typo), (name, typo)


def is_one_typo(name: str, typo: str) -> bool:
    if len(typo) == len(name):
        diffs = [i for i, (a, b) in enumerate(zip(name, typo, strict=True)) if a != b]
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and name[diffs[0]] == typo[diffs[1]]
    shorter, longer = sorted((name, typo), key=len)
    if len(longer) != len(shorter) + 1:
        return False
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))

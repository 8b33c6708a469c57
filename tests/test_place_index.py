"""scripts/make_place_index.py: the shipped place index is exactly what the script generates."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

import pytest

from conftest import script_module

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "make_place_index.py"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return script_module(SCRIPT)


@pytest.fixture(scope="module")
def generated(script: ModuleType) -> dict[str, bytes]:
    files: dict[str, bytes] = script.generate()
    return files


@pytest.mark.slow
def test_regenerating_the_index_gives_the_shipped_bytes(
    script: ModuleType, generated: dict[str, bytes], tmp_path: Path
) -> None:
    script.write(generated, tmp_path)
    written = script.shipped(tmp_path)
    assert sorted(written) == sorted(script.shipped(script.DATA))
    assert written == script.shipped(script.DATA)
    assert script.differences(generated, script.DATA) == []


@pytest.mark.slow
def test_the_index_is_json_of_one_file_per_country(generated: dict[str, bytes]) -> None:
    assert "core.json" in generated
    assert "places/US.json" in generated and "alternates/DE.json" in generated
    for content in generated.values():
        assert content.endswith(b"}\n")
        content.decode("utf-8")


@pytest.mark.slow
def test_writing_removes_the_files_of_countries_no_longer_there(
    script: ModuleType, generated: dict[str, bytes], tmp_path: Path
) -> None:
    stale = tmp_path / "places" / "ZZ.json"
    stale.parent.mkdir()
    stale.write_bytes(b"{}\n")
    script.write(generated, tmp_path)
    assert not stale.exists()
    assert script.differences(generated, tmp_path) == []


@pytest.mark.slow
def test_check_passes_on_the_shipped_index(
    script: ModuleType,
    generated: dict[str, bytes],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(script, "generate", lambda: generated)  # made once for the module
    assert script.main(["--check"]) == 0
    assert capsys.readouterr().err == ""
    assert not (ROOT / "src" / "endorse" / "data" / "places" / "ZZ.json").exists()


@pytest.mark.slow
def test_check_fails_on_a_changed_missing_or_extra_file(
    script: ModuleType,
    generated: dict[str, bytes],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(script, "generate", lambda: generated)  # made once for the module
    data = tmp_path / "data"
    shutil.copytree(script.DATA, data)
    (data / "core.json").write_bytes((data / "core.json").read_bytes().replace(b"France", b"Frace"))
    (data / "places" / "FR.json").unlink()
    (data / "alternates" / "ZZ.json").write_bytes(b"{}\n")
    assert script.main(["--check", "--data", str(data)]) == 1
    assert capsys.readouterr().err.splitlines()[:3] == [
        "alternates/ZZ.json: extra",
        "core.json: differs",
        "places/FR.json: missing",
    ]

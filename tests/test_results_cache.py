"""The cache of findings and summaries: the same bytes, day, code and data give the same
results; anything else, or a damaged or foreign entry, makes them again."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import BUNDLED
from endorse import results_cache, store
from endorse.cache import CACHE_DIR_VARIABLE, read_framed, write_framed
from endorse.checks import validate_file, validate_text
from endorse.summary import summarise, summarise_file

TODAY = date(2026, 11, 27)


@pytest.fixture
def registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled registry, treated as large enough to cache, with a fresh cache folder."""
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    monkeypatch.setattr(store, "CACHED_FROM_BYTES", 0)
    path = tmp_path / "registry.toml"
    path.write_bytes(BUNDLED.read_bytes())
    return path


def _entries(registry: Path, suffix: str) -> list[Path]:
    return sorted((registry.parent / "cache" / "registries").glob(f"*.{suffix}"))


def _damage(entry: Path) -> None:
    data = bytearray(entry.read_bytes())
    data[-3] ^= 0xFF
    entry.write_bytes(bytes(data))


def test_findings_are_kept_and_read_back_the_same(registry: Path) -> None:
    first = validate_file(registry, today=TODAY, verbose=True)
    assert len(_entries(registry, "findings")) == 1
    assert results_cache.cached_findings(registry.read_bytes(), TODAY) is not None
    assert validate_file(registry, today=TODAY, verbose=True) == first
    assert first == validate_text(registry.read_text(encoding="utf-8"), today=TODAY, verbose=True)


def test_one_entry_serves_with_and_without_verbose(registry: Path) -> None:
    validate_file(registry, today=TODAY, verbose=True)
    quiet = validate_file(registry, today=TODAY)
    assert quiet == validate_text(registry.read_text(encoding="utf-8"), today=TODAY)
    assert len(_entries(registry, "findings")) == 1


def test_findings_are_made_again_on_another_day(registry: Path) -> None:
    tomorrow = TODAY + timedelta(days=1)
    text = registry.read_text(encoding="utf-8").replace(
        'id = "buffalo"', f'id = "buffalo"\nendorsed_on = {tomorrow.isoformat()}'
    )
    registry.write_text(text, encoding="utf-8")
    assert "E502" in {f.code for f in validate_file(registry, today=TODAY)}
    assert "E502" not in {f.code for f in validate_file(registry, today=tomorrow)}
    assert len(_entries(registry, "findings")) == 2


def test_other_bytes_never_meet_the_findings_of_a_file(registry: Path) -> None:
    validate_file(registry, today=TODAY)
    changed = registry.read_bytes().replace(b'name = "Buffalo"', b'name = "Bufalo"')
    assert results_cache.cached_findings(changed, TODAY) is None


def test_damaged_findings_are_ignored_and_made_again(registry: Path) -> None:
    first = validate_file(registry, today=TODAY)
    _damage(_entries(registry, "findings")[0])
    assert results_cache.cached_findings(registry.read_bytes(), TODAY) is None
    assert validate_file(registry, today=TODAY) == first


def test_findings_made_by_other_code_or_data_are_ignored(
    registry: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    validate_file(registry, today=TODAY)
    monkeypatch.setattr(results_cache, "_stamp", lambda: "another endorse")
    assert results_cache.cached_findings(registry.read_bytes(), TODAY) is None


def test_the_stamp_names_every_module_of_endorse_and_the_place_data() -> None:
    stamp = results_cache._stamp()
    package = Path(results_cache.__file__).parent
    for module in ("checks/place_rules.py", "duplicates.py", "names.py", "summary.py"):
        assert str(package / module) in stamp.replace("\\\\", "\\")
    assert "cities15000.json" in stamp and "rapidfuzz" in stamp


def test_an_entry_others_could_have_written_is_not_read(registry: Path) -> None:
    validate_file(registry, today=TODAY)
    os.chmod(_entries(registry, "findings")[0], 0o666)
    assert results_cache.cached_findings(registry.read_bytes(), TODAY) is None


def test_a_summary_is_kept_and_read_back_the_same(registry: Path) -> None:
    first = summarise_file(registry)
    assert len(_entries(registry, "summary")) == 1
    assert results_cache.cached_summary(registry.read_bytes()) == first
    assert summarise_file(registry) == first == summarise(store.load(registry).registry)


def test_a_damaged_summary_is_ignored_and_made_again(registry: Path) -> None:
    first = summarise_file(registry)
    _damage(_entries(registry, "summary")[0])
    assert results_cache.cached_summary(registry.read_bytes()) is None
    assert summarise_file(registry) == first


def test_a_small_registry_leaves_no_entry(registry: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "CACHED_FROM_BYTES", 256 * 1024)
    validate_file(registry, today=TODAY)
    summarise_file(registry)
    assert not (registry.parent / "cache" / "registries").exists()


def test_entries_written_under_a_permissive_umask_are_read_back(registry: Path) -> None:
    previous = os.umask(0o002)
    try:
        validate_file(registry, today=TODAY)
    finally:
        os.umask(previous)
    [entry] = _entries(registry, "findings")
    assert entry.stat().st_mode & 0o077 == 0
    assert entry.parent.stat().st_mode & 0o077 == 0
    assert results_cache.cached_findings(registry.read_bytes(), TODAY) is not None


def test_a_cache_folder_others_could_write_to_is_made_private(registry: Path) -> None:
    folder = registry.parent / "cache" / "registries"
    folder.mkdir(parents=True)
    folder.chmod(0o775)
    validate_file(registry, today=TODAY)
    assert folder.stat().st_mode & 0o022 == 0
    assert results_cache.cached_findings(registry.read_bytes(), TODAY) is not None


def test_every_folder_endorse_makes_for_its_cache_is_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "home" / "cache" / "endorse"
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(root))
    previous = os.umask(0o002)
    try:
        write_framed(root / "registries" / "entry.summary", "stamp", b"payload")
    finally:
        os.umask(previous)
    for folder in (root.parent.parent, root.parent, root, root / "registries"):
        assert folder.stat().st_mode & 0o077 == 0, folder
    assert bytes(read_framed(root / "registries" / "entry.summary", "stamp") or b"") == b"payload"


def test_a_place_data_file_others_could_have_written_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path))
    entry = tmp_path / "gazetteer-core.marshal"
    write_framed(entry, "stamp", b"payload")
    os.chmod(entry, 0o664)
    assert read_framed(entry, "stamp") is None


def test_a_cache_file_with_a_header_nested_too_deep_is_a_miss(tmp_path: Path) -> None:
    entry = tmp_path / "gazetteer-core.marshal"
    write_framed(entry, "stamp", b"payload")
    entry.write_bytes(b"[" * 100_000 + b"\n" + b"payload")
    assert read_framed(entry, "stamp") is None
    entry.write_bytes(b"[" * 1_000 + b"\n" + b"payload")
    assert read_framed(entry, "stamp") is None

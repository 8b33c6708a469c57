"""Write a registry of N signatories named after real cities: `python make_real_registry.py N PATH`.

The names are GeoNames cities read through endorse's own place data
(`endorse.places.gazetteer.places_of`, rows whose feature is "city"), so the
place checks find most of them, as they would in a real registry. They
are spread over 22 countries weighted as the members of a city network
are (the US, western Europe and Brazil first, a few in Africa and Asia),
larger cities more likely than smaller ones. One name in twenty is
misspelt as people misspell them (two neighbouring letters swapped, a
letter dropped or doubled): `endorse validate` warns about those, and
finds no error in the file. Ids are the slug of the name, suffixed with
the country when two countries share a name. A third are members; 96 %
are cities, the rest metropolitan areas and other governments; 80 % have
an endorsement date; all have a source. US cities carry their state.

The same N always gives the same file (a seeded random generator, and the
place data read in sorted order). The 22 countries hold about 87,000
usable cities; a larger N is refused: `make_registry.py` makes synthetic
registries of any size.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from endorse.places.gazetteer import places_of
from endorse.places.names import match_key, slugify
from endorse.registry.model import Paper, Registry, Signatory
from endorse.registry.store import dumps

SEED = 2018
# Share of the signatories per country, in percent.
COUNTRY_WEIGHTS: dict[str, int] = {
    "US": 14,
    "DE": 9,
    "FR": 8,
    "ES": 7,
    "IT": 7,
    "GB": 7,
    "BR": 7,
    "MX": 5,
    "CA": 4,
    "IN": 4,
    "JP": 3,
    "CO": 3,
    "AR": 3,
    "PL": 3,
    "TR": 3,
    "CN": 2,
    "PH": 2,
    "ZA": 2,
    "NG": 2,
    "MA": 2,
    "ID": 2,
    "KE": 1,
}
MISSPELT_EVERY = 20
PRESENTED_ON = date(2017, 12, 4)
SOURCES = (
    "https://example.org/letters/{n:05d}",
    "https://example.org/news/endorsement-{n}",
    "Letter of the mayor to the network's secretariat, no. {n}",
)


@dataclass(frozen=True)
class City:
    name: str
    country: str
    subdivision: str | None
    population: int


def usable_cities(country: str) -> list[City]:
    """The cities of a country that one name designates: keys with exactly one city row."""
    cities = []
    for key, rows in sorted(places_of(country).items()):
        city_rows = [row for row in rows if row[4] == "city"]
        if len(city_rows) == 1 and key:
            name, _, subdivision, population, _ = city_rows[0]
            cities.append(City(name, country, subdivision, population or 15000))
    return cities


def shares(count: int, capacity: dict[str, int]) -> dict[str, int]:
    """How many signatories each country gets: proportional to its weight, within its cities."""
    weights = dict(COUNTRY_WEIGHTS)
    given = dict.fromkeys(weights, 0)
    left = count
    while left > 0:
        open_countries = [c for c in weights if given[c] < capacity[c]]
        if not open_countries:
            raise SystemExit(f"at most {sum(capacity.values())} signatories with real names")
        total = sum(weights[c] for c in open_countries)
        exact = {c: left * weights[c] / total for c in open_countries}
        step = {c: min(int(exact[c]), capacity[c] - given[c]) for c in open_countries}
        if not any(step.values()):  # fewer left than countries: largest remainders first
            ranked = sorted(open_countries, key=lambda c: (-exact[c], c))
            step = dict.fromkeys(ranked[:left], 1)
        for country, extra in step.items():
            given[country] += extra
            left -= extra
    return given


def pick(cities: Sequence[City], count: int, rng: random.Random) -> list[City]:
    """`count` cities without replacement, a city of 1,000,000 ten times as likely as one of
    10,000 (weights by the square root of the population; Efraimidis-Spirakis keys)."""
    keyed = sorted(cities, key=lambda c: rng.random() ** (1 / c.population**0.5), reverse=True)
    return keyed[:count]


def misspelt(name: str, rng: random.Random) -> str:
    """The name with one typo: two neighbouring letters swapped, a letter dropped or doubled.

    Only lower-case letters are touched: the first letter of each word is kept, as people
    seldom get it wrong; a letter is dropped only from a name of four letters or more.
    """
    for _ in range(50):
        i = rng.randrange(1, len(name))
        operation = rng.choice(("swap", "drop", "double"))
        if not name[i].islower():
            continue
        if operation == "swap" and i + 1 < len(name) and name[i + 1].islower():
            if name[i] != name[i + 1]:
                return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
        elif operation == "drop" and len(name) >= 4 and name[i - 1] != name[i]:
            return name[:i] + name[i + 1 :]
        elif operation == "double":
            return name[:i] + name[i] + name[i:]
    return name


def real_signatories(count: int, seed: int = SEED) -> list[Signatory]:
    rng = random.Random(seed)
    cities = {country: usable_cities(country) for country in COUNTRY_WEIGHTS}
    per_country = shares(count, {c: len(found) for c, found in cities.items()})
    chosen = [
        city
        for country in COUNTRY_WEIGHTS
        for city in pick(cities[country], per_country[country], rng)
    ]
    rng.shuffle(chosen)
    known_keys = {c: set(places_of(c)) for c in COUNTRY_WEIGHTS}
    taken_keys: set[tuple[str, str]] = set()
    taken_ids: set[str] = set()
    signatories = []
    for n, city in enumerate(chosen):
        name, kind = named(city, n, rng, known_keys[city.country], taken_keys)
        taken_keys.add((city.country, match_key(name)))
        signatory_id = unique_id(slugify(name), city.country, taken_ids)
        taken_ids.add(signatory_id)
        status = rng.choices(("confirmed", "pending", "withdrawn"), (90, 8, 2))[0]
        dated = rng.random() < 0.8
        note = "Letter received by the secretariat." if rng.random() < 0.2 else None
        if status == "withdrawn":
            note = "Withdrew its endorsement after the municipal elections."
        signatories.append(
            Signatory(
                id=signatory_id,
                name=name,
                kind=kind,
                country=city.country,
                subdivision=city.subdivision if kind == "city" else None,
                member=n % 3 == 0,
                status=status,
                endorsed_on=PRESENTED_ON + timedelta(days=rng.randrange(1, 570)) if dated else None,
                source=rng.choice(SOURCES).format(n=n),
                note=note,
            )
        )
    return signatories


def named(
    city: City, n: int, rng: random.Random, known: set[str], taken: set[tuple[str, str]]
) -> tuple[str, str]:
    """The signatory's name and kind: mostly the city; one name in twenty misspelt."""
    name = city.name
    if n % MISSPELT_EVERY == MISSPELT_EVERY // 2:
        for _ in range(10):
            typo = misspelt(city.name, rng)
            key = match_key(typo)
            if typo != city.name and key not in known and (city.country, key) not in taken:
                name = typo
                break
    roll = rng.random()
    if roll < 0.03:
        return f"{name} Metropolitan Area", "metropolitan-area"
    return name, "other" if roll < 0.04 else "city"


def unique_id(slug: str, country: str, taken: set[str]) -> str:
    """The slug, else the slug and the country, else those and a number."""
    candidate = slug
    if candidate in taken:
        candidate = f"{slug}-{country.lower()}"
    number = 2
    while candidate in taken:
        candidate = f"{slug}-{country.lower()}-{number}"
        number += 1
    return candidate


def real_registry(count: int) -> Registry:
    signatories = real_signatories(count)
    paper = Paper(
        title="An open letter on cities and migration (benchmark registry of real city names)",
        network="Benchmark Network",
        members_declared=sum(s.member and s.status != "withdrawn" for s in signatories),
        presented_on=PRESENTED_ON,
        source="benchmarks/make_real_registry.py",
        summary="That cities have a say in how migration is governed.",
        commitments=("Share what works.", "Report progress every year."),
    )
    return Registry(paper=paper, signatories=tuple(signatories))


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit():
        print("usage: python benchmarks/make_real_registry.py N PATH", file=sys.stderr)
        return 2
    path = Path(argv[1])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(real_registry(int(argv[0]))), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

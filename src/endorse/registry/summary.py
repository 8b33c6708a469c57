"""The figures a report is made of: computed once, here, and only rendered by each format.

`summarise` turns a registry into a frozen `Summary`; the text, markdown,
HTML and JSON reports all render that one object, so their numbers cannot
disagree. Withdrawn signatories are never counted: the totals, breakdowns,
timeline and population cover the signatories that are confirmed or pending,
and the withdrawn are listed apart.

Regions are continents from GeoNames' country data; populations are GeoNames
city populations (see `places`). Both are looked up lazily by `places`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Final, Literal

from endorse.places import lookup as places
from endorse.registry.model import Paper, Registry, Signatory

UNKNOWN_REGION: Final = "Unknown region"
NotCountedReason = Literal["ambiguous", "unknown", "not a city"]
NOT_COUNTED_REASONS: Final[tuple[NotCountedReason, ...]] = ("ambiguous", "unknown", "not a city")


@dataclass(frozen=True)
class Totals:
    """Who backs the paper. Withdrawn signatories are counted apart, never in the totals."""

    signatories: int
    confirmed: int
    pending: int
    withdrawn: int
    members_recorded: int
    members_declared: int
    nonmembers: int

    @property
    def members_not_recorded(self) -> int:
        """Members the network says backed the paper but that the registry does not name."""
        return max(self.members_declared - self.members_recorded, 0)


def totals(registry: Registry) -> Totals:
    active = [s for s in registry.signatories if s.status != "withdrawn"]
    return Totals(
        signatories=len(active),
        confirmed=sum(s.status == "confirmed" for s in active),
        pending=sum(s.status == "pending" for s in active),
        withdrawn=len(registry.signatories) - len(active),
        members_recorded=sum(s.member for s in active),
        members_declared=registry.paper.members_declared,
        nonmembers=sum(not s.member for s in active),
    )


@dataclass(frozen=True)
class Entry:
    """One signatory as a report names it."""

    id: str
    name: str
    kind: str
    country: str
    country_name: str
    subdivision: str | None
    subdivision_name: str | None
    region: str
    member: bool
    status: str
    endorsed_on: date | None

    @property
    def where(self) -> str:
        """ "New York, United States"; the country alone when no subdivision is given."""
        parts = [self.subdivision_name, self.country_name]
        return ", ".join(part for part in parts if part)


@dataclass(frozen=True)
class Group:
    """One bar of a breakdown: the signatories of a region, a country or a kind."""

    key: str
    label: str
    members: int
    nonmembers: int

    @property
    def signatories(self) -> int:
        return self.members + self.nonmembers


@dataclass(frozen=True)
class RegionMembers:
    region: str
    members: tuple[Entry, ...]


@dataclass(frozen=True)
class Month:
    month: str
    signatories: int


@dataclass(frozen=True)
class Timeline:
    """Endorsements by month: every month from the first to the last, empty ones included,
    but for a stretch of more than LONGEST_EMPTY_STRETCH empty months, left out whole (a
    year typed 1017 for 2017 would otherwise list twelve thousand months)."""

    months: tuple[Month, ...]
    undated: int

    @property
    def dated(self) -> int:
        return sum(month.signatories for month in self.months)


@dataclass(frozen=True)
class Counted:
    """A signatory whose name matched exactly one GeoNames city."""

    id: str
    name: str
    place: str
    population: int


@dataclass(frozen=True)
class NotCounted:
    id: str
    name: str
    reason: NotCountedReason


@dataclass(frozen=True)
class Population:
    """GeoNames city populations of the signatories that match exactly one city."""

    total: int
    counted: tuple[Counted, ...]
    not_counted: tuple[NotCounted, ...]

    def not_counted_because(self, reason: NotCountedReason) -> int:
        return sum(entry.reason == reason for entry in self.not_counted)


@dataclass(frozen=True)
class Located:
    """A signatory whose name is one known place (`places.lookup.identify`): a dot on a map."""

    id: str
    name: str
    member: bool
    place: places.Place

    @property
    def position(self) -> tuple[float, float] | None:
        """(latitude, longitude), or None where the place data has none (a US county).
        Looked up when asked: only a map needs it."""
        return places.position(self.place)


@dataclass(frozen=True)
class Summary:
    """Every figure of the report, and the signatories it counts (`signatories`: those
    confirmed or pending, by name; `located`: those of them that are a known place)."""

    paper: Paper
    totals: Totals
    by_region: tuple[Group, ...]
    by_country: tuple[Group, ...]
    by_kind: tuple[Group, ...]
    nonmembers: tuple[Entry, ...]
    members_by_region: tuple[RegionMembers, ...]
    withdrawn: tuple[Entry, ...]
    timeline: Timeline
    population: Population
    signatories: tuple[Entry, ...]
    located: tuple[Located, ...]


PlaceLookup = Callable[[str, str, str, str | None], places.Identified]


def summarise(registry: Registry, *, identify: PlaceLookup = places.identify) -> Summary:
    """The report's figures; `identify` says which place a name is (a stand-in in tests)."""
    entries = [_entry(s) for s in registry.signatories]
    active = [e for e in entries if e.status != "withdrawn"]
    active_signatories = [s for s in registry.signatories if s.status != "withdrawn"]
    found = {s.id: _identified(s, identify) for s in active_signatories}
    return Summary(
        paper=registry.paper,
        totals=totals(registry),
        by_region=_groups(active, lambda e: (e.region, e.region)),
        by_country=_groups(active, lambda e: (e.country, e.country_name)),
        by_kind=_groups(active, lambda e: (e.kind, _kind_label(e.kind))),
        nonmembers=tuple(sorted((e for e in active if not e.member), key=_by_name)),
        members_by_region=_members_by_region(active),
        withdrawn=tuple(sorted((e for e in entries if e.status == "withdrawn"), key=_by_name)),
        timeline=_timeline(active),
        population=_population(active_signatories, found),
        signatories=tuple(sorted(active, key=_by_name)),
        located=tuple(
            Located(s.id, s.name, s.member, place)
            for s in active_signatories
            if (place := found[s.id].place) is not None
        ),
    )


def _identified(signatory: Signatory, identify: PlaceLookup) -> places.Identified:
    return identify(signatory.name, signatory.country, signatory.kind, signatory.subdivision)


def _entry(signatory: Signatory) -> Entry:
    """The frozen Entry filled in one step, as `model` fills a Signatory: a report of
    100,000 signatories makes 100,000 entries, and `__init__` sets fields one by one."""
    entry = object.__new__(Entry)
    entry.__dict__.update(
        id=signatory.id,
        name=signatory.name,
        kind=signatory.kind,
        country=signatory.country,
        country_name=_country_label(signatory.country),
        subdivision=signatory.subdivision,
        subdivision_name=_subdivision_label(signatory.subdivision),
        region=_region(signatory.country),
        member=signatory.member,
        status=signatory.status,
        endorsed_on=signatory.endorsed_on,
    )
    return entry


# Labels are looked up once per country or subdivision, not once per signatory.


@cache
def _region(country: str) -> str:
    return places.continent_of(country) or UNKNOWN_REGION


@cache
def _country_label(code: str) -> str:
    return places.country_common_name(code) or code


@cache
def _subdivision_label(code: str | None) -> str | None:
    return None if code is None else places.subdivision_name(code) or code


def _kind_label(kind: str) -> str:
    return kind.replace("-", " ")


def _by_name(entry: Entry) -> tuple[str, str]:
    from endorse.places.names import fold

    return (fold(entry.name), entry.id)


def _groups(
    entries: Iterable[Entry], key_and_label: Callable[[Entry], tuple[str, str]]
) -> tuple[Group, ...]:
    """Groups with the most signatories first, ties by label."""
    members: Counter[tuple[str, str]] = Counter()
    nonmembers: Counter[tuple[str, str]] = Counter()
    for entry in entries:
        (members if entry.member else nonmembers)[key_and_label(entry)] += 1
    groups = [
        Group(key=key, label=label, members=members[key, label], nonmembers=nonmembers[key, label])
        for key, label in members | nonmembers
    ]
    return tuple(sorted(groups, key=lambda g: (-g.signatories, g.label, g.key)))


def _members_by_region(active: Sequence[Entry]) -> tuple[RegionMembers, ...]:
    members = sorted((e for e in active if e.member), key=_by_name)
    regions = sorted({e.region for e in members})
    return tuple(
        RegionMembers(region, tuple(e for e in members if e.region == region)) for region in regions
    )


def _timeline(active: Sequence[Entry]) -> Timeline:
    dated = Counter((e.endorsed_on.year, e.endorsed_on.month) for e in active if e.endorsed_on)
    undated = sum(e.endorsed_on is None for e in active)
    if not dated:
        return Timeline(months=(), undated=undated)
    first, last = min(dated), max(dated)
    months = []
    year, month = first
    while (year, month) <= last:
        months.append(Month(f"{year:04d}-{month:02d}", dated[year, month]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return Timeline(months=_without_long_empty_stretches(months), undated=undated)


LONGEST_EMPTY_STRETCH: Final = 12


def _without_long_empty_stretches(months: Sequence[Month]) -> tuple[Month, ...]:
    kept: list[Month] = []
    empty: list[Month] = []
    for month in months:
        if not month.signatories:
            empty.append(month)
            continue
        if len(empty) <= LONGEST_EMPTY_STRETCH:
            kept.extend(empty)
        empty = []
        kept.append(month)
    return tuple(kept)


def _population(active: Sequence[Signatory], found: dict[str, places.Identified]) -> Population:
    counted: list[Counted] = []
    not_counted: list[NotCounted] = []
    for signatory in active:
        city = _city_of(signatory, found[signatory.id])
        if isinstance(city, places.Place) and city.population:
            place = _place_label(city)
            counted.append(Counted(signatory.id, signatory.name, place, city.population))
        else:
            reason = city if isinstance(city, str) else "not a city"
            not_counted.append(NotCounted(signatory.id, signatory.name, reason))
    return Population(
        total=sum(c.population for c in counted),
        counted=tuple(counted),
        not_counted=tuple(not_counted),
    )


def _place_label(place: places.Place) -> str:
    return f"{place.name}, {place.subdivision}" if place.subdivision else place.name


def _city_of(signatory: Signatory, found: places.Identified) -> places.Place | NotCountedReason:
    """The one place a city signatory names, or why there is none (`places.lookup.identify`
    found `found`).

    Regions, counties and metropolitan areas, and cities the data knows only
    as something else (a county), are "not a city": GeoNames gives city
    populations only.
    """
    if signatory.kind != "city":
        return "not a city"
    if not found.of_kind and found.named:
        return "not a city"
    if not found.matching:
        return "unknown"
    return found.place or "ambiguous"

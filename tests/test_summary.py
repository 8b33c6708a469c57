"""summarise: every figure of the report, checked against a registry counted by hand."""

from __future__ import annotations

from datetime import date

import pytest

import endorse
import report_fixtures as hand
from endorse import Paper, Registry, Signatory
from endorse.places import lookup as places
from endorse.registry.summary import Summary, summarise
from registries import registry, signatory


@pytest.fixture(scope="module")
def summary() -> Summary:
    return summarise(endorse.load(hand.HAND_COUNTED))


def _signatory(signatory_id: str, **fields: object) -> Signatory:
    values: dict[str, object] = {
        "name": signatory_id.title(),
        "country": "FR",
        "member": True,
        **fields,
    }
    return signatory(id=signatory_id, **values)  # type: ignore[arg-type]


def _registry(*signatories: Signatory) -> Registry:
    return registry(*signatories, paper=Paper("Paper", "Net", members_declared=5))


def test_totals_leave_the_withdrawn_out(summary: Summary) -> None:
    totals = summary.totals
    assert {key: getattr(totals, key) for key in hand.TOTALS} == hand.TOTALS


def test_regions_are_continents_with_the_largest_first(summary: Summary) -> None:
    found = {g.key: (g.signatories, g.members, g.nonmembers) for g in summary.by_region}
    assert found == hand.REGIONS
    assert [g.signatories for g in summary.by_region] == sorted(
        (g.signatories for g in summary.by_region), reverse=True
    )


def test_countries_carry_their_common_names(summary: Summary) -> None:
    found = {g.key: (g.label, g.signatories, g.members, g.nonmembers) for g in summary.by_country}
    assert found == hand.COUNTRIES


def test_kinds_count_members_and_nonmembers(summary: Summary) -> None:
    found = {g.key: (g.signatories, g.members, g.nonmembers) for g in summary.by_kind}
    assert found == hand.KINDS


def test_nonmembers_are_listed_by_name(summary: Summary) -> None:
    assert tuple(e.id for e in summary.nonmembers) == hand.NONMEMBERS


def test_members_are_grouped_by_region_in_name_order(summary: Summary) -> None:
    found = {g.region: tuple(e.id for e in g.members) for g in summary.members_by_region}
    assert found == hand.MEMBERS_BY_REGION


def test_withdrawn_are_listed_apart(summary: Summary) -> None:
    assert tuple(e.id for e in summary.withdrawn) == hand.WITHDRAWN


def test_timeline_has_every_month_between_the_first_and_the_last(summary: Summary) -> None:
    assert {m.month: m.signatories for m in summary.timeline.months} == hand.MONTHS
    assert summary.timeline.undated == hand.UNDATED


def test_a_withdrawn_date_does_not_enter_the_timeline(summary: Summary) -> None:
    april = [m for m in summary.timeline.months if m.month == "2020-04"]
    assert april[0].signatories == 0


def test_population_sums_the_single_matches(summary: Summary) -> None:
    population = summary.population
    assert tuple(sorted(c.id for c in population.counted)) == hand.COUNTED
    assert {n.id: n.reason for n in population.not_counted} == hand.NOT_COUNTED
    assert population.total == sum(c.population for c in population.counted)


def test_population_of_a_counted_city_is_its_geonames_population(summary: Summary) -> None:
    paris = next(c for c in summary.population.counted if c.id == "paris")
    (place,) = places.places_named("Paris", "FR")
    assert paris.population == place.population


def test_a_subdivision_picks_one_city_out_of_many(summary: Summary) -> None:
    springfield = next(c for c in summary.population.counted if c.id == "springfield-il")
    assert springfield.place == "Springfield, US-IL"


def test_a_city_that_only_matches_a_county_is_not_a_city() -> None:
    county = places.Place("St. Louis", "US", "US-MO", None, "county")
    registry = _registry(_signatory("st-louis", name="St. Louis", country="US"))
    population = summarise(
        registry, identify=lambda *_: places.Identified((county,), (), ())
    ).population
    assert [(n.id, n.reason) for n in population.not_counted] == [("st-louis", "not a city")]
    assert population.total == 0


def test_an_empty_registry_has_no_groups_and_no_timeline() -> None:
    summary = summarise(_registry())
    assert summary.by_region == summary.by_country == summary.by_kind == ()
    assert summary.timeline.months == ()
    assert summary.totals.members_not_recorded == 5


def test_the_timeline_crosses_a_year_end() -> None:
    registry = _registry(
        _signatory("a", endorsed_on=date(2019, 11, 3)),
        _signatory("b", endorsed_on=date(2020, 2, 1)),
    )
    months = [m.month for m in summarise(registry).timeline.months]
    assert months == ["2019-11", "2019-12", "2020-01", "2020-02"]


def test_a_year_of_empty_months_stays_in_the_timeline() -> None:
    registry = _registry(
        _signatory("a", endorsed_on=date(2017, 1, 3)),
        _signatory("b", endorsed_on=date(2018, 2, 1)),
    )
    assert len(summarise(registry).timeline.months) == 14


def test_a_longer_stretch_of_empty_months_is_left_out_of_the_timeline() -> None:
    registry = _registry(
        _signatory("typo", endorsed_on=date(1017, 12, 4)),
        _signatory("a", endorsed_on=date(2017, 12, 4)),
        _signatory("b", endorsed_on=date(2018, 2, 1)),
    )
    timeline = summarise(registry).timeline
    assert [m.month for m in timeline.months] == ["1017-12", "2017-12", "2018-01", "2018-02"]
    assert timeline.dated == 3


def test_more_members_recorded_than_declared_leaves_no_negative_gap() -> None:
    registry = _registry(*(_signatory(f"m{i}") for i in range(7)))
    assert summarise(registry).totals.members_not_recorded == 0

"""The shipped place index: what the checks need, read per country."""

from __future__ import annotations

from endorse import gazetteer


def test_the_core_holds_what_the_checks_need() -> None:
    core = gazetteer.core()
    assert core["countries"]["FR"][:2] == ("FRA", "France")
    assert core["countries"]["IR"][2] == "Iran"
    assert core["subdivisions"]["US-PA"] == ("US", "Pennsylvania")
    assert core["continents"]["BR"] == "SA"


def test_the_places_of_a_country_are_rows_by_match_key() -> None:
    pittsburg = gazetteer.places_of("US")["pittsburg"]
    assert isinstance(pittsburg, tuple)
    assert {row[2] for row in pittsburg} == {"US-KS", "US-CA"}
    assert all(row[1] == "US" and row[4] == "city" for row in pittsburg)


def test_one_name_may_key_several_places_cities_and_counties() -> None:
    montgomery = gazetteer.places_of("US")["montgomery county"]
    assert len(montgomery) == 18
    assert {row[4] for row in montgomery} == {"county"}
    assert all(row[3] is None for row in montgomery)


def test_a_city_keeps_its_population_and_no_subdivision_outside_the_us() -> None:
    (koln,) = gazetteer.places_of("DE")["koln"]
    assert koln[:3] == ("Köln", "DE", None)
    assert isinstance(koln[3], int) and koln[3] > 1_000_000


def test_the_alternate_names_find_exonyms() -> None:
    rows = gazetteer.alternate_names("DE")["cologne"]
    assert [row[0] for row in rows] == ["Köln"]
    assert [row[0] for row in gazetteer.alternate_names("UA")["kiev"]] == ["Kyiv"]


def test_a_country_without_places_or_not_a_country_has_none() -> None:
    for country in ("AQ", "XX", "us", "", "../core", "places/US"):
        assert gazetteer.places_of(country) == {}
        assert gazetteer.alternate_names(country) == {}

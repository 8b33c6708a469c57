"""The shipped place index: what the checks need, read per country."""

from __future__ import annotations

from endorse.places import gazetteer


def test_the_core_holds_what_the_checks_need() -> None:
    core = gazetteer.core()
    assert core["countries"]["FR"][:2] == ("FRA", "France")
    assert core["countries"]["IR"][2] == "Iran"
    assert core["subdivisions"]["US-PA"] == ("US", "Pennsylvania")
    assert core["continents"]["BR"] == "SA"


def test_the_places_of_a_country_are_rows_by_match_key() -> None:
    pittsburg = gazetteer.places_of("US")["pittsburg"]
    assert isinstance(pittsburg, tuple)
    assert {row[2] for row in pittsburg} == {"US-KS", "US-CA", "US-TX"}
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


def test_the_places_go_down_to_a_thousand_people() -> None:
    (ryde,) = [row for row in gazetteer.places_of("GB")["ryde"] if row[4] == "city"]
    assert 1_000 <= (ryde[3] or 0) < 50_000
    assert gazetteer.places_of("FR")["ivry sur seine"]
    assert gazetteer.places_of("FR")["vitry sur seine"]


def test_a_column_of_one_value_is_that_value_in_every_row() -> None:
    assert all(
        row[2] is None and row[4] == "city"
        for rows in gazetteer.places_of("FR").values()
        for row in rows
    )

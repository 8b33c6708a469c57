"""The value rules shared by add, edit and import: what is stored, what is refused and why."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given

from endorse import Paper, Registry, Signatory
from endorse.places.names import nfc
from endorse.registry.store import dumps, registry_from_text
from endorse.registry.values import (
    NAME_MAX_LENGTH,
    ValueProblem,
    changed_signatory,
    check_country,
    check_date,
    check_member,
    check_subdivision,
    clean_text,
    id_for,
    paper_from_values,
    signatory_from_values,
)
from strategies import NAMES

PITTSBURGH = Signatory(
    id="pittsburgh",
    name="Pittsburgh",
    kind="city",
    country="US",
    member=False,
    status="confirmed",
    subdivision="US-PA",
    note="Written Pittsburg in the source",
    extra={"contact": "mayor@example.org"},
)


@pytest.mark.parametrize("given", ["FR", "fr", "FRA", "France", " france "])
def test_country_code_alpha3_or_name_is_stored_as_alpha2(given: str) -> None:
    assert check_country(given) == "FR"


def test_unknown_country_is_refused_with_the_closest_matches() -> None:
    with pytest.raises(ValueProblem) as refused:
        check_country("Frnace")
    assert refused.value.field == "country"
    assert "did you mean FR (France)" in str(refused.value)


@pytest.mark.parametrize("given", ["US-PA", "us-pa", "PA", "Pennsylvania"])
def test_subdivision_code_short_code_or_name_gives_the_iso_code(given: str) -> None:
    assert check_subdivision(given, "US") == "US-PA"


def test_subdivision_of_another_country_is_refused_naming_its_country() -> None:
    with pytest.raises(ValueProblem, match=r'"FR-IDF" \(.*\) is in FR, not in US'):
        check_subdivision("FR-IDF", "US")


def test_unknown_subdivision_is_refused_with_an_example_code() -> None:
    with pytest.raises(ValueProblem, match=r'like "US-AK"'):
        check_subdivision("US-XX", "US")


@pytest.mark.parametrize("given", ["2017-02-30", "2017-13-01"])
def test_dates_must_be_real_calendar_dates(given: str) -> None:
    with pytest.raises(ValueProblem, match="not a real calendar date"):
        check_date(given, "endorsed_on")


@pytest.mark.parametrize("given", ["20171204", "4 December 2017", "2017-12-4", "2017-W49-1"])
def test_dates_must_be_written_year_month_day(given: str) -> None:
    with pytest.raises(ValueProblem, match="YYYY-MM-DD"):
        check_date(given, "endorsed_on")


def test_a_leap_day_is_a_real_date() -> None:
    assert check_date("2016-02-29", "endorsed_on") == date(2016, 2, 29)


def test_text_is_trimmed_and_put_in_nfc() -> None:
    decomposed = "Montre\u0301al"
    assert clean_text(f"  {decomposed}\n", "name") == "Montréal"


@pytest.mark.parametrize(
    "unsafe",
    ["\x1b[31m", "\x00", "\t", "\x9b", "\u202e", "\u2028", "\ud800", "line\nbreak"],
    ids=["escape", "nul", "tab", "csi", "bidi-override", "line-separator", "surrogate", "newline"],
)
def test_control_characters_inside_text_are_refused(unsafe: str) -> None:
    with pytest.raises(ValueProblem, match="control character U\\+"):
        clean_text(f"Paris{unsafe}x", "name")


def test_joiners_used_by_some_scripts_are_kept() -> None:
    assert clean_text("می\u200cخواهم", "name") == "می\u200cخواهم"


def test_a_name_of_200_characters_is_stored_and_201_is_refused() -> None:
    assert signatory_from_values(name="a" * NAME_MAX_LENGTH, country="US").name == "a" * 200
    with pytest.raises(ValueProblem, match="201 characters long; at most 200"):
        signatory_from_values(name="a" * (NAME_MAX_LENGTH + 1), country="US")


def test_a_blank_name_is_refused() -> None:
    with pytest.raises(ValueProblem, match="name is empty"):
        signatory_from_values(name="   ", country="US")


@pytest.mark.parametrize(
    ("name", "slug"),
    [("São Paulo", "sao-paulo"), ("St. Louis City", "st-louis-city"), ("東京", "dongjing")],
)
def test_the_id_is_a_transliterated_slug_of_the_name(name: str, slug: str) -> None:
    assert id_for(name) == slug


def test_a_name_without_letters_or_digits_gives_no_id_and_asks_for_one() -> None:
    with pytest.raises(ValueProblem, match="gives no id") as refused:
        signatory_from_values(name="!!!", country="US")
    assert refused.value.field == "id"


def test_a_given_id_must_be_a_slug() -> None:
    with pytest.raises(ValueProblem, match="not a slug"):
        signatory_from_values(name="Paris", country="FR", id="Paris_75")


def test_a_new_signatory_defaults_to_a_confirmed_nonmember_city() -> None:
    new = signatory_from_values(name="Buffalo", country="US")
    assert (new.id, new.kind, new.member, new.status) == ("buffalo", "city", False, "confirmed")


def test_blank_optional_values_are_left_out() -> None:
    new = signatory_from_values(name="Buffalo", country="US", note="  ", subdivision="")
    assert new.note is None and new.subdivision is None


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [("kind", "town", 'kind "town" is not one of'), ("status", "maybe", 'status "maybe"')],
)
def test_kind_and_status_come_from_the_allowed_sets(key: str, value: str, message: str) -> None:
    with pytest.raises(ValueProblem, match=message):
        signatory_from_values(name="Buffalo", country="US", **{key: value})


def test_edit_changes_only_the_given_keys_and_keeps_unknown_ones() -> None:
    edited = changed_signatory(PITTSBURGH, {"endorsed_on": "2017-12-04"})
    assert edited.endorsed_on == date(2017, 12, 4)
    assert edited.extra == {"contact": "mayor@example.org"}
    assert (edited.name, edited.note, edited.subdivision) == (
        PITTSBURGH.name,
        PITTSBURGH.note,
        PITTSBURGH.subdivision,
    )


def test_edit_clears_an_optional_key() -> None:
    assert changed_signatory(PITTSBURGH, {}, clear=["note"]).note is None


def test_edit_refuses_to_clear_a_required_key() -> None:
    with pytest.raises(ValueProblem, match="name cannot be cleared"):
        changed_signatory(PITTSBURGH, {}, clear=["name"])


def test_edit_refuses_a_key_both_set_and_cleared() -> None:
    with pytest.raises(ValueProblem, match="both given a value and cleared"):
        changed_signatory(PITTSBURGH, {"note": "x"}, clear=["note"])


def test_a_new_country_refuses_a_kept_subdivision_of_the_old_one() -> None:
    with pytest.raises(ValueProblem, match="is in US, not in CA"):
        changed_signatory(PITTSBURGH, {"country": "CA"})


def test_a_new_country_with_its_own_subdivision_is_accepted() -> None:
    edited = changed_signatory(PITTSBURGH, {"country": "Canada", "subdivision": "ON"})
    assert (edited.country, edited.subdivision) == ("CA", "CA-ON")


def test_a_paper_refuses_a_negative_member_count() -> None:
    with pytest.raises(ValueProblem, match="must not be negative"):
        paper_from_values(title="Paper", network="Net", members_declared=-1)


@pytest.mark.parametrize(
    ("word", "member"), [("oui", True), ("Sí", True), ("NON", False), ("falso", False)]
)
def test_member_reads_yes_and_no_in_french_and_spanish(word: str, member: bool) -> None:
    assert check_member(word) is member


def test_a_member_word_not_known_is_refused_listing_the_words_known() -> None:
    with pytest.raises(ValueProblem, match=r"write one of true, yes, .* or false, no"):
        check_member("peut-être")


def test_a_month_name_not_in_english_is_said_to_be_read_in_english_only() -> None:
    with pytest.raises(ValueProblem, match="read English names of months and days only"):
        check_date("15 janvier 2018", "endorsed_on", "%d %B %Y")


def test_member_reads_a_word_whose_accent_is_a_combining_mark() -> None:
    assert check_member("Si\u0301") is True


@given(NAMES)
def test_a_name_is_refused_naming_its_field_or_stored_and_read_back_exactly(name: str) -> None:
    try:
        new = signatory_from_values(name=name, country="US")
    except ValueProblem as refused:
        assert refused.field in ("name", "id")
        assert str(refused).startswith(("name ", "the name "))
        return
    assert nfc(name).strip() in (new.name, new.as_written), "what was written is kept"
    text = dumps(Registry(Paper("T", "N", 1), (new,)))
    back = registry_from_text(text, Path("r.toml")).signatories[0]
    assert (back.name, back.as_written) == (new.name, new.as_written)

"""Names: folding for search, the duplicate key, slugs."""

from __future__ import annotations

from anyascii import anyascii
from hypothesis import assume, given
from hypothesis import strategies as st

from endorse.places.names import fold, match_key, mixes_latin_and_other_letters, nfc, slugify


@given(st.text())
def test_fold_is_the_anyascii_transliteration_casefolded(text: str) -> None:
    assume(not mixes_latin_and_other_letters(text))
    assert fold(text) == anyascii(nfc(text)).casefold()


def test_letters_that_look_latin_in_a_latin_name_fold_as_latin() -> None:
    assert fold("\u0421hi\u0441ago") == fold("Chicago")
    assert fold("\u0405t. Louis") == fold("St. Louis")


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Montréal") == fold("MONTREAL") == "montreal"


def test_match_key_ignores_hyphens_saint_and_a_leading_city_of() -> None:
    assert match_key("New-York") == match_key("new york")
    assert match_key("St. Louis City") == match_key("Saint Louis City")
    assert match_key("City of Chicago") == match_key("Chicago")


def test_slugify_transliterates_and_joins_with_hyphens() -> None:
    assert slugify("São Paulo") == "sao-paulo"
    assert slugify("St. Louis City") == "st-louis-city"


def test_a_name_in_two_scripts_word_by_word_is_transliterated_word_by_word() -> None:
    assert slugify("\u041c\u043e\u0441\u043a\u0432\u0430 Moscow") == "moskva-moscow"
    assert fold("Ath\u00edna \u0391\u03b8\u03ae\u03bd\u03b1") == "athina athina"

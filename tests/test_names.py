"""Names: folding for search, the duplicate key, slugs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from anyascii import anyascii
from hypothesis import assume, given
from hypothesis import strategies as st

from conftest import InvokeResult
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


Invoke = Callable[..., InvokeResult]


def test_letters_of_another_script_that_look_latin_are_refused_in_a_name(
    invoke: Invoke, registry_copy: Path
) -> None:
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "add", "\u0421hi\u0441ago", "--country", "US")
    assert result.exit_code == 2
    assert "the letter \u0421 (CYRILLIC CAPITAL LETTER ES) at position 1 is not" in result.stderr
    assert registry_copy.read_bytes() == before


def test_a_latin_letter_in_a_cyrillic_word_is_the_letter_named(
    invoke: Invoke, registry_copy: Path
) -> None:
    result = invoke(
        "--registry", registry_copy, "add", "\u041c\u043e\u0441\u043a\u0432a", "--country", "RU"
    )
    assert result.exit_code == 2
    assert "the letter a (LATIN SMALL LETTER A) at position 6" in result.stderr


def test_a_name_in_two_scripts_word_by_word_is_accepted(
    invoke: Invoke, registry_copy: Path
) -> None:
    result = invoke(
        "--registry", registry_copy, "add", "Kyiv / \u041a\u0438\u0457\u0432", "--country", "UA"
    )
    assert result.exit_code == 0, result.stderr


def test_look_alike_letters_in_the_source_s_spelling_are_kept_as_written(
    invoke: Invoke, registry_copy: Path
) -> None:
    result = invoke(
        "--registry", registry_copy, "add", "Lyon", "--country", "FR", "--as-written", "Ly\u043en"
    )
    assert result.exit_code == 0, result.stderr


def test_a_name_wholly_in_another_script_is_transliterated_not_read_as_latin() -> None:
    from endorse.places.names import fold

    assert fold("Москва") == "moskva"

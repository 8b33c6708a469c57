"""Countries as people write them: codes, and names in English, French and Spanish."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import endorse
from conftest import InvokeResult
from endorse.places.lookup import AmbiguousCountryError, UnknownCountryError, resolve_country

Invoke = Callable[..., InvokeResult]


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("United States", "US"),
        ("United States of America", "US"),
        ("Federal Republic of Germany", "DE"),
    ],
)
def test_an_english_name_gives_its_code(given: str, code: str) -> None:
    assert resolve_country(given) == code


@pytest.mark.parametrize(
    ("given", "code"),
    [("États-Unis", "US"), ("Allemagne", "DE"), ("République française", "FR")],
)
def test_a_french_name_gives_its_code(given: str, code: str) -> None:
    assert resolve_country(given) == code


@pytest.mark.parametrize(
    ("given", "code"),
    [("Estados Unidos", "US"), ("Estados Unidos de América", "US"), ("Alemania", "DE")],
)
def test_a_spanish_name_gives_its_code(given: str, code: str) -> None:
    assert resolve_country(given) == code


@pytest.mark.parametrize("given", ["Côte d’Ivoire", "Côte d'Ivoire"])
def test_either_apostrophe_gives_the_same_country(given: str) -> None:
    assert resolve_country(given) == "CI"


@pytest.mark.parametrize("given", ["Etats-Unis", "ETATS-UNIS", "estados unidos de america"])
def test_case_and_accents_are_ignored(given: str) -> None:
    assert resolve_country(given) == "US"


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("Etats Unis", "US"),
        ("EtatsUnis", "US"),
        ("Congo-Kinshasa", "CD"),
        ("Congo - Kinshasa", "CD"),
    ],
)
def test_spaces_and_hyphens_are_ignored(given: str, code: str) -> None:
    assert resolve_country(given) == code


@pytest.mark.parametrize(("given", "code"), [("DEU", "DE"), ("civ", "CI"), ("fr", "FR")])
def test_a_code_gives_its_alpha_2_code(given: str, code: str) -> None:
    assert resolve_country(given) == code


def test_a_name_of_two_countries_is_refused_listing_both() -> None:
    with pytest.raises(AmbiguousCountryError) as refused:
        resolve_country("Congo")
    assert set(refused.value.candidates) == {"CD", "CG"}
    message = str(refused.value)
    assert "ambiguous" in message
    assert "CG (Congo)" in message and "CD (Congo, The Democratic Republic of the)" in message


@pytest.mark.parametrize("given", ["Îles Vierges", "Iles Vierges", "Islas Vírgenes"])
def test_the_head_of_an_inverted_name_names_every_country_it_begins(given: str) -> None:
    with pytest.raises(AmbiguousCountryError) as raised:
        resolve_country(given)
    assert set(raised.value.candidates) == {"VG", "VI"}


def test_a_code_is_not_read_as_an_abbreviation() -> None:
    assert resolve_country("ST") == "ST"
    with pytest.raises(UnknownCountryError):
        resolve_country("Saint")


def test_an_ambiguous_name_is_an_unknown_country() -> None:
    with pytest.raises(UnknownCountryError, match="KP .* KR|KR .* KP"):
        resolve_country("Corée")


@pytest.mark.parametrize(
    ("given", "closest"),
    [("Allemagn", "DE (Germany)"), ("Estados Unidoss", "US (United States)")],
)
def test_an_unknown_name_is_refused_with_the_closest_countries(given: str, closest: str) -> None:
    with pytest.raises(UnknownCountryError, match="did you mean") as refused:
        resolve_country(given)
    assert not isinstance(refused.value, AmbiguousCountryError)
    assert closest in str(refused.value)


def test_add_stores_the_code_of_a_french_name(invoke: Invoke, registry_copy: Path) -> None:
    result = invoke("--registry", registry_copy, "add", "Aachen", "--country", "Allemagne")
    assert result.exit_code == 0, result.stderr
    aachen = endorse.load(registry_copy).by_id("aachen")
    assert aachen is not None and aachen.country == "DE"


def test_edit_stores_the_code_of_a_spanish_name(invoke: Invoke, registry_copy: Path) -> None:
    invoke("--registry", registry_copy, "add", "Maastricht", "--country", "DE")
    result = invoke("--registry", registry_copy, "edit", "maastricht", "--country", "Países Bajos")
    assert result.exit_code == 0, result.stderr
    maastricht = endorse.load(registry_copy).by_id("maastricht")
    assert maastricht is not None and maastricht.country == "NL"


def test_add_refuses_an_ambiguous_name(invoke: Invoke, registry_copy: Path) -> None:
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "add", "Kinshasa", "--country", "Congo")
    assert result.exit_code == 2
    assert "ambiguous" in result.stderr and "CD (" in result.stderr
    assert registry_copy.read_bytes() == before


@pytest.mark.parametrize("written", ["UK", "uk", "U.K."])
def test_uk_the_code_iso_reserves_for_the_united_kingdom_is_gb(written: str) -> None:
    assert resolve_country(written) == "GB"


# Countries as the UN and people write them (issue 22): the UN's M49 table in its three
# languages, the everyday names no standard ships, and a real list's country column.

SOURCES = Path(__file__).resolve().parent.parent / "scripts" / "data"
LISTS = Path(__file__).resolve().parent / "data" / "lists"


def _tsv(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [line for line in lines if not line.startswith("#")]
    header = rows[0].split("\t")
    return [dict(zip(header, row.split("\t"), strict=True)) for row in rows[1:]]


def _un_names() -> list[tuple[str, str]]:
    """(name, alpha-2) of every country or area of the UN's M49 table, in its three
    languages; the UN's "Congo" (CG) is left out: endorse refuses it as ambiguous."""
    return [
        (row[language], row["iso_alpha2"])
        for row in _tsv(SOURCES / "un-m49-country-names.tsv")
        for language in ("en", "fr", "es")
        if row[language] != "Congo"
    ]


def test_every_un_name_in_english_french_and_spanish_gives_its_country() -> None:
    wrong = [(name, code) for name, code in _un_names() if _resolved(name) != code]
    assert wrong == []


def test_every_everyday_name_gives_its_country() -> None:
    names = [line.split("\t") for line in _data_lines(SOURCES / "everyday-country-names.tsv")]
    wrong = [(name, code) for code, _, name, _ in names if _resolved(name) != code]
    assert wrong == []


def _data_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _resolved(name: str) -> str | None:
    try:
        return resolve_country(name)
    except UnknownCountryError:
        return None


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("Republic of Korea", "KR"),
        ("State of Palestine", "PS"),
        ("the State of Palestine", "PS"),
        ("Democratic Republic of the Congo", "CD"),
        ("the Democratic Republic of the Congo", "CD"),
        ("Bolivia (Plurinational State of)", "BO"),
        ("Iran (Islamic Republic of)", "IR"),
        ("Venezuela (Bolivarian Republic of)", "VE"),
        ("United Republic of Tanzania", "TZ"),
        ("China, Hong Kong Special Administrative Region", "HK"),
        ("China, Macao SAR", "MO"),
        ("Netherlands (Kingdom of the)", "NL"),
        ("République de Corée", "KR"),
        ("República de Corea", "KR"),
    ],
)
def test_an_iso_official_name_uninverted_or_the_uns_form_gives_its_country(
    given: str, code: str
) -> None:
    assert resolve_country(given) == code


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("South Korea", "KR"),
        ("Tanzania", "TZ"),
        ("Russia", "RU"),
        ("Syria", "SY"),
        ("Vietnam", "VN"),
        ("Laos", "LA"),
        ("Moldova", "MD"),
        ("Turkey", "TR"),
        ("Ivory Coast", "CI"),
        ("Czech Republic", "CZ"),
        ("Swaziland", "SZ"),
        ("Burma", "MM"),
        ("Cape Verde", "CV"),
        ("East Timor", "TL"),
        ("Macedonia", "MK"),
        ("Holland", "NL"),
        ("Great Britain", "GB"),
        ("Vatican", "VA"),
        ("Birmanie", "MM"),
        ("Gran Bretaña", "GB"),
    ],
)
def test_a_short_former_or_everyday_name_gives_its_country(given: str, code: str) -> None:
    assert resolve_country(given) == code


@pytest.mark.parametrize("given", ["Congo", "Korea"])
def test_congo_and_korea_alone_stay_ambiguous(given: str) -> None:
    with pytest.raises(AmbiguousCountryError):
        resolve_country(given)


def test_china_alone_is_china_though_the_un_writes_hong_kong_after_it() -> None:
    assert resolve_country("China") == "CN"


def test_every_country_of_a_real_list_of_governments_is_read_but_a_partners_own_invention() -> None:
    countries = {row["country"] for row in _tsv(LISTS / "governments.tsv")}
    unread = {country for country in countries if _resolved(country) is None}
    assert unread == {"Taiwan, Greater China"}
    with pytest.raises(UnknownCountryError, match=r"did you mean TW \("):
        resolve_country("Taiwan, Greater China")

"""A government's name as it writes it: the place, the words of its government, and a
subdivision after a comma (issue 22)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import endorse
from conftest import InvokeResult
from endorse.duplicates.rule import DuplicateIndex, NearDuplicateError
from endorse.registry.values import ValueProblem, signatory_from_values
from registries import empty_registry

Invoke = Callable[..., InvokeResult]


@pytest.mark.parametrize(
    ("written", "country", "place", "id"),
    [
        ("City of Oakland, CA", "US", "Oakland", "oakland"),
        ("Comune di Massa Marittima", "IT", "Massa Marittima", "massa-marittima"),
        ("Prefeitura Municipal de Contagem", "BR", "Contagem", "contagem"),
        ("Ayuntamiento de Madrid", "ES", "Madrid", "madrid"),
        ("Aarhus Kommune", "DK", "Aarhus", "aarhus"),
        ("Hansestadt Rostock", "DE", "Rostock", "rostock"),
        ("Municipalité de Delémont", "CH", "Delémont", "delemont"),
        ("Kurashiki City", "JP", "Kurashiki", "kurashiki"),
        ("Kurashiki-shi", "JP", "Kurashiki", "kurashiki"),
        ("Shinano Town", "JP", "Shinano", "shinano"),
        ("Eskişehir Metropolitan Municipality", "TR", "Eskişehir", "eskisehir"),
        ("Eskişehir Büyükşehir Belediyesi", "TR", "Eskişehir", "eskisehir"),
        ("Semarang City Government", "ID", "Semarang", "semarang"),
        ("Kota Semarang", "ID", "Semarang", "semarang"),
        ("Alcaldía Municipal de Armenia", "CO", "Armenia", "armenia"),
        ("Municipalidad Distrital de Ate", "PE", "Ate", "ate"),
        ("Town of Lexington, MA", "US", "Lexington", "lexington"),
        ("Gemeente Utrecht", "NL", "Utrecht", "utrecht"),
        ("Göteborgs Stad", "SE", "Göteborg", "goteborg"),
        ("Ville de Montréal", "CA", "Montréal", "montreal"),
    ],
)
def test_a_government_name_is_stored_as_its_place_with_the_name_as_written(
    written: str, country: str, place: str, id: str
) -> None:
    signatory = signatory_from_values(name=written, country=country)
    assert (signatory.name, signatory.id, signatory.as_written) == (place, id, written)


@pytest.mark.parametrize(
    ("name", "country"),
    [("Kansas City", "US"), ("Mexico City", "MX"), ("Ciudad Real", "ES"), ("The Hague", "NL")],
)
def test_a_place_whose_own_name_holds_such_words_keeps_them(name: str, country: str) -> None:
    signatory = signatory_from_values(name=name, country=country)
    assert (signatory.name, signatory.as_written) == (name, None)


@pytest.mark.parametrize(
    ("written", "country", "kind"),
    [
        ("Province of Buenos Aires", "AR", "region"),
        ("Kinmen County", "TW", "county"),
        ("Città Metropolitana di Milano", "IT", "metropolitan-area"),
        ("Trenggalek Regency", "ID", "county"),
    ],
)
def test_the_words_tell_the_kind_when_none_is_given(written: str, country: str, kind: str) -> None:
    assert signatory_from_values(name=written, country=country).kind == kind


def test_a_kind_given_wins_over_the_words() -> None:
    signatory = signatory_from_values(name="Province of Buenos Aires", country="AR", kind="other")
    assert signatory.kind == "other"


def test_a_region_keeps_its_name_whole_as_the_place_data_holds_no_regions() -> None:
    signatory = signatory_from_values(name="Province of Buenos Aires", country="AR")
    assert (signatory.name, signatory.id) == (
        "Province of Buenos Aires",
        "province-of-buenos-aires",
    )


@pytest.mark.parametrize(
    ("written", "country", "subdivision"),
    [
        ("Oakland, CA", "US", "US-CA"),
        ("Richmond, BC", "CA", "CA-BC"),
        ("Springfield, IL", "US", "US-IL"),
        ("Springfield, Illinois", "US", "US-IL"),
        ("City of St. John's, NL", "CA", "CA-NL"),
    ],
)
def test_a_subdivision_after_a_comma_is_read_as_the_subdivision(
    written: str, country: str, subdivision: str
) -> None:
    signatory = signatory_from_values(name=written, country=country)
    assert signatory.subdivision == subdivision
    assert "," not in signatory.name and signatory.as_written == written


def test_what_follows_a_comma_that_is_no_subdivision_of_the_country_stays_in_the_name() -> None:
    signatory = signatory_from_values(name="Paris, TX", country="FR")
    assert (signatory.name, signatory.subdivision) == ("Paris, TX", None)


def test_a_subdivision_given_that_agrees_with_the_name_is_kept() -> None:
    signatory = signatory_from_values(name="Oakland, CA", country="US", subdivision="US-CA")
    assert signatory.subdivision == "US-CA"


def test_a_subdivision_given_that_contradicts_the_name_is_refused_naming_both() -> None:
    with pytest.raises(ValueProblem, match="US-CA .*US-OR") as refused:
        signatory_from_values(name="Oakland, CA", country="US", subdivision="US-OR")
    assert refused.value.field == "subdivision"


@pytest.mark.parametrize("name", ["City Council", "Municipalidad de", "Comune", "Town of"])
def test_a_name_of_government_words_alone_is_refused_as_naming_no_place(name: str) -> None:
    with pytest.raises(ValueProblem, match="names no place"):
        signatory_from_values(name=name, country="US")


@pytest.mark.parametrize("name", ["D", "De La", "Le"])
def test_a_short_name_of_joining_words_is_not_taken_for_government_words(name: str) -> None:
    assert signatory_from_values(name=name, country="FR").name == name


def test_a_name_given_with_its_spelling_in_the_source_is_stored_as_given() -> None:
    signatory = signatory_from_values(
        name="Comune di Milano", country="IT", as_written="Comune di Milano (MI)"
    )
    assert (signatory.name, signatory.as_written) == ("Comune di Milano", "Comune di Milano (MI)")


def test_a_name_given_with_its_id_is_a_record_stored_as_given() -> None:
    signatory = signatory_from_values(name="Kurashiki City", country="JP", id="kurashiki-city")
    assert (signatory.name, signatory.as_written) == ("Kurashiki City", None)


def test_the_government_and_its_place_are_the_same_signatory() -> None:
    index = DuplicateIndex([signatory_from_values(name="Massa Marittima", country="IT")])
    same = index.exact(signatory_from_values(name="Comune di Massa Marittima", country="IT"))
    assert same is not None and same.signatory.id == "massa-marittima"


def test_the_same_name_in_two_states_is_two_governments_with_ids_of_their_own(
    tmp_path: Path,
) -> None:
    path = empty_registry(tmp_path)
    with endorse.edit(path) as draft:
        draft.add(name="City of Columbia, SC", country="US")
        draft.add(name="City of Columbia, MO", country="US")
        draft.add(name="Portland, OR", country="US")
        draft.add(name="Portland, ME", country="US")
    ids = {s.id for s in endorse.load(path).signatories}
    assert ids == {"columbia", "columbia-mo", "portland", "portland-me"}


def test_search_finds_a_signatory_by_its_place_and_by_its_name_as_written(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = empty_registry(tmp_path)
    invoke("--registry", path, "add", "Comune di Massa Marittima", "--country", "Italy")
    for search in ("massa marittima", "comune di massa"):
        listed = invoke("--registry", path, "list", "--search", search, "--format", "ids")
        assert listed.stdout.split() == ["massa-marittima"], search


def test_add_says_how_it_read_a_government_name(invoke: Invoke, tmp_path: Path) -> None:
    path = empty_registry(tmp_path)
    result = invoke("--registry", path, "add", "City of Oakland, CA", "--country", "US")
    assert result.exit_code == 0, result.stderr
    assert "name         Oakland\n" in result.stdout
    assert "as_written   City of Oakland, CA" in result.stdout
    assert "subdivision  US-CA" in result.stdout


def test_add_refuses_a_name_of_government_words_alone_and_changes_nothing(
    invoke: Invoke, registry_copy: Path
) -> None:
    before = registry_copy.read_bytes()
    result = invoke("--registry", registry_copy, "add", "City Council", "--country", "US")
    assert result.exit_code == 2
    assert "names no place" in result.stderr
    assert registry_copy.read_bytes() == before


# The near rule sees a typo anywhere in the name (issue 22, item 4).


@pytest.mark.parametrize(
    ("known", "typo", "country"),
    [
        ("City of Gdynia", "Ctiy of Gdynia", "PL"),
        ("Legazpi City", "Legazpi Ciyt", "PH"),
        ("Tamana City", "Tamana Cityy", "JP"),
        ("Navalmoral de la Mata", "Navalmoral de al Mata", "ES"),
        ("Sant Feliu de Llobregat", "Sant Feliu ed Llobregat", "ES"),
    ],
)
def test_a_typo_inside_a_governments_words_is_near(known: str, typo: str, country: str) -> None:
    index = DuplicateIndex([signatory_from_values(name=known, country=country)])
    candidate = signatory_from_values(name=typo, country=country)
    assert index.exact(candidate) is None
    assert len(index.near(candidate)) == 1


def test_a_place_and_its_name_with_city_after_it_stay_near_as_they_were() -> None:
    sacramento = signatory_from_values(name="Sacramento", country="US", id="sacramento")
    city = signatory_from_values(name="Sacramento City", country="US", id="sacramento-city")
    assert [m.signatory.id for m in DuplicateIndex([sacramento]).near(city)] == ["sacramento"]


def test_two_known_places_in_the_same_words_are_not_near() -> None:
    index = DuplicateIndex([signatory_from_values(name="Ryde Town Council", country="GB")])
    assert index.near(signatory_from_values(name="Hyde Town Council", country="GB")) == []


def test_add_refuses_a_typo_of_a_government_word_as_near(tmp_path: Path) -> None:
    path = empty_registry(tmp_path)
    with endorse.edit(path) as draft:
        draft.add(name="City of Gdynia", country="PL")
    before = path.read_bytes()
    with pytest.raises(NearDuplicateError), endorse.edit(path) as draft:
        draft.add(name="Ctiy of Gdynia", country="PL")
    assert path.read_bytes() == before


# Found by review: real places among the words, commas, elisions, inverted names.


@pytest.mark.parametrize(
    ("name", "country"),
    [("London", "GB"), ("Kota", "IN"), ("Del City", "US"), ("Royal City", "US")],
)
def test_a_real_place_whose_name_is_also_a_governments_word_is_accepted(
    name: str, country: str
) -> None:
    assert signatory_from_values(name=name, country=country).name == name


@pytest.mark.parametrize("name", ["City Council, CA", "City of , CA", "City of, CA", ", CA"])
def test_a_name_with_no_place_before_its_comma_is_refused(name: str) -> None:
    with pytest.raises(ValueProblem) as refused:
        signatory_from_values(name=name, country="US")
    assert refused.value.field == "name"


def test_a_trailing_comma_is_not_kept_in_the_place() -> None:
    signatory = signatory_from_values(name="Oakland,, CA", country="US")
    assert (signatory.name, signatory.subdivision) == ("Oakland", "US-CA")


@pytest.mark.parametrize(
    ("written", "country", "place"),
    [
        ("Ville d'Orléans", "FR", "Orléans"),
        ("Mairie d’Ajaccio", "FR", "Ajaccio"),
        ("Comune dell'Aquila", "IT", "L'Aquila"),
        ("The Local Government of Quezon City", "PH", "Quezon City"),
        ("Oakland, City of", "US", "Oakland"),
        ("City of Wroclaw", "PL", "Wroclaw"),
        ("City of Kansas City, MO", "US", "Kansas City"),
    ],
)
def test_elided_connectors_and_inverted_names_are_read(
    written: str, country: str, place: str
) -> None:
    signatory = signatory_from_values(name=written, country=country)
    assert (signatory.name, signatory.as_written) == (place, written)


@pytest.mark.parametrize(
    ("name", "country"),
    [("Ciudad de México", "MX"), ("Ciudad de la Costa", "UY"), ("District of Columbia", "US")],
)
def test_a_name_whose_words_are_its_own_stays_whole(name: str, country: str) -> None:
    assert signatory_from_values(name=name, country=country).name == name


def test_validate_takes_two_towns_told_apart_by_an_accent_for_two_places(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = empty_registry(tmp_path)
    for name in ("Maraú", "Marau"):
        assert invoke("--registry", path, "add", name, "--country", "BR").exit_code == 0
    found = endorse.validate(path)
    assert [f.code for f in found if f.code.startswith(("W2", "W3", "E3"))] == []

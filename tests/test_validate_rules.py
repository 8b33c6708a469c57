"""The pieces validate is built from: table lines, place look-ups and name rules."""

from __future__ import annotations

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from endorse import Signatory
from endorse.checks import validate_text
from endorse.checks.place_rules import place_findings
from endorse.places import lookup as places
from endorse.registry.tables import table_lines
from endorse.render.findings import to_json, to_text


def test_the_nth_signatory_header_is_the_nth_signatory() -> None:
    text = 'format = 1\n[paper]\ntitle = "t"\n[[signatory]]\nid = "a"\n\n[[signatory]]\nid = "b"\n'
    lines = table_lines(text)
    assert (lines.paper, lines.signatories) == (2, (4, 7))


def test_headers_inside_strings_and_comments_do_not_count() -> None:
    text = (
        "[[signatory]]\n"
        'note = """\n[[signatory]]\n"""\n'
        "other = '''\n[[signatory]]'''\n"
        "# [[signatory]]\n"
        'quoted = "[[signatory]]"\n'
        '[[ "signatory" ]]\n'
    )
    assert table_lines(text).signatories == (1, 9)


def places_for(name: str, country: str, kind: str) -> list[places.Place]:
    return list(places.identify(name, country, kind).of_kind)


def test_new_york_city_and_st_louis_city_are_known_cities() -> None:
    assert [p.subdivision for p in places_for("New York City", "US", "city")] == ["US-NY"]
    assert {p.subdivision for p in places_for("St. Louis City", "US", "city")} == {"US-MO"}


def test_a_trailing_city_is_dropped_when_the_full_name_is_unknown() -> None:
    assert [p.name for p in places_for("Chicago City", "US", "city")] == ["Chicago"]


def test_a_county_is_looked_up_among_counties_only() -> None:
    assert places_for("Montgomery County", "US", "city") == []
    assert len(places_for("Montgomery County", "US", "county")) == 18


def test_a_region_matches_its_subdivision_without_a_trailing_region_word() -> None:
    assert places.regions_named("Île-de-France Region", "FR") == ["FR-IDF"]
    assert places.regions_named("São Paulo State", "BR") == ["BR-SP"]
    assert places.regions_named("Gauteng", "ZA") == ["ZA-GP"]


def test_similar_places_suggest_the_likely_meaning_of_a_misspelling() -> None:
    found = places.similar_places("Pittsburg", "US")
    assert ("Pittsburgh", "US-PA") in [(p.name, p.subdivision) for p in found]
    assert all(p.name != "Pittsburg" for p in found)


def test_similar_subdivisions_compare_word_by_word() -> None:
    found = places.similar_subdivisions("Santiago Metropolitan Region", "CL")
    assert found[0] == ("CL-RM", "Región Metropolitana de Santiago")


def test_is_known_place_uses_the_match_key() -> None:
    assert places.is_known_place("new-york city", "US")
    assert not places.is_known_place("Atlantis Prime", "US")


def test_pittsburg_without_subdivision_lists_both_and_suggests_pittsburgh() -> None:
    pittsburg = Signatory("pittsburg", "Pittsburg", "city", "US", False, "confirmed")
    [finding] = place_findings(pittsburg, 57)
    assert (finding.code, finding.line) == ("W202", 57)
    assert finding.message == (
        '2 known places in US are named "Pittsburg" and no subdivision says which: '
        "Pittsburg (US-CA, population 69,424); Pittsburg (US-KS, population 20,409); "
        'did you mean "Pittsburgh" (US-PA)?'
    )


def test_a_city_is_also_known_by_the_other_names_geonames_gives_it() -> None:
    assert [p.name for p in places_for("Cologne", "DE", "city")] == ["Köln"]
    assert [p.name for p in places_for("Kiev", "UA", "city")] == ["Kyiv"]


def test_signatories_in_an_inline_array_get_no_line_rather_than_a_wrong_one() -> None:
    text = (
        'format = 1\nsignatory = [{id = "chicago", name = "Chicago", kind = "city", '
        'country = "US", member = false, status = "confirmed"}]\n'
        '[paper]\ntitle = "t"\nnetwork = "n"\nmembers_declared = 0\n'
    )
    [no_source] = [f for f in validate_text(text) if f.code == "W501"]
    assert no_source.line is None


def test_a_finding_made_by_of_is_the_finding_its_fields_make() -> None:
    from endorse import Finding

    made = Finding.of("W201", "lyon", 12, "message", "hint")
    assert made == Finding("W201", "warning", "lyon", 12, "message", "hint")
    assert hash(made) == hash(Finding("W201", "warning", "lyon", 12, "message", "hint"))
    assert list(made.to_record()) == ["code", "severity", "signatory_id", "line", "message", "hint"]


def test_a_city_known_by_another_name_wins_over_villages_of_its_name() -> None:
    place = places.identify("Valencia", "PH", "city").place
    assert place is not None and (place.population or 0) > 100_000


def test_a_w202_outside_the_us_asks_for_an_iso_code_the_data_does_not_list() -> None:
    newport = Signatory("newport", "Newport", "city", "GB", False, "confirmed")
    [finding] = place_findings(newport, 1)
    assert finding.code == "W202"
    assert "subdivision unknown" in finding.message
    assert "one of those listed" not in finding.hint
    assert "--subdivision CODE`, such as GB-" in finding.hint


def test_an_iso_code_given_settles_a_w202_outside_the_us() -> None:
    newport = Signatory(
        "newport", "Newport", "city", "GB", False, "confirmed", subdivision="GB-NWP"
    )
    assert [finding.code for finding in place_findings(newport, 1)] == ["I205"]


def test_an_endorsement_dated_years_before_the_paper_is_a_w504() -> None:
    text = (
        'format = 1\n[paper]\ntitle = "T"\nnetwork = "N"\nmembers_declared = 1\n'
        "presented_on = 2017-12-04\n"
        '[[signatory]]\nid = "seoul"\nname = "Seoul"\nkind = "city"\ncountry = "KR"\n'
        'member = true\nstatus = "confirmed"\nendorsed_on = 1017-12-04\nsource = "s"\n'
    )
    [finding] = [f for f in validate_text(text) if f.code == "W504"]
    assert (finding.signatory_id, finding.line) == ("seoul", 7)
    assert "1017-12-04 is more than a year before the paper was presented" in finding.message


def test_an_endorsement_months_before_the_paper_is_no_w504() -> None:
    text = (
        'format = 1\n[paper]\ntitle = "T"\nnetwork = "N"\nmembers_declared = 1\n'
        "presented_on = 2017-12-04\n"
        '[[signatory]]\nid = "seoul"\nname = "Seoul"\nkind = "city"\ncountry = "KR"\n'
        'member = true\nstatus = "confirmed"\nendorsed_on = 2017-01-10\nsource = "s"\n'
    )
    assert "W504" not in [f.code for f in validate_text(text)]


texts = st.text(max_size=30)


signatories = st.fixed_dictionaries(
    {
        "id": st.one_of(texts, st.from_regex(r"[a-z]{1,8}", fullmatch=True)),
        "name": texts,
        "kind": st.sampled_from(["city", "county", "region", "metropolitan-area", "other", "x"]),
        "country": st.one_of(texts, st.sampled_from(["US", "FR", "ZA", "BR", "XK", "us"])),
        "member": st.booleans(),
        "status": st.sampled_from(["confirmed", "pending", "withdrawn", "?"]),
    },
    optional={"subdivision": st.one_of(texts, st.sampled_from(["US-PA", "FR-IDF", "us-ny"]))},
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(signatories, max_size=6), st.integers(min_value=0, max_value=10))
def test_any_registry_gives_findings_that_print_safely(
    entries: list[dict[str, object]], declared: int
) -> None:
    doc = {
        "format": 1,
        "paper": {"title": "t", "network": "n", "members_declared": declared},
        "signatory": entries,
    }
    findings = validate_text(tomli_w.dumps(doc), verbose=True)
    printed = to_text(findings, "registry.toml")
    assert "\x1b" not in printed
    assert printed.endswith(" info\n")
    assert to_json(findings)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_findings_not_a_traceback(text: str) -> None:
    findings = validate_text(text)
    assert all(finding.hint for finding in findings)

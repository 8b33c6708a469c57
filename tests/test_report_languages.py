"""endorse report --lang en|fr|es: every word translated, the registry's text untouched,
the same figures and JSON keys in every language, the catalogs complete and compiled."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, get_args

import pytest

import endorse
import report_fixtures as hand
from conftest import BUNDLED, ROOT, InvokeResult, script_module
from endorse.render import i18n
from endorse.render import report_words as words
from html_report import ReportPage

Invoke = Callable[..., InvokeResult]
FORMATS = ("text", "markdown", "html", "json")
LANGUAGES = ("en", "fr", "es")
ENGLISH_HEADINGS = (
    "What was endorsed",
    "Totals",
    "By region",
    "By country",
    "By kind",
    "Non-member supporters",
    "Members by region",
    "Withdrawn",
    "Timeline of endorsements",
    "Population represented",
)
# What a reader of each language must find in the hand-counted registry's report.
EXPECTED = {
    "fr": {
        "headings": ("Par région", "Soutiens non membres", "Population représentée"),
        "countries": ("États-Unis", "Allemagne", "Japon", "Brésil"),
        "regions": ("Amérique du Nord", "Amérique du Sud", "Afrique", "Asie"),
        "month": "mars 2020",
        "date": "2 mars 2020",
        "group": "\u202f",
        "plural": ("1 membre", "2 membres"),
    },
    "es": {
        "headings": ("Por región", "Apoyos de no miembros", "Población representada"),
        "countries": ("Estados Unidos", "Alemania", "Japón", "Brasil"),
        "regions": ("América del Norte", "África", "Asia"),
        "month": "mar 2020",
        "date": "2 de marzo de 2020",
        "group": ".",
        "plural": ("1 miembro", "2 miembros"),
    },
}


@pytest.fixture(scope="module")
def reports() -> dict[tuple[str, str], str]:
    """The hand-counted registry's report in every language and format."""
    from typer.testing import CliRunner

    from endorse.cli import app

    runner = CliRunner()
    found = {}
    for language in LANGUAGES:
        for name in FORMATS:
            args = ["--registry", str(hand.HAND_COUNTED), "report", "-f", name, "--lang", language]
            result = runner.invoke(app, args, env={"NO_COLOR": "1", "LANG": "C.UTF-8"})
            assert result.exit_code == 0, result.stderr
            found[language, name] = result.stdout
    return found


def _population_total(reports: dict[tuple[str, str], str]) -> int:
    total = json.loads(reports["en", "json"])["population"]["total"]
    assert isinstance(total, int) and total >= 1_000_000
    return total


def _readable(language: str, name: str, reports: dict[tuple[str, str], str]) -> str:
    """What a person reads: the page's text (not its stylesheet) for HTML, the output for the
    others."""
    return readable(reports[language, name], name)


def readable(report: str, name: str) -> str:
    if name == "markdown":
        return re.sub(r"\\(.)", r"\1", report)
    if name != "html":
        return report
    return ReportPage(re.sub(r"<style>.*?</style>", "", report, flags=re.DOTALL)).text


# -- every word in the language -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["text", "markdown", "html"])
@pytest.mark.parametrize("language", ["fr", "es"])
def test_no_english_heading_is_left(
    reports: dict[tuple[str, str], str], language: str, name: str
) -> None:
    report = reports[language, name]
    for heading in ENGLISH_HEADINGS:
        assert f"\n{heading}\n---" not in report
        assert f"## {heading}\n" not in report
        assert f"<h2>{heading}</h2>" not in report
    for heading in EXPECTED[language]["headings"]:
        assert heading in _readable(language, name, reports), heading
    readable = _readable(language, name, reports)
    for english in ("Signatories", "Members", "Non-members", "pending", "(none)", "None."):
        assert not re.search(rf"(?<![\w-]){re.escape(english)}(?![\w-])", readable), english


@pytest.mark.parametrize("name", FORMATS)
@pytest.mark.parametrize("language", ["fr", "es"])
def test_countries_regions_months_and_figures_are_in_the_language(
    reports: dict[tuple[str, str], str], language: str, name: str
) -> None:
    expected = EXPECTED[language]
    readable = _readable(language, name, reports)
    for country in expected["countries"]:
        assert country in readable, country
    for region in expected["regions"]:
        assert region in readable, region
    if name == "json":
        return  # months and figures are codes and numbers there
    total = f"{_population_total(reports):,}".replace(",", str(expected["group"]))
    assert total in readable
    assert expected["date"] in readable
    month = expected["month"] if name != "markdown" else words_month(language, "2020-03")
    assert month in readable


def words_month(language: str, month: str) -> str:
    with i18n.using(language):  # type: ignore[arg-type]
        return words.month(month)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_plurals_follow_the_language(language: str) -> None:
    with i18n.using(language):  # type: ignore[arg-type]
        assert (words.members(1), words.members(2)) == EXPECTED[language]["plural"]
        assert words.members(1_000_000).endswith(("de membres", "de miembros"))
    with i18n.using("fr"):
        assert words.members(0) == "0 membre"  # French counts zero in the singular
    with i18n.using("es"):
        assert words.members(0) == "0 miembros"


def test_english_is_the_code_s_own_words() -> None:
    assert (words.members(1), words.members(2), words.members(0)) == (
        "1 member",
        "2 members",
        "0 members",
    )
    assert words.number(170840224) == "170,840,224"


def test_numbers_are_grouped_the_language_s_way() -> None:
    shown = {}
    for language in LANGUAGES:
        with i18n.using(language):  # type: ignore[arg-type]
            shown[language] = words.number(170840224)
    assert shown == {"en": "170,840,224", "fr": "170\u202f840\u202f224", "es": "170.840.224"}


def test_lists_are_in_the_language_s_alphabetical_order() -> None:
    names = ["Oaxaca", "Ñuñoa", "Nueva York", "Évry", "Ecatepec", "Fès"]
    spanish = i18n.language("es")
    french = i18n.language("fr")
    assert sorted(names, key=spanish.collate) == [
        "Ecatepec",
        "Évry",
        "Fès",
        "Nueva York",
        "Ñuñoa",
        "Oaxaca",
    ]
    assert sorted(names, key=french.collate) == [
        "Ecatepec",
        "Évry",
        "Fès",
        "Nueva York",
        "Ñuñoa",
        "Oaxaca",
    ]


def test_html_names_its_language(reports: dict[tuple[str, str], str]) -> None:
    for language in LANGUAGES:
        page = ReportPage(reports[language, "html"])
        assert page.attributes["html"]["lang"] == language
    assert "<title>Testnet : soutiens au document" in reports["fr", "html"].replace("\u00a0", " ")
    assert "<title>Testnet: respaldos al documento" in reports["es", "html"]


# -- the registry's text and the JSON's keys never change -----------------------------------------


def test_the_registry_s_text_is_never_translated(invoke: Invoke) -> None:

    paper = endorse.load(BUNDLED).paper
    assert paper.summary and paper.commitments and paper.framework
    for language in ("fr", "es"):
        for name in ("text", "markdown", "html"):
            result = invoke("--registry", BUNDLED, "report", "-f", name, "--lang", language)
            assert result.exit_code == 0, result.stderr
            shown = " ".join(readable(result.stdout, name).split())
            for text in (paper.title, paper.summary, paper.framework, *paper.commitments):
                assert " ".join(text.split()) in shown, (language, name, text[:40])
            assert "Montgomery County" in shown and "St. Louis City" in shown
        document = json.loads(invoke("--registry", BUNDLED, "report", "-f", "json").stdout)
        translated = json.loads(
            invoke("--registry", BUNDLED, "report", "-f", "json", "--lang", language).stdout
        )
        assert translated["paper"] == document["paper"]


def _paths(value: Any, prefix: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield f"{prefix}.{key}"
            yield from _paths(item, f"{prefix}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from _paths(item, f"{prefix}[]")


def _codes(document: dict[str, Any]) -> dict[str, Any]:
    """Everything but the labels people read."""
    return {
        "totals": document["totals"],
        "groups": [
            [(g["key"], g["signatories"], g["members"]) for g in document[part]]
            for part in ("by_region", "by_country", "by_kind")
        ],
        "members": [
            (r["region"], [(e["id"], e["country"], e["region"], e["kind"]) for e in r["members"]])
            for r in document["members_by_region"]
        ],
        "nonmembers": [e["id"] for e in document["nonmembers"]],
        "timeline": document["timeline"],
        "population": {k: v for k, v in document["population"].items() if k != "source"},
    }


def test_json_keys_and_codes_are_the_same_in_every_language(
    reports: dict[tuple[str, str], str],
) -> None:
    documents = {language: json.loads(reports[language, "json"]) for language in LANGUAGES}
    assert {language: d["language"] for language, d in documents.items()} == {
        "en": "en",
        "fr": "fr",
        "es": "es",
    }
    english = documents["en"]
    for language in ("fr", "es"):
        document = documents[language]
        assert set(_paths(document)) == set(_paths(english))
        assert [set(part) for part in _codes(document)["groups"]] == [
            set(part) for part in _codes(english)["groups"]
        ]
        assert _codes(document)["totals"] == _codes(english)["totals"]
        assert _codes(document)["timeline"] == _codes(english)["timeline"]
        assert _codes(document)["population"] == _codes(english)["population"]
        labels = {g["key"]: g["label"] for g in document["by_country"]}
        assert labels["US"] == EXPECTED[language]["countries"][0]
        assert {e["country_name"] for e in document["nonmembers"]} >= {labels["US"]}


# -- choosing the language ----------------------------------------------------------------------


def _language_of(invoke: Invoke, *options: str) -> str:
    result = invoke("--registry", hand.HAND_COUNTED, "report", "-f", "json", *options)
    assert result.exit_code == 0, result.stderr
    language = json.loads(result.stdout)["language"]
    assert isinstance(language, str)
    return language


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "es_MX.UTF-8", "LC_MESSAGES": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "es_ES.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
        ({"LANG": "es_ES.UTF-8", "LC_ALL": "fr_BE@euro"}, "fr"),
        ({"LANG": "fr_FR.UTF-8", "LC_ALL": "C"}, "en"),  # the first set one decides
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "es", "LC_ALL": ""}, "es"),  # an empty variable is not set
        ({"LANG": "fr_FR.UTF-8", "ENDORSE_LANG": "es"}, "es"),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "es"}, "es"),  # gettext reads LANGUAGE first
        ({"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "de:pt:es:fr"}, "es"),  # its first known
        ({"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "de"}, "en"),
        ({"LC_ALL": "C", "LANGUAGE": "fr"}, "en"),  # as GNU gettext, not under C
        ({"LANG": "C.UTF-8", "LANGUAGE": "es"}, "en"),
    ],
)
def test_the_language_follows_the_environment_in_the_documented_order(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: str
) -> None:
    monkeypatch.delenv("LANG", raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert _language_of(invoke) == expected


def test_lang_beats_the_environment(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENDORSE_LANG", "es")
    monkeypatch.setenv("LC_ALL", "es_ES.UTF-8")
    assert _language_of(invoke, "--lang", "fr") == "fr"
    assert _language_of(invoke, "--lang", "en") == "en"


def test_an_unknown_language_is_a_usage_error(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = invoke("--registry", hand.HAND_COUNTED, "report", "--lang", "de")
    assert result.exit_code == 2
    assert "--lang" in result.stderr
    assert all(f"'{code}'" in result.stderr for code in LANGUAGES)
    monkeypatch.setenv("ENDORSE_LANG", "pt")
    result = invoke("--registry", hand.HAND_COUNTED, "report")
    assert result.exit_code == 2
    assert "ENDORSE_LANG" in result.stderr


def test_the_cli_offers_the_languages_the_renderers_have() -> None:
    from endorse.cli.report import ReportLanguage

    assert get_args(ReportLanguage) == i18n.LANGUAGES == LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_report_does_not_import_babel(tmp_path: Path, language: str) -> None:
    """Babel is for scripts/catalogs.py: a report reads what it wrote (26 ms saved)."""
    code = (
        "import sys\n"
        "from endorse.cli import app\n"
        "args = ['--registry', sys.argv[1], 'report', '-o', sys.argv[2], '-f', sys.argv[3],\n"
        "        '--lang', sys.argv[4]]\n"
        "try:\n"
        "    app(args)\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'babel'))\n"
    )
    for name in ("html", "json"):
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                code,
                str(hand.HAND_COUNTED),
                str(tmp_path / "r"),
                name,
                language,
            ],
            capture_output=True,
            text=True,
            check=True,
            env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        )
        assert done.stdout.strip() == "[]", done.stderr


# -- the catalogs -------------------------------------------------------------------------------


def _catalogs_script() -> ModuleType:
    return script_module(ROOT / "scripts" / "catalogs.py")


@pytest.fixture(scope="module")
def catalogs() -> ModuleType:
    return _catalogs_script()


def _ids(catalog: Any) -> set[Any]:
    return {message.id for message in catalog if message.id}


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_catalog_holds_every_message_and_no_stale_one(
    catalogs: ModuleType, language: str
) -> None:
    extracted = _ids(catalogs.template())
    held = _ids(catalogs.read_catalog(language))
    command = "run `python scripts/catalogs.py`, then translate what it lists"
    assert not extracted - held, f"{language} misses {sorted(extracted - held)}: {command}"
    assert not held - extracted, f"{language} keeps stale {sorted(held - extracted)}: {command}"


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_catalog_is_translated_and_keeps_the_placeholders(
    catalogs: ModuleType, language: str
) -> None:
    catalog = catalogs.read_catalog(language)
    assert not catalog.fuzzy
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert not message.fuzzy and all(strings), ids[0]
        placeholders = set(re.findall(r"%\((\w+)\)s", " ".join(ids)))
        for string in strings:
            assert set(re.findall(r"%\((\w+)\)s", string)) <= placeholders, ids[0]


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_compiled_catalog_is_up_to_date(catalogs: ModuleType, language: str) -> None:
    from babel.messages.mofile import read_mo

    source = catalogs.read_catalog(language)
    with catalogs.catalog_path(language).with_suffix(".mo").open("rb") as file:
        compiled = read_mo(file)
    assert _messages(compiled) == _messages(source), (
        f"src/endorse/locale/{language}/LC_MESSAGES/endorse.mo is out of date: "
        "run `python scripts/catalogs.py`"
    )
    assert compiled.plural_forms == source.plural_forms


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_cldr_data_is_up_to_date(catalogs: ModuleType, language: str) -> None:
    assert catalogs.cldr_path(language).read_text(encoding="utf-8") == catalogs.cldr_text(
        language
    ), f"src/endorse/locale/{language}/cldr.json is out of date: run `python scripts/catalogs.py`"


@pytest.mark.parametrize("language", ["fr", "es"])
def test_numbers_dates_months_and_names_are_babel_s(language: str) -> None:
    from datetime import date

    from babel import Locale
    from babel.dates import format_date, format_skeleton
    from babel.numbers import format_decimal

    ours = i18n.language(language)  # type: ignore[arg-type]
    for count in (0, 7, 999, 1_000, 12_345, 999_999, 1_000_000, 170_840_224, 12_345_678_901):
        assert ours.number(count) == format_decimal(count, locale=language), count
    for day in (date(2017, 12, 4), date(2020, 1, 1), date(1999, 8, 31), date(2024, 2, 29)):
        assert ours.date(day) == format_date(day, "long", locale=language)
        month = f"{day.year:04d}-{day.month:02d}"
        first = day.replace(day=1)
        assert ours.month(month) == format_skeleton("yMMMM", first, locale=language)
        assert ours.month(month, short=True) == format_skeleton("yMMM", first, locale=language)
    territories = Locale.parse(language).territories
    for code in ("US", "DE", "CI", "PS", "KR", "MX"):
        assert ours.country(code, "?") == territories[code]
    for region, code in i18n.CLDR_REGIONS.items():
        assert ours.region(region) == territories[code]


def _messages(catalog: Any) -> dict[Any, Any]:
    def hashable(value: Any) -> Any:
        return tuple(value) if isinstance(value, list | tuple) else value

    return {hashable(m.id): hashable(m.string) for m in catalog if m.id}


def test_no_message_hides_in_an_f_string() -> None:
    """Babel's extractor does not look inside f-strings (before Python 3.12): a message
    marked there would never reach the catalogs."""
    hidden = []
    for path in sorted((ROOT / "src" / "endorse").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"""\bf(["']).*\{[^}]*\b(_|ngettext|N_)\(""", line):
                hidden.append(f"{path.relative_to(ROOT)}:{number}")
    assert not hidden


# -- the samples in docs ------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "es"])
def test_translated_sample_report_is_up_to_date(invoke: Invoke, language: str) -> None:
    sample = ROOT / "docs" / f"sample-report.{language}.html"
    result = invoke("--registry", BUNDLED, "report", "--format", "html", "--lang", language)
    assert result.exit_code == 0, result.stderr
    assert sample.read_bytes() == result.stdout.encode("utf-8"), (
        f"docs/sample-report.{language}.html is out of date: regenerate it with `endorse report "
        f"--format html --lang {language} --output docs/sample-report.{language}.html`"
    )


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "1 recorded of 1 declared"),
        ("fr", "1 inscrit au registre, sur 1 déclaré"),
        ("es", "1 registrado, de 1 declarado"),
    ],
)
def test_the_members_line_agrees_with_each_number(
    invoke: Invoke, tmp_path: Path, language: str, line: str
) -> None:
    registry = tmp_path / "one.toml"
    invoke("init", registry, "--title", "T", "--network", "N", "--members-declared", "1")
    invoke("--registry", registry, "add", "Lyon", "--country", "FR", "--member")
    text = invoke("--registry", registry, "report", "--lang", language).stdout
    assert line in text

"""The languages of the report: which one to use, its messages, and how it writes numbers,
dates, months and the names of countries and regions.

Messages come from gettext catalogs: `src/endorse/locale/<lang>/LC_MESSAGES/endorse.po`,
compiled to the `.mo` beside it by `scripts/catalogs.py` (a test checks that the compiled
files are up to date and that no catalog misses a string or keeps a stale one). English is
the source language: its messages are the code's own strings, so an English report reads
no catalog. French and Spanish read their `.mo` with the standard `gettext` module, and
take country and region names, number separators, dates and months from Unicode's CLDR:
`locale/<lang>/cldr.json`, which scripts/catalogs.py writes from Babel at development time
(Babel's import and locale loading would cost a quarter of a small report; a test checks
the file against Babel).

A renderer calls `_`, `ngettext` and `current()` while a `using(language)` block is open;
the language lives in a context variable, so two reports in two languages can be rendered
one after the other (or in two threads) without leaking into each other.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal, get_args

if TYPE_CHECKING:
    from gettext import GNUTranslations

LanguageCode = Literal["en", "fr", "es"]
LANGUAGES: Final[tuple[LanguageCode, ...]] = get_args(LanguageCode)
DOMAIN: Final = "endorse"
LOCALE_DIR: Final = Path(__file__).resolve().parent.parent / "locale"
# What gettext reads, in its order. LANGUAGE, a list of languages to try ("de:fr"), comes
# first, but GNU gettext leaves it aside when the locale is C or POSIX: so does the report.
LOCALE_VARIABLES: Final = ("LC_ALL", "LC_MESSAGES", "LANG")

# GeoNames continent names (`places.lookup.CONTINENT_NAMES`, the report's region keys) to the
# CLDR territory codes that name them: UN M49 areas, and Antarctica's own code.
CLDR_REGIONS: Final = {
    "Africa": "002",
    "Antarctica": "AQ",
    "Asia": "142",
    "Europe": "150",
    "North America": "003",
    "Oceania": "009",
    "South America": "005",
}


def N_(message: str) -> str:
    """Marks a message for extraction where it is defined; `_` translates it where shown."""
    return message


KIND_LABELS: Final = {
    "city": N_("city"),
    "county": N_("county"),
    "metropolitan-area": N_("metropolitan area"),
    "region": N_("region"),
    "other": N_("other"),
}
UNKNOWN_REGION_LABEL: Final = N_("Unknown region")


def language_from_locale(environ: Mapping[str, str]) -> LanguageCode | None:
    """The report language named by the first set locale variable, as gettext reads them
    (LANGUAGE, then LC_ALL, LC_MESSAGES and LANG): "fr_CA.UTF-8" is French, and of a list
    ("de:fr", as LANGUAGE holds one) the first that is a report language. None when none
    is ("C", "de_DE"), or when no variable is set."""
    locale_name = next((environ[v] for v in LOCALE_VARIABLES if environ.get(v)), None)
    value = environ.get("LANGUAGE") if not _is_c_locale(locale_name) else None
    value = value or locale_name
    if not value:
        return None
    return next((c for c in map(_language_code, value.split(":")) if c), None)


def _is_c_locale(locale_name: str | None) -> bool:
    """Whether the locale is C or POSIX ("C.UTF-8" too); none set is C as well."""
    return locale_name is None or locale_name.split(".")[0] in ("C", "POSIX")


def _language_code(locale_name: str) -> LanguageCode | None:
    code = locale_name.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def choose(option: LanguageCode | None, environ: Mapping[str, str] = os.environ) -> LanguageCode:
    """`--lang` (or ENDORSE_LANG, which the CLI reads into the same option), else the
    locale's language when it is one of the report's, else English."""
    return option or language_from_locale(environ) or "en"


class Language:
    """English: the code's own messages; numbers as Python writes them, ISO dates."""

    code: LanguageCode = "en"
    # Whether names sort otherwise than by `names.fold`, the summary's order.
    reorders_names = False

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return singular if count == 1 else plural

    def number(self, count: int) -> str:
        return f"{count:,}"

    def compact(self, count: int) -> str:
        """A large number for a headline figure: "171 million" (the catalog's word)."""
        if count >= 10_000_000:
            return f"{count / 1_000_000:,.0f} million"
        if count >= 1_000_000:
            return f"{count / 1_000_000:,.1f} million"
        return self.number(count)

    def date(self, day: date) -> str:
        return day.isoformat()

    def month(self, month: str, *, short: bool = False) -> str:
        """A timeline month ("2017-12")."""
        return month

    def country(self, code: str, name: str) -> str:
        """The name of a country; `name` is the summary's (English) one."""
        return name

    def region(self, key: str) -> str:
        """The name of a region: its key is the continent's English name."""
        return key

    def kind(self, kind: str) -> str:
        return KIND_LABELS.get(kind, kind.replace("-", " "))

    def collate(self, text: str) -> str:
        """A sort key for alphabetical lists: case and accents ignored."""
        from endorse.places.names import fold

        return fold(text)


class CldrLanguage(Language):
    """A translated language: messages from its catalog, the rest from its CLDR data
    (`locale/<lang>/cldr.json`, written from Babel by scripts/catalogs.py)."""

    def __init__(self, code: LanguageCode) -> None:
        import json

        self.code = code
        self._translations = _translations(code)
        data = json.loads((LOCALE_DIR / code / "cldr.json").read_text(encoding="utf-8"))
        self._territories: dict[str, str] = data["territories"]
        self._group: str = data["group"]
        self._decimal: str = data["decimal"]
        self._dates: list[str] = data["date_long"]
        self._months: list[str] = data["month_long"]
        self._short_months: list[str] = data["month_short"]

    def gettext(self, message: str) -> str:
        return self._translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._translations.ngettext(singular, plural, count)

    def number(self, count: int) -> str:
        """Grouped by thousands with the language's separator, as Babel's format_decimal."""
        return f"{count:,}".replace(",", self._group)

    def compact(self, count: int) -> str:
        if count < 1_000_000:
            return self.number(count)
        millions = round(count / 1_000_000, 0 if count >= 10_000_000 else 1)
        shown = f"{millions:,.0f}" if count >= 10_000_000 else f"{millions:,.1f}"
        shown = shown.replace(",", "\0").replace(".", self._decimal).replace("\0", self._group)
        # The plural of what is shown: "1,5 million", "2 millions" (CLDR: French's one is a
        # whole part of 0 or 1, Spanish's is exactly 1: "1,5 millones").
        whole = int(millions) if self.code == "fr" or millions == int(millions) else 2
        return self.ngettext("%(count)s million", "%(count)s million", whole) % {"count": shown}

    def date(self, day: date) -> str:
        return self._dates[day.month - 1].format(day=day.day, year=day.year)

    def month(self, month: str, *, short: bool = False) -> str:
        year, number = month.split("-")
        months = self._short_months if short else self._months
        return months[int(number) - 1].format(year=int(year))

    def country(self, code: str, name: str) -> str:
        return self._territories.get(code, name)

    def region(self, key: str) -> str:
        territory = CLDR_REGIONS.get(key)
        if territory is None:  # summary.UNKNOWN_REGION, marked here as UNKNOWN_REGION_LABEL
            return self.gettext(key)
        return self._territories.get(territory, key)

    def kind(self, kind: str) -> str:
        return self.gettext(super().kind(kind))


class SpanishLanguage(CldrLanguage):
    """Spanish sorts ñ as a letter of its own, after n (the Real Academia's order)."""

    reorders_names = True

    def collate(self, text: str) -> str:
        from endorse.places.names import fold

        if "ñ" not in text and "Ñ" not in text:
            return fold(text)
        return "n~".join(fold(part) for part in text.replace("Ñ", "ñ").split("ñ"))


def _translations(code: str) -> GNUTranslations:
    from gettext import GNUTranslations

    with (LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as catalog:
        return GNUTranslations(catalog)


@cache
def language(code: LanguageCode) -> Language:
    """The language of a code; the catalog and CLDR data are read once per process."""
    if code == "en":
        return Language()
    if code == "es":
        return SpanishLanguage(code)
    return CldrLanguage(code)


_current: ContextVar[Language] = ContextVar("endorse_report_language")


@contextmanager
def using(code: LanguageCode) -> Iterator[Language]:
    """Render in `code` inside the block."""
    token = _current.set(language(code))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def current() -> Language:
    """The language of the open `using` block; English outside any."""
    return _current.get(None) or language("en")


def _(message: str) -> str:
    return current().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return current().ngettext(singular, plural, count)

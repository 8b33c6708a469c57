"""Extract the report's messages, update each language's catalog, compile them; and write
the CLDR data each language's report needs.

    python scripts/catalogs.py            # extract, update every .po, compile every .mo
    python scripts/catalogs.py --init de  # start a catalog for a new language, then translate it

The messages are the strings marked with `_`, `ngettext` or `N_` anywhere in
src/endorse (`babel.messages.extract`, Babel's own Python extractor: what
`pybabel extract` runs). Each language's catalog is
src/endorse/locale/<lang>/LC_MESSAGES/endorse.po, the text a translator edits;
the .mo beside it is what the report reads at run time (standard `gettext`),
compiled here and committed, so that an installed endorse needs no build step
and a report in French reads a 10 KiB file rather than parsing a .po.
tests/test_report_languages.py fails when a catalog misses a message, keeps a
stale one, leaves one untranslated or fuzzy, or when a .mo differs from its .po.

Beside them, cldr.json holds what the report takes from Unicode's CLDR, through
Babel: the names of countries and continents, the number group separator, the
long date and the month names, as templates. Babel costs 25 ms to import and
load a locale, a quarter of a small report; read from this file the French
report costs what the English one does, and Babel is needed only here (the
`i18n` extra). The tests check it against Babel.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "endorse"
LOCALE = PACKAGE / "locale"
DOMAIN = "endorse"


def template() -> Catalog:
    """Every marked message of the package, as `pybabel extract` would list it."""
    catalog = Catalog(project="endorse", domain=DOMAIN, charset="utf-8")
    method_map = [("**.py", "python")]
    found = extract_from_dir(
        str(PACKAGE), method_map=method_map, keywords=DEFAULT_KEYWORDS, strip_comment_tags=True
    )
    for filename, _lineno, message, comments, context in found:
        where = (f"src/endorse/{Path(filename).as_posix()}", None)
        catalog.add(message, None, [where], auto_comments=comments, context=context)
    return catalog


def catalog_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    return sorted(path.parent.parent.name for path in LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read_catalog(language: str) -> Catalog:
    with catalog_path(language).open("rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)


def write_catalog(catalog: Catalog, path: Path) -> None:
    out = BytesIO()
    write_po(out, catalog, width=96, include_lineno=False, sort_by_file=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


def compiled(catalog: Catalog) -> bytes:
    out = BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


# The report's regions (GeoNames continents) and the CLDR territories that name them:
# endorse.render.i18n.CLDR_REGIONS holds the same codes.
REGION_TERRITORIES = ("002", "142", "150", "003", "005", "009", "AQ")
SAMPLE_YEAR = 2999  # a year and a day that appear nowhere else in a formatted date
SAMPLE_DAY = 28


def cldr_data(language: str) -> dict[str, Any]:
    """What a report in `language` takes from CLDR, as plain JSON."""
    from babel import Locale
    from babel.dates import format_date, format_skeleton

    locale = Locale.parse(language)
    territories = {
        code: name
        for code, name in sorted(locale.territories.items())
        if (len(code) == 2 and code.isalpha() and code.isupper()) or code in REGION_TERRITORIES
    }

    def template(text: str) -> str:
        year, day = str(SAMPLE_YEAR), str(SAMPLE_DAY)
        assert text.count(year) == 1, text
        return text.replace(year, "{year}").replace(day, "{day}")

    months = range(1, 13)
    return {
        "language": language,
        "cldr": f"Babel {babel_version()}",
        "group": locale.number_symbols["latn"]["group"],
        "decimal": locale.number_symbols["latn"]["decimal"],
        "date_long": [
            template(format_date(date(SAMPLE_YEAR, m, SAMPLE_DAY), "long", locale=locale))
            for m in months
        ],
        "month_long": [
            template(format_skeleton("yMMMM", date(SAMPLE_YEAR, m, 1), locale=locale))
            for m in months
        ],
        "month_short": [
            template(format_skeleton("yMMM", date(SAMPLE_YEAR, m, 1), locale=locale))
            for m in months
        ],
        "territories": territories,
    }


def babel_version() -> str:
    from babel import __version__

    return __version__


def cldr_text(language: str) -> str:
    return json.dumps(cldr_data(language), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def cldr_path(language: str) -> Path:
    return LOCALE / language / "cldr.json"


def update(language: str, new: Catalog) -> list[str]:
    """Bring one catalog in line with the messages; what is left for the translator."""
    path = catalog_path(language)
    if path.exists():
        catalog = read_catalog(language)
        new.creation_date = catalog.creation_date  # no churn in the header
        catalog.update(new, no_fuzzy_matching=True)
        catalog.obsolete.clear()
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project="endorse", charset="utf-8")
        catalog.update(new, no_fuzzy_matching=True)
    write_catalog(catalog, path)
    path.with_suffix(".mo").write_bytes(compiled(catalog))
    cldr_path(language).write_text(cldr_text(language), encoding="utf-8")
    return [
        str(message.id)
        for message in catalog
        if message.id and (message.fuzzy or not all(_strings(message.string)))
    ]


def _strings(string: object) -> tuple[str, ...]:
    return tuple(string) if isinstance(string, tuple | list) else (str(string or ""),)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--init", metavar="LANG", help="start the catalog of a new language")
    options = parser.parse_args(argv)
    messages = template()
    wanted = languages()
    if options.init:
        wanted = sorted({*wanted, options.init})
    missing = 0
    for language in wanted:
        left = update(language, messages)
        missing += len(left)
        state = f"{len(left)} to translate" if left else "complete"
        print(f"{catalog_path(language).relative_to(ROOT)}: {len(messages)} messages, {state}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

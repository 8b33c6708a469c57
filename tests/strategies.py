"""Hypothesis strategies for valid registries, hostile text included."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

from hypothesis import strategies as st

from endorse.places.names import mixed_script_letter
from endorse.registry.model import (
    KINDS,
    PAPER_KEYS,
    SIGNATORY_KEYS,
    STATUSES,
    Paper,
    Registry,
    Signatory,
)

# Any text TOML can hold: every code point but surrogates, escape sequences and markup included.
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
hostile_text = st.sampled_from(
    [
        "[bold]x[/bold]",
        "[red]x[/red]",
        "\x1b[31mred\x1b[0m",
        "<script>alert(1)</script>",
        '=HYPERLINK("http://example.invalid","x")',
        "+1",
        "-1",
        "@SUM(A1)",
        "'=x",
        "a|b",
        "\u202eevil",
    ]
)
names = st.one_of(text.filter(lambda t: t.strip() != ""), hostile_text)
optional_text = st.none() | text | hostile_text
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
past_dates = st.dates(min_value=date(1900, 1, 1), max_value=date.today())
slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
scalar_values: st.SearchStrategy[Any] = st.one_of(
    text, st.integers(-(2**63), 2**63 - 1), st.booleans(), dates
)
extra_values: st.SearchStrategy[Any] = st.one_of(
    scalar_values,
    st.lists(scalar_values, max_size=2),
    st.dictionaries(st.from_regex(r"[a-z]{1,5}", fullmatch=True), scalar_values, max_size=2),
    st.lists(
        st.dictionaries(st.from_regex(r"[a-z]{1,5}", fullmatch=True), scalar_values, max_size=2),
        min_size=1,
        max_size=2,
    ),
)
extra_keys = st.from_regex(r"[a-z][a-z_]{0,12}", fullmatch=True)


def _extra(known: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(extra_keys.filter(lambda k: k not in known), extra_values, max_size=2)


@st.composite
def signatories(draw: st.DrawFn, signatory_id: str) -> Signatory:
    return Signatory(
        id=signatory_id,
        name=draw(names),
        kind=draw(st.sampled_from(KINDS)),
        country=draw(st.from_regex(r"[A-Z]{2}", fullmatch=True)),
        member=draw(st.booleans()),
        status=draw(st.sampled_from(STATUSES)),
        as_written=draw(optional_text),
        subdivision=draw(st.none() | st.from_regex(r"[A-Z]{2}-[A-Z0-9]{1,3}", fullmatch=True)),
        endorsed_on=draw(st.none() | dates),
        source=draw(optional_text),
        note=draw(optional_text),
        extra=draw(_extra(SIGNATORY_KEYS)),
    )


@st.composite
def registries(draw: st.DrawFn, max_signatories: int = 8) -> Registry:
    ids = draw(st.lists(slugs, unique=True, max_size=max_signatories))
    paper = Paper(
        title=draw(names),
        network=draw(names),
        members_declared=draw(st.integers(0, 10_000)),
        presented_on=draw(st.none() | dates),
        presented_at=draw(optional_text),
        presented_by=draw(optional_text),
        source=draw(optional_text),
        extra=draw(_extra(PAPER_KEYS)),
    )
    return Registry(
        paper=paper,
        signatories=tuple(sorted((draw(signatories(i)) for i in ids), key=lambda s: s.id)),
    )


# Registries whose every value passes the checks of `add` (and so of `import`): trimmed NFC text
# without control characters, real countries and subdivisions, each signatory in a country of
# its own so that none duplicates another.
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE = "\u00ad\u180e\u200b\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
_clean_characters = st.characters(
    exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters=_BIDI + _INVISIBLE
)
clean_text = (
    st.text(_clean_characters, max_size=40)
    .map(lambda t: unicodedata.normalize("NFC", t).strip())
    .filter(bool)
)
clean_names = st.one_of(
    clean_text.filter(lambda name: mixed_script_letter(name) is None),
    st.sampled_from(
        ['=HYPERLINK("http://example.invalid","x")', "+1", "-1", "@SUM(A1)", "'=x", "[bold]x"]
    ),
)
PLACES = {
    "US": ("US-PA", "US-NY"),
    "FR": ("FR-IDF", "FR-75C"),
    "BR": ("BR-SP",),
    "DE": ("DE-BE",),
    "CA": ("CA-QC",),
    "MX": ("MX-CMX",),
    "JP": ("JP-13",),
    "ZA": ("ZA-GP",),
    "IN": (),
    "CI": (),
}


# Keys of its own as a registry that passes `validate` holds them: no control character.
_clean_scalars: st.SearchStrategy[Any] = st.one_of(
    st.text(_clean_characters, max_size=40), st.integers(-(2**63), 2**63 - 1), st.booleans(), dates
)
_clean_extra_values: st.SearchStrategy[Any] = st.one_of(
    _clean_scalars,
    st.lists(_clean_scalars, max_size=2),
    st.dictionaries(st.from_regex(r"[a-z]{1,5}", fullmatch=True), _clean_scalars, max_size=2),
)


def _clean_extra(known: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
    """Keys of its own that an import reads back as themselves: not a field's name, nor one
    that reads as a field's as a column's header would ("id_" is id, and a file with both
    columns is refused: "two columns hold id")."""
    from endorse.imports.columns import field_name

    return st.dictionaries(
        extra_keys.filter(lambda k: k not in known and field_name(k) not in known),
        _clean_extra_values,
        max_size=2,
    )


@st.composite
def importable_signatories(draw: st.DrawFn, signatory_id: str, country: str) -> Signatory:
    optional = st.none() | clean_text
    return Signatory(
        id=signatory_id,
        name=draw(clean_names),
        kind=draw(st.sampled_from(KINDS)),
        country=country,
        member=draw(st.booleans()),
        status=draw(st.sampled_from(STATUSES)),
        as_written=draw(optional),
        subdivision=draw(st.none() | st.sampled_from(PLACES[country] or (None,))),
        endorsed_on=draw(st.none() | past_dates),
        source=draw(optional),
        note=draw(optional),
        extra=draw(_clean_extra(SIGNATORY_KEYS)),
    )


@st.composite
def importable_registries(draw: st.DrawFn) -> Registry:
    countries = draw(st.permutations(sorted(PLACES)))[: draw(st.integers(0, len(PLACES)))]
    ids = draw(st.lists(slugs, unique=True, min_size=len(countries), max_size=len(countries)))
    found = (draw(importable_signatories(i, c)) for i, c in zip(ids, countries, strict=True))
    return Registry(
        paper=Paper(title="T", network="N", members_declared=1),
        signatories=tuple(sorted(found, key=lambda s: s.id)),
    )


# What a hostile user types as a name: escape sequences, markup, bidi overrides, formulas.
HOSTILE = st.sampled_from(
    ["\x1b[31m", "\x1b]8;;http://x\x07", "\x9b2J", "[bold]", "[/]", "\u202e", "=cmd|' /C'!A0", "\n"]
)
NAMES = st.text(min_size=0, max_size=40) | st.lists(
    st.one_of(HOSTILE, st.text(max_size=5)), max_size=5
).map("".join)

"""The rules a value meets before endorse writes it.

Every function here takes text as a person typed it (a command-line option,
a CSV cell) and gives back the value to store, or raises `ValueProblem`
naming the field, the value and what is allowed. Nothing here reads or
writes a file, so `add`, `edit`, `import` and `validate` share one set of
rules.

Text is trimmed and put in Unicode NFC; control characters (which include
every terminal escape sequence), lone surrogates, line and paragraph
separators and the bidirectional overrides that can disguise text are
refused rather than cleaned, so that what is stored is what was meant.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Final, TypeVar

from endorse.errors import EndorseError
from endorse.places.names import mixed_script_letter, nfc, slugify
from endorse.registry.model import (
    DEFAULT_KIND,
    DEFAULT_STATUS,
    KINDS,
    LIST_PAPER_KEYS,
    PAPER_KEYS,
    REQUIRED_PAPER_KEYS,
    SIGNATORY_KEYS,
    SLUG_PATTERN,
    STATUSES,
    TOML_INTEGER_MAX,
    Paper,
    Recipient,
    Signatory,
    fits_toml,
)

NAME_MAX_LENGTH: Final = 200
MULTILINE_KEYS: Final = frozenset({"note", "source"})
EDITABLE_KEYS: Final = tuple(key for key in SIGNATORY_KEYS if key != "id")
CLEARABLE_KEYS: Final = ("as_written", "subdivision", "endorsed_on", "source", "note")

_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_BIDI_CONTROLS: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Format characters that show nothing and join nothing: a name holding one looks like
# another name ("Bos\u200bton") without being it. Joiners (U+200C, U+200D), which
# Persian and Indic names need, are allowed.
_INVISIBLE: Final = frozenset("\u00ad\u180e\u200b\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff")
# In English, French and Spanish, as the report is: a form in French says "oui".
_TRUE_WORDS: Final = ("true", "yes", "y", "1", "oui", "vrai", "sí", "si", "verdadero")
_FALSE_WORDS: Final = ("false", "no", "n", "0", "non", "faux", "falso")
_SHOWN_LENGTH: Final = 60


class ValueProblem(EndorseError):
    """A value that cannot be stored; `field` is the key it was given for.

    `stored_as` is set when the value is acceptable but endorse stores it in
    another form ("usa" is stored "US", " Lyon" is stored "Lyon").
    """

    def __init__(self, field: str, message: str, stored_as: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.stored_as = stored_as


def shown(value: str) -> str:
    """A value quoted for a message, cut short when long, its control characters shown as
    escapes ("\\n", "\\x1b"), so that a refused value cannot forge a line of the message."""
    if len(value) > _SHOWN_LENGTH:
        value = value[: _SHOWN_LENGTH - 1] + "…"
    return f'"{printable(value)}"'


def printable(text: str) -> str:
    """`text` with its control characters shown as escapes, whole and unquoted (a path)."""
    return text if text.isprintable() else "".join(_escaped(char) for char in text)


def _escaped(char: str) -> str:
    if unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Zl", "Zp"):
        return char
    if char in "\n\r\t":
        return repr(char)[1:-1]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def unsafe_character(text: str, *, newlines: bool = False) -> tuple[int, str] | None:
    """The first character that must not be stored, with its position, or None.

    With `newlines`, a line feed is allowed (free text: a note, a source).
    Printable text (most is) holds none of them.
    """
    if text.isprintable():
        return None
    for position, char in enumerate(text):
        if char == "\n" and newlines:
            continue
        category = unicodedata.category(char)
        if category in ("Cc", "Cs", "Zl", "Zp") or char in _BIDI_CONTROLS or char in _INVISIBLE:
            return position, char
    return None


def text_problem(text: str, field: str, *, max_length: int | None = None) -> str | None:
    """Why `text`, already trimmed and in NFC, cannot be stored as `field`; None when it can."""
    if not text:
        return f"{field} is empty"
    unsafe = unsafe_character(text, newlines=field in MULTILINE_KEYS)
    if unsafe is not None:
        position, char = unsafe
        what = "the invisible character" if char in _INVISIBLE else "the control character"
        return (
            f"{field} {shown(text)} holds {what} U+{ord(char):04X} at "
            f"position {position + 1}; control characters, escape sequences, invisible "
            "characters and bidirectional overrides are not allowed"
        )
    if max_length is not None and len(text) > max_length:
        return (
            f"{field} {shown(text)} is {len(text)} characters long; "
            f"at most {max_length} are allowed"
        )
    return None


def clean_text(value: object, field: str, *, max_length: int | None = None) -> str:
    """`value` trimmed and in NFC, or ValueProblem when it is empty or holds unsafe characters,
    or is not text at all (a number or a list given through the API is refused, never
    stored as its Python text)."""
    if not isinstance(value, str):
        raise wrong_type(field, value, "text")
    text = nfc(value).strip()
    problem = text_problem(text, field, max_length=max_length)
    if problem:
        raise ValueProblem(field, problem)
    return text


def optional_text(value: str | None, field: str) -> str | None:
    """Like clean_text, but nothing (None or blanks) means the key is left out."""
    if value is None or is_blank(value):
        return None
    return clean_text(value, field)


def wrong_type(field: str, value: object, expected: str) -> ValueProblem:
    """The refusal of a value of the wrong type given for `field` (through the API)."""
    shown_value = repr(value) if len(repr(value)) <= 40 else repr(value)[:39] + "…"
    return ValueProblem(
        field, f"{field} must be {expected}, not {type(value).__name__} {shown(shown_value)}"
    )


def check_name(value: str, field: str = "name") -> str:
    """A name, clean; a `name` (not the source's spelling, `as_written`) whose word mixes
    Latin letters with letters of another script is refused: "Pаris" with a Cyrillic а
    looks like Paris and would block it as a duplicate."""
    text = clean_text(value, field, max_length=NAME_MAX_LENGTH)
    mixed = mixed_script_letter(text) if field == "name" else None
    if mixed is not None:
        position, char = mixed
        raise ValueProblem(
            field,
            f"{field} {shown(text)} mixes scripts in one word: the letter {char} "
            f"({unicodedata.name(char, '?')}) at position {position + 1} is not of the "
            "script of the letters around it; type the name in one script",
        )
    return text


def check_country(value: str) -> str:
    """An ISO 3166-1 alpha-2 code from a code, an alpha-3 code or a country name."""
    from endorse.places.lookup import UnknownCountryError, resolve_country

    text = clean_text(value, "country")
    try:
        return resolve_country(text)
    except UnknownCountryError as error:
        raise ValueProblem("country", str(error)) from None


def check_subdivision(value: str, country: str) -> str:
    """An ISO 3166-2 code of `country`: "US-PA", "PA" or "Pennsylvania" all give "US-PA"."""
    from endorse.places.lookup import subdivision_problem, subdivisions_named

    text = clean_text(value, "subdivision")
    code = text.upper()
    problem = subdivision_problem(code, country)
    if problem is None:
        return code
    if "-" not in code and subdivision_problem(f"{country}-{code}", country) is None:
        return f"{country}-{code}"
    named = subdivisions_named(text, country)
    if len(named) == 1:
        return named[0]
    raise ValueProblem(
        "subdivision",
        f"{problem}; give an ISO 3166-2 code of {country}, like {_example_subdivision(country)}",
    )


def _example_subdivision(country: str) -> str:
    from endorse.places.lookup import subdivision_codes

    found = subdivision_codes(country)
    return f'"{found[0]}"' if found else f"none: {country} has no ISO 3166-2 subdivisions"


def check_choice(value: str, field: str, allowed: Collection[str]) -> str:
    text = clean_text(value, field).lower()
    if text not in allowed:
        raise ValueProblem(
            field, f"{field} {shown(value)} is not one of: {', '.join(sorted(allowed))}"
        )
    return text


def check_kind(value: str) -> str:
    return check_choice(value, "kind", KINDS)


def check_status(value: str) -> str:
    return check_choice(value, "status", STATUSES)


class DateFormatProblem(ValueProblem):
    """A date written otherwise than YYYY-MM-DD, with no format given to read it by: it is
    never guessed (03/04/2018 is March or April)."""


def check_date(value: object, field: str, date_format: str | None = None) -> date:
    """A real calendar date: in `date_format` (a strptime pattern; a time it also reads is
    left out), else written YYYY-MM-DD."""
    if isinstance(value, datetime):
        return value.date()  # its day, as a date format with a time reads it
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise wrong_type(field, value, "a date, or text written YYYY-MM-DD")
    text = clean_text(value, field)
    if date_format is not None:
        try:
            return datetime.strptime(text, date_format).date()
        except ValueError:
            if not _ISO_DATE.fullmatch(text):
                raise ValueProblem(
                    field,
                    f"{field} {shown(text)} is not a date written {shown(date_format)}"
                    + _ENGLISH_NAMES_ONLY * any(d in date_format for d in _NAME_DIRECTIVES),
                ) from None
    if not _ISO_DATE.fullmatch(text):
        raise DateFormatProblem(field, f"{field} {shown(text)} is not a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueProblem(field, f"{field} {shown(text)} is not a real calendar date") from None


_NAME_DIRECTIVES: Final = ("%B", "%b", "%A", "%a")
_ENGLISH_NAMES_ONLY: Final = (
    " (%B, %b, %A and %a read English names of months and days only: "
    '"15 January 2018", not "15 janvier 2018")'
)


def check_date_format(date_format: str) -> str:
    """A strptime pattern that reads back a day, a month and a year ("%d/%m/%Y")."""
    samples = (date(2018, 1, 15), date(2009, 12, 3))
    try:
        whole = all(
            datetime.strptime(day.strftime(date_format), date_format).date() == day
            for day in samples
        )
    except (ValueError, re.error):  # re.error: a directive given twice ("%Y%Y")
        whole = False
    if not whole:
        raise ValueProblem(
            "date_format",
            f"the date format {shown(date_format)} does not read a day, a month and a year; "
            "write it as a strptime pattern, like %d/%m/%Y for 15/01/2018",
        )
    return date_format


def check_endorsed_on(
    value: object, today: date | None = None, date_format: str | None = None
) -> date:
    """A date of endorsement: a real date (see `check_date`), not after today."""
    endorsed = check_date(value, "endorsed_on", date_format)
    problem = future_date_problem(endorsed, "endorsed_on", today or date.today())
    if problem:
        raise ValueProblem("endorsed_on", problem)
    return endorsed


def future_date_problem(value: date, field: str, today: date) -> str | None:
    """Why a date that has to be past (an endorsement) cannot be `value`, or None."""
    if value > today:
        return f"{field} {value.isoformat()} is in the future"
    return None


def check_member(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if not isinstance(value, str):
        raise wrong_type("member", value, "true or false (a bool, or text such as yes or no)")
    word = nfc(value).strip().casefold()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise ValueProblem(
        "member",
        f"member {shown(value)} is not true or false; write one of "
        f"{', '.join(_TRUE_WORDS)} or {', '.join(_FALSE_WORDS)}",
    )


def check_id(value: str) -> str:
    text = clean_text(value, "id")
    if not SLUG_PATTERN.fullmatch(text):
        raise ValueProblem(
            "id",
            f"id {shown(text)} is not a slug: use lowercase letters, digits and single "
            'hyphens, like "st-louis-city"',
        )
    return text


def id_for(name: str) -> str:
    """The id a name gives ("São Paulo" -> "sao-paulo"); refused when it gives none."""
    slug = slugify(name)
    if not slug:
        raise ValueProblem(
            "id",
            f"the name {shown(name)} gives no id (it has no letter or digit in the Latin "
            "alphabet once transliterated); give an id",
        )
    return slug


def signatory_from_values(
    *,
    name: str,
    country: str,
    kind: str | None = None,
    member: bool | str = False,
    status: str = DEFAULT_STATUS,
    id: str | None = None,
    as_written: str | None = None,
    subdivision: str | None = None,
    endorsed_on: str | date | None = None,
    source: str | None = None,
    note: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Signatory:
    """A new Signatory from raw values, each checked; the first bad one raises ValueProblem.

    Optional values that are None or blank are left out. A name written as its
    government writes it is read as the place (`read_as_written`), unless `as_written` or
    `id` is given: such a row is a record (an export of endorse's own, or a name chosen
    with its id), stored as it is. The id is the slug of the name unless one is given;
    the kind, unless given, the one the name's words tell, else a city.
    """
    clean_country = check_country(country)
    given_kind = None if kind is None or is_blank(kind) else check_kind(kind)
    given_subdivision = (
        check_subdivision(subdivision, clean_country)
        if subdivision is not None and not is_blank(subdivision)
        else None
    )
    written = optional_text(as_written, "as_written")
    given_id = id is not None and not is_blank(id)
    if written or given_id:
        clean_name, told_kind = check_name(name), None
        written = check_name(written, "as_written") if written else None
    else:
        clean_name, told_kind, given_subdivision, written = read_as_written(
            check_name(name), clean_country, given_kind, given_subdivision
        )
    return Signatory(
        id=check_id(id) if id is not None and given_id else id_for(clean_name),
        name=clean_name,
        as_written=written,
        kind=given_kind or told_kind or DEFAULT_KIND,
        country=clean_country,
        subdivision=given_subdivision,
        member=check_member(member),
        status=check_status(status),
        endorsed_on=(
            check_endorsed_on(endorsed_on)
            if endorsed_on is not None and not is_blank(endorsed_on)
            else None
        ),
        source=optional_text(source, "source"),
        note=optional_text(note, "note"),
        extra=check_extra(extra or {}),
    )


def is_blank(value: object) -> bool:
    """An empty text (or a cell of blanks): a value left out, so the key takes its default or
    is left out. Anything else, text or not, is checked as given."""
    return isinstance(value, str) and not value.strip()


def read_as_written(
    name: str, country: str, kind: str | None, subdivision: str | None
) -> tuple[str, str | None, str | None, str | None]:
    """A name as a government writes it, read as (the place, the kind its words tell, the
    subdivision, the name as written when it is not the place).

    "City of Oakland, CA" in US is ("Oakland", None, "US-CA", "City of Oakland, CA");
    "Kinmen County" in TW ("Kinmen", "county", None, "Kinmen County"); "Oakland, City of"
    is read as "City of Oakland". A subdivision after a comma
    (`places.lookup.subdivision_after_comma`) that contradicts the one given is refused, naming
    both; the government's words are taken off as `places.lookup.read_name` says. A name of
    government words alone ("City Council", "City of, CA") is refused: it names no place,
    unless the place data knows it ("Kota" is a city of India).
    """
    from endorse.places.governments import uninverted
    from endorse.places.lookup import read_name, subdivision_after_comma, subdivision_name

    if name.startswith(","):
        raise ValueProblem(
            "name", f"name {shown(name)} has nothing before its comma; give the place's name"
        )
    before_comma, after_comma = subdivision_after_comma(name, country)
    before_comma = uninverted(before_comma.strip(" ,"))
    _refuse_government_words_alone(name, before_comma, country, kind)
    if after_comma and subdivision and after_comma != subdivision:
        raise ValueProblem(
            "subdivision",
            f"name {shown(name)} ends with {after_comma} ({subdivision_name(after_comma)}), "
            f"but the subdivision given is {subdivision} ({subdivision_name(subdivision)}); "
            "correct one of them",
        )
    reading = read_name(before_comma, country, kind, subdivision or after_comma)
    place = check_name(reading.place)
    return place, reading.kind, subdivision or after_comma, name if place != name else None


def _refuse_government_words_alone(name: str, place: str, country: str, kind: str | None) -> None:
    from endorse.places.governments import only_government_words
    from endorse.places.lookup import identify

    if only_government_words(place) and not identify(place, country, kind or "city").matching:
        raise ValueProblem(
            "name",
            f'name {shown(name)} is only the words of a government (like "City" or '
            '"Council"): it names no place; give the place\'s name',
        )


def check_extra(extra: Mapping[str, Any]) -> dict[str, Any]:
    """Keys of its own (a form's column kept), held to the rule of all text: no control
    character, escape sequence, invisible character or bidirectional override in a key or
    in any text of its value (line breaks allowed), which the file would otherwise hold raw
    and an editor or a diff would obey."""
    for key, value in extra.items():
        problem = extra_problem(key, value)
        if problem is not None:
            raise problem
    return dict(extra)


def extra_problem(key: str, value: Any) -> ValueProblem | None:
    """Why a key of its own cannot be stored (see `check_extra`), or None: unsafe text, or
    an integer beyond TOML's 64 bits, which other TOML readers refuse."""
    huge = next((n for n in _integers_in(value) if not fits_toml(n)), None)
    if huge is not None:
        return ValueProblem(
            key,
            f"the key {shown(key)} holds the integer {huge}, beyond what TOML holds "
            f"({-TOML_INTEGER_MAX - 1} to {TOML_INTEGER_MAX}); give it as text",
        )
    for text in (key, *_texts_in(value)):
        unsafe = unsafe_character(text, newlines=True)
        if unsafe is not None:
            position, char = unsafe
            where = "its name" if text is key else shown(text)
            return ValueProblem(
                key,
                f"the key {shown(key)} holds U+{ord(char):04X} in {where} at position "
                f"{position + 1}; control characters, escape sequences, invisible characters "
                "and bidirectional overrides are not allowed",
            )
    return None


def _integers_in(value: Any) -> Iterator[int]:
    if isinstance(value, int) and not isinstance(value, bool):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _integers_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _integers_in(item)


def _texts_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield key
            yield from _texts_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts_in(item)


def changed_signatory(
    signatory: Signatory,
    changes: Mapping[str, str | bool | date],
    clear: Collection[str] = (),
) -> Signatory:
    """`signatory` with the given keys set and the `clear` keys emptied; nothing else touched.

    Unknown keys stay as they were. A subdivision kept across a change of
    country must belong to the new country.
    """
    _check_edit_keys(changes, clear)
    values: dict[str, Any] = dict.fromkeys(clear)
    for key, raw in changes.items():
        values[key] = _checked(key, raw, changes, signatory)
    subdivision = values.get("subdivision", signatory.subdivision)
    country = values.get("country", signatory.country)
    if "country" in values and "subdivision" not in values and subdivision:
        _check_kept_subdivision(subdivision, country)
    return dataclasses.replace(signatory, **values)


def _refuse_none(key: str, value: object) -> None:
    """None given for a key to set is no value (it would be stored as the text "None")."""
    if value is None:
        raise ValueProblem(key, f"{key} is None, which is no value; to empty it, clear it")


def _check_edit_keys(changes: Mapping[str, object], clear: Collection[str]) -> None:
    for key, value in changes.items():
        if key not in EDITABLE_KEYS:
            raise ValueProblem(key, f"{key} cannot be edited; editable: {', '.join(EDITABLE_KEYS)}")
        _refuse_none(key, value)
    for key in clear:
        if key not in CLEARABLE_KEYS:
            raise ValueProblem(
                "clear",
                f"{key} cannot be cleared (it is required or unknown); "
                f"optional keys are: {', '.join(CLEARABLE_KEYS)}",
            )
        if key in changes:
            raise ValueProblem(key, f"{key} is both given a value and cleared; choose one")


def _checked(
    key: str, raw: str | bool | date, changes: Mapping[str, object], signatory: Signatory
) -> Any:
    return check_value(key, raw, str(changes.get("country", signatory.country)))


def check_value(
    key: str, raw: str | bool | date, country: str | None, date_format: str | None = None
) -> Any:
    """One value of a signatory's field, checked and in the form stored. A subdivision is
    checked against `country`, and only trimmed when the country is not known yet."""
    if key == "member":
        return check_member(raw)
    if key == "endorsed_on":
        return check_endorsed_on(raw, None, date_format)
    if not isinstance(raw, str):
        raise wrong_type(key, raw, "text")
    text = raw
    if key in ("name", "as_written"):
        return check_name(text, key)
    if key == "country":
        return check_country(text)
    if key == "subdivision":
        if country is None:
            return clean_text(text, key)
        return check_subdivision(text, check_country(country))
    if key == "kind":
        return check_kind(text)
    if key == "status":
        return check_status(text)
    return clean_text(text, key)


def _check_kept_subdivision(subdivision: str, country: str) -> None:
    from endorse.places.lookup import subdivision_problem

    problem = subdivision_problem(subdivision, country)
    if problem:
        raise ValueProblem(
            "subdivision",
            f"{problem} (the signatory would keep it, as only the country changes); "
            f"give a subdivision of {country} too, or clear the subdivision",
        )


def paper_from_values(
    *,
    title: str,
    network: str,
    members_declared: int,
    presented_on: str | date | None = None,
    presented_at: str | None = None,
    presented_by: str | None = None,
    source: str | None = None,
    summary: str | None = None,
    framework: str | None = None,
    commitments: Sequence[str] = (),
    addressed_to: Sequence[str | Recipient] = (),
) -> Paper:
    """The [paper] of a new registry, each value checked."""
    return Paper(
        title=clean_text(title, "title"),
        network=clean_text(network, "network"),
        members_declared=check_members_declared(members_declared),
        presented_on=(
            check_date(presented_on, "presented_on")
            if presented_on is not None and not is_blank(presented_on)
            else None
        ),
        presented_at=optional_text(presented_at, "presented_at"),
        presented_by=optional_text(presented_by, "presented_by"),
        source=optional_text(source, "source"),
        summary=_optional_long_text(summary, "summary", SUMMARY_MAX_LENGTH),
        framework=_optional_long_text(framework, "framework", SUMMARY_MAX_LENGTH),
        commitments=_once_each("commitment", (), map(check_commitment, commitments)),
        addressed_to=_once_each("recipient", (), map(check_recipient, addressed_to)),
    )


T = TypeVar("T", str, Recipient)


def _once_each(what: str, kept: Sequence[T], added: Iterable[T]) -> tuple[T, ...]:
    """`kept` then `added`, refusing an item already there or given twice: a commitment or a
    recipient listed twice is a slip, and the report would show it twice."""
    found = list(kept)
    for item in added:
        if item in found:
            shown_item = item if isinstance(item, str) else item.name
            raise ValueProblem(
                what,
                f"the {what} {shown(shown_item)} is already there (number "
                f"{found.index(item) + 1}); give it once",
            )
        found.append(item)
    return tuple(found)


SUMMARY_MAX_LENGTH: Final = 1000
PAPER_CLEARABLE_KEYS: Final = tuple(k for k in PAPER_KEYS if k not in REQUIRED_PAPER_KEYS)


def _optional_long_text(value: str | None, field: str, max_length: int) -> str | None:
    if value is None or is_blank(value):
        return None
    return clean_text(value, field, max_length=max_length)


def check_commitment(value: str) -> str:
    """One commitment of the paper: text on one line, up to SUMMARY_MAX_LENGTH characters."""
    return clean_text(value, "commitment", max_length=SUMMARY_MAX_LENGTH)


def check_recipient(value: str | Recipient) -> Recipient:
    """A recipient from "NAME, ROLE" (the role is what follows the first comma, and may be
    left out) or a Recipient; each part a name of up to NAME_MAX_LENGTH characters."""
    if isinstance(value, Recipient):
        name, role = value.name, value.role
    elif isinstance(value, str):
        name, _, role = value.partition(",")
    else:
        raise wrong_type("recipient", value, 'text ("NAME, ROLE") or a Recipient')
    return Recipient(
        name=clean_text(name, "recipient", max_length=NAME_MAX_LENGTH),
        role=_optional_long_text(role, "recipient's role", NAME_MAX_LENGTH),
    )


PAPER_SETTABLE_KEYS: Final = tuple(k for k in PAPER_KEYS if k not in LIST_PAPER_KEYS)


def changed_paper(
    paper: Paper,
    changes: Mapping[str, str | int | date] | None = None,
    *,
    add_commitments: Sequence[str] = (),
    add_recipients: Sequence[str | Recipient] = (),
    clear: Collection[str] = (),
) -> Paper:
    """`paper` with the `changes` keys set, the `clear` keys emptied, then commitments and
    recipients added after those there; every other key, unknown ones too, kept. A key
    both set and cleared is refused; clearing a list and adding to it replaces it."""
    changes = changes or {}
    for key in clear:
        if key not in PAPER_CLEARABLE_KEYS:
            raise ValueProblem(
                "clear",
                f"{shown(key)} cannot be cleared (it is required or unknown); "
                f"optional keys are: {', '.join(PAPER_CLEARABLE_KEYS)}",
            )
        if key in changes:
            raise ValueProblem(key, f"{key} is both given a value and cleared; choose one")
    values: dict[str, Any] = {key: None for key in clear if key not in LIST_PAPER_KEYS}
    values.update({key: () for key in clear if key in LIST_PAPER_KEYS})
    for key, raw in changes.items():
        _refuse_none(key, raw)
        values[key] = _checked_paper_value(key, raw)
    if add_commitments:
        kept = values.get("commitments", paper.commitments)
        values["commitments"] = _once_each(
            "commitment", kept, map(check_commitment, add_commitments)
        )
    if add_recipients:
        kept_recipients = values.get("addressed_to", paper.addressed_to)
        values["addressed_to"] = _once_each(
            "recipient", kept_recipients, map(check_recipient, add_recipients)
        )
    return dataclasses.replace(paper, **values)


def _checked_paper_value(key: str, raw: str | int | date) -> Any:
    if key not in PAPER_SETTABLE_KEYS:
        raise ValueProblem(
            key, f"{key} cannot be set here; settable: {', '.join(PAPER_SETTABLE_KEYS)}"
        )
    if key == "members_declared":
        return check_members_declared(raw)
    if key == "presented_on":
        return check_date(raw, key)
    long = key in ("summary", "framework")
    return clean_text(raw, key, max_length=SUMMARY_MAX_LENGTH if long else None)


def check_members_declared(value: object) -> int:
    """A whole number of members, not negative, that TOML can hold (64 bits)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise wrong_type("members_declared", value, "a whole number")
    if value < 0:
        raise ValueProblem("members_declared", "members_declared must not be negative")
    if value > TOML_INTEGER_MAX:
        raise ValueProblem(
            "members_declared",
            f"members_declared {value} is out of range: TOML holds whole numbers up to "
            f"{TOML_INTEGER_MAX}",
        )
    return value


def stored_paper_problems(paper: Paper) -> list[ValueProblem]:
    """What `init` and `endorse paper` would refuse, or store otherwise, in the paper."""
    problems: list[ValueProblem] = []
    for key, label, value, max_length in _paper_texts(paper):
        try:
            stored = clean_text(value, label, max_length=max_length)
        except ValueProblem as problem:
            problems.append(ValueProblem(key, str(problem)))
            continue
        if stored != value:
            problems.append(ValueProblem(key, _stored_otherwise(label, value, stored), stored))
    return problems


def _paper_texts(paper: Paper) -> Iterator[tuple[str, str, str, int | None]]:
    """(key, label, text, longest allowed) of every text of the paper."""
    yield "title", "title", paper.title, None
    yield "network", "network", paper.network, None
    for key in ("presented_at", "presented_by", "source", "summary", "framework"):
        value = getattr(paper, key)
        if value is not None and value.strip():
            long = key in ("summary", "framework")
            yield key, key, value, SUMMARY_MAX_LENGTH if long else None
    for commitment in paper.commitments:
        yield "commitments", "commitment", commitment, SUMMARY_MAX_LENGTH
    for recipient in paper.addressed_to:
        yield "addressed_to", "recipient", recipient.name, NAME_MAX_LENGTH
        if recipient.role is not None:
            yield "addressed_to", "recipient's role", recipient.role, NAME_MAX_LENGTH


def stored_value_problems(signatory: Signatory) -> list[ValueProblem]:
    """What `add` would refuse, or store in another form, among a signatory's values.

    `validate` asks this of every signatory in the file, so that a value
    typed into the file by hand meets the rules a value given to `add` meets.
    Keys whose type and choices the format owns (id, kind, status, member,
    dates) are checked with the format, by `endorse.registry.model`. The subdivision
    is only checked against a country that passes.
    """
    problems: list[ValueProblem] = []
    for key in _STORED_TEXT_KEYS:
        value = getattr(signatory, key)
        if value is None or (key == "subdivision" and problems and problems[-1].field == "country"):
            continue
        if key in _OPTIONAL_TEXT_KEYS and not value.strip():
            continue
        try:
            stored = _stored_form(key, value, signatory.country)
        except ValueProblem as problem:
            problems.append(problem)
            continue
        if stored != value:
            problems.append(ValueProblem(key, _stored_otherwise(key, value, stored), stored))
    if signatory.extra:
        problems.extend(
            found
            for key, value in signatory.extra.items()
            if (found := extra_problem(key, value)) is not None
        )
    return problems


def _stored_otherwise(key: str, value: str, stored: str) -> str:
    if key == "country":
        return f"country {shown(value)} is not an ISO 3166-1 alpha-2 code"
    if key == "subdivision":
        return f"subdivision {shown(value)} is not written as its ISO 3166-2 code"
    return f"{key} {shown(value)} is not in the form endorse stores: {shown(stored)}"


_STORED_TEXT_KEYS: Final = ("name", "as_written", "country", "subdivision", "source", "note")
_OPTIONAL_TEXT_KEYS: Final = frozenset({"as_written", "source", "note"})


def _stored_form(key: str, value: str, country: str) -> str:
    if key in ("name", "as_written"):
        return check_name(value, key)
    if key == "country":
        return check_country(value)
    if key == "subdivision":
        return check_subdivision(value, country)
    return clean_text(value, key)

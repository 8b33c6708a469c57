"""Which registry key each column of an import file holds.

A column holds a field of format 1 when its header names one (any case,
accents and surrounding spaces aside), or when the person importing maps it
to one (`mapped`: key -> header). Every other column must be left out
explicitly (`ignored`), or mapped to a key of its own, which becomes an
unknown key of each signatory: a column such as "Email Address" is never
imported silently. `constants` are values every row gets, for fields the
file has no column of.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from endorse.errors import EndorseError
from endorse.places.names import fold
from endorse.registry.model import SIGNATORY_KEYS
from endorse.registry.values import shown, text_problem
from endorse.registry.words import plural

REQUIRED_KEYS: Final = ("name", "country")
# Fields a constant cannot give: every row would be the same signatory.
_PER_ROW_KEYS: Final = ("id", "name", "as_written")


class ColumnsError(EndorseError):
    """The file's columns cannot be matched to the registry's keys as they stand.

    `unmapped` lists the headers that are neither a field nor mapped nor
    ignored, so that the caller can say how to map or leave out each one;
    `missing` the required fields no column holds; `fields_found` the fields the other
    headers hold (none, under a lone unmapped header, suggests a title above the table).
    """

    def __init__(
        self,
        message: str,
        unmapped: Sequence[str] = (),
        missing: Sequence[str] = (),
        *,
        fields_found: Sequence[str] = (),
    ) -> None:
        super().__init__(message)
        self.unmapped = tuple(unmapped)
        self.missing = tuple(missing)
        self.fields_found = tuple(fields_found)


class ChoicesError(ColumnsError):
    """What the person importing says about the columns contradicts itself or names no
    field (a field given twice, a column mapped twice, a key that cannot be kept),
    whatever the file holds."""


def header_key(header: str) -> str:
    """A header as compared: case, accents, surrounding or repeated spaces ignored, and an
    underscore taken for a space ("Endorsed on" is endorsed_on)."""
    return " ".join(fold(header).replace("_", " ").split())


_FIELDS_BY_HEADER: Final = {header_key(key): key for key in SIGNATORY_KEYS}


@dataclass(frozen=True)
class ColumnChoices:
    """What the person importing says about the file's columns."""

    mapped: Mapping[str, str] = field(default_factory=dict)
    ignored: Collection[str] = ()
    constants: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ColumnMap:
    """The key of each column kept, by its header as written; `positions` gives, by key,
    the column's number (from 1) and its header, to name a cell in a message; `constants`
    the values given for every row, by field."""

    keys: Mapping[str, str]
    positions: Mapping[str, tuple[int, str]]
    constants: Mapping[str, str] = field(default_factory=dict)


# The column `endorse import --doubtful` adds to the rows it hands back, saying why each is
# doubtful; left out when such a file is imported again, unless mapped.
DOUBTFUL_COLUMN: Final = "doubtful because"


def map_columns(headers: Sequence[str], choices: ColumnChoices) -> ColumnMap:
    """The key each header holds; ColumnsError when a header is unaccounted for, a choice
    names a header the file lacks, or a key would come from two places. A file with no
    header at all (a json file with no record) has nothing to map. The DOUBTFUL_COLUMN of
    a file of doubtful rows handed back is left out."""
    constants = named_fields(choices.constants)
    if not headers:
        return ColumnMap({}, {}, constants)
    by_key = _headers_by_key(headers)
    ignored = {_existing(h, by_key, "left out") for h in choices.ignored}
    keys: dict[str, str] = {}
    for key, header in choices.mapped.items():
        written = _existing(header, by_key, f"mapped to {key}")
        if written in ignored:
            raise ChoicesError(
                f"the column {shown(written)} is both mapped to {key} and left out; choose one."
            )
        if written in keys:
            raise ChoicesError(f"the column {shown(written)} is mapped twice; map it once.")
        keys[written] = _mappable(key)
    for written in headers:
        if written in keys or written in ignored or not written.strip():
            continue
        if header_key(written) == header_key(DOUBTFUL_COLUMN):
            ignored.add(written)
            continue
        known = _FIELDS_BY_HEADER.get(header_key(written))
        if known is not None:
            keys[written] = known
    _refuse_unmapped(headers, keys, ignored)
    _refuse_twice(headers, keys)
    _check_constants(keys, constants)
    positions = {key: (headers.index(h) + 1, h) for h, key in keys.items()}
    return ColumnMap(keys, positions, constants)


def _headers_by_key(headers: Sequence[str]) -> dict[str, list[str]]:
    """The headers by `header_key`; a header written twice exactly is refused."""
    by_key: dict[str, list[str]] = {}
    for header in headers:
        if not header.strip():
            continue
        same = by_key.setdefault(header_key(header), [])
        if header in same:
            raise ColumnsError(
                f"the header row names the column {shown(header)} twice, and the two cannot "
                "be told apart; rename one in the file."
            )
        same.append(header)
    return by_key


def _existing(header: str, by_key: Mapping[str, list[str]], what: str) -> str:
    """The file's header that `header` names: itself, else the one header it matches once
    case, accents and spaces are set aside."""
    found = by_key.get(header_key(header), [])
    if header.strip() in found:
        return header.strip()
    if len(found) == 1:
        return found[0]
    if found:
        listed = " and ".join(shown(h) for h in found)
        raise ColumnsError(f"{shown(header)} could be the column {listed}; write it exactly.")
    columns = ", ".join(shown(h) for same in by_key.values() for h in same) or "none"
    raise ColumnsError(
        f"no column {shown(header)} in the file to be {what}; its columns are: {columns}."
    )


def _mappable(key: str) -> str:
    named = field_name(key)
    if named in SIGNATORY_KEYS:
        return named
    problem = text_problem(key, "the key") if key.strip() else "the key is empty"
    if problem is not None:
        raise ChoicesError(f"cannot keep a column under {shown(key)}: {problem}.")
    return key


def _refuse_unmapped(headers: Sequence[str], keys: Mapping[str, str], ignored: set[str]) -> None:
    # A header of spaces alone (a json key "  ") is refused too: its values would be lost.
    unmapped = [h for h in headers if h and h not in keys and h not in ignored]
    if unmapped:
        listed = ", ".join(shown(h) for h in unmapped)
        these = plural(len(unmapped), "this column is", f"these {len(unmapped)} columns are")
        raise ColumnsError(
            f"{these} neither a field of the registry nor mapped to one: {listed} "
            f"(the fields are: {', '.join(SIGNATORY_KEYS)}).",
            unmapped,
            fields_found=tuple(keys.values()),
        )


def _refuse_twice(headers: Sequence[str], keys: Mapping[str, str]) -> None:
    seen: dict[str, str] = {}
    for header, key in sorted(keys.items(), key=lambda item: headers.index(item[0])):
        if key in seen:
            raise ColumnsError(
                f"two columns hold {key}: {shown(seen[key])} and {shown(header)}; "
                "keep one, and leave the other out."
            )
        seen[key] = header


def field_name(key: str) -> str:
    """The field a key names as a header would ("Member", "endorsed on"), else the key as
    given: one rule for headers, --column's and --set's keys alike."""
    return _FIELDS_BY_HEADER.get(header_key(key), key)


def named_fields(given: Mapping[str, str]) -> dict[str, str]:
    """Values by field (`field_name`); ColumnsError when two keys name one field."""
    found: dict[str, str] = {}
    for key, value in given.items():
        named = field_name(key)
        if named in found:
            raise ChoicesError(f"{named} is given twice; give it once.")
        found[named] = value
    return found


def _check_constants(keys: Mapping[str, str], constants: Mapping[str, str]) -> None:
    from_columns = {key: header for header, key in keys.items()}
    for key in constants:
        if key not in SIGNATORY_KEYS:
            raise ChoicesError(
                f"{shown(key)} is not a field of the registry, to give every row; "
                f"the fields are: {', '.join(SIGNATORY_KEYS)}."
            )
        if key in _PER_ROW_KEYS:
            raise ChoicesError(f"every row would have the same {key}; {key} comes from a column.")
        if key in from_columns:
            raise ColumnsError(
                f"{key} is both in the column {shown(from_columns[key])} and given for every "
                "row; keep one."
            )
    missing = [k for k in REQUIRED_KEYS if k not in from_columns and k not in constants]
    if missing:
        shared = (
            ", or give the country for every row if they share one" if "country" in missing else ""
        )
        raise ColumnsError(
            f"no column holds {' or '.join(missing)}, which every signatory needs; map the "
            f"column that does{shared}.",
            missing=missing,
        )

"""Bulk import: a csv, json or workbook file of signatories checked, row by row, into a plan.

The file's columns (csv, xlsx) or keys (json) are those `endorse list
--format csv|json|xlsx` writes, so an export imports back unchanged (its
unknown keys mapped to themselves), or the file's own, mapped to fields
(`endorse.imports.columns`). Three steps, each pure:

1. `endorse.imports.reading.read_table` reads the file (UTF-8 text, with or without a
   byte-order mark, or a workbook) and gives each record with the line it starts on;
2. `candidates_from_table` maps its columns to keys, adds the values given
   for every row, and checks every value as `add` does (`endorse.registry.values`),
   keeping every problem rather than stopping at the first;
3. `plan_import` checks each candidate against the registry and the rows
   before it, in one pass over a `DuplicateIndex`, and says what would be
   added, skipped or refused.

The caller writes `plan.registry` once, inside `endorse.edit` (`api.edit`), and only when
the plan has no problem: an import is all or nothing.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, Final, Literal

from endorse.duplicates.rule import DuplicateIndex, Match
from endorse.editing import chooses_id, free_id
from endorse.errors import EndorseError
from endorse.history.diff import field_changes
from endorse.imports.columns import (
    REQUIRED_KEYS,
    ColumnChoices,
    ColumnMap,
    header_key,
    map_columns,
)
from endorse.imports.rows import CellError, FileFormat, Row, Source, Table
from endorse.registry.model import SIGNATORY_KEYS, Registry, Signatory, signatory_to_doc
from endorse.registry.values import (
    DateFormatProblem,
    ValueProblem,
    check_date_format,
    check_endorsed_on,
    check_value,
    is_blank,
    shown,
    signatory_from_values,
)
from endorse.registry.words import counted, plural

OnDuplicate = Literal["error", "skip"]
Progress = Callable[[int], None]

PROGRESS_STEP: Final = 250
# What two rows of one government may differ in without either holding more: the id (made
# from the name) and how the name is written.
_SPELLING_KEYS: Final = ("id", "name", "as_written")
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
# A date and time as `datetime.isoformat` writes one, with or without its offset (or Z).
_ISO_DATETIME: Final = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})?"
)


class ImportRefusedError(EndorseError):
    """Some rows cannot be imported, so none is; `problems` says which and why."""

    def __init__(self, message: str, problems: Sequence[RowProblem]) -> None:
        super().__init__(message)
        self.problems = tuple(problems)


RowUnit = Literal["line", "row"]
ProblemKind = Literal["value", "date", "repeated", "in-registry", "near", "id"]


@dataclass(frozen=True)
class RowProblem:
    """Why the row at `line` cannot be imported; `column` is the key at fault, if one is, and
    `cell` its column's number and header.

    `kind` says which rule refused it: a value rule, a date written otherwise
    than YYYY-MM-DD with no format to read it by, the same government twice
    in the file, one already in the registry, a near duplicate, a taken id.
    """

    line: int
    column: str | None
    message: str
    kind: ProblemKind = "value"
    cell: tuple[int, str] | None = None
    row: int | None = None  # its position among the table's rows (json records share lines)

    def located(self, source: Source) -> str:
        return f"{source.at(self.line, self._cell_shown(source))}: {self.message}"

    def _cell_shown(self, source: Source) -> tuple[int, str] | None:
        """The cell, where it says more than the message: always in a workbook, and in a
        text file when the column's header is not the key the message names."""
        if self.cell is None or (
            source.sheet is None and header_key(self.cell[1]) == header_key(self.column or "")
        ):
            return None
        return self.cell


@dataclass(frozen=True)
class Reading:
    """How to read a file's rows as signatories: which key each column holds and values
    for every row (`columns`), and how dates are written when not YYYY-MM-DD."""

    columns: ColumnChoices = field(default_factory=ColumnChoices)
    date_format: str | None = None


@dataclass(frozen=True)
class Candidate:
    """A row whose values are all good, as the signatory it would add."""

    line: int
    signatory: Signatory
    id_given: bool | None = None  # an id in the row; None: if it is not the name's slug
    given: frozenset[str] | None = None  # the keys the row gives; None: every key
    row: int | None = None  # its position among the table's rows


@dataclass(frozen=True)
class Skipped:
    """A row left out because it is already in the registry as `existing`, or (with
    `repeats`, the line of that row) repeats an earlier row of the file."""

    line: int
    signatory: Signatory
    existing: Signatory
    repeats: int | None = None
    given: frozenset[str] | None = None

    @property
    def differs(self) -> tuple[str, ...]:
        """The keys to which the skipped row gives other values (beyond the id and the
        spelling of the name): what skipping it leaves out. A key the row leaves empty,
        or takes the default of, is not one: nothing of it is lost."""
        changed = field_changes(signatory_to_doc(self.existing), signatory_to_doc(self.signatory))
        return tuple(
            c.key
            for c in changed
            if c.key not in _SPELLING_KEYS
            and c.new is not None
            and (self.given is None or c.key in self.given)
        )


@dataclass(frozen=True)
class Renamed:
    """A row whose id, derived from its name, was taken in another country by `taken`
    (in the registry, or at line `taken_line` of the file): it gets `signatory.id`."""

    line: int
    signatory: Signatory
    taken: Signatory
    taken_line: int | None = None


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do: the registry after it, the rows added, skipped and refused,
    and those of the added that got an id other than their name's slug (`renamed`)."""

    registry: Registry
    added: tuple[Candidate, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    problems: tuple[RowProblem, ...] = ()
    renamed: tuple[Renamed, ...] = ()

    @property
    def members_added(self) -> int:
        return sum(1 for c in self.added if c.signatory.member)


# Checking each row's values


def candidates_from_table(
    table: Table, reading: Reading | None = None, progress: Progress | None = None
) -> tuple[list[Candidate], list[RowProblem]]:
    """Each row as the signatory it would add, or the problem with it (the first per row).

    Raises ColumnsError when the columns cannot be mapped, and ValueProblem
    when a value given for every row, or the date format, is wrong.
    """
    reading = reading or Reading()
    date_format = None if reading.date_format is None else check_date_format(reading.date_format)
    columns = map_columns(table.headers, reading.columns)
    _check_constants(columns.constants, date_format)
    candidates: list[Candidate] = []
    problems: list[RowProblem] = []
    # Rows mostly give the same keys: one set of them each, not one per row (100,000 rows).
    key_sets: dict[frozenset[str], frozenset[str]] = {}
    for done, row in enumerate(table.rows, 1):
        position = done - 1
        keyed = _keyed(row, columns)
        try:
            signatory = signatory_from_row(keyed, table.file_format, date_format)
            keys = _given(keyed)
            keys = key_sets.setdefault(keys, keys)
            candidates.append(Candidate(row.line, signatory, _id_given(keyed), keys, position))
        except ValueProblem as problem:
            problems.append(_row_problem(row.line, problem, columns, position))
        if progress is not None and done % PROGRESS_STEP == 0:
            progress(PROGRESS_STEP)
    if progress is not None:
        progress(len(table.rows) % PROGRESS_STEP)
    return candidates, problems


def _check_constants(constants: Mapping[str, str], date_format: str | None) -> None:
    """Check the values given for every row once, so that a wrong one is one error rather
    than one per row (each row then takes them as written, and checks them as its own)."""
    country = constants.get("country")
    for key, value in constants.items():
        try:
            check_value(key, value, country, date_format)
        except ValueProblem as problem:
            raise ValueProblem(key, f"{problem} (the value given for every row)") from None


def _keyed(row: Row, columns: ColumnMap) -> Row:
    values = {columns.keys[h]: v for h, v in row.values.items() if h in columns.keys}
    if "" in row.values:
        values[""] = row.values[""]
    values.update(columns.constants)
    return Row(row.line, values)


def _row_problem(line: int, problem: ValueProblem, columns: ColumnMap, position: int) -> RowProblem:
    kind: ProblemKind = "date" if isinstance(problem, DateFormatProblem) else "value"
    cell = columns.positions.get(problem.field)
    return RowProblem(line, problem.field, str(problem), kind, cell, position)


def _given(row: Row) -> frozenset[str]:
    return frozenset(k for k, v in row.values.items() if v is not None and not is_blank(v))


def _id_given(row: Row) -> bool:
    given = row.values.get("id")
    return isinstance(given, str) and bool(given.strip())


def signatory_from_row(
    row: Row, file_format: FileFormat, date_format: str | None = None
) -> Signatory:
    """The signatory a row (its values by key) describes, each value checked as `add`
    checks it."""
    if "" in row.values:
        raise ValueProblem("", _stray_value(row.values[""], file_format))
    known: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in row.values.items():
        if key in SIGNATORY_KEYS:
            known[key] = _known_value(key, value, file_format)
        else:
            read = _extra_value(key, value, file_format)
            if read is not None:
                extra[key] = read
    values = {k: v for k, v in known.items() if v is not None and not is_blank(v)}
    for key in REQUIRED_KEYS:
        if key not in values:
            raise ValueProblem(key, f"{key} is empty; every row needs a name and a country")
    if "endorsed_on" in values:
        values["endorsed_on"] = check_endorsed_on(values["endorsed_on"], None, date_format)
    return signatory_from_values(**values, extra=extra)


def _stray_value(where: Any, file_format: FileFormat) -> str:
    if file_format == "json":
        return f"a record must be a json object of keys and values, not {json.dumps(where)}"
    return f"cell {where} holds a value but its column has no name in the header"


def _known_value(key: str, value: Any, file_format: FileFormat) -> str | bool | date | None:
    """A field's value as `signatory_from_values` takes it. A workbook's cells are typed as
    the person wrote them: a number in a text field is that text, a date cell a date."""
    if value is None:
        return value
    if isinstance(value, str):
        return _with_line_feeds(value)
    if isinstance(value, CellError):
        raise _cell_error(key, value)
    if key == "member" and isinstance(value, bool):
        return value
    if key == "member" and type(value) is int and value in (0, 1):
        return bool(value)
    if key == "member" and isinstance(value, int | float):
        raise ValueProblem(key, f"member must be true or false (or 1 or 0), not {value!r}")
    if file_format == "xlsx":
        return _workbook_value(key, value)
    raise ValueProblem(key, f"{key} must be text, not {json.dumps(value)}")


def _with_line_feeds(text: str) -> str:
    """Line breaks as the registry stores them: a spreadsheet or a web form on Windows
    writes "\r\n" in a cell (a note of two lines), which would read as a control character."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _cell_error(key: str, error: CellError) -> ValueProblem:
    return ValueProblem(
        key, f"{key} is the spreadsheet error {shown(error.code)}; correct the cell's formula"
    )


def _workbook_value(key: str, value: Any) -> str | date:
    if key == "endorsed_on" and isinstance(value, datetime):
        return value.date()  # the day of a date and time, as a date format with a time reads it
    if key == "endorsed_on" and isinstance(value, date):
        return value
    if key == "endorsed_on" and isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueProblem(
            key, f"{key} is the number {value:g}, not a date; format the cell as a date"
        )
    whole = (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, float) and value.is_integer()
    )
    if whole and abs(value) >= _EXACT_FLOAT_INTEGERS:
        raise ValueProblem(
            key,
            f"{key} is the number {int(value)}, too long for a spreadsheet to hold exactly "
            "(it keeps 15 digits); format the cell as text and type the value again",
        )
    if whole:
        return str(int(value))
    if isinstance(value, float):
        return repr(value)
    raise ValueProblem(key, f"{key} must be text, not the {_cell_type(value)} {value}")


# A spreadsheet keeps 15 significant digits: a whole number of 16 or more was rounded.
_EXACT_FLOAT_INTEGERS: Final = 10**15


def _cell_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, datetime | date):
        return "date"
    return type(value).__name__


def _extra_value(key: str, value: Any, file_format: FileFormat) -> Any:
    """An unknown key's value as TOML keeps it: csv cells and a workbook's text cells read
    as TOML values, json as is except that text written as a date or a date and time
    becomes one (json has none of its own), and a workbook's date cell at midnight a date.
    Line breaks in text are read as in a field's (`_with_line_feeds`)."""
    from endorse.imports.cells import read_extra_cell

    if isinstance(value, CellError):
        raise _cell_error(key, value)
    if file_format != "json" and isinstance(value, str):
        return read_extra_cell(_with_line_feeds(value))
    if file_format == "xlsx":
        return value.date() if isinstance(value, datetime) and value.time() == time(0) else value
    return _dates_restored(key, value)


def _dates_restored(key: str, value: Any) -> Any:
    """A json value as TOML keeps it: dates and dates and times, which `endorse list
    --format json` writes as ISO text, restored, in arrays and tables too."""
    if isinstance(value, str):
        return _restored_text(value)
    if isinstance(value, list):
        if any(v is None for v in value):
            raise ValueProblem(
                key, f"{key} is an array that holds null, which the registry (TOML) cannot store"
            )
        return [_dates_restored(key, v) for v in value]
    if isinstance(value, dict):  # null in a table means absent, as it does in a record
        return {k: _dates_restored(key, v) for k, v in value.items() if v is not None}
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueProblem(
            key,
            f"{key} holds {value!r}, not a finite number (json's NaN or Infinity, or a "
            "number beyond 1e308); give the value as a number or as text",
        )
    return value


def _restored_text(text: str) -> str | date:
    """Text, or the date or the date and time it is in ISO (2018-01-15, 2018-01-15T10:30:00)."""
    text = _with_line_feeds(text)
    with suppress(ValueError):  # a day or an hour that is not one (2018-02-30)
        if _ISO_DATE.fullmatch(text):
            return date.fromisoformat(text)
        if _ISO_DATETIME.fullmatch(text):
            return datetime.fromisoformat(text)
    return text


# Checking the rows against the registry and each other


@dataclass
class _Planner:
    registry: Registry
    on_duplicate: OnDuplicate
    force: bool
    unit: RowUnit = "line"
    reserved: frozenset[str] = frozenset()
    index: DuplicateIndex = field(init=False)
    ids: dict[str, Signatory] = field(init=False)
    lines: dict[str, int] = field(default_factory=dict)
    added: list[Candidate] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    renamed: list[Renamed] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.index = DuplicateIndex(self.registry.signatories)
        self.ids = {s.id: s for s in self.registry.signatories}

    def take(self, candidate: Candidate) -> None:
        new = candidate.signatory
        same = self.index.exact(new)
        if same is not None:
            self._take_duplicate(candidate, same)
            return
        problem = self._near_problem(candidate) or self._id_problem(candidate)
        if problem is not None:
            self.problems.append(problem)
            return
        candidate = self._with_free_id(candidate)
        new = candidate.signatory
        self.index.add(new)
        self.ids[new.id] = new
        self.lines[new.id] = candidate.line
        self.added.append(candidate)

    def _take_duplicate(self, candidate: Candidate, same: Match) -> None:
        new, other = candidate.signatory, same.signatory
        if other.id in self.lines and self.on_duplicate == "skip":
            self.skipped.append(
                Skipped(candidate.line, new, other, self.lines[other.id], candidate.given)
            )
        elif other.id in self.lines:
            self.problems.append(
                RowProblem(
                    candidate.line,
                    "name",
                    f'"{new.name}" ({new.country}) is already in this file, at {self.unit} '
                    f"{self.lines[other.id]}{_written(same.spelling, new.name)}; keep one of "
                    "the two",
                    "repeated",
                    row=candidate.row,
                )
            )
        elif self.on_duplicate == "skip":
            self.skipped.append(Skipped(candidate.line, new, other, None, candidate.given))
        else:
            self.problems.append(
                RowProblem(
                    candidate.line,
                    "name",
                    f'"{new.name}" ({new.country}) is already in the registry as "{other.id}"'
                    f"{_written(same.spelling, new.name)}; leave the row out",
                    "in-registry",
                    row=candidate.row,
                )
            )

    def _near_problem(self, candidate: Candidate) -> RowProblem | None:
        if self.force:
            return None
        new = candidate.signatory
        close = self.index.near(new)
        if not close:
            return None
        choices = " or ".join(
            f'"{m.signatory.id}" ({shown(m.spelling)}{self._where(m.signatory)})' for m in close
        )
        return RowProblem(
            candidate.line,
            "name",
            f'"{new.name}" ({new.country}) is very close to {choices}',
            "near",
            row=candidate.row,
        )

    def _where(self, signatory: Signatory) -> str:
        line = self.lines.get(signatory.id)
        return f", {self.unit} {line} of this file" if line else ""

    def _with_free_id(self, candidate: Candidate) -> Candidate:
        """The candidate with an id of its own when its name's slug is taken in another
        country (`editing.chooses_id`, `editing.free_id`)."""
        new = candidate.signatory
        taken = self.ids.get(new.id)
        if taken is None:
            return candidate
        free = dataclasses.replace(new, id=free_id(self.ids.keys() | self.reserved, new, taken))
        self.renamed.append(Renamed(candidate.line, free, taken, self.lines.get(taken.id)))
        return dataclasses.replace(candidate, signatory=free)

    def _id_problem(self, candidate: Candidate) -> RowProblem | None:
        new = candidate.signatory
        taken = self.ids.get(new.id)
        if taken is None or chooses_id(new, taken, id_given=candidate.id_given):
            return None
        where = (
            f"{self.unit} {self.lines[new.id]} of this file"
            if new.id in self.lines
            else "the registry"
        )
        return RowProblem(
            candidate.line,
            "id",
            f'the id "{new.id}" is already taken by "{taken.name}" ({taken.country}) in '
            f"{where}; give this row another id in the id column, like "
            f'"{free_id(self.ids, new, taken)}"',
            "id",
            row=candidate.row,
        )


def _written(spelling: str, name: str) -> str:
    return "" if spelling == name else f" (written {shown(spelling)})"


def plan_import(
    registry: Registry,
    candidates: Iterable[Candidate],
    *,
    on_duplicate: OnDuplicate = "error",
    force: bool = False,
    problems: Iterable[RowProblem] = (),
    progress: Progress | None = None,
    unit: RowUnit = "line",
    keep_clear: bool = False,
) -> ImportPlan:
    """What importing `candidates` into `registry` does; `problems` are those found before,
    and `unit` what the rows' numbers count ("row" in a workbook). The registry after it
    holds the rows added only when no row is refused, unless `keep_clear`: then the clear
    rows go in, and the refused ones (`problems`) are the doubtful rows to hand back.

    One pass: the registry is indexed once and each accepted row is added to
    the index, so the rows are checked against each other as well.
    """
    rows = list(candidates)
    given = frozenset(c.signatory.id for c in rows if c.id_given)
    planner = _Planner(registry, on_duplicate, force, unit, given)
    for done, candidate in enumerate(rows, 1):
        planner.take(candidate)
        if progress is not None and done % PROGRESS_STEP == 0:
            progress(PROGRESS_STEP)
    found = sorted([*problems, *planner.problems], key=lambda p: p.line)
    added = tuple(planner.added)
    after = (
        dataclasses.replace(
            registry, signatories=(*registry.signatories, *(c.signatory for c in added))
        )
        if added and (keep_clear or not found)
        else registry
    )
    return ImportPlan(after, added, tuple(planner.skipped), tuple(found), tuple(planner.renamed))


def doubtful_rows(plan: ImportPlan) -> dict[int, str]:
    """Why each refused row is doubtful, by its position among the table's rows (its line
    when the problem does not know it): its problems' messages, joined."""
    why: dict[int, list[str]] = {}
    for problem in plan.problems:
        where = problem.line if problem.row is None else problem.row
        why.setdefault(where, []).append(problem.message)
    return {row: "; ".join(messages) for row, messages in why.items()}


def refusal(plan: ImportPlan, source: Source) -> ImportRefusedError:
    """The error that lists every problem row of a refused import."""
    count = len(plan.problems)
    lines = "\n".join(f"  {p.located(source)}" for p in plan.problems)
    return ImportRefusedError(
        f"{source.path}: {counted(count, 'row')} cannot be imported, so nothing was imported "
        f"(the registry is unchanged):\n{lines}\nFix {plural(count, 'it', 'them')} "
        "and import the file again.",
        plan.problems,
    )

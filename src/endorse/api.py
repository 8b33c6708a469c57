"""The Python API: what the `endorse` command line itself uses, for scripts and notebooks.

    >>> import endorse
    >>> registry = endorse.load("data/registry.toml")
    >>> with endorse.edit("data/registry.toml") as draft:
    ...     draft.add(name="Pittsburgh", country="US", subdivision="PA")

`load` reads and checks a registry, `validate` gives its findings,
`summarise` the figures of its report, and `edit` changes it under its lock,
writing once, atomically, when the block ends without an error and nothing
when it raises. Every refusal is an `EndorseError` whose message says what
is wrong and where; docs/api.md shows a whole session.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from endorse.errors import EndorseError, RegistryNotFoundError
from endorse.registry import store
from endorse.registry.model import DEFAULT_STATUS, Paper, Recipient, Registry, Signatory

if TYPE_CHECKING:
    from endorse.checks import Finding
    from endorse.checks import Summary as FindingsSummary
    from endorse.editing import Edited
    from endorse.history.diff import Changes
    from endorse.history.git import LogEntry
    from endorse.imports.planning import (
        Candidate,
        ImportPlan,
        OnDuplicate,
        Progress,
        Reading,
        RowProblem,
        RowUnit,
    )
    from endorse.imports.reading import Delimiter
    from endorse.imports.rows import FileFormat, Table
    from endorse.registry.summary import Summary

PathLike = str | os.PathLike[str]


def find(path: PathLike | None = None) -> Path:
    """The registry file: `path`, else $ENDORSE_REGISTRY, else the nearest
    data/registry.toml from the current folder upward, as the command line finds it."""
    explicit = None if path is None else _given(path)
    return store.find_registry(explicit, os.environ, store.current_folder())


def _given(path: PathLike) -> Path:
    """The path given for the registry; an empty one is refused here, as the command line
    refuses `--registry ""`, since Path("") would be the current folder, and so is
    anything that is no path (a number)."""
    if not isinstance(path, str | os.PathLike):
        from endorse.registry.values import wrong_type

        raise wrong_type("path", path, "a file path (text or a Path)")
    if not os.fspath(path).strip():
        raise RegistryNotFoundError(
            "the registry's path is empty; give a registry file, such as "
            "data/registry.toml, or none to find it."
        )
    return Path(path)


def load(path: PathLike | None = None) -> Registry:
    """The registry at `path` (found as `find` finds it), read and checked against format 1.

    Raises RegistryNotFoundError, RegistryReadError, RegistryParseError (with
    the line and column) or RegistryFormatError (with every problem).
    """
    target = find(path)
    return store.load(target).registry


def validate(
    source: Registry | PathLike | None = None,
    *,
    today: date | None = None,
    verbose: bool = False,
    changed_since: str | None = None,
) -> list[Finding]:
    """Every finding for a registry: errors first, then warnings, then info.

    Given a Registry, its content is checked (findings have no line); given
    a path, or nothing (`find` finds it), the file is checked too, from its
    TOML syntax to its canonical form, and findings carry their line. A file
    that does not parse or breaks the format gives findings, not an error.

    With `changed_since` (a git revision, as `version` takes one), only the findings
    that the file's changes since that revision answer for: those about signatories
    added or changed since (duplicates that involve one of them included), and those
    about the paper or the file that the revision did not have. Raises HistoryError
    (not a repository, no such revision, the file not in it).
    """
    from endorse.checks import validate_file, validate_registry
    from endorse.registry.values import check_date, wrong_type

    day = date.today() if today is None else check_date(today, "today")
    if changed_since is not None and not isinstance(changed_since, str):
        raise wrong_type("changed_since", changed_since, "text: a git revision")
    if isinstance(source, Registry):
        if changed_since is not None:
            raise wrong_type("source", source, "a registry file in git, for changed_since")
        return validate_registry(source, today=day, verbose=verbose)
    if changed_since is not None:
        from endorse.checks.changed import validate_file_since

        return validate_file_since(find(source), changed_since, today=day, verbose=verbose)
    return validate_file(find(source), today=day, verbose=verbose)


def diff(old: Registry | PathLike | None, new: Registry | PathLike) -> Changes:
    """What changed from `old` to `new` (registries, or the files at two paths), signatory
    by signatory (matched by id): added, removed, withdrawn, reinstated and changed, each
    with the keys that changed, and the paper's changes. Unchanged signatories are not
    listed; a Changes is false when nothing changed. `old` None: the registry did not
    exist, so all is new."""
    from endorse.history.diff import diff as registry_diff

    return registry_diff(_registry(old) if old is not None else None, _registry(new))


def _registry(source: Registry | PathLike) -> Registry:
    return source if isinstance(source, Registry) else load(source)


@dataclasses.dataclass(frozen=True)
class Version:
    """A version of the registry and what to call it: a path, or "PATH@REVISION"."""

    label: str
    registry: Registry


def version(
    spec: str | None = None, path: PathLike | None = None, *, revision: bool = False
) -> Version:
    """A version of the registry: `spec` an existing file (read as a registry), else a git
    revision of the registry file (`find` finds it: "HEAD~1", a tag, a commit, ":/text"),
    always a revision when `revision` is true; git's "REVISION:PATH" names its own file
    (PATH from the top of the repository, or from the current folder when it starts
    with ./); None is the registry file as it is now. Raises
    HistoryError (git missing, not a repository, no such revision, the file not in it),
    RegistryNotFoundError for a file that is not there, or the errors of `load`, naming
    the version."""
    from endorse.history import git as history
    from endorse.registry.values import wrong_type

    if spec is not None and not isinstance(spec, str):
        raise wrong_type("spec", spec, "text: a registry file or a git revision")
    if spec is None:
        target = find(path)
        return Version(str(target), store.load(target).registry)
    if not revision and Path(spec).is_file():
        return Version(spec, store.load(Path(spec)).registry)
    in_revision = history.split_revision_path(spec)
    if in_revision is not None:
        named, written = in_revision
        target, registry = history.registry_at_path(named, written)
        return Version(str(history.labelled(target, named)), registry)
    if not revision and names_a_file(spec):
        raise RegistryNotFoundError(f"{spec}: no such registry file.", Path(spec))
    target = _in_history(path)
    return Version(str(history.labelled(target, spec)), history.registry_at(target, spec))


def names_a_file(spec: str) -> bool:
    """Whether `spec` can only be a file: it ends in .toml, or is a path that exists (a
    folder, a device), rather than a revision."""
    return spec.endswith(".toml") or (os.sep in spec and Path(spec).exists())


def needs_registry(spec: str | None) -> bool:
    """Whether `version(spec)` reads the registry that `find` finds: for the file as it is
    now (None) and for a revision alone; not for a file (an existing one, whatever its
    name) nor for git's REVISION:PATH, which names its own file."""
    from endorse.history.git import split_revision_path

    if spec is None:
        return True
    is_file = Path(spec).is_file() or names_a_file(spec)
    return not is_file and split_revision_path(spec) is None


def log(path: PathLike | None = None, since: str | date | None = None) -> list[LogEntry]:
    """Every commit that changed the registry file (`path`, there or deleted, else found as
    `find` finds it), newest first, each
    with its changes (`diff` of it and the version before); `since` a date YYYY-MM-DD or a
    revision. A version that does not parse is an entry with a `problem` and no changes,
    and the next is compared with the last version that parsed."""
    from endorse.history.git import log as registry_log
    from endorse.registry.values import wrong_type

    if since is not None and not isinstance(since, str | date):
        raise wrong_type("since", since, "a date, or text: YYYY-MM-DD or a git revision")
    when = since.isoformat()[:10] if isinstance(since, date) else since
    return registry_log(_in_history(path), when)


def _in_history(path: PathLike | None) -> Path:
    """The registry file whose history is read: `path` as given, whether or not it is
    there now (a deleted registry has its history in git), else found as `find` finds it."""
    return find(None) if path is None else _given(path)


def summarise(source: Registry | PathLike | None = None) -> Summary:
    """Every figure of the report: `totals`, `by_region`, `by_country`, `by_kind`,
    `nonmembers`, `members_by_region`, `withdrawn`, `timeline` and `population`, named as
    in the JSON report. Of a Registry, or of the file at a path (or the one `find`
    finds), as `validate` takes either."""
    from endorse.registry.summary import summarise as summarise_registry

    return summarise_registry(_registry(find(source) if source is None else source))


class DraftClosedError(EndorseError):
    """A draft used after its `with endorse.edit(...)` block: its changes would be lost."""


class Draft:
    """The registry being edited inside `endorse.edit`; each change checks its values and
    the duplicate rule, and raises an EndorseError, changing nothing, when it refuses. A
    draft used after its block raises DraftClosedError: nothing would write the change."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.closed = False

    def _check_open(self) -> None:
        if self.closed:
            raise DraftClosedError(
                "this draft's `with endorse.edit(...)` block has ended, so a change to it "
                "would never be written; make the change inside a new `with endorse.edit(...)`"
            )

    def add(
        self,
        *,
        name: str,
        country: str,
        kind: str | None = None,
        member: bool = False,
        status: str = DEFAULT_STATUS,
        id: str | None = None,
        as_written: str | None = None,
        subdivision: str | None = None,
        endorsed_on: str | date | None = None,
        source: str | None = None,
        note: str | None = None,
        force: bool = False,
    ) -> Signatory:
        """Add a signatory and return it as stored. Refused when a value breaks a rule, when
        it is already there, when its id is taken, or, unless `force`, when its name is a few
        typing mistakes from one already there. An id derived from the name (no `id`) and
        taken in another country is replaced by one with the country ("valencia-ve"). A name
        as its government writes it ("City of Oakland, CA") is stored as the place, with its
        subdivision and kind, and the name as written in `as_written`, unless that is given.
        """
        from endorse.editing import add_signatory
        from endorse.registry.values import signatory_from_values

        self._check_open()
        new = signatory_from_values(
            name=name,
            country=country,
            kind=kind,
            member=member,
            status=status,
            id=id,
            as_written=as_written,
            subdivision=subdivision,
            endorsed_on=endorsed_on,
            source=source,
            note=note,
        )
        id_given = id is not None and bool(id.strip())
        return self._apply(add_signatory(self.registry, new, force=force, id_given=id_given))

    def edit(
        self, reference: str, *, clear: str | Collection[str] = (), **changes: str | bool | date
    ) -> Signatory:
        """Change the given keys of one signatory (by id, or a name that matches one) and
        empty the `clear` keys; every other key, unknown ones too, stays."""
        from endorse.editing import edit_signatory

        self._check_open()
        keys = _items(clear, "clear")  # one key, or several, as edit_paper takes
        return self._apply(edit_signatory(self.registry, reference, changes, keys))

    def withdraw(self, reference: str, *, note: str | None = None) -> Signatory:
        """Mark one signatory withdrawn, keeping its record; `note` is added after its note."""
        from endorse.editing import withdraw_signatory

        self._check_open()
        return self._apply(withdraw_signatory(self.registry, reference, note))

    def remove(self, reference: str) -> Signatory:
        """Delete one signatory; returns the record removed."""
        from endorse.editing import remove_signatory

        self._check_open()
        return self._apply(remove_signatory(self.registry, reference))

    def edit_paper(
        self,
        *,
        add_commitments: str | Sequence[str] = (),
        add_recipients: str | Recipient | Sequence[str | Recipient] = (),
        clear: str | Collection[str] = (),
        **changes: str | int | date,
    ) -> Paper:
        """Change the paper: set keys (`summary="…"`, `framework=…`, `title=…`,
        `presented_on=…`), add commitments and recipients ("NAME, ROLE", or a Recipient)
        after those there, empty the `clear` keys. A single string is one item. Returns
        the paper as it now is."""
        from endorse.registry.values import changed_paper

        self._check_open()
        paper = changed_paper(
            self.registry.paper,
            changes,
            add_commitments=_items(add_commitments, "add_commitments"),
            add_recipients=_items(add_recipients, "add_recipients"),
            clear=_items(clear, "clear"),
        )
        self.registry = dataclasses.replace(self.registry, paper=paper)
        return paper

    def add_all(
        self,
        candidates: Iterable[Candidate],
        *,
        on_duplicate: OnDuplicate = "error",
        force: bool = False,
        problems: Iterable[RowProblem] = (),
        progress: Progress | None = None,
        unit: RowUnit = "line",
        keep_clear: bool = False,
    ) -> ImportPlan:
        """Add many signatories, all or none: the plan says what was added and skipped, and
        when any row is refused (`problems` are those found before) nothing is added, unless
        `keep_clear`: then every clear row is added, and the refused ones are left to hand
        back. `unit` is what the candidates' numbers count, for messages ("row" in a
        workbook)."""
        from endorse.imports.planning import plan_import
        from endorse.registry.values import check_extra

        self._check_open()
        plan = plan_import(
            self.registry,
            _candidates(candidates),
            on_duplicate=on_duplicate,
            force=force,
            problems=problems,
            progress=progress,
            unit=unit,
            keep_clear=keep_clear,
        )
        if plan.added and (keep_clear or not plan.problems):
            added = tuple(candidate.signatory for candidate in plan.added)
            store.check_writable_model(dataclasses.replace(self.registry, signatories=added))
            for signatory in added:
                check_extra(signatory.extra)
            self.registry = plan.registry
        return plan

    def _apply(self, edited: Edited) -> Signatory:
        self.registry = edited.registry
        return edited.signatory


def _candidates(items: Iterable[Candidate | Signatory]) -> list[Candidate]:
    """`add_all`'s items as candidates: a Signatory made by hand is one, numbered by its
    position; anything else is refused, naming what is expected."""
    from endorse.imports.planning import Candidate
    from endorse.registry.values import ValueProblem

    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise ValueProblem("candidates", f"add_all takes a list of candidates, not {items!r}")
    found: list[Candidate] = []
    for position, item in enumerate(items, 1):
        if isinstance(item, Signatory):
            _check_hand_made(item)
            item = Candidate(position, item, id_given=True, row=position - 1)
        if not isinstance(item, Candidate):
            raise ValueProblem(
                "candidates",
                f"add_all takes Candidate or Signatory items; item {position} is "
                f"{type(item).__name__}",
            )
        found.append(item)
    return found


def _check_hand_made(signatory: Signatory) -> None:
    """A signatory made by hand meets format 1 and the value rules `add` applies (what
    `validate` would otherwise report of the file written): the first problem is raised."""
    from endorse.registry.values import stored_value_problems

    paper = Paper("hand-made", "hand-made", 0)
    store.check_writable_model(Registry(paper, (signatory,)))
    problems = stored_value_problems(signatory)
    if problems:
        raise problems[0]


def _items(value: str | Recipient | Iterable[str | Recipient], argument: str) -> tuple[Any, ...]:
    """A sequence argument as a tuple, a lone string (or Recipient) as one item, never as
    its characters; anything but a list or a tuple of them (a number, None, bytes, a
    mapping, a set) is refused, naming `argument`."""
    if isinstance(value, str | Recipient):
        return (value,)
    if not isinstance(value, list | tuple):
        from endorse.registry.values import wrong_type

        raise wrong_type(argument, value, "text, or a list of texts")
    return tuple(value)


@contextmanager
def edit(
    path: PathLike | None = None,
    *,
    lock_timeout: float = store.DEFAULT_LOCK_TIMEOUT,
    dry_run: bool = False,
) -> Iterator[Draft]:
    """Edit the registry under its lock: the draft's registry is written once, atomically,
    when the block ends without an error, and only if it changed; nothing is written when
    the block raises. With `dry_run`, no lock is taken and nothing is written.

    Refused before the block runs when the file does not load, or holds comments a
    rewrite would drop (CommentsWouldBeLostError).
    """
    target = find(path).absolute()  # the file opened is the file written, after a chdir
    timeout = _seconds(lock_timeout)
    with nullcontext() if dry_run else store.locked(target, timeout):
        loaded = store.load_for_writing(target, dry_run=dry_run)
        store.refuse_comments(loaded)
        draft = Draft(loaded.registry)
        try:
            yield draft
            if not dry_run and draft.registry != loaded.registry:
                text = store.dumps(draft.registry)
                if text != loaded.text:
                    store.write_atomically(target, text)
        finally:
            draft.closed = True


def _seconds(value: object) -> float:
    """A lock timeout: a number of seconds, not negative (an int or a float, not text)."""
    from endorse.registry.values import ValueProblem

    if isinstance(value, int) and not isinstance(value, bool):
        value = float(min(value, 10**9))  # a timeout of 30 years waits as long as forever
    if not isinstance(value, float) or not 0 <= value < float("inf"):
        raise ValueProblem(
            "lock_timeout",
            f"lock_timeout must be a number of seconds, 0 or more, not "
            f"{type(value).__name__} {value!r}",
        )
    return float(value)


# The other commands' doors: creating a registry, its canonical form, choosing
# signatories, and importing a table.

DEFAULT_LOCK_TIMEOUT = store.DEFAULT_LOCK_TIMEOUT
ENV_VAR = store.ENV_VAR
DEFAULT_RELATIVE_PATH = store.DEFAULT_RELATIVE_PATH


def find_relative(path: PathLike | None = None) -> Path:
    """The registry file as `find` finds it, relative to the current folder when it was
    found by looking upward ("../data/registry.toml"), as git names files."""
    found = find(path)
    folder = store.current_folder()
    if path is None and not os.environ.get(ENV_VAR) and folder is not None:
        return Path(os.path.relpath(found, folder))
    return found


def init(
    path: PathLike,
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
) -> str:
    """Create a new registry at `path` holding only its paper, in canonical form, and return
    its text; RegistryExistsError when a file is there (it is never overwritten)."""
    from endorse.registry.values import paper_from_values

    paper = paper_from_values(
        title=title,
        network=network,
        members_declared=members_declared,
        presented_on=presented_on,
        presented_at=presented_at,
        presented_by=presented_by,
        source=source,
        summary=summary,
        framework=framework,
        commitments=commitments,
        addressed_to=addressed_to,
    )
    text = store.dumps(Registry(paper=paper))
    store.create_new(_given(path), text)
    return text


@dataclasses.dataclass(frozen=True)
class FormatCheck:
    """Whether a registry file is in canonical form, and whether it holds comments (which
    `fmt` drops only when asked)."""

    canonical: bool
    has_comments: bool


def check_format(path: PathLike | None = None) -> FormatCheck:
    """Whether the registry file (found as `find` finds it) is in canonical form; nothing is
    written."""
    target = find(path)
    raw = store.read_bytes(target)
    loaded = store.load_bytes(raw, target)
    return FormatCheck(store.is_canonical(raw, loaded.registry), store.has_comments(loaded.text))


def fmt(
    path: PathLike | None = None,
    *,
    drop_comments: bool = False,
    lock_timeout: float = store.DEFAULT_LOCK_TIMEOUT,
) -> store.Canonicalised:
    """Rewrite the registry file in canonical form under its lock, unless it already is;
    comments are refused (CommentsWouldBeLostError) unless `drop_comments`."""
    return store.canonicalise(
        find(path).absolute(), drop_comments=drop_comments, lock_timeout=_seconds(lock_timeout)
    )


def select(
    registry: Registry,
    *,
    member: bool | None = None,
    country: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    search: str | None = None,
    sort: str = "name",
) -> list[Signatory]:
    """The signatories `endorse list` shows: those the filters keep (None: no filter; a
    country as a code or a name; a search ignoring case and accents), sorted by `sort`
    ("name", "country" or "endorsed")."""
    from endorse.registry.query import SORT_KEYS, Filters
    from endorse.registry.query import select as chosen

    if sort not in SORT_KEYS:
        from endorse.registry.values import ValueProblem

        raise ValueProblem("sort", f"sort {sort!r} is not one of {', '.join(SORT_KEYS)}")
    filters = Filters(member=member, country=country, kind=kind, status=status, search=search)
    return chosen(registry.signatories, filters, sort)  # type: ignore[arg-type]


def show(registry: Registry, reference: str) -> Signatory:
    """The signatory an id, or a name that matches exactly one, means
    (UnknownSignatoryError, AmbiguousReferenceError otherwise)."""
    from endorse.registry.query import resolve

    return resolve(registry, reference)


def read_table(
    file: PathLike,
    file_format: FileFormat | None = None,
    *,
    delimiter: Delimiter | None = None,
    sheet: str | None = None,
    header_row: int | None = None,
) -> Table:
    """A csv, json or workbook file read as a table of rows by header (its format from its
    extension unless given), for `import_table`."""
    from endorse.imports.reading import read_table as read

    return read(
        Path(file),
        import_format(file, file_format),
        delimiter=delimiter,
        sheet=sheet,
        header_row=header_row,
    )


def import_format(file: PathLike, given: FileFormat | None = None) -> FileFormat:
    """The format an import file is read in: `given`, else its extension's."""
    from endorse.imports.reading import format_of

    return format_of(Path(file), given)


def import_table(
    table: Table,
    path: PathLike | None = None,
    *,
    reading: Reading | None = None,
    on_duplicate: OnDuplicate = "error",
    force: bool = False,
    keep_clear: bool = False,
    dry_run: bool = False,
    lock_timeout: float = store.DEFAULT_LOCK_TIMEOUT,
    progress: Progress | None = None,
    before_write: Callable[[ImportPlan], None] | None = None,
) -> ImportPlan:
    """Import a table's rows into the registry, as `endorse import` does: each row checked
    as `add` checks it, then against the registry and the rows above it, and the registry
    written once under its lock. With a problem row, ImportRefusedError and nothing
    written, unless `keep_clear`: then the clear rows go in and the plan's `problems` are
    the doubtful rows (`doubtful_rows` says why each). `before_write` is called with the
    plan before the registry is written (to hand the doubtful rows back first)."""
    from endorse.imports import planning as importing

    candidates, problems = importing.candidates_from_table(table, reading, progress)
    with edit(path, lock_timeout=lock_timeout, dry_run=dry_run) as draft:
        plan = draft.add_all(
            candidates,
            on_duplicate=on_duplicate,
            force=force,
            problems=problems,
            progress=progress,
            unit=table.source.unit,
            keep_clear=keep_clear,
        )
        if plan.problems and not keep_clear:
            raise importing.refusal(plan, table.source)
        if before_write is not None:
            before_write(plan)
    return plan


def doubtful_rows(plan: ImportPlan) -> dict[int, str]:
    """Why each refused row of an import is doubtful, by its position among the rows."""
    from endorse.imports.planning import doubtful_rows as why

    return why(plan)


def findings_summary(findings: Sequence[Finding]) -> FindingsSummary:
    """How many errors, warnings and info `findings` hold (what `validate` prints last)."""
    from endorse.checks import summarise as counted

    return counted(findings)


def write_output(path: PathLike, data: str | bytes) -> None:
    """Write a file a person named (a list, a report, a workbook): a regular file atomically,
    a pipe or a device in place; RegistryWriteError when it cannot be written."""
    store.write_output(Path(path), data)


def changed_keys(before: Signatory, after: Signatory) -> list[str]:
    """The keys whose values differ between two versions of a signatory."""
    from endorse.editing import changed_keys as keys

    return keys(before, after)


def chosen_id_note(registry: Registry, new: Signatory) -> str | None:
    """What to tell the user when `new`, added to `registry` without an id, did not get the
    slug of its name because a signatory of `registry` has it (None if it did)."""
    from endorse.editing import chosen_id_note as note

    return note(registry, new)

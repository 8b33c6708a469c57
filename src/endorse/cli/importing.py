"""`endorse import`: signatories in bulk from a csv, json or workbook file, all or nothing,
or the clear rows with the doubtful ones handed back (--doubtful).

The file is read and every row's values checked before the registry is
locked; then, under the lock, the rows are checked against the registry and
each other, and the registry is written once (`endorse.edit`), or not at all
when any row is refused. With --doubtful, the refused rows are written first, in the
input's format (`render.doubtful`), and the clear ones then go in.
"""

from __future__ import annotations

from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Final, Literal

import typer

from endorse import output
from endorse.api import DEFAULT_LOCK_TIMEOUT
from endorse.cli.base import app, registry_path, write_output_file
from endorse.cli.edit import LockTimeout
from endorse.registry.words import counted, plural
from endorse.render.safe import terminal_safe

if TYPE_CHECKING:
    from endorse import ImportPlan, Renamed, RowProblem, Source

PROGRESS_MIN_ROWS: Final = 2000


@app.command("import")
def import_file(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="A csv, json or Excel (.xlsx) file: the columns `endorse list` writes, "
            "or the file's own, mapped with --column.",
            exists=True,
            dir_okay=False,
            readable=True,
            show_default=False,
        ),
    ],
    file_format: Annotated[
        Literal["csv", "json", "xlsx"] | None,
        typer.Option(
            "--format",
            help="csv, json or xlsx. Default: from the file's extension.",
            show_default=False,
        ),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="The sheet of a workbook to read. Default: the first visible one.",
            show_default=False,
        ),
    ] = None,
    header_row: Annotated[
        int | None,
        typer.Option(
            min=1,
            metavar="N",
            help="The row (a csv file's line) the columns' names are on, for a title above "
            "them; the rows above it are left out. Default: a workbook's first row with a "
            "cell in it, a csv file's first line.",
            show_default=False,
        ),
    ] = None,
    columns: Annotated[
        list[str] | None,
        typer.Option(
            "--column",
            metavar="FIELD=HEADER",
            help="Read the field FIELD from the file's column HEADER "
            '(--column name="City or local government"). Repeatable. A key that is not a '
            "field keeps the column as a key of its own.",
            show_default=False,
        ),
    ] = None,
    ignored: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore-column",
            metavar="HEADER",
            help='Leave the column HEADER out (--ignore-column "Email Address"). Repeatable.',
            show_default=False,
        ),
    ] = None,
    constants: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            metavar="FIELD=VALUE",
            help="Give every row this value, which the file lacks (--set member=true). Repeatable.",
            show_default=False,
        ),
    ] = None,
    date_format: Annotated[
        str | None,
        typer.Option(
            metavar="FORMAT",
            help="How dates not written YYYY-MM-DD are written, as a strptime pattern "
            "(%d/%m/%Y for 15/01/2018). Never guessed.",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="Say what would be added, skipped or refused; write nothing."
        ),
    ] = False,
    on_duplicate: Annotated[
        Literal["error", "skip"],
        typer.Option(help="A row already in the registry: refuse the import, or skip the row."),
    ] = "error",
    delimiter: Annotated[
        Literal[",", ";", "tab"] | None,
        typer.Option(
            help="The csv delimiter. Default: the one the header line uses.", show_default=False
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Import rows whose name is close to an existing one.")
    ] = False,
    doubtful: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Import every clear row, and write the doubtful ones (near duplicates, "
            "unknown countries, unreadable dates: every row that would be refused) to FILE, "
            'in the input\'s format and columns with a "doubtful because" column, to '
            "correct and import again.",
            show_default=False,
        ),
    ] = None,
    overwrite_doubtful: Annotated[
        bool, typer.Option("--overwrite-doubtful", help="Replace the --doubtful FILE if it exists.")
    ] = False,
    lock_timeout: LockTimeout = DEFAULT_LOCK_TIMEOUT,
) -> None:
    """Add the signatories of a csv, json or Excel file; if any row is wrong, add none.

    With --doubtful FILE, add the clear rows and write the others to FILE, with why.

    Example: endorse import form.csv --column name="City" --ignore-column Timestamp --dry-run
    """
    from endorse import ColumnChoices, Reading, api

    path = registry_path(ctx)
    choices = ColumnChoices(
        mapped=_pairs(columns, "--column", "FIELD=HEADER"),
        ignored=tuple(ignored or ()),
        constants=_pairs(constants, "--set", "FIELD=VALUE"),
    )
    reading = Reading(choices, date_format)
    kind = api.import_format(file, file_format)
    if sheet is not None and kind != "xlsx":
        raise typer.BadParameter(f"{file} is {kind}, which has no sheets", param_hint="--sheet")
    if delimiter is not None and kind != "csv":
        raise typer.BadParameter(f"{file} is {kind}, not csv", param_hint="--delimiter")
    if header_row is not None and kind == "json":
        raise typer.BadParameter(
            f"{file} is json, whose records name their keys: it has no header row",
            param_hint="--header-row",
        )
    if doubtful is not None:
        _check_doubtful_path(
            doubtful, file, path, kind, overwrite=overwrite_doubtful, dry_run=dry_run
        )
    table = api.read_table(file, kind, delimiter=delimiter, sheet=sheet, header_row=header_row)
    source, read = table.source, len(table.rows)

    def hand_back(plan: ImportPlan) -> None:
        """Write the doubtful rows before the registry, so that a failure loses none."""
        if doubtful is not None and not dry_run:
            from endorse.render.doubtful import doubtful_file

            write_output_file(doubtful, doubtful_file(table, api.doubtful_rows(plan)))

    watched = output.progress("checking rows", 2 * read) if read > PROGRESS_MIN_ROWS else None
    with watched or nullcontext(None) as advance:
        plan = api.import_table(
            table,
            path,
            reading=reading,
            on_duplicate=on_duplicate,
            force=force,
            keep_clear=doubtful is not None,
            dry_run=dry_run,
            lock_timeout=lock_timeout,
            progress=advance,
            before_write=hand_back,
        )
    if dry_run:
        output.write_data(_dry_run_lines(plan, source))
    summary = _summary(plan, source, path, dry_run=dry_run)
    if doubtful is not None:
        summary += _doubtful_summary(plan, doubtful, read, dry_run=dry_run)
    output.message(summary)


def _check_doubtful_path(
    doubtful: Path, file: Path, registry: Path, kind: str, *, overwrite: bool, dry_run: bool
) -> None:
    """Refuse, before anything is read or locked, a --doubtful FILE that is the input or the
    registry, a folder, a file of another format than the input's, or a file that exists
    (unless --overwrite-doubtful, or a dry run, which writes nothing)."""
    hint = "--doubtful"
    target = doubtful.resolve()
    if target in (file.resolve(), registry.resolve()):
        what = "the file imported" if target == file.resolve() else "the registry"
        raise typer.BadParameter(f"{doubtful} is {what}; give another file", param_hint=hint)
    if doubtful.is_dir():
        raise typer.BadParameter(f"{doubtful} is a folder; give a file name", param_hint=hint)
    if not doubtful.parent.is_dir():
        raise typer.BadParameter(
            f"{doubtful}: the folder {doubtful.parent} does not exist; create it first",
            param_hint=hint,
        )
    suffix = doubtful.suffix.lower()
    if suffix in (".csv", ".json", ".xlsx") and suffix != f".{kind}":
        raise typer.BadParameter(
            f"{doubtful} is named for {suffix[1:]}, but the doubtful rows are written as the "
            f"input is, {kind}; name it .{kind}",
            param_hint=hint,
        )
    if doubtful.exists() and not overwrite and not dry_run:
        raise typer.BadParameter(
            f"{doubtful} exists; give another name, or --overwrite-doubtful to replace it",
            param_hint=hint,
        )


def _doubtful_summary(plan: ImportPlan, doubtful: Path, read: int, *, dry_run: bool) -> str:
    """How many rows went where: imported + skipped + doubtful = the rows read."""
    from endorse.api import doubtful_rows

    count = len(doubtful_rows(plan))
    if not count:
        where = f"no doubtful row{'' if dry_run else f' ({doubtful} holds only its header)'}"
    else:
        verb = "would write" if dry_run else "wrote"
        kinds = Counter(_doubt(problem) for problem in plan.problems)
        said = ", ".join(f"{n} {what}" for what, n in kinds.most_common())
        where = f"{verb} {counted(count, 'doubtful row')} to {doubtful} ({said})"
    return (
        f"; {where}. Of {counted(read, 'row')} read: {len(plan.added)} imported, "
        f"{len(plan.skipped)} skipped as already there, {count} doubtful"
    )


def _doubt(problem: RowProblem) -> str:
    if problem.kind == "near":
        return "near a signatory"
    if problem.kind in ("repeated", "in-registry"):
        return "already there"
    if problem.kind == "date":
        return "date unread"
    if problem.kind == "id":
        return "id taken"
    return f"with {problem.column or 'a value'} to correct"


def _pairs(given: list[str] | None, option: str, shape: str) -> dict[str, str]:
    """KEY=VALUE options as a mapping; the key trimmed, the value as given."""
    pairs: dict[str, str] = {}
    for item in given or ():
        key, equals, value = item.partition("=")
        if not equals or not key.strip():
            raise typer.BadParameter(f"{item!r} is not {shape}", param_hint=option)
        if key.strip() in pairs:
            raise typer.BadParameter(f"{key.strip()} is given twice", param_hint=option)
        pairs[key.strip()] = value
    return pairs


def _dry_run_lines(plan: ImportPlan, source: Source) -> str:
    added = [
        (
            c.line,
            f'add "{c.signatory.id}" ({c.signatory.name}, {c.signatory.country}, '
            f"{'member' if c.signatory.member else 'non-member'})",
        )
        for c in plan.added
    ]
    renamed = {r.line: r for r in plan.renamed}
    added = [
        (line, what + _renamed(renamed[line], source.unit) if line in renamed else what)
        for line, what in added
    ]
    skipped = [
        (
            s.line,
            f'skip "{s.signatory.name}" ({s.signatory.country}): '
            + (
                f"repeats {source.unit} {s.repeats}"
                if s.repeats is not None
                else f'already in the registry as "{s.existing.id}"'
            )
            + (
                f", but its {', '.join(s.differs)} {plural(len(s.differs), 'differs', 'differ')}"
                if s.differs
                else ""
            ),
        )
        for s in plan.skipped
    ]
    return "".join(f"{source.at(line)}: {what}\n" for line, what in sorted(added + skipped))


def _renamed(renamed: Renamed, unit: str) -> str:
    taken = renamed.taken
    where = "" if renamed.taken_line is None else f", {unit} {renamed.taken_line}"
    return f'; the id "{taken.id}" is taken by "{taken.name}" ({taken.country}{where})'


def _lines(numbers: list[int], unit: str, shown: int = 10) -> str:
    """ "lines 4, 9 and 12" (or "rows", `unit` being "row"), the first `shown` of them."""
    listed = [str(n) for n in numbers[:shown]]
    if len(numbers) > shown:
        listed.append(f"{len(numbers) - shown} more")
    if len(listed) == 1:
        return f"{unit} {listed[0]}"
    return f"{unit}s {', '.join(listed[:-1])} and {listed[-1]}"


def _summary(plan: ImportPlan, source: Source, path: Path, *, dry_run: bool) -> str:
    file = source.path
    members = plan.members_added
    others = len(plan.added) - members
    verb = "would import" if dry_run else "imported"
    sheet = "" if source.sheet is None else f' (sheet "{terminal_safe(source.sheet)}")'
    parts = [f"{verb} {_signatories(len(plan.added))} from {file}{sheet} into {path}"]
    if plan.added:
        parts[0] += f" ({counted(members, 'member')}, {counted(others, 'non-member')})"
    if plan.renamed:
        renamed = [r.line for r in plan.renamed]
        ids = ", ".join(f'"{r.signatory.id}"' for r in plan.renamed[:3])
        more = ", …" if len(plan.renamed) > 3 else ""
        parts.append(
            f"{counted(len(renamed), 'row')} ({_lines(renamed, source.unit)}) got an id of "
            f"{_its(renamed)} "
            f"own ({ids}{more}), the slug of {_its(renamed, 'its', 'their')} name being "
            "taken in another country or subdivision"
        )
    in_registry = [s.line for s in plan.skipped if s.repeats is None]
    repeats = [s.line for s in plan.skipped if s.repeats is not None]
    verb = "would skip" if dry_run else "skipped"
    if in_registry:
        parts.append(
            f"{verb} {counted(len(in_registry), 'row')} already in the registry "
            f"({_lines(in_registry, source.unit)})"
        )
    if repeats:
        parts.append(
            f"{verb} {counted(len(repeats), 'row')} repeating an earlier row of the file "
            f"({_lines(repeats, source.unit)})"
        )
    differing = [s.line for s in plan.skipped if s.differs]
    if differing:
        parts.append(
            f"{counted(len(differing), 'skipped row')} ({_lines(differing, source.unit)}) "
            f"{plural(len(differing), 'holds', 'hold')} other values than the signatory "
            "kept, which are not imported (--dry-run lists them)"
        )
    total = len(plan.registry.signatories)
    if dry_run:
        parts.append("dry run: nothing was written")
    else:
        parts.append(f"{_signatories(total)} now")
    return "; ".join(parts)


def _its(numbers: list[int], one: str = "its", many: str = "their") -> str:
    return plural(len(numbers), one, many)


def _signatories(number: int) -> str:
    return counted(number, "signatory", "signatories")

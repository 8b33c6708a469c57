"""`endorse import`: signatories in bulk from a csv or json file, all or nothing.

The file is read and every row's values checked before the registry is
locked; then, under the lock, the rows are checked against the registry and
each other, and the registry is written once (`endorse.edit`), or not at all
when any row is refused.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Final, Literal

import typer

from endorse import output
from endorse.cli.base import app, registry_path
from endorse.cli.edit import LockTimeout
from endorse.store import DEFAULT_LOCK_TIMEOUT

if TYPE_CHECKING:
    from endorse.importing import ImportPlan, Renamed

PROGRESS_MIN_ROWS: Final = 2000


@app.command("import")
def import_file(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="A csv or json file with the columns `endorse list --format csv|json` writes.",
            exists=True,
            dir_okay=False,
            readable=True,
            show_default=False,
        ),
    ],
    file_format: Annotated[
        Literal["csv", "json"] | None,
        typer.Option(
            "--format", help="csv or json. Default: from the file's extension.", show_default=False
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
    lock_timeout: LockTimeout = DEFAULT_LOCK_TIMEOUT,
) -> None:
    """Add the signatories of a csv or json file; if any row is wrong, add none.

    Example: endorse import new-signatories.csv --dry-run
    """
    from endorse import api, import_files, importing

    path = registry_path(ctx)
    kind = import_files.format_of(file, file_format)
    text = import_files.decode(_read(file), file)
    rows = import_files.read_rows(text, file, kind, delimiter)
    watched = (
        output.progress("checking rows", 2 * len(rows)) if len(rows) > PROGRESS_MIN_ROWS else None
    )
    with watched or nullcontext(None) as advance:
        candidates, problems = importing.candidates_from_rows(rows, kind, advance)
        with api.edit(path, lock_timeout=lock_timeout, dry_run=dry_run) as draft:
            plan = draft.add_all(
                candidates,
                on_duplicate=on_duplicate,
                force=force,
                problems=problems,
                progress=advance,
            )
            if plan.problems:
                raise importing.refusal(plan, file)
    if dry_run:
        output.write_data(_dry_run_lines(plan, file))
    output.message(_summary(plan, file, path, dry_run=dry_run))


def _read(file: Path) -> bytes:
    from endorse.import_files import ImportFileError

    try:
        return file.read_bytes()
    except OSError as error:
        raise ImportFileError(f"{file}: cannot read: {error.strerror}") from None


def _dry_run_lines(plan: ImportPlan, file: Path) -> str:
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
        (line, what + _renamed(renamed[line]) if line in renamed else what) for line, what in added
    ]
    skipped = [
        (
            s.line,
            f'skip "{s.signatory.name}" ({s.signatory.country}): '
            + (
                f"repeats line {s.repeats}"
                if s.repeats is not None
                else f'already in the registry as "{s.existing.id}"'
            ),
        )
        for s in plan.skipped
    ]
    return "".join(f"{file}:{line}: {what}\n" for line, what in sorted(added + skipped))


def _renamed(renamed: Renamed) -> str:
    taken = renamed.taken
    where = "" if renamed.taken_line is None else f", line {renamed.taken_line}"
    return f'; the id "{taken.id}" is taken by "{taken.name}" ({taken.country}{where})'


def _lines(numbers: list[int], shown: int = 10) -> str:
    """ "lines 4, 9 and 12", the first `shown` of them."""
    listed = [str(n) for n in numbers[:shown]]
    if len(numbers) > shown:
        listed.append(f"{len(numbers) - shown} more")
    if len(listed) == 1:
        return f"line {listed[0]}"
    return f"lines {', '.join(listed[:-1])} and {listed[-1]}"


def _summary(plan: ImportPlan, file: Path, path: Path, *, dry_run: bool) -> str:
    members = plan.members_added
    others = len(plan.added) - members
    verb = "would import" if dry_run else "imported"
    parts = [f"{verb} {_signatories(len(plan.added))} from {file} into {path}"]
    if plan.added:
        parts[0] += f" ({_count(members, 'member')}, {_count(others, 'non-member')})"
    if plan.renamed:
        renamed = [r.line for r in plan.renamed]
        ids = ", ".join(f'"{r.signatory.id}"' for r in plan.renamed[:3])
        more = ", …" if len(plan.renamed) > 3 else ""
        parts.append(
            f"{_count(len(renamed), 'row')} ({_lines(renamed)}) got an id of {_its(renamed)} "
            f"own ({ids}{more}), the slug of {_its(renamed, 'its', 'their')} name being "
            "taken in another country"
        )
    in_registry = [s.line for s in plan.skipped if s.repeats is None]
    repeats = [s.line for s in plan.skipped if s.repeats is not None]
    verb = "would skip" if dry_run else "skipped"
    if in_registry:
        parts.append(
            f"{verb} {_count(len(in_registry), 'row')} already in the registry "
            f"({_lines(in_registry)})"
        )
    if repeats:
        parts.append(
            f"{verb} {_count(len(repeats), 'row')} repeating an earlier row of the file "
            f"({_lines(repeats)})"
        )
    total = len(plan.registry.signatories)
    if dry_run:
        parts.append("dry run: nothing was written")
    else:
        parts.append(f"{_signatories(total)} now")
    return "; ".join(parts)


def _its(numbers: list[int], one: str = "its", many: str = "their") -> str:
    return one if len(numbers) == 1 else many


def _count(number: int, stem: str, one: str = "", many: str = "s") -> str:
    return f"{number} {stem}{one if number == 1 else many}"


def _signatories(number: int) -> str:
    return _count(number, "signator", "y", "ies")

"""Commands that change signatories: add, edit, withdraw, remove.

Each one checks its values first (`endorse.registry.values`, exit 2 for a bad one),
then runs one change inside `endorse.edit` (the Python API): under the
registry's lock, on the file as it is on disk, written back atomically. The
record as it now is goes to stdout; what happened goes to stderr.
"""

from __future__ import annotations

import math
import sys
from datetime import date
from typing import Annotated

import typer

from endorse import output
from endorse.api import DEFAULT_LOCK_TIMEOUT, changed_keys, chosen_id_note, show
from endorse.cli.base import SignatoryRef, app, registry_path
from endorse.registry.model import Kind, Registry, Signatory, Status
from endorse.registry.words import counted


def _finite(seconds: float) -> float:
    if not math.isfinite(seconds):
        raise typer.BadParameter(f"{seconds} is not a number of seconds; give one like 10")
    return seconds


LockTimeout = Annotated[
    float,
    typer.Option(
        "--lock-timeout",
        min=0,
        metavar="SECONDS",
        callback=_finite,
        help="How long to wait for another endorse writing this registry.",
    ),
]
Country = Annotated[
    str,
    typer.Option(
        help=(
            'ISO 3166-1 alpha-2 code ("US"); an alpha-3 code or a name in English, French or'
            ' Spanish ("Allemagne", "Estados Unidos") is converted.'
        ),
        show_default=False,
    ),
]


def print_record(signatory: Signatory) -> None:
    """A signatory, every field, as `endorse show` prints it (data: stdout)."""
    from endorse.render import table

    if output.stdout_is_rich():
        output.print_rich(table.rich_card(signatory))
    else:
        output.write_data(table.plain_card(signatory))


def _count(registry: Registry) -> str:
    return counted(len(registry.signatories), "signatory", "signatories")


@app.command()
def add(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            help="The name, or the government's name as written (\"Comune di Massa "
            'Marittima", "City of Oakland, CA"): stored as the place, the original in '
            "as_written."
        ),
    ],
    country: Country,
    member: Annotated[
        bool, typer.Option("--member/--nonmember", help="A member of the network?")
    ] = False,
    kind: Annotated[
        Kind | None,
        typer.Option(
            help="What kind of government [default: the one the name's words tell "
            '("County of", "Province"), else city]',
            show_default=False,
        ),
    ] = None,
    subdivision: Annotated[
        str | None,
        typer.Option(help='ISO 3166-2 code ("US-PA"; "PA" or a name is converted).'),
    ] = None,
    endorsed_on: Annotated[
        str | None, typer.Option(help="Date of the endorsement, YYYY-MM-DD.", metavar="DATE")
    ] = None,
    source: Annotated[
        str | None, typer.Option(help="Evidence: a document, a URL, a letter reference.")
    ] = None,
    note: Annotated[str | None, typer.Option(help="Free text.")] = None,
    as_written: Annotated[
        str | None, typer.Option(help="The spelling in the source, if different.")
    ] = None,
    signatory_id: Annotated[
        str | None, typer.Option("--id", help="The id. Default: a slug of the name.")
    ] = None,
    status: Annotated[Status, typer.Option(help="Status of the endorsement.")] = "confirmed",
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check and show the record; write nothing.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Add even when the name is close to an existing one.")
    ] = False,
    lock_timeout: LockTimeout = DEFAULT_LOCK_TIMEOUT,
) -> None:
    """Add one signatory, after checking its values and that it is not already there.

    Example: endorse add "Pittsburgh" --country US --subdivision US-PA --kind city
    """
    from endorse import api

    path = registry_path(ctx)
    with api.edit(path, lock_timeout=lock_timeout, dry_run=dry_run) as draft:
        before = draft.registry
        new = draft.add(
            name=name,
            country=country,
            kind=kind,
            member=member,
            status=status,
            id=signatory_id,
            as_written=as_written,
            subdivision=subdivision,
            endorsed_on=endorsed_on,
            source=source,
            note=note,
            force=force,
        )
    after = draft.registry
    chosen = None if signatory_id is not None else chosen_id_note(before, new)
    if chosen is not None:
        output.message(chosen)
    if dry_run:
        output.message(f'dry run: would add "{new.id}" to {path}; nothing was written')
    else:
        output.message(f'added "{new.id}" to {path} ({_count(after)})')
    print_record(new)


@app.command()
def edit(
    ctx: typer.Context,
    signatory: SignatoryRef,
    name: Annotated[str | None, typer.Option(help="New name.", show_default=False)] = None,
    country: Annotated[
        str | None,
        typer.Option(
            help="New country: an ISO 3166-1 code, or its name in English, French or Spanish.",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[Kind | None, typer.Option(help="New kind.", show_default=False)] = None,
    subdivision: Annotated[
        str | None, typer.Option(help="New ISO 3166-2 subdivision.", show_default=False)
    ] = None,
    member: Annotated[
        bool | None,
        typer.Option(
            "--member/--nonmember", help="Member of the network or not.", show_default=False
        ),
    ] = None,
    endorsed_on: Annotated[
        str | None, typer.Option(help="New date, YYYY-MM-DD.", metavar="DATE", show_default=False)
    ] = None,
    source: Annotated[str | None, typer.Option(help="New source.", show_default=False)] = None,
    note: Annotated[str | None, typer.Option(help="New note.", show_default=False)] = None,
    as_written: Annotated[
        str | None, typer.Option(help="New spelling in the source.", show_default=False)
    ] = None,
    status: Annotated[Status | None, typer.Option(help="New status.", show_default=False)] = None,
    clear: Annotated[
        list[str] | None,
        typer.Option(
            help="Empty an optional key: as_written, subdivision, endorsed_on, source or note "
            "(repeatable).",
            metavar="KEY",
            show_default=False,
        ),
    ] = None,
    lock_timeout: LockTimeout = DEFAULT_LOCK_TIMEOUT,
) -> None:
    """Change the given keys of one signatory; every other key, unknown ones too, stays.

    Example: endorse edit pittsburgh --endorsed-on 2017-12-04 --clear note
    """
    from endorse import api

    given: dict[str, str | bool | date | None] = {
        "name": name,
        "country": country,
        "kind": kind,
        "subdivision": subdivision,
        "member": member,
        "endorsed_on": endorsed_on,
        "source": source,
        "note": note,
        "as_written": as_written,
        "status": status,
    }
    changes = {key: value for key, value in given.items() if value is not None}
    if not changes and not clear:
        raise typer.BadParameter("give at least one key to change, or --clear KEY")
    path = registry_path(ctx)
    with api.edit(path, lock_timeout=lock_timeout) as draft:
        before = show(draft.registry, signatory)
        after = draft.edit(before.id, clear=clear or (), **changes)
    changed = changed_keys(before, after)
    if changed:
        output.message(f'changed {", ".join(changed)} of "{after.id}" in {path}')
    else:
        output.message(f'"{after.id}" already had these values; nothing was changed')
    print_record(after)


@app.command()
def withdraw(
    ctx: typer.Context,
    signatory: SignatoryRef,
    note: Annotated[
        str | None,
        typer.Option(help="Why, when: added after the signatory's note.", show_default=False),
    ] = None,
    lock_timeout: LockTimeout = DEFAULT_LOCK_TIMEOUT,
) -> None:
    """Mark a signatory's endorsement withdrawn; the record stays in the registry.

    Example: endorse withdraw richmond --note "Letter of 2018-03-01 withdraws the endorsement"
    """
    from endorse import api

    path = registry_path(ctx)
    with api.edit(path, lock_timeout=lock_timeout) as draft:
        before = show(draft.registry, signatory)
        after = draft.withdraw(before.id, note=note)
    if before.status != "withdrawn":
        output.message(f'withdrew "{after.id}" in {path}; the record stays')
    elif changed_keys(before, after):
        output.message(f'"{after.id}" was already withdrawn; the note given was added to its note')
    else:
        held = " (its note already says that)" if note and note.strip() else ""
        output.message(f'"{after.id}" was already withdrawn; nothing was changed{held}')
    print_record(after)


def stdin_is_terminal() -> bool:
    """Whether a person can answer a question (tests replace this to play one)."""
    return sys.stdin.isatty()


@app.command()
def remove(
    ctx: typer.Context,
    signatory: SignatoryRef,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Do not ask; needed when not at a terminal.")
    ] = False,
    lock_timeout: LockTimeout = DEFAULT_LOCK_TIMEOUT,
) -> None:
    """Delete a signatory from the registry (to keep the record, use withdraw).

    Example: endorse remove montgomery-county --yes
    """
    from endorse import api
    from endorse.render.safe import terminal_safe

    if not yes and not stdin_is_terminal():
        output.error("remove deletes a record: add --yes to confirm; nothing was removed")
        raise typer.Exit(2)
    path = registry_path(ctx)
    with api.edit(path, dry_run=True) as looked:
        chosen = show(looked.registry, signatory)
    if not yes:
        print_record(chosen)
        question = f'Remove "{chosen.id}" ({chosen.name}) from {path}?'
        if not typer.confirm(terminal_safe(question), default=False, err=True):
            output.message("nothing was removed")
            raise typer.Exit(1)
    with api.edit(path, lock_timeout=lock_timeout) as draft:
        removed = draft.remove(chosen.id)
    output.message(f'removed "{chosen.id}" from {path} ({_count(draft.registry)} left)')
    if yes:
        print_record(removed)

"""Commands that change signatories: add, edit, withdraw, remove.

Each one checks its values first (`endorse.values`, exit 2 for a bad one),
then runs one change from `endorse.editing` inside `store.modify`: under the
registry's lock, on the file as it is on disk, written back atomically. The
record as it now is goes to stdout; what happened goes to stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from endorse import output
from endorse.cli.base import SignatoryRef, app, registry_path
from endorse.model import Kind, Registry, Signatory, Status
from endorse.store import DEFAULT_LOCK_TIMEOUT

if TYPE_CHECKING:
    from endorse.editing import Edited

LockTimeout = Annotated[
    float,
    typer.Option(
        "--lock-timeout",
        min=0,
        metavar="SECONDS",
        help="How long to wait for another endorse writing this registry.",
    ),
]
Country = Annotated[
    str,
    typer.Option(
        help='ISO 3166-1 alpha-2 code ("US"); a country name or alpha-3 code is converted.',
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


def _modify(
    path: Path, edit: Callable[[Registry], Edited], lock_timeout: float
) -> tuple[Edited, Registry]:
    """Run one change of `endorse.editing` under `store.modify`: what it did, and the
    registry as written."""
    from endorse import store

    outcome: list[Edited] = []

    def change(registry: Registry) -> Registry:
        outcome.append(edit(registry))
        return outcome[-1].registry

    _, after = store.modify(path, change, lock_timeout=lock_timeout)
    return outcome[-1], after


def _count(registry: Registry) -> str:
    total = len(registry.signatories)
    return f"{total} signator{'y' if total == 1 else 'ies'}"


@app.command()
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The name as it should be printed.")],
    country: Country,
    member: Annotated[
        bool, typer.Option("--member/--nonmember", help="A member of the network?")
    ] = False,
    kind: Annotated[Kind, typer.Option(help="What kind of government.")] = "city",
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
    from endorse import editing, store, values

    new = values.signatory_from_values(
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
    )
    path = registry_path(ctx)
    _, after = store.modify(
        path,
        lambda registry: editing.add_signatory(registry, new, force=force).registry,
        lock_timeout=lock_timeout,
        dry_run=dry_run,
    )
    print_record(new)
    if dry_run:
        output.message(f'dry run: would add "{new.id}" to {path}; nothing was written')
    else:
        output.message(f'added "{new.id}" to {path} ({_count(after)})')


@app.command()
def edit(
    ctx: typer.Context,
    signatory: SignatoryRef,
    name: Annotated[str | None, typer.Option(help="New name.", show_default=False)] = None,
    country: Annotated[
        str | None, typer.Option(help="New country (ISO 3166-1 alpha-2).", show_default=False)
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
    from endorse import editing

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
    edited, _ = _modify(
        path,
        lambda registry: editing.edit_signatory(registry, signatory, changes, clear or ()),
        lock_timeout,
    )
    print_record(edited.signatory)
    if edited.changed_keys:
        keys = ", ".join(edited.changed_keys)
        output.message(f'changed {keys} of "{edited.signatory.id}" in {path}')
    else:
        output.message(f'"{edited.signatory.id}" already had these values; nothing was changed')


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
    from endorse import editing

    path = registry_path(ctx)
    edited, _ = _modify(
        path, lambda registry: editing.withdraw_signatory(registry, signatory, note), lock_timeout
    )
    print_record(edited.signatory)
    if edited.changed_keys:
        output.message(f'withdrew "{edited.signatory.id}" in {path}; the record stays')
    else:
        output.message(f'"{edited.signatory.id}" was already withdrawn; nothing was changed')


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
    from endorse import editing, query, store
    from endorse.render.safe import terminal_safe

    if not yes and not stdin_is_terminal():
        output.error("remove deletes a record: add --yes to confirm; nothing was removed")
        raise typer.Exit(2)
    path = registry_path(ctx)
    loaded = store.load(path)
    store.refuse_comments(loaded)
    chosen = query.resolve(loaded.registry, signatory)
    if not yes:
        print_record(chosen)
        question = f'Remove "{chosen.id}" ({chosen.name}) from {path}?'
        if not typer.confirm(terminal_safe(question), default=False, err=True):
            output.message("nothing was removed")
            raise typer.Exit(1)
    removed, after = _modify(
        path, lambda registry: editing.remove_signatory(registry, chosen.id), lock_timeout
    )
    if yes:
        print_record(removed.signatory)
    output.message(f'removed "{chosen.id}" from {path} ({_count(after)} left)')

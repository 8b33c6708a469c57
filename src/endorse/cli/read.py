"""Commands that read the registry: list and show (report is in `report.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

import typer

from endorse import output
from endorse.cli.base import SignatoryRef, app, registry_path
from endorse.model import Kind, Signatory, Status
from endorse.query import Filters, SortKey, resolve, select

ListFormat = Literal["table", "json", "csv", "markdown", "ids"]


@app.command("list")
def list_signatories(
    ctx: typer.Context,
    member: Annotated[
        bool | None,
        typer.Option(
            "--member/--nonmember",
            help="Only members of the network / only non-members. Default: both.",
            show_default=False,
        ),
    ] = None,
    country: Annotated[
        str | None,
        typer.Option(help="Only this country (ISO 3166-1 alpha-2, e.g. US).", show_default=False),
    ] = None,
    kind: Annotated[Kind | None, typer.Option(help="Only this kind.", show_default=False)] = None,
    status: Annotated[
        Status | None, typer.Option(help="Only this status.", show_default=False)
    ] = None,
    search: Annotated[
        str | None,
        typer.Option(
            help="Text in the name, spelling in the source or id; case and accents ignored.",
            show_default=False,
        ),
    ] = None,
    sort: Annotated[SortKey, typer.Option(help="Sort order.")] = "name",
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = "table",
) -> None:
    """List signatories, filtered and sorted.

    Example: endorse list --nonmember --format csv > supporters.csv
    """
    from endorse import api

    registry = api.load(registry_path(ctx))
    filters = Filters(member=member, country=country, kind=kind, status=status, search=search)
    chosen = select(registry.signatories, filters, sort)
    if not chosen:
        output.message("no signatory matches" if registry.signatories else "the registry is empty")
        if output_format in ("table", "ids"):
            return
    _print_list(chosen, output_format)


def _print_list(chosen: Sequence[Signatory], output_format: ListFormat) -> None:
    from endorse.render import records, table

    if output_format == "json":
        output.write_data(records.to_json(chosen))
    elif output_format == "csv":
        output.write_data(records.to_csv(chosen))
    elif output_format == "markdown":
        output.write_data(records.to_markdown(chosen))
    elif output_format == "ids":
        output.write_data(records.to_ids(chosen))
    elif output.stdout_is_rich():
        output.print_rich(table.rich_table(chosen))
    else:
        output.write_data(table.plain_table(chosen))


@app.command()
def show(
    ctx: typer.Context,
    signatory: SignatoryRef,
) -> None:
    """Show every field of one signatory.

    Example: endorse show pittsburgh
    """
    from endorse import api
    from endorse.render import table

    found = resolve(api.load(registry_path(ctx)), signatory)
    if output.stdout_is_rich():
        output.print_rich(table.rich_card(found))
    else:
        output.write_data(table.plain_card(found))

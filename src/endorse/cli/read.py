"""Commands that read the registry: list and show (report is in `report.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Final, Literal

import typer

from endorse import SortKey, output
from endorse.api import select
from endorse.cli.base import (
    SignatoryRef,
    app,
    file_path,
    format_for_output,
    refuse_output_over,
    registry_path,
    write_output_file,
)
from endorse.registry.model import Kind, Signatory, Status
from endorse.registry.words import counted

ListFormat = Literal["table", "json", "csv", "tsv", "markdown", "ids", "xlsx"]
LIST_EXTENSIONS: Final[dict[str, ListFormat]] = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".xlsx": "xlsx",
}


# Spreadsheets `list` does not write: workbooks with macros (which `import` reads), binary
# and template workbooks, other programs' spreadsheets; a table of text in one would lie.
_OTHER_SPREADSHEETS: Final = (".xlsm", ".xltm", ".xltx", ".xls", ".xlsb", ".ods", ".numbers")


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
        typer.Option(
            help="Only this country: a code (US, USA) or a name, as add takes it.",
            show_default=False,
        ),
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
    chosen_format: Annotated[
        ListFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format. Default: the one --output's extension names "
            "(.csv, .tsv, .json, .md, .xlsx), else table.",
            show_default=False,
        ),
    ] = None,
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            parser=file_path("list.csv"),
            metavar="FILE",
            help="Write the list to this file (atomically) instead of stdout; "
            "xlsx needs it on a terminal.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """List signatories, filtered and sorted.

    Example: endorse list --nonmember --format csv --output supporters.csv
    """
    from endorse import api

    path = registry_path(ctx)
    output_format = format_for_output(chosen_format, output_file, LIST_EXTENSIONS, "table")
    _check_destination(output_format, output_file, path)
    registry = api.load(path)
    chosen = select(
        registry,
        member=member,
        country=country,
        kind=kind,
        status=status,
        search=search,
        sort=sort,
    )
    if not chosen:
        output.message("no signatory matches" if registry.signatories else "the registry is empty")
        if output_format in ("table", "ids") and output_file is None:
            return
    if output_file is not None:
        write_output_file(output_file, _list_data(chosen, output_format))
        count = len(chosen)
        output.message(
            f"wrote {counted(count, 'signatory', 'signatories')} ({output_format}) to {output_file}"
        )
    elif output_format == "table" and _rich_table_fits(chosen):
        from endorse.render import table

        output.print_rich(table.rich_table(chosen))
    else:
        data = _list_data(chosen, output_format)
        if isinstance(data, bytes):
            output.write_bytes(data)
        else:
            output.write_data(data)


def _rich_table_fits(chosen: Sequence[Signatory]) -> bool:
    if not output.stdout_is_rich():
        return False
    from endorse.render import table

    return table.rich_table_fits(chosen, output.terminal_width())


def _check_destination(output_format: ListFormat, output_file: Path | None, path: Path) -> None:
    """--output must not name the registry; a workbook is never sent to a terminal."""
    if output_file is not None:
        refuse_output_over(output_file, path)
    if output_file is not None and output_file.suffix.lower() in _OTHER_SPREADSHEETS:
        raise typer.BadParameter(
            f"{output_file} names a kind of spreadsheet endorse does not write (a workbook "
            "with macros, an old or binary Excel file, a template, another program's); name "
            "it .xlsx (a workbook) or .csv",
            param_hint="--output",
        )
    if output_format == "xlsx" and (
        output.names_a_terminal(output_file) if output_file else output.stdout_is_terminal()
    ):
        terminal = f"--output {output_file}" if output_file else "stdout"
        raise typer.BadParameter(
            f"xlsx is a binary workbook, and {terminal} is a terminal; give --output FILE "
            "(or redirect stdout to a file)",
            param_hint="--format",
        )


def _list_data(chosen: Sequence[Signatory], output_format: ListFormat) -> str | bytes:
    """The list in one format: a workbook's bytes for "xlsx", else text."""
    if output_format == "xlsx":
        from endorse.render import workbook

        return workbook.to_xlsx(chosen)
    return _list_text(chosen, output_format)


def _list_text(chosen: Sequence[Signatory], output_format: ListFormat) -> str:
    """The list as text in one format (the plain table for "table")."""
    from endorse.render import records, table

    if output_format == "json":
        return records.to_json(chosen)
    if output_format == "csv":
        return records.to_csv(chosen)
    if output_format == "tsv":
        return records.to_csv(chosen, delimiter="\t")
    if output_format == "markdown":
        return records.to_markdown(chosen)
    if output_format == "ids":
        return records.to_ids(chosen)
    return table.plain_table(chosen)


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

    found = api.show(api.load(registry_path(ctx)), signatory)
    if output.stdout_is_rich():
        output.print_rich(table.rich_card(found))
    else:
        output.write_data(table.plain_card(found))

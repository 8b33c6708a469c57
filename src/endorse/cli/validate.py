"""`endorse validate`: check the whole registry before it is published."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from endorse import output
from endorse.cli.base import app, registry_path

ValidateFormat = Literal["text", "json"]


@app.command()
def validate(
    ctx: typer.Context,
    output_format: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="Output format.")
    ] = "text",
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) on warnings too, not only on errors.")
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Also say what was not checked (I205), and why."),
    ] = False,
) -> None:
    """Check the whole registry: format, countries, places, duplicates, members, sources.

    Reports every problem in one run. Exit 1 when there is an error, or a
    warning under --strict; else 0. docs/validation.md explains each code.

    Example: endorse validate --strict
    """
    from endorse import api
    from endorse.render import findings as render

    path = registry_path(ctx)
    findings = api.validate(path, verbose=verbose)
    if output_format == "json":
        output.write_data(render.to_json(findings))
    else:
        output.write_data_chunks(render.text_chunks(findings, _shown(path)))
    summary = api.findings_summary(findings)
    if summary.errors or (strict and summary.warnings):
        raise typer.Exit(1)


def _shown(path: Path) -> str:
    """The path relative to the current folder when it is below it, as linters print it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)

"""`endorse diff` and `endorse log`: what changed in the registry, and when, from git."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from endorse import output
from endorse.cli.base import app, registry_path

DiffFormat = Literal["text", "markdown", "json"]
LogFormat = Literal["text", "json"]


@app.command()
def diff(
    ctx: typer.Context,
    old: Annotated[
        str | None,
        typer.Argument(
            metavar="[OLD]",
            help="A git revision of the registry (HEAD~1, a tag, a commit, :/message), git's "
            "REVISION:PATH, or a registry file. Default: the last commit (HEAD).",
            show_default=False,
        ),
    ] = None,
    new: Annotated[
        str | None,
        typer.Argument(
            metavar="[NEW]",
            help="A revision or a file, as OLD. Default: the registry file as it is now.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="Output format.")
    ] = "text",
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code", help="Exit 1 when there are differences, 0 when there are none."
        ),
    ] = False,
) -> None:
    """Show what changed between two versions of the registry, signatory by signatory.

    Example: endorse diff v2017-12-04 --format markdown
    """
    from endorse import api
    from endorse.render import changes as render

    for spec in (old, new):
        if spec is not None and not spec.strip():
            raise typer.BadParameter("an empty version; give a revision or a file")
    path = _history_path(ctx) if api.needs_registry(old) or api.needs_registry(new) else None
    before = api.version(old or "HEAD", path, revision=old is None)
    after = api.version(new, path)
    found = api.diff(before.registry, after.registry)
    writer = {
        "text": render.diff_text,
        "markdown": render.diff_markdown,
        "json": render.diff_json,
    }[output_format]
    output.write_data(writer(found, before.label, after.label))
    if exit_code and found:
        raise typer.Exit(1)


def _history_path(ctx: typer.Context) -> Path:
    """The registry whose history is read: found as every command finds it, or, when the
    path given names no file (it was deleted), that path: its history is in git."""
    from endorse import RegistryNotFoundError

    try:
        return registry_path(ctx)
    except RegistryNotFoundError as error:
        if error.path is None or error.path.exists() or not error.path.parent.is_dir():
            raise
        return error.path


@app.command()
def log(
    ctx: typer.Context,
    since: Annotated[
        str | None,
        typer.Option(
            metavar="DATE|REV",
            help="Only commits from this date (YYYY-MM-DD) on, or after this revision.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[LogFormat, typer.Option("--format", "-f", help="Output format.")] = (
        "text"
    ),
) -> None:
    """List the commits that changed the registry, newest first, with what each changed.

    Example: endorse log --since 2017-12-04
    """
    from endorse import api
    from endorse.render import changes as render

    path = _history_path(ctx)
    entries = api.log(path, since)
    if output_format == "json":
        output.write_data(render.log_json(entries))
    else:
        output.write_data(render.log_text(entries, str(path), since))

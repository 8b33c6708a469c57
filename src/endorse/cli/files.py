"""Commands on the registry file as a whole: init, fmt."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from endorse import output
from endorse.api import DEFAULT_LOCK_TIMEOUT, DEFAULT_RELATIVE_PATH, ENV_VAR
from endorse.cli.base import GlobalOptions, app, each_registry, file_path, registry_paths
from endorse.cli.edit import LockTimeout
from endorse.cli.paper import (
    COMMITMENT_HELP,
    FRAMEWORK_HELP,
    RECIPIENT_HELP,
    SUMMARY_HELP,
)
from endorse.errors import EndorseError
from endorse.registry.words import counted


class NotCanonicalError(EndorseError):
    """`fmt --check` found a file that `fmt` would rewrite."""


@app.command()
def init(
    ctx: typer.Context,
    title: Annotated[str, typer.Option(help="What is endorsed.", show_default=False)],
    network: Annotated[str, typer.Option(help="Whose members back it.", show_default=False)],
    members_declared: Annotated[
        int,
        typer.Option(
            min=0, help="How many members the network says backed it.", show_default=False
        ),
    ],
    path: Annotated[
        Path | None,
        typer.Argument(
            parser=file_path("registry.toml"),
            metavar="PATH",
            help=f"Where to create it. Default: --registry, else ${ENV_VAR}, "
            f"else {DEFAULT_RELATIVE_PATH}.",
            show_default=False,
        ),
    ] = None,
    presented_on: Annotated[
        str | None, typer.Option(help="When it was presented, YYYY-MM-DD.", metavar="DATE")
    ] = None,
    presented_at: Annotated[str | None, typer.Option(help="Where it was presented.")] = None,
    presented_by: Annotated[str | None, typer.Option(help="Who presented it.")] = None,
    source: Annotated[str | None, typer.Option(help="Where these facts come from.")] = None,
    summary: Annotated[str | None, typer.Option(help=SUMMARY_HELP)] = None,
    framework: Annotated[str | None, typer.Option(help=FRAMEWORK_HELP)] = None,
    commitment: Annotated[list[str] | None, typer.Option(help=COMMITMENT_HELP)] = None,
    recipient: Annotated[list[str] | None, typer.Option(help=RECIPIENT_HELP)] = None,
) -> None:
    """Create a new, empty registry in canonical form; never overwrites a file.

    Example: endorse init registry.toml --title "Paper" --network Metropolis --members-declared 136
    """
    from endorse import api

    target = path or _default_new_path(ctx)
    text = api.init(
        target,
        title=title,
        network=network,
        members_declared=members_declared,
        presented_on=presented_on,
        presented_at=presented_at,
        presented_by=presented_by,
        source=source,
        summary=summary,
        framework=framework,
        commitments=commitment or (),
        addressed_to=recipient or (),
    )
    output.write_data(text)
    output.message(f"created {target}; add signatories with `endorse add NAME --country CC`")


def _default_new_path(ctx: typer.Context) -> Path:
    options = ctx.find_object(GlobalOptions)
    if options is not None and options.registry is not None:
        return options.registry
    from_env = os.environ.get(ENV_VAR)
    if not from_env:
        return DEFAULT_RELATIVE_PATH
    try:
        return file_path("registry.toml")(from_env)
    except typer.BadParameter as error:
        error.param_hint = ENV_VAR
        raise


@app.command()
def fmt(
    ctx: typer.Context,
    files: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[FILE]...",
            help="Registry files to rewrite, each on its own (as pre-commit passes them). "
            "Default: the registry (--registry, else found).",
            show_default=False,
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 if fmt would rewrite the file.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Rewrite even a file holding comments (they are lost).")
    ] = False,
    lock_timeout: LockTimeout = DEFAULT_LOCK_TIMEOUT,
) -> None:
    """Rewrite the registry in canonical form: signatories by id, keys in documented order.

    Example: endorse fmt --check
    """

    def formatted(path: Path) -> None:
        if check:
            _check_format(path)
        else:
            _rewrite(path, force, lock_timeout)

    _, failure = each_registry(registry_paths(ctx, files), formatted)
    if failure:
        raise typer.Exit(failure)


def _check_format(path: Path) -> None:
    from endorse import api

    found = api.check_format(path)
    if not found.canonical:
        raise NotCanonicalError(
            f"{path}: not in canonical form; run `endorse fmt` to rewrite it"
            + (
                " (it holds comments: `endorse fmt --force` drops them)"
                if found.has_comments
                else ""
            )
        )
    output.message(f"{path}: in canonical form")


def _rewrite(path: Path, force: bool, lock_timeout: float) -> None:
    from endorse import api

    done = api.fmt(path, drop_comments=force, lock_timeout=lock_timeout)
    if not done.rewritten:
        output.message(f"{path}: already in canonical form; nothing was changed")
    elif done.comments_dropped:
        count = done.comments_dropped
        output.message(f"{path}: rewritten in canonical form; {counted(count, 'comment')} dropped")
    else:
        output.message(f"{path}: rewritten in canonical form")

"""The Typer app, its global options, and the one place errors become exit codes.

Commands live in the sibling modules (one group of commands a file); each
parses its arguments, calls the pure modules, and prints through
`endorse.output`. An `EndorseError` raised anywhere below is printed to
stderr and exits 1; bad values are `typer.BadParameter`, exit 2.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from endorse import __version__, output
from endorse.errors import EndorseError


class EndorseGroup(TyperGroup):
    """Turns every EndorseError into a message on stderr and its exit code (1 unless it says)."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except EndorseError as error:
            output.error(str(error))
            raise typer.Exit(error.exit_code) from None

    def list_commands(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        """Commands in the order a secretariat meets them, not the order modules load."""
        registered = super().list_commands(ctx)
        known = [name for name in COMMAND_ORDER if name in registered]
        return known + [name for name in registered if name not in COMMAND_ORDER]


COMMAND_ORDER = (
    "init",
    "add",
    "edit",
    "withdraw",
    "remove",
    "import",
    "list",
    "show",
    "report",
    "validate",
    "fmt",
)


app = typer.Typer(
    cls=EndorseGroup,
    name="endorse",
    help="Keep the list of who endorsed a position paper: a TOML registry of signatories.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass(frozen=True)
class GlobalOptions:
    registry: Path | None


def _print_version(value: bool) -> None:
    if value:
        output.write_data(f"endorse {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    registry: Annotated[
        Path | None,
        typer.Option(
            "--registry",
            "-r",
            help="The registry file. Default: $ENDORSE_REGISTRY, else the nearest "
            "data/registry.toml from here upward.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Keep the list of who endorsed a position paper: a TOML registry of signatories."""
    ctx.obj = GlobalOptions(registry=registry)


def registry_path(ctx: typer.Context) -> Path:
    """The registry this run works on (see `endorse.store.find_registry`).

    One found by searching upward is named relative to the current folder
    ("data/registry.toml", "../data/registry.toml"), as git names files.
    """
    from endorse.store import ENV_VAR, find_registry

    options = ctx.find_object(GlobalOptions)
    explicit = options.registry if options else None
    cwd = Path.cwd()
    found = find_registry(explicit, os.environ, cwd)
    if explicit is None and not os.environ.get(ENV_VAR):
        return Path(os.path.relpath(found, cwd))
    return found

"""The Typer app, its global options, and the one place errors become exit codes.

Commands live in the sibling modules (one group of commands a file); each
parses its arguments, calls the pure modules, and prints through
`endorse.output`. An `EndorseError` raised anywhere below is printed to
stderr and exits 1; bad values are `typer.BadParameter`, exit 2.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, Final, TypeVar

import typer
import typer.main
from typer.core import TyperGroup
from typer.models import CommandInfo

from endorse import __version__, output
from endorse.errors import EndorseError


class EndorseGroup(TyperGroup):
    """Turns every EndorseError into a message on stderr and its exit code (1 unless it says).

    Built by `lazy_group`, it also imports a command's module and turns its
    function into a Click command only when that command is asked for:
    Typer would otherwise import every command module and read the signature
    of every command on every run, some 25 ms of a 50 ms start.
    """

    pending: dict[str, str]

    def get_command(self, ctx: typer.Context, cmd_name: str) -> Any:  # type: ignore[override]
        module = getattr(self, "pending", {}).pop(cmd_name, None)
        if module is not None:
            importlib.import_module(f"endorse.cli.{module}")
            info = next(i for i in app.registered_commands if _command_name(i) == cmd_name)
            self.add_command(_click_command(info), cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except EndorseError as error:
            from endorse.cli.advice import exit_code, explained

            output.error(explained(error))
            raise typer.Exit(exit_code(error)) from None

    def list_commands(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        """Commands in the order a secretariat meets them, not the order modules load."""
        registered = [*super().list_commands(ctx), *getattr(self, "pending", {})]
        known = [name for name in COMMAND_ORDER if name in registered]
        return known + [name for name in registered if name not in COMMAND_ORDER]


# Every command, in the order a secretariat meets them, with the module that defines it.
COMMAND_MODULES = {
    "init": "files",
    "paper": "paper",
    "add": "edit",
    "edit": "edit",
    "withdraw": "edit",
    "remove": "edit",
    "import": "importing",
    "list": "read",
    "show": "read",
    "report": "report",
    "site": "site",
    "validate": "validate",
    "diff": "history",
    "log": "history",
    "fmt": "files",
}
COMMAND_ORDER = tuple(COMMAND_MODULES)


app = typer.Typer(
    cls=EndorseGroup,
    name="endorse",
    help="Keep the list of who endorsed a position paper: a TOML registry of signatories.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


SignatoryRef = Annotated[
    str, typer.Argument(help="The id, or a name matching one signatory.", show_default=False)
]
"""An ID argument, shared by every command that acts on one signatory."""


def file_path(example: str) -> Callable[[str], Path]:
    """A parser for an option or argument that names a file to read or write.

    A path ending in a separator names a folder, but pathlib drops the
    separator: without this, `init out/` would create a file called "out".
    `example` is the file name the message suggests inside that folder.
    """

    def path(value: str) -> Path:  # its name is the type Typer's help shows
        if not value.strip():
            raise typer.BadParameter(f"the file name is empty; give one, such as {example}")
        if value.endswith(_SEPARATORS):
            raise typer.BadParameter(
                f"{value} ends with {value[-1]!r}, so it names a folder; "
                f"give a file name, such as {value}{example}"
            )
        return Path(value)

    return path


_SEPARATORS: Final = tuple(sep for sep in (os.sep, os.altsep) if sep)


F = TypeVar("F", bound=str)


class GlobalOptions:
    """What the options before the command said (a plain class: a dataclass costs 1 ms to make)."""

    __slots__ = ("registry",)

    def __init__(self, registry: Path | None) -> None:
        self.registry = registry


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
            parser=file_path("registry.toml"),
            metavar="PATH",
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
    """The registry this run works on (see `endorse.registry.store.find_registry`).

    One found by searching upward is named relative to the current folder
    ("data/registry.toml", "../data/registry.toml"), as git names files.
    """
    from endorse import api

    options = ctx.find_object(GlobalOptions)
    return api.find_relative(options.registry if options else None)


def registry_paths(ctx: typer.Context, files: list[str] | None) -> list[Path]:
    """The registries of a command that takes FILE arguments (pre-commit passes the files it
    matched): those given, else the one `registry_path` finds. FILEs and --registry both
    given are refused: which one was meant?"""
    if not files:
        return [registry_path(ctx)]
    options = ctx.find_object(GlobalOptions)
    if options is not None and options.registry is not None:
        raise typer.BadParameter(
            "give the registry either with --registry or as FILE arguments, not both",
            param_hint="FILE",
        )
    parse = file_path("registry.toml")
    try:
        return [parse(file) for file in files]
    except typer.BadParameter as error:
        error.param_hint = "FILE"
        raise


T = TypeVar("T")


def each_registry(
    paths: list[Path],
    action: Callable[[Path], T],
    then: Callable[[Path, T], None] | None = None,
) -> tuple[list[tuple[Path, T]], int]:
    """`action` on each registry, and `then` on its result as soon as it is there. With
    several, one that is refused (an EndorseError) is reported as every refusal is, and the
    others still go; the exit code of the refusals is returned with the results (0: none).
    """
    done: list[tuple[Path, T]] = []
    failure = 0
    for path in paths:
        try:
            result = action(path)
        except EndorseError as error:
            if len(paths) == 1:
                raise
            from endorse.cli.advice import exit_code, explained

            output.error(explained(error))
            failure = max(failure, exit_code(error))
            continue
        if then is not None:
            then(path, result)
        done.append((path, result))
    return done, failure


def lazy_group() -> EndorseGroup:
    """The app as a Click group whose commands load on first use (see EndorseGroup), with
    Typer's --install-completion and --show-completion: Typer's public `get_command` of the
    app with no command registered yet."""
    registered = app.registered_commands
    app.registered_commands = []
    try:
        group = typer.main.get_command(app)
    finally:
        app.registered_commands = registered
    assert isinstance(group, EndorseGroup)
    group.pending = dict(COMMAND_MODULES)
    return group


def _click_command(info: CommandInfo) -> Any:
    """One command as Click runs it, made by Typer's public `get_command` of an app that
    holds that command alone (which Typer turns into the command itself)."""
    alone = typer.Typer(
        add_completion=False,
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
    )
    alone.registered_commands = [info]
    return typer.main.get_command(alone)


def load_all_commands() -> None:
    """Import every command module, so that `app` holds every command (for tests and docs)."""
    for module in dict.fromkeys(COMMAND_MODULES.values()):
        importlib.import_module(f"endorse.cli.{module}")


def _command_name(info: CommandInfo) -> str:
    """The command's name: the one given, else its function's with "-" for "_", as Typer
    names it."""
    assert info.callback is not None
    return info.name or info.callback.__name__.lower().replace("_", "-")


class OutputWriteError(EndorseError):
    """A file asked for with --output could not be written."""


def refuse_output_over(output_file: Path, registry: Path) -> None:
    """--output must name a file, and not the registry itself (it would be replaced)."""
    if output_file.is_dir():
        raise typer.BadParameter(
            f"{output_file} is a folder; give a file name", param_hint="--output"
        )
    if output_file.resolve() == registry.resolve():
        raise OutputWriteError(
            f"--output {output_file} is the registry itself; it would be replaced. "
            "Give another file."
        )


def format_for_output(
    given: F | None, output_file: Path | None, by_extension: Mapping[str, F], default: F
) -> F:
    """The format to write: --format, else the one --output's extension names, else
    `default`. A --format that another of the command's formats' extensions contradicts
    (`--format xlsx --output list.csv`) is refused: one of the two is a slip."""
    named = by_extension.get(output_file.suffix.lower()) if output_file is not None else None
    if given is None:
        return named if named is not None else default
    if named is not None and named != given:
        assert output_file is not None
        raise typer.BadParameter(
            f"{given}, but --output {output_file} is named for {named}; give --format "
            f"{named}, or a file name for {given} (leave --format out and the file's "
            "extension chooses)",
            param_hint="--format",
        )
    return given


def write_output_file(path: Path, text: str | bytes) -> None:
    """Write what --output asked for (text, or a workbook's bytes): atomically over a regular
    file, in place into a pipe or a device (`endorse.registry.store.write_output`)."""
    from endorse import RegistryWriteError, api

    try:
        api.write_output(path, text)
    except RegistryWriteError as error:
        raise OutputWriteError(
            f"cannot write {path}: {error.reason}; check that its folder exists and is writable"
        ) from None

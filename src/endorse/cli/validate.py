"""`endorse validate`: check the whole registry before it is published."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from endorse import output
from endorse.cli.base import app, each_registry, registry_paths
from endorse.errors import EndorseError

if TYPE_CHECKING:
    from endorse import Finding

ValidateFormat = Literal["text", "json", "github", "sarif"]


class ChangedNeedsGitError(EndorseError):
    """`--changed` asked of a registry whose history git cannot give."""


@app.command()
def validate(
    ctx: typer.Context,
    files: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[FILE]...",
            help="Registry files to check, each on its own (as pre-commit passes them). "
            "Default: the registry (--registry, else found).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        ValidateFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output format: text, json, github (workflow commands: annotations on a "
            "pull request) or sarif (SARIF 2.1.0, for code scanning).",
        ),
    ] = "text",
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) on warnings too, not only on errors.")
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Also say what was not checked (I205), and why."),
    ] = False,
    changed: Annotated[
        str | None,
        typer.Option(
            "--changed",
            metavar="REV",
            help="Only the findings about what changed since the git revision REV: the "
            "signatories added or changed (their duplicates too), and new problems of the "
            "paper or the file.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check the whole registry: format, countries, places, duplicates, members, sources.

    Reports every problem in one run. Exit 1 when there is an error, or a
    warning under --strict; else 0. docs/validation.md explains each code.

    Example: endorse validate --strict
    """
    from endorse import api

    def checked(path: Path) -> list[Finding]:
        return _findings(path, verbose, changed)

    paths = registry_paths(ctx, files)
    if output_format == "text":
        done, failure = each_registry(paths, checked, lambda path, found: _text(path, found, paths))
    else:
        done, failure = each_registry(paths, checked)
        shown = [(_shown(path), found) for path, found in done]
        _write_whole(output_format, shown, several=len(paths) > 1)
    every = done[0][1] if len(done) == 1 else [f for _, found in done for f in found]
    summary = api.findings_summary(every)
    if summary.errors or (strict and summary.warnings):
        raise typer.Exit(1)
    if failure:
        raise typer.Exit(failure)


def _findings(path: Path, verbose: bool, changed: str | None) -> list[Finding]:
    """The findings of one registry; `--changed`'s revision refused as a usage mistake when it
    names no commit, and explained when git has no history to give."""
    from endorse import api

    if changed is None:
        return api.validate(path, verbose=verbose)
    from endorse import GitMissingError, NotARepositoryError, UnknownRevisionError

    try:
        return api.validate(path, verbose=verbose, changed_since=changed)
    except UnknownRevisionError as error:
        raise typer.BadParameter(
            f"{error} `endorse log` lists the commits that changed the registry.",
            param_hint="--changed",
        ) from None
    except (NotARepositoryError, GitMissingError) as error:
        raise ChangedNeedsGitError(
            f"{error} --changed needs the registry's history; leave it out to check the "
            "whole registry."
        ) from None


def _text(path: Path, findings: list[Finding], paths: Sequence[Path]) -> None:
    from endorse.render import findings as render

    named = len(paths) > 1
    output.write_data_chunks(render.text_chunks(findings, _shown(path), named=named))


def _write_whole(
    output_format: ValidateFormat, files: list[tuple[str, list[Finding]]], *, several: bool
) -> None:
    """json (one registry's document, or with several FILEs one of each file), github or
    sarif, written once every registry is checked."""
    from endorse import __version__
    from endorse.render import annotations
    from endorse.render import findings as render

    if output_format == "json":
        output.write_data(render.files_json(files) if several else render.to_json(files[0][1]))
    elif output_format == "github":
        output.write_data(annotations.github_commands(files))
    else:
        output.write_data(annotations.sarif_log(files, __version__))


def _shown(path: Path) -> str:
    """The path relative to the current folder when it is below it, as linters print it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)

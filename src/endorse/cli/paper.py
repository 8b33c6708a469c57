"""`endorse paper`: what the signatories endorsed, and to whom it went."""

from __future__ import annotations

from typing import Annotated, Final

import typer

from endorse import output
from endorse.api import DEFAULT_LOCK_TIMEOUT
from endorse.cli.base import app, registry_path
from endorse.cli.edit import LockTimeout

SUMMARY_HELP: Final = "What the paper aims at, in a sentence or two."
FRAMEWORK_HELP: Final = "The text or resolution the paper answers to."
COMMITMENT_HELP: Final = "One commitment of the paper, in its order (repeatable)."
RECIPIENT_HELP: Final = 'Someone it was sent to: "NAME, ROLE" (repeatable).'


@app.command()
def paper(
    ctx: typer.Context,
    summary: Annotated[str | None, typer.Option(help=SUMMARY_HELP, show_default=False)] = None,
    framework: Annotated[str | None, typer.Option(help=FRAMEWORK_HELP, show_default=False)] = None,
    add_commitment: Annotated[
        list[str] | None,
        typer.Option(help="Add a commitment after those there (repeatable).", show_default=False),
    ] = None,
    add_recipient: Annotated[
        list[str] | None,
        typer.Option(
            help='Add a recipient, "NAME, ROLE" (the role after the first comma; repeatable).',
            show_default=False,
        ),
    ] = None,
    title: Annotated[str | None, typer.Option(help="What is endorsed.", show_default=False)] = None,
    network: Annotated[
        str | None, typer.Option(help="Whose members back it.", show_default=False)
    ] = None,
    members_declared: Annotated[
        int | None,
        typer.Option(
            min=0, help="How many members the network says backed it.", show_default=False
        ),
    ] = None,
    presented_on: Annotated[
        str | None,
        typer.Option(help="When it was presented, YYYY-MM-DD.", metavar="DATE", show_default=False),
    ] = None,
    presented_at: Annotated[
        str | None, typer.Option(help="Where it was presented.", show_default=False)
    ] = None,
    presented_by: Annotated[
        str | None, typer.Option(help="Who presented it.", show_default=False)
    ] = None,
    source: Annotated[
        str | None, typer.Option(help="Where these facts come from.", show_default=False)
    ] = None,
    clear: Annotated[
        list[str] | None,
        typer.Option(
            help="Empty an optional key of the paper: summary, framework, commitments, "
            "addressed_to, presented_on, presented_at, presented_by or source (repeatable).",
            metavar="KEY",
            show_default=False,
        ),
    ] = None,
    lock_timeout: LockTimeout = DEFAULT_LOCK_TIMEOUT,
) -> None:
    """Show the paper, or change it: what was endorsed (summary, commitments, recipients,
    framework) and the facts of the paper. Without options, prints every key of the paper.

    Example: endorse paper --add-commitment "Measuring cities' progress on migration issues"
    """
    from endorse import api
    from endorse.render import report_words

    path = registry_path(ctx)
    given: dict[str, str | int | None] = {
        "summary": summary,
        "framework": framework,
        "title": title,
        "network": network,
        "members_declared": members_declared,
        "presented_on": presented_on,
        "presented_at": presented_at,
        "presented_by": presented_by,
        "source": source,
    }
    changes = {key: value for key, value in given.items() if value is not None}
    if not (changes or add_commitment or add_recipient or clear):
        output.write_data(report_words.paper_text(api.load(path).paper))
        return
    with api.edit(path, lock_timeout=lock_timeout) as draft:
        before = draft.registry.paper
        after = draft.edit_paper(
            add_commitments=add_commitment or (),
            add_recipients=add_recipient or (),
            clear=clear or (),
            **changes,
        )
    output.write_data(report_words.paper_text(after))
    if after == before:
        output.message("the paper already said so; nothing was changed")
    else:
        output.message(f"changed the paper in {path}")

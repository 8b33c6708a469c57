"""`endorse report`: the summary a board, a UN office or a web page gets."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Final, Literal

import typer

from endorse import output
from endorse.cli.base import (
    app,
    file_path,
    format_for_output,
    refuse_output_over,
    registry_path,
    write_output_file,
)

if TYPE_CHECKING:
    from endorse import Summary

ReportFormat = Literal["text", "markdown", "html", "json"]
REPORT_EXTENSIONS: Final[dict[str, ReportFormat]] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}
# The report's languages (endorse.render.i18n.LANGUAGES; a test holds the two equal). Spelt
# out here so that `endorse --help` does not import the renderers.
ReportLanguage = Literal["en", "fr", "es"]


@app.command()
def report(
    ctx: typer.Context,
    chosen_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format. Default: the one --output's extension names "
            "(.html, .md, .json), else text.",
            show_default=False,
        ),
    ] = None,
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            parser=file_path("report.html"),
            metavar="FILE",
            help="Write the report to this file (atomically) instead of stdout.",
            show_default=False,
        ),
    ] = None,
    language: Annotated[
        ReportLanguage | None,
        typer.Option(
            "--lang",
            envvar="ENDORSE_LANG",
            help="Language of the report: English, French or Spanish. Default: ENDORSE_LANG, "
            "else the language of LANGUAGE, LC_ALL, LC_MESSAGES or LANG (as gettext reads "
            "them) when it is one of these, "
            "else English.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Summarise the registry: the paper, totals, breakdowns, names, timeline, population.

    Example: endorse report --format html --lang fr --output rapport.html
    """
    from endorse import api
    from endorse.render.i18n import choose

    registry_file = registry_path(ctx)
    output_format = format_for_output(chosen_format, output_file, REPORT_EXTENSIONS, "text")
    if output_file is not None:
        refuse_output_over(output_file, registry_file)
    lang = choose(language)
    summary = api.summarise(api.load(registry_file))
    if output_file is not None:
        write_output_file(output_file, render(summary, output_format, lang))
        output.message(f"wrote {output_format} report to {output_file}")
    elif output_format == "text" and output.stdout_is_rich():
        from endorse.render.report_text import rich_report

        output.print_rich(rich_report(summary, lang))
    elif output_format == "json":
        from endorse.render.report_json import json_report_chunks

        output.write_data_chunks(json_report_chunks(summary, lang))
    else:
        output.write_data(render(summary, output_format, lang))


def render(summary: Summary, output_format: ReportFormat, language: ReportLanguage = "en") -> str:
    """The report as text in one format (the plain version for "text"), in `language`."""
    if output_format == "markdown":
        from endorse.render.report_markdown import markdown_report

        return markdown_report(summary, language)
    if output_format == "html":
        from endorse.render.report_html import html_report

        return html_report(summary, language)
    if output_format == "json":
        from endorse.render.report_json import json_report

        return json_report(summary, language)
    from endorse.render.report_text import plain_report

    return plain_report(summary, language)

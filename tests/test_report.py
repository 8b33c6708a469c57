"""endorse report: the four formats agree with each other and with the hand-counted registry."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import endorse
import report_fixtures as hand
from conftest import BUNDLED, InvokeResult
from endorse import Paper, Summary, summarise
from endorse.registry.values import unsafe_character
from endorse.render.report_html import html_report
from endorse.render.report_markdown import markdown_report
from endorse.render.report_text import plain_report
from endorse.render.safe import terminal_safe
from html_report import ReportPage
from registries import registry, signatory

Invoke = Callable[..., InvokeResult]


def report(invoke: Invoke, registry: Path, *options: str) -> str:
    result = invoke("--registry", registry, "report", *options)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def formats() -> dict[str, str]:
    """The hand-counted registry's report in every format, rendered once for the module."""
    from typer.testing import CliRunner

    from endorse.cli import app

    runner = CliRunner()
    pages = {}
    for name in ("text", "markdown", "html", "json"):
        args = ["--registry", str(hand.HAND_COUNTED), "report", "--format", name]
        result = runner.invoke(app, args, env={"NO_COLOR": "1"})
        assert result.exit_code == 0, result.stderr
        pages[name] = result.stdout
    return pages


# -- the same numbers in every format -----------------------------------------------------------


def test_json_totals_are_the_hand_counted_totals(formats: dict[str, str]) -> None:
    assert json.loads(formats["json"])["totals"] == hand.TOTALS


def test_json_breakdowns_are_the_hand_counted_breakdowns(formats: dict[str, str]) -> None:
    document = json.loads(formats["json"])
    regions = {
        g["key"]: (g["signatories"], g["members"], g["nonmembers"]) for g in document["by_region"]
    }
    countries = {
        g["key"]: (g["label"], g["signatories"], g["members"], g["nonmembers"])
        for g in document["by_country"]
    }
    kinds = {
        g["key"]: (g["signatories"], g["members"], g["nonmembers"]) for g in document["by_kind"]
    }
    assert (regions, countries, kinds) == (hand.REGIONS, hand.COUNTRIES, hand.KINDS)


def test_json_names_timeline_and_population_are_the_hand_counted_ones(
    formats: dict[str, str],
) -> None:
    document = json.loads(formats["json"])
    assert tuple(e["id"] for e in document["nonmembers"]) == hand.NONMEMBERS
    assert {
        g["region"]: tuple(e["id"] for e in g["members"]) for g in document["members_by_region"]
    } == hand.MEMBERS_BY_REGION
    assert tuple(e["id"] for e in document["withdrawn"]) == hand.WITHDRAWN
    assert {m["month"]: m["signatories"] for m in document["timeline"]["months"]} == hand.MONTHS
    assert document["timeline"]["undated"] == hand.UNDATED
    population = document["population"]
    assert tuple(sorted(c["id"] for c in population["counted"])) == hand.COUNTED
    assert {n["id"]: n["reason"] for n in population["not_counted"]} == hand.NOT_COUNTED


def _population_total(formats: dict[str, str]) -> int:
    total = json.loads(formats["json"])["population"]["total"]
    assert isinstance(total, int) and total > 0
    return total


def test_text_shows_the_hand_counted_figures(formats: dict[str, str]) -> None:
    text = formats["text"]
    t = hand.TOTALS
    assert (
        f"Signatories: {t['signatories']} ({t['confirmed']} confirmed, {t['pending']} pending)"
        in text
    )
    assert (
        f"Members:     {t['members_recorded']} recorded of {t['members_declared']} declared" in text
    )
    assert f"Non-members: {t['nonmembers']}\n" in text
    assert f"Withdrawn:   {t['withdrawn']} (not counted in the totals)" in text
    for label, (count, *_) in {
        **hand.REGIONS,
        **{v[0]: v[1:] for v in hand.COUNTRIES.values()},
    }.items():
        assert re.search(rf"^{re.escape(label)} +{count} ", text, re.MULTILINE), label
    for month, count in hand.MONTHS.items():
        assert re.search(rf"^{month} +{count}\b", text, re.MULTILINE), month
    assert (
        f"{_population_total(formats):,} people live in the {len(hand.COUNTED)} signatory" in text
    )
    assert "Counted 6 of 9 signatories; not counted: 1 ambiguous, 1 unknown, 1 not a city." in text


def test_markdown_shows_the_hand_counted_figures(formats: dict[str, str]) -> None:
    markdown = formats["markdown"]
    t = hand.TOTALS
    assert (
        f"| Signatories | {t['signatories']} ({t['confirmed']} confirmed, {t['pending']} pending) |"
        in markdown
    )
    assert (
        f"| Members | {t['members_recorded']} recorded of {t['members_declared']} declared |"
        in markdown
    )
    assert f"| Withdrawn | {t['withdrawn']} (not counted in the totals) |" in markdown
    for region, (count, members, nonmembers) in hand.REGIONS.items():
        assert f"| {region} | {count} | {members} | {nonmembers} |" in markdown
    for name, count, members, nonmembers in hand.COUNTRIES.values():
        assert f"| {name} | {count} | {members} | {nonmembers} |" in markdown
    for month, count in hand.MONTHS.items():
        assert f"| {month} | {count} |" in markdown
    assert (
        f"**{_population_total(formats):,} people live in the {len(hand.COUNTED)} signatory"
        in markdown
    )


def test_html_shows_the_hand_counted_figures(formats: dict[str, str]) -> None:
    page = ReportPage(formats["html"])
    t = hand.TOTALS
    assert page.text_by_id["total-signatories"].startswith(f"{t['signatories']}signatories")
    assert (
        f"{t['confirmed']} confirmed · {t['pending']} pending"
        in page.text_by_id["total-signatories"]
    )
    assert f"recorded of {t['members_declared']} declared" in page.text_by_id["total-members"]
    assert page.text_by_id["total-members"].startswith(str(t["members_recorded"]))
    assert page.text_by_id["total-nonmembers"].startswith(str(t["nonmembers"]))
    assert f"Withdrawn: {t['withdrawn']} (not counted" in page.text_by_id["total-withdrawn"]
    assert (
        page.text_by_id["members-gap"]
        == "4 members backed the paper but are not yet recorded by name."
    )
    assert f"{_population_total(formats):,} people" in page.text_by_id["population-total"]


def _bar_figures(bars: list[dict[str, str]]) -> dict[str, tuple[int, int, int]]:
    return {
        b["data-key"]: (
            int(b["data-signatories"]),
            int(b["data-members"]),
            int(b["data-nonmembers"]),
        )
        for b in bars
    }


def test_html_charts_hold_the_hand_counted_breakdowns(formats: dict[str, str]) -> None:
    page = ReportPage(formats["html"])
    assert _bar_figures(page.bars["chart-regions"]) == hand.REGIONS
    assert _bar_figures(page.bars["chart-countries"]) == {
        k: v[1:] for k, v in hand.COUNTRIES.items()
    }
    assert _bar_figures(page.rows["table-kinds"]) == hand.KINDS
    timeline = {b["data-key"]: int(b["data-signatories"]) for b in page.bars["chart-timeline"]}
    assert timeline == hand.MONTHS


# -- registry text is data ----------------------------------------------------------------------

HOSTILE_NAMES = ("<script>alert(1)</script>", "[red]x[/red]")


def test_hostile_names_are_escaped_in_html(invoke: Invoke) -> None:
    page = report(invoke, hand.HOSTILE, "--format", "html")
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\x1b" not in page
    assert "Evil \\x1b[31mRed\\x1b[0m City" in page
    assert "<b>Bold</b>" not in page


def test_hostile_names_read_back_literally_from_the_html(invoke: Invoke) -> None:
    page = ReportPage(report(invoke, hand.HOSTILE, "--format", "html"))
    assert "script" not in page.tags and "b" not in page.tags
    for name in HOSTILE_NAMES:
        assert name in page.text


def test_hostile_names_print_literally_in_plain_text(invoke: Invoke) -> None:
    text = report(invoke, hand.HOSTILE)
    for name in HOSTILE_NAMES:
        assert name in text
    assert "\x1b" not in text
    assert "Evil \\x1b[31mRed\\x1b[0m City" in text


def test_hostile_names_print_literally_in_rich_text() -> None:
    from rich.console import Console

    from endorse import summarise
    from endorse.render.report_text import rich_report

    console = Console(record=True, width=100, force_terminal=True, color_system="truecolor")
    console.print(rich_report(summarise(endorse.load(hand.HOSTILE))))
    shown = console.export_text(styles=False)
    for name in HOSTILE_NAMES:
        assert name in shown
    assert "Evil \\x1b[31mRed\\x1b[0m City" in shown


def test_hostile_names_render_literally_from_markdown(invoke: Invoke) -> None:
    from markdown_it import MarkdownIt

    markdown = report(invoke, hand.HOSTILE, "--format", "markdown")
    rendered = ReportPage(MarkdownIt("commonmark").enable("table").render(markdown))
    assert "script" not in rendered.tags
    for name in HOSTILE_NAMES:
        assert name in rendered.text
    assert "\x1b" not in markdown


def test_hostile_names_survive_json_unchanged(invoke: Invoke) -> None:
    document = json.loads(report(invoke, hand.HOSTILE, "--format", "json"))
    names = {e["name"] for e in document["nonmembers"]}
    assert names == set(HOSTILE_NAMES)


# -- the HTML page ------------------------------------------------------------------------------


def test_html_is_one_standalone_page(formats: dict[str, str]) -> None:
    page = formats["html"]
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert "<script" not in page and "<link" not in page


def test_html_has_a_language_a_title_and_a_print_stylesheet(formats: dict[str, str]) -> None:
    page = ReportPage(formats["html"])
    assert page.attributes["html"]["lang"] == "en"
    assert (
        "<title>Testnet: endorsements of A fixture paper for counting by hand</title>"
        in formats["html"]
    )
    assert "@media print" in formats["html"]


def test_html_region_chart_has_one_bar_per_region_present(formats: dict[str, str]) -> None:
    bars = ReportPage(formats["html"]).bars["chart-regions"]
    assert sorted(b["data-key"] for b in bars) == sorted(hand.REGIONS)


def test_html_marks_pending_signatories(formats: dict[str, str]) -> None:
    page = formats["html"]
    lyon = r'data-id="lyon"><span class="pending">Lyon</span><span class="where">, France</span>'
    assert re.search(lyon + r' <span class="tag">pending</span>', page)


def test_html_is_the_same_bytes_every_time(invoke: Invoke) -> None:
    first = report(invoke, hand.HAND_COUNTED, "--format", "html")
    assert report(invoke, hand.HAND_COUNTED, "--format", "html") == first


# -- text and files -----------------------------------------------------------------------------


def test_plain_text_says_the_gap_plainly(formats: dict[str, str]) -> None:
    assert "4 members backed the paper but are not yet recorded by name." in formats["text"]


def test_plain_text_has_no_escape_codes(formats: dict[str, str]) -> None:
    assert "\x1b" not in formats["text"]


def test_population_is_said_to_be_geonames_city_populations(formats: dict[str, str]) -> None:
    for name in ("text", "markdown", "html"):
        assert "Figures are GeoNames city populations" in formats[name], name


def test_output_writes_the_file_and_nothing_to_stdout(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    result = invoke("--registry", hand.HAND_COUNTED, "report", "-f", "markdown", "-o", target)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert f"wrote markdown report to {target}" in result.stderr
    assert target.read_text(encoding="utf-8") == report(invoke, hand.HAND_COUNTED, "-f", "markdown")


def test_output_without_a_format_writes_the_format_its_extension_names(
    invoke: Invoke, tmp_path: Path
) -> None:
    target = tmp_path / "rapport.html"
    result = invoke("--registry", hand.HAND_COUNTED, "report", "-o", target)
    assert f"wrote html report to {target}" in result.stderr
    assert target.read_text(encoding="utf-8") == report(invoke, hand.HAND_COUNTED, "-f", "html")


def test_output_replaces_an_existing_file_and_keeps_its_mode(
    invoke: Invoke, tmp_path: Path
) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    invoke("--registry", hand.HAND_COUNTED, "report", "-f", "json", "-o", target)
    assert json.loads(target.read_text(encoding="utf-8"))["totals"] == hand.TOTALS
    assert target.stat().st_mode & 0o777 == 0o640


def test_output_into_a_missing_folder_is_refused_with_exit_1(
    invoke: Invoke, tmp_path: Path
) -> None:
    target = tmp_path / "no-such-folder" / "report.html"
    result = invoke("--registry", hand.HAND_COUNTED, "report", "-f", "html", "-o", target)
    assert result.exit_code == 1
    assert f"cannot write {target}" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_format_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("--registry", hand.HAND_COUNTED, "report", "--format", "pdf")
    assert result.exit_code == 2


def test_bundled_report_says_how_many_members_are_not_recorded(invoke: Invoke) -> None:
    text = report(invoke, BUNDLED)
    assert "Members:     45 recorded of 136 declared" in text
    assert "91 members backed the paper but are not yet recorded by name." in text
    assert "Non-members: 13\n" in text


# -- the sample in docs -------------------------------------------------------------------------

SAMPLE = BUNDLED.parent.parent / "docs" / "sample-report.html"


def test_sample_report_is_up_to_date(invoke: Invoke) -> None:
    fresh = report(invoke, BUNDLED, "--format", "html")
    assert SAMPLE.read_bytes() == fresh.encode("utf-8"), (
        "docs/sample-report.html is out of date: regenerate it with "
        "`endorse report --format html --output docs/sample-report.html`"
    )


def test_text_on_a_terminal_is_drawn_in_panels(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    from endorse import output

    monkeypatch.setattr(output, "stdout_is_rich", lambda: True)
    text = report(invoke, hand.HAND_COUNTED)
    assert "╭─ Totals" in text
    assert "4 members backed the paper but are not yet recorded by name." in text


def test_text_written_to_a_file_is_plain_even_on_a_terminal(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from endorse import output

    monkeypatch.setattr(output, "stdout_is_rich", lambda: True)
    target = tmp_path / "report.txt"
    invoke("--registry", hand.HAND_COUNTED, "report", "--output", target)
    written = target.read_text(encoding="utf-8")
    assert "╭" not in written and "\x1b" not in written
    assert written.startswith("A fixture paper for counting by hand\n")


def test_a_pending_mark_is_never_wrapped_apart_from_its_name(invoke: Invoke) -> None:
    text = report(invoke, BUNDLED)
    members = text[text.index("Members by region") : text.index("* pending")]
    assert not [line for line in members.splitlines() if line.lstrip().startswith("*")]
    assert "Taichung *" in members.replace("\n  ", " ")


@pytest.mark.parametrize("width", [60, 80])
def test_what_was_endorsed_wraps_to_the_panel_under_each_mark(width: int) -> None:
    shown = _rich_report_text(width)
    start = shown.index("What was endorsed")
    panel = shown[start : shown.index("\u2570", start)]
    content = [line.strip("\u2502 ").rstrip() for line in panel.splitlines()[1:]]
    inside = [line.strip("\u2502")[1:].rstrip() for line in panel.splitlines()[1:]]
    assert all(not line or line.endswith(":") or line.startswith("  ") for line in inside), inside
    assert any(line.startswith("1. ") for line in content)


@pytest.mark.parametrize("width", [60, 80, 100])
def test_rich_members_keep_each_pending_mark_with_its_name(width: int) -> None:
    shown = _rich_report_text(width)
    start = shown.index("Members by region")
    panel = shown[start : shown.index("\u2570", start)]
    names = [line.strip("\u2502 ").split("  ")[-1].strip() for line in panel.splitlines()[1:]]
    assert not [name for name in names if name.startswith("*,") or name == "*"], panel
    assert "Taichung *" in " ".join(panel.split())


def _rich_report_text(width: int) -> str:
    """The bundled registry's report as a terminal `width` columns wide shows it."""
    from rich.console import Console

    from endorse import summarise
    from endorse.render.report_text import rich_report

    console = Console(record=True, width=width, force_terminal=True, color_system=None)
    console.print(rich_report(summarise(endorse.load(BUNDLED))))
    return console.export_text(styles=False)


names = st.text(min_size=1, max_size=40).filter(lambda text: text.strip() == text and text)


def _summary(name: str) -> Summary:
    named = signatory(name, "FR", id="x", kind="other")
    return summarise(registry(named, paper=Paper("Paper", "Net", 1)))


def test_a_joiner_in_a_name_reaches_the_html_as_it_is() -> None:
    for name in ("کرمان\u200cشاه", "Pride \U0001f3f3\ufe0f\u200d\U0001f308 City"):
        assert name in ReportPage(html_report(_summary(name))).text


@settings(max_examples=60, deadline=None)
@given(names)
def test_any_name_reads_back_literally_from_the_html(name: str) -> None:
    page = ReportPage(html_report(_summary(name)))
    stored = unsafe_character(name, newlines=True) is None  # what the registry keeps
    assert (name if stored else terminal_safe(name)) in page.text
    assert set(page.tags) <= {
        "html", "head", "meta", "title", "style", "body", "main", "header", "p", "h1", "dl",
        "dt", "dd", "section", "div", "span", "h2", "h3", "figure", "svg", "line", "g", "text",
        "rect", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "footer", "details",
        "summary", "desc", "path", "circle",
    }  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(names)
def test_any_name_prints_literally_and_without_control_characters_in_plain_text(
    name: str,
) -> None:
    text = plain_report(_summary(name))
    assert f"- {terminal_safe(name)}, France\n" in text
    unsafe = {"Cc", "Cf", "Zl", "Zp"}
    assert not [c for c in text if c != "\n" and unicodedata.category(c) in unsafe]


@settings(max_examples=60, deadline=None)
@given(names)
def test_any_name_renders_literally_from_markdown(name: str) -> None:
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").enable("table").render(markdown_report(_summary(name)))
    page = ReportPage(rendered)
    assert "script" not in page.tags
    assert " ".join(terminal_safe(name).split()) in " ".join(page.text.split())

"""Any text a registry holds prints literally in every report format (hypothesis)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from endorse.registry.model import Paper, Registry, Signatory
from endorse.registry.summary import Summary, summarise
from endorse.render.report_html import html_report
from endorse.render.report_markdown import markdown_report
from endorse.render.report_text import plain_report
from endorse.render.safe import terminal_safe
from html_report import ReportPage

names = st.text(min_size=1, max_size=40).filter(lambda text: text.strip() == text and text)


def _summary(name: str) -> Summary:
    signatory = Signatory(
        id="x", name=name, kind="other", country="FR", member=False, status="confirmed"
    )
    return summarise(Registry(Paper("Paper", "Net", 1), (signatory,)))


@settings(max_examples=60, deadline=None)
@given(names)
def test_any_name_reads_back_literally_from_the_html(name: str) -> None:
    page = ReportPage(html_report(_summary(name)))
    assert terminal_safe(name) in page.text
    assert set(page.tags) <= {
        "html", "head", "meta", "title", "style", "body", "main", "header", "p", "h1", "dl",
        "dt", "dd", "section", "div", "span", "h2", "h3", "figure", "svg", "line", "g", "text",
        "rect", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "footer", "details",
        "summary",
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

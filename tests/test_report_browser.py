"""The HTML report in a real browser: headless chromium renders it and the totals are there."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Literal

import pytest

import endorse
import report_fixtures as hand
from browser import CHROMIUM, CHROMIUM_FLAGS, needs_chromium
from endorse import summarise
from endorse.render.report_html import html_report
from html_report import ReportPage

pytestmark = needs_chromium


def rendered_dom(page: Path, profile: Path) -> str:
    """The DOM after chromium has loaded and laid out the page, as --dump-dom prints it."""
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        *CHROMIUM_FLAGS,
        f"--user-data-dir={profile}",
        "--dump-dom",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    return done.stdout


# The words of the totals' cards in each language: signatories, members, "of N declared",
# non-members.
CARD_WORDS = {
    "en": ("signatories", "members", "of {} declared", "non-members"),
    "fr": ("signataires", "membres", "sur {} déclarés", "non-membres"),
    "es": ("signatarios", "miembros", "de {} declarados", "no miembros"),
}


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_chromium_renders_the_totals(tmp_path: Path, language: Literal["en", "fr", "es"]) -> None:
    page = tmp_path / "report.html"
    summary = summarise(endorse.load(hand.HAND_COUNTED))
    page.write_text(html_report(summary, language), encoding="utf-8")
    dom = ReportPage(rendered_dom(page, tmp_path / "profile"))
    signatories, members, declared, nonmembers = CARD_WORDS[language]
    totals = hand.TOTALS
    assert dom.attributes["html"]["lang"] == language
    assert dom.text_by_id["total-signatories"].startswith(f"{totals['signatories']}{signatories}")
    assert dom.text_by_id["total-members"].startswith(f"{totals['members_recorded']}{members}")
    assert declared.format(totals["members_declared"]) in dom.text_by_id["total-members"]
    assert dom.text_by_id["total-nonmembers"].startswith(f"{totals['nonmembers']}{nonmembers}")
    assert len(dom.bars["chart-regions"]) == len(hand.REGIONS)
    assert len(dom.bars["chart-timeline"]) == len(hand.MONTHS)

"""The paper, members, provenance and dates: the facts a reader of the published list
relies on."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Final

from endorse.checks.codes import Finding
from endorse.registry.model import Paper, Signatory
from endorse.registry.values import future_date_problem, stored_paper_problems

Located = tuple[Signatory, int | None]


def paper_findings(paper: Paper, line: int | None, has_signatories: bool) -> Iterable[Finding]:
    """The paper's values, by the rules `init` and `endorse paper` apply, with a signatory's
    severities: refused is an error (E102), stored otherwise a warning (W107); and whether
    it says what was endorsed (I601)."""
    for problem in stored_paper_problems(paper):
        if problem.stored_as is None:
            hint = "correct the value in [paper], or set it again with `endorse paper`"
            yield Finding.of("E102", None, line, f"paper: {problem}", hint)
        else:
            hint = "take the spaces from around it (endorse stores text trimmed and in NFC)"
            yield Finding.of("W107", None, line, f"paper: {problem}", hint)
    if has_signatories and not (paper.summary or paper.commitments):
        yield Finding.of(
            "I601",
            None,
            line,
            "the paper has no summary and no commitments, so the report cannot say what was "
            "endorsed",
            'say it: `endorse paper --summary "…" --add-commitment "…"`',
        )


def member_findings(
    paper: Paper, located: Sequence[Located], paper_line: int | None
) -> Iterable[Finding]:
    """Members recorded against members declared; a withdrawn member no longer counts."""
    recorded = sum(1 for s, _ in located if s.member and s.status != "withdrawn")
    declared = paper.members_declared
    if recorded > declared:
        yield Finding.of(
            "E401",
            None,
            paper_line,
            f"{recorded} members recorded, but the paper declares {declared}",
            "a non-member may be marked member = true (`endorse list --member` shows them), "
            "or members_declared in [paper] is too low",
        )
    elif recorded < declared:
        yield Finding.of(
            "I402",
            None,
            paper_line,
            f"{recorded} of {declared} members recorded",
            "add the members still missing as their endorsements are confirmed",
        )


def provenance_findings(signatory: Signatory, line: int | None, today: date) -> Iterable[Finding]:
    if not (signatory.source or "").strip():
        yield Finding.of(
            "W501",
            signatory.id,
            line,
            "no source says where this endorsement comes from",
            f'add the evidence: `endorse edit {signatory.id} --source "…"` '
            "(a document, a URL, a letter reference)",
        )
    future = signatory.endorsed_on and future_date_problem(
        signatory.endorsed_on, "endorsed_on", today
    )
    if future:
        yield Finding.of(
            "E502",
            signatory.id,
            line,
            future,
            "correct the date (a typo in the year?), or leave endorsed_on out until it is known",
        )
    if signatory.status == "withdrawn" and not (signatory.note or "").strip():
        yield Finding.of(
            "W503",
            signatory.id,
            line,
            "withdrawn, and no note says when or why",
            f'say why: `endorse edit {signatory.id} --note "…"`',
        )


EARLY: Final = timedelta(days=366)


def early_date_findings(paper: Paper, located: Sequence[Located]) -> Iterable[Finding]:
    """W504 for an endorsement dated more than a year before the paper was presented: most
    likely a typo in the year (1017 for 2017), which would also stretch the report's
    timeline over every month between."""
    if paper.presented_on is None:
        return
    earliest = paper.presented_on - EARLY
    for signatory, line in located:
        if signatory.endorsed_on is not None and signatory.endorsed_on < earliest:
            yield Finding.of(
                "W504",
                signatory.id,
                line,
                f"endorsed_on {signatory.endorsed_on.isoformat()} is more than a year before "
                f"the paper was presented ({paper.presented_on.isoformat()})",
                "correct the year if it is a typo, or leave endorsed_on out until it is known: "
                f"`endorse edit {signatory.id} --endorsed-on YYYY-MM-DD`",
            )

"""The sentences every report format shares, so that text, markdown and HTML say the same.

These return raw text (registry text included, unescaped): each format
escapes the result for where it prints it.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from endorse.model import Paper, Recipient
from endorse.summary import Population, Timeline, Totals

POPULATION_NOTE: Final = (
    "Figures are GeoNames city populations (cities of 15,000 people or more), "
    "counted only for signatories whose name matches exactly one GeoNames city; "
    "regions, counties and metropolitan areas are not counted."
)
BREAKDOWN_NOTE: Final = (
    "Breakdowns count the signatories that are confirmed or pending; "
    "withdrawn signatories are listed apart and counted nowhere."
)
REGION_NOTE: Final = "Regions are continents, from GeoNames' country data."


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """ "1 member", "2 members" (numbers with thousands separators)."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {word}"


def presented_line(paper: Paper) -> str | None:
    """ "2017-12-04, at Puerto Vallarta, Mexico, by …", or None when nothing is known."""
    parts = [
        paper.presented_on.isoformat() if paper.presented_on else None,
        f"at {paper.presented_at}" if paper.presented_at else None,
        f"by {paper.presented_by}" if paper.presented_by else None,
    ]
    present = [part for part in parts if part]
    return ", ".join(present) if present else None


def paper_facts(paper: Paper) -> list[tuple[str, str]]:
    """(label, value) of what is known of the paper beyond its title, unescaped: network,
    when, where and by whom it was presented, the source."""
    facts = [("Network", paper.network)]
    presented = presented_line(paper)
    if presented:
        facts.append(("Presented", presented))
    if paper.source:
        facts.append(("Source", paper.source))
    return facts


ENDORSED_TITLE: Final = "What was endorsed"


def recipient_line(recipient: Recipient) -> str:
    """ "Filippo Grandi, UN High Commissioner for Refugees"; the name alone without a role."""
    return f"{recipient.name}, {recipient.role}" if recipient.role else recipient.name


def endorsed_parts(paper: Paper) -> list[tuple[str, list[str]]]:
    """(label, items) of what the paper says it is, unescaped, in the report's order: the
    aim, the commitments (numbered by each format), the recipients, the framework. Empty
    when the paper says none of it."""
    parts: list[tuple[str, list[str]]] = []
    if paper.summary:
        parts.append(("Aim", [paper.summary]))
    if paper.commitments:
        parts.append(("Commitments", list(paper.commitments)))
    if paper.addressed_to:
        parts.append(("Sent to", [recipient_line(r) for r in paper.addressed_to]))
    if paper.framework:
        parts.append(("Framework", [paper.framework]))
    return parts


def paper_text(paper: Paper) -> str:
    """Every key of [paper], for a person (`endorse paper`): unescaped, one per line,
    commitments and recipients numbered below their key."""
    rows = [("title", paper.title), ("network", paper.network)]
    rows.append(("members_declared", f"{paper.members_declared:,}"))
    for key in ("presented_on", "presented_at", "presented_by", "source", "summary", "framework"):
        value = getattr(paper, key)
        if value is not None:
            rows.append((key, value.isoformat() if isinstance(value, date) else value))
    width = max(len(key) for key, _ in rows) + 2
    lines = [f"{key:<{width}}{value}" for key, value in rows]
    listed = [
        ("commitments", list(paper.commitments)),
        ("addressed_to", [recipient_line(r) for r in paper.addressed_to]),
    ]
    for key, items in listed:
        if items:
            lines.append(key)
            lines += [f"  {number}. {item}" for number, item in enumerate(items, 1)]
    return "\n".join(lines) + "\n"


def headline(totals: Totals) -> str:
    return f"{totals.signatories:,} ({totals.confirmed:,} confirmed, {totals.pending:,} pending)"


def members_line(totals: Totals) -> str:
    return f"{totals.members_recorded:,} recorded of {totals.members_declared:,} declared"


def gap_sentence(totals: Totals) -> str | None:
    """The members the network declared but the registry does not name, said plainly."""
    gap = totals.members_not_recorded
    if not gap:
        return None
    verb = "is" if gap == 1 else "are"
    return f"{plural(gap, 'member')} backed the paper but {verb} not yet recorded by name."


def withdrawn_line(totals: Totals) -> str:
    return f"{totals.withdrawn:,} (not counted in the totals)"


def timeline_line(timeline: Timeline) -> str:
    if not timeline.months:
        return (
            "No endorsement dates are recorded yet "
            f"({plural(timeline.undated, 'signatory', 'signatories')} without a date)."
        )
    return (
        f"{plural(timeline.dated, 'signatory', 'signatories')} with a date; "
        f"{timeline.undated:,} without."
    )


def population_line(population: Population) -> str:
    counted = len(population.counted)
    return (
        f"{population.total:,} people live in the "
        f"{plural(counted, 'signatory city', 'signatory cities')} "
        "matched to a single GeoNames city."
    )


def not_counted_line(population: Population) -> str:
    counted = len(population.counted)
    everyone = counted + len(population.not_counted)
    reasons = ", ".join(
        f"{population.not_counted_because(reason):,} {reason}"
        for reason in ("ambiguous", "unknown", "not a city")
    )
    return f"Counted {counted:,} of {everyone:,} signatories; not counted: {reasons}."


PENDING_MARK: Final = "*"
PENDING_NOTE: Final = "* pending: membership or endorsement not yet confirmed"


def status_mark(status: str) -> str:
    return f" {PENDING_MARK}" if status == "pending" else ""

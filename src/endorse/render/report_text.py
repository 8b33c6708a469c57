"""The plain summary printed by `endorse report`."""

from __future__ import annotations

from endorse.model import Paper, Registry
from endorse.render.safe import terminal_safe
from endorse.summary import Totals, totals


def presented_line(paper: Paper) -> str | None:
    parts = [
        paper.presented_on.isoformat() if paper.presented_on else None,
        f"at {paper.presented_at}" if paper.presented_at else None,
        f"by {paper.presented_by}" if paper.presented_by else None,
    ]
    present = [part for part in parts if part]
    return ", ".join(present) if present else None


def summary_text(registry: Registry) -> str:
    paper = registry.paper
    counts = totals(registry)
    lines = [paper.title, "", f"Network:    {paper.network}"]
    presented = presented_line(paper)
    if presented:
        lines.append(f"Presented:  {presented}")
    if paper.source:
        lines.append(f"Source:     {paper.source}")
    lines += ["", *_count_lines(counts)]
    return "\n".join(terminal_safe(line) for line in lines) + "\n"


def _count_lines(counts: Totals) -> list[str]:
    rows = [
        ("Signatories", f"{counts.signatories}"),
        ("  confirmed", f"{counts.confirmed}"),
        ("  pending", f"{counts.pending}  (membership or endorsement not yet confirmed)"),
        ("Members", f"{counts.members_recorded} recorded of {counts.members_declared} declared"),
        ("Non-members", f"{counts.nonmembers}"),
        ("Withdrawn", f"{counts.withdrawn}  (not counted above)"),
    ]
    lines = [f"{label:<13}{value}" for label, value in rows]
    gap = counts.members_not_recorded
    if gap:
        lines += [
            "",
            f"{gap} member{'s' if gap != 1 else ''} backed the paper but "
            f"{'are' if gap != 1 else 'is'} not yet recorded by name.",
        ]
    return lines

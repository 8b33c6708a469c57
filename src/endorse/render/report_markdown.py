"""The report as markdown: headings and tables, ready for a README or a wiki.

Every piece of registry text goes through `markdown_safe`, so a name shows
literally and cannot open HTML, a link or a table cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from endorse.registry.summary import Entry, Group, Summary
from endorse.render import report_words as words
from endorse.render.i18n import LanguageCode, _, using
from endorse.render.safe import markdown_safe


def _pending_note() -> str:
    return words.pending_note().replace("*", "\\*", 1)


def markdown_report(summary: Summary, language: LanguageCode = "en") -> str:
    with using(language):
        return _markdown_report(words.localised(summary))


def _heading(title: str) -> str:
    return f"## {title}"


def _none() -> str:
    return _("None.")


def _markdown_report(summary: Summary) -> str:
    paper = summary.paper
    blocks = [
        f"# {markdown_safe(paper.title)}",
        _paper_lines(summary),
        *_endorsed(summary),
        _heading(_("Totals")),
        _totals(summary),
        _heading(_("By region")),
        words.region_note(),
        _group_table(_("Region"), summary.by_region),
        _heading(_("By country")),
        _group_table(_("Country"), summary.by_country),
        _heading(_("By kind")),
        _group_table(_("Kind"), summary.by_kind),
        _heading(_("Non-member supporters")),
        _name_list(summary.nonmembers),
        _heading(_("Members by region")),
        _members_by_region(summary),
        _heading(_("Withdrawn")),
        _name_list(summary.withdrawn),
        _heading(_("Timeline of endorsements")),
        _timeline(summary),
        _heading(_("Population represented")),
        _population(summary),
        f"_{words.breakdown_note()}_",
    ]
    return "\n\n".join(block for block in blocks if block) + "\n"


def _paper_lines(summary: Summary) -> str:
    facts = words.paper_facts(summary.paper)
    return "  \n".join(
        f"**{words.labelled(label)}** {markdown_safe(value)}" for _key, label, value in facts
    )


def _endorsed(summary: Summary) -> list[str]:
    """The "What was endorsed" section: a block a part, commitments numbered."""
    parts = words.endorsed_parts(summary.paper)
    if not parts:
        return []
    blocks = [f"## {words.endorsed_title()}"]
    for key, label, items in parts:
        title = f"**{words.labelled(label)}**"
        if key == "commitments":
            listed = "\n".join(f"{n}. {markdown_safe(item)}" for n, item in enumerate(items, 1))
            blocks.append(f"{title}\n\n{listed}")
        elif len(items) > 1 or key == "recipients":
            blocks.append(f"{title}\n\n" + "\n".join(f"- {markdown_safe(i)}" for i in items))
        else:
            blocks.append(f"{title} {markdown_safe(items[0])}")
    return blocks


def _totals(summary: Summary) -> str:
    totals = summary.totals
    table = _table(
        ["", _("Count")],
        [
            [_("Signatories"), words.headline(totals)],
            [_("Members"), words.members_line(totals)],
            [_("Non-members"), words.number(totals.nonmembers)],
            [_("Withdrawn"), words.withdrawn_line(totals)],
        ],
        right=(),
    )
    gap = words.gap_sentence(totals)
    return f"{table}\n\n**{gap}**" if gap else table


def _group_table(title: str, groups: Sequence[Group]) -> str:
    if not groups:
        return _none()
    n = words.number
    rows = [
        [markdown_safe(g.label), n(g.signatories), n(g.members), n(g.nonmembers)] for g in groups
    ]
    headers = [title, _("Signatories"), _("Members"), _("Non-members")]
    return _table(headers, rows, right=(1, 2, 3))


def _table(headers: list[str], rows: Iterable[list[str]], *, right: Sequence[int]) -> str:
    rule = ["---:" if i in right else "---" for i in range(len(headers))]
    lines = [headers, rule, *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def _entry_text(entry: Entry, *, with_place: bool) -> str:
    mark = words.status_mark(entry.status).replace("*", "\\*")
    where = f", {markdown_safe(entry.where)}" if with_place else ""
    return f"{markdown_safe(entry.name)}{where}{mark}"


def _name_list(entries: Sequence[Entry]) -> str:
    if not entries:
        return _none()
    listed = "\n".join(f"- {_entry_text(e, with_place=True)}" for e in entries)
    return _with_pending_note(listed, entries)


def _members_by_region(summary: Summary) -> str:
    if not summary.members_by_region:
        return _none()
    rows = [
        [
            f"{markdown_safe(words.region(group.region))} ({len(group.members)})",
            ", ".join(_entry_text(e, with_place=False) for e in group.members),
        ]
        for group in summary.members_by_region
    ]
    table = _table([_("Region"), _("Members")], rows, right=())
    members = [e for group in summary.members_by_region for e in group.members]
    return _with_pending_note(table, members)


def _with_pending_note(block: str, entries: Iterable[Entry]) -> str:
    pending = any(e.status == "pending" for e in entries)
    return f"{block}\n\n{_pending_note()}" if pending else block


def _timeline(summary: Summary) -> str:
    line = words.timeline_line(summary.timeline)
    if not summary.timeline.months:
        return line
    rows = [[words.month(m.month), words.number(m.signatories)] for m in summary.timeline.months]
    return _table([_("Month"), _("Signatories")], rows, right=(1,)) + "\n\n" + line


def _population(summary: Summary) -> str:
    population = summary.population
    return "\n\n".join(
        [
            f"**{words.population_line(population)}**",
            words.not_counted_line(population),
            f"_{words.population_note()}_",
        ]
    )

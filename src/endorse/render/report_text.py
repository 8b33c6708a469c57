"""The report for a terminal: rich panels and bar charts, or plain text when piped.

Both versions show the same sections, built from the same rows, so the
figures agree. Registry text passes through `terminal_safe` and, in the rich
version, is wrapped in `Text` so that it is never read as markup.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from endorse.registry.summary import Entry, Group, Summary
from endorse.render import report_words as words
from endorse.render.i18n import LanguageCode, _, using
from endorse.render.safe import terminal_safe

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.measure import Measurement

BAR_WIDTH: Final = 30
MEMBER_BLOCK: Final = "█"
NONMEMBER_BLOCK: Final = "░"
WRAP: Final = 78


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    members: int
    detail: str


def paper_rows(summary: Summary) -> list[tuple[str, str]]:
    facts = words.paper_facts(summary.paper)
    return [(label, terminal_safe(value)) for _key, label, value in facts]


def total_rows(summary: Summary) -> list[tuple[str, str]]:
    totals = summary.totals
    return [
        (_("Signatories"), words.headline(totals)),
        (_("Members"), words.members_line(totals)),
        (_("Non-members"), words.number(totals.nonmembers)),
        (_("Withdrawn"), words.withdrawn_line(totals)),
    ]


def group_bars(groups: Sequence[Group]) -> list[Bar]:
    return [
        Bar(terminal_safe(g.label), g.signatories, g.members, words.group_detail(g)) for g in groups
    ]


def timeline_bars(summary: Summary) -> list[Bar]:
    return [
        Bar(words.month(m.month, short=True), m.signatories, m.signatories, "")
        for m in summary.timeline.months
    ]


def names(entries: Iterable[Entry], *, with_country: bool) -> list[str]:
    return [
        terminal_safe(
            f"{e.name}{f', {e.where}' if with_country else ''}{words.status_mark(e.status)}"
        )
        for e in entries
    ]


def _scaled(count: int, largest: int) -> int:
    return 0 if largest == 0 else max(1, round(count * BAR_WIDTH / largest)) if count else 0


def _bar_blocks(bar: Bar, largest: int) -> tuple[str, str]:
    """The member part and the non-member part of one bar."""
    length = _scaled(bar.count, largest)
    members = round(length * bar.members / bar.count) if bar.count else 0
    return MEMBER_BLOCK * members, NONMEMBER_BLOCK * (length - members)


# -- plain text ------------------------------------------------------------------------------


def plain_report(summary: Summary, language: LanguageCode = "en") -> str:
    """The whole report as plain text: no colour, no escape codes, ready for a pipe or a mail."""
    with using(language):
        return _plain_report(words.localised(summary))


def _plain_report(summary: Summary) -> str:
    sections = [
        [_wrap(terminal_safe(summary.paper.title)), "", *_plain_pairs(paper_rows(summary))],
        _plain_section(words.endorsed_title(), endorsed_lines(summary), optional=True),
        _plain_section(_("Totals"), _plain_totals(summary)),
        _plain_section(_("By region"), _plain_chart(group_bars(summary.by_region), legend=True)),
        _plain_section(_("By country"), _plain_chart(group_bars(summary.by_country), legend=True)),
        _plain_section(_("By kind"), _plain_chart(group_bars(summary.by_kind), legend=True)),
        _plain_section(_("Non-member supporters"), _plain_nonmembers(summary)),
        _plain_section(_("Members by region"), _plain_members(summary)),
        _plain_section(_("Withdrawn"), _plain_withdrawn(summary)),
        _plain_section(_("Timeline of endorsements"), _plain_timeline(summary)),
        _plain_section(_("Population represented"), _plain_population(summary)),
        [_wrap(words.breakdown_note())],
    ]
    return "\n\n".join("\n".join(lines) for lines in sections if lines) + "\n"


def endorsed_lines(summary: Summary) -> list[str]:
    """What was endorsed, as wrapped lines: each part under its label, commitments numbered,
    recipients as a list (empty when the paper says none of it)."""
    lines: list[str] = []
    for key, label, items in words.endorsed_parts(summary.paper):
        if lines:
            lines.append("")
        lines.append(words.labelled(label))
        for number, item in enumerate(items, 1):
            mark = f"{number}. " if key == "commitments" else "- " if len(items) > 1 else ""
            lines.append(
                textwrap.fill(
                    terminal_safe(item),
                    WRAP,
                    initial_indent="  " + mark,
                    subsequent_indent="  " + " " * len(mark),
                )
            )
    return lines


def _plain_section(title: str, lines: list[str], *, optional: bool = False) -> list[str]:
    """A titled section; an optional section with nothing to say is left out (only "What
    was endorsed" may have nothing)."""
    if not lines and optional:
        return []
    return [title, "-" * len(title), *lines]


def _plain_pairs(rows: Sequence[tuple[str, str]]) -> list[str]:
    width = max(len(words.labelled(label)) for label, _value in rows) + 1
    return [
        textwrap.fill(
            value,
            WRAP,
            initial_indent=f"{words.labelled(label):<{width}}",
            subsequent_indent=" " * width,
        )
        for label, value in rows
    ]


def _plain_totals(summary: Summary) -> list[str]:
    lines = _plain_pairs(total_rows(summary))
    gap = words.gap_sentence(summary.totals)
    return [*lines, "", gap] if gap else lines


def _plain_chart(bars: Sequence[Bar], *, legend: bool) -> list[str]:
    if not bars:
        return [words.none_text()]
    largest = max(bar.count for bar in bars)
    width = max(len(bar.label) for bar in bars)
    lines = []
    for bar in bars:
        members, others = _bar_blocks(bar, largest)
        blocks = f"{members}{others}".ljust(BAR_WIDTH)
        count = words.number(bar.count)
        lines.append(f"{bar.label:<{width}}  {count:>4}  {blocks}  {bar.detail}".rstrip())
    if legend:
        members, nonmembers = _("members"), _("non-members")
        lines.append(f"{MEMBER_BLOCK} {members}  {NONMEMBER_BLOCK} {nonmembers}")
    return lines


def _plain_nonmembers(summary: Summary) -> list[str]:
    found = [f"- {name}" for name in names(summary.nonmembers, with_country=True)]
    return _with_pending_note(found, summary.nonmembers) or [words.none_text()]


def _plain_members(summary: Summary) -> list[str]:
    lines = []
    for group in summary.members_by_region:
        heading = f"{terminal_safe(words.region(group.region))} ({len(group.members)}): "
        listed = ", ".join(_glued(name) for name in names(group.members, with_country=False))
        filled = textwrap.fill(heading + listed, WRAP, subsequent_indent="  ")
        lines.append(filled.replace(_GLUE, " "))
    members = [e for group in summary.members_by_region for e in group.members]
    return _with_pending_note(lines, members) or [words.none_text()]


# A name and its pending mark are wrapped as one word: NUL stands for the space between
# them, as no text that `terminal_safe` made holds one.
_GLUE: Final = "\x00"
_MARK: Final = words.status_mark("pending")


def _glued(name: str) -> str:
    return name[: -len(_MARK)] + _GLUE + _MARK.lstrip() if name.endswith(_MARK) else name


class _NamesWrapped:
    """Names wrapped to the width rich gives them, each kept whole with its pending mark
    (rich breaks lines at any space, and left a "*" at the start of a line)."""

    def __init__(self, glued: str) -> None:
        self.glued = glued

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        filled = textwrap.fill(self.glued, max(options.max_width, 1), break_long_words=False)
        yield Text(filled.replace(_GLUE, " "))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        widest = max(len(word) for word in self.glued.split(" ")) if self.glued else 0
        return Measurement(widest, len(self.glued))


def _with_pending_note(lines: list[str], entries: Iterable[Entry]) -> list[str]:
    pending = any(e.status == "pending" for e in entries)
    return [*lines, "", words.pending_note()] if pending else lines


def _plain_withdrawn(summary: Summary) -> list[str]:
    found = names(summary.withdrawn, with_country=True)
    return [f"- {name}" for name in found] or [words.none_text()]


def _plain_timeline(summary: Summary) -> list[str]:
    line = words.timeline_line(summary.timeline)
    bars = timeline_bars(summary)
    return [*_plain_chart(bars, legend=False), line] if bars else [line]


def _population_lines(summary: Summary) -> list[str]:
    population = summary.population
    return [
        words.population_line(population),
        words.not_counted_line(population),
        words.population_note(),
    ]


def _plain_population(summary: Summary) -> list[str]:
    return [_wrap(line) for line in _population_lines(summary)]


def _wrap(text: str) -> str:
    return textwrap.fill(text, WRAP)


# -- rich ------------------------------------------------------------------------------------


def rich_report(summary: Summary, language: LanguageCode = "en") -> RenderableType:
    """Panels and two-colour bars for a person at a terminal."""
    with using(language):
        return _rich_report(words.localised(summary))


def _rich_report(summary: Summary) -> RenderableType:
    from rich.console import Group as Stack
    from rich.text import Text

    network = terminal_safe(summary.paper.network)
    return Stack(
        _panel(_rich_paper(summary), _("Endorsement report · %(network)s") % {"network": network}),
        *_rich_endorsed(summary),
        _panel(_rich_totals(summary), _("Totals")),
        _panel(_rich_chart(group_bars(summary.by_region)), _("By region")),
        _panel(_rich_chart(group_bars(summary.by_country)), _("By country")),
        _panel(_rich_chart(group_bars(summary.by_kind)), _("By kind")),
        _panel(_rich_lines(_plain_nonmembers(summary)), _("Non-member supporters")),
        _panel(_rich_members(summary), _("Members by region")),
        _panel(_rich_lines(_plain_withdrawn(summary)), _("Withdrawn")),
        _panel(_rich_timeline(summary), _("Timeline of endorsements")),
        _panel(_rich_population(summary), _("Population represented")),
        Text(words.breakdown_note(), style="dim"),
    )


def _rich_endorsed(summary: Summary) -> list[RenderableType]:
    """The parts of `endorsed_lines`, each item wrapped by rich to the panel's width under
    its mark (text wrapped beforehand to 78 columns broke again inside the panel)."""
    from rich.console import Group as Stack
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = []
    for key, label, items in words.endorsed_parts(summary.paper):
        if parts:
            parts.append(Text(""))
        parts.append(Text(words.labelled(label)))
        grid = Table.grid()
        grid.add_column(no_wrap=True)
        grid.add_column()
        for number, item in enumerate(items, 1):
            mark = f"{number}. " if key == "commitments" else "- " if len(items) > 1 else ""
            grid.add_row("  " + mark, Text(terminal_safe(item)))
        parts.append(grid)
    return [_panel(Stack(*parts), words.endorsed_title())] if parts else []


def _panel(body: RenderableType, title: str) -> RenderableType:
    from rich.panel import Panel
    from rich.text import Text

    return Panel(body, title=Text(title, style="bold"), title_align="left", border_style="blue")


def _rich_pairs(rows: Sequence[tuple[str, str]]) -> list[RenderableType]:
    from rich.table import Table
    from rich.text import Text

    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for label, value in rows:
        table.add_row(Text(words.labelled(label)), Text(value))
    return [table]


def _rich_paper(summary: Summary) -> RenderableType:
    from rich.console import Group as Stack
    from rich.text import Text

    title = Text(terminal_safe(summary.paper.title), style="bold")
    return Stack(title, Text(""), *_rich_pairs(paper_rows(summary)))


def _rich_totals(summary: Summary) -> RenderableType:
    from rich.console import Group as Stack
    from rich.text import Text

    parts: list[RenderableType] = _rich_pairs(total_rows(summary))
    gap = words.gap_sentence(summary.totals)
    if gap:
        parts += [Text(""), Text(gap, style="bold yellow")]
    return Stack(*parts)


def _rich_chart(bars: Sequence[Bar], *, legend: bool = True) -> RenderableType:
    from rich.console import Group as Stack
    from rich.table import Table
    from rich.text import Text

    if not bars:
        return Text(words.none_text())
    largest = max(bar.count for bar in bars)
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_column(no_wrap=True)
    table.add_column(style="dim")
    for bar in bars:
        members, others = _bar_blocks(bar, largest)
        blocks = Text(members, style="blue")
        blocks.append(MEMBER_BLOCK * len(others), style="dark_orange")
        table.add_row(Text(bar.label), words.number(bar.count), blocks, Text(bar.detail))
    if not legend:
        return table
    members, nonmembers = _("members"), _("non-members")
    key = Text(f"{MEMBER_BLOCK * 2} {members}", style="blue")
    key.append(f"   {MEMBER_BLOCK * 2} {nonmembers}", style="dark_orange")
    return Stack(table, key)


def _rich_lines(lines: Sequence[str]) -> RenderableType:
    from rich.text import Text

    return Text("\n".join(lines))


def _rich_members(summary: Summary) -> RenderableType:
    from rich.console import Group as Stack
    from rich.table import Table
    from rich.text import Text

    if not summary.members_by_region:
        return Text(words.none_text())
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for group in summary.members_by_region:
        label = f"{terminal_safe(words.region(group.region))} ({len(group.members)})"
        listed = ", ".join(_glued(name) for name in names(group.members, with_country=False))
        table.add_row(Text(label), _NamesWrapped(listed))
    members = [e for group in summary.members_by_region for e in group.members]
    note = _with_pending_note([], members)
    return Stack(table, Text("\n".join(note), style="dim")) if note else table


def _rich_timeline(summary: Summary) -> RenderableType:
    from rich.console import Group as Stack
    from rich.text import Text

    line = Text(words.timeline_line(summary.timeline))
    bars = timeline_bars(summary)
    return Stack(_rich_chart(bars, legend=False), line) if bars else line


def _rich_population(summary: Summary) -> RenderableType:
    from rich.text import Text

    total, counted, note = _population_lines(summary)
    shown = Text()
    shown.append(total, style="bold")
    shown.append(f"\n{counted}\n")
    shown.append(note, style="dim")
    return shown

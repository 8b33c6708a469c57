"""The sentences every report format shares, so that text, markdown and HTML say the same.

These return raw text (registry text included, unescaped): each format
escapes the result for where it prints it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Final

from endorse.registry.model import Paper, Recipient
from endorse.registry.summary import (
    Entry,
    Group,
    Population,
    RegionMembers,
    Summary,
    Timeline,
    Totals,
)
from endorse.render.i18n import _, current, ngettext


def population_note() -> str:
    return _(
        "Figures are GeoNames city populations (places of 1,000 people or more), "
        "counted only for signatories whose name matches exactly one GeoNames city; "
        "regions, counties and metropolitan areas are not counted."
    )


def breakdown_note() -> str:
    return _(
        "Breakdowns count the signatories that are confirmed or pending; "
        "withdrawn signatories are listed apart and counted nowhere."
    )


def region_note() -> str:
    return _("Regions are continents, from GeoNames' country data.")


def labelled(label: str) -> str:
    """ "Network:" ("Réseau :" in French, whose typography spaces the colon)."""
    return _("%(label)s:") % {"label": label}


def number(count: int) -> str:
    """A count grouped the language's way: 170,840,224 / 170 840 224 / 170.840.224."""
    return current().number(count)


def members(count: int) -> str:
    return ngettext("%(count)s member", "%(count)s members", count) % {"count": number(count)}


def nonmembers(count: int) -> str:
    return ngettext("%(count)s non-member", "%(count)s non-members", count) % {
        "count": number(count)
    }


def signatories(count: int) -> str:
    return ngettext("%(count)s signatory", "%(count)s signatories", count) % {
        "count": number(count)
    }


def group_detail(group: Group) -> str:
    """ "3 members, 13 non-members"."""
    return _("%(members)s, %(nonmembers)s") % {
        "members": members(group.members),
        "nonmembers": nonmembers(group.nonmembers),
    }


def region(key: str) -> str:
    return current().region(key)


def kind(key: str) -> str:
    return current().kind(key)


def month(key: str, *, short: bool = False) -> str:
    return current().month(key, short=short)


def presented_line(paper: Paper) -> str | None:
    """ "2017-12-04, at Puerto Vallarta, Mexico, by …", or None when nothing is known."""
    parts = [
        current().date(paper.presented_on) if paper.presented_on else None,
        _("at %(place)s") % {"place": paper.presented_at} if paper.presented_at else None,
        _("by %(person)s") % {"person": paper.presented_by} if paper.presented_by else None,
    ]
    present = [part for part in parts if part]
    return ", ".join(present) if present else None


def paper_facts(paper: Paper) -> list[tuple[str, str, str]]:
    """(key, label, value) of what is known of the paper beyond its title, unescaped:
    network, when, where and by whom it was presented, the source."""
    facts = [("network", _("Network"), paper.network)]
    presented = presented_line(paper)
    if presented:
        facts.append(("presented", _("Presented"), presented))
    if paper.source:
        facts.append(("source", _("Source"), paper.source))
    return facts


def endorsed_title() -> str:
    return _("What was endorsed")


def recipient_line(recipient: Recipient) -> str:
    """ "Filippo Grandi, UN High Commissioner for Refugees"; the name alone without a role."""
    return f"{recipient.name}, {recipient.role}" if recipient.role else recipient.name


def endorsed_parts(paper: Paper) -> list[tuple[str, str, list[str]]]:
    """(key, label, items) of what the paper says it is, unescaped, in the report's order:
    the aim, the commitments (numbered by each format), the recipients, the framework.
    Empty when the paper says none of it. Keys: aim, commitments, recipients, framework."""
    parts: list[tuple[str, str, list[str]]] = []
    if paper.summary:
        parts.append(("aim", _("Aim"), [paper.summary]))
    if paper.commitments:
        parts.append(("commitments", _("Commitments"), list(paper.commitments)))
    if paper.addressed_to:
        parts.append(("recipients", _("Sent to"), [recipient_line(r) for r in paper.addressed_to]))
    if paper.framework:
        parts.append(("framework", _("Framework"), [paper.framework]))
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
    width = max(len(key) for key, _value in rows) + 2
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
    return _("%(signatories)s (%(confirmed)s confirmed, %(pending)s pending)") % {
        "signatories": number(totals.signatories),
        "confirmed": number(totals.confirmed),
        "pending": number(totals.pending),
    }


def members_line(totals: Totals) -> str:
    """ "38 recorded of 136 declared", each part agreeing with its own number."""
    recorded = ngettext("%(count)s recorded", "%(count)s recorded", totals.members_recorded)
    return recorded_of_declared(recorded % {"count": number(totals.members_recorded)}, totals)


def recorded_of_declared(recorded: str, totals: Totals) -> str:
    """`recorded` ("38 recorded", or "recorded" under a headline figure) followed by how many
    members were declared ("of 136 declared")."""
    declared = ngettext(
        "of %(count)s declared", "of %(count)s declared", totals.members_declared
    ) % {"count": number(totals.members_declared)}
    return _("%(recorded)s %(declared)s") % {"recorded": recorded, "declared": declared}


def gap_sentence(totals: Totals) -> str | None:
    """The members the network declared but the registry does not name, said plainly."""
    gap = totals.members_not_recorded
    if not gap:
        return None
    return ngettext(
        "%(count)s member backed the paper but is not yet recorded by name.",
        "%(count)s members backed the paper but are not yet recorded by name.",
        gap,
    ) % {"count": number(gap)}


def withdrawn_line(totals: Totals) -> str:
    return _("%(count)s (not counted in the totals)") % {"count": number(totals.withdrawn)}


def timeline_line(timeline: Timeline) -> str:
    if not timeline.months:
        return ngettext(
            "No endorsement dates are recorded yet (%(count)s signatory without a date).",
            "No endorsement dates are recorded yet (%(count)s signatories without a date).",
            timeline.undated,
        ) % {"count": number(timeline.undated)}
    return ngettext(
        "%(dated)s signatory with a date; %(undated)s without.",
        "%(dated)s signatories with a date; %(undated)s without.",
        timeline.dated,
    ) % {"dated": number(timeline.dated), "undated": number(timeline.undated)}


def population_line(population: Population) -> str:
    counted = len(population.counted)
    return ngettext(
        "%(total)s people live in the %(count)s signatory city matched to a single GeoNames city.",
        "%(total)s people live in the %(count)s signatory cities "
        "matched to a single GeoNames city.",
        counted,
    ) % {"total": number(population.total), "count": number(counted)}


def reason(key: str) -> str:
    """Why a signatory's population is not counted, as a tag: "ambiguous"."""
    labels = {"ambiguous": _("ambiguous"), "unknown": _("unknown"), "not a city": _("not a city")}
    return labels.get(key, key)


def _reason_count(key: str, count: int) -> str:
    values = {"count": number(count)}
    if key == "ambiguous":
        return ngettext("%(count)s ambiguous", "%(count)s ambiguous", count) % values
    if key == "unknown":
        return ngettext("%(count)s unknown", "%(count)s unknown", count) % values
    return ngettext("%(count)s not a city", "%(count)s not a city", count) % values


def not_counted_line(population: Population) -> str:
    counted = len(population.counted)
    everyone = counted + len(population.not_counted)
    reasons = ", ".join(
        _reason_count(key, population.not_counted_because(key))
        for key in ("ambiguous", "unknown", "not a city")
    )
    return ngettext(
        "Counted %(counted)s of %(everyone)s signatory; not counted: %(reasons)s.",
        "Counted %(counted)s of %(everyone)s signatories; not counted: %(reasons)s.",
        everyone,
    ) % {"counted": number(counted), "everyone": number(everyone), "reasons": reasons}


def none_text() -> str:
    """What a list or chart with nothing in it says: "(none)"."""
    return _("(none)")


PENDING_MARK: Final = "*"


def pending_note() -> str:
    return _("* pending: membership or endorsement not yet confirmed")


def status_mark(status: str) -> str:
    return f" {PENDING_MARK}" if status == "pending" else ""


# -- the summary in the report's language ----------------------------------------------------


def localised(summary: Summary) -> Summary:
    """The summary with the labels people read in the current language: country names,
    region and kind labels, groups re-ordered on their new labels, names in the language's
    alphabetical order. Keys, codes and figures are unchanged. English is the summary as is."""
    language = current()
    if language.code == "en":
        return summary

    def entry(e: Entry) -> Entry:
        new = object.__new__(Entry)  # as summary._entry: no per-field __init__ for 100,000
        new.__dict__.update(e.__dict__, country_name=language.country(e.country, e.country_name))
        return new

    def entries(listed: tuple[Entry, ...]) -> tuple[Entry, ...]:
        found = map(entry, listed)
        if not language.reorders_names:  # the summary's order is by names.fold already
            return tuple(found)
        return tuple(sorted(found, key=lambda e: (language.collate(e.name), e.id)))

    def groups(found: tuple[Group, ...], label: Callable[[Group], str]) -> tuple[Group, ...]:
        relabelled = [replace(g, label=label(g)) for g in found]
        return tuple(
            sorted(relabelled, key=lambda g: (-g.signatories, language.collate(g.label), g.key))
        )

    regions = sorted(
        summary.members_by_region, key=lambda r: language.collate(language.region(r.region))
    )
    return replace(
        summary,
        by_region=groups(summary.by_region, lambda g: language.region(g.key)),
        by_country=groups(summary.by_country, lambda g: language.country(g.key, g.label)),
        by_kind=groups(summary.by_kind, lambda g: language.kind(g.key)),
        nonmembers=entries(summary.nonmembers),
        members_by_region=tuple(RegionMembers(r.region, entries(r.members)) for r in regions),
        withdrawn=entries(summary.withdrawn),
        signatories=entries(summary.signatories),
    )

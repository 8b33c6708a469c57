"""The public page of the signatories: one self-contained HTML file per language.

What a visitor of a network's website wants: the paper and what it asks, the
totals, the world map (`render.world_map`) and every signatory who backs it
(confirmed or pending; the withdrawn are not listed), findable by name. The
whole list is in the HTML, so the page works without JavaScript and search
engines read it; the one inline script only adds search (ignoring case and
accents), filters and sorting, working on the rows themselves: no data is
embedded as JSON, and there is no request to anywhere, no external script,
style, font or image.

A fragment is the same content as one `<section class="endorse-site">` with its
styles scoped to that class and ids prefixed `endorse-`, for a website's CMS.
Every piece of registry text passes through `html_safe`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from endorse.places.names import fold
from endorse.registry.summary import Entry, Summary
from endorse.render import report_words as words
from endorse.render.i18n import LANGUAGES, LanguageCode, _, current, ngettext, using
from endorse.render.safe import html_safe as esc
from endorse.render.site_assets import PAGE_STYLE, SCRIPT, STYLE
from endorse.render.world_map import map_style, world_map

LANGUAGE_NAMES: Final[dict[LanguageCode, str]] = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
}


SCOPE: Final = ".endorse-site"


@dataclass(frozen=True)
class Headings:
    """The heading levels of a page (h1, then h2) or of a fragment inside one (h2, h3)."""

    title: int
    section: int


PAGE: Final = Headings(1, 2)
FRAGMENT: Final = Headings(2, 3)


def page_path(language: LanguageCode, *, fragment: bool = False) -> str:
    """Where a language's file goes in the site's folder: index.html, fr/index.html, …"""
    name = "fragment.html" if fragment else "index.html"
    return name if language == "en" else f"{language}/{name}"


def site_pages(
    summary: Summary, *, fragment: bool = False, base_url: str | None = None
) -> dict[str, str]:
    """Every language's page (or fragment), by its path in the site's folder."""
    return {
        page_path(language, fragment=fragment): (
            site_fragment(summary, language)
            if fragment
            else site_page(summary, language, base_url=base_url)
        )
        for language in LANGUAGES
    }


def site_page(
    summary: Summary, language: LanguageCode = "en", *, base_url: str | None = None
) -> str:
    """The whole page in one language, linking to the others. With `base_url`, the address
    the site's folder is published at ("https://example.org/gcm/", ending with "/"), the
    page names its canonical address and its languages' as search engines want them:
    whole, English the default for other languages (`x-default`)."""
    with using(language):
        localised = words.localised(summary)
        paper = localised.paper
        title = f"{paper.title} · {paper.network}"
        description = _("%(network)s: endorsements of %(title)s") % {
            "network": paper.network,
            "title": paper.title,
        }
        links = _alternates(language, base_url)
        skip = esc(_("Skip to the list of signatories"))
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="generator" content="endorse">\n'
            f'<meta name="description" content="{esc(description)}">\n{links}\n'
            f"<title>{esc(title)}</title>\n<style>{PAGE_STYLE}{STYLE}{map_style(SCOPE)}</style>\n"
            "</head>\n"
            f'<body>\n<div class="endorse-site">\n'
            f'<a class="skip" href="#endorse-list">{skip}</a>\n'
            f'<header class="masthead"><div class="wrap">{_languages(language)}'
            f"{_title(localised, PAGE)}</div></header>\n"
            f'<main class="wrap">\n{_content(localised, PAGE)}\n</main>\n'
            f'<footer class="wrap">{_footer()}</footer>\n'
            f"<script>{SCRIPT}</script>\n</div>\n</body>\n</html>\n"
        )


def site_fragment(summary: Summary, language: LanguageCode = "en") -> str:
    """The page's content as one embeddable `<section>`, its styles scoped to it."""
    with using(language):
        localised = words.localised(summary)
        return (
            f'<section class="endorse-site" lang="{language}" '
            f'aria-labelledby="endorse-title">\n<style>{STYLE}{map_style(SCOPE)}</style>\n'
            f"{_title(localised, FRAGMENT)}\n{_content(localised, FRAGMENT)}\n"
            f'<p class="sources">{_footer()}</p>\n<script>{SCRIPT}</script>\n</section>\n'
        )


def _alternates(here: LanguageCode, base_url: str | None) -> str:
    if base_url is None:
        return "".join(
            f'<link rel="alternate" hreflang="{other}" href="{_relative(here, other)}">'
            for other in LANGUAGES
        )

    def address(language: LanguageCode) -> str:
        return esc(base_url + page_path(language).removesuffix("index.html"))

    links = [f'<link rel="canonical" href="{address(here)}">']
    links += [
        f'<link rel="alternate" hreflang="{other}" href="{address(other)}">' for other in LANGUAGES
    ]
    links.append(f'<link rel="alternate" hreflang="x-default" href="{address("en")}">')
    return "".join(links)


def _relative(here: LanguageCode, there: LanguageCode) -> str:
    up = "" if here == "en" else "../"
    return f"{up}{page_path(there)}"


def _languages(here: LanguageCode) -> str:
    items = []
    for language in LANGUAGES:
        name = LANGUAGE_NAMES[language]
        if language == here:
            items.append(f'<li><a aria-current="page" lang="{language}">{name}</a></li>')
        else:
            href = _relative(here, language)
            items.append(
                f'<li><a href="{href}" lang="{language}" hreflang="{language}">{name}</a></li>'
            )
    label = esc(_("Languages"))
    return f'<nav class="languages" aria-label="{label}"><ul>{"".join(items)}</ul></nav>'


def _title(summary: Summary, levels: Headings) -> str:
    paper = summary.paper
    level = levels.title
    return (
        f'<p class="eyebrow">{esc(paper.network)}</p>'
        f'<h{level} id="endorse-title">{esc(paper.title)}</h{level}>'
    )


def _content(summary: Summary, levels: Headings) -> str:
    parts = [
        _endorsed(summary, levels),
        _section("endorse-totals", _("Who endorsed"), _totals(summary), levels),
        _section(
            "endorse-map",
            _("Signatories on the world map"),
            world_map(summary, "endorse-world-map", country_table=True),
            levels,
        ),
        _section("endorse-list", _("Signatories"), _list(summary), levels),
    ]
    return "\n".join(part for part in parts if part)


def _section(anchor: str, title: str, content: str, levels: Headings) -> str:
    level = levels.section
    return (
        f'<section id="{anchor}" aria-labelledby="{anchor}-heading">\n'
        f'<h{level} id="{anchor}-heading">{esc(title)}</h{level}>\n{content}\n</section>'
    )


def _endorsed(summary: Summary, levels: Headings) -> str:
    parts = words.endorsed_parts(summary.paper)
    if not parts:
        return ""
    level = levels.section + 1
    blocks = []
    for key, label, items in parts:
        listed = "".join(f"<li>{esc(item)}</li>" for item in items)
        if key == "commitments":
            body = f"<ol>{listed}</ol>"
        elif key == "recipients":
            body = f"<ul>{listed}</ul>"
        else:
            body = f"<p>{esc(items[0])}</p>"
        blocks.append(f"<h{level}>{esc(label)}</h{level}>\n{body}")
    return _section("endorse-endorsed", words.endorsed_title(), "\n".join(blocks), levels)


def _totals(summary: Summary) -> str:
    totals = summary.totals
    n = words.number
    figures = [
        (n(totals.signatories), _("signatories")),
        (
            n(totals.members_recorded),
            _("members of %(network)s") % {"network": summary.paper.network},
        ),
        (n(totals.nonmembers), _("non-members")),
        (
            n(len(summary.by_country)),
            ngettext("country", "countries", len(summary.by_country)),
        ),
    ]
    items = "".join(f"<li><strong>{value}</strong> {esc(label)}</li>" for value, label in figures)
    lines = [f'<ul class="totals">{items}</ul>']
    gap = words.gap_sentence(totals)
    if gap:
        lines.append(f'<p class="note">{esc(gap)}</p>')
    return "\n".join(lines)


def _list(summary: Summary) -> str:
    entries = summary.signatories
    if not entries:
        nothing = esc(_("None."))
        return f'<p class="note">{nothing}</p>'
    count = len(entries)
    total = words.number(count)
    empty = esc(_("No signatory matches the search and filters."))
    listed = esc(_("Listed: the first {count}."))
    list_all = esc(_("List all {count}"))
    return (
        f"{_controls(summary)}\n"
        f'<p class="shown" role="status" data-one="{esc(_shown(1))}" '
        f'data-other="{esc(_shown(2))}">{esc(_shown(count).format(shown=total, total=total))}'
        "</p>\n"
        f'<p class="empty note" hidden>{empty}</p>\n'
        f"{_table(entries)}\n"
        f'<p class="more" data-listed="{listed}" hidden><span class="listed"></span> '
        f'<button type="button" data-template="{list_all}"></button></p>'
    )


def _shown(count: int) -> str:
    """How many match, for the script to fill: the form for `count` (1: the singular)."""
    return ngettext("{shown} of {total} matches", "{shown} of {total} match", count)


def _controls(summary: Summary) -> str:
    """Search, filters and sorting: hidden until the script shows them (they need it)."""
    regions = [(g.key, g.label) for g in summary.by_region]
    countries = sorted(
        ((g.key, g.label) for g in summary.by_country),
        key=lambda pair: (current().collate(pair[1]), pair[0]),
    )
    fields = [
        _search(),
        _select("region", _("Region"), [("", _("All regions")), *regions]),
        _select("country", _("Country"), [("", _("All countries")), *countries]),
        _select(
            "member",
            _("Membership"),
            [
                ("", _("Members and non-members")),
                ("member", _("Members")),
                ("nonmember", _("Non-members")),
            ],
        ),
        _select(
            "status",
            _("Status"),
            [
                ("", _("Confirmed and pending")),
                ("confirmed", _("Confirmed only")),
                ("pending", _("Pending only")),
            ],
        ),
        _select(
            "sort",
            _("Sort by"),
            [("name", _("Name")), ("country", _("Country")), ("date", _("Date, newest first"))],
        ),
    ]
    label = esc(_("Find a signatory"))
    return (
        f'<form class="controls" role="search" aria-label="{label}" hidden>{"".join(fields)}</form>'
    )


def _search() -> str:
    label = esc(_("Search"))
    hint = esc(_("Name, place or country"))
    return (
        f'<div class="field search"><label for="endorse-q">{label}</label>'
        f'<input id="endorse-q" name="q" type="search" autocomplete="off" '
        f'aria-describedby="endorse-q-hint"><span class="hint" id="endorse-q-hint">{hint}</span>'
        "</div>"
    )


def _select(name: str, label: str, options: Sequence[tuple[str, str]]) -> str:
    listed = "".join(
        f'<option value="{esc(value)}">{esc(text)}</option>' for value, text in options
    )
    return (
        f'<div class="field"><label for="endorse-{name}">{esc(label)}</label>'
        f'<select id="endorse-{name}" name="{name}">{listed}</select></div>'
    )


def _table(entries: Sequence[Entry]) -> str:
    headers = [
        _("Name"),
        _("Place"),
        _("Country"),
        _("Region"),
        _("Membership"),
        _("Status"),
        _("Date"),
    ]
    head = "".join(f'<th scope="col">{esc(header)}</th>' for header in headers)
    rows = "\n".join(_row(entry, headers) for entry in entries)
    return (
        '<table class="signatories" aria-labelledby="endorse-list-heading">'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody></table>"
    )


def _row(entry: Entry, headers: Sequence[str]) -> str:
    member = _("member") if entry.member else _("non-member")
    status = _("Confirmed") if entry.status == "confirmed" else _("Pending")
    day = current().date(entry.endorsed_on) if entry.endorsed_on else ""
    values = (
        entry.subdivision_name or "",
        entry.country_name,
        words.region(entry.region),
        member,
        status,
        day,
    )
    name_label, *labels = headers
    cells = f'<th scope="row" data-label="{esc(name_label)}">{esc(entry.name)}</th>' + "".join(
        f'<td data-label="{esc(label)}">{esc(value)}</td>'
        for label, value in zip(labels, values, strict=True)
    )
    search = fold(" ".join(filter(None, (entry.name, entry.subdivision_name, entry.country_name))))
    return (
        f'<tr data-id="{esc(entry.id)}" data-region="{esc(entry.region)}" '
        f'data-country="{esc(entry.country)}" data-country-name="{esc(entry.country_name)}" '
        f'data-member="{"member" if entry.member else "nonmember"}" '
        f'data-status="{esc(entry.status)}" '
        f'data-date="{entry.endorsed_on.isoformat() if entry.endorsed_on else ""}" '
        f'data-search="{esc(search)}">{cells}</tr>'
    )


def _footer() -> str:
    return esc(
        _(
            "Made with endorse from the registry of signatories. Borders: Natural Earth "
            "(public domain). Places and regions: GeoNames."
        )
    )

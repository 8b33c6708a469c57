"""The world map of a report and of the public page: inline SVG, no request to anywhere.

Countries are shaded by how many signatories they have (`SHADES`), and each
signatory whose place is known (`Summary.located`, where the place data gives
a position) is a dot: members as circles, non-members as diamonds, so that
shape, not colour alone, tells them apart. Borders are Natural Earth's at
1:110m in the Equal Earth projection (data/world.json, by
scripts/make_world_map.py); dots are projected into the same frame here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from endorse.places.gazetteer import world
from endorse.places.projection import Frame
from endorse.registry.summary import Located, Summary
from endorse.render import report_words as words
from endorse.render.i18n import _, ngettext
from endorse.render.safe import html_safe as esc

# The lower bound of each shade, lightest first.
SHADES: Final = (1, 2, 5, 20, 100)
DOT_RADIUS: Final = 7

_MAP_STYLE: Final = """
@ figure.world { margin: 0; }
@ figure.world svg.world-map { display: block; width: 100%; height: auto; background: #eef3f8; }
@ figure.world .land, @ figure.world .country { fill: #e3e7eb; stroke: #fff; stroke-width: .8; }
@ figure.world .shade-1 { fill: #a9cbea; } @ figure.world .shade-2 { fill: #76a9d8; }
@ figure.world .shade-3 { fill: #4682c0; } @ figure.world .shade-4 { fill: #225d9c; }
@ figure.world .shade-5 { fill: #0b3766; }
@ figure.world .dot { stroke: #fff; stroke-width: 2; }
@ figure.world .dot.member { fill: #c2410c; }
@ figure.world .dot.nonmember { fill: #f2b134; stroke: #3d2a00; stroke-width: 1.5; }
@ figure.world ul.map-legend { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 8px 0 0;
  padding: 0; list-style: none; font-size: 14px; color: #4a5562; }
@ figure.world ul.map-legend svg { width: 16px; height: 16px; margin-right: 6px;
  vertical-align: -3px; }
@ figure.world ul.map-legend rect { stroke: #4a5562; stroke-width: 1.5; }
@ figure.world details { margin-top: 8px; font-size: 14px; }
@ figure.world details table { width: auto; border-collapse: collapse; }
@ figure.world details th, @ figure.world details td { padding: 2px 12px 2px 0;
  text-align: left; }
@ figure.world details td { text-align: right; font-variant-numeric: tabular-nums; }
"""


def map_style(scope: str = "") -> str:
    """The map's stylesheet, every selector within `scope` (".endorse-site" for the public
    page's fragment, which must style nothing of the page it is put in)."""
    return _MAP_STYLE.replace("@ ", f"{scope} " if scope else "")


def world_map(summary: Summary, map_id: str = "world-map", *, country_table: bool = False) -> str:
    """The map as a <figure>: the SVG, titled and described for screen readers, and its
    legend; with `country_table`, the signatories of each country as a table under it (the
    shades' figures in words, for who cannot hover over a country: the report has its
    chart of countries instead)."""
    borders = world()
    frame = Frame(**borders["frame"])
    counts = {group.key: group.signatories for group in summary.by_country}
    names = {group.key: group.label for group in summary.by_country}
    shapes = [_land(path) for path in borders["land"]]
    shapes += [
        _country(code, path, counts.get(code, 0), names.get(code))
        for code, path in borders["countries"].items()
    ]
    dots = _dots(summary.located, frame)
    title = _("Signatories on the world map")
    return (
        f'<figure class="world" id="{map_id}">'
        f'<svg class="world-map" role="img" aria-labelledby="{map_id}-title" '
        f'aria-describedby="{map_id}-desc" '
        f'viewBox="0 0 {frame.width} {frame.height}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{map_id}-title">{esc(title)}</title>'
        f'<desc id="{map_id}-desc">{esc(_description(summary, len(dots)))}</desc>'
        f'<g class="countries">{"".join(shapes)}</g><g class="dots">{"".join(dots)}</g></svg>'
        f"{_legend()}{_country_table(summary) if country_table else ''}</figure>"
    )


def _description(summary: Summary, dots: int) -> str:
    countries = len(summary.by_country)
    where = ngettext("%(count)s country", "%(count)s countries", countries) % {
        "count": words.number(countries)
    }
    spread = _("%(signatories)s in %(countries)s.") % {
        "signatories": words.signatories(summary.totals.signatories),
        "countries": where,
    }
    shown = ngettext(
        "%(dots)s signatory whose place is known is a dot: members as circles, "
        "non-members as diamonds.",
        "%(dots)s signatories whose place is known are dots: members as circles, "
        "non-members as diamonds.",
        dots,
    ) % {"dots": words.number(dots)}
    return f"{spread} {shown}"


def shade(signatories: int) -> int:
    """The shade of a country with this many signatories: 0 (none) to len(SHADES)."""
    return sum(signatories >= bound for bound in SHADES)


def _land(path: str) -> str:
    return f'<path class="land" d="{path}"/>'


def _country(code: str, path: str, signatories: int, name: str | None) -> str:
    if not signatories:
        return f'<path class="country" d="{path}"/>'
    label = _("%(country)s: %(signatories)s") % {
        "country": name or code,
        "signatories": words.number(signatories),
    }
    return (
        f'<path class="country shade-{shade(signatories)}" d="{path}" '
        f'data-country="{esc(code)}" data-signatories="{signatories}">'
        f"<title>{esc(label)}</title></path>"
    )


def _dots(located: Sequence[Located], frame: Frame) -> list[str]:
    dots = []
    for signatory in located:
        position = signatory.position
        if position is None:
            continue
        x, y = frame.point(*position)
        title = f"<title>{esc(signatory.name)}</title>"
        data = f'data-id="{esc(signatory.id)}"'
        if signatory.member:
            dots.append(
                f'<circle class="dot member" {data} cx="{x:.1f}" cy="{y:.1f}" '
                f'r="{DOT_RADIUS}">{title}</circle>'
            )
        else:
            dots.append(f'<path class="dot nonmember" {data} d="{_diamond(x, y)}">{title}</path>')
    return dots


def _diamond(x: float, y: float) -> str:
    size = DOT_RADIUS + 2
    return f"M{x:.1f} {y - size:.1f}l{size} {size}-{size} {size}-{size}-{size}z"


def _country_table(summary: Summary) -> str:
    rows = "".join(
        f'<tr><th scope="row">{esc(group.label)}</th>'
        f"<td>{words.number(group.signatories)}</td></tr>"
        for group in summary.by_country
    )
    heading = esc(_("Signatories per country"))
    country, signatories = esc(_("Country")), esc(_("Signatories"))
    return (
        f"<details><summary>{heading}</summary><table>"
        f'<thead><tr><th scope="col">{country}</th><th scope="col">{signatories}</th></tr>'
        f"</thead><tbody>{rows}</tbody></table></details>"
    )


def _legend() -> str:
    """What the shades and the two dots mean, as a list a screen reader reads too."""
    items = []
    uppers: tuple[int | None, ...] = (*SHADES[1:], None)
    for index, (low, high) in enumerate(zip(SHADES, uppers, strict=True), start=1):
        label = _range_label(low, high)
        items.append(
            f'<li><svg aria-hidden="true" viewBox="0 0 16 16"><rect class="country shade-{index}" '
            f'width="16" height="16"/></svg>{esc(label)}</li>'
        )
    member = esc(_("member (circle)"))
    nonmember = esc(_("non-member (diamond)"))
    items.append(
        '<li><svg aria-hidden="true" viewBox="0 0 16 16"><circle class="dot member" '
        f'cx="8" cy="8" r="6"/></svg>{member}</li>'
    )
    items.append(
        '<li><svg aria-hidden="true" viewBox="0 0 16 16"><path class="dot nonmember" '
        f'd="M8 1l7 7-7 7-7-7z"/></svg>{nonmember}</li>'
    )
    heading = esc(_("Signatories per country"))
    return f'<ul class="map-legend" aria-label="{heading}">{"".join(items)}</ul>'


def _range_label(low: int, high: int | None) -> str:
    number = words.number
    if high is None:
        return _("%(low)s or more") % {"low": number(low)}
    if high - 1 == low:
        return number(low)
    return f"{number(low)}–{number(high - 1)}"

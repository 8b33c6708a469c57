"""Countries, subdivisions and places: does each signatory name a real place?

Places are checked against GeoNames through `endorse.places.lookup`: cities, towns
and villages of 1,000 people or more everywhere, and US counties (with the independent
cities that count as counties, like "St. Louis city"). Only US places carry
an ISO 3166-2 subdivision there (GeoNames' admin1 codes elsewhere are not
ISO codes), so a subdivision is checked against places in the US only.
`as_written` is the source's spelling and is never checked; `name` is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from endorse.checks.codes import Finding
from endorse.places import lookup as places
from endorse.places.lookup import Place
from endorse.registry.model import Signatory

_CANDIDATES_SHOWN: Final = 20


def place_findings(signatory: Signatory, line: int | None) -> Iterable[Finding]:
    """Every place finding for one well-formed signatory.

    A country or subdivision that is not a valid code is a value problem
    (`checks.value_rules`); the places are then looked up without it.
    """
    if places.country_name(signatory.country) is None:
        return
    subdivision = places.usable_subdivision(signatory.subdivision, signatory.country)
    if signatory.kind == "region":
        yield from _region_findings(signatory, line, subdivision)
    elif signatory.kind in ("city", "county"):
        yield from _place_findings(signatory, line, subdivision)
    else:
        yield _not_checked(
            signatory, line, f'kind "{signatory.kind}" is not checked against the place data'
        )


def _not_checked(signatory: Signatory, line: int | None, reason: str) -> Finding:
    return Finding.of(
        "I205",
        signatory.id,
        line,
        reason,
        "nothing to do: check this one by hand before publishing",
    )


def _region_findings(
    signatory: Signatory, line: int | None, subdivision: str | None
) -> Iterable[Finding]:
    """A region is a subdivision: given by its code, or found by its name."""
    if subdivision is not None or places.regions_named(signatory.name, signatory.country):
        return
    close = places.similar_subdivisions(signatory.name, signatory.country)
    suggestion = (
        "; did you mean " + " or ".join(f'{code} ("{name}")' for code, name in close) + "?"
        if close
        else ""
    )
    yield Finding.of(
        "W204",
        signatory.id,
        line,
        f'"{signatory.name}" is not the name of an ISO 3166-2 subdivision of '
        f"{signatory.country}{suggestion}",
        "give the region's code in subdivision (it then identifies the region), "
        "or correct the name",
    )


def _place_findings(
    signatory: Signatory, line: int | None, subdivision: str | None
) -> Iterable[Finding]:
    if signatory.kind == "county" and signatory.country != "US":
        yield _not_checked(signatory, line, "the place data holds counties of the US only")
        return
    found = places.identify(signatory.name, signatory.country, signatory.kind, subdivision)
    if not found.of_kind:
        yield _unknown_place(signatory, line, subdivision, found.named)
    elif subdivision is not None and signatory.country != "US":
        yield _not_checked(
            signatory,
            line,
            "the place data has no ISO 3166-2 subdivisions outside the US, "
            f"so {subdivision} is not checked against it",
        )
    elif not found.matching:
        assert subdivision is not None
        yield _not_in_subdivision(signatory, line, subdivision, found.of_kind)
    elif len(found.matching) > 1:
        yield _ambiguous(signatory, line, found.matching, subdivision)


def _unknown_place(
    signatory: Signatory, line: int | None, subdivision: str | None, other_kind: Sequence[Place]
) -> Finding:
    """W201, given the places of another kind the name is known as (perhaps none)."""
    message = f'"{signatory.name}" is not a known {signatory.kind} in {signatory.country}'
    if other_kind:
        message += f"; the data knows it there as {_as_features(other_kind)}"
        hint = "check kind: it should say what the data knows this place as"
    else:
        close = _nearest_first(
            places.similar_places(signatory.name, signatory.country, limit=3), subdivision
        )
        if close:
            message += f" — did you mean {_listing(close)}?"
        hint = (
            "correct the name (the place data knows places of 1,000 people or more, "
            "and US counties); a smaller place is fine as it is"
        )
    return Finding.of("W201", signatory.id, line, message, hint)


def _not_in_subdivision(
    signatory: Signatory, line: int | None, subdivision: str, candidates: Sequence[Place]
) -> Finding:
    close = [
        place
        for place in places.similar_places(signatory.name, signatory.country, limit=10)
        if place.subdivision == subdivision
    ]
    suggestion = f"; did you mean {_listing(close)}?" if close else ""
    return Finding.of(
        "W203",
        signatory.id,
        line,
        f'{subdivision} holds no known {signatory.kind} named "{signatory.name}" '
        f"(the data knows one in {', '.join(_subdivisions_of(candidates))}){suggestion}",
        "correct the subdivision or the name",
    )


def _ambiguous(
    signatory: Signatory, line: int | None, candidates: Sequence[Place], subdivision: str | None
) -> Finding:
    ranked = sorted(candidates, key=lambda p: (-(p.population or 0), p.subdivision or ""))
    close = places.similar_places(signatory.name, signatory.country, score_cutoff=90.0)
    also = f"; did you mean {_listing(close)}?" if close else ""
    which = "no subdivision says which" if subdivision is None else f"{subdivision} holds several"
    message = (
        f'{len(candidates)} known places in {signatory.country} are named "{signatory.name}" '
        f"and {which}: {_candidates(ranked)}{also}"
    )
    return Finding.of("W202", signatory.id, line, message, _which_one_hint(signatory, ranked))


def _which_one_hint(signatory: Signatory, candidates: Sequence[Place]) -> str:
    """How to say which place is meant: one of the codes listed, or, where the data knows
    no place's subdivision (outside the US), the ISO 3166-2 code of the one meant."""
    command = f"`endorse edit {signatory.id} --subdivision CODE`"
    if any(place.subdivision for place in candidates):
        return f"add the subdivision of the one meant: {command}, CODE being one of those listed"
    example = next(iter(places.subdivision_choices(signatory.country)), None)
    such_as = f", such as {example[0]}" if example else ""
    return (
        "the place data cannot tell these apart (it has no subdivisions outside the US): "
        f"check which one is meant and give its ISO 3166-2 code: {command}{such_as}"
    )


def _candidates(ranked: Sequence[Place]) -> str:
    """The candidates, largest first; all in one line when the data has no populations."""
    if not any(place.population for place in ranked):
        names = list(dict.fromkeys(place.name for place in ranked))
        return "; ".join(
            f"{name} in {', '.join(_subdivisions_of(p for p in ranked if p.name == name))}"
            for name in names
        )
    shown = [_candidate(place) for place in ranked[:_CANDIDATES_SHOWN]]
    more = len(ranked) - len(shown)
    return "; ".join(shown) + (f"; and {more} more" if more else "")


def _subdivisions_of(found: Iterable[Place]) -> list[str]:
    return list(dict.fromkeys(place.subdivision or "?" for place in found))


def _candidate(place: Place) -> str:
    parts = [place.subdivision or "subdivision unknown"]
    if place.population:
        parts.append(f"population {place.population:,}")
    return f"{place.name} ({', '.join(parts)})"


def _listing(found: Sequence[Place]) -> str:
    def one(place: Place) -> str:
        where = f" ({place.subdivision})" if place.subdivision else ""
        return f'"{place.name}"{where}'

    return " or ".join(one(place) for place in found)


def _as_features(found: Sequence[Place]) -> str:
    """ "a county in US-AL, US-AR" for places the data holds under another kind."""
    features = dict.fromkeys(place.feature for place in found)
    parts = []
    for feature in features:
        of_feature = [place for place in found if place.feature == feature]
        where = ", ".join(sorted(p for p in _subdivisions_of(of_feature) if p != "?"))
        parts.append(f"a {feature}" + (f" in {where}" if where else ""))
    return " and ".join(parts)


def _nearest_first(found: Sequence[Place], subdivision: str | None) -> list[Place]:
    return sorted(found, key=lambda place: place.subdivision != subdivision)

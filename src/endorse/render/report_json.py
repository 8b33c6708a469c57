"""The report as JSON for programs: the same figures, shape documented in docs/report.md."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Final

from endorse.registry.summary import Entry, Group, Summary
from endorse.render import report_words as words
from endorse.render.i18n import LanguageCode, _, using

REPORT_FORMAT: Final = 1


INDENTED_UP_TO: Final = 2000


def json_report(summary: Summary, language: LanguageCode = "en") -> str:
    """Indented for a person up to INDENTED_UP_TO signatories; compact beyond, where json's
    C encoder writes in 0.2 s what its indenting Python encoder takes 5 s for (100,000)."""
    return "".join(json_report_chunks(summary, language))


def json_report_chunks(summary: Summary, language: LanguageCode = "en") -> Iterator[str]:
    """`json_report` in pieces: a compact report's long lists come a thousand items at a
    time, so that the whole text (57 MiB at 100,000 signatories) is never held at once."""
    document = report_document(summary, language)
    if summary.totals.signatories <= INDENTED_UP_TO:
        yield json.dumps(document, ensure_ascii=False, indent=2)
    else:
        yield from compact_json_chunks(document)
    yield "\n"


ITEMS_PER_CHUNK: Final = 1000


def compact_json_chunks(value: Any, per_chunk: int = ITEMS_PER_CHUNK) -> Iterator[str]:
    """What `json.dumps(value, ensure_ascii=False)` writes, in pieces."""
    if isinstance(value, dict):
        yield "{"
        for number, (key, item) in enumerate(value.items()):
            yield (", " if number else "") + _compact(key) + ": "
            yield from compact_json_chunks(item, per_chunk)
        yield "}"
    elif isinstance(value, list) and _holds_lists(value, per_chunk):
        yield "["
        for number, item in enumerate(value):
            if number:
                yield ", "
            yield from compact_json_chunks(item, per_chunk)
        yield "]"
    elif isinstance(value, list) and value:
        yield "["
        for start in range(0, len(value), per_chunk):
            part = _compact(value[start : start + per_chunk])
            yield (", " if start else "") + part[1:-1]
        yield "]"
    else:
        yield _compact(value)


def _holds_lists(items: list[Any], per_chunk: int) -> bool:
    """A short list of tables that hold lists (the members of each region): taken item by
    item, so that those lists are written in pieces too."""
    return len(items) <= per_chunk and any(
        isinstance(item, list)
        or (isinstance(item, dict) and any(isinstance(v, list | dict) for v in item.values()))
        for item in items
    )


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def report_document(summary: Summary, language: LanguageCode = "en") -> dict[str, Any]:
    """The JSON document: plain dicts, lists, strings, numbers, booleans and nulls. Keys and
    codes are the same in every language; labels (`label`, `country_name`, the population's
    `source`) are in `language`, which the document names."""
    with using(language):
        return _document(words.localised(summary), language)


def _document(summary: Summary, language: LanguageCode) -> dict[str, Any]:
    paper = summary.paper
    totals = summary.totals
    population = summary.population
    return {
        "report_format": REPORT_FORMAT,
        "language": language,
        "paper": {
            "title": paper.title,
            "network": paper.network,
            "members_declared": paper.members_declared,
            "presented_on": paper.presented_on.isoformat() if paper.presented_on else None,
            "presented_at": paper.presented_at,
            "presented_by": paper.presented_by,
            "source": paper.source,
            "summary": paper.summary,
            "framework": paper.framework,
            "commitments": list(paper.commitments),
            "addressed_to": [
                {"name": recipient.name, "role": recipient.role} for recipient in paper.addressed_to
            ],
        },
        "totals": {
            "signatories": totals.signatories,
            "confirmed": totals.confirmed,
            "pending": totals.pending,
            "members_recorded": totals.members_recorded,
            "members_declared": totals.members_declared,
            "members_not_recorded": totals.members_not_recorded,
            "nonmembers": totals.nonmembers,
            "withdrawn": totals.withdrawn,
        },
        "by_region": [_group(g) for g in summary.by_region],
        "by_country": [_group(g) for g in summary.by_country],
        "by_kind": [_group(g) for g in summary.by_kind],
        "nonmembers": [_entry(e) for e in summary.nonmembers],
        "members_by_region": [
            {
                "region": group.region,
                "label": words.region(group.region),
                "members": [_entry(e) for e in group.members],
            }
            for group in summary.members_by_region
        ],
        "withdrawn": [_entry(e) for e in summary.withdrawn],
        "timeline": {
            "months": [
                {"month": m.month, "signatories": m.signatories} for m in summary.timeline.months
            ],
            "dated": summary.timeline.dated,
            "undated": summary.timeline.undated,
        },
        "population": {
            "total": population.total,
            "source": _("GeoNames city populations"),
            "counted": [
                {"id": c.id, "name": c.name, "place": c.place, "population": c.population}
                for c in population.counted
            ],
            "not_counted": [
                {"id": n.id, "name": n.name, "reason": n.reason} for n in population.not_counted
            ],
        },
    }


def _group(group: Group) -> dict[str, Any]:
    return {
        "key": group.key,
        "label": group.label,
        "signatories": group.signatories,
        "members": group.members,
        "nonmembers": group.nonmembers,
    }


def _entry(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "name": entry.name,
        "kind": entry.kind,
        "country": entry.country,
        "country_name": entry.country_name,
        "subdivision": entry.subdivision,
        "region": entry.region,
        "member": entry.member,
        "status": entry.status,
        "endorsed_on": entry.endorsed_on.isoformat() if entry.endorsed_on else None,
    }

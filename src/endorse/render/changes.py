"""The changes between two versions of a registry, and the log of its commits, as text,
markdown and JSON.

Text is grouped by kind of change with counts, each changed key with its old
and new value; markdown is the same, ready for a newsletter or a pull
request; JSON is every change as data. Registry text is escaped for where
it is printed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from endorse.history.diff import CHANGE_KINDS, ChangeKind, Changes, FieldChange, SignatoryChange
from endorse.render.records import json_value, record_keys, signatory_record
from endorse.render.report_words import signatories
from endorse.render.safe import markdown_safe, terminal_safe

if TYPE_CHECKING:
    from endorse.history.git import LogEntry
    from endorse.registry.model import Signatory

HEADINGS: Final[dict[ChangeKind, str]] = {
    "added": "Added",
    "removed": "Removed",
    "withdrawn": "Withdrawn",
    "reinstated": "Reinstated",
    "changed": "Changed",
}
ARROW: Final = "→"


def counted(changes: Changes) -> str:
    """ "2 added, 1 withdrawn; the paper changed", or "no differences"."""
    parts = [f"{n} {kind}" for kind, n in changes.counts().items() if n]
    text = ", ".join(parts)
    extra = [
        f"the {w} changed"
        for w, c in (("paper", changes.paper), ("registry", changes.registry))
        if c
    ]
    if extra:
        text = "; ".join(p for p in (text, " and ".join(extra)) if p)
    return text or "no differences"


# Text


def diff_text(changes: Changes, old: str, new: str) -> str:
    """The changes grouped by kind, with counts; nothing but a line when there are none."""
    head = f"{terminal_safe(old)} {ARROW} {terminal_safe(new)}: {counted(changes)}\n"
    return head + "".join(_text_sections(changes))


def _text_sections(changes: Changes) -> Iterable[str]:
    for kind in CHANGE_KINDS:
        found = changes.of_kind(kind)
        if found:
            yield f"\n{HEADINGS[kind]} ({len(found)})\n"
            for change in found:
                yield f"  {_text_signatory(change.signatory)}\n"
                yield from _text_fields(change.fields, "    ")
    for title, fields in (("Paper", changes.paper), ("Registry", changes.registry)):
        if fields:
            yield f"\n{title} ({len(fields)})\n"
            yield from _text_fields(fields, "  ")


def _text_signatory(signatory: Signatory) -> str:
    return terminal_safe(f"{signatory.id}: {_described(signatory)}")


def _described(signatory: Signatory) -> str:
    place = signatory.subdivision or signatory.country
    return f"{signatory.name} ({place}), {_traits(signatory)}"


def _traits(signatory: Signatory) -> str:
    member = "member" if signatory.member else "non-member"
    return f"{signatory.kind}, {member}, {signatory.status}"


def _text_fields(fields: Sequence[FieldChange], indent: str) -> Iterable[str]:
    for field in fields:
        yield terminal_safe(f"{indent}{field.key}: {_change(field)}") + "\n"


def _change(field: FieldChange) -> str:
    return f"{change_value(field.old)} {ARROW} {change_value(field.new)}"


def change_value(value: Any) -> str:
    """A value as a person reads it in a change: text quoted, "(none)" for absent."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        # Quoted with its backslashes and quotes escaped, so that a typed "\n" cannot pass
        # for a line break; control characters are escaped where it is written (`render.safe`).
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return json.dumps(json_value(value), ensure_ascii=False)


# Markdown


def diff_markdown(changes: Changes, old: str, new: str) -> str:
    """The changes as markdown: a summary line, then a section per kind of change."""
    lines = [
        f"## Changes from {_code(old)} to {_code(new)}",
        "",
        f"{counted(changes).capitalize()}.",
    ]
    for kind in CHANGE_KINDS:
        found = changes.of_kind(kind)
        if found:
            lines += ["", f"### {HEADINGS[kind]} ({len(found)})", ""]
            lines += [_markdown_item(change) for change in found]
    for title, fields in (("The paper", changes.paper), ("The registry", changes.registry)):
        if fields:
            lines += ["", f"### {title} ({len(fields)})", ""]
            lines += [f"- {_markdown_field(field)}" for field in fields]
    return "\n".join(lines) + "\n"


def _code(text: str) -> str:
    return "`" + terminal_safe(text).replace("`", "'") + "`"


def _markdown_item(change: SignatoryChange) -> str:
    signatory = change.signatory
    place = signatory.subdivision or signatory.country
    item = (
        f"- **{markdown_safe(signatory.name)}** ({_code(place)}, {_code(signatory.id)}), "
        f"{_traits(signatory)}"
    )
    fields = [_markdown_field(f) for f in change.fields]
    return item + "".join(f"\n  - {f}" for f in fields)


def _markdown_field(field: FieldChange) -> str:
    return f"{_code(field.key)}: {_markdown_value(field.old)} {ARROW} {_markdown_value(field.new)}"


def _markdown_value(value: Any) -> str:
    return "*none*" if value is None else markdown_safe(change_value(value))


# JSON


def diff_json(changes: Changes, old: str, new: str) -> str:
    return json.dumps(diff_data(changes, old, new), ensure_ascii=False, indent=2) + "\n"


def diff_data(changes: Changes, old: str | None, new: str | None) -> dict[str, Any]:
    """Every change as JSON-ready data: an added or removed signatory as its record, any
    other with its id, name and the keys that changed."""
    data: dict[str, Any] = {"old": old, "new": new, "counts": changes.counts()}
    for kind in CHANGE_KINDS:
        data[kind] = [_change_data(change) for change in changes.of_kind(kind)]
    data["paper"] = [_field_data(f) for f in changes.paper]
    data["registry"] = [_field_data(f) for f in changes.registry]
    return data


def _change_data(change: SignatoryChange) -> dict[str, Any]:
    signatory = change.signatory
    if change.kind in ("added", "removed"):
        return signatory_record(signatory, record_keys([signatory]))
    return {
        "id": signatory.id,
        "name": signatory.name,
        "changes": [_field_data(f) for f in change.fields],
    }


def _field_data(field: FieldChange) -> dict[str, Any]:
    return {"key": field.key, "old": json_value(field.old), "new": json_value(field.new)}


# The log


def log_text(entries: Sequence[LogEntry], path: str, since: str | None = None) -> str:
    """Each commit, newest first: its id, date, author and message, then its changes."""
    if not entries:
        when = "" if since is None else f" since {since}"
        return terminal_safe(f"no commit changed {path}{when}") + "\n"
    return "\n".join(_log_entry_text(entry) for entry in entries)


def _log_entry_text(entry: LogEntry) -> str:
    commit = entry.commit
    when = commit.date.strftime("%Y-%m-%d %H:%M")
    lines = [terminal_safe(f"commit {commit.short}  {when}  {commit.author} <{commit.email}>")]
    lines += [f"    {terminal_safe(line)}".rstrip() for line in commit.message.split("\n")]
    lines.append("")
    if entry.changes is None:
        lines.append(f"    skipped: {terminal_safe(entry.problem or '')}")
        return "\n".join(lines) + "\n"
    if entry.created:
        lines.append(f"    created the registry: {signatories(len(entry.changes.signatories))}")
        return "\n".join(lines) + "\n"
    if entry.compared_with is not None:
        since = terminal_safe(entry.compared_with)
        lines.append(f"    (counted from {since}, the last version before it that could be read)")
    lines.append(f"    {counted(entry.changes)}")
    lines += _log_changes(entry.changes)
    return "\n".join(lines) + "\n"


def _log_changes(changes: Changes) -> list[str]:
    """One line a signatory (the first LOG_LISTED of each kind): what happened to it, and
    which keys changed; one line a key of the paper, its values cut short."""
    lines = []
    for kind in CHANGE_KINDS:
        found = changes.of_kind(kind)
        for change in found[:LOG_LISTED]:
            keys = [f.key for f in change.fields if f.key != "status"]
            what = f" ({', '.join(keys)})" if keys else ""
            signatory = change.signatory
            lines.append(terminal_safe(f"    {kind} {signatory.id}: {signatory.name}{what}"))
        if len(found) > LOG_LISTED:
            lines.append(f"    … and {len(found) - LOG_LISTED} more {kind}")
    for title, fields in (("paper", changes.paper), ("registry", changes.registry)):
        lines += [terminal_safe(f"    {title} {f.key}: {_short_change(f)}") for f in fields]
    return lines


LOG_LISTED: Final = 10
_SHORT: Final = 60


def _short_change(field: FieldChange) -> str:
    return f"{_cut(change_value(field.old))} {ARROW} {_cut(change_value(field.new))}"


def _cut(text: str) -> str:
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"


def _counted_from(entry: LogEntry) -> str | None:
    if entry.created:
        return None
    return entry.compared_with or f"{entry.commit.short}^"


def log_json(entries: Sequence[LogEntry]) -> str:
    data = [
        {
            "commit": entry.commit.sha,
            "short": entry.commit.short,
            "date": entry.commit.date.isoformat(),
            "author": entry.commit.author,
            "email": entry.commit.email,
            "message": entry.commit.message,
            "problem": entry.problem,
            "compared_with": entry.compared_with,
            "changes": (
                None
                if entry.changes is None
                else diff_data(entry.changes, _counted_from(entry), entry.commit.short)
            ),
        }
        for entry in entries
    ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

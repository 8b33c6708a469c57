"""Paper, Signatory and Registry: the registry in memory, and its TOML shape.

Two layers: `RegistryDoc` and friends describe the plain dicts that TOML
gives and takes; the frozen dataclasses are what the rest of endorse works
with. `registry_from_doc` checks a document against format 1 and reports
every problem it finds; `registry_to_doc` gives back the canonical dict, key
order included, with unknown keys kept so that a newer endorse's data
survives a rewrite by this one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Final, Literal, TypedDict, get_args

FORMAT_VERSION: Final = 1
# TOML's integers are 64-bit: tomli reads larger ones, other readers refuse the file.
TOML_INTEGER_MAX: Final = 2**63 - 1
Kind = Literal["city", "county", "metropolitan-area", "region", "other"]
Status = Literal["confirmed", "pending", "withdrawn"]
KINDS: Final[tuple[str, ...]] = get_args(Kind)
STATUSES: Final[tuple[str, ...]] = get_args(Status)
DEFAULT_KIND: Final = "city"
DEFAULT_STATUS: Final = "confirmed"
SLUG_PATTERN: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class RecipientDoc(TypedDict, total=False):
    name: str
    role: str


class PaperDoc(TypedDict, total=False):
    title: str
    network: str
    members_declared: int
    presented_on: date
    presented_at: str
    presented_by: str
    source: str
    summary: str
    framework: str
    commitments: list[str]
    addressed_to: list[RecipientDoc]


class SignatoryDoc(TypedDict, total=False):
    id: str
    name: str
    as_written: str
    kind: str
    country: str
    subdivision: str
    member: bool
    status: str
    endorsed_on: date
    source: str
    note: str


class RegistryDoc(TypedDict, total=False):
    format: int
    paper: PaperDoc
    signatory: list[SignatoryDoc]


@dataclass(frozen=True)
class Recipient:
    """Someone the paper was sent to: a name, and the role that makes them its recipient."""

    name: str
    role: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Paper:
    """What was endorsed, and by whose network.

    `summary` (the aim), `framework` (what it answers to), `commitments` (in
    the paper's order) and `addressed_to` say what the signatories endorsed
    and to whom it went.
    """

    title: str
    network: str
    members_declared: int
    presented_on: date | None = None
    presented_at: str | None = None
    presented_by: str | None = None
    source: str | None = None
    summary: str | None = None
    framework: str | None = None
    commitments: tuple[str, ...] = ()
    addressed_to: tuple[Recipient, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Signatory:
    """One government that endorsed the paper (or withdrew its endorsement)."""

    id: str
    name: str
    kind: str
    country: str
    member: bool
    status: str
    as_written: str | None = None
    subdivision: str | None = None
    endorsed_on: date | None = None
    source: str | None = None
    note: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Registry:
    """A paper and its signatories, in the order the file holds them."""

    paper: Paper
    signatories: tuple[Signatory, ...] = ()
    format: int = FORMAT_VERSION
    extra: Mapping[str, Any] = field(default_factory=dict)

    def by_id(self, signatory_id: str) -> Signatory | None:
        for signatory in self.signatories:
            if signatory.id == signatory_id:
                return signatory
        return None


# Key order of the canonical file; also the column order of csv and json output.
PAPER_KEYS: Final = (
    "title",
    "network",
    "members_declared",
    "presented_on",
    "presented_at",
    "presented_by",
    "source",
    "summary",
    "framework",
    "commitments",
    "addressed_to",
)
RECIPIENT_KEYS: Final = ("name", "role")
LIST_PAPER_KEYS: Final = frozenset({"commitments", "addressed_to"})
SIGNATORY_KEYS: Final = (
    "id",
    "name",
    "as_written",
    "kind",
    "country",
    "subdivision",
    "member",
    "status",
    "endorsed_on",
    "source",
    "note",
)
REQUIRED_PAPER_KEYS: Final = ("title", "network", "members_declared")
REQUIRED_SIGNATORY_KEYS: Final = ("id", "name", "kind", "country", "member", "status")
DATE_KEYS: Final = frozenset({"presented_on", "endorsed_on"})
TEXT_KEYS: Final = (
    frozenset(PAPER_KEYS + SIGNATORY_KEYS)
    - DATE_KEYS
    - LIST_PAPER_KEYS
    - {"members_declared", "member"}
)


@dataclass(frozen=True)
class FormatProblem:
    """One way a document breaks format 1.

    `where` is "paper", "registry", or the signatory's id (its position when
    it has no usable id); `index` is the signatory's position from 0.
    """

    where: str
    key: str | None
    message: str
    index: int | None = None

    def __str__(self) -> str:
        if self.index is None or self.where.startswith("signatory #"):
            return f"{self.where}: {self.message}"
        return f'signatory "{self.where}": {self.message}'


class FormatProblems(Exception):
    """Raised by `registry_from_doc` with every problem of the document."""

    def __init__(self, problems: list[FormatProblem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def registry_from_doc(doc: Mapping[str, Any]) -> Registry:
    """Build a Registry from parsed TOML, or raise FormatProblems with all problems.

    Registries run to 100,000 signatories, so the common case is made cheap:
    each signatory gets a quick check, and only when one fails does the
    detailed (slower) pass run to describe every problem.
    """
    signatory_docs = doc.get("signatory", [])
    if not _looks_valid(doc, signatory_docs):
        problems = list(document_problems(doc))
        if problems:
            raise FormatProblems(problems)
    return registry_from_checked_doc(doc)


def registry_from_checked_doc(doc: Mapping[str, Any]) -> Registry:
    """Build a Registry from a document known to be valid (checked now or before)."""
    return _checked_registry(doc, tuple(map(_checked_signatory, doc.get("signatory", []))))


def registry_consuming_checked_doc(doc: dict[str, Any]) -> Registry:
    """`registry_from_checked_doc`, emptying the document's signatory tables as it goes.

    For a document no one else holds: each table is let go once its
    Signatory is made, so that the whole document and the whole model are
    never held at once (at 100,000 signatories, 110 MiB and 60 MiB).
    """
    tables = doc.get("signatory", [])
    signatories = []
    for position, table in enumerate(tables):
        signatories.append(_checked_signatory(table))
        tables[position] = None
    return _checked_registry(doc, tuple(signatories))


def _checked_registry(doc: Mapping[str, Any], signatories: tuple[Signatory, ...]) -> Registry:
    return Registry(
        paper=paper_from_checked_doc(doc["paper"]),
        signatories=signatories,
        format=doc["format"],
        extra=_unknown(doc, ("format", "paper", "signatory")),
    )


def paper_from_checked_doc(table: Mapping[str, Any]) -> Paper:
    """The Paper of a [paper] table known to be valid (arrays become tuples)."""
    known = {k: table[k] for k in PAPER_KEYS if k in table}
    if "commitments" in known:
        known["commitments"] = tuple(known["commitments"])
    if "addressed_to" in known:
        known["addressed_to"] = tuple(
            Recipient(entry["name"], entry.get("role"), _unknown(entry, RECIPIENT_KEYS))
            for entry in known["addressed_to"]
        )
    return Paper(**known, extra=_unknown(table, PAPER_KEYS))


_SIGNATORY_KEY_SET: Final = frozenset(SIGNATORY_KEYS)
_REQUIRED_SIGNATORY_KEY_SET: Final = frozenset(REQUIRED_SIGNATORY_KEYS)
_KIND_SET: Final = frozenset(KINDS)
_STATUS_SET: Final = frozenset(STATUSES)
_VALUE_TYPES: Final[dict[str, type]] = {
    **dict.fromkeys(TEXT_KEYS, str),
    "member": bool,
    "endorsed_on": date,
}
_OPTIONAL_DEFAULTS: Final[dict[str, Any]] = {
    "as_written": None,
    "subdivision": None,
    "endorsed_on": None,
    "source": None,
    "note": None,
}


def looks_valid(doc: Mapping[str, Any]) -> bool:
    """Whether a document certainly has no format problem (a quick check; False means
    "look closer" with `document_problems`, not "invalid")."""
    return _looks_valid(doc, doc.get("signatory", []))


def _looks_valid(doc: Mapping[str, Any], signatory_docs: Any) -> bool:
    """A quick yes for the common, valid document; any doubt defers to `document_problems`."""
    if type(doc.get("format")) is not int or doc["format"] != FORMAT_VERSION:
        return False
    if not isinstance(doc.get("paper"), Mapping) or not isinstance(signatory_docs, list):
        return False
    if any(True for _ in _paper_problems(doc["paper"])):
        return False
    ids = set()
    for signatory in signatory_docs:
        if not (isinstance(signatory, dict) and _signatory_looks_valid(signatory)):
            return False
        ids.add(signatory["id"])
    return len(ids) == len(signatory_docs)


def _signatory_looks_valid(doc: dict[str, Any]) -> bool:
    expected = _expected_types(tuple(doc))
    return (
        expected is not None
        and tuple(map(type, doc.values())) == expected
        and doc["kind"] in _KIND_SET
        and doc["status"] in _STATUS_SET
        and SLUG_PATTERN.fullmatch(doc["id"]) is not None
        and not doc["name"].isspace()
        and doc["name"] != ""
    )


@lru_cache(maxsize=1024)
def _expected_types(keys: tuple[str, ...]) -> tuple[type, ...] | None:
    """The value types a signatory with these keys, in this order, must have.

    None for keys the quick check does not vouch for (a required key
    missing, an unknown key): those signatories take the detailed pass.
    Signatories share a few key layouts, so this is computed a few times
    and the check of each signatory is one comparison of type tuples.
    """
    if not _REQUIRED_SIGNATORY_KEY_SET.issubset(keys) or not _SIGNATORY_KEY_SET.issuperset(keys):
        return None
    return tuple(_VALUE_TYPES[key] for key in keys)


def signatory_from_checked_doc(doc: Mapping[str, Any]) -> Signatory:
    """A Signatory from a dict known to be a valid signatory (see `_checked_signatory`)."""
    return _checked_signatory(dict(doc) if not isinstance(doc, dict) else doc)


def _checked_signatory(doc: dict[str, Any]) -> Signatory:
    """A Signatory from a dict already checked against format 1.

    It fills the frozen dataclass's fields in one step instead of through
    `__init__`, which sets them one by one and costs twice as long; loading
    100,000 signatories is where endorse spends its time.
    """
    signatory = object.__new__(Signatory)
    fields = signatory.__dict__
    fields.update(zip(_FIELD_NAMES, map(doc.get, _FIELD_NAMES, _FIELD_DEFAULTS), strict=True))
    fields["extra"] = {} if doc.keys() <= _SIGNATORY_KEY_SET else _unknown(doc, SIGNATORY_KEYS)
    return signatory


# The fields in one fixed order, under the module's own key strings: every
# Signatory's attribute dict then shares one set of keys (Python keeps them
# once for all instances) instead of holding the parsed document's.
_FIELD_NAMES: Final = tuple(f.name for f in dataclass_fields(Signatory) if f.name != "extra")
_FIELD_DEFAULTS: Final = tuple(_OPTIONAL_DEFAULTS.get(name) for name in _FIELD_NAMES)


def registry_to_doc(registry: Registry) -> dict[str, Any]:
    """The canonical TOML shape: `format`, unknown keys, `paper`, then the signatories by id;
    in each table the documented keys in documented order, then unknown keys by name."""
    signatories = sorted(registry.signatories, key=lambda s: s.id)
    doc: dict[str, Any] = {"format": registry.format}
    doc.update(_sorted(registry.extra))
    doc["paper"] = paper_to_doc(registry.paper)
    if signatories:
        doc["signatory"] = [signatory_to_doc(s) for s in signatories]
    return doc


def paper_to_doc(paper: Paper) -> dict[str, Any]:
    """The [paper] table in canonical key order; absent optional keys and empty arrays out."""
    doc = {k: getattr(paper, k) for k in PAPER_KEYS if getattr(paper, k) not in (None, ())}
    if "commitments" in doc:
        doc["commitments"] = list(paper.commitments)
    if "addressed_to" in doc:
        doc["addressed_to"] = [recipient_to_doc(r) for r in paper.addressed_to]
    doc.update(_sorted(paper.extra))
    return doc


def recipient_to_doc(recipient: Recipient) -> dict[str, Any]:
    """A recipient's table: name, role, then any unknown keys by name (kept, as everywhere)."""
    doc: dict[str, Any] = {"name": recipient.name}
    if recipient.role is not None:
        doc["role"] = recipient.role
    doc.update(_sorted(recipient.extra))
    return doc


def signatory_to_doc(signatory: Signatory) -> dict[str, Any]:
    """A signatory as a dict in canonical key order; absent optional keys left out."""
    doc = {k: getattr(signatory, k) for k in SIGNATORY_KEYS if getattr(signatory, k) is not None}
    doc.update(_sorted(signatory.extra))
    return doc


def signatory_from_doc(doc: Mapping[str, Any]) -> Signatory:
    """One signatory from a dict of its keys; raises FormatProblems when it is not valid."""
    problems = list(_signatory_problems(doc, 0))
    if problems:
        raise FormatProblems(problems)
    return Signatory(
        **{k: doc[k] for k in SIGNATORY_KEYS if k in doc},
        extra=_unknown(doc, SIGNATORY_KEYS),
    )


def document_problems(doc: Mapping[str, Any]) -> Iterable[FormatProblem]:
    """Every way `doc` breaks format 1, in file order."""
    yield from _format_problems(doc)
    paper = doc.get("paper")
    if not isinstance(paper, Mapping):
        yield FormatProblem(
            "registry",
            "paper",
            "there is no [paper] table; add one with title, network and members_declared",
        )
    else:
        yield from _paper_problems(paper)
    signatories = doc.get("signatory", [])
    if not isinstance(signatories, list):
        yield FormatProblem(
            "registry", "signatory", "signatory must be an array of tables written [[signatory]]"
        )
        return
    seen: dict[str, int] = {}
    for index, signatory in enumerate(signatories):
        if not isinstance(signatory, Mapping):
            yield FormatProblem(
                _position(index), None, "must be a table written [[signatory]]", index
            )
            continue
        yield from _signatory_problems(signatory, index)
        signatory_id = signatory.get("id")
        if isinstance(signatory_id, str):
            if signatory_id in seen:
                yield FormatProblem(
                    signatory_id,
                    "id",
                    f'id "{signatory_id}" is used twice (signatories {_ordinal(seen[signatory_id])}'
                    f" and {_ordinal(index)}); give one of them another id",
                    index,
                )
            else:
                seen[signatory_id] = index


def _format_problems(doc: Mapping[str, Any]) -> Iterable[FormatProblem]:
    version = doc.get("format")
    if version is None:
        yield FormatProblem("registry", "format", "there is no format key; add format = 1")
    elif type(version) is not int:
        yield FormatProblem(
            "registry", "format", f"format must be the integer {FORMAT_VERSION}, not {version!r}"
        )
    elif version != FORMAT_VERSION:
        yield FormatProblem(
            "registry",
            "format",
            f"format {version} is not known to this endorse, which reads format "
            f"{FORMAT_VERSION}; upgrade endorse to read this file",
        )


def _paper_problems(paper: Mapping[str, Any]) -> Iterable[FormatProblem]:
    for key in REQUIRED_PAPER_KEYS:
        if key not in paper:
            yield FormatProblem("paper", key, f"key {key} is missing")
    for key in PAPER_KEYS:
        if key in paper:
            message = _type_problem(key, paper[key])
            if message:
                yield FormatProblem("paper", key, message)
    declared = paper.get("members_declared")
    if type(declared) is int and declared < 0:
        yield FormatProblem("paper", "members_declared", "members_declared must not be negative")
    if type(declared) is int and not fits_toml(declared):
        yield FormatProblem(
            "paper",
            "members_declared",
            f"members_declared {declared} is beyond TOML's 64-bit integers, which other TOML "
            f"readers refuse; at most {TOML_INTEGER_MAX}",
        )


def fits_toml(number: int) -> bool:
    """Whether TOML (a signed 64-bit integer) holds `number`."""
    return -TOML_INTEGER_MAX - 1 <= number <= TOML_INTEGER_MAX


def _signatory_problems(doc: Mapping[str, Any], index: int) -> Iterable[FormatProblem]:
    where = _signatory_label(doc, index)
    for key in REQUIRED_SIGNATORY_KEYS:
        if key not in doc:
            yield FormatProblem(where, key, f"key {key} is missing{_hint_for_missing(key)}", index)
    for key in SIGNATORY_KEYS:
        if key not in doc:
            continue
        message = _type_problem(key, doc[key]) or _value_problem(key, doc[key])
        if message:
            yield FormatProblem(where, key, message, index)


def _type_problem(key: str, value: Any) -> str | None:
    if key == "commitments":
        return _commitments_problem(value)
    if key == "addressed_to":
        return _recipients_problem(value)
    if key in TEXT_KEYS and not isinstance(value, str):
        return f"{key} must be a string, not {_describe(value)}"
    if key in DATE_KEYS:
        if isinstance(value, str):
            return (
                f'{key} is the string "{value}"; write it as a TOML date without quotes, '
                f"like {key} = 2017-12-04"
            )
        if isinstance(value, datetime) or not isinstance(value, date):
            return f"{key} must be a date like 2017-12-04, not {_describe(value)}"
    if key == "member" and not isinstance(value, bool):
        return f"member must be true or false, not {_describe(value)}"
    if key == "members_declared" and type(value) is not int:
        return f"members_declared must be a whole number, not {_describe(value)}"
    return None


def _commitments_problem(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return f"commitments must be an array of strings, not {_describe(value)}"
    return None


def _recipients_problem(value: Any) -> str | None:
    shape = (
        "addressed_to must be an array of tables with a name and a role, like "
        '[{ name = "Filippo Grandi", role = "UN High Commissioner for Refugees" }]'
    )
    if not isinstance(value, list):
        return f"{shape}, not {_describe(value)}"
    for number, entry in enumerate(value, 1):
        if not isinstance(entry, Mapping):
            return f"{shape}; recipient {number} is {_describe(entry)}"
        if not isinstance(entry.get("name"), str):
            return f"recipient {number} of addressed_to needs a name (a string)"
        if "role" in entry and not isinstance(entry["role"], str):
            return f"the role of recipient {number} of addressed_to must be a string"
    return None


def _value_problem(key: str, value: str) -> str | None:
    if key == "id" and not SLUG_PATTERN.fullmatch(value):
        return (
            f'id "{value}" is not a slug: use lowercase letters, digits and single hyphens, '
            'like "st-louis-city"'
        )
    if key == "name" and not value.strip():
        return "name is empty"
    if key == "kind" and value not in KINDS:
        return f'kind "{value}" is not one of {", ".join(KINDS)}'
    if key == "status" and value not in STATUSES:
        return f'status "{value}" is not one of {", ".join(STATUSES)}'
    return None


def _hint_for_missing(key: str) -> str:
    hints = {
        "id": ' (a lowercase slug such as "new-york")',
        "kind": f" (one of {', '.join(KINDS)})",
        "country": ' (an ISO 3166-1 alpha-2 code such as "US")',
        "member": " (true or false)",
        "status": f" (one of {', '.join(STATUSES)})",
    }
    return hints.get(key, "")


def _signatory_label(doc: Mapping[str, Any], index: int) -> str:
    signatory_id = doc.get("id")
    if isinstance(signatory_id, str) and SLUG_PATTERN.fullmatch(signatory_id):
        return signatory_id
    return _position(index)


def _position(index: int) -> str:
    return f"signatory #{index + 1}"


def _ordinal(index: int) -> str:
    return f"#{index + 1}"


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        return f'the string "{value}"'
    if isinstance(value, datetime):
        return f"the date-time {value.isoformat()}"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, Mapping):
        return "a table"
    return type(value).__name__


def _unknown(doc: Mapping[str, Any], known: Iterable[str]) -> dict[str, Any]:
    known_keys = known if isinstance(known, frozenset) else frozenset(known)
    return {k: v for k, v in doc.items() if k not in known_keys}


def _sorted(extra: Mapping[str, Any]) -> dict[str, Any]:
    return {k: extra[k] for k in sorted(extra)}

"""The one place tests build signatories and registries: in memory, or as a file.

    registry(signatory("Lyon", "FR", member=True), signatory("Pittsburgh"))

A signatory is a confirmed city, not a member, its id the slug of its name,
unless the fields given say otherwise. Hypothesis strategies (strategies.py)
draw any registry; these build the one a test names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from endorse import Paper, Registry, Signatory
from endorse.places.names import slugify

PAPER = Paper("T", "N", 1)


def signatory(name: str, country: str = "US", **fields: Any) -> Signatory:
    """A signatory named name in country; fields (id, kind, member, status, ...) override."""
    values: dict[str, Any] = {
        "id": slugify(name),
        "kind": "city",
        "member": False,
        "status": "confirmed",
        **fields,
    }
    return Signatory(name=name, country=country, **values)


def registry(*signatories: Signatory, paper: Paper = PAPER) -> Registry:
    """A registry of paper (by default "T", network "N", one member declared) and signatories."""
    return Registry(paper, tuple(signatories))


HEAD = 'format = 1\n\n[paper]\ntitle = "T"\nnetwork = "N"\nmembers_declared = 1\n\n'
SIGNATORY = (
    '[[signatory]]\nid = "a"\nname = "A"\nkind = "city"\ncountry = "FR"\n'
    'member = true\nstatus = "confirmed"\n'
)


def one_signatory_file(tmp_path: Path, extra: str = "") -> Path:
    """registry.toml in tmp_path: a paper and one signatory ("a"), then the text extra."""
    path = tmp_path / "registry.toml"
    path.write_text(HEAD + SIGNATORY + extra, encoding="utf-8")
    return path


def empty_registry(folder: Path) -> Path:
    """registry.toml in folder: a paper and no signatory."""
    path = folder / "registry.toml"
    path.write_text('format = 1\n\n[paper]\ntitle = "T"\nnetwork = "N"\nmembers_declared = 1\n')
    return path

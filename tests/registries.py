"""Helpers that build registries for the tests."""

from __future__ import annotations

from pathlib import Path

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

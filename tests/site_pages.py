"""Registries for the public page's tests: the hostile one, and reading a page's parts."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Final

import endorse

# Names that try to leave the text they are put in: HTML, an attribute, the script, a
# template the script fills, CSS.
HOSTILE_NAMES: Final = (
    "</script><script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "Ville &amp; {shown} </style>",
    "São Paulo ' OR 1=1",
)


def written_site(registry: Path, folder: Path) -> Path:
    """`endorse site folder` run on `registry`, through the CLI; the folder."""
    from typer.testing import CliRunner

    from endorse.cli import app

    result = CliRunner().invoke(app, ["--registry", str(registry), "site", str(folder)])
    assert result.exit_code == 0, result.output
    return folder


def hostile_registry(folder: Path) -> Path:
    """A registry whose paper and signatories are named to break out of a page."""
    path = folder / "registry.toml"
    endorse.init(
        path,
        title="<b>Paper</b></title><script>alert(3)</script>",
        network="Net & </style>",
        members_declared=2,
        commitments=["Cooperate <script>alert(4)</script>"],
    )
    with endorse.edit(path) as draft:
        for number, name in enumerate(HOSTILE_NAMES):
            draft.add(
                name=name,
                country=("FR", "US", "BR", "BR")[number],
                kind="other",
                member=number % 2 == 0,
                id=f"hostile-{number}",
                force=True,
            )
        draft.add(name="Montréal", country="CA", member=True, endorsed_on="2018-01-02")
    return path


class Elements(HTMLParser):
    """A page's elements: every tag with its attributes, and the text of its scripts."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.texts: list[str] = []
        self._in_script = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.texts.append(data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attributes for name, attributes in self.tags if name == tag]

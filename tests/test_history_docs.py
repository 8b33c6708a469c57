"""docs/history.md's worked example, made again and run: every console block prints what
the page shows, commit ids included."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import pytest

from git_repositories import run

PAGE = Path(__file__).resolve().parent.parent / "docs" / "history.md"
# The example's commits, with the dates the page shows.
STEPS = [
    (
        "2017-12-04T10:00:00-06:00",
        [
            "init data/registry.toml --title 'Position paper' --network Metropolis "
            "--members-declared 136",
            "add 'New York City' --country US --subdivision NY --source 'Letter, 1 December 2017'",
            "add Chicago --country US --subdivision IL",
            "add Pittsburg --country US --subdivision PA",
        ],
        "The list as presented on 4 December 2017",
    ),
    (
        "2018-01-15T09:00:00+01:00",
        [
            "add Boston --country US --subdivision MA --endorsed-on 2018-01-15",
            "edit pittsburg --name Pittsburgh --as-written Pittsburg",
        ],
        "Boston endorses; Pittsburgh spelt right",
    ),
    ("2018-03-01T09:00:00+01:00", [], "Half-finished edit"),
    (
        "2018-03-02T09:00:00+01:00",
        ["withdraw chicago --note 'Withdrew by letter, 28 February 2018'"],
        "Chicago withdraws",
    ),
]


def endorse(folder: Path, line: str, when: str | None = None) -> str:
    return run(folder, [sys.executable, "-m", "endorse", *shlex.split(line)], when)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("history-example")
    run(folder, ["git", "init", "-q"])
    registry = folder / "data" / "registry.toml"
    for when, commands, message in STEPS:
        if message == "Half-finished edit":
            registry.write_text(registry.read_text(encoding="utf-8") + "oops = [\n", "utf-8")
        if message == "Chicago withdraws":
            run(folder, ["git", "checkout", "-q", "HEAD~1", "--", "data/registry.toml"])
        for command in commands:
            endorse(folder, command, when)
        run(folder, ["git", "add", "-A"], when)
        run(folder, ["git", "commit", "-q", "-m", message], when)
        if message.startswith("The list as presented"):
            run(folder, ["git", "tag", "v2017-12-04"])
    endorse(folder, "paper --members-declared 137")
    return folder


def console_blocks() -> list[tuple[str, str]]:
    blocks = re.findall(r"```console\n\$ endorse (.*?)\n(.*?)```", PAGE.read_text("utf-8"), re.S)
    return [(command, shown) for command, shown in blocks]


@pytest.mark.parametrize(("command", "shown"), console_blocks())
def test_the_worked_example_prints_what_the_page_shows(
    example: Path, command: str, shown: str
) -> None:
    assert endorse(example, command) == shown

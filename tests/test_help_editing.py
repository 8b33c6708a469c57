"""Every command documents itself: a one-line summary and an example, in `--help`."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import typer

from conftest import InvokeResult
from endorse.cli import app

Invoke = Callable[..., InvokeResult]
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
EDITING = ["init", "add", "edit", "withdraw", "remove", "fmt"]


def test_the_editing_commands_are_registered() -> None:
    assert set(EDITING) <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_summary_and_an_example(invoke: Invoke, command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Example: endorse " + command in result.stdout


def test_the_command_list_shows_a_summary_for_each_command(invoke: Invoke) -> None:
    listing = invoke("--help").stdout
    for command in EDITING:
        line = next(line for line in listing.splitlines() if f" {command} " in line)
        assert len(line.split(command, 1)[1].strip()) > 10


@pytest.mark.parametrize("command", ["add", "edit", "withdraw", "remove", "fmt"])
def test_every_writing_command_takes_a_lock_timeout(invoke: Invoke, command: str) -> None:
    assert "--lock-timeout" in invoke(command, "--help").stdout

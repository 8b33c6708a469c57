"""Every command explains itself: a one-line summary in `endorse --help`, an example in its own."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import typer

from conftest import InvokeResult
from endorse.cli import app

Invoke = Callable[..., InvokeResult]
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_help_lists_every_command_with_a_summary(invoke: Invoke) -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for name in COMMANDS:
        assert any(line.strip(" │").startswith(name + " ") for line in result.stdout.splitlines())


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_help_has_an_example(invoke: Invoke, name: str) -> None:
    result = invoke(name, "--help")
    assert result.exit_code == 0
    assert f"Example: endorse {name}" in result.stdout


def test_an_unknown_command_is_a_usage_error(invoke: Invoke) -> None:
    assert invoke("frobnicate").exit_code == 2

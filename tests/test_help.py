"""Every command explains itself: a one-line summary in `endorse --help`, an example in its own."""

from __future__ import annotations

import re
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


def test_every_command_is_mapped_to_the_module_that_loads_it() -> None:
    from endorse.cli.base import COMMAND_MODULES

    assert sorted(COMMAND_MODULES) == COMMANDS


def test_the_executable_loads_a_command_on_demand_and_lists_them_all() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "endorse", "--help"], capture_output=True, text=True, check=True
    )
    listed = re.findall(r"^│ ([a-z]+) ", result.stdout, flags=re.MULTILINE)
    from endorse.cli.base import COMMAND_ORDER

    assert [name for name in listed if name in COMMAND_ORDER] == list(COMMAND_ORDER)

"""The README's examples are real: each `$ endorse …` in a console block prints what it shows.

The commands of one block run in order on a fresh copy of the bundled
registry, found from the copy's folder as a user's would be; what a block
shows is stdout followed by stderr, as a terminal shows them.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, InvokeResult

Invoke = Callable[..., InvokeResult]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```console\n(.*?)```", README, flags=re.DOTALL)


def _examples(block: str) -> list[tuple[str, str]]:
    examples = []
    for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
        command, _, shown = chunk.partition("\n")
        examples.append((command, shown))
    return examples


@pytest.mark.parametrize("block", BLOCKS, ids=[_examples(b)[0][0][:40] for b in BLOCKS])
def test_readme_console_block_prints_what_it_shows(
    invoke: Invoke, block: str, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(registry_copy.parent.parent)
    for command, shown in _examples(block):
        words = shlex.split(command)
        assert words[0] == "endorse"
        result = invoke(*words[1:])
        assert result.stdout + result.stderr == shown, command


def test_readme_has_the_two_quick_start_commands() -> None:
    assert "pip install . && endorse report" in README
    assert 'pip install -e ".[test]" && pytest' in README


PYTHON_BLOCKS = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)


@pytest.mark.parametrize("block", PYTHON_BLOCKS)
def test_readme_python_block_runs(
    block: str, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(registry_copy.parent.parent)
    exec(compile(block, "README.md", "exec"), {})
    import endorse

    assert endorse.load(registry_copy).by_id("massa-marittima") is not None


def test_readme_is_a_front_door_not_a_manual() -> None:
    assert len(README.splitlines()) < 160


SHELL_COMMANDS = [
    line
    for block in re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)
    for line in block.splitlines()
    if line.startswith("endorse ")
]


@pytest.mark.parametrize("command", SHELL_COMMANDS)
def test_readme_shell_command_is_a_valid_command_line(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each `endorse …` of a sh block names a command and options it has, with values of
    their types (parsed by the CLI as it would be run, without running it), the files it
    reads there."""
    import typer

    monkeypatch.chdir(tmp_path)
    (tmp_path / "partners.csv").write_text("name,country\n", encoding="utf-8")
    from endorse.cli import app

    group = typer.main.get_command(app)
    name, *arguments = shlex.split(command)[1:]
    context = group.context_class(group, info_name="endorse")
    sub = group.get_command(context, name)
    assert sub is not None, name
    sub.make_context(name, arguments, parent=context)

"""The README's examples are real: each `$ endorse …` in a console block prints what it shows."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable

import pytest

from conftest import BUNDLED, ROOT, InvokeResult

Invoke = Callable[..., InvokeResult]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _examples() -> list[tuple[str, str]]:
    examples = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.DOTALL):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, shown = chunk.partition("\n")
            examples.append((command, shown))
    return examples


@pytest.mark.parametrize("command, shown", _examples(), ids=[c for c, _ in _examples()])
def test_readme_example_prints_what_the_readme_shows(
    invoke: Invoke, command: str, shown: str
) -> None:
    words = shlex.split(command)
    assert words[0] == "endorse"
    result = invoke("--registry", BUNDLED, *words[1:])
    assert result.exit_code == 0
    assert result.stdout == shown


def test_readme_has_the_two_quick_start_commands() -> None:
    assert "pip install . && endorse report" in README
    assert 'pip install -e ".[test]" && pytest' in README

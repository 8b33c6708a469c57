"""Shell completion, as users of a Typer CLI expect it: a script to install, and answers."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import BUNDLED


def _complete(words: str) -> list[str]:
    env = {
        **os.environ,
        "_ENDORSE_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
        "ENDORSE_REGISTRY": str(BUNDLED),
    }
    done = subprocess.run(
        [sys.executable, "-m", "endorse"], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.split()


def test_show_completion_prints_a_script_for_the_shell() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "endorse", "--show-completion", "bash"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "_endorse_completion" in done.stdout
    assert "complete " in done.stdout


def test_commands_complete_from_their_first_letters() -> None:
    assert _complete("endorse li") == ["list"]


def test_options_of_a_command_complete() -> None:
    assert "--format" in _complete("endorse list --for")

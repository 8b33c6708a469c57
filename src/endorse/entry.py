"""The `endorse` executable: answers `--version` before loading the CLI, then hands over.

`endorse --version` is what scripts and package managers run to see what is
installed; it need not pay for importing Typer and every command.
"""

from __future__ import annotations

import sys

from endorse import __version__


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"endorse {__version__}\n")
        return
    from endorse.cli import main as run_cli

    run_cli()

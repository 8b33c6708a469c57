"""The `endorse` command line: `app` with every command registered, and `main`."""

from __future__ import annotations

import os
import sys

from endorse.cli import edit as _edit  # noqa: F401  (registers the commands)
from endorse.cli import files as _files  # noqa: F401
from endorse.cli import importing as _importing  # noqa: F401
from endorse.cli import read as _read  # noqa: F401
from endorse.cli import report as _report  # noqa: F401
from endorse.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    try:
        app()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)

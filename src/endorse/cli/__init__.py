"""The `endorse` command line: `main`, and `app` with every command registered.

Command modules are imported on demand: `main` loads only the command it
runs, and `app` (for tests and tools) is the Typer app with all of them.

May use `endorse.api`, `endorse.render`, `endorse.output`, `endorse.registry.model`,
`endorse.registry.words`, `endorse.errors` and the names of `import endorse`; never the
rest of the domain (an import-linter `forbidden` contract).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from endorse.cli.base import app as app

__all__ = ["app", "main"]


def __getattr__(name: str) -> Any:
    if name == "app":
        from endorse.cli.base import app, load_all_commands

        load_all_commands()
        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    from endorse import output
    from endorse.cli.base import lazy_group

    output.never_fail_to_encode()
    try:
        lazy_group()(prog_name="endorse")
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except output.StdoutWriteError as error:  # raised while Click parses (--version)
        output.error(str(error))
        sys.exit(1)
    except OSError as error:
        # Click writes help and usage itself, past `output`: a full stdout ends here. An
        # error of a named file is not that one (commands turn theirs into EndorseErrors).
        if error.filename is not None:
            raise
        output.error(str(output.stdout_write_error(error)))
        sys.exit(1)

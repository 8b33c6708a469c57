"""The one place that writes to the terminal.

Data goes to stdout, messages and errors to stderr, so that
`endorse list --format json | jq` always works. Rich output (colour, boxes)
only on a terminal and without NO_COLOR; anything else gets plain text.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Final

from endorse.errors import EndorseError

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def never_fail_to_encode() -> None:
    """Output piped or redirected (stdout and stderr) is UTF-8, exactly, whatever the
    locale: json, csv and the HTML report say they are UTF-8, and a Latin-1 locale must
    not corrupt them. At a terminal, text its encoding cannot hold (a Latin-1 terminal,
    PYTHONIOENCODING=ascii) is written as escapes ("\\u0107"), never a crash, and
    endorse's own typography reads as ASCII first: "->" for the arrow, a space for a
    narrow no-break space."""
    import codecs

    codecs.register_error(_READABLE, _readable_fallback)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None or (stream.encoding or "").lower().replace("-", "") == "utf8":
            continue
        if stream.isatty():
            reconfigure(errors=_READABLE)
        else:
            reconfigure(encoding="utf-8", errors="backslashreplace")


_READABLE: Final = "endorse-readable"
# Only what endorse itself writes and the registry's text seldom holds: diff's arrow, the
# ellipsis of a shortened value, and the spaces of French figures. A dash or a curly quote
# of a note stays an escape, so that no text of the registry is changed on the way.
_ASCII_TYPOGRAPHY: Final = {"\u2192": "->", "\u2026": "...", "\u00a0": " ", "\u202f": " "}


def _readable_fallback(error: UnicodeError) -> tuple[str, int]:
    """An encoding error handler: the ASCII of endorse's typography, else an escape."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    unencodable = error.object[error.start : error.end]
    return "".join(
        _ASCII_TYPOGRAPHY.get(char) or char.encode("ascii", "backslashreplace").decode("ascii")
        for char in unencodable
    ), error.end


def stdout_is_rich() -> bool:
    """Rich output only for a person at a terminal who has not asked for NO_COLOR."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def terminal_width() -> int:
    """The terminal's width in columns (COLUMNS when set, as rich reads it)."""
    import shutil

    return shutil.get_terminal_size().columns


def names_a_terminal(path: Path) -> bool:
    """Whether a file named for output is a terminal (/dev/tty, /dev/stdout at one)."""
    import stat

    try:
        if not stat.S_ISCHR(path.stat().st_mode):
            return False
        # O_NOCTTY and O_NONBLOCK are POSIX's; Windows has neither, and no /dev/tty.
        quietly = getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0)
        descriptor = os.open(path, os.O_WRONLY | quietly)
    except OSError:
        return False
    try:
        return os.isatty(descriptor)
    finally:
        os.close(descriptor)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


class StdoutWriteError(EndorseError):
    """Standard output could not be written (a full disk, /dev/full); a pipe closed by its
    reader is not an error (`endorse.cli.main`)."""


@contextmanager
def _writing_stdout() -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        raise stdout_write_error(error) from None


def stdout_write_error(error: OSError) -> StdoutWriteError:
    """The error to report for a failed write to stdout; stdout is let go, so that Python's
    flush at exit does not fail a second time."""
    _discard_stdout()
    reason = error.strerror or str(error)
    return StdoutWriteError(
        f"cannot write to standard output: {reason}; what it shows is incomplete. "
        "Free some room, or send it elsewhere."
    )


def _discard_stdout() -> None:
    """Point stdout at the null device, so that Python's flush at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def write_bytes(data: bytes) -> None:
    """Binary data (a workbook) for stdout, exactly as given: for a pipe or a file, never a
    terminal (the command refuses first)."""
    with _writing_stdout():
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


def write_data(text: str) -> None:
    """Data for stdout, written exactly as given (a final newline added if missing).

    On a terminal, control characters (escape sequences) are shown, not sent:
    csv and json are data for programs, and a person reading them must not
    have the registry's text drive the terminal. Piped, the data is exact.
    """
    if text and not text.endswith("\n"):
        text += "\n"
    with _writing_stdout():
        _write_stdout(text, sys.stdout.isatty())
        sys.stdout.flush()


def write_data_chunks(chunks: Iterable[str]) -> None:
    """Data for stdout made piece by piece, each written as it comes (as `write_data`).

    For large outputs: the whole text is never held at once. The text the
    pieces make must end with a newline (none is added).
    """
    at_terminal = sys.stdout.isatty()
    with _writing_stdout():
        for chunk in chunks:
            _write_stdout(chunk, at_terminal)
        sys.stdout.flush()


def _write_stdout(text: str, at_terminal: bool) -> None:
    if at_terminal and not text.isprintable():
        from endorse.render.safe import terminal_safe

        text = terminal_safe(text, keep_newlines=True)
    sys.stdout.write(text)


def print_rich(renderable: RenderableType) -> None:
    with _writing_stdout():
        _console(stderr=False).print(renderable)


def message(text: str) -> None:
    """A note for the person (not data): to stderr, never read as markup."""
    _write_stderr(text)


def error(text: str) -> None:
    _write_stderr(f"error: {text}")


def _write_stderr(text: str) -> None:
    from endorse.render.safe import terminal_safe

    sys.stderr.write(terminal_safe(text, keep_newlines=True) + "\n")
    sys.stderr.flush()


def _console(*, stderr: bool) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, markup=False, emoji=False)


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


@contextmanager
def progress(description: str, total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr for a person at a terminal; `advance(n)` moves it on n steps.

    Piped or redirected, it draws nothing and the callback does nothing. The
    bar is removed when done, so only the messages after it stay on screen.
    """
    if not stderr_is_terminal():
        yield lambda steps: None
        return
    from rich.progress import Progress

    with Progress(console=_console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda steps: bar.advance(task, steps)

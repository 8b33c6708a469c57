"""The errors endorse reports to its user.

Every error a user can cause is an `EndorseError`. Its message says what
is wrong, where, and what to do, in words that hold for a script as for the
command line: the CLI catches it once, adds the command or option to use
(`endorse.cli.advice`), prints it to stderr and chooses the exit code.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class EndorseError(Exception):
    """A refusal, or a problem with the registry or with a value given."""


class RegistryNotFoundError(EndorseError):
    """No registry at the given path (`path`), or none found by searching upward (None)."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class RegistryReadError(EndorseError):
    """The registry file exists but cannot be read or decoded; `position` is the offset of
    the first byte that is not UTF-8, when that is the problem."""

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position


class RegistryParseError(EndorseError):
    """The registry is not valid TOML; the message carries PATH:LINE:COL."""


class RegistryFormatError(EndorseError):
    """The registry is valid TOML but breaks format 1."""


class UnknownSignatoryError(EndorseError):
    """An ID argument matched no signatory (`close`: the ids it may have meant), or more
    than one."""

    def __init__(self, message: str, close: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.close = tuple(close)


class AmbiguousReferenceError(UnknownSignatoryError):
    """An ID argument given as a name matched more than one signatory."""

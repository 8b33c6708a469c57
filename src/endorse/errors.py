"""The errors endorse reports to its user.

Every error a user can cause is an `EndorseError`: the CLI catches it once,
prints its message to stderr and exits 1. The message says what is wrong,
where, and what to do.
"""

from __future__ import annotations


class EndorseError(Exception):
    """A refusal or a problem with the registry; exit code 1 unless a subclass says otherwise."""

    exit_code: int = 1


class RegistryNotFoundError(EndorseError):
    """No registry at the given path, or none found by searching upward."""


class RegistryReadError(EndorseError):
    """The registry file exists but cannot be read or decoded."""


class RegistryParseError(EndorseError):
    """The registry is not valid TOML; the message carries PATH:LINE:COL."""


class RegistryFormatError(EndorseError):
    """The registry is valid TOML but breaks format 1."""


class UnknownSignatoryError(EndorseError):
    """An ID argument matched no signatory, or more than one."""

"""`endorse validate`: the checks a registry gets before it is published.

`validate_file` turns a registry file into findings, `validate_text` a
registry's text, `validate_registry` a registry in memory. Each rule lives
in its own module (format, values, places, duplicates, members and
provenance), and docs/validation.md describes every code; `codes` holds the
`Finding` and the catalogue of codes.

`changed` keeps the findings a change since a git revision answers for.

May use `endorse.duplicates`, `endorse.history`, `endorse.registry`, `endorse.places` and
`endorse.errors`.
"""

from endorse.checks.codes import CODES, Finding, Severity, Summary, summarise
from endorse.checks.run import validate_file, validate_registry, validate_text

__all__ = [
    "CODES",
    "Finding",
    "Severity",
    "Summary",
    "summarise",
    "validate_file",
    "validate_registry",
    "validate_text",
]

"""`validate --changed REV`: the findings a change since a git revision answers for.

A finding about signatories (its own, and the one it involves, such as the first
of a duplicate pair) is kept when any of them is not the same as in the
revision: added, changed, withdrawn, reinstated, or no longer well formed
(matched by id, as `history.diff` matches them). A finding about no signatory
(the paper, the file as a whole) is kept when the revision's version did not
have it (the same code and message), so that a change is not blamed for what
was there before it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from endorse.checks.codes import Finding
from endorse.checks.run import Checked, check_text, validate_file
from endorse.errors import RegistryReadError
from endorse.history.diff import unchanged_ids
from endorse.history.git import version_at
from endorse.registry import store


def validate_file_since(
    path: Path, revision: str, *, today: date, verbose: bool = False
) -> list[Finding]:
    """The findings of the registry at `path` that its changes since `revision` answer for.

    Raises the history's errors (not a repository, no such revision, the file not
    in that revision) before anything is checked. A file that is not UTF-8 text
    now is one finding, E100, which is always kept.
    """
    before = _checked(version_at(path, revision), path, today, verbose)
    try:
        text = store.decoded(store.read_bytes(path), path)
    except RegistryReadError:
        return validate_file(path, today=today, verbose=verbose)
    return answerable(check_text(text, today=today, verbose=verbose), before)


def _checked(raw: bytes, path: Path, today: date, verbose: bool) -> Checked | None:
    """The old version checked; None when it is not text at all (everything is new)."""
    try:
        return check_text(store.decoded(raw, path), today=today, verbose=verbose)
    except RegistryReadError:
        return None


def answerable(now: Checked, before: Checked | None) -> list[Finding]:
    """The findings of `now` that are not `before`'s to answer for (see the module)."""
    if before is None:
        return now.findings
    same = unchanged_ids(before.signatories, now.signatories)
    old = {(f.code, f.message) for f in before.findings if not f.signatories}
    return [
        finding
        for finding in now.findings
        if (
            not same.issuperset(finding.signatories)
            if finding.signatories
            else (finding.code, finding.message) not in old
        )
    ]

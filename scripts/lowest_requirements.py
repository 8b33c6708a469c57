"""Print the lowest versions pyproject.toml allows of endorse's dependencies, pinned.

    python scripts/lowest_requirements.py > lowest.txt
    pip install -r lowest.txt

`.ci/run` installs them in a second environment and runs the tests there, so that a
lower bound the code has outgrown (tomli 2.0 had no TOMLDecodeError.lineno) is found in
CI rather than by a user. Every dependency must have a lower bound (">=").
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
_LOWER_BOUND = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(?:\[[^\]]*\])?\s*[^;]*?>=\s*([0-9][^,;\s]*)")


def lowest(requirements: list[str]) -> list[str]:
    """`name==version` for each requirement's lower bound; SystemExit names one without."""
    pinned = []
    for requirement in requirements:
        found = _LOWER_BOUND.match(requirement)
        if found is None:
            raise SystemExit(f"pyproject.toml: {requirement!r} has no lower bound (>=)")
        pinned.append(f"{found.group(1)}=={found.group(2)}")
    return pinned


def main() -> None:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    sys.stdout.write("".join(f"{line}\n" for line in lowest(project["dependencies"])))


if __name__ == "__main__":
    main()

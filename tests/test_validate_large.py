"""Smoke test: a generated registry of 100,000 signatories validates to the end.

The bound is generous on purpose (the speed target belongs to the
benchmarks); by hand, validate took about 10 s for 100,000 signatories.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from registry_factory import generated_registry_text

SIGNATORIES = 100_000


@pytest.mark.slow
def test_a_registry_of_100000_signatories_validates_to_the_end(tmp_path: Path) -> None:
    registry = tmp_path / "registry.toml"
    text = generated_registry_text(SIGNATORIES)
    registry.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "endorse", "--registry", str(registry), "validate", "-f", "json"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode in (0, 1), result.stderr
    document = json.loads(result.stdout)
    by_severity = Counter(finding["severity"] for finding in document["findings"])
    assert document["summary"] == {
        "errors": by_severity["error"],
        "warnings": by_severity["warning"],
        "info": by_severity["info"],
    }
    assert "W201" in {finding["code"] for finding in document["findings"]}
    lines = text.splitlines()
    for finding in document["findings"]:
        if finding["signatory_id"] is not None:
            header = finding["line"] - 1
            assert lines[header : header + 2] == [
                "[[signatory]]",
                f'id = "{finding["signatory_id"]}"',
            ]

"""How long the duplicate checks and one `endorse add` take on a registry of N signatories.

Run: .venv/bin/python benchmarks/editing_at_scale.py [N]   (default 100000)
Prints seconds for each step; writes its registry in a temporary folder.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from endorse.duplicates.rule import DuplicateIndex
from endorse.registry.model import Paper, Registry, Signatory
from endorse.registry.store import dumps, load

T = TypeVar("T")


def timed(label: str, step: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = step()
    print(f"{label:<44} {time.perf_counter() - start:8.3f} s")
    return result


def registry_of(count: int) -> Registry:
    countries = ("US", "FR", "DE", "BR", "JP")
    return Registry(
        paper=Paper("Benchmark", "Net", count),
        signatories=tuple(
            Signatory(
                id=f"town-{n:06d}",
                name=f"Town {n:06d}",
                kind="city",
                country=countries[n % len(countries)],
                member=n % 2 == 0,
                status="confirmed",
                source="https://example.org/letters",
            )
            for n in range(count)
        ),
    )


def candidate(name: str, country: str) -> Signatory:
    """A signatory about to be added: what the duplicate index is asked about."""
    return Signatory(
        id="candidate", name=name, kind="city", country=country, member=False, status="confirmed"
    )


def main(count: int) -> None:
    registry = timed(f"build {count} signatories in memory", lambda: registry_of(count))
    index = timed("DuplicateIndex (one pass)", lambda: DuplicateIndex(registry.signatories))
    exact = candidate("Town 000042", "US")
    near = candidate("Town 00042", "US")
    timed("exact(Town 000042, US) (indexes one block)", lambda: index.exact(exact))
    timed("near(Town 00042, US)", lambda: index.near(near))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "registry.toml"
        text = timed("dumps (canonical text)", lambda: dumps(registry))
        path.write_text(text, encoding="utf-8")
        print(f"{'file size':<44} {len(text.encode()) / 1e6:8.1f} MB")
        timed("load (read, parse, check)", lambda: load(path))
        add = [sys.executable, "-m", "endorse", "--registry", str(path), "add", "Brand New Town"]
        timed(
            "endorse add (whole process)",
            lambda: subprocess.run([*add, "--country", "US"], check=True, capture_output=True),
        )
        grown = dataclasses.replace(registry, signatories=load(path).registry.signatories)
        assert len(grown.signatories) == count + 1


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)

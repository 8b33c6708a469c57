"""Time every command against floors measured in the same run: `python benchmarks/run.py`.

For each command and registry size it runs whole processes (after a
warm-up), takes the median wall time of at least five runs and the peak
resident memory, and compares them with three floors measured the same way,
in the same run, on the same files:

- startup: `python -c "import typer"`;
- read: typer and tomli imported and the registry parsed;
- write: the read floor plus `tomli_w.dumps` and an atomic replace of a copy.

It prints one table and exits 1 when a target of docs/performance.md is
missed. No timing is asserted anywhere else: the machines are shared and
noisy, and only ratios measured side by side mean anything.

endorse keeps what it made of a large registry in its cache folder, keyed
by the registry's bytes (`endorse.registry_cache`, `endorse.results_cache`),
so the timed runs after the warm-up find their registry already parsed and,
for `validate` and `report`, already judged. The rows marked "first run"
show the other case, a registry whose bytes endorse has not seen (just
edited): its cache entries are removed before each run, the place data's
are kept. They have no time target of their own (the growth and memory
targets hold for them as for every command); their ratios are printed
beside the others so that neither figure is read without the other. The
benchmark uses a cache folder of its own, never the user's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUNDLED = HERE.parent / "data" / "registry.toml"
PYTHON = sys.executable

READ_FLOOR = """
import sys, typer, tomli
with open(sys.argv[1], "rb") as f:
    tomli.loads(f.read().decode("utf-8"))
"""
WRITE_FLOOR = """
import os, sys, tempfile, typer, tomli, tomli_w
path = sys.argv[1]
with open(path, "rb") as f:
    doc = tomli.loads(f.read().decode("utf-8"))
text = tomli_w.dumps(doc)
fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path))
with os.fdopen(fd, "w", encoding="utf-8") as f:
    f.write(text)
    f.flush()
    os.fsync(f.fileno())
os.replace(tmp, path)
"""


@dataclass(frozen=True)
class Case:
    """One command to time: its arguments, the floor it is held to, and its target ratio."""

    name: str
    args: tuple[str, ...]
    floor: str
    writes: bool = False
    first_run: bool = False


@dataclass(frozen=True)
class Measure:
    median: float
    peak_mib: float


def endorse(*args: str) -> tuple[str, ...]:
    return (PYTHON, "-m", "endorse", *args)


def cases(registry: Path, copy: Path, some_id: str) -> list[Case]:
    """The commands of the benchmark; `add` works on `copy`, restored before each run."""
    r = ("--registry", str(registry))
    return [
        Case("--version", endorse("--version"), "startup"),
        Case("list --format json", endorse(*r, "list", "--format", "json"), "read"),
        Case("list", endorse(*r, "list"), "read"),
        Case("show ID", endorse(*r, "show", some_id), "read"),
        Case("validate", endorse(*r, "validate"), "read"),
        Case("report --format json", endorse(*r, "report", "--format", "json"), "read"),
        Case("list --format json", endorse(*r, "list", "--format", "json"), "read", first_run=True),
        Case("validate", endorse(*r, "validate"), "read", first_run=True),
        Case(
            "report --format json",
            endorse(*r, "report", "--format", "json"),
            "read",
            first_run=True,
        ),
        Case(
            "add",
            endorse(
                "--registry", str(copy), "add", "Ciudad Benchmark de Prueba", "--country", "UY"
            ),
            "write",
            writes=True,
        ),
    ]


CACHE_DIR_VARIABLE = "ENDORSE_CACHE_DIR"


def run_once(
    args: Sequence[str], copy_from: Path | None, target: Path | None, first_run: bool = False
) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one process; a writing case starts from a fresh copy,
    a first run without the registries' cache entries."""
    if copy_from is not None and target is not None:
        shutil.copyfile(copy_from, target)
    if first_run:
        shutil.rmtree(Path(os.environ[CACHE_DIR_VARIABLE]) / "registries", ignore_errors=True)
    env = {**os.environ, "NO_COLOR": "1"}
    start = time.perf_counter()
    process = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=HERE
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1) or "Traceback" in stderr:
        raise RuntimeError(f"{' '.join(args)} failed ({code}):\n{stderr}")
    return elapsed, usage.ru_maxrss


def measure(
    args: Sequence[str],
    runs: int,
    copy_from: Path | None = None,
    target: Path | None = None,
    first_run: bool = False,
) -> Measure:
    run_once(args, copy_from, target, first_run)
    samples = [run_once(args, copy_from, target, first_run) for _ in range(runs)]
    return Measure(
        median=statistics.median(t for t, _ in samples),
        peak_mib=max(m for _, m in samples) / 1024,
    )


def registries(sizes: Sequence[str], folder: Path) -> dict[str, Path]:
    paths = {}
    for size in sizes:
        if size == "bundled":
            paths[size] = BUNDLED
            continue
        path = folder / f"registry-{size}.toml"
        count = str(int(size.replace("k", "000")))
        subprocess.run([PYTHON, str(HERE / "make_registry.py"), count, str(path)], check=True)
        paths[size] = path
    return paths


def first_id(path: Path) -> str:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("id = "):
                return line.split('"')[1]
    raise RuntimeError(f"{path} has no signatory")


def target_ratio(case: Case, size: str) -> float | None:
    if case.first_run:
        return None
    if case.floor == "startup":
        return 1.2
    if size == "bundled":
        return 3.0 if case.name.split()[0] in ("validate", "report") else 1.5
    return 2.0 if case.name == "validate" else 1.5


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command (>= 5)")
    parser.add_argument("--sizes", default="bundled,10k,100k", help="comma-separated sizes")
    parser.add_argument(
        "--skip", default="", help="comma-separated commands to leave out, e.g. validate"
    )
    options = parser.parse_args(argv)
    skipped = {name for name in options.skip.split(",") if name}
    sizes = options.sizes.split(",")
    missed: list[str] = []
    rows: list[Row] = []
    by_case: dict[tuple[str, str], Measure] = {}
    read_peaks: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ[CACHE_DIR_VARIABLE] = str(folder / "cache")
        startup = measure((PYTHON, "-c", "import typer"), options.runs)
        for size, path in registries(sizes, folder).items():
            work = folder / f"work-{size}.toml"
            shutil.copyfile(path, work)
            floors = {
                "startup": startup,
                "read": measure((PYTHON, "-c", READ_FLOOR, str(path)), options.runs),
                "write": measure((PYTHON, "-c", WRITE_FLOOR, str(work)), options.runs, path, work),
            }
            read_peaks[size] = floors["read"].peak_mib
            for case in cases(path, work, first_id(path)):
                if case.name.split()[0] in skipped:
                    continue
                copy_from = path if case.writes else None
                result = measure(case.args, options.runs, copy_from, work, case.first_run)
                floor = floors[case.floor]
                ratio = result.median / floor.median
                limit = target_ratio(case, size)
                name = f"{case.name} (first run)" if case.first_run else case.name
                by_case[(name, size)] = result
                peak = result.peak_mib
                rows.append((name, size, result.median, floor.median, ratio, limit, peak))
                if limit is not None and ratio > limit:
                    missed.append(f"{name} at {size}: {ratio:.2f}x the {case.floor} floor")
    missed += growth_misses(by_case, sizes) + memory_misses(by_case, read_peaks, sizes)
    print_table(rows, read_peaks)
    for miss in missed:
        print(f"MISSED: {miss}")
    print("all targets met" if not missed else f"{len(missed)} target(s) missed")
    return 1 if missed else 0


def growth_misses(by_case: dict[tuple[str, str], Measure], sizes: Sequence[str]) -> list[str]:
    if "10k" not in sizes or "100k" not in sizes:
        return []
    misses = []
    for (name, size), small in by_case.items():
        if size != "10k" or name == "--version" or (name, "100k") not in by_case:
            continue
        growth = by_case[(name, "100k")].median / small.median
        if growth > 12:
            misses.append(f"{name}: 100k takes {growth:.1f}x the time of 10k (target 12x)")
    return misses


def memory_misses(
    by_case: dict[tuple[str, str], Measure], read_peaks: dict[str, float], sizes: Sequence[str]
) -> list[str]:
    if "100k" not in sizes:
        return []
    limit = 2 * read_peaks["100k"]
    return [
        f"{name} at 100k: peak {m.peak_mib:.0f} MiB > 2x the read floor's {read_peaks['100k']:.0f}"
        for (name, size), m in by_case.items()
        if size == "100k" and m.peak_mib > limit
    ]


Row = tuple[str, str, float, float, float, float | None, float]


def print_table(rows: Sequence[Row], read_peaks: dict[str, float]) -> None:
    header = f"{'command':<34} {'size':>8} {'median s':>9} {'floor s':>8} {'ratio':>6} "
    print(header + f"{'target':>7} {'peak MiB':>9}")
    for name, size, median, floor, ratio, limit, peak in rows:
        flag = "" if limit is None or ratio <= limit else "  <- missed"
        shown_limit = "-" if limit is None else f"{limit:.1f}"
        print(
            f"{name:<34} {size:>8} {median:>9.3f} {floor:>8.3f} {ratio:>6.2f} "
            f"{shown_limit:>7} {peak:>9.1f}{flag}"
        )
    peaks = ", ".join(f"{size} {peak:.1f} MiB" for size, peak in read_peaks.items())
    print(f"read floor peaks: {peaks}")


if __name__ == "__main__":
    sys.exit(main())

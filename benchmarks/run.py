"""Time every command of a regular install against floors measured in the same run.

Run: `python benchmarks/run.py` (about 4 minutes; `--sizes bundled,real-5k --runs 2`
for a quick look while developing).

It copies the repository's sources to a temporary folder, makes a fresh
virtual environment there and `pip install`s endorse into it (a regular
install, not an editable one), and prints the size of that environment's
site-packages. Every command then runs from that environment's `endorse`,
and every floor from its `python`:

- startup: `python -c "import typer"`;
- read: typer and tomli imported and the registry parsed;
- write: the read floor plus `tomli_w.dumps` and an atomic replace of a copy.

The floors and the commands of every registry run as whole processes: one
warm-up each, then rounds in which each runs once, so that a floor, the
commands compared with it, and the 10k and 100k runs the growth target
compares are all sampled over the same minutes. It keeps the median wall
time of the rounds (at least five), the median CPU time (printed beside,
less sensitive to the load of a shared machine) and the peak resident
memory, prints one table, and exits 1 when a target of docs/performance.md
is missed or a command fails. No timing is asserted anywhere else: the
machines are shared and noisy, and only ratios measured side by side mean
anything. The temporary folder, environment included, is removed at exit.

Registries (`--sizes`): `bundled` (data/registry.toml), `real-N` (N real
city names, benchmarks/make_real_registry.py) and `N` or `Nk` (synthetic,
benchmarks/make_registry.py).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUNDLED = ROOT / "data" / "registry.toml"
DEFAULT_SIZES = "bundled,real-5k,10k,100k"
MIN_RUNS = 5

# Ratio to the floor each command is held to, by kind of registry; 10k and 100k have none.
BUNDLED_TARGETS = {
    "list": 1.5,
    "list --format json": 1.5,
    "show ID": 1.5,
    "validate": 2.5,
    "report": 2.5,
    "report --lang fr": 2.5,
    "report --format json": 2.5,
    "report --format html": 2.5,
    "add": 1.5,
}
# The real-5k targets of list, report and validate are what the commands cost without a
# cache (docs/performance.md, "What the missed targets would take"), held in CPU time.
REAL_TARGETS = {
    "list": 1.75,
    "list --format json": 1.75,
    "show ID": 1.5,
    "validate": 5.0,
    "report": 3.5,
    "report --lang fr": 3.5,
    "report --format json": 3.5,
    "report --format html": 3.5,
    "add": 1.5,
}
REAL_CPU_TARGETS = frozenset(
    {
        "list",
        "list --format json",
        "validate",
        "report",
        "report --lang fr",
        "report --format json",
        "report --format html",
    }
)
VERSION_TARGET = 1.2
# `import` of a workbook, against `import` of the same rows as csv, on the registry of this size.
IMPORT_SIZE = "10k"
IMPORT_TARGET = 3.0
# `diff` of two versions of the registry of this size, against reading both.
DIFF_SIZE = "10k"
DIFF_TARGET = 2.0
GROWTH_SIZES = ("10k", "100k")
GROWTH_TARGET = 12.0
MEMORY_SIZE = "100k"
MEMORY_TARGET = 2.0  # peak memory, times the read floor's peak on the same registry
WEIGHT_TARGET_MB = 130.0
VENV_OWN = ("pip", "setuptools", "pkg_resources", "_distutils_hack", "distutils-precedence")

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
READ_BOTH_FLOOR = """
import sys, typer, tomli
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        tomli.loads(f.read().decode("utf-8"))
"""
# A second version of a registry, as a year of a secretariat's work might leave it: 100
# signatories withdrawn, 100 renamed, 100 removed and 100 added.
CHANGED_VERSION = """
import sys, tomli, tomli_w
with open(sys.argv[1], "rb") as f:
    doc = tomli.loads(f.read().decode("utf-8"))
signatories = doc["signatory"]
for s in signatories[:100]:
    s["status"] = "withdrawn"
for s in signatories[100:200]:
    s["name"] += " City"
del signatories[200:300]
signatories += [{**s, "id": s["id"] + "-new"} for s in signatories[300:400]]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(tomli_w.dumps(doc))
"""
# Runs one command and prints its wall time, CPU time, peak RSS (KiB) and exit code.
# A child's ru_maxrss is at least its parent's resident set when it was spawned (the
# kernel counts the parent's pages until exec), so the commands are spawned from this
# small process (-I -S: 9 MiB), not from the benchmark (20 MiB and more): `endorse
# --version` peaks at 10 MiB, and would be reported at the benchmark's size.
LAUNCHER = """
import os, sys, time
args = sys.argv[1:]
null = os.open(os.devnull, os.O_WRONLY)
read_end, write_end = os.pipe()
actions = [(os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, write_end, 2)]
start = time.perf_counter()
pid = os.posix_spawn(args[0], args, os.environ, file_actions=actions)
os.close(write_end)
chunks = []
while chunk := os.read(read_end, 65536):
    chunks.append(chunk)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
sys.stderr.buffer.write(b"".join(chunks))
code = os.waitstatus_to_exitcode(status)
print(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, code)
"""
# What the copy of the repository leaves out: it is built from a clean tree, so that
# nothing of an earlier build (a stale build/lib) finds its way into the install.
NOT_COPIED = shutil.ignore_patterns(
    ".git",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".venv",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
)


@dataclass(frozen=True)
class Install:
    """A fresh environment with endorse installed: its python, its endorse, its weight."""

    python: str
    endorse: str
    site_packages: Path
    source: str  # the fingerprint of the sources installed


@dataclass
class Job:
    """One process to time, `runs` times: a floor or a command."""

    name: str
    args: tuple[str, ...]
    floor: str | None = None  # the floor a command is compared with; None for a floor
    target: float | None = None
    by_cpu: bool = False  # the target holds the CPU-time ratio, not the wall-time one
    ok_codes: tuple[int, ...] = (0,)
    restore: tuple[Path, Path] | None = None  # copy [0] over [1] before each run
    times: list[float] = field(default_factory=list)
    cpu_times: list[float] = field(default_factory=list)
    peaks_kib: list[int] = field(default_factory=list)
    failure: str | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def cpu(self) -> float:
        """The median CPU time (user and system): what the machine's load changes least."""
        return statistics.median(self.cpu_times)

    @property
    def spread(self) -> float:
        """(slowest - quickest) / median: how noisy the runs were."""
        return (max(self.times) - min(self.times)) / self.median

    @property
    def peak_mib(self) -> float:
        return max(self.peaks_kib) / 1024


@dataclass(frozen=True)
class Row:
    name: str
    size: str
    job: Job
    floor: Job | None


class CommandFailed(Exception):
    pass


def install(folder: Path) -> Install:
    """Copy the sources, make a virtual environment and `pip install` them into it."""
    source = folder / "source"
    shutil.copytree(ROOT, source, ignore=NOT_COPIED)
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    done = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(source)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"pip install failed:\n{done.stdout}\n{done.stderr}")
    found = subprocess.run(
        [
            str(python),
            "-c",
            "import endorse, sysconfig; print(endorse.__file__);"
            "print(sysconfig.get_path('purelib'))",
        ],
        capture_output=True,
        text=True,
        check=True,
        env=environment(),
        cwd=HERE,
    ).stdout.split("\n")
    site_packages = Path(found[1])
    if not Path(found[0]).is_relative_to(site_packages):
        raise SystemExit(f"endorse is imported from {found[0]}, not from {site_packages}")
    return Install(str(python), str(venv / "bin" / "endorse"), site_packages, fingerprint(source))


def fingerprint(tree: Path) -> str:
    """A digest of what was installed (src/ and pyproject.toml), to tell which state of a
    working tree that is being edited a run measured."""
    digest = hashlib.sha256()
    files = [tree / "pyproject.toml", *(tree / "src").rglob("*")]
    for path in sorted(p for p in files if p.is_file() and "__pycache__" not in p.parts):
        if not any(part.endswith(".egg-info") for part in path.parts):
            digest.update(str(path.relative_to(tree)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def environment() -> dict[str, str]:
    """The benchmark's environment: no registry named, no colour, nothing on PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("ENDORSE_REGISTRY", "PYTHONPATH")}
    return {**env, "NO_COLOR": "1"}


def weight(site_packages: Path) -> tuple[float, list[tuple[str, float]], float]:
    """The size of site-packages in MB (10^6 bytes), its largest entries, and how much of it
    the virtual environment brings whatever is installed (pip, setuptools)."""
    sizes: dict[str, int] = {}
    for path in site_packages.rglob("*"):
        if path.is_file() and not path.is_symlink():
            top = path.relative_to(site_packages).parts[0]
            sizes[top] = sizes.get(top, 0) + path.stat().st_size
    largest = sorted(sizes.items(), key=lambda item: -item[1])[:6]
    own = sum(size for name, size in sizes.items() if name.startswith(VENV_OWN))
    return (
        sum(sizes.values()) / 1e6,
        [(name, size / 1e6) for name, size in largest],
        own / 1e6,
    )


def run_once(job: Job) -> None:
    """Run the job's process once, through the launcher, and keep its times and peak RSS."""
    if job.restore is not None:
        shutil.copyfile(*job.restore)
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-c", LAUNCHER, *job.args],
        capture_output=True,
        env=ENV,
        cwd=HERE,
    )
    stderr = done.stderr.decode(errors="replace")
    try:
        wall, cpu, peak_kib, code = done.stdout.split()
    except ValueError:
        raise CommandFailed(f"the launcher failed ({done.returncode}):\n{stderr}") from None
    if int(code) not in job.ok_codes or "Traceback" in stderr:
        raise CommandFailed(f"exit {code}\n{stderr.strip()}")
    job.times.append(float(wall))
    job.cpu_times.append(float(cpu))
    job.peaks_kib.append(int(peak_kib))


def measure(jobs: Sequence[Job], runs: int) -> None:
    """A warm-up of each job, then `runs` rounds in which each job runs once.

    Every floor and every command runs once a round, so that all of them (the
    10k and 100k registries too, whose times the growth target compares) are
    sampled over the same minutes of a machine whose load changes.
    """
    for round_number in range(runs + 1):
        progress("warm-up" if round_number == 0 else f"round {round_number} of {runs}")
        for job in jobs:
            if job.failure is not None:
                continue
            try:
                run_once(job)
            except CommandFailed as error:
                job.failure = str(error)
                print(f"FAILED: {job.name}: {error}", file=sys.stderr)
            if round_number == 0 and job.failure is None:  # the warm-up is not kept
                job.times.clear()
                job.cpu_times.clear()
                job.peaks_kib.clear()


def make_registry(size: str, folder: Path, python: str) -> Path:
    """The registry of a size: the bundled one, or one made by a generator."""
    if size == "bundled":
        return BUNDLED
    real = size.startswith("real-")
    count = size.removeprefix("real-").lower().replace("k", "000")
    if not count.isdigit():
        raise SystemExit(f"unknown size {size!r}: bundled, real-N, N or Nk")
    script = "make_real_registry.py" if real else "make_registry.py"
    path = folder / f"registry-{size}.toml"
    done = subprocess.run(
        [python, str(HERE / script), count, str(path)],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=HERE,
    )
    if done.returncode != 0:
        raise CommandFailed(f"{script} {count} failed (exit {done.returncode}):\n{done.stderr}")
    return path


def first_id(path: Path) -> str:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("id = "):
                return line.split('"')[1]
    raise RuntimeError(f"{path} has no signatory")


def targets_for(size: str) -> dict[str, float]:
    if size == "bundled":
        return BUNDLED_TARGETS
    if size.startswith("real-"):
        return REAL_TARGETS
    return {}


def jobs_for(size: str, registry: Path, work: Path, found: Install) -> list[Job]:
    """The floors and commands of one registry; `add` and the write floor work on `work`."""
    py, targets = found.python, targets_for(size)
    on = (found.endorse, "--registry", str(registry))
    commands = {
        "list": (*on, "list"),
        "list --format json": (*on, "list", "--format", "json"),
        "show ID": (*on, "show", first_id(registry)),
        "validate": (*on, "validate"),
        "report": (*on, "report"),
        "report --lang fr": (*on, "report", "--lang", "fr"),
        "report --format json": (*on, "report", "--format", "json"),
        "report --format html": (*on, "report", "--format", "html"),
        "add": (
            found.endorse,
            "--registry",
            str(work),
            "add",
            "Ciudad Benchmark de Prueba",
            "--country",
            "UY",
        ),
    }
    jobs = [
        Job("read floor", (py, "-c", READ_FLOOR, str(registry))),
        Job("write floor", (py, "-c", WRITE_FLOOR, str(work)), restore=(registry, work)),
    ]
    for name, args in commands.items():
        writes = name == "add"
        jobs.append(
            Job(
                name,
                args,
                floor="write floor" if writes else "read floor",
                target=targets.get(name),
                by_cpu=size.startswith("real-") and name in REAL_CPU_TARGETS,
                ok_codes=(0, 1) if name == "validate" else (0,),
                restore=(registry, work) if writes else None,
            )
        )
    return jobs


def diff_jobs(registry: Path, folder: Path, found: Install) -> list[Job]:
    """`diff` of the registry and a changed version of it (two files), against reading both."""
    changed = folder / f"changed-{registry.name}"
    done = subprocess.run(
        [found.python, "-c", CHANGED_VERSION, str(registry), str(changed)],
        capture_output=True,
        text=True,
        env=ENV,
    )
    if done.returncode != 0:
        raise CommandFailed(f"making the changed version failed:\n{done.stderr}")
    both = (str(registry), str(changed))
    return [
        Job("read both floor", (found.python, "-c", READ_BOTH_FLOOR, *both)),
        Job("diff", (found.endorse, "diff", *both), floor="read both floor", target=DIFF_TARGET),
    ]


def import_jobs(registry: Path, folder: Path, found: Install) -> list[Job]:
    """`import --dry-run` of the registry's rows into an empty registry, from the csv and
    the workbook that `list` exports: the csv import is the workbook's floor."""
    empty = folder / "empty-for-import.toml"
    rows = {kind: folder / f"rows-{registry.stem}.{kind}" for kind in ("csv", "xlsx")}
    new_registry = ("--title", "T", "--network", "N", "--members-declared", "1")
    setup = [
        (found.endorse, "init", str(empty), *new_registry),
        *(
            (found.endorse, "--registry", str(registry), "list", "-f", kind, "-o", str(path))
            for kind, path in rows.items()
        ),
    ]
    for args in setup:
        done = subprocess.run(args, capture_output=True, text=True, env=ENV)
        if done.returncode != 0:
            raise CommandFailed(f"{' '.join(args)} failed:\n{done.stderr}")
    on = (found.endorse, "--registry", str(empty), "import")
    options = ("--dry-run", "--force")
    return [
        Job("import csv", (*on, str(rows["csv"]), *options)),
        Job(
            "import xlsx",
            (*on, str(rows["xlsx"]), *options),
            floor="import csv",
            target=IMPORT_TARGET,
        ),
    ]


EXTRA_JOBS = (("diff", DIFF_SIZE, diff_jobs), ("import", IMPORT_SIZE, import_jobs))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=MIN_RUNS, help=f"timed runs of each (default {MIN_RUNS})"
    )
    parser.add_argument(
        "--sizes", default=DEFAULT_SIZES, help=f"comma-separated (default {DEFAULT_SIZES})"
    )
    parser.add_argument(
        "--skip", default="", help="comma-separated commands to leave out, e.g. validate,add"
    )
    options = parser.parse_args(argv)
    if options.runs < 1:
        parser.error("--runs must be at least 1 (5 for a measurement)")
    skipped = {name.strip() for name in options.skip.split(",") if name.strip()}
    sizes = [size.strip() for size in options.sizes.split(",") if size.strip()]
    rows: list[Row] = []
    failed_sizes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="endorse-benchmark-") as tmp:
        folder = Path(tmp)
        load_before = os.getloadavg()[0]
        progress("installing endorse into a fresh virtual environment")
        found = install(folder)
        installed_mb, largest, venv_own_mb = weight(found.site_packages)
        startup = Job("startup floor", (found.python, "-c", "import typer"))
        version = Job(
            "--version", (found.endorse, "--version"), floor="startup floor", target=VERSION_TARGET
        )
        rows.append(Row("--version", "any", version, startup))
        jobs = [startup, version]
        for size in sizes:
            progress(f"making the {size} registry")
            try:
                registry = make_registry(size, folder, found.python)
            except CommandFailed as error:
                print(f"FAILED: {error}", file=sys.stderr)
                failed_sizes.append(size)
                continue
            work = folder / f"work-{size}.toml"
            of_size = [
                job
                for job in jobs_for(size, registry, work, found)
                if job.name not in skipped and job.name.split()[0] not in skipped
            ]
            for name, at, make in (
                ("diff", DIFF_SIZE, diff_jobs),
                ("import", IMPORT_SIZE, import_jobs),
            ):
                if size != at or name in skipped:
                    continue
                try:
                    of_size += make(registry, folder, found)
                except CommandFailed as error:
                    print(f"FAILED: {error}", file=sys.stderr)
                    failed_sizes.append(f"{size} ({name} files)")
            by_name = {job.name: job for job in of_size}
            rows += [Row(job.name, size, job, by_name.get(job.floor or "")) for job in of_size]
            jobs += of_size
        measure(jobs, options.runs)
        description = describe(found, load_before, os.getloadavg()[0])
    print(description)
    print_table(rows, options.runs)
    print(
        f"\ninstalled weight: site-packages {installed_mb:.1f} MB (target {WEIGHT_TARGET_MB:.0f})"
    )
    print("  largest (MB): " + ", ".join(f"{name} {mb:.1f}" for name, mb in largest))
    print(f"  of which {venv_own_mb:.1f} MB come with any virtual environment (pip, setuptools)")
    missed = time_misses(rows) + growth_misses(rows) + memory_misses(rows)
    if installed_mb > WEIGHT_TARGET_MB:
        missed.append(f"installed weight {installed_mb:.1f} MB > {WEIGHT_TARGET_MB:.0f} MB")
    missed += [f"{row.name} at {row.size} failed" for row in rows if row.job.failure]
    missed += [f"the {size} registry could not be made" for size in failed_sizes]
    print()
    for miss in missed:
        print(f"MISSED: {miss}")
    print("all targets met" if not missed else f"{len(missed)} target(s) missed")
    return 1 if missed else 0


def describe(found: Install, load_before: float, load_after: float) -> str:
    """What was measured, where and when: the commit, Python, the machine and its load."""
    python = subprocess.run(
        [found.python, "-c", "import platform; print(platform.python_version())"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    head = git("rev-parse", "--short", "HEAD") or "unknown commit"
    if git("status", "--porcelain", "--", "src", "pyproject.toml"):
        head += " with changes"
    head += f" (sources {found.source})"
    return (
        f"{time.strftime('%Y-%m-%d %H:%M')}, {head}, Python {python}, "
        f"{os.cpu_count()} CPUs, load average {load_before:.1f} before and "
        f"{load_after:.1f} after"
    )


def git(*args: str) -> str:
    try:
        done = subprocess.run(["git", *args], capture_output=True, text=True, cwd=ROOT)
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def ratio(row: Row) -> float | None:
    """The ratio the target holds: of wall times, or of CPU times for a `by_cpu` job."""
    if row.floor is None or row.job.failure or row.floor.failure:
        return None
    if row.job.by_cpu:
        return row.job.cpu / row.floor.cpu
    return row.job.median / row.floor.median


def time_misses(rows: Sequence[Row]) -> list[str]:
    misses = []
    for row in rows:
        value, target = ratio(row), row.job.target
        if value is not None and target is not None and value > target:
            misses.append(
                f"{row.name} at {row.size}: {value:.3f}x the {row.job.floor} (target {target}x)"
            )
    return misses


def growth_pairs(rows: Sequence[Row]) -> list[tuple[str, Job, Job]]:
    small, large = GROWTH_SIZES
    at = {(row.name, row.size): row.job for row in rows if not row.job.failure}
    return [
        (name, at[(name, small)], at[(name, large)])
        for (name, size) in at
        if size == small and (name, large) in at
    ]


def growth_misses(rows: Sequence[Row]) -> list[str]:
    return [
        f"{name}: {large.median / small.median:.1f}x the time from "
        f"{GROWTH_SIZES[0]} to {GROWTH_SIZES[1]} (target {GROWTH_TARGET:.0f}x)"
        for name, small, large in growth_pairs(rows)
        if large.floor is not None and large.median / small.median > GROWTH_TARGET
    ]


def memory_limit(rows: Sequence[Row]) -> float | None:
    for row in rows:
        if row.size == MEMORY_SIZE and row.name == "read floor" and not row.job.failure:
            return MEMORY_TARGET * row.job.peak_mib
    return None


def memory_misses(rows: Sequence[Row]) -> list[str]:
    limit = memory_limit(rows)
    if limit is None:
        return []
    return [
        f"{row.name} at {MEMORY_SIZE}: peak {row.job.peak_mib:.0f} MiB "
        f"(target {limit:.0f}, {MEMORY_TARGET:.0f}x the read floor's)"
        for row in rows
        if row.size == MEMORY_SIZE
        and row.floor is not None
        and not row.job.failure
        and row.job.peak_mib > limit
    ]


def print_table(rows: Sequence[Row], runs: int) -> None:
    print(
        f"wall: median wall time of {runs} runs after a warm-up; ratio: to the floor's, "
        "the figure the targets hold;\ncpu ratio: the same with CPU time (user + system), "
        "less sensitive to the machine's load, which a target marked c holds;\n"
        "peak: the largest resident set of those runs; spread: (slowest - quickest) / "
        "median wall time"
    )
    if runs < MIN_RUNS:
        print(f"(fewer than {MIN_RUNS} runs: a development run, not a measurement)")
    print(
        f"\n{'command':<21} {'registry':>8} {'wall s':>7} {'floor':>7} {'floor s':>7} "
        f"{'ratio':>5} {'target':>6} {'cpu ratio':>9} {'peak MiB':>8} {'spread':>6}"
    )
    for row in rows:
        job = row.job
        if job.failure:
            print(f"{row.name:<21} {row.size:>8}  FAILED: {job.failure.splitlines()[-1][:60]}")
            continue
        floor, value = row.floor, ratio(row)
        floor_name = "-" if floor is None else floor.name.split()[0]
        floor_s = "-" if floor is None or floor.failure else f"{floor.median:.3f}"
        shown_ratio = "-" if value is None or floor is None else f"{job.median / floor.median:.2f}"
        cpu_ratio = "-" if value is None or floor is None else f"{job.cpu / floor.cpu:.2f}"
        target = "-" if job.target is None else f"{job.target:.2g}{'c' if job.by_cpu else ''}"
        flag = "  <- missed" if value and job.target and value > job.target else ""
        print(
            f"{row.name:<21} {row.size:>8} {job.median:>7.3f} {floor_name:>7} {floor_s:>7} "
            f"{shown_ratio:>5} {target:>6} {cpu_ratio:>9} {job.peak_mib:>8.1f} "
            f"{job.spread:>6.0%}{flag}"
        )
    pairs = growth_pairs(rows)
    limit = memory_limit(rows)
    if pairs:
        small, large = GROWTH_SIZES
        print(
            f"\n{'growth':<21} {small + ' s':>8} {large + ' s':>7} {'growth':>7} {'target':>6} "
            f"{'cpu growth':>10} {'peak ' + large:>10} {'limit':>6}"
        )
        for name, at_small, at_large in pairs:
            growth = at_large.median / at_small.median
            shown_limit = "-" if limit is None or name.endswith("floor") else f"{limit:.0f}"
            flag = "  <- missed" if at_large.floor and growth > GROWTH_TARGET else ""
            if shown_limit != "-" and limit is not None and at_large.peak_mib > limit:
                flag += "  <- memory missed"
            print(
                f"{name:<21} {at_small.median:>8.3f} {at_large.median:>7.3f} {growth:>7.1f} "
                f"{GROWTH_TARGET:>6.0f} {at_large.cpu / at_small.cpu:>10.1f} "
                f"{at_large.peak_mib:>10.1f} {shown_limit:>6}{flag}"
            )


ENV = environment()

if __name__ == "__main__":
    sys.exit(main())

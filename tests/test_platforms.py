"""endorse imports and runs where POSIX's modules are missing (Windows): every module
loads with fcntl unavailable, and a POSIX-only name is never used unguarded."""

from __future__ import annotations

import subprocess
import sys

from conftest import BUNDLED

IMPORT_EVERY_MODULE = """
import importlib, pkgutil, sys
sys.modules["fcntl"] = None  # as on Windows: `import fcntl` raises ImportError
import endorse
modules = pkgutil.walk_packages(endorse.__path__, "endorse.")
names = [m.name for m in modules if m.name != "endorse.__main__"]  # that one runs the CLI
for name in names:
    importlib.import_module(name)
print(len(names))
"""


def test_every_module_imports_without_fcntl() -> None:
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_MODULE], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 50


READ_WITHOUT_FCNTL = """
import sys
sys.modules["fcntl"] = None
import endorse
registry = endorse.load(sys.argv[1])
print(len(registry.signatories), len(endorse.validate(sys.argv[1])) >= 0)
"""


def test_reading_and_validating_need_no_posix_module() -> None:
    done = subprocess.run(
        [sys.executable, "-c", READ_WITHOUT_FCNTL, str(BUNDLED)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[1] == "True"

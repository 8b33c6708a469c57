"""The system's Chromium for the browser tests: where it is, the flags it needs here, and the
mark that skips a test (saying how to install it) where it is missing. CI installs it and
sets ENDORSE_REQUIRE_BROWSER, so that there a missing Chromium fails the tests instead."""

from __future__ import annotations

import os
import shutil
from typing import Final

import pytest

CHROMIUM: Final = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)
# What a closed network and a shared machine need: no background requests, no sandbox as root.
CHROMIUM_FLAGS: Final = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
if CHROMIUM is None and os.environ.get("ENDORSE_REQUIRE_BROWSER"):
    raise RuntimeError("ENDORSE_REQUIRE_BROWSER is set, but chromium is not installed")
needs_chromium: Final = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed; install it with `apt-get install -y chromium` "
    "(as root; .ci/run does this) to run the browser tests",
)

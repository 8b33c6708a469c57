"""Hostile text: refused clearly or stored exactly, never printed as a control code."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import InvokeResult
from endorse.places.names import nfc
from endorse.registry.model import Paper, Registry
from endorse.registry.store import dumps, load, registry_from_text
from endorse.registry.values import ValueProblem, signatory_from_values

Invoke = Callable[..., InvokeResult]

# C0 and C1 controls (ESC and CSI start every terminal escape sequence) and bidi overrides.
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = st.sampled_from(
    ["\x1b[31m", "\x1b]8;;http://x\x07", "\x9b2J", "[bold]", "[/]", "\u202e", "=cmd|' /C'!A0", "\n"]
)
NAMES = st.text(min_size=0, max_size=40) | st.lists(
    st.one_of(HOSTILE, st.text(max_size=5)), max_size=5
).map("".join)


def empty_registry(folder: Path) -> Path:
    path = folder / "registry.toml"
    path.write_text('format = 1\n\n[paper]\ntitle = "T"\nnetwork = "N"\nmembers_declared = 1\n')
    return path


@given(NAMES)
def test_a_name_is_refused_naming_its_field_or_stored_and_read_back_exactly(name: str) -> None:
    try:
        new = signatory_from_values(name=name, country="US")
    except ValueProblem as refused:
        assert refused.field in ("name", "id")
        assert str(refused).startswith(("name ", "the name "))
        return
    assert nfc(name).strip() in (new.name, new.as_written), "what was written is kept"
    text = dumps(Registry(Paper("T", "N", 1), (new,)))
    back = registry_from_text(text, Path("r.toml")).signatories[0]
    assert (back.name, back.as_written) == (new.name, new.as_written)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("hostile")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(NAMES)
def test_add_with_any_name_exits_cleanly_and_prints_no_control_code(
    invoke: Invoke, scratch: Path, name: str
) -> None:
    path = empty_registry(scratch)
    result = invoke("--registry", path, "add", "--country", "US", "--", name)
    assert not CONTROL.search(result.stdout.replace("\n", ""))
    assert not CONTROL.search(result.stderr.replace("\n", ""))
    if result.exit_code == 0:
        (stored,) = load(path).registry.signatories
        written = unicodedata.normalize("NFC", name).strip()
        assert written in (stored.name, stored.as_written), "what was written is kept"
    else:
        assert result.exit_code == 2
        assert result.stderr.startswith("error: ")


HAND_WRITTEN = """format = 1

[paper]
title = "T"
network = "N"
members_declared = 1

[[signatory]]
id = "evil"
name = "[bold red]Evil\\u001b[2J\\u009b31m\\u202eCity"
kind = "city"
country = "US"
member = false
status = "confirmed"
note = "\\u001b]8;;http://example.com\\u0007click\\u001b]8;;\\u0007"
odd = "\\u001b[5m"
"""


@pytest.mark.parametrize(
    "command",
    [
        ["withdraw", "evil", "--note", "[link]done[/link]"],
        ["edit", "evil", "--kind", "region"],
        ["remove", "evil", "--yes"],
        ["add", "--country", "US", "--", "Bold Red Evil 2J31m Cty"],
    ],
    ids=["withdraw", "edit", "remove", "add-near-it"],
)
def test_escape_codes_already_in_the_file_never_reach_the_terminal(
    invoke: Invoke, tmp_path: Path, command: list[str]
) -> None:
    path = tmp_path / "registry.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    result = invoke("--registry", path, *command)
    assert not CONTROL.search(result.stdout.replace("\n", ""))
    assert not CONTROL.search(result.stderr.replace("\n", ""))
    assert "[bold red]Evil" in result.stdout + result.stderr


def test_markup_in_a_new_name_is_stored_and_printed_literally(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = empty_registry(tmp_path)
    result = invoke("--registry", path, "add", "--country", "US", "--", "[bold]Bold[/bold] City")
    assert result.exit_code == 0
    assert "name         [bold]Bold[/bold]\n" in result.stdout
    assert "as_written   [bold]Bold[/bold] City" in result.stdout
    assert load(path).registry.signatories[0].as_written == "[bold]Bold[/bold] City"

"""A compact JSON report written in pieces is exactly what `json.dumps` writes whole."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import endorse
from conftest import InvokeResult
from endorse.render.report_json import (
    compact_json_chunks,
    json_report,
    json_report_chunks,
    report_document,
)
from registry_factory import generated_registry_text

scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=6)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=30,
)


@settings(max_examples=200, deadline=None)
@given(values, st.integers(min_value=1, max_value=3))
def test_the_pieces_of_any_document_make_its_compact_json(value: Any, per_chunk: int) -> None:
    pieces = "".join(compact_json_chunks(value, per_chunk))
    assert pieces == json.dumps(value, ensure_ascii=False)


def test_the_pieces_of_a_long_list_inside_a_short_one_make_its_compact_json() -> None:
    value = {"regions": [{"region": "Ásia", "members": [{"id": n} for n in range(2500)]}]}
    assert "".join(compact_json_chunks(value)) == json.dumps(value, ensure_ascii=False)


@pytest.mark.slow
def test_a_large_report_is_compact_json_written_in_pieces(
    invoke: Callable[..., InvokeResult], tmp_path: Path
) -> None:
    registry = tmp_path / "registry.toml"
    registry.write_text(generated_registry_text(2500), encoding="utf-8")
    summary = endorse.summarise(endorse.load(registry))
    whole = json.dumps(report_document(summary), ensure_ascii=False) + "\n"
    assert json_report(summary) == whole
    assert invoke("--registry", registry, "report", "--format", "json").stdout == whole


def test_no_piece_of_a_large_report_holds_a_whole_list_of_names(tmp_path: Path) -> None:
    registry = tmp_path / "registry.toml"
    registry.write_text(generated_registry_text(2500), encoding="utf-8")
    summary = endorse.summarise(endorse.load(registry))
    pieces = list(json_report_chunks(summary))
    entries = report_document(summary)["nonmembers"]
    longest_list = max(len(json.dumps(entry, ensure_ascii=False)) for entry in entries)
    assert max(len(piece) for piece in pieces) <= 1000 * (longest_list + 2)
    assert len(pieces) < 200

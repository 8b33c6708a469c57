"""`list --output` writes what the file's extension names, as `import` reads it back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import InvokeResult
from registries import empty_registry

Invoke = Callable[..., InvokeResult]


def test_a_tsv_output_is_tab_separated_and_imports_back_unchanged(
    invoke: Invoke, registry_copy: Path, tmp_path: Path
) -> None:
    listed = tmp_path / "all.tsv"
    result = invoke("--registry", registry_copy, "list", "--output", listed)
    assert result.exit_code == 0, result.stderr
    header = listed.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id\tname\tas_written\t")
    empty = empty_registry(tmp_path)
    text = registry_copy.read_text(encoding="utf-8")
    paper = text[: text.index("[[signatory]]")]
    empty.write_text(paper, encoding="utf-8")
    assert invoke("--registry", empty, "import", listed).exit_code == 0
    assert empty.read_bytes() == registry_copy.read_bytes()


def test_format_tsv_writes_tabs_to_stdout(invoke: Invoke, registry_copy: Path) -> None:
    result = invoke("--registry", registry_copy, "list", "--format", "tsv")
    assert result.stdout.splitlines()[0].split("\t")[:2] == ["id", "name"]


@pytest.mark.parametrize("name", ["list.xlsm", "list.XLTM", "list.xls", "list.xlsb", "list.ods"])
def test_a_spreadsheet_endorse_does_not_write_is_refused_as_output(
    invoke: Invoke, registry_copy: Path, tmp_path: Path, name: str
) -> None:
    result = invoke("--registry", registry_copy, "list", "--output", tmp_path / name)
    assert result.exit_code == 2
    assert "spreadsheet" in result.stderr
    assert not (tmp_path / name).exists()

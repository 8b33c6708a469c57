"""`validate_file` gives what `validate_text` gives, and the text output may come in pieces."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import BUNDLED, InvokeResult
from endorse.checks import Finding, validate_file, validate_text
from endorse.render.findings import text_chunks
from registry_factory import generated_registry_text


def test_validate_file_finds_what_validate_text_finds_in_the_bundled_registry() -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    assert validate_file(BUNDLED, verbose=True) == validate_text(text, verbose=True)


@pytest.mark.slow
def test_validate_file_finds_what_validate_text_finds_in_a_cached_large_registry(
    tmp_path: Path,
) -> None:
    registry = tmp_path / "registry.toml"
    registry.write_text(generated_registry_text(3000), encoding="utf-8")
    first = validate_file(registry)
    assert first == validate_file(registry)
    assert first == validate_text(registry.read_text(encoding="utf-8"))


def test_validate_file_reports_a_syntax_error_as_e100(tmp_path: Path) -> None:
    registry = tmp_path / "registry.toml"
    registry.write_text("format = 1\n[paper\n", encoding="utf-8")
    [finding] = validate_file(registry)
    assert (finding.code, finding.line) == ("E100", 2)


def _findings(errors: int, warnings: int, info: int) -> list[Finding]:
    counts = {"E302": errors, "W201": warnings, "I402": info}
    return [
        Finding.of(code, f"s{n}", n + 1, f"message {n}", "hint")
        for code, count in counts.items()
        for n in range(count)
    ]


def _linter_text(findings: list[Finding]) -> str:
    """The text format as docs/validation.md gives it: one line and a hint a finding, a
    blank line between severities, then the summary line."""
    groups = [
        [f for f in findings if f.severity == severity] for severity in ("error", "warning", "info")
    ]
    blocks = [
        "\n".join(
            f"registry.toml:{f.line}: {f.code} {f.signatory_id}: {f.message}\n    hint: {f.hint}"
            for f in group
        )
        for group in groups
        if group
    ]
    counts = [len(group) for group in groups]
    summary = (
        f"{counts[0]} error{'' if counts[0] == 1 else 's'}, "
        f"{counts[1]} warning{'' if counts[1] == 1 else 's'}, {counts[2]} info"
    )
    return "\n\n".join([*blocks, summary]) + "\n"


@pytest.mark.parametrize(
    ("errors", "warnings", "info"),
    [(0, 0, 0), (1, 0, 0), (0, 499, 0), (0, 500, 1), (3, 1001, 2), (0, 0, 1500)],
)
def test_the_text_in_pieces_is_the_linter_text(errors: int, warnings: int, info: int) -> None:
    findings = _findings(errors, warnings, info)
    pieces = list(text_chunks(findings, "registry.toml"))
    assert "".join(pieces) == _linter_text(findings)
    assert all(piece.endswith("\n") for piece in pieces)
    assert len(pieces) <= 3 + len(findings) // 500 + 4


@pytest.mark.slow
def test_a_long_text_output_is_written_whole(
    invoke: Callable[..., InvokeResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = tmp_path / "registry.toml"
    registry.write_text(generated_registry_text(3000), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("--registry", registry, "validate")
    assert result.stdout == _linter_text(validate_file(registry))

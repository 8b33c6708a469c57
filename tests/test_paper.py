"""What the signatories endorsed: the paper's summary, commitments, recipients and framework."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import endorse
from conftest import BUNDLED, InvokeResult
from endorse import Recipient

Invoke = Callable[..., InvokeResult]

HOSTILE = "Cooperate <script>alert(1)</script> [bold]now\x1b[31m | **a** =1"


def _registry(tmp_path: Path, paper_lines: str = "") -> Path:
    path = tmp_path / "registry.toml"
    path.write_text(
        'format = 1\n\n[paper]\ntitle = "T"\nnetwork = "N"\nmembers_declared = 0\n'
        + paper_lines
        + '\n[[signatory]]\nid = "lyon"\nname = "Lyon"\nkind = "city"\ncountry = "FR"\n'
        'member = false\nstatus = "confirmed"\nsource = "Letter"\n',
        encoding="utf-8",
    )
    return path


def _paper_findings(path: Path) -> list[str]:
    return [f"{f.code} {f.message}" for f in endorse.validate(path) if f.code in ("E102", "I601")]


# The format


def test_the_bundled_registry_holds_the_five_commitments_in_the_source_order() -> None:
    paper = endorse.load(BUNDLED).paper
    assert len(paper.commitments) == 5
    assert paper.commitments[0].startswith("Furthering issue area knowledge")
    assert paper.commitments[4].startswith("Measuring cities’ progress on migration issues")
    assert [r.name for r in paper.addressed_to] == [
        "Louise Arbour",
        "Filippo Grandi",
        "Secretary-General of the United Nations",
    ]
    assert paper.framework is not None and "A/71/L.1" in paper.framework
    assert paper.source is not None and "“Louise Arbor” for Louise Arbour" in paper.source


def test_the_keys_round_trip_through_the_canonical_text(tmp_path: Path) -> None:
    path = _registry(tmp_path)
    with endorse.edit(path) as draft:
        draft.edit_paper(
            summary="An aim.",
            framework="A resolution.",
            add_commitments=["One.", "Two."],
            add_recipients=["Filippo Grandi, UN High Commissioner for Refugees", "Someone"],
        )
    paper = endorse.load(path).paper
    assert paper.commitments == ("One.", "Two.")
    assert paper.addressed_to == (
        Recipient("Filippo Grandi", "UN High Commissioner for Refugees"),
        Recipient("Someone"),
    )
    assert (paper.summary, paper.framework) == ("An aim.", "A resolution.")


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ('commitments = "one"\n', "commitments must be an array of strings"),
        ('commitments = ["one", 2]\n', "commitments must be an array of strings"),
        ('addressed_to = "UN"\n', "addressed_to must be an array of tables"),
        ('addressed_to = [{ role = "UNHCR" }]\n', "recipient 1 of addressed_to needs a name"),
        ('addressed_to = [{ name = "G", role = 3 }]\n', "role of recipient 1"),
        ("summary = 12\n", "summary must be a string"),
        ('framework = ["x"]\n', "framework must be a string"),
    ],
)
def test_a_key_of_the_wrong_shape_is_a_format_error(
    tmp_path: Path, lines: str, message: str
) -> None:
    path = _registry(tmp_path, lines)
    with pytest.raises(endorse.RegistryFormatError, match=message):
        endorse.load(path)
    assert any(message in finding for finding in _paper_findings(path))


def test_an_unknown_key_of_a_recipient_is_kept_and_reported(tmp_path: Path) -> None:
    path = _registry(tmp_path, 'addressed_to = [{ name = "G", mail = "g@example.org" }]\n')
    assert endorse.load(path).paper.addressed_to[0].extra == {"mail": "g@example.org"}
    with endorse.edit(path) as draft:
        draft.edit_paper(summary="An aim.")
    assert endorse.load(path).paper.addressed_to[0].extra == {"mail": "g@example.org"}
    assert any(f.code == "W105" and "mail" in f.message for f in endorse.validate(path))


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ('summary = "An \\u001b[31maim"\n', "summary"),
        (f'summary = "{"a" * 1001}"\n', "at most 1000 are allowed"),
        ('commitments = ["One", "Two\\u202e"]\n', "commitment"),
        ('addressed_to = [{ name = "G\\u0007" }]\n', "recipient"),
    ],
)
def test_a_value_init_would_refuse_is_an_error_for_validate(
    tmp_path: Path, lines: str, message: str
) -> None:
    [finding] = [f for f in _paper_findings(_registry(tmp_path, lines)) if f.startswith("E102")]
    assert message in finding


def test_a_paper_that_says_nothing_of_what_was_endorsed_gets_an_info_finding(
    tmp_path: Path,
) -> None:
    assert any(f.startswith("I601") for f in _paper_findings(_registry(tmp_path)))
    summary = _registry(tmp_path, 'summary = "An aim."\n')
    assert not any(f.startswith("I601") for f in _paper_findings(summary))


# endorse paper


def test_paper_without_options_prints_every_key(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "paper")
    assert result.exit_code == 0
    assert "commitments\n  1. Furthering issue area knowledge" in result.stdout
    assert "  1. Louise Arbour, Special Representative" in result.stdout


def test_paper_sets_and_adds_after_what_is_there(invoke: Invoke, tmp_path: Path) -> None:
    path = _registry(tmp_path, 'commitments = ["One."]\n')
    result = invoke(
        "--registry", path, "paper", "--summary", "An aim.", "--add-commitment", "Two.",
        "--add-recipient", "Filippo Grandi, UN High Commissioner for Refugees",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    paper = endorse.load(path).paper
    assert paper.commitments == ("One.", "Two.")
    assert paper.summary == "An aim."
    assert paper.addressed_to[0].role == "UN High Commissioner for Refugees"


def test_paper_sets_the_framework(invoke: Invoke, tmp_path: Path) -> None:
    path = _registry(tmp_path)
    result = invoke("--registry", path, "paper", "--framework", "The New York Declaration")
    assert result.exit_code == 0, result.stderr
    assert endorse.load(path).paper.framework == "The New York Declaration"


def test_paper_sets_every_fact_of_the_paper(invoke: Invoke, tmp_path: Path) -> None:
    path = _registry(tmp_path)
    result = invoke(
        "--registry", path, "paper", "--title", "A paper", "--members-declared", "12",
        "--presented-on", "2017-12-04", "--presented-at", "Puerto Vallarta", "--source", "A.",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    paper = endorse.load(path).paper
    assert (paper.title, paper.members_declared, paper.presented_at) == (
        "A paper",
        12,
        "Puerto Vallarta",
    )


def test_a_key_both_set_and_cleared_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    path = _registry(tmp_path)
    result = invoke("--registry", path, "paper", "--summary", "X", "--clear", "summary")
    assert result.exit_code == 2


def test_a_lone_string_given_to_the_api_is_one_item(tmp_path: Path) -> None:
    path = _registry(tmp_path)
    with endorse.edit(path) as draft:
        draft.edit_paper(add_commitments="Measure.", add_recipients="Filippo Grandi, UNHCR")
    paper = endorse.load(path).paper
    assert paper.commitments == ("Measure.",)
    assert paper.addressed_to == (Recipient("Filippo Grandi", "UNHCR"),)


def test_paper_clear_empties_a_key(invoke: Invoke, tmp_path: Path) -> None:
    path = _registry(tmp_path, 'commitments = ["One."]\nsummary = "An aim."\n')
    assert invoke("--registry", path, "paper", "--clear", "commitments").exit_code == 0
    paper = endorse.load(path).paper
    assert (paper.commitments, paper.summary) == ((), "An aim.")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--summary", "An \x1b[31maim"], 2),
        (["--add-commitment", "x" * 1001], 2),
        (["--add-recipient", ", a role without a name"], 2),
        (["--clear", "title"], 2),
    ],
)
def test_a_refused_change_leaves_the_file_byte_for_byte(
    invoke: Invoke, tmp_path: Path, args: list[str], code: int
) -> None:
    path = _registry(tmp_path)
    before = path.read_bytes()
    assert invoke("--registry", path, "paper", *args).exit_code == code
    assert path.read_bytes() == before


def test_paper_is_refused_on_a_file_with_comments(invoke: Invoke, tmp_path: Path) -> None:
    path = _registry(tmp_path)
    path.write_text("# kept by hand\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    before = path.read_bytes()
    result = invoke("--registry", path, "paper", "--summary", "An aim.")
    assert result.exit_code == 1
    assert path.read_bytes() == before


def test_paper_that_changes_nothing_writes_nothing(invoke: Invoke, tmp_path: Path) -> None:
    path = _registry(tmp_path, 'summary = "An aim."\n')
    before = path.read_bytes()
    result = invoke("--registry", path, "paper", "--summary", "An aim.")
    assert result.exit_code == 0
    assert "nothing was changed" in result.stderr
    assert path.read_bytes() == before


def test_init_takes_what_was_endorsed(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    result = invoke(
        "init", path, "--title", "T", "--network", "N", "--members-declared", "1",
        "--summary", "An aim.", "--commitment", "One.", "--commitment", "Two.",
        "--recipient", "Filippo Grandi, UNHCR",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    paper = endorse.load(path).paper
    assert paper.commitments == ("One.", "Two.")
    assert paper.addressed_to == (Recipient("Filippo Grandi", "UNHCR"),)


# The report


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = _registry(tmp_path)
    with endorse.edit(path) as draft:
        draft.edit_paper(
            summary="An aim.",
            add_commitments=["First.", HOSTILE.replace("\x1b", "")],
            add_recipients=["Filippo Grandi, UNHCR"],
            framework="A/71/L.1",
        )
    return path


def test_the_text_report_says_what_was_endorsed_after_the_paper(
    invoke: Invoke, hostile: Path
) -> None:
    text = invoke("--registry", hostile, "report").stdout
    section = text.index("What was endorsed")
    assert section < text.index("Totals")
    assert "  1. First." in text and "  2. Cooperate <script>" in text
    assert "Filippo Grandi, UNHCR" in text and "A/71/L.1" in text


def test_the_markdown_report_numbers_the_commitments_and_escapes_them(
    invoke: Invoke, hostile: Path
) -> None:
    text = invoke("--registry", hostile, "report", "--format", "markdown").stdout
    assert "## What was endorsed" in text
    assert "1. First\\.\n2. Cooperate &lt;script&gt;" in text
    assert "\\*\\*a\\*\\*" in text and "\\[bold\\]" in text


def test_the_html_report_escapes_a_commitment(invoke: Invoke, hostile: Path) -> None:
    html = invoke("--registry", hostile, "report", "--format", "html").stdout
    assert '<section id="endorsed">' in html
    assert "<script>alert" not in html
    assert "<li>Cooperate &lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_json_report_holds_the_keys_under_paper(invoke: Invoke, hostile: Path) -> None:
    paper = json.loads(invoke("--registry", hostile, "report", "--format", "json").stdout)["paper"]
    assert paper["commitments"] == ["First.", HOSTILE.replace("\x1b", "")]
    assert paper["addressed_to"] == [{"name": "Filippo Grandi", "role": "UNHCR"}]
    assert (paper["summary"], paper["framework"]) == ("An aim.", "A/71/L.1")


def test_a_report_of_a_paper_that_says_nothing_has_no_empty_section(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = _registry(tmp_path)
    for output_format in ("text", "markdown", "html"):
        text = invoke("--registry", path, "report", "--format", output_format).stdout
        assert "What was endorsed" not in text


def test_a_commitment_already_there_is_refused_naming_its_number(
    invoke: Invoke, registry_copy: Path
) -> None:
    before = registry_copy.read_bytes()
    first = endorse.load(registry_copy).paper.commitments[0]
    result = invoke("--registry", registry_copy, "paper", "--add-commitment", first)
    assert result.exit_code == 2
    assert "is already there (number 1); give it once" in result.stderr
    assert registry_copy.read_bytes() == before


def test_a_recipient_given_twice_to_init_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    paper = ("--title", "T", "--network", "N", "--members-declared", "1")
    result = invoke(
        "init", tmp_path / "r.toml", *paper, "--recipient", "A, B", "--recipient", "A, B"
    )
    assert result.exit_code == 2
    assert not (tmp_path / "r.toml").exists()

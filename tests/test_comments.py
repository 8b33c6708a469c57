"""Finding comments in registry text: a "#" in a string is not one, every real one is found."""

from __future__ import annotations

import pytest
import tomli
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from endorse import Registry
from endorse.registry.store import count_comments, dumps, first_comment_line, has_comments
from strategies import registries

TEXTS = st.text(st.characters(codec="utf-8"), max_size=30)


@given(st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), TEXTS, max_size=6))
def test_text_written_by_tomli_w_has_no_comment_even_with_hashes_and_quotes(
    doc: dict[str, str],
) -> None:
    assert not has_comments(tomli_w.dumps(doc))
    assert not has_comments(tomli_w.dumps(doc, multiline_strings=True))


@pytest.mark.slow
@given(registries())
def test_the_canonical_text_of_any_registry_has_no_comment(registry: Registry) -> None:
    assert not has_comments(dumps(registry))


@given(st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), TEXTS, max_size=6), TEXTS)
def test_a_comment_after_any_value_is_found(doc: dict[str, str], comment: str) -> None:
    text = tomli_w.dumps(doc, multiline_strings=True)
    assert count_comments(text + "# " + comment.replace("\n", " ") + "\n") == 1


def test_strings_of_every_kind_hide_their_hashes() -> None:
    text = (
        'a = "x # \\" # y"\n'
        "b = 'c:\\\\path#1'\n"
        'c = """\nline # one\n"" quote "" # here\n"""\n'
        "d = '''\n# not a comment\n''''\n"
        '"e#f" = 1 # a real comment\n'
    )
    assert tomli.loads(text)["e#f"] == 1
    assert count_comments(text) == 1
    assert first_comment_line(text) == 10


def test_a_quote_inside_a_comment_does_not_open_a_string() -> None:
    assert count_comments("# it's here\nx = 1\n# and here\n") == 2

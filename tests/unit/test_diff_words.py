"""Word-level inline diffs: tokens tagged equal, insert or delete."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from guidelines_model.diff import Token, word_diff
from guidelines_model.diff.words import inline, tokens

SENTENCE = st.lists(
    st.sampled_from(
        ["peer", "support", "is", "voluntary", ",", ".", " ", "  ", "hope", "judgment-free", "’s"]
    ),
    max_size=12,
).map("".join)


def test_tokens_are_words_marks_and_spaces() -> None:
    """A text splits into words, single punctuation marks and runs of whitespace."""
    assert tokens("judgment-free,  peers") == ["judgment", "-", "free", ",", "  ", "peers"]


def test_equal_texts_are_one_equal_token() -> None:
    """Identical texts diff to a single equal token (nothing for two empty texts)."""
    assert word_diff("Share hope", "Share hope") == (Token("equal", "Share hope"),)
    assert word_diff("", "") == ()


def test_a_changed_run_is_one_deletion_and_one_insertion() -> None:
    """Words changed next to each other, spaces between them included, form one change."""
    parts = word_diff(
        "Peer supporters model recovery behaviors at work and act",
        "Peer supporters model recovery behaviours and act",
    )
    assert parts == (
        Token("equal", "Peer supporters model recovery "),
        Token("delete", "behaviors at work"),
        Token("insert", "behaviours"),
        Token("equal", " and act"),
    )


def test_inline_marks_changes_wdiff_style() -> None:
    """Rendered inline, deletions are [-...-] and insertions {+...+}."""
    assert inline(word_diff("value and judgment free", "value and judgment-free")) == (
        "value and judgment[- -]{+-+}free"
    )


@given(SENTENCE, SENTENCE)
def test_each_side_of_the_diff_rebuilds_its_text(old: str, new: str) -> None:
    """Equal and deleted tokens give the old text; equal and inserted tokens give the new."""
    parts = word_diff(old, new)
    assert "".join(t.text for t in parts if t.tag != "insert") == old
    assert "".join(t.text for t in parts if t.tag != "delete") == new
    assert all(t.text for t in parts)

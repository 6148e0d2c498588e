"""Word-level inline diffs: tokens tagged equal, insert or delete."""

from __future__ import annotations

from typing import Any

import pytest
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


def _spy_cells(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size (old x new) of every LCS the word diff runs."""
    from rapidfuzz.distance import Indel

    from guidelines_model.diff import words

    seen: list[int] = []
    real = Indel.opcodes

    class Spy:
        @staticmethod
        def opcodes(a: Any, b: Any) -> Any:
            seen.append(len(a) * len(b))
            return real(a, b)

    monkeypatch.setattr(words, "Indel", Spy)
    word_diff.cache_clear()
    return seen


LONG = st.lists(
    st.sampled_from(["peer", "hope", "trust", ".", ",", " ", " ", "choice", "!"]), max_size=120
).map("".join)


@given(LONG, LONG)
def test_the_bounded_diff_rebuilds_both_sides(old: str, new: str) -> None:
    """Past the cell budget (made tiny here) the diff is coarser but still exact: the equal and
    deleted parts give the old text, the equal and inserted parts the new; no LCS is larger
    than the budget."""
    from guidelines_model.diff import words

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(words, "MAX_CELLS", 40)
        seen = _spy_cells(mp)
        parts = word_diff(old, new)
        word_diff.cache_clear()
    assert "".join(t.text for t in parts if t.tag != "insert") == old
    assert "".join(t.text for t in parts if t.tag != "delete") == new
    assert all(cells <= 40 for cells in seen)


def _long_text(words: int, seed: int) -> str:
    import random

    rng = random.Random(seed)
    vocabulary = [
        "peer",
        "support",
        "hope",
        "trust",
        "choice",
        "recovery",
        "people",
        "share",
        "listen",
    ]
    out = []
    for i in range(words):
        out.append(rng.choice(vocabulary) + ("." if i % 15 == 14 else ""))
    return " ".join(out)


def _reworded(text: str, seed: int) -> str:
    import random

    rng = random.Random(seed)
    words = text.split(" ")
    for i in rng.sample(range(len(words)), len(words) // 10):
        words[i] = "changed" + ("." if words[i].endswith(".") else "")
    return " ".join(words)


def test_a_100k_word_diff_stays_within_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two 100,000-word texts (a MemoryError traceback before, finding 2): every LCS within
    MAX_CELLS, and the diff still rebuilds both texts."""
    from guidelines_model.diff import words

    old = _long_text(100_000, 1)
    new = _reworded(old, 2)
    seen = _spy_cells(monkeypatch)
    parts = word_diff(old, new)
    word_diff.cache_clear()
    assert seen
    assert max(seen) <= words.MAX_CELLS
    assert "".join(t.text for t in parts if t.tag != "insert") == old
    assert "".join(t.text for t in parts if t.tag != "delete") == new
    assert sum(1 for t in parts if t.tag == "insert") > 1000  # still word by word


def test_a_text_under_the_limit_gets_the_full_word_diff(monkeypatch: pytest.MonkeyPatch) -> None:
    """At the 20,000-character limit one LCS of the tokens does it: no coarser diff."""
    old = _long_text(20_000, 3)[:20_000]
    new = _reworded(old, 4)
    seen = _spy_cells(monkeypatch)
    word_diff(old, new)
    word_diff.cache_clear()
    assert len(seen) == 1

"""The closest name, found sooner: what difflib finds, without comparing the hopeless."""

from __future__ import annotations

import difflib

from hypothesis import given
from hypothesis import strategies as st

from guidelines_model.model.errors import close_match
from guidelines_model.model.ids import CANONICAL_VALUE_KEYS

WORD = st.text(st.sampled_from("aeinorstuvy-0"), max_size=14)


@given(WORD, st.lists(WORD, max_size=8), st.sampled_from([0.0, 0.3, 0.6, 0.8, 1.0]))
def test_close_match_is_difflibs(word: str, possibilities: list[str], cutoff: float) -> None:
    """The first of difflib.get_close_matches(n=1) (or None), for any words and cutoff."""
    expected = difflib.get_close_matches(word, possibilities, n=1, cutoff=cutoff)
    assert close_match(word, possibilities, cutoff) == (expected[0] if expected else None)


@given(st.sampled_from(CANONICAL_VALUE_KEYS), st.integers(0, 3), st.data())
def test_a_misspelt_value_key_finds_its_key(key: str, cuts: int, data: st.DataObject) -> None:
    """A canonical key with a few letters dropped is matched as difflib matches it (GM102's
    'did you mean')."""
    word = key
    for _ in range(cuts):
        if len(word) > 1:
            i = data.draw(st.integers(0, len(word) - 1))
            word = word[:i] + word[i + 1 :]
    canon = list(CANONICAL_VALUE_KEYS)
    expected = difflib.get_close_matches(word, canon, n=1)
    assert close_match(word, canon) == (expected[0] if expected else None)

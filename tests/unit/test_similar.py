"""GM203's near-duplicate search finds exactly the pairs that comparing every pair finds."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from guidelines_model.checks.duplicates import NEAR
from guidelines_model.checks.similar import near_pairs, near_pairs_all

BASES = st.lists(st.text("abcde fgh.", min_size=0, max_size=40), min_size=1, max_size=6)


@st.composite
def texts(draw: st.DrawFn) -> list[str]:
    """A list of texts, many of them small edits of a few bases (so near-duplicates abound),
    some short, some repeated exactly."""
    bases = draw(BASES)
    out = []
    for _ in range(draw(st.integers(0, 30))):
        text = list(draw(st.sampled_from(bases)))
        for _ in range(draw(st.integers(0, 4))):
            at = draw(st.integers(0, len(text)))
            op = draw(st.sampled_from(["insert", "delete", "replace"]))
            if op == "insert":
                text.insert(at, draw(st.sampled_from("abcxyz ")))
            elif text and at < len(text):
                if op == "delete":
                    del text[at]
                else:
                    text[at] = draw(st.sampled_from("abcxyz "))
        out.append("".join(text))
    return out


@given(texts(), st.sampled_from([NEAR, 80.0, 95.0, 50.0]))
def test_near_pairs_are_the_all_pairs_definition(items: list[str], cutoff: float) -> None:
    """The blocked search returns every pair, and only the pairs, that all pairs compared
    give, in the same order."""
    assert near_pairs(items, cutoff) == near_pairs_all(items, cutoff)


def test_near_pairs_on_a_large_list() -> None:
    """On 600 sentence-like texts with some near copies, the pairs are the definition's."""
    rng = random.Random(5)
    words = [f"w{k}" for k in range(400)]
    items = [" ".join(rng.choices(words, k=12)) for _ in range(600)]
    for k in range(0, 600, 15):  # a near copy: one word changed
        copy = items[k].split(" ")
        copy[3] = "x"
        items.append(" ".join(copy))
    expected = near_pairs_all(items, NEAR)
    assert len(expected) >= 40
    assert near_pairs(items, NEAR) == expected

"""Classify a text change, and measure how similar two texts are.

A change is the smallest set of noise classes whose normalisations make both texts equal:

- whitespace: runs of whitespace collapsed, ends stripped (word boundaries kept);
- punctuation: only letters and digits compared, so punctuation *and* whitespace may differ
  ("judgment free" -> "judgment-free", "long term" -> "long-term");
- capitalisation: case-folded;
- spelling: every word replaced by its canonical US/UK form (:mod:`.spelling`).

Sets are tried smallest first, in that order of classes; if none works the change is
substantive: a real word changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import combinations

from rapidfuzz.distance import Indel

from guidelines_model.diff.model import TextClass
from guidelines_model.diff.spelling import canonical

_WORD_SPLIT = re.compile(r"(\w+)")
_NON_WORD = re.compile(r"[\W_]+")
_SPACE = re.compile(r"\s+")

_ORDER = (TextClass.WHITESPACE, TextClass.CAPITALISATION, TextClass.SPELLING, TextClass.PUNCTUATION)
_SUBSETS: tuple[frozenset[TextClass], ...] = tuple(
    frozenset(s) for size in range(1, len(_ORDER) + 1) for s in combinations(_ORDER, size)
)
SUBSTANTIVE: frozenset[TextClass] = frozenset({TextClass.SUBSTANTIVE})


def _respell(text: str) -> str:
    parts = _WORD_SPLIT.split(text)  # words at the odd places
    parts[1::2] = map(canonical, parts[1::2])
    return "".join(parts)


_STEPS: tuple[tuple[TextClass, Callable[[str], str]], ...] = (
    (TextClass.SPELLING, _respell),
    (TextClass.CAPITALISATION, str.casefold),
    (TextClass.PUNCTUATION, lambda t: _NON_WORD.sub("", t)),
    (TextClass.WHITESPACE, lambda t: " ".join(t.split())),
)


def normalise(text: str, classes: frozenset[TextClass]) -> str:
    """``text`` with the differences of ``classes`` removed."""
    for cls, step in _STEPS:
        if cls in classes:
            text = step(text)
            if cls is TextClass.PUNCTUATION:
                break  # nothing but letters and digits left: whitespace is gone too
    return text


@lru_cache(maxsize=8192)
def classify(old: str, new: str) -> frozenset[TextClass]:
    """The classes of the difference between two texts (empty if they are equal).

    >>> sorted(c.value for c in classify("judgment free", "Judgment-free"))
    ['capitalisation', 'punctuation']
    """
    if old == new:
        return frozenset()
    full = frozenset(_ORDER)
    if normalise(old, full) != normalise(new, full):
        return SUBSTANTIVE
    for subset in _SUBSETS:
        if normalise(old, subset) == normalise(new, subset):
            return subset
    return full  # unreachable: the full set matched above


def match_key(text: str) -> str:
    """The form texts are matched on: case-folded, respelled, punctuation as spaces."""
    return _SPACE.sub(" ", _NON_WORD.sub(" ", _respell(text).casefold())).strip()


def similarity(a: str, b: str, cutoff: float = 0.0) -> float:
    """How alike two match keys are, 0-1: the mean of character and word similarity.

    Each is the normalised Indel similarity (1 - insertions and deletions / total length), on
    characters and on words. Characters alone rate unrelated sentences of one form ("Peer
    supporters ...") around 0.5; words alone overrate short headings. Returns 0.0 below
    ``cutoff``.
    """
    return similarity_words(a, a.split(), b, b.split(), cutoff)


def similarity_words(a: str, wa: list[str], b: str, wb: list[str], cutoff: float = 0.0) -> float:
    """:func:`similarity` with the word lists already split (for scoring many pairs)."""
    words = Indel.normalized_similarity(wa, wb)
    if (words + 1.0) / 2 < cutoff:
        return 0.0
    chars = Indel.normalized_similarity(a, b, score_cutoff=max(0.0, 2 * cutoff - words))
    score = (words + chars) / 2
    return score if score >= cutoff else 0.0

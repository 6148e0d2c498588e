"""Classify a text change, and measure how similar two texts are.

A change is the smallest set of noise classes whose normalisations make both texts equal:

- whitespace: runs of whitespace collapsed, ends stripped (word boundaries kept);
- punctuation: only letters and digits compared, so punctuation *and* whitespace may differ
  ("judgment free" -> "judgment-free", "long term" -> "long-term");
- capitalisation: case-folded;
- spelling: every word replaced by its canonical US/UK form (:mod:`.spelling`).

Sets are tried smallest first, in that order of classes. When the letters are the same but the
words are not (a word split or joined: "longterm" -> "long-term"), the change is also a
``correction``, which is not noise. If no set works the change is ``substantive`` (a real word
changed), together with every class that applies to the rest of it: each changed stretch of the
word diff is classified on its own, and a substantive stretch also shows the spelling or
capitals of a word it keeps ("behaviors at work" -> "behaviours": substantive and spelling).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import combinations

from rapidfuzz.distance import Indel

from guidelines_model.diff.model import TextClass
from guidelines_model.diff.spelling import canonical
from guidelines_model.diff.words import Token, word_diff

_WORD_SPLIT = re.compile(r"(\w+)")
_NON_WORD = re.compile(r"[\W_]+")
_SPACE = re.compile(r"\s+")
_LETTERS = re.compile(r"[^\W_]+")

_ORDER = (TextClass.WHITESPACE, TextClass.CAPITALISATION, TextClass.SPELLING, TextClass.PUNCTUATION)
_SUBSETS: tuple[frozenset[TextClass], ...] = tuple(
    frozenset(s) for size in range(1, len(_ORDER) + 1) for s in combinations(_ORDER, size)
)
_FULL = frozenset(_ORDER)
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


def _noise(old: str, new: str) -> frozenset[TextClass] | None:
    """The smallest set of noise classes that makes the texts equal (``None`` if none does)."""
    if old == new:
        return frozenset()
    if normalise(old, _FULL) != normalise(new, _FULL):
        return None
    for subset in _SUBSETS:
        if normalise(old, subset) == normalise(new, subset):
            return subset
    return _FULL  # unreachable: the full set matched above


def _words(text: str) -> list[str]:
    return _LETTERS.findall(_respell(text).casefold())


def _corrected(old: str, new: str) -> bool:
    """Same letters, other word boundaries: a word split or joined."""
    return _words(old) != _words(new)


def _stretches(parts: tuple[Token, ...]) -> list[tuple[str, str]]:
    """The changed stretches of a word diff: (deleted, inserted), either may be empty."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(parts):
        t = parts[i]
        if t.tag == "delete" and i + 1 < len(parts) and parts[i + 1].tag == "insert":
            out.append((t.text, parts[i + 1].text))  # word_diff puts a deletion first
            i += 1
        elif t.tag != "equal":
            out.append((t.text, "") if t.tag == "delete" else ("", t.text))
        i += 1
    return out


def _within(deleted: str, inserted: str) -> set[TextClass]:
    """Noise on the words a substantive stretch keeps, respelled or recapitalised, when they
    are most of it (a rewritten sentence that happens to share "peer" keeps nothing)."""
    old, new = _LETTERS.findall(deleted), _LETTERS.findall(inserted)
    kept = [
        (old[op.src_start + k], new[op.dest_start + k])
        for op in Indel.opcodes([match_key(w) for w in old], [match_key(w) for w in new])
        if op.tag == "equal"
        for k in range(op.src_end - op.src_start)
    ]
    if not kept or 2 * len(kept) < min(len(old), len(new)):
        return set()
    out: set[TextClass] = set()
    for w, x in kept:
        out |= _noise(w, x) or set()
    return out


@lru_cache(maxsize=8192)
def classify(old: str, new: str) -> frozenset[TextClass]:
    """The classes of the difference between two texts (empty if they are equal).

    >>> sorted(c.value for c in classify("judgment free", "Judgment-free"))
    ['capitalisation', 'punctuation']
    >>> sorted(c.value for c in classify("longterm", "long-term"))
    ['correction', 'punctuation']
    >>> sorted(c.value for c in classify("strategic behaviors", "behaviours"))
    ['spelling', 'substantive']
    """
    noise = _noise(old, new)
    if noise is not None:
        return noise | {TextClass.CORRECTION} if noise and _corrected(old, new) else noise
    out: set[TextClass] = {TextClass.SUBSTANTIVE}
    for deleted, inserted in _stretches(word_diff(old, new)):
        part = _noise(deleted, inserted)
        if part is None:
            out |= _within(deleted, inserted)
        else:
            out |= part
            if _corrected(deleted, inserted):
                out.add(TextClass.CORRECTION)
    return frozenset(out)


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

"""Where a phrase occurs in a source text: by scanning (:func:`occurrences`, the definition),
or from a word index without scanning the whole text (:class:`WordIndex`).

A phrase of three or more words ``w0 w1 ... wk`` that occurs in a text has each interior word
``w1 .. w(k-1)`` between two spaces there, so as one of the text's space-separated words,
starting at a word start. The index maps each word of the text to the offsets where it starts;
the occurrences of a phrase are then found among the starts of its rarest interior word (none
when an interior word is not a word of the text, as for a sentence no source holds). These
are exactly the offsets :func:`occurrences` finds by scanning (a property test checks
it); a phrase of one or two words has no interior word and is scanned for.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import pairwise

_NONE: tuple[int, ...] = ()
_STOPS = frozenset(".!?")


def boundaries_ok(text: str, start: int, end: int, open_left: bool, open_right: bool) -> bool:
    """Whether a match at ``text[start:end]`` is whole words: it may not start or end inside a
    word, and a match ending in a word may not stop short of the source's full stop (a dropped
    full stop is a change); ``open_left``/``open_right`` lift the rule at that side."""
    left_ok = open_left or start == 0 or not text[start - 1].isalnum()
    return left_ok and (
        open_right or end == len(text) or not (text[end].isalnum() or text[end] in _STOPS)
    )


def occurrences(part: str, text: str, *, open_left: bool, open_right: bool) -> Iterator[int]:
    """Every offset where ``part`` is found as whole words (see :func:`boundaries_ok`), by
    scanning the text."""
    i = text.find(part)
    while i >= 0:
        if boundaries_ok(text, i, i + len(part), open_left, open_right):
            yield i
        i = text.find(part, i + 1)


class WordIndex:
    """The offsets where each space-separated word of ``text`` starts, and which words follow
    one another in it."""

    __slots__ = ("pairs", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        words = text.split(" ")
        starts: dict[str, list[int]] = {}
        offset = 0
        for word in words:
            starts.setdefault(word, []).append(offset)
            offset += len(word) + 1
        self.starts: dict[str, tuple[int, ...]] = {w: tuple(s) for w, s in starts.items()}
        self.pairs: frozenset[tuple[str, str]] = frozenset(pairwise(words))

    def occurrences(
        self, words: Sequence[str], *, open_left: bool, open_right: bool
    ) -> Iterator[int]:
        """Every offset where ``" ".join(words)`` occurs (the same, in the same order, as
        :func:`occurrences`)."""
        if len(words) < 3:
            part = " ".join(words)
            yield from occurrences(part, self.text, open_left=open_left, open_right=open_right)
            return
        found = [self.starts.get(w) for w in words[1:-1]]
        if None in found:
            return
        part = " ".join(words)
        rarest = min(range(len(found)), key=lambda j: len(found[j] or _NONE)) + 1
        shift = sum(len(w) + 1 for w in words[:rarest])
        text = self.text
        for start in found[rarest - 1] or _NONE:
            i = start - shift
            if (
                i >= 0
                and text.startswith(part, i)
                and boundaries_ok(text, i, i + len(part), open_left, open_right)
            ):
                yield i

    def bound(self, words: Sequence[str], start: int) -> int:
        """A bound on the ``end`` of any phrase ``words[start:end]`` that can occur in the
        text: its interior words ``words[start + 1 : end - 1]`` must be words of the text, each
        following the one before as in the text."""
        starts, pairs, n = self.starts, self.pairs, len(words)
        for b in range(start + 1, n):
            if words[b] not in starts:  # interior only when the phrase ends past b + 1
                return b + 1
            if b + 1 < n and (words[b], words[b + 1]) not in pairs:
                return b + 2  # both interior only when the phrase ends past b + 2
        return n


@lru_cache(maxsize=64)
def word_index(text: str) -> WordIndex:
    """The index of ``text``, built once per text (a source's forms are kept by
    :func:`.text.source_forms`, so their index is too)."""
    return WordIndex(text)

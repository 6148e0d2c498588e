"""Finding a sentence in a source form: whole, or reassembled across column and page breaks.

A sentence cut by a column or a page break is printed as parts: the first part ends a
printed line, the next begins a later line, and between them stand only the lines of the
other column, a page foot and a page head. So a sentence counts as reassembled only when
its parts (at least four words each) are found in the same reading of the source, in order,
each but the last ending at a line break and each but the first beginning at a line break,
at most :data:`MAX_GAP_LINES` non-empty source lines (or table cells) after the end of the
part before. Parts found "anywhere" prove nothing: two halves of two different items would
pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, pairwise

from guidelines_model.verify.index import WordIndex, occurrences, word_index
from guidelines_model.verify.text import SourceForm

__all__ = [
    "MAX_GAP_LINES",
    "MIN_PART_WORDS",
    "Matcher",
    "Part",
    "Sentences",
    "found",
    "found_in",
    "occurrences",
]

MIN_PART_WORDS = 4
#: The most non-empty source lines from the line where one part ends to the line where the
#: next begins. The widest real break (2019, strengths-focused supervisor item 3: a page
#: foot, the next page's table head and the cells printed beside it) is 23 lines.
MAX_GAP_LINES = 30


@dataclass(frozen=True, slots=True)
class Part:
    """Where one part of a reassembled sentence is found: offsets and source lines."""

    source: str
    #: Which reading of the source holds it (see :func:`.text.source_forms`).
    hyphens_kept: bool
    start: int
    end: int
    first_line: int
    last_line: int


def found(sentence: str, forms: Sequence[SourceForm]) -> bool:
    """True when a source holds the sentence whole, as whole words."""
    return found_in(sentence, [f.text for f in forms])


def found_in(sentence: str, texts: Sequence[str], *, indexed: bool = True) -> bool:
    """True when one of ``texts`` holds the sentence whole, as whole words (``indexed``: found
    through each text's word index, else by scanning; the answer is the same)."""
    if not sentence:
        return True
    open_left = not sentence[0].isalnum()
    open_right = not sentence[-1].isalnum()
    words = sentence.split(" ")
    return any(
        next(
            word_index(t).occurrences(words, open_left=open_left, open_right=open_right)
            if indexed
            else occurrences(sentence, t, open_left=open_left, open_right=open_right),
            None,
        )
        is not None
        for t in texts
    )


def reassemble(
    sentence: str, forms: Sequence[SourceForm], *, indexed: bool = True
) -> tuple[Part, ...] | None:
    """The parts of a sentence cut by column or page breaks, or None when it is not one
    (``indexed``: parts looked up in each form's word index, else scanned for; the answer is
    the same)."""
    words = sentence.split(" ")
    for form in forms:
        index = word_index(form.text) if indexed else None
        if index is not None:
            known = bytes(map(index.starts.__contains__, words))
            if _THREE_UNKNOWN in known or not _partitionable(words, index):
                continue
        parts = _search(words, form, index)
        if parts is not None and len(parts) > 1:
            return parts
    return None


# Three words in a row that are not words of the text: no cut into parts can hold them, since
# the middle one would begin or end a part, and the word after or before it would then be
# interior to that part.
_THREE_UNKNOWN = b"\0\0\0"


def _partitionable(words: list[str], index: WordIndex) -> bool:
    """Whether ``words`` can be cut into parts of at least :data:`MIN_PART_WORDS` words each
    within the index's :meth:`~.index.WordIndex.bound`: a necessary condition of any
    reassembly, decided without looking one part up (callers reject three unknown words in a
    row first, from what they know of the words)."""
    n = len(words)
    reached = [False] * (n + 1)
    reached[0] = True
    furthest = 0  # the furthest word a run of parts reaches: none starts past it
    for start in range(n - MIN_PART_WORDS + 1):
        if start > furthest:
            return False
        if not reached[start]:
            continue
        longest = index.bound(words, start)
        furthest = max(furthest, longest)
        for end in range(start + MIN_PART_WORDS, longest + 1):
            if end == n or n - end >= MIN_PART_WORDS:
                reached[end] = True
    return reached[n]


class Matcher:
    """The forms of one document's sources, ready for many texts (see :class:`Sentences`)."""

    def __init__(self, forms: Sequence[SourceForm]) -> None:
        self.forms = tuple(forms)
        self.indexes = tuple(word_index(f.text) for f in self.forms)
        #: For each form, whether a word is a word of its text.
        self.holds = [index.starts.__contains__ for index in self.indexes]

    def sentences(self, sentences: list[str]) -> Sentences:
        """One text's sentences, looked up in this document's forms."""
        return Sentences(self, sentences)


class Sentences:
    """The sentences of one text against a document's forms: each word of the text is looked
    up in each form's word index once, and what is known of it serves both the lookup of a
    whole sentence and the reassembly of the text from a sentence on. The answers are
    :func:`found`'s and :func:`reassemble`'s (a property test checks it)."""

    __slots__ = ("bounds", "known", "matcher", "sentences", "words")

    def __init__(self, matcher: Matcher, sentences: list[str]) -> None:
        self.matcher = matcher
        self.sentences = sentences
        #: The text's words: each sentence's ``split(" ")``, one after the other.
        self.words = " ".join(sentences).split(" ")
        #: Where each sentence's words begin and end in ``words``.
        self.bounds = [0, *accumulate(s.count(" ") + 1 for s in sentences)]
        #: For each form, which words of the text are words of it (1) and which not (0).
        self.known = [bytes(map(holds, self.words)) for holds in matcher.holds]

    def none_found(self) -> bool:
        """True when, by the words alone, no sentence is found whole and no part of the text
        reassembles: in every form, each sentence has an interior word that is not a word of
        the form, and three words of the last sentence in a row are not (so every reassembly
        from a sentence on meets them). Then :meth:`found` and :meth:`reassemble` are false
        for every sentence; when it is false, they decide sentence by sentence."""
        bounds = self.bounds
        if len(bounds) < 2:  # no sentence (a text of spaces or invisible characters only)
            return True
        last = bounds[-2]
        for known in self.known:
            if known.find(_THREE_UNKNOWN, last) < 0:
                return False
            for start, end in pairwise(bounds):
                if end - start < 3 or known.find(0, start + 1, end - 1) < 0:
                    return False
        return True

    def found(self, k: int) -> bool:
        """``found(sentences[k], forms)``."""
        sentence = self.sentences[k]
        if not sentence:
            return True
        start, end = self.bounds[k], self.bounds[k + 1]
        words = self.words[start:end]
        open_left = not sentence[0].isalnum()
        open_right = not sentence[-1].isalnum()
        for index, known in zip(self.matcher.indexes, self.known, strict=True):
            if end - start >= 3 and known.find(0, start + 1, end - 1) >= 0:
                continue  # an interior word is not a word of the text
            at = index.occurrences(words, open_left=open_left, open_right=open_right)
            if next(at, None) is not None:
                return True
        return False

    def reassemble(self, j: int) -> tuple[Part, ...] | None:
        """``reassemble(" ".join(sentences[j:]), forms)``."""
        start = self.bounds[j]
        for k, known in enumerate(self.known):
            if known.find(_THREE_UNKNOWN, start) >= 0:
                continue
            words, index = self.words[start:], self.matcher.indexes[k]
            if not _partitionable(words, index):
                continue
            parts = _search(words, self.matcher.forms[k], index)
            if parts is not None and len(parts) > 1:
                return parts
        return None


def _search(words: list[str], form: SourceForm, index: WordIndex | None) -> tuple[Part, ...] | None:
    n = len(words)
    failed: set[tuple[int, int]] = set()

    def from_word(start: int, previous: int | None) -> tuple[Part, ...] | None:
        if start == n:
            return ()
        if (start, -1 if previous is None else previous) in failed:
            return None
        # The end past which a part words[start:end] cannot occur in the source.
        longest = index.bound(words, start) if index is not None else n
        for end in range(longest, start + MIN_PART_WORDS - 1, -1):  # the longest part first
            if end < n and n - end < MIN_PART_WORDS:
                continue
            part = " ".join(words[start:end])
            last = end == n
            open_left = start > 0 or not part[0].isalnum()
            open_right = not last or not part[-1].isalnum()
            found_at = (
                index.occurrences(words[start:end], open_left=open_left, open_right=open_right)
                if index is not None
                else occurrences(part, form.text, open_left=open_left, open_right=open_right)
            )
            for i in found_at:
                stop = i + len(part)
                if previous is not None and not _follows(form, previous, i):
                    continue
                if not last and stop not in form.breaks_after:
                    continue
                rest = from_word(end, stop)
                if rest is not None:
                    first = form.line_at(i)
                    last_line = form.line_at(stop - 1)
                    part_here = Part(form.name, form.hyphens_kept, i, stop, first, last_line)
                    return (part_here, *rest)
        failed.add((start, -1 if previous is None else previous))
        return None

    return from_word(0, None)


def _follows(form: SourceForm, previous_end: int, start: int) -> bool:
    """True when a part starting at ``start`` begins a line that comes after the line where
    the previous part ended, within the bounded gap."""
    if start not in form.breaks_before or start < previous_end:
        return False
    gap = form.line_index(start) - form.line_index(previous_end - 1)
    return 1 <= gap <= MAX_GAP_LINES

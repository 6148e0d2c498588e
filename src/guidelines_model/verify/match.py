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

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from guidelines_model.verify.text import SourceForm

MIN_PART_WORDS = 4
#: The most non-empty source lines from the line where one part ends to the line where the
#: next begins. The widest real break (2019, strengths-focused supervisor item 3: a page
#: foot, the next page's table head and the cells printed beside it) is 23 lines.
MAX_GAP_LINES = 30
_STOPS = frozenset(".!?")


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


def occurrences(part: str, text: str, *, open_left: bool, open_right: bool) -> Iterator[int]:
    """Every offset where ``part`` is found as whole words: a match may not start or end
    inside a word, and a part ending in a word may not stop short of the source's full stop
    (a dropped full stop is a change)."""
    i = text.find(part)
    while i >= 0:
        end = i + len(part)
        left_ok = open_left or i == 0 or not text[i - 1].isalnum()
        right_ok = (
            open_right or end == len(text) or not (text[end].isalnum() or text[end] in _STOPS)
        )
        if left_ok and right_ok:
            yield i
        i = text.find(part, i + 1)


def found(sentence: str, forms: Sequence[SourceForm]) -> bool:
    """True when a source holds the sentence whole, as whole words."""
    return found_in(sentence, [f.text for f in forms])


def found_in(sentence: str, texts: Sequence[str]) -> bool:
    """True when one of ``texts`` holds the sentence whole, as whole words."""
    if not sentence:
        return True
    open_left = not sentence[0].isalnum()
    open_right = not sentence[-1].isalnum()
    return any(
        next(occurrences(sentence, t, open_left=open_left, open_right=open_right), None) is not None
        for t in texts
    )


def reassemble(sentence: str, forms: Sequence[SourceForm]) -> tuple[Part, ...] | None:
    """The parts of a sentence cut by column or page breaks, or None when it is not one."""
    words = sentence.split(" ")
    for form in forms:
        parts = _search(words, form)
        if parts is not None and len(parts) > 1:
            return parts
    return None


def _search(words: list[str], form: SourceForm) -> tuple[Part, ...] | None:
    n = len(words)
    failed: set[tuple[int, int]] = set()

    def from_word(start: int, previous: int | None) -> tuple[Part, ...] | None:
        if start == n:
            return ()
        if (start, -1 if previous is None else previous) in failed:
            return None
        for end in range(n, start + MIN_PART_WORDS - 1, -1):  # the longest part first
            if end < n and n - end < MIN_PART_WORDS:
                continue
            part = " ".join(words[start:end])
            last = end == n
            open_left = start > 0 or not part[0].isalnum()
            open_right = not last or not part[-1].isalnum()
            for i in occurrences(part, form.text, open_left=open_left, open_right=open_right):
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

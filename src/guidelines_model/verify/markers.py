"""Footnote markers proven from the sources: each marker follows, in a source, the words the
content says it follows.

The sources print a marker glued to the word before it ("the U.S.1 as", "ADVOCACY2",
"CO-OPTATION4 5/") or as an extraction tag ("their wishes.[footnoteRef:1]"); markers of the
same place may stand side by side. The comparison runs on the raw text with quotes, dashes
and spaces made uniform (:func:`~guidelines_model.verify.text.normalise`), so a marker is
looked for where the source prints it, which the sentence comparison of :mod:`.fidelity`
cannot see (it removes markers as noise).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from guidelines_model.model.documents import Derivative, Edition
from guidelines_model.model.parts import Footnote
from guidelines_model.verify.fidelity import check_source
from guidelines_model.verify.text import normalise, read_source

#: One printed marker: an extraction tag or a number of one or two digits.
_ANY = r"(?:\[footnoteRef:\d+\]|\d{1,2})"


@dataclass(frozen=True, slots=True)
class MarkerResult:
    """One footnote marker and where a source prints it after the recorded words (``source``
    and ``line`` are ``None`` when no source does)."""

    footnote: Footnote
    source: str | None
    line: int | None

    @property
    def found(self) -> bool:
        return self.source is not None


def pattern(footnote: Footnote) -> re.Pattern[str]:
    """The words of ``footnote.follows`` then its marker, possibly after other markers of the
    same place, in the normalised form of a source."""
    assert footnote.follows is not None
    words = re.escape(normalise(footnote.follows))
    m = re.escape(footnote.marker)
    return re.compile(rf"{words}(?:\s?{_ANY})*?\s?(?:\[footnoteRef:{m}\]|{m})(?!\d)")


def verify_markers(doc: Edition | Derivative, sources_root: Path) -> tuple[MarkerResult, ...]:
    """Every footnote of ``doc`` whose position is recorded, with the first source that prints
    its marker after those words. Raises :class:`SourceFileError` like :func:`verify` when a
    source is missing or differs from its recorded digest."""
    paths = [check_source(ref, sources_root) for ref in doc.sources]
    texts = [(p.name, _normalised(p, p.stat().st_mtime)) for p in paths]
    out: list[MarkerResult] = []
    for group in doc.markers():
        for note in (*(p.footnote for p in group.places), *(f for f, _ in group.unplaced)):
            out.append(_find(note, texts))
    return tuple(out)


def _find(note: Footnote, texts: list[tuple[str, tuple[str, tuple[int, ...]]]]) -> MarkerResult:
    rx = pattern(note)
    for name, (text, line_starts) in texts:
        hit = rx.search(text)
        if hit is not None:
            line = _line(line_starts, hit.end())
            return MarkerResult(note, name, line)
    return MarkerResult(note, None, None)


def _line(starts: tuple[int, ...], offset: int) -> int:
    return bisect.bisect_right(starts, offset)


@cache
def _normalised(path: Path, mtime: float) -> tuple[str, tuple[int, ...]]:
    """A source normalised line by line and joined by spaces, with where each line starts."""
    del mtime  # part of the cache key only
    lines = read_source(path).decode("utf-8").splitlines()
    text, starts = "", []
    for line in lines:
        starts.append(len(text))
        text += normalise(line) + " "
    return text, tuple(starts)

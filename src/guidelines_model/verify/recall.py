"""Recall: every unit of a source is in the content, declared furniture, or a declared omission.

:func:`.fidelity.verify` proves that every sentence of the content is in a source; this proves
the converse. Each primary source is read in comparison form (a witness only confirms readings
of the primary and is not split). Its text is marked, character by character, where it is:

- **content**: an occurrence of a content text, of one of its sentences, or of a metadata field
  (every occurrence: a text the source prints twice is in the content twice), or a part of a
  sentence reassembled across a break. A text or sentence of fewer than
  :data:`MIN_FREE_WORDS` words (a heading, a term, a table cell) counts only where the rest of
  its line is accounted for (furniture, or other content), so that scattered short phrases
  cannot cover a sentence that is not in the content;
- **furniture**: a match of one of the source's declared ``furniture`` patterns;
- **omitted**: a line inside one of the document's declared ``omissions`` (marked last, so
  that an omission of nothing but content or furniture is reported as stale).

The source is then split into units: pieces of one printed line up to a sentence end (a
sentence, a list item, a heading, a table cell, or the part of a sentence on one line). A unit
is accounted for when every letter and digit of it is marked.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from guidelines_model.model.documents import Derivative, Edition, metadata_texts
from guidelines_model.verify.fidelity import VerifyReport, check_source
from guidelines_model.verify.match import Part, occurrences
from guidelines_model.verify.text import SourceForm, normalise, source_forms

MIN_FREE_WORDS = 4
_CONTENT, _FURNITURE, _OMITTED = 1, 2, 3
_UNIT_END = re.compile(r"[.!?;:][\"'”’)\]]*\s+")


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of a source that is not accounted for: its lines and text."""

    source: str
    first_line: int
    last_line: int
    text: str


@dataclass(frozen=True)
class SourceRecall:
    """Recall of one source: how many units, which are not accounted for, and declarations
    that account for nothing (stale) or point outside the file."""

    source: str
    units: int
    unaccounted: tuple[Unit, ...]
    stale_furniture: tuple[str, ...] = ()
    bad_omissions: tuple[str, ...] = ()

    @property
    def accounted(self) -> int:
        return self.units - len(self.unaccounted)


@dataclass(frozen=True)
class RecallReport:
    """Recall of one document over its primary sources."""

    document: str
    sources: tuple[SourceRecall, ...] = field(default_factory=tuple)
    #: A draft edition (no sources yet): nothing to account for, and nothing fails.
    draft: bool = False

    @property
    def units(self) -> int:
        return sum(s.units for s in self.sources)

    @property
    def accounted(self) -> int:
        return sum(s.accounted for s in self.sources)

    @property
    def recall(self) -> float:
        """Share of source units accounted for."""
        return self.accounted / self.units if self.units else 1.0

    @property
    def unaccounted(self) -> tuple[Unit, ...]:
        return tuple(u for s in self.sources for u in s.unaccounted)

    @property
    def ok(self) -> bool:
        """True when every unit is accounted for and every declaration is used and in range."""
        return not any(s.unaccounted or s.stale_furniture or s.bad_omissions for s in self.sources)


def recall(doc: Edition | Derivative, sources_root: Path, report: VerifyReport) -> RecallReport:
    """The recall of ``doc``; ``report`` is its :func:`.fidelity.verify` report (its sentences
    and the parts of its reassembled sentences)."""
    if report.draft:
        return RecallReport(doc.id, draft=True)
    # Whole texts first (a short sentence inside a longer text counts where the text is
    # found whole), then each sentence of four words or more on its own.
    texts = {normalise(n.text) for n in doc.nodes() if n.text is not None}
    texts |= {normalise(v) for v in metadata_texts(doc).values()}  # verified like the texts
    sentences = texts | {r.sentence for r in report.results if r.status == "found"}
    parts = [p for r in report.results for p in r.parts]
    out = []
    for ref in doc.sources:
        if ref.role != "primary":
            continue
        kept, dropped = source_forms(check_source(ref, sources_root))
        out.append(_source_recall(doc, kept, dropped, sentences, parts))
    return RecallReport(doc.id, tuple(out))


def _source_recall(
    doc: Edition | Derivative,
    kept: SourceForm,
    dropped: SourceForm,
    sentences: set[str],
    parts: list[Part],
) -> SourceRecall:
    # Marks go furniture first (a short text may fill its line with furniture), then content,
    # then omissions (so that an omission of what is already accounted for shows as stale).
    marks = bytearray(len(kept.text))
    stale = _mark_furniture(doc, kept, marks)
    _mark_content(kept, dropped, sentences, parts, marks)
    bad = _mark_omissions(doc, kept, marks)
    units = list(_units(kept))
    missing = tuple(
        Unit(kept.name, kept.line_at(a), kept.line_at(b - 1), kept.text[a:b])
        for a, b in units
        if _unmarked(kept.text, marks, a, b)
    )
    return SourceRecall(kept.name, len(units), missing, stale, bad)


def _mark_furniture(
    doc: Edition | Derivative, kept: SourceForm, marks: bytearray
) -> tuple[str, ...]:
    """Mark every match of the source's furniture patterns; the patterns that match nothing."""
    stale = []
    for f in doc.furniture:
        if f.source == kept.name:
            found = False
            for a, b in _line_matches(kept, re.compile(f.pattern)):
                _mark(marks, a, b, _FURNITURE)
                found = True
            if not found:
                stale.append(f.pattern)
    return tuple(stale)


def _mark_content(
    kept: SourceForm,
    dropped: SourceForm,
    sentences: set[str],
    parts: list[Part],
    marks: bytearray,
) -> None:
    """Mark every occurrence of the content's texts and sentences, and the reassembled parts."""
    short = []
    for sentence in sentences:
        for form in (kept, dropped):
            for start, end in _content_spans(sentence, form):
                span = (_to_kept(kept, form, start), _to_kept(kept, form, end))
                if len(sentence.split(" ")) >= MIN_FREE_WORDS:
                    _mark(marks, *span, _CONTENT)
                else:
                    short.append(span)
    # A short text counts only where the rest of its line is accounted for; short texts may
    # share a line ("SUPPORT CHOICE THE SUPERVISOR ROLE IS TO:"), so count them as marked.
    pending = bytearray(marks)
    for a, b in short:
        _mark(pending, a, b, _CONTENT)
    for a, b in [(a, b) for a, b in short if _fills_lines(kept, pending, a, b)]:
        _mark(marks, a, b, _CONTENT)
    for p in parts:
        if p.source == kept.name:
            form = kept if p.hyphens_kept else dropped
            _mark(marks, _to_kept(kept, form, p.start), _to_kept(kept, form, p.end), _CONTENT)


def _mark_omissions(
    doc: Edition | Derivative, kept: SourceForm, marks: bytearray
) -> tuple[str, ...]:
    """Mark the lines of every omission; the omissions past the source's end or of nothing
    that is not already accounted for."""
    bad = []
    last_line = kept.lines[-1] if kept.lines else 0
    for o in doc.omissions:
        if o.source != kept.name:
            continue
        if o.last > last_line:
            bad.append(f"lines {o.first}-{o.last}: the source's last text line is {last_line}")
        spans = [
            (kept.starts[k], kept.ends[k])
            for k, number in enumerate(kept.lines)
            if o.first <= number <= o.last
        ]
        if not any(_unmarked(kept.text, marks, a, b) for a, b in spans):
            bad.append(f"lines {o.first}-{o.last}: everything there is content or furniture")
        for a, b in spans:
            _mark(marks, a, b, _OMITTED)
    return tuple(bad)


def _content_spans(sentence: str, form: SourceForm) -> Iterator[tuple[int, int]]:
    open_left = not sentence[:1].isalnum()
    open_right = not sentence[-1:].isalnum()
    for i in occurrences(sentence, form.text, open_left=open_left, open_right=open_right):
        yield i, i + len(sentence)


def _fills_lines(form: SourceForm, marks: bytearray, start: int, end: int) -> bool:
    """True when, on the lines of ``start`` and ``end``, every letter or digit outside the
    span is furniture or omitted: the span is a heading, a term, a cell on its own."""
    first = form.starts[form.line_index(start)]
    last = form.ends[form.line_index(max(end - 1, start))]
    outside = [*range(first, start), *range(end, last)]
    return all(marks[i] or not form.text[i].isalnum() for i in outside)


def _line_matches(form: SourceForm, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Non-empty matches of a furniture pattern in each line of the form (``^`` and ``$`` are
    the line's ends), as offsets in the form."""
    for start, end in zip(form.starts, form.ends, strict=True):
        for m in pattern.finditer(form.text[start:end]):  # a slice, so that ^ is the line's
            if m.end() > m.start():
                yield start + m.start(), start + m.end()


def _to_kept(kept: SourceForm, form: SourceForm, offset: int) -> int:
    """The offset in the hyphens-kept reading of an offset in ``form`` (the two readings have
    the same lines; the other one lacks the hyphens of words split at a line end)."""
    if form is kept:
        return offset
    k = form.line_index(offset)
    return min(kept.starts[k] + (offset - form.starts[k]), kept.ends[k])


def _unmarked(text: str, marks: bytearray, start: int, end: int) -> bool:
    """True when a letter or digit between ``start`` and ``end`` is not marked."""
    return any(text[i].isalnum() and not marks[i] for i in range(start, end))


def _mark(marks: bytearray, start: int, end: int, how: int) -> None:
    for i in range(start, end):
        if not marks[i]:
            marks[i] = how


def _units(form: SourceForm) -> Iterable[tuple[int, int]]:
    """Offsets of the units: a unit ends at a line break or after a sentence's end."""
    cuts = {0, len(form.text), *form.breaks_before}
    cuts.update(m.end() for m in _UNIT_END.finditer(form.text))
    ordered = sorted(cuts)
    for a, b in itertools.pairwise(ordered):
        text = form.text[a:b]
        lead = len(text) - len(text.lstrip())
        body = text.strip()
        if any(ch.isalnum() for ch in body):
            yield a + lead, a + lead + len(body)

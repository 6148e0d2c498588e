"""Prove the content is faithful: every sentence is found in the edition's source texts.

Both sides are normalised the same way (whitespace, quotes, dashes, invisible characters);
the source additionally loses its extraction noise (markup, bullets, footnote markers, line
breaks, hyphens at line ends). Nothing else is forgiven: spelling, capitals and punctuation
must match. A sentence cut in two by a column of the printed table is found when each part
(of at least four words) is found: it is reported as reassembled.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from guidelines_model.model.documents import Derivative, Edition
from guidelines_model.model.errors import SourceFileError
from guidelines_model.model.origin import Location
from guidelines_model.model.parts import SourceRef

_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "″": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "‐": "-",
        "‑": "-",
        "–": "—",
        "―": "—",
        "‒": "—",
    }
)
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\ufeff]")
_SPACE = re.compile(r"\s+")
_DOUBLE_HYPHEN = re.compile(r"\s*--\s*")
_DASH_SPACE = re.compile(r"\s*—\s*")

_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_FOOTNOTE_REF = re.compile(r"\[footnoteRef:\d+\]|\[\d+:\s")
# Footnote markers glued to a word: after punctuation ("U.S.1 as") or a capitalised heading
# ("ADVOCACY2").
_GLUED_MARKER = re.compile(r"(?:(?<=[A-Za-z][.,;:”’\")])|(?<=[A-Z]{2}))\d{1,2}(?=\s)")
_ESCAPE = re.compile(r"\\+(?=[_*\[\]#.()-])")
_LINE_START = re.compile(r"(?m)^[ \t]*(?:#{1,6}\s+|[•·▪◦]\s*|[-*]\s+)")
_LINE_END_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\n\s*(?=\w)")
_SENTENCE_END = re.compile(r"[.!?;:][\"'”’)\]]*(\s+)(?=[\"'“‘(\[]*[A-Z0-9])")
_MIN_PART_WORDS = 4


def normalise(text: str) -> str:
    """The comparison form of a text: quotes, dashes, spaces and invisibles made uniform."""
    text = _INVISIBLE.sub("", text.translate(_QUOTES))
    text = _DOUBLE_HYPHEN.sub("—", text)
    text = _DASH_SPACE.sub("—", text)
    return _SPACE.sub(" ", text).strip()


def _strip_noise(raw: str) -> str:
    text = _TAG.sub(" ", raw)
    text = _FOOTNOTE_REF.sub(" ", text)
    text = _ESCAPE.sub("", text)
    text = text.replace("**", "").replace("*", "")
    text = _LINE_START.sub("", text)
    return _GLUED_MARKER.sub("", text)


@cache
def _source_forms(path: Path, mtime: float) -> tuple[str, str]:
    """Two readings of a source: hyphens at line ends kept ("trauma-informed") or dropped
    ("sup-port" -> "support"). A sentence found in either is found."""
    del mtime  # part of the cache key only
    text = _strip_noise(path.read_text(encoding="utf-8"))
    kept = normalise(_LINE_END_HYPHEN.sub("-", text))
    dropped = normalise(_LINE_END_HYPHEN.sub("", text))
    return kept, dropped


def split_sentences(text: str) -> list[str]:
    """Split a normalised text into sentences (abbreviations may split a sentence: harmless)."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append(text[start : m.start(1)])
        start = m.end(1)
    out.append(text[start:])
    return [s for s in out if s.strip()]


Status = Literal["found", "reassembled", "excepted", "missing"]


@dataclass(frozen=True, slots=True)
class SentenceResult:
    """One sentence of one text and whether the sources hold it."""

    id: str
    sentence: str
    status: Status
    location: Location | None = None
    reason: str | None = None


@dataclass(frozen=True)
class VerifyReport:
    """The verify-sources result of one edition or derivative."""

    document: str
    results: tuple[SentenceResult, ...] = field(default_factory=tuple)
    #: Exceptions (``unverified`` targets) that excuse no missing sentence: remove them.
    stale_exceptions: tuple[str, ...] = ()
    #: The document is a draft (``status: draft``): it has no published text to be found in,
    #: so nothing was verified, and that is not a failure.
    draft: bool = False

    @property
    def total(self) -> int:
        return len(self.results)

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def verified(self) -> int:
        """Sentences found in the sources, whole or reassembled."""
        return self.count("found") + self.count("reassembled")

    @property
    def coverage(self) -> float:
        """Share of sentences found in the sources (excepted sentences count as not found)."""
        return self.verified / self.total if self.total else 1.0

    @property
    def missing(self) -> tuple[SentenceResult, ...]:
        return tuple(r for r in self.results if r.status == "missing")

    @property
    def ok(self) -> bool:
        """True when every sentence is found or excepted, and no exception is stale."""
        return not self.missing and not self.stale_exceptions


def check_source(ref: SourceRef, root: Path) -> Path:
    """The path of a source document, after checking it exists and its sha256 matches."""
    path = root / ref.file
    if not path.is_file():
        raise SourceFileError(f"source {ref.file} not found in {root}")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != ref.sha256:
        raise SourceFileError(
            f"source {ref.file}: sha256 is {digest}, the content expects {ref.sha256}"
        )
    return path


_STOPS = frozenset(".!?")


def _found(sentence: str, forms: list[str]) -> bool:
    """True when a source holds the sentence as whole words: a match may not start or end
    inside a word, and a sentence ending in a word may not stop short of the source's
    punctuation (a dropped full stop is a change)."""
    if not sentence:
        return True
    open_left = not sentence[0].isalnum()
    open_right = not sentence[-1].isalnum()
    for form in forms:
        i = form.find(sentence)
        while i >= 0:
            end = i + len(sentence)
            left_ok = open_left or i == 0 or not form[i - 1].isalnum()
            right_ok = (
                open_right or end == len(form) or not (form[end].isalnum() or form[end] in _STOPS)
            )
            if left_ok and right_ok:
                return True
            i = form.find(sentence, i + 1)
    return False


def _reassembled(sentence: str, forms: list[str]) -> bool:
    """True when the sentence is found as consecutive parts of at least four words each."""
    words = sentence.split(" ")
    start = 0
    while start < len(words):
        lo, hi = start + _MIN_PART_WORDS, len(words)
        if lo > hi or not _found(" ".join(words[start:lo]), forms):
            return False
        while lo < hi:  # longest prefix from ``start`` that the sources hold
            mid = (lo + hi + 1) // 2
            if _found(" ".join(words[start:mid]), forms):
                lo = mid
            else:
                hi = mid - 1
        if lo < len(words) and len(words) - lo < _MIN_PART_WORDS:
            return False
        start = lo
    return True


def verify(doc: Edition | Derivative, sources_root: Path) -> VerifyReport:
    """Check every sentence of ``doc`` against its source documents (a draft: nothing to check,
    reported with ``draft`` set)."""
    if isinstance(doc, Edition) and doc.is_draft:
        return VerifyReport(doc.id, draft=True)
    forms: list[str] = []
    for ref in doc.sources:
        path = check_source(ref, sources_root)
        forms.extend(_source_forms(path, path.stat().st_mtime))
    exceptions = {e.target: e.reason for e in doc.unverified}
    used: set[str] = set()
    results = []
    for node in doc.nodes():
        if node.text is None:
            continue
        where = doc.origin.locate(node.path, node.id) if doc.origin else None
        sentences = split_sentences(normalise(node.text))
        for k, sentence in enumerate(sentences):
            status: Status
            if _found(sentence, forms):
                status = "found"
            elif any(_reassembled(" ".join(sentences[j:]), forms) for j in (k, k - 1) if j >= 0):
                # A cut near a sentence boundary leaves a short part: let the parts run into
                # the neighbouring sentence.
                status = "reassembled"
            elif node.id in exceptions:
                status = "excepted"
                used.add(node.id)
            else:
                status = "missing"
            results.append(
                SentenceResult(node.id, sentence, status, where, exceptions.get(node.id))
            )
    stale = tuple(sorted(set(exceptions) - used))
    return VerifyReport(doc.id, tuple(results), stale)

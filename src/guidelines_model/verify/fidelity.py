"""Prove the content is faithful: every sentence is found in the edition's source texts.

Nothing but extraction noise is forgiven (see :mod:`.text`): spelling, capitals and
punctuation must match. A sentence cut in two by a column or page break is found when its
parts are adjacent in the source's reading order (see :mod:`.match`): it is reported as
reassembled, with the source lines of its parts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from guidelines_model.model.documents import Derivative, Edition
from guidelines_model.model.errors import SourceFileError
from guidelines_model.model.nodes import Node
from guidelines_model.model.origin import Location
from guidelines_model.model.parts import SourceRef
from guidelines_model.verify.match import Matcher, Part, Sentences
from guidelines_model.verify.metadata import FieldResult, check_metadata
from guidelines_model.verify.text import (
    SourceForm,
    normalise,
    read_source,
    source_forms,
    split_sentences,
)

Status = Literal["found", "reassembled", "excepted", "missing"]


@dataclass(frozen=True, slots=True)
class SentenceResult:
    """One sentence of one text and whether the sources hold it."""

    id: str
    sentence: str
    status: Status
    location: Location | None = None
    reason: str | None = None
    #: For a reassembled sentence, where each of its parts is printed.
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class VerifyReport:
    """The verify-sources result of one edition or derivative."""

    document: str
    results: tuple[SentenceResult, ...] = field(default_factory=tuple)
    #: Exceptions (``unverified`` targets) that excuse no missing sentence: remove them.
    stale_exceptions: tuple[str, ...] = ()
    #: The metadata fields that hold printed wording, each found, editorial or missing.
    metadata: tuple[FieldResult, ...] = ()
    #: A draft edition (no sources yet): nothing is verified, and nothing fails.
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
    def metadata_problems(self) -> tuple[FieldResult, ...]:
        """Metadata fields no source prints and not declared editorial, or declared editorial
        although a source prints them."""
        return tuple(r for r in self.metadata if r.status in ("missing", "stale"))

    @property
    def ok(self) -> bool:
        """True when every sentence is found or excepted, no exception is stale, and every
        metadata field is found or editorial."""
        return not self.missing and not self.stale_exceptions and not self.metadata_problems


def check_source(ref: SourceRef, root: Path) -> Path:
    """The path of a source document, after checking it exists and its sha256 matches."""
    path = root / ref.file
    if not path.exists():
        raise SourceFileError(f"source {ref.file} not found in {root}")
    digest = hashlib.sha256(read_source(path)).hexdigest()
    if digest != ref.sha256:
        raise SourceFileError(
            f"source {ref.file}: sha256 is {digest}, the content expects {ref.sha256}"
        )
    return path


def document_forms(doc: Edition | Derivative, sources_root: Path) -> list[SourceForm]:
    """Both readings of every source of ``doc``, after checking their digests."""
    forms: list[SourceForm] = []
    for ref in doc.sources:
        forms.extend(source_forms(check_source(ref, sources_root)))
    return forms


def _paths(doc: Edition | Derivative, sources_root: Path) -> list[Path]:
    return [sources_root / ref.file for ref in doc.sources]


def _reassembled(text: Sentences, k: int, tried: dict[int, tuple[Part, ...]]) -> tuple[Part, ...]:
    # A cut near a sentence boundary leaves a part of fewer than four words: let the parts
    # run on into the next sentences of the text, or start with the one before. ``tried``
    # keeps what sentences[j:] gave for this text (sentence k + 1 tries sentence k again).
    for j in (k, k - 1):
        if j >= 0:
            if j not in tried:
                tried[j] = text.reassemble(j) or ()
            if tried[j]:
                return tried[j]
    return ()


#: One sentence's result as plain data: the fields of :class:`SentenceResult`, in order.
SentenceRow = tuple[str, str, Status, Location | None, str | None, tuple[Part, ...]]


class Verification:
    """The sentences of one document checked against its sources as they come, text by text:
    :func:`verify` collects them into a report; the GM501 check turns each missing sentence
    into a finding without keeping them. Raises :class:`SourceFileError` as :func:`verify`
    does; a draft edition (``draft``) has nothing to check."""

    def __init__(self, doc: Edition | Derivative, sources_root: Path) -> None:
        self.doc = doc
        self.sources_root = sources_root
        self.draft = isinstance(doc, Edition) and doc.status == "draft"
        self.forms = [] if self.draft else document_forms(doc, sources_root)
        self.exceptions = {e.target: e.reason for e in doc.unverified}
        #: The exception targets that excused a sentence so far.
        self.used: set[str] = set()

    def sentences(self, nodes: Iterable[Node] | None = None) -> Iterator[SentenceRow]:
        """Every sentence of the document's texts (``nodes``: ``doc.nodes()``, when the caller
        has walked them already), with what the sources say of it."""
        matcher = Matcher(self.forms)
        exceptions, used = self.exceptions, self.used
        origin = self.doc.origin  # a pydantic private attribute: slow to reach, so reached once
        for node in self.doc.nodes() if nodes is None else nodes:
            if node.text is None:
                continue
            where = origin.locate(node.path, node.id) if origin else None
            sentences = split_sentences(normalise(node.text))
            text = matcher.sentences(sentences)
            reason = exceptions.get(node.id)
            status: Status
            if text.none_found():  # a draft's text, say: no sentence to look up one by one
                status = "excepted" if node.id in exceptions else "missing"
                if status == "excepted":
                    used.add(node.id)
                yield from [(node.id, s, status, where, reason, ()) for s in sentences]
                continue
            tried: dict[int, tuple[Part, ...]] = {}
            for k, sentence in enumerate(sentences):
                parts: tuple[Part, ...] = ()
                if text.found(k):
                    status = "found"
                elif parts := _reassembled(text, k, tried):
                    status = "reassembled"
                elif node.id in exceptions:
                    status = "excepted"
                    used.add(node.id)
                else:
                    status = "missing"
                yield node.id, sentence, status, where, reason, parts

    def report(self, results: tuple[SentenceResult, ...]) -> VerifyReport:
        """The report of ``results``, with the exceptions that excused nothing (once every
        sentence has come) and the metadata fields."""
        stale = tuple(sorted(set(self.exceptions) - self.used))
        metadata = check_metadata(self.doc, self.forms, _paths(self.doc, self.sources_root))
        return VerifyReport(self.doc.id, results, stale, metadata)


def verify(doc: Edition | Derivative, sources_root: Path) -> VerifyReport:
    """Check every sentence of ``doc`` against its source documents (a draft edition, which
    has none yet, gives an empty report marked ``draft``)."""
    run = Verification(doc, sources_root)
    if run.draft:
        return VerifyReport(doc.id, draft=True)
    return run.report(tuple(SentenceResult(*row) for row in run.sentences()))

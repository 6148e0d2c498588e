"""Source fidelity: every sentence of the content found in the source texts.

:mod:`.text` gives the comparison form of texts and sources, :mod:`.match` finds a sentence
whole or reassembled across breaks, :mod:`.fidelity` checks a whole document and
:mod:`.metadata` its metadata; :mod:`.recall` checks the converse (every unit of a source is in
the content, declared furniture or a declared omission).
"""

from __future__ import annotations

from guidelines_model.verify.fidelity import (
    SentenceResult,
    SentenceRow,
    Status,
    Verification,
    VerifyReport,
    check_source,
    document_forms,
    verify,
)
from guidelines_model.verify.match import MAX_GAP_LINES, MIN_PART_WORDS, Part
from guidelines_model.verify.text import SourceForm, normalise, split_sentences

__all__ = [
    "MAX_GAP_LINES",
    "MIN_PART_WORDS",
    "Part",
    "SentenceResult",
    "SentenceRow",
    "SourceForm",
    "Status",
    "Verification",
    "VerifyReport",
    "check_source",
    "document_forms",
    "normalise",
    "split_sentences",
    "verify",
]

"""Metadata checked against the sources: every field that holds printed wording (publisher,
year, licence, citation, approval sentences...) is found in a source, or is declared
``editorial`` in the document with the reason it is given although no source prints it.

A field is compared whole (a citation is one string, not a list of sentences), after the
normalisation of texts; it may be found in a source's noise-free forms or in its raw text
(a licence URL is printed between angle brackets, which noise removal takes for a tag).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from guidelines_model.model.documents import Derivative, Edition, metadata_texts
from guidelines_model.verify.match import found_in
from guidelines_model.verify.text import SourceForm, normalise, read_source

FieldStatus = Literal["found", "editorial", "missing", "stale"]


@dataclass(frozen=True, slots=True)
class FieldResult:
    """One metadata field and whether a source prints it.

    ``stale`` is an editorial field that a source does print as written: remove the entry.
    """

    field: str
    value: str
    status: FieldStatus
    reason: str | None = None


@cache
def _raw(path: Path, mtime: float) -> str:
    del mtime  # part of the cache key only
    return normalise(read_source(path).decode("utf-8"))


def check_metadata(
    doc: Edition | Derivative, forms: list[SourceForm], paths: list[Path]
) -> tuple[FieldResult, ...]:
    """Every printed-wording metadata field of ``doc``, checked against its sources."""
    texts = [f.text for f in forms] + [_raw(p, p.stat().st_mtime) for p in paths]
    editorial = {e.field: e.reason for e in doc.editorial}
    out = []
    for name, value in metadata_texts(doc).items():
        printed = found_in(normalise(value), texts)
        reason = editorial.get(name)
        if reason is None:
            status: FieldStatus = "found" if printed else "missing"
        else:
            status = "stale" if printed else "editorial"
        out.append(FieldResult(name, value, status, reason))
    return tuple(out)

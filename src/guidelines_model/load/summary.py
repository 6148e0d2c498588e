"""Beside the load pipeline, what a document holds at a glance: its :class:`Summary`.

A summary is worked out from the validated document, and stored with it in the load cache
(:mod:`.cache`). :func:`~guidelines_model.load.loader.summarise_folder` and
:func:`~guidelines_model.library.summarise_library` answer from the cache without importing
pydantic or building a model when no file has changed since it last validated; otherwise they
load (and so validate) the document, and the errors are the loader's. ``guidelines list`` and
``guidelines validate`` are built on them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from guidelines_model.model.documents import Derivative, Edition


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts and titles of one validated edition or derivative."""

    id: str
    #: ``"edition"`` or ``"derivative"``.
    document: Literal["edition", "derivative"]
    #: The edition's kind (``peer-guidelines``, ``supervisors``, ``adaptation``...) or
    #: ``derivative``.
    kind: str
    #: Publication year; ``None`` for a derivative.
    year: int | None
    title: str
    #: Core values (editions) or glosses of values (derivatives).
    values: int
    #: Practice items over all values (0 for a derivative).
    items: int
    #: Supervisor items over all values (2019 only, so far).
    supervisor_items: int
    #: Glossary terms.
    terms: int
    #: Citable nodes (everything with an id).
    nodes: int
    #: The edition a derivative is derived from.
    derived_from: str | None = None


def summarise(doc: Edition | Derivative) -> Summary:
    """The summary of a loaded edition or derivative."""
    from guidelines_model.model.documents import Derivative  # loaded already: there is a document

    nodes = sum(1 for _ in doc.nodes())
    if isinstance(doc, Derivative):
        return Summary(
            doc.id,
            "derivative",
            doc.kind,
            None,
            doc.title,
            values=len(doc.glosses),
            items=0,
            supervisor_items=0,
            terms=0,
            nodes=nodes,
            derived_from=doc.derived_from,
        )
    return Summary(
        doc.id,
        "edition",
        doc.kind,
        doc.year,
        doc.title,
        values=len(doc.values),
        items=sum(len(v.practice.items) for v in doc.values),
        supervisor_items=sum(len(v.supervisor.items) for v in doc.values if v.supervisor),
        terms=len(doc.glossary),
        nodes=nodes,
    )


def to_cache(summary: Summary) -> dict[str, Any]:
    """A summary as plain data, as the cache stores it."""
    return asdict(summary)


def _count(v: Any) -> bool:
    return type(v) is int and v >= 0


def _text(v: Any) -> bool:
    return type(v) is str and v != ""


def _document(v: Any) -> bool:
    return type(v) is str and v in ("edition", "derivative")


def _year(v: Any) -> bool:
    return v is None or type(v) is int


def _from(v: Any) -> bool:
    return v is None or _text(v)


#: What each stored field must hold: a summary that does not fit is not one (a miss).
_SHAPE = {
    "id": _text,
    "document": _document,
    "kind": _text,
    "year": _year,
    "title": _text,
    "values": _count,
    "items": _count,
    "supervisor_items": _count,
    "terms": _count,
    "nodes": _count,
    "derived_from": _from,
}


def from_cache(data: dict[str, Any]) -> Summary | None:
    """A summary as the cache stored it, or ``None`` if it is not one (a field missing, extra
    or of the wrong type: an edition has a year, a derivative what it is derived from)."""
    names = [f.name for f in fields(Summary)]
    if type(data) is not dict or sorted(data, key=str) != sorted(names):
        return None
    if not all(_SHAPE[n](data[n]) for n in names):
        return None
    if (data["document"] == "edition") != (data["year"] is not None):
        return None
    if (data["document"] == "derivative") != (data["derived_from"] is not None):
        return None
    return Summary(**data)

"""What is in a content folder, at a glance: one :class:`Summary` per edition or derivative.

A summary is worked out from the validated document, and stored with it in the load cache
(:mod:`guidelines_model._cache`). :func:`summarise_library` and :func:`summarise_folder`
answer from the cache without importing pydantic or building a model when no file has
changed since it last validated; otherwise they load (and so validate) the document, and the
errors are the loader's. ``guidelines list`` and ``guidelines validate`` are built on them.

>>> [(s.id, s.values, s.items) for s in summarise_library()][:2]
[('2013', 12, 56), ('who_2017', 12, 56)]
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from guidelines_model._paths import (
    DERIVATIVE_FILE,
    default_content_root,
    derivative_folders,
    edition_files,
    edition_folders,
    folder_kind,
)
from guidelines_model._read import Reader
from guidelines_model._yaml import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from guidelines_model.models import Derivative, Edition


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
    from guidelines_model.models import Derivative  # loaded already: there is a document

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


def _from_cache(data: dict[str, Any]) -> Summary | None:
    names = [f.name for f in fields(Summary)]
    if sorted(data) != sorted(names):
        return None
    return Summary(**data)


def summarise_folder(
    folder: str | os.PathLike[str],
    *,
    root: Path | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Summary:
    """The summary of one edition or derivative folder (from the cache when it can be).

    Raises what :func:`~guidelines_model.load_edition` raises when the folder does not
    validate. ``root`` is the content folder the files must stay inside (the folder's parent
    by default).
    """
    folder = Path(folder)
    root = root or folder.parent
    kind = "derivative" if folder_kind(folder) == "derivative" else "edition"
    groups = [[folder / DERIVATIVE_FILE]] if kind == "derivative" else edition_files(folder)
    reader = Reader(root, limits)
    entry = reader.prefetch(kind, groups)
    stored = entry.summary() if entry is not None else None
    found = _from_cache(stored) if stored is not None else None
    if found is not None:
        return found
    # A miss: validate the files already read (this stores the summary).
    from guidelines_model.loader import read_document
    from guidelines_model.models import Derivative, Edition

    if kind == "derivative":
        return summarise(read_document(Derivative, reader, groups, entry))
    return summarise(read_document(Edition, reader, groups, entry))


def summarise_library(
    root: str | os.PathLike[str] | None = None, *, limits: Limits = DEFAULT_LIMITS
) -> list[Summary]:
    """One summary per edition (in publication order) then per derivative, as
    :func:`~guidelines_model.load_library` orders them. ``root`` defaults to the bundled
    content."""
    base = Path(root) if root is not None else default_content_root()
    editions = [summarise_folder(p, root=base, limits=limits) for p in edition_folders(base)]
    editions.sort(key=lambda s: (s.year or 0, s.id))
    derivatives = [summarise_folder(p, root=base, limits=limits) for p in derivative_folders(base)]
    return editions + derivatives

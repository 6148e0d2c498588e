"""The library: every edition and derivative of a content folder, reachable by id.

>>> [(s.id, s.values, s.items) for s in summarise_library()][:2]
[('2013', 12, 56), ('who_2017', 12, 56)]
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

from guidelines_model.load.find import (
    EDITION_FILE,
    content_folders,
    content_root,
    default_sources_root,
    sources_root_for,
)
from guidelines_model.load.limits import DEFAULT_LIMITS, Limits, no_gc
from guidelines_model.load.loader import load_derivative, load_edition, summarise_folder
from guidelines_model.load.summary import Summary
from guidelines_model.model.errors import NodeTypeError, NotFoundError
from guidelines_model.model.ids import EDITION_ID_PATTERN, edition_of

if TYPE_CHECKING:
    from guidelines_model.model.documents import Citable, Derivative, Edition

#: A class :meth:`Library.get` may be asked for.
C = TypeVar("C", bound="Citable")


@dataclass(frozen=True)
class Library:
    """Editions and derivatives loaded from one content folder, in publication order."""

    editions: dict[str, Edition]
    derivatives: dict[str, Derivative] = field(default_factory=dict)
    root: Path | None = None

    def edition(self, id_: str) -> Edition:
        """The edition with this id; :class:`NotFoundError` if there is none."""
        try:
            return self.editions[id_]
        except KeyError:
            raise NotFoundError("edition", id_, list(self.editions)) from None

    def document(self, id_: str) -> Edition | Derivative:
        """An edition or a derivative by id."""
        if id_ in self.derivatives:
            return self.derivatives[id_]
        return self.edition(id_)

    def __iter__(self) -> Iterator[Edition]:
        return iter(self.editions.values())

    @overload
    def get(self, id_: str) -> Citable: ...

    @overload
    def get(self, id_: str, kind: type[C]) -> C: ...

    def get(self, id_: str, kind: type[Any] | None = None) -> Any:
        """Any node by its id: an edition, value, practice, item, supervisor item, term,
        competency, section... or, for a text id such as ``2013/voluntary/title``, the text.

        With ``kind`` (any model class, or ``str`` for a text), the node is checked to be one,
        and typed as one: ``lib.get("2013/voluntary/practice/1", Item).text``. Raises
        :class:`NotFoundError` for an unknown id (with the closest known id) and
        :class:`NodeTypeError` for a node of another class.
        """
        doc = self.document(edition_of(id_))
        for node in doc.nodes():
            if node.id == id_:
                found = _follow(doc, node.path, id_)
                if kind is not None and not isinstance(found, kind):
                    raise NodeTypeError(id_, kind, type(found))
                return found
        raise NotFoundError("node", id_, [n.id for n in doc.nodes()])

    def sources_root(self) -> Path:
        """Where the source texts of this library's editions are."""
        return sources_root_for(self.root) if self.root else default_sources_root()


def _follow(obj: Any, path: tuple[str | int, ...], id_: str) -> Any:
    for part in path:
        if getattr(obj, "id", None) == id_:
            return obj
        obj = obj[part] if isinstance(part, int) else getattr(obj, part)
    return obj


def load_library(
    root: str | os.PathLike[str] | None = None, *, limits: Limits = DEFAULT_LIMITS
) -> Library:
    """Load every edition (folders with ``edition.yaml``) and derivative under ``root``.

    ``root`` defaults to the content bundled with the package.
    """
    base = content_root(root)
    edition_dirs, derivative_dirs = content_folders(base)
    with no_gc():  # across editions too: else full collections rescan the editions loaded so far
        editions = [load_edition(p, root=base, limits=limits) for p in edition_dirs]
        derivatives = [load_derivative(p, root=base, limits=limits) for p in derivative_dirs]
    editions.sort(key=lambda e: (e.year, e.id))
    return Library({e.id: e for e in editions}, {d.id: d for d in derivatives}, base)


def load_editions(
    ids: Sequence[str],
    root: str | os.PathLike[str] | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> list[Edition]:
    """The editions with these ids, loading only them where it can.

    An edition is looked for first in the folder named as its id (as every bundled edition
    is); when that is not it, the whole library is loaded and searched, so the result is what
    :func:`load_library` would give, and an unknown id is a :class:`NotFoundError`.
    """
    base = content_root(root)
    found: dict[str, Edition] = {}
    with no_gc():
        for id_ in ids:
            folder = base / id_
            if id_ in found or not re.match(EDITION_ID_PATTERN, id_):
                continue
            if (folder / EDITION_FILE).is_file():
                edition = load_edition(folder, root=base, limits=limits)
                if edition.id == id_:
                    found[id_] = edition
    if any(id_ not in found for id_ in ids):
        lib = load_library(base, limits=limits)
        return [lib.edition(id_) for id_ in ids]
    return [found[id_] for id_ in ids]


def summarise_library(
    root: str | os.PathLike[str] | None = None, *, limits: Limits = DEFAULT_LIMITS
) -> list[Summary]:
    """One summary per edition (in publication order) then per derivative, as
    :func:`load_library` orders them; from the load cache where nothing changed (see
    :mod:`guidelines_model.load.summary`). ``root`` defaults to the bundled content."""
    base = content_root(root)
    edition_dirs, derivative_dirs = content_folders(base)
    editions = [summarise_folder(p, root=base, limits=limits) for p in edition_dirs]
    editions.sort(key=lambda s: (s.year or 0, s.id))
    derivatives = [summarise_folder(p, root=base, limits=limits) for p in derivative_dirs]
    return editions + derivatives

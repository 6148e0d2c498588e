"""The library: every edition and derivative, reachable by id."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guidelines_model._yaml import DEFAULT_LIMITS, Limits
from guidelines_model.errors import NotFoundError
from guidelines_model.ids import edition_of
from guidelines_model.loader import (
    DERIVATIVE_FILE,
    EDITION_FILE,
    load_derivative,
    load_edition,
    no_gc,
)
from guidelines_model.models import Derivative, Edition

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str, env: str) -> Path:
    if os.environ.get(env):
        return Path(os.environ[env])
    shipped = _PACKAGE / "_data" / name  # inside an installed wheel
    if shipped.is_dir():
        return shipped
    return _PACKAGE.parents[1] / name  # a source checkout (src layout)


def default_content_root() -> Path:
    """The bundled content: ``$GUIDELINES_CONTENT``, the wheel's copy, or the checkout's."""
    return _data_dir("content", "GUIDELINES_CONTENT")


def default_sources_root() -> Path:
    """The bundled source texts: ``$GUIDELINES_SOURCES``, the wheel's copy, or the checkout's."""
    return _data_dir("sources", "GUIDELINES_SOURCES")


def sources_root_for(content_root: Path) -> Path:
    """The source texts that belong with a content folder (its sibling ``sources/``)."""
    sibling = content_root.resolve().parent / "sources"
    return sibling if sibling.is_dir() else default_sources_root()


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

    def get(self, id_: str) -> Any:
        """Any node by its id: an edition, value, practice, item, supervisor item, term,
        competency, section... or, for a text id such as ``2013/voluntary/title``, the text."""
        doc = self.document(edition_of(id_))
        for node in doc.nodes():
            if node.id == id_:
                return _follow(doc, node.path, id_)
        raise NotFoundError("node", id_)

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
    base = Path(root) if root is not None else default_content_root()
    with no_gc():  # across editions too: else full collections rescan the editions loaded so far
        editions = [
            load_edition(p.parent, root=base, limits=limits)
            for p in sorted(base.glob(f"*/{EDITION_FILE}"))
        ]
        derivatives = [
            load_derivative(p.parent, root=base, limits=limits)
            for p in sorted(base.glob(f"derivatives/*/{DERIVATIVE_FILE}"))
        ]
    editions.sort(key=lambda e: (e.year, e.id))
    return Library({e.id: e for e in editions}, {d.id: d for d in derivatives}, base)

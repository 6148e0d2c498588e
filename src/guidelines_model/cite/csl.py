"""CSL-JSON items from the library: what every citation format is made from.

An edition is a ``report`` whose author is its publisher (an organisation); a value, item or
any other node is a ``chapter``-like part of it whose title is the pinpoint ("Value 7,
practice item 2") and whose ``container-title`` is the edition's title. Only what the content
records is written: a field the edition does not record (a URL, a document number) is left out,
never made up. The edition's own suggested citation is kept verbatim as the ``note``.

Why a part as a chapter rather than a locator: CSL styles print a part's title in the reference
itself, so the pinpoint survives in every style and in every reference manager the item is
imported into. A locator is for in-text citations only, and citeproc-py takes it as
``CitationItem(key, locator=Locator("Value 7, practice item 2", "section"))`` (a plain string
raises ``AttributeError``), then prints a non-numeric locator as its label alone: "(iNAPS, 2019,
section)".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, TypedDict

from guidelines_model.cite.links import permalink
from guidelines_model.cite.pinpoint import pinpoint
from guidelines_model.model.documents import Derivative, Edition
from guidelines_model.model.errors import GuidelinesError, NotFoundError
from guidelines_model.model.ids import edition_of

if TYPE_CHECKING:
    from collections.abc import Iterable

    from guidelines_model.library import Library
    from guidelines_model.model.nodes import Node


class CslName(TypedDict):
    """A name: organisations are written whole, as a ``literal``."""

    literal: str


#: A date as CSL-JSON writes it: ``{"date-parts": [[2019]]}`` (a hyphenated key needs the
#: functional form).
CslDate = TypedDict("CslDate", {"date-parts": list[list[int]]})

#: One CSL-JSON item (the fields this library writes; see schema/csl-data.json).
CslItem = TypedDict(
    "CslItem",
    {
        "id": str,
        "type": Literal["report", "chapter"],
        "title": str,
        "container-title": str,
        "author": list[CslName],
        "publisher": str,
        "issued": CslDate,
        "number": str,
        "version": str,
        "language": str,
        "URL": str,
        "note": str,
    },
    total=False,
)


def _document_fields(doc: Edition) -> CslItem:
    out: CslItem = {
        "author": [{"literal": doc.publisher}],
        "publisher": doc.publisher,
        "issued": {"date-parts": [[doc.year]]},
    }
    if doc.document_number:
        out["number"] = doc.document_number
    if doc.version:
        out["version"] = doc.version
    out["language"] = doc.spelling
    out["note"] = doc.citation
    return out


def _url(doc: Edition, id_: str, base: str | None) -> str | None:
    if base is not None:
        return permalink(base, id_)
    return doc.url if doc.url and doc.url.startswith(("https://", "http://")) else None


def document_item(doc: Edition, base_url: str | None = None) -> CslItem:
    """The CSL-JSON item of a whole edition."""
    item: CslItem = {"id": doc.id, "type": "report", "title": doc.title}
    item.update(_document_fields(doc))
    if (url := _url(doc, doc.id, base_url)) is not None:
        item["URL"] = url
    return item


def node_item(doc: Edition, node: Node, base_url: str | None = None) -> CslItem:
    """The CSL-JSON item of one node of ``doc``: a part titled with its pinpoint."""
    where = pinpoint(doc, node)
    if where is None:
        return document_item(doc, base_url)
    item: CslItem = {
        "id": node.id,
        "type": "chapter",
        "title": where,
        "container-title": doc.title,
    }
    item.update(_document_fields(doc))
    if (url := _url(doc, node.id, base_url)) is not None:
        item["URL"] = url
    return item


def _find(doc: Edition, id_: str) -> Node:
    nodes = list(doc.nodes())
    for node in nodes:
        if node.id == id_:
            return node
    raise NotFoundError("node", id_, [n.id for n in nodes])


def csl_items(lib: Library, ids: Iterable[str], base_url: str | None = None) -> list[CslItem]:
    """The CSL-JSON items of these ids (editions, values, items, terms, blocks...), in order.

    With ``base_url`` (the website's address) each item's ``URL`` is the permanent link to the
    exact sentence on the website; without it, the edition's own URL where it records one.
    An unknown id raises :class:`NotFoundError` naming the closest known id; an id of a derived
    text (which records no publisher or date) a :class:`GuidelinesError`.

    >>> from guidelines_model import load_library
    >>> [item] = csl_items(load_library(), ["2019_supervisors/hopeful/supervisor/2"])
    >>> item["type"], item["title"], item["issued"]
    ('chapter', 'Value 2, supervisor item 2', {'date-parts': [[2019]]})
    """
    out: list[CslItem] = []
    for id_ in ids:
        doc = lib.document(edition_of(id_))
        if isinstance(doc, Derivative):
            raise GuidelinesError(
                f"{id_}: {doc.id} is a derived text, not an edition; it records no publisher or "
                f"date to cite. Cite the edition it is derived from ({doc.derived_from}) instead"
            )
        out.append(node_item(doc, _find(doc, id_), base_url))
    return out

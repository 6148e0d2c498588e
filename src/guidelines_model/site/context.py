"""What every page of the site knows: the documents, their labels, the values, the links."""

from __future__ import annotations

from dataclasses import dataclass, field

from guidelines_model.cite import links
from guidelines_model.library import Library
from guidelines_model.model.documents import Derivative, Edition
from guidelines_model.model.ids import edition_of

SITE_NAME = "Peer Support Practice Guidelines"

_KIND = {
    "peer-guidelines": "Peer supporter guidelines",
    "supervisors": "Guidelines for peer specialists and supervisors",
    "adaptation": "Adaptation",
}


@dataclass(frozen=True, slots=True)
class ValueInfo:
    """A core value as the site names it: its key, number and everyday title."""

    key: str
    number: int
    name: str


@dataclass
class Site:
    """The library as the site shows it, and the anchors its edition pages carry."""

    lib: Library
    #: Every id written as an ``id`` attribute on an edition or derivative page.
    anchors: set[str] = field(default_factory=set)
    #: Each id's link to its history (``history/<key>.html#<first id>``), site-root-relative.
    history: dict[str, str] = field(default_factory=dict)
    #: The address the site is published at (``--base-url``): citations link to it.
    base_url: str | None = None

    @property
    def editions(self) -> tuple[Edition, ...]:
        return tuple(self.lib.editions.values())

    @property
    def derivatives(self) -> tuple[Derivative, ...]:
        return tuple(self.lib.derivatives.values())

    @property
    def documents(self) -> tuple[Edition | Derivative, ...]:
        return (*self.editions, *self.derivatives)

    @property
    def pairs(self) -> tuple[tuple[Edition, Edition], ...]:
        """Each edition with the edition it is based on (parent first)."""
        eds = self.lib.editions
        return tuple((eds[e.based_on], e) for e in self.editions if e.based_on in eds)

    @property
    def checklist_edition(self) -> Edition | None:
        """The latest edition with supervisor items (the self-assessment checklist's source)."""
        with_items = [e for e in self.editions if any(v.supervisor for v in e.values)]
        return with_items[-1] if with_items else None

    @property
    def values(self) -> tuple[ValueInfo, ...]:
        """Every value key once, in the order of the first edition that has it."""
        seen: dict[str, ValueInfo] = {}
        for e in self.editions:
            for v in e.values:
                if v.key not in seen:
                    name = v.title if not v.title.isupper() else (v.listed_title or v.title)
                    seen[v.key] = ValueInfo(v.key, v.number, name)
        return tuple(seen.values())

    def value(self, key: str) -> ValueInfo:
        return next(v for v in self.values if v.key == key)

    def node_href(self, id_: str | None) -> str | None:
        """The site-root-relative link to a node, if an edition page carries it."""
        if id_ is None or id_ not in self.anchors:
            return None
        return f"{edition_path(edition_of(id_))}#{id_}"


#: ``editions/<id>.html``: the one function the site's links and citations' permanent links use.
edition_path = links.edition_path


def value_path(key: str) -> str:
    return f"values/{key}.html"


def compare_path(old: str, new: str) -> str:
    return f"compare/{old}-to-{new}.html"


def short_label(doc: Edition | Derivative) -> str:
    """A short name for navigation: ``2013``, ``WHO 2017``, ``2019 Supervisors``."""
    if isinstance(doc, Derivative):
        return "Training summary"
    if doc.kind == "supervisors":
        return f"{doc.year} Supervisors"
    if doc.kind == "adaptation":
        initials = "".join(w[0] for w in doc.publisher.split() if w[:1].isupper())
        return f"{initials} {doc.year}" if len(initials) > 1 else f"{doc.year} Adaptation"
    return str(doc.year)


def kind_label(doc: Edition | Derivative) -> str:
    """What kind of document this is, in words."""
    if isinstance(doc, Derivative):
        return "Derived text (not an edition)"
    return _KIND[doc.kind]


def counts(doc: Edition | Derivative) -> dict[str, int]:
    """What a document holds, e.g. ``{"values": 12, "practice items": 56}`` (zeros left out)."""
    if isinstance(doc, Derivative):
        return {"value summaries": len(doc.glosses)}
    out = {
        "values": len(doc.values),
        "practice items": sum(len(v.practice.items) for v in doc.values),
        "supervisor items": sum(len(v.supervisor.items) for v in doc.values if v.supervisor),
        "glossary terms": len(doc.glossary),
    }
    return {k: n for k, n in out.items() if n}

"""Pydantic models of every edition: frozen, strict, unknown keys rejected.

Ids (`id` fields) are never read from content: :class:`Edition` and :class:`Derivative` assign
them when they are validated, from the keys and item numbers the content holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, model_validator

from guidelines_model import ids
from guidelines_model._assign import assign_derivative_ids, assign_edition_ids, loaded
from guidelines_model._origin import Location, Origin
from guidelines_model._walk import Node, derivative_nodes, edition_nodes

Text = Annotated[str, Field(min_length=1)]
Key = Annotated[str, Field(pattern=ids.KEY_PATTERN)]
EditionId = Annotated[str, Field(pattern=ids.EDITION_ID_PATTERN)]
Number = Annotated[int, Field(ge=1)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
SourceFile = Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$")]

EditionKind = Literal["peer-guidelines", "supervisors", "adaptation"]
Spelling = Literal["en-US", "en-GB"]
BlockKind = Literal["paragraph", "quote", "bullet", "numbered", "attribution", "subheading"]
NoteKind = Literal["published-error", "published-variant", "transcription"]
PlacedPart = Literal[
    "opening_list",
    "who_values",
    "key_objectives",
    "misconceptions",
    "values",
    "language_examples",
    "competencies",
    "interview_questions",
    "job_description",
]


class _Model(BaseModel):
    # Schemas are built on first validation, not at import: a load served by the cache
    # constructs models without validating, so `guidelines list` never builds them.
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, defer_build=True)


class _Document(_Model):
    """An edition or derivative: remembers where it was loaded from (never serialised)."""

    _origin: Origin | None = PrivateAttr(default=None)

    @property
    def origin(self) -> Origin | None:
        """The files this document was loaded from, or ``None`` if built in Python."""
        return self._origin

    def nodes(self) -> Iterator[Node]:
        """Every citable node in document order."""
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        # Equal content is equal wherever it was loaded from: the origin is not compared.
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash(tuple(self.__dict__.values()))


class Footnote(_Model):
    """A footnote as printed: its marker and text."""

    id: str = ""
    marker: Text
    text: Text


class Block(_Model):
    """One printed block of running text: a paragraph, a quotation, a list entry..."""

    id: str = ""
    kind: BlockKind = "paragraph"
    number: Number | None = None
    text: Text


class Section(_Model):
    """A titled part of the document outside the value table (background, appendix...)."""

    id: str = ""
    key: Key
    heading: str | None = None
    blocks: tuple[Block, ...] = ()
    footnotes: tuple[Footnote, ...] = ()


class Item(_Model):
    """A numbered or bulleted item. ``n`` is its stable number (the printed one where printed)."""

    id: str = ""
    n: Number
    text: Text


class Practice(_Model):
    """What a value looks like in practice: the practice name and its items."""

    id: str = ""
    name: Text
    numbered: bool = True
    items: tuple[Item, ...]


class SupervisorGuidelines(_Model):
    """The 2019 supervisor column: how supervisors promote the practice."""

    id: str = ""
    lead_in: Text
    items: tuple[Item, ...]


class Note(_Model):
    """A recorded fact about the published text, such as an error kept as printed."""

    target: Text
    kind: NoteKind
    text: Text


class CoreValue(_Model):
    """One of the twelve core values, as one edition prints it."""

    id: str = ""
    key: Key
    number: Number
    title: Text
    listed_title: Text | None = None
    description: tuple[Text, ...]
    practice: Practice
    supervisor: SupervisorGuidelines | None = None
    notes: tuple[Note, ...] = ()

    def description_ids(self) -> tuple[str, ...]:
        """Ids of the description paragraphs, in order (``<value id>/description/<k>``)."""
        return tuple(
            ids.join(self.id, "description", k) for k in range(1, len(self.description) + 1)
        )


class Term(_Model):
    """A glossary term and its definition paragraphs."""

    id: str = ""
    key: Key
    term: Text
    definition: tuple[Text, ...]
    footnotes: tuple[Footnote, ...] = ()


class Licence(_Model):
    name: Text
    url: str | None = None
    attribution: str | None = None


class Approval(_Model):
    """An approval figure as published."""

    text: Text
    percent: float | None = None
    respondents: int | None = None


class SourceRef(_Model):
    """A source document the content is transcribed from (a file under ``sources/``)."""

    file: SourceFile
    sha256: Sha256
    role: Literal["primary", "witness"] = "primary"


class SourceException(_Model):
    """A text allowed not to be found verbatim in the source, with the reason."""

    target: Text
    reason: Text


class Waiver(_Model):
    """An acknowledged consistency finding: true of the published text, so not a failure."""

    code: Annotated[str, Field(pattern=r"^GM[0-9]{3}$")]
    target: Text
    text_hash: Annotated[str, Field(pattern=r"^[0-9a-f]{12}$")]
    reason: Text


class WhoValue(_Model):
    """One of the four WHO individualized peer support values (WHO 2017, section 3)."""

    id: str = ""
    key: Key
    name: Text
    text: Text


class CompetencyCategory(_Model):
    """A WHO competency category: its summary (section 8) and items (Annex 1)."""

    id: str = ""
    n: Number
    title: Text
    summary: tuple[Text, ...] = ()
    items: tuple[Item, ...] = ()


class Misconception(_Model):
    """A row of the WHO misconceptions table (section 5)."""

    id: str = ""
    n: Number
    misconception: Text
    explanation: tuple[Text, ...]


class LanguageExample(_Model):
    """A closed-language example and its open-language alternative (WHO section 7)."""

    id: str = ""
    n: Number
    closed: Text
    open: Text


class Edition(_Document):
    """One published edition of the guidelines."""

    id: EditionId
    title: Text
    subtitle: str | None = None
    publisher: Text
    year: Annotated[int, Field(ge=1900, le=2100)]
    kind: EditionKind
    based_on: EditionId | None = None
    spelling: Spelling
    version: str | None = None
    document_number: str | None = None
    url: str | None = None
    licence: Licence
    citation: Text
    approval: tuple[Approval, ...] = ()
    sources: tuple[SourceRef, ...] = Field(min_length=1)
    front_matter: tuple[Section, ...] = ()
    #: Where parts are printed among the front-matter sections: part -> "section-key" (after
    #: the section) or "section-key/k" (after its block k). Unplaced parts follow the front matter.
    placement: dict[PlacedPart, Annotated[str, Field(pattern=r"^[a-z0-9-]+(?:/[0-9]+)?$")]] = Field(
        default_factory=dict
    )
    values: tuple[CoreValue, ...]
    glossary_heading: str | None = None
    glossary_intro: tuple[Text, ...] = ()
    glossary: tuple[Term, ...] = ()
    back_matter: tuple[Section, ...] = ()
    who_values: tuple[WhoValue, ...] = ()
    key_objectives: tuple[Item, ...] = ()
    competencies: tuple[CompetencyCategory, ...] = ()
    misconceptions: tuple[Misconception, ...] = ()
    language_examples: tuple[LanguageExample, ...] = ()
    interview_questions: tuple[Item, ...] = ()
    job_description: tuple[Section, ...] = ()
    notes: tuple[Note, ...] = ()
    unverified: tuple[SourceException, ...] = ()
    waivers: tuple[Waiver, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _assign_ids(cls, data: Any, info: ValidationInfo) -> Any:
        return assign_edition_ids(data, tuples=loaded(info.context))

    def value(self, key: str) -> CoreValue:
        """The value with this key; ``KeyError`` if the edition has none."""
        for v in self.values:
            if v.key == key:
                return v
        raise KeyError(key)

    def nodes(self) -> Iterator[Node]:
        """Every citable node (values, items, terms, sections, texts) in document order."""
        return edition_nodes(self)

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every quoted text of the edition as ``(id, text)``, in document order."""
        return ((n.id, n.text) for n in edition_nodes(self) if n.text is not None)

    def locate(self, id_: str) -> Location | None:
        """Where the node with this id is written in the content files (if loaded from files)."""
        return _locate(self, edition_nodes(self), id_)


class Gloss(_Model):
    """A derivative's one-sentence gloss of a value."""

    id: str = ""
    value: Key
    title: Text
    text: Text


class Derivative(_Document):
    """A text derived from an edition (a training summary...): linked to values, not an edition."""

    id: EditionId
    title: Text
    publisher: str | None = None
    kind: Literal["derivative"] = "derivative"
    derived_from: EditionId
    url: str | None = None
    sources: tuple[SourceRef, ...] = Field(min_length=1)
    glosses: tuple[Gloss, ...] = ()
    sections: tuple[Section, ...] = ()
    notes: tuple[Note, ...] = ()
    unverified: tuple[SourceException, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _assign_ids(cls, data: Any, info: ValidationInfo) -> Any:
        return assign_derivative_ids(data, tuples=loaded(info.context))

    def gloss(self, key: str) -> Gloss | None:
        """The gloss of the value with this key, if the derivative has one."""
        return next((g for g in self.glosses if g.value == key), None)

    def nodes(self) -> Iterator[Node]:
        """Every citable node in document order."""
        return derivative_nodes(self)

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every quoted text as ``(id, text)``."""
        return ((n.id, n.text) for n in derivative_nodes(self) if n.text is not None)

    def locate(self, id_: str) -> Location | None:
        """Where the node with this id is written in the content files (if loaded from files)."""
        return _locate(self, derivative_nodes(self), id_)


def _locate(doc: Edition | Derivative, nodes: Iterator[Node], id_: str) -> Location | None:
    origin = doc._origin
    if origin is None:
        return None
    for node in nodes:
        if node.id == id_:
            return origin.locate(node.path, id_)
    return None

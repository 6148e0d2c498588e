"""The documents: an edition and a derivative, the walk of their citable nodes, and where each
node is written.

Ids (``id`` fields) are never read from content: :class:`Edition` and :class:`Derivative` assign
them when they are validated, from the keys and item numbers the content holds
(:mod:`.ids`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from guidelines_model.model.errors import NotFoundError
from guidelines_model.model.ids import (
    assign_derivative_ids,
    assign_edition_ids,
    join,
    loaded,
)
from guidelines_model.model.nodes import (
    Markers,
    Node,
    Nodes,
    footnote_nodes,
    item_nodes,
    markers,
    paragraph_nodes,
    section_nodes,
    section_texts,
    term_texts,
    value_nodes,
)
from guidelines_model.model.origin import Location, Origin
from guidelines_model.model.parts import (
    Approval,
    Block,
    CompetencyCategory,
    CoreValue,
    EditionId,
    EditionKind,
    EditionStatus,
    Editorial,
    Footnote,
    Furniture,
    Gloss,
    Item,
    LanguageExample,
    Licence,
    Misconception,
    Note,
    Omission,
    PlacedPart,
    Practice,
    RoleTopic,
    Section,
    SourceException,
    SourceRef,
    Spelling,
    SupervisorGuidelines,
    Term,
    Text,
    Waiver,
    WhoValue,
    _Model,
)


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


class Edition(_Document):
    """One published edition of the guidelines."""

    id: EditionId = Field(
        description="The edition's id (lowercase words joined by '_'), e.g. 2013 or who_2017.",
    )
    title: Text = Field(description="The edition's title as printed.")
    subtitle: str | None = Field(default=None, description="The subtitle as printed.")
    publisher: Text = Field(description="The publisher.")
    year: Annotated[int, Field(ge=1900, le=2100)] = Field(description="The year of publication.")
    kind: EditionKind = Field(description="peer-guidelines, supervisors or adaptation.")
    based_on: EditionId | None = Field(
        default=None,
        description="The id of the edition this one revises or adapts.",
    )
    status: EditionStatus = Field(
        default="published",
        description=(
            "published (transcribed from a published document, with its sources) or draft (the "
            "next edition being written: no sources yet)."
        ),
    )
    spelling: Spelling = Field(description="The spelling the edition uses: en-US or en-GB.")
    version: str | None = Field(default=None, description="The version the document states.")
    document_number: str | None = Field(
        default=None,
        description="The publisher's document number.",
    )
    url: str | None = Field(default=None, description="Where the edition is published.")
    licence: Licence = Field(description="The licence under which the edition is published.")
    citation: Text = Field(description="How to cite the edition.")
    approval: tuple[Approval, ...] = Field(default=(), description="Approval figures as published.")
    sources: tuple[SourceRef, ...] = Field(
        default=(),
        validate_default=True,
        description=(
            "The source files the content is transcribed from (under sources/); at least one, "
            "except in a draft."
        ),
    )
    front_matter: tuple[Section, ...] = Field(
        default=(),
        description="The sections before the values, in printed order.",
    )
    # Unplaced parts follow the front matter.
    placement: dict[PlacedPart, Annotated[str, Field(pattern=r"^[a-z0-9-]+(?:/[0-9]+)?$")]] = Field(
        default_factory=dict,
        description=(
            "Where parts are printed among the front-matter sections: part -> 'section-key' (after "
            "the section) or 'section-key/k' (after its block k)."
        ),
    )
    values: tuple[CoreValue, ...] = Field(description="The twelve core values, in printed order.")
    glossary_heading: str | None = Field(
        default=None,
        description="The glossary's heading as printed.",
    )
    glossary_intro: tuple[Text, ...] = Field(
        default=(),
        description="Paragraphs introducing the glossary.",
    )
    glossary: tuple[Term, ...] = Field(
        default=(),
        description="The glossary terms, in printed order.",
    )
    back_matter: tuple[Section, ...] = Field(
        default=(),
        description="The sections after the values and glossary, in printed order.",
    )
    who_values: tuple[WhoValue, ...] = Field(
        default=(),
        description="WHO 2017: the four individualized peer support values.",
    )
    key_objectives: tuple[Item, ...] = Field(
        default=(),
        description="WHO 2017: the key objectives.",
    )
    competencies: tuple[CompetencyCategory, ...] = Field(
        default=(),
        description="WHO 2017: the twelve competency categories.",
    )
    misconceptions: tuple[Misconception, ...] = Field(
        default=(),
        description="WHO 2017: the misconceptions table.",
    )
    language_examples: tuple[LanguageExample, ...] = Field(
        default=(),
        description="WHO 2017: closed and open language examples.",
    )
    interview_questions: tuple[Item, ...] = Field(
        default=(),
        description="WHO 2017: the sample interview questions.",
    )
    role_table: tuple[RoleTopic, ...] = Field(
        default=(),
        description="WHO 2017: the role table (section 12), topic by topic.",
    )
    job_description: tuple[Section, ...] = Field(
        default=(),
        description="WHO 2017: the sections of the sample job description.",
    )
    notes: tuple[Note, ...] = Field(
        default=(),
        description="Facts about the published text, such as errors kept as printed.",
    )
    unverified: tuple[SourceException, ...] = Field(
        default=(),
        description="Texts allowed not to be found verbatim in the sources, each with the reason.",
    )
    editorial: tuple[Editorial, ...] = Field(
        default=(),
        description=(
            "Metadata fields no source prints as written (a composed citation, a year known "
            "from elsewhere), each with its reason; every other metadata field is verified."
        ),
    )
    furniture: tuple[Furniture, ...] = Field(
        default=(),
        description="For recall: the printed furniture of each source (recall.yaml).",
    )
    omissions: tuple[Omission, ...] = Field(
        default=(),
        description="For recall: the passages of each source left out, with the reason.",
    )
    waivers: tuple[Waiver, ...] = Field(
        default=(),
        description="Consistency findings acknowledged as true of the published text.",
    )

    @model_validator(mode="before")
    @classmethod
    def _assign_ids(cls, data: Any, info: ValidationInfo) -> Any:
        return assign_edition_ids(data, tuples=loaded(info.context))

    @field_validator("sources")
    @classmethod
    def _published_has_sources(
        cls, sources: tuple[SourceRef, ...], info: ValidationInfo
    ) -> tuple[SourceRef, ...]:
        # A published edition is verified against its sources; a draft has no published text yet.
        if not sources and info.data.get("status", "published") != "draft":
            raise ValueError(
                "a published edition lists at least one source file (only a draft, "
                "status: draft, may have none)"
            )
        return sources

    @model_validator(mode="after")
    def _declarations_name_what_exists(self) -> Edition:
        _check_declarations(self)
        return self

    @property
    def is_draft(self) -> bool:
        """Whether this is a draft of a future edition (``status: draft``), not a published one."""
        return self.status == "draft"

    def value(self, key: str) -> CoreValue:
        """The value with this key (or number, as text: ``"7"``); :class:`NotFoundError`
        (a ``KeyError``) naming the known keys and the closest one if there is none."""
        for v in self.values:
            if key in (v.key, str(v.number)):
                return v
        raise NotFoundError("value", key, [v.key for v in self.values])

    def nodes(self) -> Iterator[Node]:
        """Every citable node (values, items, terms, sections, texts) in document order."""
        return edition_nodes(self)

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every quoted text of the edition as ``(id, text)``, in document order."""
        return ((n.id, n.text) for n in edition_nodes(self) if n.text is not None)

    def markers(self) -> tuple[Markers, ...]:
        """Where the footnote markers are printed, for every section and glossary entry with
        footnotes, in document order (see :func:`~guidelines_model.model.nodes.markers`)."""

        def of(sections: tuple[Section, ...]) -> Iterator[Markers]:
            return (markers(section_texts(s), s.footnotes) for s in sections if s.footnotes)

        terms = (markers(term_texts(t), t.footnotes) for t in self.glossary if t.footnotes)
        return (*of(self.front_matter), *of(self.job_description), *terms, *of(self.back_matter))

    def locate(self, id_: str) -> Location | None:
        """Where the node with this id is written in the content files (if loaded from files)."""
        return _locate(self, edition_nodes(self), id_)


class Derivative(_Document):
    """A text derived from an edition (a training summary...): linked to values, not an edition."""

    id: EditionId = Field(description="The derivative's id.")
    title: Text = Field(description="The derivative's title as printed.")
    publisher: str | None = Field(default=None, description="The publisher.")
    kind: Literal["derivative"] = Field(default="derivative", description="Always derivative.")
    derived_from: EditionId = Field(description="The id of the edition the text is derived from.")
    url: str | None = Field(default=None, description="Where the text is published.")
    sources: tuple[SourceRef, ...] = Field(
        min_length=1,
        description="The source files the content is transcribed from.",
    )
    glosses: tuple[Gloss, ...] = Field(
        default=(),
        description="One-sentence glosses of the values.",
    )
    sections: tuple[Section, ...] = Field(
        default=(),
        description="The derivative's other sections.",
    )
    notes: tuple[Note, ...] = Field(default=(), description="Facts about the published text.")
    unverified: tuple[SourceException, ...] = Field(
        default=(),
        description="Texts allowed not to be found verbatim in the sources, each with the reason.",
    )
    editorial: tuple[Editorial, ...] = Field(
        default=(),
        description="Metadata fields no source prints as written, each with its reason.",
    )
    furniture: tuple[Furniture, ...] = Field(
        default=(),
        description="For recall: the printed furniture of each source.",
    )
    omissions: tuple[Omission, ...] = Field(
        default=(),
        description="For recall: the passages of each source left out, with the reason.",
    )

    @model_validator(mode="before")
    @classmethod
    def _assign_ids(cls, data: Any, info: ValidationInfo) -> Any:
        return assign_derivative_ids(data, tuples=loaded(info.context))

    @model_validator(mode="after")
    def _declarations_name_what_exists(self) -> Derivative:
        _check_declarations(self)
        return self

    def gloss(self, key: str) -> Gloss | None:
        """The gloss of the value with this key, if the derivative has one."""
        return next((g for g in self.glosses if g.value == key), None)

    def nodes(self) -> Iterator[Node]:
        """Every citable node in document order."""
        return derivative_nodes(self)

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every quoted text as ``(id, text)``."""
        return ((n.id, n.text) for n in derivative_nodes(self) if n.text is not None)

    def markers(self) -> tuple[Markers, ...]:
        """Where the footnote markers are printed, for every section with footnotes."""
        return tuple(markers(section_texts(s), s.footnotes) for s in self.sections if s.footnotes)

    def locate(self, id_: str) -> Location | None:
        """Where the node with this id is written in the content files (if loaded from files)."""
        return _locate(self, derivative_nodes(self), id_)


#: What :meth:`guidelines_model.Library.get` can return: a document, any citable part of one,
#: or, for the id of a text (``2013/voluntary/title``), the text itself.
Citable = (
    Edition
    | Derivative
    | CoreValue
    | Practice
    | SupervisorGuidelines
    | Item
    | Term
    | Section
    | Block
    | Footnote
    | WhoValue
    | CompetencyCategory
    | Misconception
    | LanguageExample
    | Gloss
    | RoleTopic
    | str
)


def metadata_texts(doc: Edition | Derivative) -> dict[str, str]:
    """The metadata fields that hold printed wording, by field name (``licence.name``,
    ``approval/2``...), for the fields the document has. Titles are citable nodes instead."""
    out: dict[str, str] = {}
    for name in ("publisher", "version", "document_number", "url"):
        value = getattr(doc, name, None)
        if value:
            out[name] = value
    if isinstance(doc, Edition):
        out["year"] = str(doc.year)
        out["licence.name"] = doc.licence.name
        if doc.licence.url:
            out["licence.url"] = doc.licence.url
        if doc.licence.attribution:
            out["licence.attribution"] = doc.licence.attribution
        out["citation"] = doc.citation
        for k, a in enumerate(doc.approval, start=1):
            out[f"approval/{k}"] = a.text
    return out


def _check_declarations(doc: Edition | Derivative) -> None:
    files = {s.file for s in doc.sources}
    for source in [f.source for f in doc.furniture] + [o.source for o in doc.omissions]:
        if source not in files:
            raise ValueError(f"recall: {source!r} is not one of this document's sources")
    fields = [e.field for e in doc.editorial]
    present = metadata_texts(doc)
    for name in fields:
        if name not in present:
            raise ValueError(f"editorial: {name!r} names a metadata field this document lacks")
        if fields.count(name) > 1:
            raise ValueError(f"editorial: {name!r} is listed twice")


def model_classes() -> list[type[_Model]]:
    """Every model class: the documents and all their parts (and their bases)."""
    out: list[type[_Model]] = []
    todo: list[type[_Model]] = [_Model]
    while todo:
        cls = todo.pop()
        out.append(cls)
        todo.extend(cls.__subclasses__())
    return out


def _locate(doc: Edition | Derivative, nodes: Iterator[Node], id_: str) -> Location | None:
    origin = doc._origin
    if origin is None:
        return None
    for node in nodes:
        if node.id == id_:
            return origin.locate(node.path, id_)
    return None


# --- the walk of a document's citable nodes ----------------------------------------------------


def edition_nodes(e: Edition) -> Nodes:
    """Every citable node of an edition, in document order."""
    yield Node(e.id, (), "edition")
    yield Node(join(e.id, "title"), ("title",), "edition-title", e.title)
    if e.subtitle:
        yield Node(join(e.id, "subtitle"), ("subtitle",), "edition-subtitle", e.subtitle)
    yield from section_nodes(e.front_matter, ("front_matter",))
    for i, w in enumerate(e.who_values):
        yield Node(w.id, ("who_values", i), "who-value")
        yield Node(join(w.id, "name"), ("who_values", i, "name"), "who-value-name", w.name)
        yield Node(join(w.id, "text"), ("who_values", i, "text"), "who-value-text", w.text)
    yield from item_nodes(e.key_objectives, ("key_objectives",), "key-objective")
    for i, m in enumerate(e.misconceptions):
        here = ("misconceptions", i)
        yield Node(m.id, here, "misconception-row")
        yield Node(
            join(m.id, "misconception"), (*here, "misconception"), "misconception", m.misconception
        )
        yield from paragraph_nodes(m.id, "explanation", m.explanation, here, "explanation")
    for i, v in enumerate(e.values):
        yield from value_nodes(v, ("values", i))
    for i, ex in enumerate(e.language_examples):
        here = ("language_examples", i)
        yield Node(ex.id, here, "language-example")
        yield Node(join(ex.id, "closed"), (*here, "closed"), "closed-language", ex.closed)
        yield Node(join(ex.id, "open"), (*here, "open"), "open-language", ex.open)
    for i, c in enumerate(e.competencies):
        here = ("competencies", i)
        yield Node(c.id, here, "competency")
        yield Node(join(c.id, "title"), (*here, "title"), "competency-title", c.title)
        yield from paragraph_nodes(c.id, "summary", c.summary, here, "competency-summary")
        yield from item_nodes(c.items, (*here, "items"), "competency-item")
    yield from item_nodes(e.interview_questions, ("interview_questions",), "interview-question")
    for i, r in enumerate(e.role_table):
        here = ("role_table", i)
        yield Node(r.id, here, "role-topic")
        yield Node(join(r.id, "topic"), (*here, "topic"), "role-topic-name", r.topic)
        yield Node(join(r.id, "consistent"), (*here, "consistent"), "role-consistent", r.consistent)
        yield Node(
            join(r.id, "not-consistent"),
            (*here, "not_consistent"),
            "role-not-consistent",
            r.not_consistent,
        )
    yield from section_nodes(e.job_description, ("job_description",))
    g = join(e.id, "glossary")
    if e.glossary_heading:
        yield Node(join(g, "heading"), ("glossary_heading",), "heading", e.glossary_heading)
    for k, para in enumerate(e.glossary_intro, start=1):
        yield Node(join(g, "intro", k), ("glossary_intro", k - 1), "paragraph", para)
    for i, t in enumerate(e.glossary):
        here = ("glossary", i)
        yield Node(t.id, here, "glossary-entry")
        yield Node(join(t.id, "term"), (*here, "term"), "term", t.term)
        yield from paragraph_nodes(t.id, "definition", t.definition, here, "definition")
        yield from footnote_nodes(t.footnotes, here)
    yield from section_nodes(e.back_matter, ("back_matter",))


def derivative_nodes(d: Derivative) -> Nodes:
    """Every citable node of a derivative, in document order."""
    yield Node(d.id, (), "derivative")
    yield Node(join(d.id, "title"), ("title",), "edition-title", d.title)
    for i, gl in enumerate(d.glosses):
        yield Node(join(gl.id, "title"), ("glosses", i, "title"), "value-title", gl.title)
        yield Node(gl.id, ("glosses", i, "text"), "gloss", gl.text)
    yield from section_nodes(d.sections, ("sections",))

"""Citable nodes: every node with its id, model path and (for texts) its wording.

With the walks of whole documents (:func:`~guidelines_model.model.documents.edition_nodes`),
this is the one place that knows which fields hold published wording; source verification,
checks, diffs, locations and search all read an edition through it. Here are the walks of the
parts a document is made of.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import NamedTuple

from guidelines_model.model.ids import join
from guidelines_model.model.parts import CoreValue, Footnote, Item, Section, Term

Path = tuple[str | int, ...]


class NodeKind(StrEnum):
    """What a citable node is: :attr:`Node.kind`, and :attr:`Change.node
    <guidelines_model.diff.Change.node>` in a diff. Each member equals its string
    (``NodeKind.PRACTICE_ITEM == "practice-item"``), so either can be compared."""

    #: Documents and their titles.
    EDITION = "edition"
    DERIVATIVE = "derivative"
    EDITION_TITLE = "edition-title"
    EDITION_SUBTITLE = "edition-subtitle"
    #: A front- or back-matter section (or a part of the job description), and its heading.
    SECTION = "section"
    HEADING = "heading"
    #: The blocks of running text in a section, by how they are printed.
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    BULLET = "bullet"
    NUMBERED = "numbered"
    ATTRIBUTION = "attribution"
    SUBHEADING = "subheading"
    FOOTNOTE = "footnote"
    #: A core value: the value, its heading, its title in the opening list, its description.
    VALUE = "value"
    VALUE_TITLE = "value-title"
    LISTED_TITLE = "listed-title"
    DESCRIPTION = "description"
    #: The practice of a value: the column, its name, its items.
    PRACTICE = "practice"
    PRACTICE_NAME = "practice-name"
    PRACTICE_ITEM = "practice-item"
    #: The 2019 supervisor column: the column, its lead-in, its items.
    SUPERVISOR = "supervisor"
    SUPERVISOR_LEAD_IN = "supervisor-lead-in"
    SUPERVISOR_ITEM = "supervisor-item"
    #: A glossary entry, its term, its definition paragraphs.
    GLOSSARY_ENTRY = "glossary-entry"
    TERM = "term"
    DEFINITION = "definition"
    #: A derivative's one-sentence gloss of a value.
    GLOSS = "gloss"
    #: WHO 2017 parts: the four WHO values, key objectives, misconceptions, language examples,
    #: competencies, interview questions, the role table.
    WHO_VALUE = "who-value"
    WHO_VALUE_NAME = "who-value-name"
    WHO_VALUE_TEXT = "who-value-text"
    KEY_OBJECTIVE = "key-objective"
    MISCONCEPTION_ROW = "misconception-row"
    MISCONCEPTION = "misconception"
    EXPLANATION = "explanation"
    LANGUAGE_EXAMPLE = "language-example"
    CLOSED_LANGUAGE = "closed-language"
    OPEN_LANGUAGE = "open-language"
    COMPETENCY = "competency"
    COMPETENCY_TITLE = "competency-title"
    COMPETENCY_SUMMARY = "competency-summary"
    COMPETENCY_ITEM = "competency-item"
    INTERVIEW_QUESTION = "interview-question"
    ROLE_TOPIC = "role-topic"
    ROLE_TOPIC_NAME = "role-topic-name"
    ROLE_CONSISTENT = "role-consistent"
    ROLE_NOT_CONSISTENT = "role-not-consistent"
    #: What a diff reports beside the nodes: a metadata field, a provenance field (sources,
    #: sha256, placement of parts; shown only on request), the opening list as a whole.
    METADATA = "metadata"
    PROVENANCE = "provenance"
    OPENING_LIST = "opening-list"


class Node(NamedTuple):
    """A citable node: ``text`` is ``None`` for containers (a value, a practice, a section)."""

    id: str
    path: Path
    kind: str
    text: str | None = None


Nodes = Iterator[Node]


def footnote_nodes(notes: tuple[Footnote, ...], path: Path) -> Nodes:
    """Footnotes under ``path``."""
    for i, f in enumerate(notes):
        yield Node(f.id, (*path, "footnotes", i, "text"), "footnote", f.text)


class MarkerPlace(NamedTuple):
    """Where a footnote's marker is printed: right after the first ``end`` characters of the
    text ``text_id`` (a heading, block, term or definition paragraph)."""

    footnote: Footnote
    text_id: str
    end: int


class Markers(NamedTuple):
    """The markers of one section's or glossary entry's footnotes: ``places`` in document
    order, and ``unplaced``: each footnote with ``follows`` set whose words occur in the texts
    other than once, with how many times they do (0, or 2 and more)."""

    places: tuple[MarkerPlace, ...]
    unplaced: tuple[tuple[Footnote, int], ...]


def section_texts(s: Section) -> tuple[tuple[str, str], ...]:
    """The heading and blocks of a section as (id, text), in printed order."""
    heading = ((join(s.id, "heading"), s.heading),) if s.heading else ()
    return (*heading, *((b.id, b.text) for b in s.blocks))


def term_texts(t: Term) -> tuple[tuple[str, str], ...]:
    """The term and definition paragraphs of a glossary entry as (id, text), in printed order."""
    paras = ((join(t.id, "definition", k), d) for k, d in enumerate(t.definition, start=1))
    return ((join(t.id, "term"), t.term), *paras)


def markers(texts: tuple[tuple[str, str], ...], notes: tuple[Footnote, ...]) -> Markers:
    """Place each footnote's marker after the words its ``follows`` quotes, found exactly once
    in ``texts`` (:func:`section_texts` or :func:`term_texts`).

    >>> from guidelines_model.model.parts import Footnote
    >>> note = Footnote(id="x/footnotes/1", marker="1", text="A note.", follows="the U.S.")
    >>> markers((("x/1", "Ratified across the U.S. as values."),), (note,)).places[0].end
    24
    """
    places: list[MarkerPlace] = []
    unplaced: list[tuple[Footnote, int]] = []
    for f in notes:
        if f.follows is None:
            continue
        found = [(id_, i + len(f.follows)) for id_, text in texts for i in _starts(text, f.follows)]
        if len(found) == 1:
            places.append(MarkerPlace(f, *found[0]))
        else:
            unplaced.append((f, len(found)))
    order = {id_: k for k, (id_, _) in enumerate(texts)}
    places.sort(key=lambda p: (order[p.text_id], p.end))
    return Markers(tuple(places), tuple(unplaced))


def _starts(text: str, words: str) -> Iterator[int]:
    i = text.find(words)
    while i >= 0:
        yield i
        i = text.find(words, i + 1)


def item_nodes(items: tuple[Item, ...], path: Path, kind: str) -> Nodes:
    """Numbered or bulleted items at ``path``, as nodes of ``kind``."""
    for i, it in enumerate(items):
        yield Node(it.id, (*path, i, "text"), kind, it.text)


def paragraph_nodes(parent: str, name: str, paras: tuple[str, ...], path: Path, kind: str) -> Nodes:
    """Paragraphs ``name/1``, ``name/2``... of ``parent``."""
    for k, para in enumerate(paras, start=1):
        yield Node(join(parent, name, k), (*path, name, k - 1), kind, para)


def section_nodes(sections: tuple[Section, ...], path: Path) -> Nodes:
    """Sections, their headings, blocks and footnotes."""
    for i, s in enumerate(sections):
        here = (*path, i)
        yield Node(s.id, here, "section")
        if s.heading:
            yield Node(join(s.id, "heading"), (*here, "heading"), "heading", s.heading)
        for j, b in enumerate(s.blocks):
            yield Node(b.id, (*here, "blocks", j, "text"), b.kind, b.text)
        yield from footnote_nodes(s.footnotes, here)


def value_nodes(v: CoreValue, path: Path) -> Nodes:
    """A core value: its title, description, practice and supervisor column."""
    yield Node(v.id, path, "value")
    yield Node(join(v.id, "title"), (*path, "title"), "value-title", v.title)
    if v.listed_title is not None:
        yield Node(
            join(v.id, "listed-title"), (*path, "listed_title"), "listed-title", v.listed_title
        )
    yield from paragraph_nodes(v.id, "description", v.description, path, "description")
    p = (*path, "practice")
    yield Node(v.practice.id, p, "practice")
    yield Node(join(v.practice.id, "name"), (*p, "name"), "practice-name", v.practice.name)
    yield from item_nodes(v.practice.items, (*p, "items"), "practice-item")
    if v.supervisor is not None:
        s = (*path, "supervisor")
        yield Node(v.supervisor.id, s, "supervisor")
        yield Node(
            join(v.supervisor.id, "lead-in"),
            (*s, "lead_in"),
            "supervisor-lead-in",
            v.supervisor.lead_in,
        )
        yield from item_nodes(v.supervisor.items, (*s, "items"), "supervisor-item")

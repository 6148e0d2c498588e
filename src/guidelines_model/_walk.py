"""Walk an edition: every citable node with its id, model path and (for texts) its wording.

This is the one place that knows which fields hold published wording; source verification,
checks, diffs, locations and search all read the edition through it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from guidelines_model.ids import join

if TYPE_CHECKING:
    from guidelines_model.models import (
        CoreValue,
        Derivative,
        Edition,
        Footnote,
        Item,
        Section,
    )

Path = tuple[str | int, ...]


class Node(NamedTuple):
    """A citable node: ``text`` is ``None`` for containers (a value, a practice, a section)."""

    id: str
    path: Path
    kind: str
    text: str | None = None


Nodes = Iterator[Node]


def _footnotes(notes: tuple[Footnote, ...], path: Path) -> Nodes:
    for i, f in enumerate(notes):
        yield Node(f.id, (*path, "footnotes", i, "text"), "footnote", f.text)


def _items(items: tuple[Item, ...], path: Path, kind: str) -> Nodes:
    for i, it in enumerate(items):
        yield Node(it.id, (*path, i, "text"), kind, it.text)


def _paragraphs(parent: str, name: str, paras: tuple[str, ...], path: Path, kind: str) -> Nodes:
    for k, para in enumerate(paras, start=1):
        yield Node(join(parent, name, k), (*path, name, k - 1), kind, para)


def _sections(sections: tuple[Section, ...], path: Path) -> Nodes:
    for i, s in enumerate(sections):
        here = (*path, i)
        yield Node(s.id, here, "section")
        if s.heading:
            yield Node(join(s.id, "heading"), (*here, "heading"), "heading", s.heading)
        for j, b in enumerate(s.blocks):
            yield Node(b.id, (*here, "blocks", j, "text"), b.kind, b.text)
        yield from _footnotes(s.footnotes, here)


def value_nodes(v: CoreValue, path: Path) -> Nodes:
    yield Node(v.id, path, "value")
    yield Node(join(v.id, "title"), (*path, "title"), "value-title", v.title)
    if v.listed_title is not None:
        yield Node(
            join(v.id, "listed-title"), (*path, "listed_title"), "listed-title", v.listed_title
        )
    yield from _paragraphs(v.id, "description", v.description, path, "description")
    p = (*path, "practice")
    yield Node(v.practice.id, p, "practice")
    yield Node(join(v.practice.id, "name"), (*p, "name"), "practice-name", v.practice.name)
    yield from _items(v.practice.items, (*p, "items"), "practice-item")
    if v.supervisor is not None:
        s = (*path, "supervisor")
        yield Node(v.supervisor.id, s, "supervisor")
        yield Node(
            join(v.supervisor.id, "lead-in"),
            (*s, "lead_in"),
            "supervisor-lead-in",
            v.supervisor.lead_in,
        )
        yield from _items(v.supervisor.items, (*s, "items"), "supervisor-item")


def edition_nodes(e: Edition) -> Nodes:
    yield Node(e.id, (), "edition")
    yield Node(join(e.id, "title"), ("title",), "edition-title", e.title)
    if e.subtitle:
        yield Node(join(e.id, "subtitle"), ("subtitle",), "edition-subtitle", e.subtitle)
    yield from _sections(e.front_matter, ("front_matter",))
    for i, w in enumerate(e.who_values):
        yield Node(w.id, ("who_values", i), "who-value")
        yield Node(join(w.id, "name"), ("who_values", i, "name"), "who-value-name", w.name)
        yield Node(join(w.id, "text"), ("who_values", i, "text"), "who-value-text", w.text)
    yield from _items(e.key_objectives, ("key_objectives",), "key-objective")
    for i, m in enumerate(e.misconceptions):
        here = ("misconceptions", i)
        yield Node(m.id, here, "misconception-row")
        yield Node(
            join(m.id, "misconception"), (*here, "misconception"), "misconception", m.misconception
        )
        yield from _paragraphs(m.id, "explanation", m.explanation, here, "explanation")
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
        yield from _paragraphs(c.id, "summary", c.summary, here, "competency-summary")
        yield from _items(c.items, (*here, "items"), "competency-item")
    yield from _items(e.interview_questions, ("interview_questions",), "interview-question")
    yield from _sections(e.job_description, ("job_description",))
    g = join(e.id, "glossary")
    if e.glossary_heading:
        yield Node(join(g, "heading"), ("glossary_heading",), "heading", e.glossary_heading)
    for k, para in enumerate(e.glossary_intro, start=1):
        yield Node(join(g, "intro", k), ("glossary_intro", k - 1), "paragraph", para)
    for i, t in enumerate(e.glossary):
        here = ("glossary", i)
        yield Node(t.id, here, "glossary-entry")
        yield Node(join(t.id, "term"), (*here, "term"), "term", t.term)
        yield from _paragraphs(t.id, "definition", t.definition, here, "definition")
        yield from _footnotes(t.footnotes, here)
    yield from _sections(e.back_matter, ("back_matter",))


def derivative_nodes(d: Derivative) -> Nodes:
    yield Node(d.id, (), "derivative")
    yield Node(join(d.id, "title"), ("title",), "edition-title", d.title)
    for i, gl in enumerate(d.glosses):
        yield Node(join(gl.id, "title"), ("glosses", i, "title"), "value-title", gl.title)
        yield Node(gl.id, ("glosses", i, "text"), "gloss", gl.text)
    yield from _sections(d.sections, ("sections",))

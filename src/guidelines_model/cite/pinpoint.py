"""The pinpoint of a node in the document's own words: "Value 7, practice item 2".

Each edition names its parts as it prints them: the 2019 edition has supervisor items beside
the practice items, WHO 2017 its key objectives, competency categories, interview questions,
misconception and role tables; sections are named by their printed heading. Numbers are the
printed numbers (the last segment of the id), so the pinpoint and the id agree.
"""

from __future__ import annotations

from collections.abc import Callable

from guidelines_model.model.documents import Derivative, Edition
from guidelines_model.model.nodes import Node

#: What a part of a document is called when a section of it has no heading.
_PART = {
    "front_matter": "Front matter",
    "back_matter": "Back matter",
    "job_description": "Job description",
    "sections": "Text",
}
#: Block kinds: the word for one (every block is numbered by its place in its section).
_BLOCK = {
    "paragraph": "paragraph",
    "quote": "quotation",
    "attribution": "attribution",
    "bullet": "paragraph",
    "numbered": "paragraph",
    "subheading": "subheading",
}
_VALUE_PARTS = {
    "value-title": "title",
    "listed-title": "title in the list of values",
    "practice": "practice",
    "practice-name": "practice heading",
    "supervisor": "supervisor role",
    "supervisor-lead-in": "supervisor role heading",
}


def _q(text: str) -> str:
    return f"“{' '.join(text.split())}”"


def _paragraph(what: str, node: Node, count: int) -> str:
    """``what`` alone for a single paragraph, ``what paragraph k`` among several."""
    return what if count == 1 else f"{what} paragraph {node.id.rsplit('/', 1)[1]}"


def pinpoint(doc: Edition | Derivative, node: Node) -> str | None:
    """Where ``node`` is in ``doc``, as a reader names it; ``None`` for the document itself.

    >>> from guidelines_model import load_library
    >>> e = load_library().edition("2019_supervisors")
    >>> [pinpoint(e, n) for n in e.nodes() if n.id.startswith("2019_supervisors/hopeful/sup")]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['Value 2, supervisor role', 'Value 2, supervisor role heading',
     'Value 2, supervisor item 1', 'Value 2, supervisor item 2', 'Value 2, supervisor item 3']
    """
    if node.kind in ("edition", "derivative"):
        return None
    if node.kind in ("edition-title", "edition-subtitle"):
        return "Title" if node.kind == "edition-title" else "Subtitle"
    part = str(node.path[0])
    if part in _PART:
        return _in_section(doc, node)
    if isinstance(doc, Derivative):  # a derivative has only sections and glosses
        g = doc.glosses[int(node.path[1])]
        return f"Summary of {_q(g.title)}" + (", title" if node.kind == "value-title" else "")
    if part == "glossary_heading":
        return "Glossary, heading"
    return _PARTS[part](doc, node, _At(node))


class _At:
    """What the handlers read off a node: its kind, index in its part and printed number."""

    def __init__(self, node: Node) -> None:
        self.kind = node.kind
        self.i = int(node.path[1]) if len(node.path) > 1 else 0
        self.last = node.id.rsplit("/", 1)[-1]


def _in_section(doc: Edition | Derivative, node: Node) -> str:
    part, i = str(node.path[0]), int(node.path[1])
    s = getattr(doc, part)[i]
    where = f"Section {_q(s.heading)}" if s.heading else f"{_PART[part]}, section {i + 1}"
    kind = node.kind
    if kind == "section":
        return where
    if kind == "heading":
        return f"{where}, heading"
    if kind == "footnote":
        return f"{where}, footnote {s.footnotes[int(node.path[3])].marker}"
    return f"{where}, {_BLOCK.get(kind, 'paragraph')} {node.id.rsplit('/', 1)[1]}"


def _value(doc: Edition, node: Node, at: _At) -> str:
    v = doc.values[at.i]
    where = f"Value {v.number}"
    if at.kind == "value":
        return where
    if at.kind == "description":
        return f"{where}, {_paragraph('description', node, len(v.description))}"
    if at.kind in ("practice-item", "supervisor-item"):
        return f"{where}, {at.kind.split('-')[0]} item {at.last}"
    return f"{where}, {_VALUE_PARTS[at.kind]}"


def _glossary(doc: Edition, node: Node, at: _At) -> str:
    t = doc.glossary[at.i]
    where = f"Glossary, {_q(t.term)}"
    if at.kind == "definition":
        return f"{where}, {_paragraph('definition', node, len(t.definition))}"
    if at.kind == "footnote":
        return f"{where}, footnote {t.footnotes[int(node.path[3])].marker}"
    return where


def _glossary_intro(doc: Edition, node: Node, at: _At) -> str:
    return f"Glossary, {_paragraph('introduction', node, len(doc.glossary_intro))}"


def _who_value(doc: Edition, node: Node, at: _At) -> str:
    name = _q(doc.who_values[at.i].name)
    return f"Peer support value {name}" + (", name" if at.kind == "who-value-name" else "")


def _misconception(doc: Edition, node: Node, at: _At) -> str:
    m = doc.misconceptions[at.i]
    if at.kind == "explanation":
        return f"Misconception {m.n}, {_paragraph('explanation', node, len(m.explanation))}"
    return f"Misconception {m.n}"


def _language(doc: Edition, node: Node, at: _At) -> str:
    cell = {"closed-language": ", closed", "open-language": ", open"}.get(at.kind, "")
    return f"Language example {doc.language_examples[at.i].n}{cell}"


_COMPETENCY = {
    "competency-title": ", title",
    "competency-summary": ", summary",
    "competency-item": ", item",
}


def _competency(doc: Edition, node: Node, at: _At) -> str:
    c = doc.competencies[at.i]
    where = f"Competency category {c.n}"
    if at.kind == "competency-summary":
        return f"{where}, {_paragraph('summary', node, len(c.summary))}"
    if at.kind == "competency-item":
        return f"{where}, item {at.last}"
    return where + _COMPETENCY.get(at.kind, "")


_ROLE = {
    "role-consistent": ", consistent with peer role",
    "role-not-consistent": ", not consistent with peer role",
}


def _role(doc: Edition, node: Node, at: _At) -> str:
    r = doc.role_table[at.i]
    return f"Role table, topic {r.n} {_q(r.topic)}{_ROLE.get(at.kind, '')}"


_PARTS: dict[str, Callable[[Edition, Node, _At], str]] = {
    "values": _value,
    "glossary": _glossary,
    "glossary_intro": _glossary_intro,
    "who_values": _who_value,
    "key_objectives": lambda doc, node, at: f"Key objective {at.last}",
    "interview_questions": lambda doc, node, at: f"Interview question {at.last}",
    "misconceptions": _misconception,
    "language_examples": _language,
    "competencies": _competency,
    "role_table": _role,
}

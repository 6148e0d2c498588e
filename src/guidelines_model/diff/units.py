"""The units a diff compares: every node of :mod:`guidelines_model.model.nodes`, with its role.

A unit is a container (a value, a section, a glossary term...), a *singleton* text (a title, a
heading, a practice name), a paragraph of a paragraph list (a description, a definition), or an
entry of a sequence (practice items, supervisor items, section blocks, footnotes...). Sequence
entries of one *family* can move between groups (an item to another value, a block to another
section).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Final

from guidelines_model.diff.classify import match_key
from guidelines_model.model.documents import Edition, edition_nodes
from guidelines_model.model.nodes import Node, value_nodes
from guidelines_model.model.parts import CoreValue, Item


class Role(Enum):
    CONTAINER = "container"
    SINGLETON = "singleton"
    PARAGRAPH = "paragraph"
    SEQUENCE = "sequence"


#: Part names (as summary rows and in JSON), in the order a reader wants them: the values
#: first (value rows go where "values" is), then the glossary, the rest of the edition, the
#: parts only WHO prints, and the metadata last.
PARTS: Final = (
    "values",
    "glossary",
    "edition",
    "front matter",
    "back matter",
    "who values",
    "key objectives",
    "misconceptions",
    "language examples",
    "competencies",
    "interview questions",
    "role table",
    "job description",
    "metadata",
)
#: How each part is named in headings, in the guideline's words.
PART_LABELS: Final = {
    "values": "Values",
    "glossary": "Glossary",
    "edition": "Title and subtitle",
    "front matter": "Front matter",
    "back matter": "Back matter",
    "who values": "WHO values",
    "key objectives": "Key objectives",
    "misconceptions": "Misconceptions",
    "language examples": "Language examples",
    "competencies": "Competencies",
    "interview questions": "Interview questions",
    "role table": "Role table",
    "job description": "Job description",
    "metadata": "Metadata",
}

_PART_OF: Final = {
    "title": "edition",
    "subtitle": "edition",
    "front_matter": "front matter",
    "who_values": "who values",
    "key_objectives": "key objectives",
    "misconceptions": "misconceptions",
    "values": "values",
    "language_examples": "language examples",
    "competencies": "competencies",
    "interview_questions": "interview questions",
    "role_table": "role table",
    "job_description": "job description",
    "glossary_heading": "glossary",
    "glossary_intro": "glossary",
    "glossary": "glossary",
    "back_matter": "back matter",
}
_SECTION_PART: Final = {
    "front_matter": "Front matter",
    "back_matter": "Back matter",
    "job_description": "Job description",
}
_CONTAINERS: Final = frozenset(
    {
        "section",
        "value",
        "practice",
        "supervisor",
        "glossary-entry",
        "who-value",
        "misconception-row",
        "language-example",
        "competency",
        "role-topic",
    }
)
_PARAGRAPHS: Final = {
    "description": "description",
    "definition": "definition",
    "explanation": "explanation",
    "competency-summary": "summary",
}
_SEQUENCES: Final = {
    "practice-item": "practice item",
    "supervisor-item": "supervisor item",
    "key-objective": "objective",
    "interview-question": "question",
    "competency-item": "item",
    "footnote": "footnote",
}
_SINGLETONS: Final = {
    "edition-title": "title",
    "edition-subtitle": "subtitle",
    "heading": "heading",
    "value-title": "title",
    "listed-title": "listed title",
    "practice-name": "practice name",
    "supervisor-lead-in": "supervisor lead-in",
    "who-value-name": "name",
    "who-value-text": "text",
    "misconception": "misconception",
    "closed-language": "closed language",
    "open-language": "open language",
    "competency-title": "title",
    "role-topic-name": "topic",
    "role-consistent": "consistent with peer role",
    "role-not-consistent": "not consistent with peer role",
    "term": "term",
}
_CONTAINER_LOCAL: Final = {"practice": "practice", "supervisor": "supervisor guidelines"}
_GLOSSARY_TEXTS: Final = frozenset({"glossary/heading"})
#: Node kinds that name their container in labels.
TITLES: Final = frozenset(
    {"value-title", "heading", "term", "who-value-name", "competency-title", "role-topic-name"}
)


@dataclass(slots=True, eq=False)
class Unit:
    """One node on one side, as the aligner sees it."""

    id: str
    #: The id without the edition, e.g. ``voluntary/practice/3`` (what pairs across editions).
    local: str
    kind: str
    role: Role
    part: str
    value: str | None
    #: Sequence group or paragraph list (``voluntary/practice``); the local id otherwise.
    group: str
    #: Sequence family: entries of one family may move between groups.
    family: str
    #: Printed number or marker (last id segment).
    number: str
    #: Local id of the container whose name labels this unit (a value, section, term...).
    container: str
    text: str | None
    index: int
    #: What the unit is within its container, e.g. ``practice item 3``.
    local_label: str
    #: Position in its group.
    pos: int = 0
    _key: str | None = None

    @property
    def key(self) -> str:
        """The match key of the text (computed once, only when needed)."""
        if self._key is None:
            self._key = match_key(self.text or "")
        return self._key


def _classify(node: Node, local: str, parent: str, last: str) -> tuple[Role, str, str, str]:
    """Role, group, family and local label of a node."""
    kind = node.kind
    if kind in _CONTAINERS:
        return Role.CONTAINER, local, "", _CONTAINER_LOCAL.get(kind, "")
    paragraphs = _PARAGRAPHS.get(kind) or (
        "introduction" if node.path[0] == "glossary_intro" else ""
    )
    if paragraphs:
        return Role.PARAGRAPH, parent, "", f"{paragraphs} paragraph {last}"
    if kind == "footnote":
        return Role.SEQUENCE, local.rsplit("/", 2)[0], "footnote", f"footnote {last}"
    if kind in _SEQUENCES or (len(node.path) >= 3 and node.path[-3] == "blocks"):
        family = kind if kind in _SEQUENCES else "block"
        return Role.SEQUENCE, parent, family, f"{_SEQUENCES.get(kind, 'block')} {last}"
    return Role.SINGLETON, local, "", _SINGLETONS.get(kind, kind)


def _container(local: str, kind: str) -> str:
    if kind in {"edition-title", "edition-subtitle"}:
        return ""
    parts = local.split("/")
    if parts[0] in ("objectives", "interview-questions") or local in _GLOSSARY_TEXTS:
        return parts[0]
    if parts[0] == "glossary" and parts[1] == "intro":
        return "glossary"
    return "/".join(parts[:2])


def _units(nodes: Iterable[Node], edition_id: str, value: str | None) -> Iterator[Unit]:
    """Units of these nodes; ``index`` counts from the start of each part (or of the value)."""
    cut = len(edition_id) + 1
    first: dict[str, int] = {}
    for index, node in enumerate(nodes):
        if node.kind == "edition":
            continue
        local = node.id[cut:]
        parent, _, last = local.rpartition("/")
        role, group, family, label = _classify(node, local, parent, last)
        part = "values" if value is not None else _PART_OF.get(str(node.path[0]), "edition")
        start = first.setdefault(part, index)
        container = value if value is not None else _container(local, node.kind)
        yield Unit(
            node.id,
            local,
            node.kind,
            role,
            part,
            value,
            group,
            family,
            last,
            container,
            node.text,
            index - start,
            label,
        )


def extract(
    edition: Edition, values: Iterable[CoreValue], skip: Mapping[str, frozenset[str]] | None = None
) -> list[Unit]:
    """Units of everything outside the values, and of the given values only.

    ``skip`` maps a value key to node kinds left out (parts known to be the same on both sides).
    """
    rest = edition.model_copy(update={"values": ()})
    out = list(_units(edition_nodes(rest), edition.id, None))
    positions = {v.key: i for i, v in enumerate(edition.values)}
    for v in values:
        nodes: Iterable[Node] = value_nodes(v, ("values", positions[v.key]))
        kinds = skip.get(v.key) if skip else None
        if kinds:
            nodes = (n for n in nodes if n.kind not in kinds)
        out += _units(nodes, edition.id, v.key)
    groups: dict[str, int] = {}
    for u in out:
        if u.role in (Role.SEQUENCE, Role.PARAGRAPH):
            u.pos = groups.get(u.group, 0)
            groups[u.group] = u.pos + 1
    for u in out:  # a lone paragraph is "description", not "description paragraph 1"
        if u.role is Role.PARAGRAPH and groups[u.group] == 1:
            u.local_label = u.local_label.split(" paragraph ")[0]
    return out


def contexts(
    edition: Edition, values: Iterable[CoreValue], units: Iterable[Unit]
) -> dict[str, str]:
    """Container local id -> how a person names it, e.g. ``Value 7 "Peer supporters are..."``."""
    out: dict[str, str] = {
        "": "Edition",
        "objectives": "Key objectives",
        "interview-questions": "Interview questions",
        "glossary": "Glossary",
    }
    for v in values:
        out[v.key] = f'Value {v.number} "{v.title}"'
    for u in units:
        if u.role is not Role.CONTAINER:
            if u.kind in TITLES and u.value is None:
                out[u.container] = _named(u.container, u.text or "", edition)
            continue
        out.setdefault(u.container, _named(u.container, "", edition))
    return out


#: How containers outside the values are named: {title} is their heading, term or name
#: (their key when they have none), {n} their number.
_NAMES: Final = {
    "front": 'Front matter section "{title}"',
    "back": 'Back matter section "{title}"',
    "job-description": 'Job description section "{title}"',
    "glossary": 'Glossary term "{title}"',
    "who-values": 'WHO value "{title}"',
    "competencies": 'Competency {n} "{title}"',
    "misconceptions": "Misconception {n}",
    "language": "Language example {n}",
    "role-table": 'Role table topic {n} "{title}"',
}


def _named(container: str, title: str, edition: Edition) -> str:
    head, _, rest = container.partition("/")
    if head not in _NAMES or not rest:
        return "Glossary" if head == "glossary" else container or edition.id
    if head == "competencies" and not title:
        return f"Competency {rest}"
    return _NAMES[head].format(title=title or rest, n=rest)


def _same_items(xs: tuple[Item, ...], ys: tuple[Item, ...]) -> bool:
    if len(xs) != len(ys):
        return False
    for x, y in zip(xs, ys, strict=True):  # noqa: SIM110 - a loop is 2x faster than all() here
        if x.text != y.text or x.n != y.n:
            return False
    return True


def same_value(v: CoreValue, w: CoreValue) -> bool:
    """Whether two values have the same number and every text (then nothing of them changed)."""
    p, q = v.practice, w.practice
    if (
        v.title != w.title
        or v.number != w.number
        or p.name != q.name
        or v.description != w.description
        or v.listed_title != w.listed_title
        or p.numbered != q.numbered
        or not _same_items(p.items, q.items)
    ):
        return False
    s, t = v.supervisor, w.supervisor
    if s is None or t is None:
        return s is t
    return s.lead_in == t.lead_in and _same_items(s.items, t.items)


def same_parts(v: CoreValue, w: CoreValue) -> tuple[frozenset[str], int]:
    """Node kinds of two versions of a value that are the same on both sides (they need no
    matching), and how many texts those hold. Items are always matched."""
    same = {
        "value": v.number == w.number,
        "value-title": v.title == w.title,
        "listed-title": v.listed_title == w.listed_title,
        "description": v.description == w.description,
        "practice": v.practice.numbered == w.practice.numbered,
        "practice-name": v.practice.name == w.practice.name,
    }
    s, t = v.supervisor, w.supervisor
    same["supervisor"] = s is not None and t is not None
    same["supervisor-lead-in"] = s is not None and t is not None and s.lead_in == t.lead_in
    texts = {
        "value-title": 1,
        "listed-title": int(v.listed_title is not None),
        "description": len(v.description),
        "practice-name": 1,
        "supervisor-lead-in": 1,
    }
    kinds = frozenset(k for k, equal in same.items() if equal)
    return kinds, sum(n for k, n in texts.items() if k in kinds)


def text_count(v: CoreValue) -> int:
    """How many texts a value has (as :func:`value_nodes` yields them)."""
    sup = v.supervisor
    return (
        2
        + (v.listed_title is not None)
        + len(v.description)
        + len(v.practice.items)
        + (0 if sup is None else 1 + len(sup.items))
    )

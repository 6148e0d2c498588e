"""The change model: what changed between two editions, in the guideline's own terms.

A :class:`Change` pairs a node of the old edition with its counterpart in the new one (either
side may be missing), says how it changed (:class:`ChangeKind`) and, for text, what kind of
difference it is (:class:`TextClass`). A :class:`DiffResult` holds the changes of one pair of
editions; unchanged texts are only counted.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cached_property

from guidelines_model.diff.words import Token, word_diff
from guidelines_model.model.nodes import NodeKind


class ChangeKind(StrEnum):
    """How a node changed from the old edition to the new."""

    UNCHANGED = "unchanged"
    ADDED = "added"
    REMOVED = "removed"
    #: Under another value or section, or out of order among its neighbours.
    MOVED = "moved"
    #: Same place, different wording (see the classification and similarity).
    REWORDED = "reworded"
    #: Same wording, different printed number, position or id.
    RENUMBERED = "renumbered"
    #: One old block of running text become several new ones (compared with them joined).
    SPLIT = "split"
    #: Several old blocks of running text become one new one (compared joined).
    MERGED = "merged"


class Part(StrEnum):
    """The part of a document a change is in (:attr:`Change.part`), in the order diffs list
    them. Each member equals its string (``Part.FRONT_MATTER == "front matter"``)."""

    VALUES = "values"
    GLOSSARY = "glossary"
    #: The edition's title and subtitle.
    EDITION = "edition"
    FRONT_MATTER = "front matter"
    BACK_MATTER = "back matter"
    #: The parts only WHO 2017 prints.
    WHO_VALUES = "who values"
    KEY_OBJECTIVES = "key objectives"
    MISCONCEPTIONS = "misconceptions"
    LANGUAGE_EXAMPLES = "language examples"
    COMPETENCIES = "competencies"
    INTERVIEW_QUESTIONS = "interview questions"
    ROLE_TABLE = "role table"
    JOB_DESCRIPTION = "job description"
    METADATA = "metadata"


class TextClass(StrEnum):
    """What kind of difference separates two texts."""

    WHITESPACE = "whitespace"
    PUNCTUATION = "punctuation"
    CAPITALISATION = "capitalisation"
    #: US against UK spelling only (honor/honour, -ize/-ise...).
    SPELLING = "spelling"
    #: A word split or joined: the same letters, other word boundaries ("longterm" ->
    #: "long-term"). It corrects a word, so it is not noise.
    CORRECTION = "correction"
    SUBSTANTIVE = "substantive"


#: The classes ``--ignore noise`` stands for.
NOISE: frozenset[TextClass] = frozenset(TextClass) - {TextClass.SUBSTANTIVE, TextClass.CORRECTION}

#: The node of a change to where the content comes from (sources, sha256, placement of parts):
#: left out of every output unless ``include`` names it.
PROVENANCE = NodeKind.PROVENANCE
#: What ``include`` may name.
INCLUDABLE: frozenset[str] = frozenset({PROVENANCE})

#: What ``--part`` may name: the values, the glossary, the front of the edition (title, front
#: matter, the opening list and the parts only WHO prints, which it places there), the back
#: matter, or everything (the metadata included).
PART_CHOICES: tuple[str, ...] = ("values", "glossary", "front", "back", "all")


def part_choice(part: str) -> str:
    """The ``--part`` choice a part name belongs to (``metadata`` only to ``all``)."""
    if part in ("values", "glossary"):
        return part
    if part == "back matter":
        return "back"
    return "all" if part == "metadata" else "front"


KINDS: tuple[ChangeKind, ...] = tuple(ChangeKind)
Counts = dict[str, int]


def parse_ignore(spec: str | Iterable[str]) -> frozenset[TextClass]:
    """Classes from ``"spelling,capitalisation"`` or ``["noise"]``; ``ValueError`` if unknown."""
    names = spec.split(",") if isinstance(spec, str) else list(spec)
    out: set[TextClass] = set()
    for raw in names:
        name = raw.strip().lower()
        if not name:
            continue
        if name == "noise":
            out |= NOISE
        elif name in TextClass.__members__.values() and name != TextClass.SUBSTANTIVE:
            out.add(TextClass(name))
        else:
            known = ", ".join([*sorted(c.value for c in NOISE), TextClass.CORRECTION, "noise"])
            raise ValueError(f"cannot ignore {name!r} (known: {known})")
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Place:
    """Where a node is, in the guideline's terms: ``Value 7 "..."`` and ``practice item 4``.

    ``context`` names the container as its own edition prints it; ``counterpart`` as the other
    edition prints the same container (``None`` if it has none); ``container`` is its local id.
    """

    context: str
    local: str
    container: str = ""
    counterpart: str | None = None

    def __str__(self) -> str:
        return f"{self.context}, {self.local}" if self.local else self.context

    def seen_from_other(self) -> Place:
        """This place named as the other edition names its container."""
        if self.counterpart is None:
            return self
        return replace(self, context=self.counterpart, counterpart=self.context)


@dataclass(frozen=True, slots=True)
class Change:
    """One node compared across two editions. ``old``/``new`` are texts (``None`` if absent)."""

    kind: ChangeKind
    #: What the node is (``NodeKind.PRACTICE_ITEM``, equal to ``"practice-item"``).
    node: NodeKind
    #: The part of the document it is in (``Part.VALUES``, equal to ``"values"``).
    part: Part
    value: str | None
    old_id: str | None
    new_id: str | None
    old: str | None
    new: str | None
    classification: frozenset[TextClass]
    similarity: float | None
    old_place: Place | None
    new_place: Place | None
    #: The metadata field (``licence.name``) for metadata changes, which have no ids.
    field: str | None = None
    #: Every id of a split's new side or a merge's old side (empty otherwise).
    old_ids: tuple[str, ...] = ()
    new_ids: tuple[str, ...] = ()
    #: Document order on each side (for sorting; not part of the change).
    old_index: int = dataclasses.field(default=-1, compare=False, repr=False)
    new_index: int = dataclasses.field(default=-1, compare=False, repr=False)

    @property
    def all_old_ids(self) -> tuple[str, ...]:
        """Every id on the old side: all blocks of a merge, else ``old_id`` (none if absent)."""
        return self.old_ids or ((self.old_id,) if self.old_id else ())

    @property
    def all_new_ids(self) -> tuple[str, ...]:
        """Every id on the new side: all blocks of a split, else ``new_id`` (none if absent)."""
        return self.new_ids or ((self.new_id,) if self.new_id else ())

    @property
    def words(self) -> tuple[Token, ...]:
        """Word-level inline diff of old against new (computed on demand)."""
        return word_diff(self.old or "", self.new or "")

    @property
    def row(self) -> str:
        """The summary row: the value key, or the part name."""
        return self.value or self.part

    @property
    def label(self) -> str:
        """The change as a person says it, e.g. ``Value 7 "...", practice item 4: removed``."""
        return f"{self.where}: {self.describe()}"

    @property
    def where(self) -> str:
        """The place, in the old edition's names where it has them; ``a → b`` if it changed."""
        old = self.old_place
        new = None if self.new_place is None else self.new_place.seen_from_other()
        if old is None or new is None:
            return str(old or new)
        if old.container != new.container:
            return f"{old} → {new}"
        if old.local == new.local:
            return str(old)
        return f"{old.context}, {old.local} → {new.local}" if old.local else f"{old} → {new.local}"

    def describe(self) -> str:
        """The kind, with the text classes of a changed text: ``reworded (spelling)``."""
        classes = sorted(c.value for c in self.classification)
        if self.kind in (ChangeKind.ADDED, ChangeKind.REMOVED) or not classes:
            return self.kind.value
        return f"{self.kind.value} ({', '.join(classes)})"

    @property
    def is_text_change(self) -> bool:
        """Both sides present with different wording."""
        return self.old is not None and self.new is not None and self.old != self.new

    def mirror(self) -> Change:
        """The same change seen from the other edition (added <-> removed, old <-> new)."""
        kind = {
            ChangeKind.ADDED: ChangeKind.REMOVED,
            ChangeKind.REMOVED: ChangeKind.ADDED,
            ChangeKind.SPLIT: ChangeKind.MERGED,
            ChangeKind.MERGED: ChangeKind.SPLIT,
        }
        return replace(
            self,
            kind=kind.get(self.kind, self.kind),
            old_id=self.new_id,
            new_id=self.old_id,
            old_ids=self.new_ids,
            new_ids=self.old_ids,
            old=self.new,
            new=self.old,
            old_place=self.new_place,
            new_place=self.old_place,
            old_index=self.new_index,
            new_index=self.old_index,
        )


@dataclass(frozen=True, slots=True)
class EditionRef:
    """The edition on one side of a diff."""

    id: str
    title: str
    year: int
    #: Where the edition was read from when not the working tree: a git revision.
    revision: str | None = None


def hidden_by(change: Change, ignore: frozenset[TextClass]) -> bool:
    """A rewording whose every class is ignored (moves and additions are never hidden)."""
    return (
        change.kind is ChangeKind.REWORDED
        and bool(change.classification)
        and change.classification <= ignore
    )


@dataclass(frozen=True)
class DiffResult:
    """The changes from ``old`` to ``new``, in document order.

    >>> from guidelines_model import load_library
    >>> from guidelines_model.diff import diff
    >>> lib = load_library()
    >>> result = diff(lib.edition("2013"), lib.edition("2019_supervisors"))
    >>> result.summary()["transparent"]["reworded"] > 0
    True
    >>> quiet = result.filter(ignore="noise")  # hide whitespace/punctuation/case/spelling
    """

    old: EditionRef
    new: EditionRef
    #: Every change, hidden or not (unchanged texts are only counted, in ``unchanged``);
    #: :attr:`changes` is what is listed.
    all_changes: tuple[Change, ...]
    #: Unchanged texts per summary row.
    unchanged: Mapping[str, int] = dataclasses.field(default_factory=dict)
    ignore: frozenset[TextClass] = frozenset()
    #: Summary rows in document order (value keys and part names).
    rows: tuple[str, ...] = ()
    #: What a reader calls each value row: ``{"voluntary": "1. Peer support is voluntary"}``
    #: (the new edition's number and title, the old one's for a value only it has).
    titles: Mapping[str, str] = dataclasses.field(default_factory=dict)
    #: What is shown only on request: ``{"provenance"}`` shows changes of the sources and
    #: placement (left out of the changes and the counts otherwise).
    include: frozenset[str] = frozenset()
    #: The ``--part`` choices whose changes are listed (empty: every part). The summary still
    #: counts every part.
    parts: frozenset[str] = frozenset()

    @cached_property
    def shown(self) -> tuple[Change, ...]:
        """The changes this result reports at all (provenance only when included)."""
        if PROVENANCE in self.include:
            return self.all_changes
        return tuple(c for c in self.all_changes if c.node != PROVENANCE)

    @cached_property
    def changes(self) -> tuple[Change, ...]:
        """The changes listed: not hidden by ``ignore``, in ``parts``, provenance if included."""
        out = self.shown
        if self.ignore:
            out = tuple(c for c in out if not hidden_by(c, self.ignore))
        if self.parts and "all" not in self.parts:
            out = tuple(c for c in out if part_choice(c.part) in self.parts)
        return out

    @property
    def hidden(self) -> int:
        """How many changes ``ignore`` hides."""
        return sum(1 for c in self.shown if hidden_by(c, self.ignore))

    def filter(self, ignore: str | Iterable[str | TextClass]) -> DiffResult:
        """A result that hides text changes of only these classes (``"noise"`` for all four)."""
        if isinstance(ignore, str):
            classes = parse_ignore(ignore)
        else:
            classes = parse_ignore([str(c) for c in ignore])
        return replace(self, ignore=classes)

    def summary(self) -> dict[str, Counts]:
        """Counts of texts by kind (and ``hidden``) per row: value keys, then parts; rows in
        order. Containers (a section, the supervisor column, the practice numbering) are
        listed as changes but are not texts, so not counted."""
        counts: dict[str, Counter[str]] = {row: Counter() for row in self.rows}
        for row, n in self.unchanged.items():
            counts.setdefault(row, Counter())[ChangeKind.UNCHANGED.value] += n
        for c in self.shown:
            if c.old is None and c.new is None:
                continue
            key = "hidden" if hidden_by(c, self.ignore) else c.kind.value
            counts.setdefault(c.row, Counter())[key] += 1
        columns: list[str] = [k.value for k in KINDS] + ["hidden"]
        return {row: {k: counter[k] for k in columns} for row, counter in counts.items()}

    def totals(self) -> Counts:
        """Counts by kind over every row."""
        out: Counter[str] = Counter()
        for counts in self.summary().values():
            out.update(counts)
        return {k: out[k] for k in [*(k.value for k in KINDS), "hidden"]}

    def mirror(self) -> DiffResult:
        """The diff from ``new`` to ``old``."""
        return replace(
            self,
            old=self.new,
            new=self.old,
            all_changes=sort_changes([c.mirror() for c in self.all_changes], self.rows),
        )


def sort_changes(changes: Iterable[Change], rows: tuple[str, ...]) -> tuple[Change, ...]:
    """Document order: by summary row, then by place on the new side (the old if removed)."""
    rank = {row: i for i, row in enumerate(rows)}

    def key(c: Change) -> tuple[int, int, bool, int, str, str]:
        index = c.new_index if c.new_place is not None else c.old_index
        return (
            rank.get(c.row, len(rank)),
            index,
            c.new_place is not None,
            c.old_index,
            c.old_id or c.field or "",
            c.new_id or "",
        )

    return tuple(sorted(changes, key=key))

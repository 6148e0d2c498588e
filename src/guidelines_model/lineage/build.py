"""The life of one node across every edition: its id and text in each, and what changed.

Built on the diff, not beside it: each edition is diffed with the edition it is ``based_on``
(:func:`~guidelines_model.diff.collate.bases_of`, so 2019 and WHO are each read against 2013),
and every :class:`~guidelines_model.diff.Change` links the ids of its old side with those of its
new side (``old_ids``/``new_ids`` for splits and merges). A node untouched by the diff keeps its
local id. The lineage of a node is everything these links connect, so it follows renumbering,
moves, splits and merges exactly as ``guidelines diff`` reports them, and it is the same whichever
edition's id it is asked from.

>>> from guidelines_model import load_library
>>> h = history(load_library(), "2013/honest-direct/practice/4")
>>> [(s.edition.id, s.present, s.kind.value if s.kind else None) for s in h.steps]
[('2013', True, None), ('who_2017', True, 'unchanged'), ('2019_supervisors', False, 'removed')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from guidelines_model.diff.collate import bases_of
from guidelines_model.diff.engine import diff, ref
from guidelines_model.diff.model import Change, ChangeKind, DiffResult, EditionRef, Place, TextClass
from guidelines_model.diff.opening import NODE as OPENING_LIST
from guidelines_model.diff.opening import explicit, prints_opening_list
from guidelines_model.diff.units import contexts, extract
from guidelines_model.diff.words import Token
from guidelines_model.library import Library
from guidelines_model.model.documents import Edition
from guidelines_model.model.errors import NotFoundError, UsageError
from guidelines_model.model.ids import edition_of


@dataclass(frozen=True, slots=True)
class Step:
    """One edition's part in a lineage: the node's ids and text there, and the change from the
    edition it is based on."""

    edition: EditionRef
    #: The edition this one is compared with (``None`` for the root edition).
    based_on: str | None
    #: The node's ids in this edition, in document order (several after a split; none: not
    #: in this edition).
    ids: tuple[str, ...]
    #: The text (paragraphs of several ids joined by a blank line); ``None`` if not in this
    #: edition or for a container without text of its own.
    text: str | None
    #: Where the node is, in this edition's words (``Value 7 "...", practice item 4``).
    place: str | None
    #: The changes of ``diff(based_on, edition)`` that touch the lineage (empty: unchanged,
    #: the root edition, or absent from both).
    changes: tuple[Change, ...] = ()
    #: Present here and in ``based_on`` with no change.
    unchanged: bool = False

    @property
    def present(self) -> bool:
        """The node is in this edition."""
        return bool(self.ids)

    @property
    def change(self) -> Change | None:
        """The change from ``based_on`` (the first, if the lineage is touched by several)."""
        return self.changes[0] if self.changes else None

    @property
    def kind(self) -> ChangeKind | None:
        """How the node changed from ``based_on``; ``None`` for the root edition or where the
        node is in neither edition."""
        if self.changes:
            return self.changes[0].kind
        return ChangeKind.UNCHANGED if self.unchanged else None

    @property
    def classification(self) -> frozenset[TextClass]:
        """The text classes of the change (empty when not a rewording)."""
        out: frozenset[TextClass] = frozenset()
        for c in self.changes:
            out |= c.classification
        return out

    @property
    def words(self) -> tuple[Token, ...]:
        """The word-level diff from ``based_on`` (empty unless the wording changed)."""
        c = self.change
        return c.words if c is not None and c.is_text_change else ()


@dataclass(frozen=True, slots=True)
class History:
    """A node's lineage: one :class:`Step` per edition, editions in order of year."""

    #: The id asked for.
    id: str
    #: What the node is (``practice-item``, ``term``...).
    node: str
    #: The value it belongs to where it first appears (``None`` outside the values).
    value: str | None
    #: Where it is, named by the first edition that has it.
    label: str
    steps: tuple[Step, ...]

    @property
    def anchor(self) -> str:
        """A stable name of the lineage: its first id in the first edition that has it."""
        return next(s.ids[0] for s in self.steps if s.ids)

    @property
    def ids(self) -> tuple[str, ...]:
        """Every id of the lineage, edition by edition."""
        return tuple(i for s in self.steps for i in s.ids)

    def step(self, edition: str) -> Step:
        """The step of one edition."""
        for s in self.steps:
            if s.edition.id == edition:
                return s
        raise NotFoundError("edition", edition, [s.edition.id for s in self.steps])


class _Links:
    """Union-find over ids: two ids are linked when a change pairs them."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent.setdefault(root, root) != root:
            root = self.parent[root]
        while x != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, ids: Iterable[str]) -> None:
        it = iter(ids)
        first = next(it, None)
        if first is None:
            return
        a = self.find(first)
        for x in it:
            b = self.find(x)
            if a != b:
                self.parent[b] = a


def _local(id_: str) -> str:
    return id_.split("/", 1)[1] if "/" in id_ else ""


@dataclass(frozen=True, slots=True)
class _Edition:
    """What a lineage needs of one edition: its ids in order, texts and places."""

    ref: EditionRef
    order: dict[str, int]
    kinds: dict[str, str]
    texts: dict[str, str]
    places: dict[str, str]
    values: dict[str, str | None]


def _index(e: Edition) -> _Edition:
    # Listed titles as the diff compares them: written out where the heading stands for one.
    e = explicit(e) if prints_opening_list(e) else e
    nodes = [n for n in e.nodes() if "/" in n.id]
    units = extract(e, e.values)
    names = contexts(e, e.values, units)
    places = {u.id: str(Place(names.get(u.container, u.container), u.local_label)) for u in units}
    values = {u.id: u.value for u in units}
    return _Edition(
        ref(e),
        {n.id: k for k, n in enumerate(nodes)},
        {n.id: n.kind for n in nodes},
        dict(e.texts()),
        places,
        values,
    )


@dataclass
class Lineages:
    """The lineage of every node of a library's editions (one diff per edition and its base).

    Make one with :func:`lineages`; ask it for :meth:`of` an id or a whole :meth:`value`.
    """

    editions: tuple[Edition, ...]
    #: For each edition, the index of the edition it is compared with.
    bases: tuple[int | None, ...]
    #: ``diff(base, edition)`` for each edition with a base.
    diffs: dict[str, DiffResult]
    _links: _Links = field(default_factory=_Links, repr=False)
    _indexed: dict[str, _Edition] = field(default_factory=dict, repr=False)
    #: Per edition with a base: each change of its diff, with the node ids it touches.
    _sides: dict[str, list[tuple[Change, frozenset[str]]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._indexed = {e.id: _index(e) for e in self.editions}
        for e in self.editions:
            for id_ in self._indexed[e.id].order:
                self._links.find(id_)
        for k, e in enumerate(self.editions):
            b = self.bases[k]
            if b is None:
                continue
            self._link(self.editions[b], e, self.diffs[e.id])

    def _expand(self, ids: Iterable[str]) -> tuple[str, ...]:
        """Node ids of a change's ids: a paragraph list compared whole (``.../description``)
        stands for its paragraphs."""
        out: list[str] = []
        for id_ in ids:
            order = self._indexed[edition_of(id_)].order
            if id_ in order:
                out.append(id_)
            elif id_.endswith(f"/{OPENING_LIST}"):  # the opening list as a whole
                out += [i for i in order if i.endswith("/listed-title")]
            else:
                out += [i for i in order if i.startswith(f"{id_}/")]
        return tuple(out)

    def _link(self, old: Edition, new: Edition, result: DiffResult) -> None:
        touched_old: set[str] = set()
        touched_new: set[str] = set()
        sides: list[tuple[Change, frozenset[str]]] = []
        for c in result.all_changes:
            if c.field is not None:  # metadata: no node
                continue
            olds, news = self._expand(c.all_old_ids), self._expand(c.all_new_ids)
            touched_old.update(olds)
            touched_new.update(news)
            if c.node != OPENING_LIST:  # a list printed or not links no title to another
                self._links.union([*olds, *news])
            sides.append((c, frozenset((*olds, *news))))
        self._sides[new.id] = sides
        ids_new = self._indexed[new.id].order
        for id_ in self._indexed[old.id].order:
            twin = f"{new.id}/{_local(id_)}"
            if id_ not in touched_old and twin in ids_new and twin not in touched_new:
                self._links.union([id_, twin])

    @cached_property
    def _groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for e in self.editions:
            for id_ in self._indexed[e.id].order:
                out.setdefault(self._links.find(id_), []).append(id_)
        return out

    def of(self, id_: str) -> History:
        """The history of the node with this id, in any edition.

        :class:`NotFoundError` (with the closest id) for an id no edition has.
        """
        edition = edition_of(id_)
        if edition not in self._indexed:
            raise NotFoundError("edition", edition, [e.id for e in self.editions])
        known = self._indexed[edition].order
        if id_ not in known:
            if "/" not in id_:
                raise UsageError(f"{id_} is an edition: give the id of a node in it")
            raise NotFoundError("node", id_, aliases=list(known))
        return self._history(id_, self._groups[self._links.find(id_)])

    def within(self, id_: str) -> tuple[History, ...]:
        """The history of a node, then of every text under it in any edition of its lineage
        (a glossary term's term and definition, a value's texts), in document order."""
        first = self.of(id_)
        under = (
            i
            for container, index in ((c, self._indexed[edition_of(c)]) for c in first.ids)
            for i in index.order
            if i.startswith(f"{container}/") and i in index.texts
        )
        return (first, *self._first_of_each(under, {self._links.find(id_)}))

    def value(self, key: str) -> tuple[History, ...]:
        """The history of every text of a value (in any edition), in document order of the
        first edition that has each."""
        keys = [v.key for e in self.editions for v in e.values]
        if key not in keys:
            raise NotFoundError("value", key, list(dict.fromkeys(keys)))
        of_value = (
            id_
            for index in (self._indexed[e.id] for e in self.editions)
            for id_ in index.order
            if index.values.get(id_) == key and id_ in index.texts
        )
        return tuple(self._first_of_each(of_value, set()))

    def _first_of_each(self, ids: Iterable[str], seen: set[str]) -> list[History]:
        """The history of each lineage of ``ids`` not in ``seen``, taken at its first id."""
        out: list[History] = []
        for id_ in ids:
            root = self._links.find(id_)
            if root not in seen:
                seen.add(root)
                out.append(self._history(id_, self._groups[root]))
        return out

    def _history(self, id_: str, group: Sequence[str]) -> History:
        members = set(group)
        steps: list[Step] = []
        for k, e in enumerate(self.editions):
            index = self._indexed[e.id]
            ids = tuple(i for i in group if edition_of(i) == e.id)
            texts = [index.texts[i] for i in ids if i in index.texts]
            b = self.bases[k]
            base = self.editions[b] if b is not None else None
            changes: tuple[Change, ...] = ()
            unchanged = False
            if base is not None:
                changes = tuple(c for c, ids_ in self._sides[e.id] if members & ids_)
                in_base = any(edition_of(i) == base.id for i in group)
                unchanged = not changes and bool(ids) and in_base
            steps.append(
                Step(
                    edition=index.ref,
                    based_on=base.id if base is not None else None,
                    ids=ids,
                    text="\n\n".join(texts) if texts else None,
                    place=_place(index, ids),
                    changes=changes,
                    unchanged=unchanged,
                )
            )
        first = next(s for s in steps if s.ids)
        index = self._indexed[first.edition.id]
        return History(
            id=id_,
            node=index.kinds[first.ids[0]],
            value=index.values.get(first.ids[0]),
            label=first.place or first.ids[0],
            steps=tuple(steps),
        )


_PARAGRAPH = re.compile(r" paragraph \d+$")


def _place(index: _Edition, ids: tuple[str, ...]) -> str | None:
    """Where the first id is; a paragraph list held whole is named without a paragraph."""
    if not ids:
        return None
    place = index.places.get(ids[0])
    if place is not None and len(ids) > 1:
        return _PARAGRAPH.sub("", place)
    return place


def lineages(library: Library | Sequence[Edition]) -> Lineages:
    """Every lineage of a library's editions (in order of year), each edition diffed with the
    edition it is based on (or with the first edition, when that is not in the library)."""
    eds = list(library)
    eds.sort(key=lambda e: (e.year, e.id))
    if not eds:
        raise UsageError("a history needs at least one edition")
    bases = bases_of(eds) if len(eds) > 1 else [None]
    diffs = {e.id: diff(eds[b], e) for e, b in zip(eds, bases, strict=True) if b is not None}
    return Lineages(tuple(eds), tuple(bases), diffs)


def history(library: Library | Sequence[Edition], id_: str) -> History:
    """The history of one node across every edition of ``library``.

    ``id_`` is the id of a value, item, supervisor item, glossary term, block or any text in
    any edition; the history is the same from every id of the lineage.
    """
    return lineages(library).of(id_)


def value_history(library: Library | Sequence[Edition], key: str) -> tuple[History, ...]:
    """The history of every text of the value ``key``."""
    return lineages(library).value(key)

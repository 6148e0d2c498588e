"""``diff(a, b)``: every change from one edition to another.

Values whose every text is identical are only counted (no walk, no matching), so a large pair
of mostly equal editions diffs in a fraction of a second. The alignment runs in one canonical
orientation (the editions ordered by id, then by content) and the other is its mirror, so
``diff(b, a)`` is exactly ``diff(a, b)`` seen from the other side.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from guidelines_model.diff.align import THRESHOLD, Pair, align
from guidelines_model.diff.classify import SUBSTANTIVE, classify
from guidelines_model.diff.metadata import metadata_changes
from guidelines_model.diff.model import (
    Change,
    ChangeKind,
    DiffResult,
    EditionRef,
    Part,
    Place,
    sort_changes,
)
from guidelines_model.diff.opening import opening_lists
from guidelines_model.diff.splits import find_splits
from guidelines_model.diff.units import (
    PARTS,
    Role,
    Unit,
    contexts,
    extract,
    same_parts,
    same_value,
    text_count,
)
from guidelines_model.load.limits import no_gc
from guidelines_model.model.documents import Edition
from guidelines_model.model.nodes import NodeKind
from guidelines_model.model.parts import CoreValue


def diff(a: Edition, b: Edition, *, threshold: float = THRESHOLD) -> DiffResult:
    """The changes from edition ``a`` to edition ``b``.

    ``threshold`` is the similarity (0-1, on case-folded texts without punctuation) from which
    an item without an id counterpart counts as reworded rather than removed and added.

    >>> from guidelines_model import load_library
    >>> lib = load_library()
    >>> result = diff(lib.edition("2013"), lib.edition("2019_supervisors"))
    >>> [c.label for c in result.changes if c.new_id == "2019_supervisors/transparent/practice/2"]
    ['Value 11 "Peer support is transparent", practice item 2: reworded (punctuation)']
    """
    # A diff allocates many small objects (no cycles) while large editions are alive: a full
    # collection over them would cost more than the diff.
    with no_gc():
        if _swapped(a, b):
            return _diff(b, a, threshold).mirror()
        return _diff(a, b, threshold)


def _swapped(a: Edition, b: Edition) -> bool:
    """Whether ``(b, a)`` is the canonical orientation: by id, then (same id) by content."""
    if a.id != b.id:
        return b.id < a.id

    def digest(e: Edition) -> str:
        return hashlib.sha256(e.model_dump_json().encode()).hexdigest()

    return digest(b) < digest(a)


def rows_of(*editions: Edition) -> tuple[str, ...]:
    """Summary rows in document order: the parts, with value keys where the values are."""
    keys: dict[str, None] = {}
    for e in editions:
        keys.update(dict.fromkeys(v.key for v in e.values))
    out: list[str] = []
    for part in PARTS:
        out += list(keys) if part == "values" else [part]
    return tuple(out)


def _values_to_walk(
    a: Edition, b: Edition, unchanged: Counter[str], skip: dict[str, frozenset[str]]
) -> tuple[list[CoreValue], list[CoreValue]]:
    """Values that differ in any way. Unchanged values, and the parts of changed values that
    are the same on both sides (put in ``skip``), are only counted into ``unchanged``."""
    in_b = {v.key: v for v in b.values}
    walk_a: list[CoreValue] = []
    walk_b: list[CoreValue] = []
    for v in a.values:
        w = in_b.pop(v.key, None)
        if w is not None and same_value(v, w):
            unchanged[v.key] += text_count(v)
            continue
        walk_a.append(v)
        if w is not None:
            walk_b.append(w)
            skip[v.key], same = same_parts(v, w)
            unchanged[v.key] += same
    walk_b += in_b.values()
    return walk_a, walk_b


def _container_kind(
    p: Pair, a: dict[str, CoreValue], b: dict[str, CoreValue]
) -> tuple[ChangeKind, str, str]:
    """Kind of a paired container, and its local labels on each side."""
    x, y = p.a, p.b
    assert x is not None
    assert y is not None
    if x.kind == "value" and x.value and y.value:
        same = a[x.value].number == b[y.value].number
        return (ChangeKind.UNCHANGED if same else ChangeKind.RENUMBERED), "", ""
    if x.kind == "practice" and x.value and y.value:
        old, new = a[x.value].practice.numbered, b[y.value].practice.numbered
        if old != new:
            style = {True: "practice items numbered", False: "practice items bulleted"}
            return ChangeKind.RENUMBERED, style[old], style[new]
        return ChangeKind.UNCHANGED, "", ""
    return p.kind, x.local_label, y.local_label


def _joined(u: Unit | None, more: tuple[Unit, ...]) -> str | None:
    """The text of a unit, or of the blocks of a split or merge joined as paragraphs."""
    if u is None:
        return None
    if not more:
        return u.text
    return "\n\n".join(v.text or "" for v in (u, *more))


def _span(u: Unit | None, more: tuple[Unit, ...]) -> str | None:
    """``blocks 4-8`` for the blocks of a split or merge (``None`` for one unit)."""
    if u is None or not more:
        return None
    return f"{u.local_label.rsplit(' ', 1)[0]}s {u.number}-{more[-1].number}"


def _ids(u: Unit | None, more: tuple[Unit, ...]) -> tuple[str, ...]:
    return (u.id, *(v.id for v in more)) if u is not None and more else ()


class _Builder:
    def __init__(
        self,
        a: Edition,
        b: Edition,
        *,
        walk_a: list[CoreValue],
        walk_b: list[CoreValue],
        ua: list[Unit],
        ub: list[Unit],
    ) -> None:
        self.a = {v.key: v for v in walk_a}
        self.b = {v.key: v for v in walk_b}
        self.ctx_a, self.ctx_b = contexts(a, walk_a, ua), contexts(b, walk_b, ub)

    def place(self, u: Unit | None, side: str, local: str | None = None) -> Place | None:
        if u is None:
            return None
        own, other = (self.ctx_a, self.ctx_b) if side == "a" else (self.ctx_b, self.ctx_a)
        return Place(
            own.get(u.container, u.container),
            u.local_label if local is None else local,
            u.container,
            other.get(u.container),
        )

    def change(self, p: Pair, unchanged: Counter[str]) -> Change | None:
        x, y = p.a, p.b
        u = y or x
        assert u is not None
        kind = p.kind
        local_a = local_b = None
        if u.role is Role.CONTAINER and x is not None and y is not None:
            kind, local_a, local_b = _container_kind(p, self.a, self.b)
        if kind is ChangeKind.UNCHANGED:
            if u.role is not Role.CONTAINER:
                unchanged[u.value or u.part] += 1
            return None
        old = _joined(x, p.extra_a)
        new = _joined(y, p.extra_b)
        if old is not None and new is not None:
            classes = classify(old, new)
        else:
            classes = SUBSTANTIVE if u.role is not Role.CONTAINER else frozenset()
        return Change(
            kind=kind,
            node=NodeKind(u.kind),
            part=Part(u.part),
            value=u.value,
            old_id=x.id if x else None,
            new_id=y.id if y else None,
            old=old,
            new=new,
            classification=classes,
            similarity=p.similarity if x is not None and y is not None else None,
            old_place=self.place(x, "a", local_a if local_a is not None else _span(x, p.extra_a)),
            new_place=self.place(y, "b", local_b if local_b is not None else _span(y, p.extra_b)),
            old_ids=_ids(x, p.extra_a),
            new_ids=_ids(y, p.extra_b),
            old_index=x.index if x else -1,
            new_index=y.index if y else -1,
        )


def _diff(a: Edition, b: Edition, threshold: float) -> DiffResult:
    a, b, opening = opening_lists(a, b)
    unchanged: Counter[str] = Counter()
    skip: dict[str, frozenset[str]] = {}
    walk_a, walk_b = _values_to_walk(a, b, unchanged, skip)
    ua, ub = extract(a, walk_a, skip), extract(b, walk_b, skip)
    build = _Builder(a, b, walk_a=walk_a, walk_b=walk_b, ua=ua, ub=ub)
    changes: list[Change] = []
    for p in find_splits(align(ua, ub, threshold), threshold):
        c = build.change(p, unchanged)
        if c is not None:
            changes.append(c)
    changes += opening
    changes += metadata_changes(a, b)
    rows = rows_of(a, b)
    return DiffResult(
        old=ref(a),
        new=ref(b),
        all_changes=sort_changes(changes, rows),
        unchanged=dict(unchanged),
        rows=rows,
        titles=value_titles(b, a),
    )


def value_titles(*editions: Edition) -> dict[str, str]:
    """Each value key with its number and title as a reader knows it, from the first edition
    that has the value."""
    out: dict[str, str] = {}
    for e in reversed(editions):
        out.update({v.key: f"{v.number}. {v.display_title}" for v in e.values})
    return out


def ref(e: Edition) -> EditionRef:
    """The reference to an edition a result carries."""
    return EditionRef(e.id, e.title, e.year)


def texts_changed(changes: Iterable[Change]) -> int:
    """How many changes touch a text (not a container)."""
    return sum(1 for c in changes if c.old is not None or c.new is not None)

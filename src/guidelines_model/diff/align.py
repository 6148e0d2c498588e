"""Pair the units of two editions.

- Containers pair by local id; sections and glossary terms left over pair by heading or term.
- Singletons (titles, headings, names) pair by local id.
- Paragraph lists pair paragraph by paragraph when the counts agree and each pair is similar;
  otherwise the list is compared as one text (a paragraph split or joined is then whitespace).
- Sequences (items, blocks, footnotes), in each group: identical texts first (same id, then in
  order), identical match keys, then the same id when the texts are similar (>= ``id_threshold``),
  then an optimal assignment on similarity (>= ``threshold``). What is left in a family is
  matched across groups the same way (a move to another value or section). Within a group, every
  pair whose rank among the group's pairs changed is a move (both items of a swap).
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass

from guidelines_model.diff.classify import similarity
from guidelines_model.diff.model import ChangeKind
from guidelines_model.diff.optimal_matching import match
from guidelines_model.diff.units import TITLES, Role, Unit

#: Below this similarity an unpaired item is added or removed rather than reworded.
THRESHOLD = 0.6
#: Items with the same id pair from this similarity (ids carry over, e.g. 2013 -> 2019).
ID_THRESHOLD = 0.5
#: A move to another value or section, or a re-keyed section or term, needs more evidence.
MOVE_THRESHOLD = 0.75


@dataclass(slots=True)
class Pair:
    """A unit and its counterpart (``None`` for none), with how it changed."""

    a: Unit | None
    b: Unit | None
    kind: ChangeKind
    similarity: float | None = None
    #: The further old blocks of a merge, or new blocks of a split, after ``a`` or ``b``.
    extra_a: tuple[Unit, ...] = ()
    extra_b: tuple[Unit, ...] = ()


def _home(u: Unit) -> str:
    return u.id.split("/", 1)[1] if "/" in u.id else ""


def _text_kind(a: Unit, b: Unit) -> ChangeKind:
    if a.text != b.text:
        return ChangeKind.REWORDED
    return ChangeKind.RENUMBERED if _home(a) != _home(b) else ChangeKind.UNCHANGED


def _score(a: Unit, b: Unit) -> float:
    return 1.0 if a.text == b.text else similarity(a.key, b.key)


def _remap(u: Unit, mapping: dict[str, str]) -> None:
    head = "/".join(u.local.split("/")[:2])
    if head in mapping:
        new = mapping[head]
        u.local = new + u.local[len(head) :]
        u.group = new + u.group[len(head) :] if u.group.startswith(head) else u.group


def _containers(
    a: list[Unit],
    b: list[Unit],
    titles_a: dict[str, Unit],
    titles_b: dict[str, Unit],
    threshold: float,
) -> tuple[list[Pair], dict[str, str]]:
    """Containers by local id; leftover sections and terms by heading or term text."""
    by_local = {u.local: u for u in a}
    pairs: list[Pair] = []
    left_b: list[Unit] = []
    for u in b:
        v = by_local.pop(u.local, None)
        if v is None:
            left_b.append(u)
        else:
            pairs.append(Pair(v, u, ChangeKind.UNCHANGED))
    mapping: dict[str, str] = {}
    for kind in ("section", "glossary-entry"):
        xs = [u for u in by_local.values() if u.kind == kind and u.local in titles_a]
        ys = [u for u in left_b if u.kind == kind and u.local in titles_b]
        for i, j, _ in match(
            [titles_a[x.local].key for x in xs], [titles_b[y.local].key for y in ys], threshold
        ):
            if xs[i].part == ys[j].part:
                mapping[ys[j].local] = xs[i].local
                pairs.append(Pair(xs[i], ys[j], ChangeKind.RENUMBERED))
                del by_local[xs[i].local]
                left_b.remove(ys[j])
    pairs += [Pair(u, None, ChangeKind.REMOVED) for u in by_local.values()]
    pairs += [Pair(None, u, ChangeKind.ADDED) for u in left_b]
    return pairs, mapping


def _by_local(a: Iterable[Unit], b: Iterable[Unit]) -> list[Pair]:
    by_local = {u.local: u for u in a}
    pairs: list[Pair] = []
    for u in b:
        v = by_local.pop(u.local, None)
        if v is None:
            pairs.append(Pair(None, u, ChangeKind.ADDED))
        else:
            pairs.append(Pair(v, u, _text_kind(v, u), _score(v, u)))
    return pairs + [Pair(u, None, ChangeKind.REMOVED) for u in by_local.values()]


def _groups(units: Iterable[Unit]) -> dict[str, list[Unit]]:
    out: dict[str, list[Unit]] = defaultdict(list)
    for u in units:
        out[u.group].append(u)
    return out


def _joined(units: list[Unit]) -> Unit:
    first = units[0]
    name = first.local_label.split(" paragraph ")[0]
    return Unit(
        first.id.rsplit("/", 1)[0],
        first.group,
        first.kind,
        Role.PARAGRAPH,
        first.part,
        first.value,
        first.group,
        "",
        "",
        first.container,
        "\n\n".join(u.text or "" for u in units),
        first.index,
        name,
    )


def _paragraphs(a: list[Unit], b: list[Unit], threshold: float, join: bool) -> list[Pair]:
    ga, gb = _groups(a), _groups(b)
    pairs: list[Pair] = []
    for group in [*ga, *(g for g in gb if g not in ga)]:
        xs, ys = ga.get(group, []), gb.get(group, [])
        if join:
            xs, ys = xs and [_joined(xs)], ys and [_joined(ys)]
        if not xs or not ys:
            pairs += [Pair(x, None, ChangeKind.REMOVED) for x in xs]
            pairs += [Pair(None, y, ChangeKind.ADDED) for y in ys]
            continue
        scores = [_score(x, y) for x, y in zip(xs, ys, strict=False)] if not join else []
        if not join and len(xs) == len(ys) and (len(xs) == 1 or min(scores) >= threshold):
            pairs += [
                Pair(x, y, _text_kind(x, y), s) for x, y, s in zip(xs, ys, scores, strict=True)
            ]
        else:
            x, y = _joined(xs), _joined(ys)
            pairs.append(Pair(x, y, _text_kind(x, y), _score(x, y)))
    return pairs


class _Matcher:
    """Pairs of one sequence family, built up pass by pass."""

    def __init__(self) -> None:
        self.pairs: list[tuple[Unit, Unit, float]] = []

    def exact(self, xs: list[Unit], ys: list[Unit], attr: str) -> tuple[list[Unit], list[Unit]]:
        """Pair equal texts (or match keys): same local id first, then in order."""
        by_local = {y.local: y for y in ys}
        taken: set[int] = set()
        rest: list[Unit] = []
        for x in xs:
            y = by_local.get(x.local)
            if y is not None and getattr(x, attr) == getattr(y, attr):
                self.pairs.append((x, y, _score(x, y)))
                taken.add(id(y))
            else:
                rest.append(x)
        queues: dict[str, deque[Unit]] = defaultdict(deque)
        for y in ys:
            if id(y) not in taken:
                queues[getattr(y, attr)].append(y)
        left_x: list[Unit] = []
        for x in rest:
            queue = queues.get(getattr(x, attr))
            if queue:
                y = queue.popleft()
                self.pairs.append((x, y, _score(x, y)))
                taken.add(id(y))
            else:
                left_x.append(x)
        return left_x, [y for y in ys if id(y) not in taken]

    def by_id(self, xs: list[Unit], ys: list[Unit], cutoff: float) -> tuple[list[Unit], list[Unit]]:
        by_local = {y.local: y for y in ys}
        taken: set[int] = set()
        left_x: list[Unit] = []
        for x in xs:
            y = by_local.get(x.local)
            s = similarity(x.key, y.key, cutoff) if y is not None else 0.0
            if y is not None and s >= cutoff:
                self.pairs.append((x, y, s))
                taken.add(id(y))
            else:
                left_x.append(x)
        return left_x, [y for y in ys if id(y) not in taken]

    def similar(
        self, xs: list[Unit], ys: list[Unit], cutoff: float
    ) -> tuple[list[Unit], list[Unit]]:
        found = match([x.key for x in xs], [y.key for y in ys], cutoff)
        self.pairs += [(xs[i], ys[j], s) for i, j, s in found]
        used_x = {i for i, _, _ in found}
        used_y = {j for _, j, _ in found}
        return (
            [x for i, x in enumerate(xs) if i not in used_x],
            [y for j, y in enumerate(ys) if j not in used_y],
        )


def _reordered(pairs: list[tuple[Unit, Unit, float]]) -> set[int]:
    """Indexes of the pairs whose rank among the paired units of their group differs between
    the sides: every item of a swap or rotation (both items of a swap, not one of them). An
    item that only shifts because another was added or removed keeps its rank."""
    by_a = sorted(range(len(pairs)), key=lambda k: pairs[k][0].pos)
    by_b = sorted(range(len(pairs)), key=lambda k: pairs[k][1].pos)
    rank_b = {k: r for r, k in enumerate(by_b)}
    return {k for r, k in enumerate(by_a) if rank_b[k] != r}


def _family(a: list[Unit], b: list[Unit], threshold: float, id_threshold: float) -> list[Pair]:
    m = _Matcher()
    ga, gb = _groups(a), _groups(b)
    left_a: list[Unit] = []
    left_b: list[Unit] = []
    for group in [*ga, *(g for g in gb if g not in ga)]:
        xs, ys = ga.get(group, []), gb.get(group, [])
        if xs and ys:
            xs, ys = m.exact(xs, ys, "text")
            xs, ys = m.exact(xs, ys, "key") if xs and ys else (xs, ys)
            xs, ys = m.by_id(xs, ys, id_threshold) if xs and ys else (xs, ys)
            xs, ys = m.similar(xs, ys, threshold) if xs and ys else (xs, ys)
        left_a += xs
        left_b += ys
    if left_a and left_b:
        left_a, left_b = m.exact(left_a, left_b, "key")
        left_a, left_b = m.similar(left_a, left_b, max(threshold, MOVE_THRESHOLD))
    by_group: dict[str, list[tuple[Unit, Unit, float]]] = defaultdict(list)
    pairs: list[Pair] = []
    for x, y, s in m.pairs:
        if x.group == y.group:
            by_group[x.group].append((x, y, s))
        else:
            pairs.append(Pair(x, y, ChangeKind.MOVED, s))
    for same in by_group.values():
        moved = _reordered(same)
        for k, (x, y, s) in enumerate(same):
            pairs.append(Pair(x, y, ChangeKind.MOVED if k in moved else _text_kind(x, y), s))
    pairs += [Pair(x, None, ChangeKind.REMOVED) for x in left_a]
    pairs += [Pair(None, y, ChangeKind.ADDED) for y in left_b]
    return pairs


def align(
    a: list[Unit],
    b: list[Unit],
    threshold: float = THRESHOLD,
    id_threshold: float = ID_THRESHOLD,
    *,
    join_paragraphs: bool = False,
) -> list[Pair]:
    """Every unit of ``a`` and ``b`` in exactly one pair.

    With ``join_paragraphs`` every paragraph list is compared as one text (for collation).
    """
    role_a: dict[Role, list[Unit]] = defaultdict(list)
    role_b: dict[Role, list[Unit]] = defaultdict(list)
    for u in a:
        role_a[u.role].append(u)
    for u in b:
        role_b[u.role].append(u)
    titles_a = {u.container: u for u in role_a[Role.SINGLETON] if u.kind in TITLES}
    titles_b = {u.container: u for u in role_b[Role.SINGLETON] if u.kind in TITLES}
    pairs, mapping = _containers(
        role_a[Role.CONTAINER],
        role_b[Role.CONTAINER],
        titles_a,
        titles_b,
        max(threshold, MOVE_THRESHOLD),
    )
    if mapping:
        for u in b:
            _remap(u, mapping)
    pairs += _by_local(role_a[Role.SINGLETON], role_b[Role.SINGLETON])
    pairs += _paragraphs(role_a[Role.PARAGRAPH], role_b[Role.PARAGRAPH], threshold, join_paragraphs)
    fam_a: dict[str, list[Unit]] = defaultdict(list)
    fam_b: dict[str, list[Unit]] = defaultdict(list)
    for u in role_a[Role.SEQUENCE]:
        fam_a[u.family].append(u)
    for u in role_b[Role.SEQUENCE]:
        fam_b[u.family].append(u)
    for family in [*fam_a, *(f for f in fam_b if f not in fam_a)]:
        pairs += _family(fam_a.get(family, []), fam_b.get(family, []), threshold, id_threshold)
    return pairs

"""Collation of several editions: an alignment table, as textual collation tools make.

Each row is one text (a title, a description, a practice item...) and holds its wording in
every edition side by side; a gap (``None``) where an edition lacks it. Each edition is aligned
with, and each cell compared with, its *base*: the edition it is ``based_on`` when that is in
the table, or the one named by ``base`` for every other column. So a column never shows the
edit of the column to its left reversed: with 2013, 2019 and WHO, both later cells are read
against 2013, in either order of the columns. An edition with no base in the table is read
against the first such edition (the root). A text missing from the base is looked for among
the rows that its base lacks too, by id or words. New rows go after the row of the text before
them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from guidelines_model.diff.align import THRESHOLD, align
from guidelines_model.diff.classify import classify, similarity
from guidelines_model.diff.engine import ref, rows_of
from guidelines_model.diff.model import EditionRef, Place, TextClass, part_choice
from guidelines_model.diff.opening import explicit, prints_opening_list
from guidelines_model.diff.units import Role, Unit, contexts, extract
from guidelines_model.diff.words import Token, word_diff
from guidelines_model.model.documents import Edition

Status = Literal["same", "variant", "partial"]


@dataclass(frozen=True, slots=True)
class Cell:
    """One edition's wording of a row, compared with its base edition's wording."""

    id: str
    text: str
    #: Differs from the base wording (beyond ignored classes); never for the root or a text
    #: the base lacks.
    variant: bool
    #: Every class of the difference from the base wording (empty when equal or not compared).
    classification: frozenset[TextClass]
    #: Inline diff against the base wording (empty when equal or not compared).
    words: tuple[Token, ...]
    #: The edition compared with (``None`` for the root, or when the base lacks the text).
    base: str | None = None


@dataclass(frozen=True, slots=True)
class CollationRow:
    """One aligned text across the editions."""

    #: Summary row: the value key or the part name.
    group: str
    part: str
    value: str | None
    node: str
    #: Where the text is, named as the first edition that has it names it.
    label: str
    cells: tuple[Cell | None, ...]

    @property
    def status(self) -> Status:
        """``same`` everywhere, a ``variant`` somewhere, or ``partial`` (a gap somewhere)."""
        if any(c is None for c in self.cells):
            return "partial"
        return "variant" if any(c is not None and c.variant for c in self.cells) else "same"


@dataclass(frozen=True)
class Collation:
    """Every text of several editions, aligned.

    >>> from guidelines_model import load_library
    >>> lib = load_library()
    >>> table = collate([lib.edition(i) for i in ("2013", "who_2017", "2019_supervisors")])
    >>> row = next(r for r in table.rows if r.cells[0] and "false promises" in r.cells[0].text)
    >>> [c is not None for c in row.cells]  # in 2013 and WHO, not in 2019
    [True, True, False]
    """

    editions: tuple[EditionRef, ...]
    rows: tuple[CollationRow, ...]
    groups: tuple[str, ...] = field(default=())
    #: For each column, the column it is compared with (``None`` for the root).
    bases: tuple[int | None, ...] = field(default=())
    #: The ``--part`` choices the rows cover.
    parts: frozenset[str] = field(default=frozenset({"values"}))

    def count(self, status: Status) -> int:
        """How many rows have this status."""
        return sum(1 for r in self.rows if r.status == status)


@dataclass(eq=False)
class _Row:
    group: str
    cells: dict[int, Unit] = field(default_factory=dict)


def _texts(units: list[Unit]) -> list[Unit]:
    return [u for u in units if u.role is not Role.CONTAINER and u.text is not None]


class _Table:
    def __init__(self, groups: tuple[str, ...]) -> None:
        self.rank = {g: i for i, g in enumerate(groups)}
        self.order: dict[str, list[_Row]] = {}
        self.row_of: dict[tuple[int, str], _Row] = {}

    def sorted(self, units: list[Unit]) -> list[Unit]:
        return sorted(
            units, key=lambda u: (self.rank.get(u.value or u.part, len(self.rank)), u.index)
        )

    def put(self, k: int, u: Unit, row: _Row | None, cursor: dict[str, int]) -> None:
        group = u.value or u.part
        rows = self.order.setdefault(group, [])
        if row is None:
            row = _Row(group)
            at = cursor.get(group, -1) + 1
            rows.insert(at, row)
        row.cells[k] = u
        self.row_of[(k, u.id)] = row
        if row.group == group:
            cursor[group] = rows.index(row)

    def earlier(self, k: int, base: int, u: Unit) -> _Row | None:
        """A row missing from the base edition whose last wording is ``u``'s counterpart:
        the same title or paragraph list, the same entry (by id) if alike, or the same words."""
        for row in self.order.get(u.value or u.part, []):
            if k in row.cells or base in row.cells:
                continue
            last = row.cells[max(row.cells)]
            if last.kind != u.kind:
                continue
            if last.local == u.local and (
                u.role is not Role.SEQUENCE or similarity(last.key, u.key) >= THRESHOLD
            ):
                return row
            if last.group == u.group and last.key == u.key:
                return row
        return None


def _cells(
    row: _Row, bases: list[int | None], names: list[str], ignore: frozenset[TextClass]
) -> tuple[Cell | None, ...]:
    out: list[Cell | None] = []
    for k, base in enumerate(bases):
        u = row.cells.get(k)
        if u is None or u.text is None:
            out.append(None)
            continue
        b = row.cells.get(base) if base is not None else None
        if base is None or b is None or b.text is None:
            out.append(Cell(u.id, u.text, False, frozenset(), ()))
            continue
        classes = classify(b.text, u.text)
        variant = bool(classes) and not classes <= ignore
        words = word_diff(b.text, u.text) if u.text != b.text else ()
        out.append(Cell(u.id, u.text, variant, classes, words, names[base]))
    return tuple(out)


def bases_of(editions: Sequence[Edition], base: str | None = None) -> list[int | None]:
    """The column each column is compared with: ``base`` for every other column when given;
    otherwise the edition it is based on, if in the table, else the first column without one."""
    ids = [e.id for e in editions]
    if base is not None:
        if base not in ids:
            raise ValueError(f"--base {base!r} is not one of the editions ({', '.join(ids)})")
        root = ids.index(base)
        return [None if k == root else root for k in range(len(ids))]
    out: list[int | None] = [
        ids.index(e.based_on) if e.based_on in ids and e.based_on != e.id else None
        for e in editions
    ]
    root = out.index(None) if None in out else 0
    out[root] = None
    # Every column must reach the root (no cycle): others without a base hang on the root.
    for k in range(len(out)):
        seen = {k}
        j = out[k]
        while j is not None and j not in seen:
            seen.add(j)
            j = out[j]
        if j is not None or (k != root and out[k] is None):
            out[k] = root
    return out


def _order(bases: list[int | None]) -> list[int]:
    """Columns with every base before the columns read against it."""
    done: list[int] = []
    while len(done) < len(bases):
        for k, b in enumerate(bases):
            if k not in done and (b is None or b in done):
                done.append(k)
    return done


def collate(
    editions: Sequence[Edition],
    *,
    threshold: float = THRESHOLD,
    ignore: frozenset[TextClass] = frozenset(),
    base: str | None = None,
    parts: frozenset[str] = frozenset({"values"}),
) -> Collation:
    """Align the texts of several editions into one table, each read against its base.

    ``base`` names the edition every other column is compared with (default: each edition's
    ``based_on``). A wording that differs from its base only in classes of ``ignore`` is no
    variant. ``parts`` limits the rows to ``--part`` choices (values, glossary, front, back,
    or all).

    Two editions give the same alignment as :func:`~guidelines_model.diff.diff`, except that
    paragraph lists (descriptions, definitions) are always one row.
    """
    # Implicit listed titles are the heading, as in diff().
    eds = [explicit(e) if prints_opening_list(e) else e for e in editions]
    if len(eds) < 2:
        raise ValueError("collate needs two editions or more")
    bases = bases_of(eds, base)
    names = [contexts(e, e.values, extract(e, e.values)) for e in eds]
    groups = rows_of(*eds)
    table = _Table(groups)
    order = _order(bases)
    root = order[0]
    for k in order[1:]:
        b = bases[k]
        assert b is not None
        # Fresh units for every pair: aligning renames the second side's re-keyed containers.
        pairs = align(
            extract(eds[b], eds[b].values),
            extract(eds[k], eds[k].values),
            threshold,
            join_paragraphs=True,
        )
        if not table.row_of:
            cursor: dict[str, int] = {}
            for first in table.sorted(_texts([p.a for p in pairs if p.a is not None])):
                table.put(root, first, None, cursor)
        match = {p.b.id: p.a for p in pairs if p.a is not None and p.b is not None}
        cursor = {}
        for y in table.sorted(_texts([p.b for p in pairs if p.b is not None])):
            x = match.get(y.id)
            row = table.row_of.get((b, x.id)) if x is not None else None
            table.put(k, y, row or table.earlier(k, b, y), cursor)
    ids = [e.id for e in eds]
    every = "all" in parts
    rows: list[CollationRow] = []
    for group in sorted(table.order, key=lambda g: table.rank.get(g, len(table.rank))):
        for row in table.order[group]:
            first = row.cells[min(row.cells)]
            if not every and part_choice(first.part) not in parts:
                continue
            name = next(
                (n[first.container] for n in names if first.container in n), first.container
            )
            place = Place(name, first.local_label)
            rows.append(
                CollationRow(
                    group,
                    first.part,
                    first.value,
                    first.kind,
                    str(place),
                    _cells(row, bases, ids, ignore),
                )
            )
    return Collation(tuple(ref(e) for e in eds), tuple(rows), groups, tuple(bases), parts)

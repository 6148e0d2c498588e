"""Collation of several editions: an alignment table, as textual collation tools make.

Each row is one text (a title, a description, a practice item...) and holds its wording in
every edition side by side; a gap (``None``) where an edition lacks it. Editions are aligned
pairwise in order (each with the one before it); a text missing from the previous edition is
looked for in the earlier ones by id. New rows go after the row of the text before them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from guidelines_model.diff.align import THRESHOLD, align
from guidelines_model.diff.classify import classify, similarity
from guidelines_model.diff.engine import ref, rows_of
from guidelines_model.diff.model import EditionRef, Place, TextClass
from guidelines_model.diff.opening import explicit, prints_opening_list
from guidelines_model.diff.units import Role, Unit, contexts, extract
from guidelines_model.diff.words import Token, word_diff
from guidelines_model.model.documents import Edition

Status = Literal["same", "variant", "partial"]


@dataclass(frozen=True, slots=True)
class Cell:
    """One edition's wording of a row, compared with the previous edition that has the row."""

    id: str
    text: str
    #: Differs from the previous wording in the row (the first wording never does).
    variant: bool
    classification: frozenset[TextClass]
    #: Inline diff against the previous wording (empty for the first).
    words: tuple[Token, ...]


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

    def earlier(self, k: int, u: Unit) -> _Row | None:
        """A row missing from the previous edition whose last wording is ``u``'s counterpart:
        the same title or paragraph list, the same entry (by id) if alike, or the same words."""
        for row in self.order.get(u.value or u.part, []):
            if k in row.cells or k - 1 in row.cells:
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


def _cells(row: _Row, n: int, ignore: frozenset[TextClass]) -> tuple[Cell | None, ...]:
    out: list[Cell | None] = []
    previous: str | None = None
    for k in range(n):
        u = row.cells.get(k)
        if u is None or u.text is None:
            out.append(None)
            continue
        text = u.text
        if previous is None:
            out.append(Cell(u.id, text, False, frozenset(), ()))
        else:
            classes = classify(previous, text)
            variant = bool(classes) and not classes <= ignore
            words = word_diff(previous, text) if text != previous else ()
            out.append(Cell(u.id, text, variant, classes, words))
        previous = text
    return tuple(out)


def collate(
    editions: Sequence[Edition],
    *,
    threshold: float = THRESHOLD,
    ignore: frozenset[TextClass] = frozenset(),
) -> Collation:
    """Align the texts of several editions (oldest first) into one table.

    A wording that differs from the previous one only in classes of ``ignore`` is no variant.

    Two editions give the same alignment as :func:`~guidelines_model.diff.diff`, except that
    paragraph lists (descriptions, definitions) are always one row.
    """
    # Implicit listed titles are the heading, as in diff().
    eds = [explicit(e) if prints_opening_list(e) else e for e in editions]
    if len(eds) < 2:
        raise ValueError("collate needs two editions or more")
    names = [contexts(e, e.values, extract(e, e.values)) for e in eds]
    groups = rows_of(*eds)
    table = _Table(groups)
    for k in range(1, len(eds)):
        # Fresh units for every pair: aligning renames the second side's re-keyed containers.
        pairs = align(
            extract(eds[k - 1], eds[k - 1].values),
            extract(eds[k], eds[k].values),
            threshold,
            join_paragraphs=True,
        )
        if k == 1:
            cursor: dict[str, int] = {}
            for first in table.sorted(_texts([p.a for p in pairs if p.a is not None])):
                table.put(0, first, None, cursor)
        match = {p.b.id: p.a for p in pairs if p.a is not None and p.b is not None}
        cursor = {}
        for y in table.sorted(_texts([p.b for p in pairs if p.b is not None])):
            x = match.get(y.id)
            row = table.row_of.get((k - 1, x.id)) if x is not None else None
            table.put(k, y, row or table.earlier(k, y), cursor)
    rows: list[CollationRow] = []
    for group in sorted(table.order, key=lambda g: table.rank.get(g, len(table.rank))):
        for row in table.order[group]:
            first = row.cells[min(row.cells)]
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
                    _cells(row, len(eds), ignore),
                )
            )
    return Collation(tuple(ref(e) for e in eds), tuple(rows), groups)

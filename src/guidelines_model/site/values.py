"""One page per core value: its wording in every edition side by side, variants highlighted."""

from __future__ import annotations

from dataclasses import dataclass, replace

from guidelines_model.diff import NOISE, Cell, CollationRow, TextClass, collate
from guidelines_model.diff.collate import bases_of
from guidelines_model.export.html import lang_of
from guidelines_model.model.documents import Edition
from guidelines_model.site._env import Writer
from guidelines_model.site.context import ValueInfo, short_label, value_path


@dataclass(frozen=True, slots=True)
class Column:
    """An edition as a column of the table."""

    id: str
    label: str
    title: str
    year: int
    lang: str
    href: str | None
    #: The edition this column is compared with (its label), or ``None`` for the first.
    base: str | None = None


@dataclass(frozen=True, slots=True)
class ShownCell:
    cell: Cell | None
    href: str | None
    #: A variant whose every difference is spelling, punctuation, capitals or spacing.
    noise: bool
    classes: str
    #: A variant in capitals or spacing only: drawn quietly, the text with a small marker.
    quiet: str | None = None
    #: The label of an earlier row of this value whose text this cell repeats.
    repeats: str | None = None


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    cells: tuple[ShownCell, ...]
    status: str
    #: The row's link to its history (site-root-relative), if it has one.
    history: str | None = None


def _label(row: CollationRow) -> str:
    local = row.label.rsplit(", ", 1)[-1] if ", " in row.label else row.label
    return local[:1].upper() + local[1:]


_ITEMS = frozenset({"practice-item", "supervisor-item"})
_QUIET = {
    frozenset({TextClass.CAPITALISATION}): "capitals only",
    frozenset({TextClass.WHITESPACE}): "spacing only",
    frozenset({TextClass.CAPITALISATION, TextClass.WHITESPACE}): "capitals and spacing only",
}


def _rows(w: Writer, rows: list[CollationRow]) -> list[Row]:
    out: list[Row] = []
    seen: list[dict[str, str]] = []  # per column: text -> the label of the row that has it
    for r in rows:
        cells = []
        label = _label(r)
        for k, c in enumerate(r.cells):
            while len(seen) <= k:
                seen.append({})
            noise = bool(c and c.variant and c.classification <= NOISE)
            classes = ", ".join(sorted(x.value for x in c.classification)) if c else ""
            quiet = _QUIET.get(c.classification) if c and c.variant else None
            # An item printed twice in one edition (2019 honest-direct items 1 and 4).
            item = r.node in _ITEMS
            repeats = seen[k].get(c.text) if c and item else None
            if c and item and repeats is None:
                seen[k][c.text] = label
            href = w.site.node_href(c.id) if c else None
            cells.append(ShownCell(c, href, noise, classes, quiet, repeats))
        out.append(Row(label, tuple(cells), r.status))
    return [replace(r, history=_history(w, r)) for r in _replaced(out)]


def _history(w: Writer, row: Row) -> str | None:
    """The history of the row's text in the first edition that has it."""
    first = next((c.cell.id for c in row.cells if c.cell is not None), "")
    # The description is one row here, under the value's id; its lineage is its paragraphs'.
    for id_ in (first, f"{first}/description/1"):
        if id_ in w.site.history:
            return w.site.history[id_]
    return None


def _replaced(rows: list[Row]) -> list[Row]:
    """Two neighbouring rows of one label that no edition has both of (an item removed and
    another added at its place) read as one row, "replaced" (display only: the diff keeps its
    removed and added changes)."""
    out: list[Row] = []
    for row in rows:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == row.label
            and prev.status == row.status == "partial"
            and all(
                (a.cell is None) != (b.cell is None)
                for a, b in zip(prev.cells, row.cells, strict=True)
            )
        ):
            merged = tuple(
                a if a.cell is not None else b for a, b in zip(prev.cells, row.cells, strict=True)
            )
            out[-1] = Row(prev.label, merged, "replaced")
        else:
            out.append(row)
    return out


def _single(e: Edition) -> list[CollationRow]:
    """The collation of one edition alone: every text as a row of one cell."""
    rows = []
    for v in e.values:
        for node in e.nodes():
            if node.text is not None and node.id.startswith(f"{v.id}/"):
                local = node.id[len(v.id) + 1 :].replace("/", " ")
                cell = Cell(node.id, node.text, False, frozenset(), ())
                rows.append(CollationRow(v.key, "values", v.key, node.kind, local, (cell,)))
    return rows


def write_values(w: Writer) -> None:
    """``values/<key>.html`` for every value key."""
    site = w.site
    eds = site.editions
    rows = list(collate(eds).rows) if len(eds) > 1 else (_single(eds[0]) if eds else [])
    bases = bases_of(eds) if len(eds) > 1 else [None]
    infos = site.values
    for i, info in enumerate(infos):
        columns = [
            Column(
                e.id,
                short_label(e),
                e.title,
                e.year,
                lang_of(e),
                site.node_href(f"{e.id}/{info.key}"),
                short_label(eds[b]) if (b := bases[k]) is not None else None,
            )
            for k, e in enumerate(eds)
        ]
        mine = _rows(w, [r for r in rows if r.group == info.key])
        glosses = [
            (d, g, site.node_href(g.id))
            for d in site.derivatives
            if (g := d.gloss(info.key)) is not None
        ]
        w.page(
            value_path(info.key),
            "value.html.j2",
            "values",
            title=f"{info.number}. {info.name}",
            total=len(infos),
            info=info,
            columns=columns,
            rows=mine,
            noise=sum(1 for r in mine for c in r.cells if c.noise),
            variants=sum(1 for r in mine if r.status == "variant"),
            glosses=glosses,
            prev=_neighbour(infos, i - 1),
            next=_neighbour(infos, i + 1),
        )


def _neighbour(infos: tuple[ValueInfo, ...], i: int) -> ValueInfo | None:
    return infos[i] if 0 <= i < len(infos) else None

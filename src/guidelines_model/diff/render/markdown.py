"""Markdown output, for pull-request comments: a summary table, then the changes by row.

Every text is escaped (:func:`guidelines_model.export.markdown.escape`), so content never turns
into markup; inline changes are ``<del>``/``<ins>`` (GitHub renders both).
"""

from __future__ import annotations

from guidelines_model.diff.collate import Cell, Collation
from guidelines_model.diff.model import Change, ChangeKind, DiffResult
from guidelines_model.diff.render._common import (
    COLUMNS,
    GAP,
    excerpt,
    flat,
    grouped,
    heading,
    side,
    summary_rows,
    visible,
)
from guidelines_model.diff.words import Token
from guidelines_model.export.markdown import escape

_MARKS = {
    ("delete", 0): "\ue000",
    ("delete", 1): "\ue001",
    ("insert", 0): "\ue002",
    ("insert", 1): "\ue003",
}
_TAGS = {"\ue000": "<del>", "\ue001": "</del>", "\ue002": "<ins>", "\ue003": "</ins>"}


def inline(parts: tuple[Token, ...]) -> str:
    """An inline diff with ``<del>``/``<ins>`` around the changed words.

    The line is escaped as a whole (private-use marks stand for the tags meanwhile), so that a
    mark such as ``-`` is escaped as text within a line, not as the start of a list.
    """
    out: list[str] = []
    for t in parts:
        if t.tag == "equal":
            out.append(flat(t.text))
        else:
            out.append(_MARKS[(t.tag, 0)] + visible(t.text) + _MARKS[(t.tag, 1)])
    text = escape("".join(out))
    for mark, tag in _TAGS.items():
        text = text.replace(mark, tag)
    return text


def _table(result: DiffResult) -> list[str]:
    out = ["| texts | " + " | ".join(COLUMNS) + " |", "| --- |" + " ---: |" * len(COLUMNS)]
    for row, counts in summary_rows(result):
        name = f"**{row}**" if row == "total" else escape(heading(row, result.titles))
        out.append(f"| {name} | " + " | ".join(str(counts[c]) for c in COLUMNS) + " |")
    return out


LEGEND = "Legend: <del>deleted</del> <ins>inserted</ins>; ␣ a changed space, ¶ a paragraph break."
_EXCERPT_TAG = {ChangeKind.ADDED: "ins", ChangeKind.REMOVED: "del"}


def _change(c: Change) -> list[str]:
    out = [f"- {escape(c.where)}: **{escape(c.describe())}**"]
    text = excerpt(c)
    if c.is_text_change:
        out.append(f"  {inline(c.words)}")
    elif text is not None:
        tag = _EXCERPT_TAG.get(c.kind)
        out.append(f"  <{tag}>{escape(text)}</{tag}>" if tag else f"  {escape(text)}")
    if len(out) > 1:
        out[0] += "<br>"
    return out


def diff_markdown(result: DiffResult, level: int = 1) -> str:
    """The diff as Markdown; ``level`` is the level of its top heading."""
    h = "#" * level
    old, new = result.old, result.new
    out = [
        f"{h} Changes from {escape(side(old))} to {escape(side(new))}",
        "",
        f"- **Old:** {escape(side(old))}: {escape(old.title)} ({old.year})",
        f"- **New:** {escape(side(new))}: {escape(new.title)} ({new.year})",
        "",
    ]
    if result.hidden:
        ignored = ", ".join(sorted(c.value for c in result.ignore))
        out += [f"{result.hidden} change(s) hidden: only {escape(ignored)}.", ""]
    out += [f"{h}# Summary", "", *_table(result), "", LEGEND, ""]
    if not result.changes:
        out += ["No changes.", ""]
    for row, changes in grouped(result.changes):
        out += [f"{h}# {escape(heading(row, result.titles))}", ""]
        for c in changes:
            out += _change(c)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def same_as(cell: Cell) -> str:
    """What an unchanged compared cell says: ``= 2013``, or ``= 2013 (spelling ignored)``."""
    ignored = ", ".join(sorted(c.value for c in cell.classification))
    return f"= {cell.base} ({ignored} ignored)" if ignored else f"= {cell.base}"


def _cell(cell: Cell | None) -> str:
    if cell is None:
        return GAP
    if cell.variant:
        return inline(cell.words)
    return escape(same_as(cell)) if cell.base is not None else escape(flat(cell.text))


def bases_line(table: Collation) -> str:
    """Which edition each column is compared with."""
    names = [side(e) for e in table.editions]
    pairs = [f"{names[k]} with {names[b]}" for k, b in enumerate(table.bases) if b is not None]
    return "Each column is compared with its base: " + "; ".join(pairs) + "."


def collation_markdown(table: Collation, level: int = 1) -> str:
    """The collation as Markdown tables, one per value or part.

    A cell shows the base wording in full, a variant's changes from its base inline, ``= ID``
    for the same wording as its base ``ID``, ``—`` for a gap.
    """
    h = "#" * level
    names = [escape(side(e)) for e in table.editions]
    out = [
        f"{h} Collation of {', '.join(names)}",
        "",
        f"{len(table.rows)} rows: {table.count('same')} the same in every edition, "
        f"{table.count('variant')} with variants, {table.count('partial')} with gaps.",
        "",
        escape(bases_line(table)),
        "",
        LEGEND,
        "",
    ]
    current = None
    for row in table.rows:
        if row.group != current:
            current = row.group
            out += [
                "",
                f"{h}# {escape(heading(row.group))}",
                "",
                "| | " + " | ".join(names) + " |",
                "| --- |" + " --- |" * len(names),
            ]
        cells = [_cell(c) for c in row.cells]
        out.append(f"| {escape(row.label)} | " + " | ".join(cells) + " |")
    return "\n".join(out).strip("\n") + "\n"

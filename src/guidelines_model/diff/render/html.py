"""HTML output: one self-contained page (inline CSS, no script, no network), side by side.

Every text goes through :func:`html.escape`; changed words are ``<del>`` in the old column and
``<ins>`` in the new one. A diff page has a linked table of contents and summary (each count
links to its section), an anchor on every row (the node's new id, or its old id when removed,
and a second anchor for the other id), both ids shown, a legend, and a noise toggle: a native
checkbox (keyboard and screen readers know it) that hides noise rows through CSS alone, so the
page needs no script and reads the same with scripts off. Long texts wrap: no horizontal
scrolling at 1280 px.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from guidelines_model.diff.collate import Cell, Collation
from guidelines_model.diff.model import NOISE, Change, DiffResult, hidden_by
from guidelines_model.diff.render._common import (
    COLUMNS,
    GAP,
    grouped,
    heading,
    side,
    summary_rows,
    visible,
)
from guidelines_model.diff.words import Token
from guidelines_model.export.html import page

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%;margin:1em 0;table-layout:fixed}
th,td{border:1px solid #ccc;padding:.35em .5em;vertical-align:top;text-align:left;
overflow-wrap:anywhere}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
table.summary th:first-child{width:14em}
del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}
.kind{font-weight:600}.added .kind{color:#060}.removed .kind{color:#900}
.moved .kind,.renumbered .kind{color:#036}.gap,.same{color:#999}.where{width:22%}
col.kind{width:11em}.ids{display:block;font:12px ui-monospace,monospace;color:#666;margin-top:.3em}
p.note,p.legend{color:#555}nav.toc ul{columns:3 14em}
.toggle{margin:1em 0}.toggle input:focus-visible{outline:2px solid #036;outline-offset:2px}
body:has(#hide-noise:checked) tr.noise{display:none}
:target,tr:has(:target){background:#ffc}
"""

_LEGEND = (
    '<p class="legend">Legend: <del>deleted</del> and <ins>inserted</ins> words; '
    "␣ a changed space, ¶ a paragraph break. Noise rows change only whitespace, punctuation, "
    "capitals or US/UK spelling.</p>"
)


def _text(text: str) -> str:
    return "<br><br>".join(escape(p) for p in text.split("\n\n"))


def _side(parts: tuple[Token, ...], keep: str) -> str:
    """One column of an inline diff: equal words and those of ``keep`` (delete or insert)."""
    out: list[str] = []
    for t in parts:
        if t.tag == "equal":
            out.append(_text(t.text))
        elif t.tag == keep:
            tag = t.tag[:3]
            out.append(f"<{tag}>{escape(visible(t.text))}</{tag}>")
    return "".join(out)


def _page(title: str, body: list[str]) -> str:
    return page(title, body, _CSS, main=False)


def _section_id(prefix: str, row: str) -> str:
    return f"{prefix}section-{row.replace(' ', '-')}"


def _group_title(row: str, changes: list[Change]) -> str:
    """A value's section is named as the guideline names it (``Value 1 "..."``)."""
    if changes and changes[0].part == "values":
        place = changes[0].old_place or changes[0].new_place
        if place is not None:
            return place.context
    return heading(row)


def _summary(result: DiffResult, prefix: str, linked: set[str]) -> list[str]:
    out = [
        '<table class="summary">',
        "<thead><tr><th>texts</th>" + "".join(f"<th>{c}</th>" for c in COLUMNS) + "</tr></thead>",
        "<tbody>",
    ]
    for row, counts in summary_rows(result):
        target = _section_id(prefix, row) if row in linked else None

        def cell(n: int, target: str | None = target) -> str:
            return f'<a href="#{escape(target)}">{n}</a>' if target and n else str(n)

        cells = "".join(f'<td class="n">{cell(counts[c])}</td>' for c in COLUMNS)
        name = escape(heading(row, result.titles))
        if target:
            name = f'<a href="#{escape(target)}">{name}</a>'
        out.append(f"<tr><th>{name}</th>{cells}</tr>")
    return [*out, "</tbody>", "</table>"]


class _Ids:
    """Row anchors, unique on the page: a node's id, or the metadata field."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: str) -> str:
        out, k = wanted, 1
        while out in self.used:
            k += 1
            out = f"{wanted}~{k}"
        self.used.add(out)
        return out

    def anchors(self, c: Change) -> tuple[str, list[str]]:
        """The row's id and further anchors: the other side's id, and every block of a split
        or merge."""
        if c.new_id is None and c.old_id is None:
            side = "new" if c.new is not None else "old"
            return self.take(f"{c.part}/{c.field or c.node}/{side}"), []
        first = c.new_id or c.old_id or ""
        others = [c.old_id, *c.new_ids, *c.old_ids] if c.new_id is not None else [*c.old_ids]
        seen = {first}
        more = []
        for other in others:
            if other and other not in seen:
                seen.add(other)
                more.append(self.take(other))
        return self.take(first), more


def _ids_line(c: Change) -> str:
    parts = []
    if c.old_id:
        parts.append(f"old: {escape(', '.join(c.all_old_ids))}")
    if c.new_id:
        parts.append(f"new: {escape(', '.join(c.all_new_ids))}")
    if not parts and c.field:
        parts.append(f"field: {escape(c.field)}")
    return f'<span class="ids">{" · ".join(parts)}</span>' if parts else ""


def _change(c: Change, ids: _Ids) -> str:
    if c.is_text_change:
        old, new = _side(c.words, "delete"), _side(c.words, "insert")
    else:
        old = (
            f"<del>{_text(c.old)}</del>"
            if c.old is not None and c.new is None
            else (_text(c.old) if c.old is not None else "")
        )
        new = (
            f"<ins>{_text(c.new)}</ins>"
            if c.new is not None and c.old is None
            else (_text(c.new) if c.new is not None else "")
        )
    row_id, others = ids.anchors(c)
    second = "".join(f'<span id="{escape(other)}"></span>' for other in others)
    noise = " noise" if hidden_by(c, NOISE) else ""
    return (
        f'<tr id="{escape(row_id)}" class="{c.kind.value}{noise}">'
        f'<td class="where">{second}<a href="#{escape(row_id)}">{escape(c.where)}</a>'
        f"{_ids_line(c)}</td>"
        f'<td class="kind">{escape(c.describe())}</td><td>{old}</td><td>{new}</td></tr>'
    )


def diff_body(
    result: DiffResult, level: int = 1, prefix: str = "", ids: _Ids | None = None
) -> list[str]:
    """The body of a diff page (``level`` is the level of its top heading; ``prefix`` makes
    section ids unique when several diffs share a page)."""
    ids = ids or _Ids()
    old, new = side(result.old), side(result.new)
    groups = grouped(result.changes)
    linked = {row for row, _ in groups}
    noise = sum(1 for c in result.changes if hidden_by(c, NOISE))
    out = [
        f"<h{level}>Changes from {escape(old)} to {escape(new)}</h{level}>",
        f"<p>{escape(old)}: {escape(result.old.title)} ({result.old.year}) &rarr; "
        f"{escape(new)}: {escape(result.new.title)} ({result.new.year})</p>",
    ]
    if result.hidden:
        ignored = ", ".join(sorted(c.value for c in result.ignore))
        out.append(f'<p class="note">{result.hidden} change(s) hidden: only {escape(ignored)}.</p>')
    if groups:
        out += [
            f'<nav class="toc" aria-label="Contents"><h{level + 1}>Contents</h{level + 1}><ul>',
            *(
                f'<li><a href="#{escape(_section_id(prefix, row))}">'
                f"{escape(_group_title(row, changes))}</a> ({len(changes)})</li>"
                for row, changes in groups
            ),
            "</ul></nav>",
        ]
    out += [f"<h{level + 1}>Summary</h{level + 1}>", *_summary(result, prefix, linked), _LEGEND]
    if noise:
        out.append(
            f'<p class="toggle"><input type="checkbox" id="hide-noise"> '
            f'<label for="hide-noise">Hide the {noise} noise row(s)</label></p>'
        )
    for row, changes in groups:
        title = _group_title(row, changes)
        out += [
            f'<section id="{escape(_section_id(prefix, row))}">'
            f"<h{level + 1}>{escape(title)}</h{level + 1}>",
            '<table><colgroup><col class="where"><col class="kind"><col><col></colgroup>'
            "<thead><tr><th>Where</th><th>Change</th>"
            f"<th>{escape(old)}</th><th>{escape(new)}</th></tr></thead><tbody>",
        ]
        out += [_change(c, ids) for c in changes]
        out += ["</tbody></table></section>"]
    if not result.changes:
        out.append("<p>No changes.</p>")
    return out


def diff_html(result: DiffResult) -> str:
    """The diff as a self-contained HTML page."""
    return _page(f"Changes from {side(result.old)} to {side(result.new)}", diff_body(result))


def rev_bodies(results: Sequence[DiffResult]) -> list[list[str]]:
    """The bodies of several diffs on one page, with ids unique across them."""
    ids = _Ids()
    return [diff_body(d, 2, f"{d.new.id}-", ids) for d in results]


def pages_html(title: str, bodies: Sequence[list[str]]) -> str:
    """Several bodies (one per diff) on one page."""
    return _page(title, [f"<h1>{escape(title)}</h1>", *(line for b in bodies for line in b)])


def inline(parts: tuple[Token, ...]) -> str:
    """An inline diff, escaped, with ``<del>``/``<ins>`` around the changed words."""
    out: list[str] = []
    for t in parts:
        if t.tag == "equal":
            out.append(_text(t.text))
        else:
            tag = t.tag[:3]
            out.append(f"<{tag}>{escape(visible(t.text))}</{tag}>")
    return "".join(out)


def _cell(cell: Cell | None) -> str:
    if cell is None:
        return f'<td class="gap">{GAP}</td>'
    if cell.variant:
        return f'<td class="variant">{inline(cell.words)}</td>'
    return f"<td>{_text(cell.text)}</td>"


def collation_html(table: Collation) -> str:
    """The collation as a self-contained HTML page: a table per value or part."""
    names = [side(e) for e in table.editions]
    title = "Collation of " + ", ".join(names)
    out = [
        f"<h1>{escape(title)}</h1>",
        f"<p>{len(table.rows)} rows: {table.count('same')} the same in every edition, "
        f"{table.count('variant')} with variants, {table.count('partial')} with gaps. "
        "A variant shows its changes from its base edition's wording.</p>",
        *(
            f"<p>{escape(n)} is compared with {escape(names[b])}.</p>"
            for n, b in zip(names, table.bases, strict=False)
            if b is not None
        ),
    ]
    current = None
    for row in table.rows:
        if row.group != current:
            if current is not None:
                out.append("</tbody></table></section>")
            current = row.group
            out += [
                f"<section><h2>{escape(heading(row.group))}</h2>",
                '<table><thead><tr><th class="where">Where</th>'
                + "".join(f"<th>{escape(n)}</th>" for n in names)
                + "</tr></thead><tbody>",
            ]
        out.append(
            f'<tr class="{row.status}"><td class="where">{escape(row.label)}</td>'
            + "".join(_cell(c) for c in row.cells)
            + "</tr>"
        )
    if current is not None:
        out.append("</tbody></table></section>")
    return _page(title, out)

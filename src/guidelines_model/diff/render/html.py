"""HTML output: one self-contained page (inline CSS, no script, no network), side by side.

Every text goes through :func:`html.escape`; changed words are ``<del>`` in the old column and
``<ins>`` in the new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from guidelines_model.diff.collate import Cell, Collation
from guidelines_model.diff.model import Change, DiffResult
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

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%;margin:1em 0}
th,td{border:1px solid #ccc;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}
.kind{white-space:nowrap;font-weight:600}.added .kind{color:#060}.removed .kind{color:#900}
.moved .kind,.renumbered .kind{color:#036}.gap,.same{color:#999}.where{width:22%}
p.note{color:#555}
"""


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
    return (
        "\n".join(
            [
                "<!DOCTYPE html>",
                '<html lang="en">',
                "<head>",
                '<meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                f"<title>{escape(title)}</title>",
                f"<style>{_CSS}</style>",
                "</head>",
                "<body>",
                *body,
                "</body>",
                "</html>",
            ]
        )
        + "\n"
    )


def _summary(result: DiffResult) -> list[str]:
    out = [
        '<table class="summary">',
        "<thead><tr><th></th>" + "".join(f"<th>{c}</th>" for c in COLUMNS) + "</tr></thead>",
        "<tbody>",
    ]
    for row, counts in summary_rows(result):
        cells = "".join(f'<td class="n">{counts[c]}</td>' for c in COLUMNS)
        out.append(f"<tr><th>{escape(heading(row))}</th>{cells}</tr>")
    return [*out, "</tbody>", "</table>"]


def _change(c: Change) -> str:
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
    return (
        f'<tr class="{c.kind.value}"><td class="where">{escape(c.where)}</td>'
        f'<td class="kind">{escape(c.describe())}</td><td>{old}</td><td>{new}</td></tr>'
    )


def diff_body(result: DiffResult, level: int = 1) -> list[str]:
    """The body of a diff page (``level`` is the level of its top heading)."""
    old, new = side(result.old), side(result.new)
    out = [
        f"<h{level}>Changes from {escape(old)} to {escape(new)}</h{level}>",
        f"<p>{escape(old)}: {escape(result.old.title)} ({result.old.year}) &rarr; "
        f"{escape(new)}: {escape(result.new.title)} ({result.new.year})</p>",
    ]
    if result.hidden:
        ignored = ", ".join(sorted(c.value for c in result.ignore))
        out.append(f'<p class="note">{result.hidden} change(s) hidden: only {escape(ignored)}.</p>')
    out += _summary(result)
    for row, changes in grouped(result.changes):
        out += [
            f"<section><h{level + 1}>{escape(heading(row))}</h{level + 1}>",
            "<table><thead><tr><th>Where</th><th>Change</th>"
            f"<th>{escape(old)}</th><th>{escape(new)}</th></tr></thead><tbody>",
        ]
        out += [_change(c) for c in changes]
        out += ["</tbody></table></section>"]
    if not result.changes:
        out.append("<p>No changes.</p>")
    return out


def diff_html(result: DiffResult) -> str:
    """The diff as a self-contained HTML page."""
    return _page(f"Changes from {side(result.old)} to {side(result.new)}", diff_body(result))


def pages_html(title: str, bodies: Sequence[list[str]]) -> str:
    """Several bodies (one per diff) on one page."""
    return _page(title, [f"<h1>{escape(title)}</h1>", *(line for b in bodies for line in b)])


def _inline(parts: tuple[Token, ...]) -> str:
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
        return f'<td class="variant">{_inline(cell.words)}</td>'
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

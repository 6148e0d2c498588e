"""Terminal output: a summary table and its legend, then every change with its words
highlighted.

Coloured with ANSI codes when asked (the command asks when stdout is a terminal and NO_COLOR is
unset); otherwise inline changes are marked wdiff-style, ``[-deleted-]{+inserted+}``. Lines are
wrapped to ``width`` when one is given (the command gives the terminal's; none when piped, so
that tools see one change per line).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from guidelines_model.diff.collate import Collation
from guidelines_model.diff.model import PART_CHOICES, Change, ChangeKind, DiffResult
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

_KIND_COLOUR = {
    ChangeKind.ADDED: "32",
    ChangeKind.REMOVED: "31",
    ChangeKind.MOVED: "36",
    ChangeKind.REWORDED: "33",
    ChangeKind.RENUMBERED: "35",
}


class _Style:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.colour and text else text

    def inline(self, parts: tuple[Token, ...]) -> str:
        out: list[str] = []
        for t in parts:
            if t.tag == "equal":
                out.append(flat(t.text))
            elif self.colour:
                out.append(self(visible(t.text), "9;31" if t.tag == "delete" else "4;32"))
            else:
                out.append(
                    f"[-{visible(t.text)}-]" if t.tag == "delete" else f"{{+{visible(t.text)}+}}"
                )
        return "".join(out)


def inline(parts: tuple[Token, ...]) -> str:
    """An inline diff as plain text, wdiff-style: ``[-deleted-]{+inserted+}``."""
    return _Style(colour=False).inline(parts)


_ANSI = re.compile(r"\033\[[0-9;]*m")
#: What the summary table counts, in its top-left cell.
COUNTS = "texts"


def legend(colour: bool) -> str:
    """The one line that explains the marks of an inline change."""
    marks = (
        "deleted words struck through in red, inserted underlined in green"
        if colour
        else "[-deleted-] {+inserted+}"
    )
    return f"Legend: {marks}; ␣ a changed space, ¶ a paragraph break; + added, - removed."


def wrap(line: str, width: int | None) -> list[str]:
    """``line`` cut at spaces to ``width`` visible characters (colour codes take none), the
    continuation indented like the line and two more; one line when ``width`` is None."""
    if width is None or len(_ANSI.sub("", line)) <= width:
        return [line]
    lead = len(line) - len(line.lstrip(" "))
    indent = " " * (lead + 2)
    words = line[lead:].split(" ")
    out: list[str] = []
    current = line[:lead] + words[0]
    for word in words[1:]:
        candidate = f"{current} {word}"
        if current.strip() and len(_ANSI.sub("", candidate)) > width:
            out.append(current)
            current = indent + word
        else:
            current = candidate
    out.append(current)
    return out


def _table(
    rows: list[tuple[str, dict[str, int]]], titles: Mapping[str, str], style: _Style
) -> list[str]:
    width = max(len(COUNTS), *(len(heading(r, titles)) for r, _ in rows))
    widths = [max(len(c), 5) for c in COLUMNS]
    head = (
        COUNTS.ljust(width)
        + "  "
        + "  ".join(c.rjust(w) for c, w in zip(COLUMNS, widths, strict=True))
    )
    out = [style(head, "1")]
    for row, counts in rows:
        cells = "  ".join(str(counts[c]).rjust(w) for c, w in zip(COLUMNS, widths, strict=True))
        line = f"{heading(row, titles).ljust(width)}  {cells}"
        out.append(style(line, "1") if row == "total" else line)
    return out


_SIGNS = {ChangeKind.ADDED: ("+ ", "32"), ChangeKind.REMOVED: ("- ", "31")}


def _change(c: Change, style: _Style) -> list[str]:
    label = f"{c.where}: {style(c.describe(), _KIND_COLOUR.get(c.kind, '0'))}"
    out = [f"  {label}"]
    text = excerpt(c)
    if c.is_text_change:
        out.append(f"    {style.inline(c.words)}")
    elif text is not None:
        sign, colour = _SIGNS.get(c.kind, ("", "0"))
        out.append(f"    {style(sign + text, colour) if sign else text}")
    return out


def diff_text(result: DiffResult, colour: bool = False, width: int | None = None) -> str:
    """The diff as terminal text, wrapped to ``width`` if given."""
    style = _Style(colour)
    old, new = result.old, result.new
    out = [
        style(
            f"Changes from {side(old)} ({old.title}, {old.year}) "
            f"to {side(new)} ({new.title}, {new.year})",
            "1",
        ),
        "",
    ]
    out += [*_table(summary_rows(result), result.titles, style), legend(colour), ""]
    if result.hidden:
        ignored = ", ".join(sorted(c.value for c in result.ignore))
        out += [f"{result.hidden} change(s) hidden: only {ignored}", ""]
    if result.parts and "all" not in result.parts:
        shown = ", ".join(p for p in PART_CHOICES if p in result.parts)
        out += [f"Changes listed below: {shown} only (the table counts every part).", ""]
    if not result.changes:
        out.append("No changes.")
    for row, changes in grouped(result.changes):
        out.append(style(f"== {heading(row, result.titles)} ==", "1"))
        for c in changes:
            out += _change(c, style)
        out.append("")
    return "\n".join(line for raw in out for line in wrap(raw, width)).rstrip("\n") + "\n"


def collation_text(table: Collation, colour: bool = False) -> str:
    """The collation as terminal text: each row with every edition's wording below it, each
    compared with its base edition."""
    style = _Style(colour)
    names = [side(e) for e in table.editions]
    width = max(len(n) for n in names)
    pairs = [f"{names[k]} with {names[b]}" for k, b in enumerate(table.bases) if b is not None]
    out = [
        style("Collation of " + ", ".join(names), "1"),
        f"{len(table.rows)} rows: {table.count('same')} same, {table.count('variant')} "
        "with variants, " + f"{table.count('partial')} with gaps",
        "Each column is compared with its base: " + "; ".join(pairs) + ".",
        legend(colour),
        "",
    ]
    current = None
    for row in table.rows:
        if row.group != current:
            current = row.group
            out.append(style(f"== {heading(row.group)} ==", "1"))
        out.append(f"  {row.label} [{row.status}]")
        for name, cell in zip(names, row.cells, strict=True):
            if cell is None:
                text = style(GAP, "2")
            elif cell.variant:
                text = style.inline(cell.words)
            elif cell.base is not None:
                ignored = ", ".join(sorted(c.value for c in cell.classification))
                same = f"(same as {cell.base}" + (f", {ignored} ignored)" if ignored else ")")
                text = style(same, "2")
            else:
                text = flat(cell.text)
            out.append(f"    {name.ljust(width)}  {text}")
    return "\n".join(out).rstrip("\n") + "\n"

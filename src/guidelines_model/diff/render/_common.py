"""What every output format shares: columns, grouping, headings, visible whitespace."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from guidelines_model.diff.model import KINDS, Change, ChangeKind, DiffResult, EditionRef
from guidelines_model.diff.units import PART_LABELS

COLUMNS: tuple[str, ...] = (*(k.value for k in KINDS), "hidden")
GAP = "—"


def side(ref: EditionRef) -> str:
    """How an edition is named in headings: ``2013`` or ``2013 @ HEAD``."""
    return f"{ref.id} @ {ref.revision}" if ref.revision else ref.id


def heading(row: str, titles: Mapping[str, str] | None = None) -> str:
    """A summary row as a heading: a value by its number and title (from ``titles``, a
    :attr:`DiffResult.titles`; else its key), a part in the guideline's words."""
    return PART_LABELS.get(row) or (titles or {}).get(row, row)


def flat(text: str) -> str:
    """One line: paragraph breaks shown as a pilcrow."""
    return text.replace("\n\n", " ¶ ").replace("\n", " ")


def visible(text: str) -> str:
    """A changed piece that is only whitespace, made visible (␣ for a space, ¶ for a break)."""
    if text.strip():
        return flat(text)
    return text.replace("\n\n", "¶").replace("\n", "¶").replace(" ", "␣")


def excerpt(c: Change) -> str | None:
    """The one line a single-column format prints under a change that is not a rewording: the
    text of an added, moved or renumbered unit, the old text of a removed one (``None`` for
    the rest)."""
    if c.is_text_change:
        return None
    if c.kind in (ChangeKind.ADDED, ChangeKind.MOVED, ChangeKind.RENUMBERED) and c.new is not None:
        return flat(c.new)
    if c.kind is ChangeKind.REMOVED and c.old is not None:
        return flat(c.old)
    return None


def grouped(changes: Iterable[Change]) -> list[tuple[str, list[Change]]]:
    """Changes by summary row, rows in the order they come."""
    out: dict[str, list[Change]] = {}
    for c in changes:
        out.setdefault(c.row, []).append(c)
    return list(out.items())


def summary_rows(result: DiffResult) -> list[tuple[str, dict[str, int]]]:
    """Summary rows with something in them, and the total row last."""
    rows = [(row, counts) for row, counts in result.summary().items() if any(counts.values())]
    return [*rows, ("total", result.totals())]

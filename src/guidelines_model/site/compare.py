"""Comparison pages: each edition against the one it is based on, from :func:`diff`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from guidelines_model.diff import NOISE, Change, ChangeKind, DiffResult, diff
from guidelines_model.diff.render._common import grouped, heading
from guidelines_model.export.html import lang_of
from guidelines_model.model.documents import Edition
from guidelines_model.site._env import Writer
from guidelines_model.site.context import compare_path, short_label

#: Summary columns: the kinds a reader cares about (unchanged is counted too).
KINDS = ("unchanged", "added", "removed", "moved", "reworded", "renumbered")


@dataclass(frozen=True, slots=True)
class ShownChange:
    change: Change
    noise: bool
    old_href: str | None
    new_href: str | None
    #: Where, without the value's name when the change stays inside the value it is listed under.
    where: str


@dataclass(frozen=True, slots=True)
class Group:
    anchor: str
    title: str
    changes: tuple[ShownChange, ...]


@dataclass(frozen=True, slots=True)
class SummaryRow:
    anchor: str | None
    title: str
    counts: dict[str, int]
    noise: int


def is_noise(c: Change) -> bool:
    """A rewording whose every difference is spelling, punctuation, capitals or spacing."""
    return c.kind is ChangeKind.REWORDED and bool(c.classification) and c.classification <= NOISE


def _where(c: Change) -> str:
    place = c.old_place or c.new_place
    prefix = f"{place.context}, " if place is not None else ""
    if c.value is None or not prefix or not c.where.startswith(prefix) or " → " in c.where:
        return c.where
    local = c.where[len(prefix) :]
    return local[:1].upper() + local[1:]


def _slug(row: str) -> str:
    return "changes-" + re.sub(r"[^a-z0-9]+", "-", row.lower()).strip("-")


def _titles(w: Writer) -> dict[str, str]:
    return {v.key: f"{v.number}. {v.name}" for v in w.site.values}


def _groups(w: Writer, result: DiffResult) -> list[Group]:
    titles = _titles(w)
    out = []
    for row, changes in grouped(result.changes):
        shown = tuple(
            ShownChange(
                c,
                is_noise(c),
                w.site.node_href(c.old_id),
                w.site.node_href(c.new_id),
                _where(c),
            )
            for c in changes
        )
        out.append(Group(_slug(row), titles.get(row, heading(row)), shown))
    return out


def _summary(w: Writer, result: DiffResult, groups: list[Group]) -> list[SummaryRow]:
    titles = _titles(w)
    noise: dict[str, int] = {}
    for c in result.changes:
        noise[c.row] = noise.get(c.row, 0) + is_noise(c)
    anchors = {g.anchor for g in groups}
    rows = []
    for row, counts in result.summary().items():
        if not any(counts.values()):
            continue
        anchor = _slug(row) if _slug(row) in anchors else None
        shown = {k: counts[k] for k in KINDS}
        rows.append(SummaryRow(anchor, titles.get(row, heading(row)), shown, noise.get(row, 0)))
    totals = result.totals()
    rows.append(SummaryRow(None, "Total", {k: totals[k] for k in KINDS}, sum(noise.values())))
    return rows


def write_comparisons(w: Writer) -> list[tuple[Edition, Edition, dict[str, int]]]:
    """``compare/<old>-to-<new>.html`` for each edition and its parent; returns the totals."""
    made = []
    for old, new in w.site.pairs:
        result = diff(old, new)
        groups = _groups(w, result)
        summary = _summary(w, result, groups)
        w.page(
            compare_path(old.id, new.id),
            "compare.html.j2",
            "compare",
            title=f"Changes from {short_label(old)} to {short_label(new)}",
            old=old,
            new=new,
            old_label=short_label(old),
            new_label=short_label(new),
            old_lang=lang_of(old),
            new_lang=lang_of(new),
            kinds=KINDS,
            summary=summary,
            groups=groups,
            noise=summary[-1].noise,
        )
        made.append((old, new, summary[-1].counts))
    return made

"""JSON output (``schema_version: 2``), indented, keys in a fixed order, trailing newline.

Every diff output has one shape, described by ``schema/diff.schema.json``. A diff of two
editions and a comparison with a git revision (``--rev``) differ only in ``kind``, ``rev``, the
editions found on one side only, and how many comparisons they hold::

    {"schema_version": 2, "kind": "diff" | "rev",
     "rev": null | "HEAD",                     # the git revision of the old sides
     "editions_added": [], "editions_removed": [],   # --rev: editions on one side only
     "ignore": ["spelling", ...],              # classes hidden (sorted)
     "include": ["provenance"],                # what is shown only on request
     "parts": ["values"],                      # --part ([] for every part)
     "comparisons": [{"old": EDITION, "new": EDITION, "hidden": 0,
                      "summary": {"rows": {ROW: COUNTS}, "total": COUNTS}}],
     "changes": [CHANGE, ...]}                 # listed changes of every comparison, in order

EDITION is ``{"id", "title", "year", "revision"}``. ROW is a value key or a part name ("front
matter", "glossary"...); COUNTS maps each kind (unchanged, added, removed, moved, reworded,
renumbered) and "hidden" to a count of texts. A CHANGE::

    {"old_edition": "2013", "new_edition": "2019_supervisors",
     "kind": "reworded",                       # added removed moved reworded renumbered
                                               # split merged (running text cut or joined)
     "classification": ["punctuation"],        # every class that applies: whitespace
                                               # punctuation capitalisation spelling correction
                                               # substantive; [] when the wording is the same
     "node": "practice-item",                  # node kind (see guidelines_model.model.nodes),
                                               # "opening-list", "metadata" or "provenance"
     "part": "values", "value": "transparent", # value key, or null outside the values
     "old_id": "2013/transparent/practice/2",  # null where absent (and for metadata)
     "new_id": "2019_supervisors/transparent/practice/2",
     "old_ids": [], "new_ids": [],             # every block of a merge's old / split's new side
     "field": null,                            # the metadata field, e.g. "licence.name"
     "old": "...", "new": "...",               # texts, null where absent or not a text
     "similarity": 1.0,                        # 0-1 when both sides are present, else null
     "label": "Value 11 \"...\", practice item 2: reworded (punctuation)",
     "words": [["equal", "..."], ["delete", " "], ["insert", "-"], ...]}  # [] unless reworded

A collation: ``{"schema_version": 2, "kind": "collation", "editions": [EDITION, ...],
"bases": [null or edition id per column], "parts": [...], "summary": {"same", "variant",
"partial"}, "rows": [ROW, ...]}`` where a ROW is ``{"group", "part", "value", "node", "label",
"status", "cells": [CELL or null per edition]}`` and a CELL is ``{"id", "text", "variant",
"classification", "words", "base"}`` (words against the base edition's wording).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from guidelines_model.diff.collate import Cell, Collation
from guidelines_model.diff.model import Change, DiffResult, EditionRef
from guidelines_model.diff.words import Token

if TYPE_CHECKING:
    from guidelines_model.diff.git import RevReport

SCHEMA_VERSION = 2


def _ref(e: EditionRef) -> dict[str, Any]:
    return {"id": e.id, "title": e.title, "year": e.year, "revision": e.revision}


def _words(parts: tuple[Token, ...]) -> list[list[str]]:
    return [[t.tag, t.text] for t in parts]


def change_data(c: Change, result: DiffResult) -> dict[str, Any]:
    """One change of ``result`` as JSON data."""
    return change_between(c, result.old.id, result.new.id)


def change_between(c: Change, old_edition: str, new_edition: str) -> dict[str, Any]:
    """One change from ``old_edition`` to ``new_edition`` as JSON data (a CHANGE above)."""
    return {
        "old_edition": old_edition,
        "new_edition": new_edition,
        "kind": c.kind.value,
        "classification": sorted(k.value for k in c.classification),
        "node": c.node,
        "part": c.part,
        "value": c.value,
        "old_id": c.old_id,
        "new_id": c.new_id,
        "old_ids": list(c.old_ids),
        "new_ids": list(c.new_ids),
        "field": c.field,
        "old": c.old,
        "new": c.new,
        "similarity": None if c.similarity is None else round(c.similarity, 4),
        "label": c.label,
        "words": _words(c.words) if c.is_text_change else [],
    }


def _comparison(result: DiffResult) -> dict[str, Any]:
    return {
        "old": _ref(result.old),
        "new": _ref(result.new),
        "hidden": result.hidden,
        "summary": {
            "rows": {r: n for r, n in result.summary().items() if any(n.values())},
            "total": result.totals(),
        },
    }


def _diffs_data(
    kind: str,
    diffs: tuple[DiffResult, ...],
    rev: str | None = None,
    added: tuple[str, ...] = (),
    removed: tuple[str, ...] = (),
) -> dict[str, Any]:
    first = diffs[0] if diffs else None
    return {
        "kind": kind,
        "rev": rev,
        "editions_added": list(added),
        "editions_removed": list(removed),
        "ignore": sorted(c.value for c in first.ignore) if first else [],
        "include": sorted(first.include) if first else [],
        "parts": sorted(first.parts) if first else [],
        "comparisons": [_comparison(d) for d in diffs],
        "changes": [change_data(c, d) for d in diffs for c in d.changes],
    }


def diff_data(result: DiffResult) -> dict[str, Any]:
    """A diff as JSON data (without ``schema_version``)."""
    return _diffs_data("diff", (result,))


def _cell(c: Cell | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "id": c.id,
        "text": c.text,
        "variant": c.variant,
        "classification": sorted(k.value for k in c.classification),
        "words": _words(c.words),
        "base": c.base,
    }


def collation_data(table: Collation) -> dict[str, Any]:
    """A collation as JSON data (without ``schema_version``)."""
    return {
        "kind": "collation",
        "editions": [_ref(e) for e in table.editions],
        "bases": [None if b is None else table.editions[b].id for b in table.bases],
        "parts": sorted(table.parts),
        "summary": {s: table.count(s) for s in ("same", "variant", "partial")},
        "rows": [
            {
                "group": r.group,
                "part": r.part,
                "value": r.value,
                "node": r.node,
                "label": r.label,
                "status": r.status,
                "cells": [_cell(c) for c in r.cells],
            }
            for r in table.rows
        ],
    }


def rev_data(report: RevReport) -> dict[str, Any]:
    """A comparison with a git revision as JSON data (without ``schema_version``): the shape
    of a diff, with one comparison per edition on both sides."""
    return _diffs_data("rev", report.diffs, report.rev, report.added, report.removed)


def dumps(data: dict[str, Any]) -> str:
    """``data`` with ``schema_version`` first, as indented JSON with a trailing newline."""
    return (
        json.dumps({"schema_version": SCHEMA_VERSION, **data}, ensure_ascii=False, indent=2) + "\n"
    )

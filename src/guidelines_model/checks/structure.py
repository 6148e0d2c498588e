"""Structure: the 12-value invariant, numbering, and the opening list against the headings."""

from __future__ import annotations

import os
from collections.abc import Iterator

from guidelines_model.checks.finding import Finding, Severity
from guidelines_model.checks.registry import Context, rule
from guidelines_model.load.find import VALUES_DIR
from guidelines_model.model.documents import Edition
from guidelines_model.model.errors import close_match
from guidelines_model.model.ids import CANONICAL_VALUE_KEYS, join
from guidelines_model.model.origin import Location
from guidelines_model.model.parts import Item
from guidelines_model.verify import normalise

CANON = list(CANONICAL_VALUE_KEYS)


def _edition(ctx: Context) -> Edition:
    assert isinstance(ctx.doc, Edition)
    return ctx.doc


@rule("GM101", "value-count", Severity.ERROR)
def value_count(ctx: Context) -> Iterator[Finding]:
    """An edition has exactly the 12 core values; an adaptation may retitle, never drop or add."""
    e = _edition(ctx)
    keys = [v.key for v in e.values]
    if len(keys) != 12:
        missing = [k for k in CANON if k not in keys]
        extra = [k for k in keys if k not in CANON]
        detail = "; ".join(
            filter(
                None,
                [
                    f"missing: {', '.join(missing)}" if missing else "",
                    f"not canonical: {', '.join(extra)}" if extra else "",
                ],
            )
        )
        # At the first extra value's file; for a missing one, at the values/ folder it is
        # missing from.
        extra_value = next((v for v in e.values if v.key not in CANON), None)
        yield ctx.finding(
            f"{len(keys)} core values; every edition has 12" + (f" ({detail})" if detail else ""),
            extra_value.id if extra_value else e.id,
            hint="add or restore the value file under values/; an adaptation keeps all 12 values",
            location=None if extra_value else _values_folder(ctx),
        )


def _values_folder(ctx: Context) -> Location | None:
    """The edition's ``values/`` folder, where a missing or extra value file is."""
    origin = ctx.doc.origin
    if origin is None or not origin.parts:
        return None
    metadata = origin.parts[0][2].file  # edition.yaml, read first
    folder = os.path.join(os.path.dirname(metadata), VALUES_DIR)
    return Location(folder + os.sep, 1, 1, ctx.doc.id)


@rule("GM102", "value-key", Severity.ERROR)
def value_key(ctx: Context) -> Iterator[Finding]:
    """Each value uses one of the canonical keys, once."""
    seen: set[str] = set()
    for v in _edition(ctx).values:
        if v.key not in CANON:
            close = close_match(v.key, CANON)
            yield ctx.finding(
                f"value key {v.key!r} is not one of the 12 canonical keys",
                v.id,
                hint=f"did you mean {close!r}?" if close else f"use one of: {', '.join(CANON)}",
            )
        elif v.key in seen:
            yield ctx.finding(f"value key {v.key!r} is used twice", v.id)
        seen.add(v.key)


@rule("GM103", "value-order", Severity.ERROR)
def value_order(ctx: Context) -> Iterator[Finding]:
    """Values are numbered 1 to 12 and appear in the canonical order.

    A value's number is checked against its canonical position, so that a missing value
    (GM101) does not make every value after it look misnumbered.
    """
    latest: tuple[int, str] | None = None  # canonical position and key of the value before
    for pos, v in enumerate(_edition(ctx).values, start=1):
        canonical = CANON.index(v.key) + 1 if v.key in CANON else None
        expected = canonical or pos
        if v.number != expected:
            yield ctx.finding(
                f"value {v.key!r} is numbered {v.number}; expected {expected}",
                v.id,
                hint="values are numbered as the canonical order numbers them",
                location=ctx.locate(v.id, "number"),
            )
        if canonical is None:
            continue
        if latest is not None and canonical < latest[0]:
            yield ctx.finding(
                f"value {v.key!r} (canonical position {canonical}) comes after {latest[1]!r} "
                f"(canonical position {latest[0]})",
                v.id,
                hint="rename the value files so that they sort in canonical order",
            )
        latest = (canonical, v.key)


def _numbering(ctx: Context, items: tuple[Item, ...], what: str) -> Iterator[Finding]:
    for pos, it in enumerate(items, start=1):
        if it.n != pos:
            yield ctx.finding(
                f"{what}: item numbered {it.n} in position {pos}; numbers run "
                f"1, 2, 3... without gaps or repeats",
                it.id,
                it.text,
                location=ctx.locate(it.id, "n"),
            )
            return  # one finding per list: later numbers are off by the same cause


@rule("GM104", "item-numbering", Severity.ERROR)
def item_numbering(ctx: Context) -> Iterator[Finding]:
    """Printed (and bullet) item numbers are consecutive from 1: no gaps, no repeats."""
    e = _edition(ctx)
    for v in e.values:
        yield from _numbering(ctx, v.practice.items, f"value {v.number} practice")
        if v.supervisor:
            yield from _numbering(ctx, v.supervisor.items, f"value {v.number} supervisor column")
    yield from _numbering(ctx, e.key_objectives, "key objectives")
    yield from _numbering(ctx, e.interview_questions, "interview questions")
    for c in e.competencies:
        yield from _numbering(ctx, c.items, f"competency category {c.n}")
    for pos, c in enumerate(e.competencies, start=1):
        if c.n != pos:
            yield ctx.finding(f"competency category numbered {c.n} in position {pos}", c.id)
    for pos, r in enumerate(e.role_table, start=1):
        if r.n != pos:
            yield ctx.finding(f"role table row numbered {r.n} in position {pos}", r.id)


@rule("GM105", "listed-title", Severity.ERROR)
def listed_title(ctx: Context) -> Iterator[Finding]:
    """The title in the opening list matches the value heading (case folded)."""
    for v in _edition(ctx).values:
        if v.listed_title is None:
            continue
        if normalise(v.listed_title).casefold() != normalise(v.title).casefold():
            yield ctx.finding(
                f'value {v.number}: the opening list prints "{v.listed_title}", '
                f'the heading "{v.title}"',
                join(v.id, "listed-title"),
                v.listed_title,
            )

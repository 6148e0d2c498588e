"""Duplicated items: in one list, across the practice and supervisor columns, near-duplicates."""

from __future__ import annotations

from collections.abc import Iterator

from guidelines_model.checks.finding import Finding, Severity
from guidelines_model.checks.registry import Context, rule
from guidelines_model.model.documents import Edition
from guidelines_model.model.parts import Item
from guidelines_model.verify import normalise

NEAR = 90.0  # rapidfuzz ratio (0-100) from which two different items are near-duplicates


def key(text: str) -> str:
    """Text as compared for duplicates: case, spacing, quotes and final punctuation ignored
    (a normalised text's only space is " ")."""
    return normalise(text).casefold().rstrip(" .;:,!?")


def item_lists(e: Edition) -> Iterator[tuple[str, tuple[Item, ...]]]:
    """Every list of items of an edition, with a name for messages."""
    for v in e.values:
        yield f"value {v.number} practice", v.practice.items
        if v.supervisor:
            yield f"value {v.number} supervisor column", v.supervisor.items
    yield "key objectives", e.key_objectives
    yield "interview questions", e.interview_questions
    for c in e.competencies:
        yield f"competency category {c.n}", c.items


@rule("GM201", "duplicate-item", Severity.ERROR)
def duplicate_item(ctx: Context) -> Iterator[Finding]:
    """The same text twice in one list (after normalising case, spacing, quotes, final stop)."""
    assert isinstance(ctx.doc, Edition)
    for what, items in item_lists(ctx.doc):
        first: dict[str, Item] = {}
        for it in items:
            k = key(it.text)
            if k in first:
                yield ctx.finding(
                    f'{what}: item {it.n} repeats item {first[k].n}: "{it.text}"',
                    it.id,
                    it.text,
                    hint="if the published document prints it twice, keep it and "
                    "acknowledge it in waivers.yaml",
                )
            else:
                first[k] = it


@rule("GM202", "duplicate-across-columns", Severity.ERROR)
def duplicate_across_columns(ctx: Context) -> Iterator[Finding]:
    """A supervisor item repeating a practice item of the same value."""
    assert isinstance(ctx.doc, Edition)
    for v in ctx.doc.values:
        if not v.supervisor:
            continue
        practice = {key(it.text): it for it in v.practice.items}
        for it in v.supervisor.items:
            if key(it.text) in practice:
                yield ctx.finding(
                    f"value {v.number}: supervisor item {it.n} repeats practice item "
                    f"{practice[key(it.text)].n}",
                    it.id,
                    it.text,
                )


@rule("GM203", "near-duplicate", Severity.WARNING)
def near_duplicate(ctx: Context) -> Iterator[Finding]:
    """Two different items of one list (or of one value's two columns) that are nearly the same."""
    from guidelines_model.checks.similar import near_pairs

    assert isinstance(ctx.doc, Edition)
    groups = list(item_lists(ctx.doc))
    for v in ctx.doc.values:
        if v.supervisor:
            groups.append((f"value {v.number} columns", v.practice.items + v.supervisor.items))
    for what, items in groups:
        for i, j in near_pairs([key(it.text) for it in items], NEAR):
            yield ctx.finding(
                f"{what}: {items[j].id.rsplit('/', 2)[-2]} item {items[j].n} "
                f"is nearly the same as item {items[i].n}",
                items[j].id,
                items[j].text,
            )

"""Adaptation completeness: everything of the parent edition is accounted for by the diff."""

from __future__ import annotations

from collections.abc import Iterator

from guidelines_model.checks.finding import Finding, Severity
from guidelines_model.checks.registry import Context, rule
from guidelines_model.model.documents import Edition
from guidelines_model.model.ids import join


def _parent_units(parent: Edition) -> Iterator[tuple[str, str]]:
    """(id, text) of what an adaptation must account for: values and their items."""
    for v in parent.values:
        yield v.id, v.title
        for it in v.practice.items:
            yield it.id, it.text
        if v.supervisor:
            for it in v.supervisor.items:
                yield it.id, it.text


@rule("GM601", "adaptation-completeness", Severity.ERROR)
def adaptation_completeness(ctx: Context) -> Iterator[Finding]:
    """Every value and item of the parent is kept, reworded, moved or removed by the alignment."""
    from guidelines_model.diff import ChangeKind, diff

    doc = ctx.doc
    assert isinstance(doc, Edition)
    if doc.based_on is None or doc.based_on not in ctx.library.editions:
        return
    parent = ctx.library.editions[doc.based_on]
    result = diff(parent, doc)
    seen = {c.old_id for c in result.changes if c.old_id}
    own = {n.id.split("/", 1)[1]: n.text for n in doc.nodes() if n.text is not None}
    local = {v.id.split("/", 1)[1] for v in doc.values}
    for id_, text in _parent_units(parent):
        rest = id_.split("/", 1)[1]
        title = join(id_, "title")
        if id_ in seen or title in seen or rest in local:
            continue  # changed, or a value present in both
        if own.get(rest) == text:
            continue  # unchanged under the same id
        yield ctx.finding(
            f"{id_} of {parent.id} is not accounted for by the alignment with {doc.id}",
            doc.id,
            hint="this is a bug in the alignment; please report it with both editions",
        )
    for c in result.changes:
        if (
            c.kind is ChangeKind.REMOVED
            and c.old_id
            and c.node in {"practice-item", "supervisor-item", "value"}
        ):
            yield ctx.finding(
                f"{c.label} (the adaptation drops it; acknowledge it if the published "
                f"edition does)",
                doc.id,
                c.old or "",
                severity=Severity.WARNING,
            )

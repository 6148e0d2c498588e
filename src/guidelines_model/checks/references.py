"""References: unique ids across the library, and every cross-reference resolves."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from guidelines_model.checks.finding import Finding, Severity
from guidelines_model.checks.registry import Context, rule
from guidelines_model.model.documents import Derivative, Edition
from guidelines_model.model.ids import edition_of


@rule("GM301", "duplicate-id", Severity.ERROR, editions_only=False)
def duplicate_id(ctx: Context) -> Iterator[Finding]:
    """Ids are unique across the whole library (other tools cite and link by id)."""
    if "id_counts" not in ctx.shared:  # once per run, not once per document
        ctx.shared["id_counts"] = Counter(
            n.id
            for d in (*ctx.library.editions.values(), *ctx.library.derivatives.values())
            for n in (ctx.node_list if d is ctx.doc else d.nodes())
        )
    counts: Counter[str] = ctx.shared["id_counts"]
    seen: set[str] = set()
    for node in ctx.node_list:
        if counts[node.id] > 1 and node.id not in seen:
            seen.add(node.id)
            yield ctx.finding(
                f"id {node.id!r} is used {counts[node.id]} times",
                node.id,
                hint="keys and item numbers must be unique within their list",
            )


@rule("GM302", "unresolved-reference", Severity.ERROR, editions_only=False)
def unresolved_reference(ctx: Context) -> Iterator[Finding]:
    """based_on, derived_from, note and exception targets, waivers and glosses all resolve."""
    doc = ctx.doc
    known = set(ctx.library.editions) | set(ctx.library.derivatives)
    parent = doc.based_on if isinstance(doc, Edition) else doc.derived_from
    if parent is not None and parent not in ctx.library.editions:
        yield ctx.finding(
            f"based on {parent!r}, which is not an edition of the library",
            doc.id,
            hint=f"known editions: {', '.join(ctx.library.editions)}",
        )
    targets = [("note", n.target) for n in doc.notes]
    targets += [("unverified exception", u.target) for u in doc.unverified]
    if isinstance(doc, Edition):
        targets += [("note", n.target) for v in doc.values for n in v.notes]
        targets += [("waiver", w.target) for w in doc.waivers]
        places = {s.key for s in doc.front_matter} | {
            f"{s.key}/{k}" for s in doc.front_matter for k in range(1, len(s.blocks) + 1)
        }
        for part, where in doc.placement.items():
            if where in places:
                continue
            yield ctx.finding(
                f"placement of {part} names {where!r}, which is not a front-matter section",
                doc.id,
            )
    for what, target in targets:
        if ctx.under_missing_value(target):
            continue  # the value itself is missing: GM101 says so, once
        if edition_of(target) not in known or (target not in ctx.nodes and target != doc.id):
            yield ctx.finding(
                f"{what} target {target!r} is not an id of {doc.id}",
                doc.id,
                hint="ids are listed by `guidelines export ID --format json`",
            )
    if isinstance(doc, Derivative) and parent in ctx.library.editions:
        keys = {v.key for v in ctx.library.editions[parent].values}
        for g in doc.glosses:
            if g.value not in keys:
                yield ctx.finding(f"gloss of value {g.value!r}, which {parent} does not have", g.id)

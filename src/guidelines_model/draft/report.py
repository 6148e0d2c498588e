"""A review as text: proposals grouped by value as classified word-level diffs, with the
reviewers' comments; conflicting proposals side by side; errors at ``FILE:sheet:row:column``."""

from __future__ import annotations

from guidelines_model.diff.classify import classify
from guidelines_model.diff.words import inline, word_diff
from guidelines_model.draft.review import Action, Proposal, Review
from guidelines_model.model.documents import Edition


def classification(old: str, new: str) -> str:
    """The kind of text change, as the diff names it: ``substantive``, ``spelling``..."""
    return ", ".join(sorted(c.value for c in classify(old, new)))


def describe(p: Proposal) -> str:
    """What a proposal does, in a few words: ``reworded (punctuation)``, ``deleted``..."""
    if p.action is Action.CHANGE:
        return f"reworded ({classification(p.old, p.text or '')})"
    if p.action is Action.DELETE:
        return "deleted"
    if p.action is Action.INSERT:
        return "added"
    return "comment"


def subject(p: Proposal) -> str:
    """The text a proposal is about."""
    return f"new text after {p.target}" if p.action is Action.INSERT else p.target


def shown_words(p: Proposal) -> str:
    """The word-level diff a proposal makes (the current text for a comment)."""
    if p.action is Action.CHANGE:
        return inline(word_diff(p.old, p.text or ""))
    if p.action is Action.DELETE:
        return inline(word_diff(p.old, ""))
    if p.action is Action.INSERT:
        return inline(word_diff("", p.text or ""))
    return p.old


def _group_title(edition: Edition, p: Proposal, sheet: str) -> str:
    if sheet == "values":
        v = edition.value(p.value)
        return f'Value {v.number} "{v.display_title}"'
    return f"{sheet.capitalize()}: {p.value}" if p.value else sheet.capitalize()


def _lines(p: Proposal) -> list[str]:
    who = ", ".join(p.reviewers)
    out = [f"  {subject(p)}: {describe(p)}, by {who}", f"    {shown_words(p)}"]
    out += [f"    comment: {c}" for c in p.comments]
    return out


def render_text(review: Review, edition: Edition) -> str:
    """The whole review as text (what ``guidelines review-merge`` prints)."""
    order = {n.id: i for i, n in enumerate(edition.nodes())}

    def position(p: Proposal) -> tuple[int, int]:
        return (order.get(p.target, -1), 1 if p.action is Action.INSERT else 0)

    accepted = review.accepted
    conflicts = review.conflicts
    shown = sorted([*accepted, *review.comments], key=position)
    counts = [
        f"{len(review.files)} sheet{'s' if len(review.files) != 1 else ''}",
        f"{len(accepted)} proposal{'s' if len(accepted) != 1 else ''}",
        f"{len(review.comments)} comment{'s' if len(review.comments) != 1 else ''}",
        f"{len(conflicts)} conflict{'s' if len(conflicts) != 1 else ''}",
        f"{len(review.errors)} error{'s' if len(review.errors) != 1 else ''}",
    ]
    people = ", ".join(review.reviewers) or "nobody"
    out = [f"Review of {review.edition} by {people}: " + ", ".join(counts)]
    current = None
    for p in shown:
        title = _group_title(edition, p, p.places[0].sheet)
        if title != current:
            out += ["", title]
            current = title
        out += _lines(p)
    if conflicts:
        out += ["", "Conflicts (not applied: settle them in one sheet and merge again)"]
        for group in sorted(conflicts, key=lambda g: position(g[0])):
            first = group[0]
            out.append(f"  {subject(first)}:")
            for p in group:
                where = ", ".join(str(pl) for pl in p.places)
                out.append(f"    {', '.join(p.reviewers)} ({describe(p)}; {where}):")
                out.append(f"      {shown_words(p)}")
                out += [f"      comment: {c}" for c in p.comments]
    if review.errors:
        out += ["", "Errors (nothing is applied until they are fixed)"]
        out += [f"  {e}" for e in review.errors]
    return "\n".join(out) + "\n"

"""Laws every diff obeys, on generated editions (strategies in tests/strategies.py)."""

from __future__ import annotations

import copy
from collections import Counter
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import edition_data, editions

from guidelines_model import Edition
from guidelines_model.diff import Change, ChangeKind, DiffResult, TextClass, diff
from guidelines_model.diff.opening import explicit, listing, prints_opening_list

MIRROR = {
    ChangeKind.ADDED: ChangeKind.REMOVED,
    ChangeKind.REMOVED: ChangeKind.ADDED,
    ChangeKind.SPLIT: ChangeKind.MERGED,
    ChangeKind.MERGED: ChangeKind.SPLIT,
}


def _local(id_: str) -> str:
    return id_.split("/", 1)[1]


def _key(c: Change) -> tuple[object, ...]:
    return (c.kind, c.node, c.old_id, c.new_id, c.old, c.new, c.classification, c.field)


def _texts(e: Edition) -> dict[str, str]:
    """The texts a diff compares: with an opening list, every listed title (implicit ones are
    the heading); without one, no listed title."""
    if prints_opening_list(e):
        e = explicit(e)
    return {_local(id_): text for id_, text in e.texts()}


def _apply(a: Edition, b: Edition, result: DiffResult) -> dict[str, str]:
    """a's texts with every change's old side taken out and its new side put in; the opening
    list as one change stands for every listed title of its edition."""
    texts = _texts(a)
    for c in result.changes:
        if c.node == "opening-list" and c.old_id is not None:
            texts = {k: t for k, t in texts.items() if not k.endswith("/listed-title")}
        elif c.node == "opening-list":
            assert c.new == listing(b)
            texts.update({k: t for k, t in _texts(b).items() if k.endswith("/listed-title")})
    text_changes = [
        c
        for c in result.changes
        if c.node not in ("metadata", "opening-list") and (c.old is not None or c.new is not None)
    ]
    for c in text_changes:
        for old_id in c.old_ids[1:]:  # the further blocks of a merge
            texts.pop(_local(old_id), None)
        if c.old_id is not None:
            old = _local(c.old_id)
            for k in [k for k in texts if k == old or k.startswith(f"{old}/")]:
                del texts[k]
    for c in text_changes:
        if c.new_ids and c.new is not None:  # a split: each block its paragraph
            texts.update(zip(map(_local, c.new_ids), c.new.split("\n\n"), strict=True))
        elif c.new_id is not None and c.new is not None:
            new = _local(c.new_id)
            if new.endswith(("/description", "/definition")):  # a paragraph list compared whole
                texts.update({f"{new}/{k}": p for k, p in enumerate(c.new.split("\n\n"), 1)})
            else:
                texts[new] = c.new
    return texts


@settings(max_examples=40)
@given(editions("a"))
def test_an_edition_against_itself_has_no_changes(a: Edition) -> None:
    """diff(a, a) reports no change, and counts every text as unchanged."""
    result = diff(a, a)
    assert result.changes == ()
    assert result.totals()["unchanged"] == len(_texts(a))


@settings(max_examples=30)
@given(editions("a"), editions("b"))
def test_diff_backwards_mirrors_diff_forwards(a: Edition, b: Edition) -> None:
    """diff(b, a) is diff(a, b) with added and removed, old and new swapped; same counts."""
    forward, backward = diff(a, b), diff(b, a)
    mirrored = Counter(
        (
            MIRROR.get(c.kind, c.kind),
            c.node,
            c.new_id,
            c.old_id,
            c.new,
            c.old,
            c.classification,
            c.field,
        )
        for c in forward.changes
    )
    assert Counter(map(_key, backward.changes)) == mirrored
    totals_f, totals_b = forward.totals(), backward.totals()
    assert totals_f["added"] == totals_b["removed"]
    assert totals_f["removed"] == totals_b["added"]
    assert {k: totals_f[k] for k in ("unchanged", "moved", "reworded", "renumbered")} == {
        k: totals_b[k] for k in ("unchanged", "moved", "reworded", "renumbered")
    }


@settings(max_examples=30)
@given(editions("a"), editions("b"))
def test_new_sides_of_the_changes_rebuild_the_new_edition(a: Edition, b: Edition) -> None:
    """Applying the new side of every change to a's texts gives exactly b's texts."""
    assert _apply(a, b, diff(a, b)) == _texts(b)


@st.composite
def shuffled(draw: st.DrawFn) -> tuple[Edition, Edition]:
    """An edition and a copy with the practice items of each value in another order."""
    data: dict[str, Any] = draw(edition_data("a"))
    other = copy.deepcopy(data)
    other["id"] = "b"
    for v in other["values"]:
        texts = draw(st.permutations([it["text"] for it in v["practice"]["items"]]))
        v["practice"]["items"] = [{"n": n, "text": t} for n, t in enumerate(texts, start=1)]
    return Edition.model_validate(data), Edition.model_validate(other)


@settings(max_examples=40)
@given(shuffled())
def test_shuffled_items_are_only_moved_or_renumbered(pair: tuple[Edition, Edition]) -> None:
    """Reordering items within values, nothing else changed, only moves and renumbers them."""
    a, b = pair
    kinds = {c.kind for c in diff(a, b).changes if c.node != "metadata"}
    assert kinds <= {ChangeKind.MOVED, ChangeKind.RENUMBERED}


@st.composite
def rotated(draw: st.DrawFn) -> tuple[Edition, Edition, set[str]]:
    """An edition, a copy with one value's practice items rotated or two swapped, and the ids
    (without the edition) of the items whose place changed."""
    data: dict[str, Any] = draw(edition_data("a"))
    for v in data["values"]:  # distinct texts, so that each item has one counterpart
        for k, it in enumerate(v["practice"]["items"]):
            it["text"] = f"{it['text']} ({k})"
    other = copy.deepcopy(data)
    other["id"] = "b"
    v = draw(st.sampled_from(other["values"]))
    texts = [it["text"] for it in v["practice"]["items"]]
    if len(texts) < 2:
        return Edition.model_validate(data), Edition.model_validate(other), set()
    i = draw(st.integers(0, len(texts) - 2))
    j = draw(st.integers(i + 1, len(texts) - 1))
    order = list(range(len(texts)))
    if draw(st.booleans()):
        order[i], order[j] = order[j], order[i]
    else:
        order[i : j + 1] = [*order[i + 1 : j + 1], order[i]]
    v["practice"]["items"] = [{"n": n, "text": texts[k]} for n, k in enumerate(order, start=1)]
    changed = {f"{v['key']}/practice/{k + 1}" for n, k in enumerate(order) if n != k}
    return Edition.model_validate(data), Edition.model_validate(other), changed


@settings(max_examples=40)
@given(rotated())
def test_every_item_of_a_swap_or_rotation_is_moved(
    case: tuple[Edition, Edition, set[str]],
) -> None:
    """Swapping two items or rotating a run reports each item whose place changed as moved,
    with its text, and nothing else."""
    a, b, changed = case
    items = [c for c in diff(a, b).changes if c.node == "practice-item"]
    assert {c.kind for c in items} <= {ChangeKind.MOVED}
    assert {_local(c.old_id or "") for c in items} == changed
    assert all(c.new is not None and c.new == c.old for c in items)


#: Words of the running text cut and joined (kept apart from the blocks around it).
VOCAB = ["peer", "support", "recovery", "choice", "hope", "values", "guidance", "survey", "trust"]
SENTENCE = st.lists(st.sampled_from(VOCAB), min_size=3, max_size=8).map(
    lambda ws: " ".join(ws).capitalize() + "."
)


@st.composite
def split_pair(draw: st.DrawFn) -> tuple[Edition, Edition, str, list[str]]:
    """An edition with a front-matter paragraph of several sentences, and a copy where that
    paragraph is cut into one block per sentence; the paragraph and the pieces."""
    data: dict[str, Any] = draw(edition_data("a", max_values=2))
    pieces = draw(st.lists(SENTENCE, min_size=2, max_size=5, unique=True))
    whole = " ".join(pieces)
    before = {"text": "Introduction of the edition, printed before."}
    after = {"text": "Closing words of the edition, printed after."}
    data["front_matter"] = [{"key": "intro", "blocks": [before, {"text": whole}, after]}]
    other = copy.deepcopy(data)
    other["id"] = "b"
    blocks = [before, *({"text": p} for p in pieces), after]
    other["front_matter"] = [{"key": "intro", "blocks": blocks}]
    return Edition.model_validate(data), Edition.model_validate(other), whole, pieces


@settings(max_examples=40)
@given(split_pair())
def test_split_then_merge_gives_back_the_original(
    case: tuple[Edition, Edition, str, list[str]],
) -> None:
    """A paragraph cut into blocks is one split (the pieces joined on the new side, only
    whitespace changed); diffing back is one merge whose new side is the paragraph itself."""
    a, b, whole, pieces = case
    front = [c for c in diff(a, b).changes if c.part == "front matter"]
    [split] = [c for c in front if c.kind is ChangeKind.SPLIT]
    assert {c.kind for c in front if c is not split} <= {ChangeKind.RENUMBERED}  # the block after
    assert (split.old, split.old_id) == (whole, "a/front/intro/2")
    assert split.new_ids == tuple(f"b/front/intro/{k}" for k in range(2, len(pieces) + 2))
    assert split.new == "\n\n".join(pieces)
    assert split.classification <= {TextClass.WHITESPACE}
    [merged] = [c for c in diff(b, a).changes if c.kind is ChangeKind.MERGED]
    assert (merged.new, merged.old_ids) == (whole, split.new_ids)

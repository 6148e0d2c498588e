"""Laws of lineage on generated edition pairs: every history agrees with the pair's diff."""

from __future__ import annotations

from hypothesis import given, settings
from tests.strategies import editions

from guidelines_model import Edition
from guidelines_model.diff import Change, diff
from guidelines_model.diff.opening import explicit, prints_opening_list
from guidelines_model.lineage import History, Lineages, lineages


def _pair(a: Edition, b: Edition) -> tuple[Edition, Edition, Lineages]:
    b = b.model_copy(update={"based_on": a.id})
    return a, b, lineages([a, b])


def _texts(e: Edition) -> list[tuple[str, str]]:
    """The texts the diff compares: listed titles written out where an opening list is."""
    return list((explicit(e) if prints_opening_list(e) else e).texts())


def _node(e: Edition, id_: str) -> str:
    """A node id for a change's id: a paragraph list compared whole is its first paragraph."""
    ids = [i for i, _ in _texts(e)]
    return id_ if id_ in ids else next(i for i in ids if i.startswith(f"{id_}/"))


def _text_changes(a: Edition, b: Edition) -> list[Change]:
    return [
        c
        for c in diff(a, b).all_changes
        if c.field is None and c.node != "opening-list" and (c.old is not None or c.new is not None)
    ]


@settings(max_examples=40, deadline=None)
@given(editions("a"), editions("b"))
def test_every_change_of_the_diff_is_a_step_of_a_history(a: Edition, b: Edition) -> None:
    """Each text change of diff(a, b) is the change of b's step in the history of its node,
    and that history's texts in a and b are the change's old and new sides."""
    a, b, found = _pair(a, b)
    for c in _text_changes(a, b):
        start = _node(a, c.old_id) if c.old_id else _node(b, c.new_id or "")
        h = found.of(start)
        old, new = h.step("a"), h.step("b")
        assert c in new.changes
        assert old.present == (c.old is not None)
        assert new.present == (c.new is not None)
        if len(new.changes) == 1:
            assert new.kind == c.kind
            assert old.text == c.old
            assert new.text == c.new
            assert new.words == (c.words if c.is_text_change else ())


@settings(max_examples=40, deadline=None)
@given(editions("a"), editions("b"))
def test_a_history_without_a_change_keeps_its_text(a: Edition, b: Edition) -> None:
    """A node the diff does not list is unchanged: in both editions, with the same text and
    local id; and its history is the same from either edition's id."""
    a, b, found = _pair(a, b)
    for e in (a, b):
        for id_, text in _texts(e):
            h: History = found.of(id_)
            old, new = h.step("a"), h.step("b")
            if new.changes:
                continue
            assert new.unchanged
            assert old.text == new.text
            assert text in (old.text or "")
            assert [i.split("/", 1)[1] for i in old.ids] == [i.split("/", 1)[1] for i in new.ids]


@settings(max_examples=30, deadline=None)
@given(editions("a"), editions("b"))
def test_a_history_is_the_same_from_every_id_of_its_lineage(a: Edition, b: Edition) -> None:
    """Asked from any of its ids, in either edition, a lineage gives the same steps."""
    a, b, found = _pair(a, b)
    for id_, _ in [*_texts(a), *_texts(b)]:
        h = found.of(id_)
        assert id_ in h.ids
        for other in h.ids:
            assert found.of(other).steps == h.steps


@settings(max_examples=30, deadline=None)
@given(editions("a"))
def test_an_edition_based_on_an_identical_one_changes_nothing(a: Edition) -> None:
    """A copy of an edition: every history is unchanged in the copy, with the same text."""
    b = Edition.model_validate({**a.model_dump(exclude_none=True), "id": "b"})
    a, b, found = _pair(a, b)
    for id_, text in _texts(a):
        step = found.of(id_).step("b")
        assert step.kind == "unchanged"
        assert step.ids == (f"b/{id_.split('/', 1)[1]}",)
        assert step.text == text

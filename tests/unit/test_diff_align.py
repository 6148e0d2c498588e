"""Alignment: what pairs with what, and how each pair is reported."""

from __future__ import annotations

from tests.fixtures.diff.build import edition, value

from guidelines_model.diff import Change, ChangeKind, DiffResult, TextClass, diff
from guidelines_model.diff.align import align
from guidelines_model.diff.units import extract

ADDED, REMOVED, MOVED = ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.MOVED
REWORDED, RENUMBERED = ChangeKind.REWORDED, ChangeKind.RENUMBERED

ITEMS = (
    "Peer supporters do not force or coerce others to participate in peer support services.",
    "Peer supporters respect the rights of those they support to choose or cease support.",
    "Peer supporters advocate for choice when they observe coercion in any service setting.",
    "Peer supporters tell stories of their personal recovery to inspire hope in others.",
)


def _changes(
    result: DiffResult, node: str = "practice-item"
) -> list[tuple[str, str | None, str | None]]:
    return [(c.kind.value, c.old_id, c.new_id) for c in result.changes if c.node == node]


def _one(result: DiffResult, **where: object) -> Change:
    found = [c for c in result.changes if all(getattr(c, k) == v for k, v in where.items())]
    assert len(found) == 1, found
    return found[0]


def test_reworded_item_pairs_with_its_predecessor() -> None:
    """An item reworded in place is one reworded change, with both ids and a similarity."""
    a = edition("a", value("voluntary", 1, *ITEMS))
    b = edition(
        "b", value("voluntary", 1, ITEMS[0], ITEMS[1].replace("rights", "right"), *ITEMS[2:])
    )
    c = _one(diff(a, b), node="practice-item")
    assert (c.kind, c.old_id, c.new_id) == (
        REWORDED,
        "a/voluntary/practice/2",
        "b/voluntary/practice/2",
    )
    assert c.classification == {TextClass.SUBSTANTIVE}
    assert c.similarity is not None
    assert 0.9 < c.similarity < 1
    assert c.label == 'Value 1 "Peer support is voluntary", practice item 2: reworded (substantive)'


def test_reworded_item_at_another_position_pairs_by_similarity() -> None:
    """Without an id in common, a reworded item still pairs with its predecessor."""
    a = edition("a", value("voluntary", 1, *ITEMS[:3]))
    b = edition(
        "b",
        value(
            "voluntary",
            1,
            ITEMS[0],
            ITEMS[1],
            "Peer supporters always respect the rights of those they support.",
            ITEMS[2].replace("any", "every"),
        ),
    )
    assert _changes(diff(a, b)) == [
        ("added", None, "b/voluntary/practice/3"),
        ("reworded", "a/voluntary/practice/3", "b/voluntary/practice/4"),
    ]


def test_same_id_with_unrelated_text_is_removed_and_added() -> None:
    """An id that carries over pairs only when the texts are alike (2019's value 7, item 4)."""
    a = edition(
        "a",
        value(
            "honest-direct",
            7,
            *ITEMS[:2],
            "Peer supporters do not make false promises, misrepresent themselves.",
        ),
    )
    b = edition("b", value("honest-direct", 7, *ITEMS[:2], ITEMS[3]))
    result = diff(a, b)
    assert _changes(result) == [
        ("removed", "a/honest-direct/practice/3", None),
        ("added", None, "b/honest-direct/practice/3"),
    ]
    assert result.changes[0].label == (
        'Value 7 "Peer support is honest-direct", practice item 3: removed'
    )


def test_item_moved_to_another_value_is_a_move() -> None:
    """An item under another value is moved (not removed and added); its label names both."""
    a = edition("a", value("voluntary", 1, *ITEMS[:3]), value("hopeful", 2, ITEMS[3]))
    b = edition("b", value("voluntary", 1, *ITEMS[:2]), value("hopeful", 2, ITEMS[3], ITEMS[2]))
    c = _one(diff(a, b), node="practice-item")
    assert (c.kind, c.old_id, c.new_id, c.value) == (
        MOVED,
        "a/voluntary/practice/3",
        "b/hopeful/practice/2",
        "hopeful",
    )
    assert c.label == (
        'Value 1 "Peer support is voluntary", practice item 3 → '
        'Value 2 "Peer support is hopeful", practice item 2: moved'
    )


def test_swapped_items_are_both_moved() -> None:
    """Two swapped items: both changed place, so both are moved, in the new order."""
    a = edition("a", value("voluntary", 1, *ITEMS))
    b = edition("b", value("voluntary", 1, ITEMS[0], ITEMS[2], ITEMS[1], ITEMS[3]))
    assert _changes(diff(a, b)) == [
        ("moved", "a/voluntary/practice/3", "b/voluntary/practice/2"),
        ("moved", "a/voluntary/practice/2", "b/voluntary/practice/3"),
    ]


def test_insertion_renumbers_the_items_after_it() -> None:
    """An item inserted first is added; the items after it keep their text, change number."""
    a = edition("a", value("voluntary", 1, *ITEMS[:2]))
    b = edition("b", value("voluntary", 1, ITEMS[3], *ITEMS[:2]))
    assert _changes(diff(a, b)) == [
        ("added", None, "b/voluntary/practice/1"),
        ("renumbered", "a/voluntary/practice/1", "b/voluntary/practice/2"),
        ("renumbered", "a/voluntary/practice/2", "b/voluntary/practice/3"),
    ]


def test_split_description_is_a_whitespace_change_of_the_whole() -> None:
    """A description cut into paragraphs compares as one text: only whitespace changed."""
    a = edition("a", value("voluntary", 1, ITEMS[0], description=("One. Two.",)))
    b = edition("b", value("voluntary", 1, ITEMS[0], description=("One.", "Two.")))
    c = _one(diff(a, b), node="description")
    assert (c.old_id, c.new_id, c.new) == (
        "a/voluntary/description",
        "b/voluntary/description",
        "One.\n\nTwo.",
    )
    assert c.classification == {TextClass.WHITESPACE}


def test_supervisor_column_added() -> None:
    """A supervisor column in the new edition only: the column, its lead-in and items added."""
    a = edition("a", value("voluntary", 1, ITEMS[0]))
    b = edition("b", value("voluntary", 1, ITEMS[0], supervisor=("Model hope.", "Coach.")))
    assert [(c.kind, c.node) for c in diff(a, b).changes] == [
        (ADDED, "supervisor"),
        (ADDED, "supervisor-lead-in"),
        (ADDED, "supervisor-item"),
        (ADDED, "supervisor-item"),
    ]


def test_titles_and_numbers() -> None:
    """A recapitalised title is reworded (capitalisation); a new number renumbers the value."""
    a = edition("a", value("voluntary", 1, ITEMS[0]), value("hopeful", 2, ITEMS[1]))
    b = edition(
        "b",
        value("voluntary", 1, ITEMS[0], title="PEER SUPPORT IS VOLUNTARY"),
        value("hopeful", 3, ITEMS[1]),
    )
    result = diff(a, b)
    title = _one(result, node="value-title")
    assert title.kind is REWORDED
    assert title.classification == {TextClass.CAPITALISATION}
    assert _one(result, node="value").kind is RENUMBERED


def test_value_in_one_edition_only() -> None:
    """A value only in the new edition is added with everything in it."""
    a = edition("a", value("voluntary", 1, ITEMS[0]))
    b = edition("b", value("voluntary", 1, ITEMS[0]), value("hopeful", 2, ITEMS[3]))
    result = diff(a, b)
    assert {c.kind for c in result.changes if c.value == "hopeful"} == {ADDED}
    assert len([c for c in result.changes if c.value == "hopeful"]) == 6
    # value, title, description, practice, name, item: the four texts are counted
    assert result.summary()["hopeful"]["added"] == 4


def test_glossary_term_with_a_new_key_pairs_by_term() -> None:
    """A glossary entry re-keyed but with the same term pairs with its predecessor."""
    term = {"term": "PEER SUPPORT", "definition": ["Giving and receiving help."]}
    a = edition("a", value("voluntary", 1, ITEMS[0]), glossary=[{"key": "peer-support", **term}])
    b = edition("b", value("voluntary", 1, ITEMS[0]), glossary=[{"key": "support", **term}])
    assert [(c.kind, c.old_id, c.new_id) for c in diff(a, b).changes] == [
        (RENUMBERED, "a/glossary/peer-support", "b/glossary/support"),
        (RENUMBERED, "a/glossary/peer-support/term", "b/glossary/support/term"),
        (RENUMBERED, "a/glossary/peer-support/definition/1", "b/glossary/support/definition/1"),
    ]


def test_metadata_changes_go_through_our_types() -> None:
    """Metadata differences are changes with the field named, no ids."""
    a = edition("a", value("voluntary", 1, ITEMS[0]))
    b = edition(
        "b",
        value("voluntary", 1, ITEMS[0]),
        licence={"name": "CC BY 4.0"},
        approval=[{"text": "Approved by 98%.", "percent": 98}],
    )
    fields = {(c.field, c.kind) for c in diff(a, b).changes if c.node == "metadata"}
    assert fields == {("licence.name", REWORDED), ("approval.1", ADDED)}


def test_same_edition_has_no_changes_and_counts_every_text() -> None:
    """diff(a, a) reports nothing, and counts every text unchanged."""
    a = edition(
        "a", value("voluntary", 1, *ITEMS, supervisor=("Coach.",)), value("hopeful", 2, ITEMS[0])
    )
    result = diff(a, a)
    assert result.changes == ()
    assert result.totals()["unchanged"] == sum(1 for _, text in a.texts())


def test_aligning_a_walked_edition_with_itself_pairs_everything_unchanged() -> None:
    """The full alignment (no fast path) pairs every unit of an edition with itself."""
    a = edition(
        "a",
        value("voluntary", 1, *ITEMS, supervisor=("Coach.",)),
        value("hopeful", 2, ITEMS[0], description=("One.", "Two.")),
    )
    pairs = align(extract(a, a.values), extract(a, a.values))
    assert {p.kind for p in pairs} == {ChangeKind.UNCHANGED}
    assert all(p.a is not None and p.b is not None and p.a.id == p.b.id for p in pairs)


def test_filter_hides_noise_and_counts_it() -> None:
    """--ignore hides rewordings of only those classes; they still count as hidden."""
    a = edition("a", value("voluntary", 1, ITEMS[0], ITEMS[1]))
    b = edition("b", value("voluntary", 1, ITEMS[0].upper(), ITEMS[1].replace("rights", "right")))
    result = diff(a, b)
    quiet = result.filter("capitalisation")
    assert len(result.changes) == 2
    assert [c.new_id for c in quiet.changes] == ["b/voluntary/practice/2"]
    assert quiet.hidden == 1
    assert quiet.summary()["voluntary"]["hidden"] == 1
    assert result.filter(["noise"]).hidden == 1

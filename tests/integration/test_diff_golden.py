"""Golden diffs of the real editions: changes a person reads off the printed documents.

Every change asserted here was read in the content files and in the sources (000: 2013, 001:
2019 supervisors, 003: WHO 2017).
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from guidelines_model import CANONICAL_VALUE_KEYS, Library
from guidelines_model.diff import (
    Change,
    ChangeKind,
    DiffResult,
    NodeKind,
    Part,
    TextClass,
    collate,
    diff,
)
from guidelines_model.diff.render import render

W, P, C, S, K, X = (
    TextClass.WHITESPACE,
    TextClass.PUNCTUATION,
    TextClass.CAPITALISATION,
    TextClass.SPELLING,
    TextClass.CORRECTION,
    TextClass.SUBSTANTIVE,
)
SUPERVISOR_ITEMS_2019 = [3, 3, 3, 2, 4, 6, 3, 3, 4, 3, 5, 4]


@pytest.fixture(scope="module")
def to_2019(library: Library) -> DiffResult:
    """2013 -> 2019 supervisors."""
    return diff(library.edition("2013"), library.edition("2019_supervisors"))


@pytest.fixture(scope="module")
def to_who(library: Library) -> DiffResult:
    """2013 -> WHO 2017."""
    return diff(library.edition("2013"), library.edition("who_2017"))


def find(result: DiffResult, old: str | None = None, new: str | None = None) -> Change:
    """The change between these ids (without the edition prefix)."""
    found = [
        c
        for c in result.changes
        if (old is None or (c.old_id or "").split("/", 1)[-1] == old)
        and (new is None or (c.new_id or "").split("/", 1)[-1] == new)
    ]
    assert len(found) == 1, found
    return found[0]


def inserted(c: Change) -> str:
    return "|".join(t.text for t in c.words if t.tag == "insert")


def deleted(c: Change) -> str:
    return "|".join(t.text for t in c.words if t.tag == "delete")


# --- 2013 -> 2019 supervisors -----------------------------------------------------------------


def test_2019_judgment_free_gets_a_hyphen(to_2019: DiffResult) -> None:
    """Value 11, item 2: "value and judgment free" -> "judgment-free", punctuation only."""
    c = find(to_2019, "transparent/practice/2", "transparent/practice/2")
    assert c.kind is ChangeKind.REWORDED
    assert c.classification == {P}
    assert (deleted(c), inserted(c)) == (" ", "-")


def test_2019_value_7_item_4_replaced_by_a_repeat_of_item_1(to_2019: DiffResult) -> None:
    """Value 7: "do not make false promises" is gone; item 4 repeats item 1 (printed twice)."""
    removed = find(to_2019, "honest-direct/practice/4", None)
    assert removed.label == (
        'Value 7 "Peer supporters are honest and direct", practice item 4: removed'
    )
    added = find(to_2019, None, "honest-direct/practice/4")
    assert (added.kind, added.new) == (
        ChangeKind.ADDED,
        "Peer supporters respect privacy and confidentiality.",
    )


def test_2019_value_7_commas(to_2019: DiffResult) -> None:
    """Value 7: item 2 loses the comma after "engage"; item 5 gains a serial comma."""
    item2 = find(to_2019, "honest-direct/practice/2", "honest-direct/practice/2")
    item5 = find(to_2019, "honest-direct/practice/5", "honest-direct/practice/5")
    assert item2.classification == item5.classification == {P}
    assert (deleted(item2), inserted(item5)) == (",", ",")


def test_2019_value_10_items_4_and_5_swap(to_2019: DiffResult) -> None:
    """Value 10: items 4 and 5 change places: both are moved, each printed with its text, in
    2019's order ("operate from a strength-based perspective" now comes first)."""
    rows = [
        (c.kind, c.old_id, c.new_id, c.where)
        for c in to_2019.changes
        if c.value == "strengths-focused" and c.kind is ChangeKind.MOVED
    ]
    assert rows == [
        (
            ChangeKind.MOVED,
            "2013/strengths-focused/practice/5",
            "2019_supervisors/strengths-focused/practice/4",
            'Value 10 "Peer recovery support is strengths-focused", practice item 5 → practice item 4',
        ),
        (
            ChangeKind.MOVED,
            "2013/strengths-focused/practice/4",
            "2019_supervisors/strengths-focused/practice/5",
            'Value 10 "Peer recovery support is strengths-focused", practice item 4 → practice item 5',
        ),
    ]
    text = render(to_2019, "text").splitlines()
    at = text.index(f"  {rows[0][3]}: moved")
    assert text[at + 1].startswith("    Peer supporters operate from a strength-based perspective")
    assert text[at + 2] == f"  {rows[1][3]}: moved"
    assert text[at + 3].startswith("    Peer supporters encourage others to explore dreams")


@pytest.mark.parametrize(
    ("path", "classes", "gone", "new"),
    [
        ("shared-power/practice/4", {X, P}, ",|complementary", "complimentary"),
        ("mutual-reciprocal/practice/3", {X}, "facilitate ", ""),
        ("respectful/practice/1", {X}, "", "the "),
        (
            "respectful/practice/3",
            {X, P},
            "everyone |interact with in their work",
            ",|the people |support",
        ),
        ("respectful/practice/5", {P}, "", ","),
        ("facilitates-change/practice/6", {P}, "", "."),
        ("strengths-focused/practice/3", {P}, ",", ""),
    ],
)
def test_2019_reworded_items(
    to_2019: DiffResult, path: str, classes: set[TextClass], gone: str, new: str
) -> None:
    """Items reworded in 2019, with what was deleted and inserted, word by word."""
    c = find(to_2019, path, path)
    assert c.kind is ChangeKind.REWORDED
    assert c.classification == classes
    assert (deleted(c), inserted(c)) == (gone, new)


def test_2019_listed_titles_only_where_the_list_changed(to_2019: DiffResult) -> None:
    """2013 lists 9 titles as the heading (implicit); 2019 writes all 12 out. Only the two
    titles the 2013 list misprints ("Peer supports are") differ; JSON rows exactly these."""
    data = json.loads(render(to_2019, "json"))
    rows = [
        (c["kind"], c["old_id"], c["new_id"], c["old"], c["new"], c["classification"])
        for c in data["changes"]
        if c["node"] in ("listed-title", "opening-list")
    ]
    assert rows == [
        (
            "reworded",
            "2013/open-minded/listed-title",
            "2019_supervisors/open-minded/listed-title",
            "Peer supports are open minded",
            "Peer supporters are open minded",
            ["substantive"],
        ),
        (
            "reworded",
            "2013/respectful/listed-title",
            "2019_supervisors/respectful/listed-title",
            "Peer supports are respectful",
            "Peer supporters are respectful",
            ["substantive"],
        ),
    ]


def test_2019_keeps_every_practice_item_count_but_value_7s(to_2019: DiffResult) -> None:
    """No practice item is added or removed in 2019 but value 7's (respectful keeps its 5)."""
    moved = Counter((c.value, c.kind) for c in to_2019.changes if c.node == "practice-item")
    assert {v for (v, k) in moved if k in (ChangeKind.ADDED, ChangeKind.REMOVED)} == {
        "honest-direct"
    }


def test_2019_titles_and_practice_names_in_capitals(to_2019: DiffResult) -> None:
    """Every heading is in capitals in 2019; value 10 also drops "recovery"."""
    titles = {c.value: c for c in to_2019.changes if c.node == "value-title"}
    assert set(titles) == set(CANONICAL_VALUE_KEYS)
    assert {k for k, c in titles.items() if c.classification != {C}} == {"strengths-focused"}
    assert deleted(titles["strengths-focused"]).startswith("Peer recovery support")
    names = [c for c in to_2019.changes if c.node == "practice-name"]
    assert len(names) == 12
    assert all(c.classification == {C} for c in names)


def test_2019_adds_the_supervisor_column(to_2019: DiffResult) -> None:
    """Every value gains a supervisor column: lead-in and items (43 in all) added."""
    added = [c for c in to_2019.changes if c.kind is ChangeKind.ADDED]
    assert Counter(c.node for c in added if c.node.startswith("supervisor")) == {
        "supervisor": 12,
        "supervisor-lead-in": 12,
        "supervisor-item": 43,
    }
    per_value = Counter(c.value for c in added if c.node == "supervisor-item")
    assert [per_value[k] for k in CANONICAL_VALUE_KEYS] == SUPERVISOR_ITEMS_2019


def test_2019_descriptions_cut_into_paragraphs(to_2019: DiffResult) -> None:
    """Descriptions are split into paragraphs; most are otherwise unchanged."""
    desc = {c.value: c.classification for c in to_2019.changes if c.node == "description"}
    assert desc == {
        "voluntary": {W},
        "hopeful": {X, C, W},  # "Belief" -> "The belief", a paragraph break
        "open-minded": {W},
        "empathetic": {W},
        "respectful": {P},
        "facilitates-change": {W},
        "honest-direct": {W},
        "mutual-reciprocal": {P},
        "shared-power": {W},
        "strengths-focused": {W},
        "transparent": {X, K, P, W},  # "longterm" -> "long-term", "setting" -> "set"
        "person-driven": {W},
    }
    hopeful = find(to_2019, "hopeful/description", "hopeful/description")
    assert inserted(hopeful).startswith("The belief")
    transparent = find(to_2019, "transparent/description", "transparent/description")
    assert "setting" in deleted(transparent)
    assert "set" in inserted(transparent)


def test_2019_prints_practice_items_as_bullets(to_2019: DiffResult) -> None:
    """2013 numbers the practice items; 2019 prints them as bullets, in every value."""
    practice = [c for c in to_2019.changes if c.node == "practice"]
    assert len(practice) == 12
    assert all(c.kind is ChangeKind.RENUMBERED and "bulleted" in c.label for c in practice)


def test_2019_glossary(to_2019: DiffResult) -> None:
    """2019 adds seven terms; footnotes keep their text but are renumbered (2->7, 3->8)."""
    added = {c.new_id for c in to_2019.changes if c.node == "glossary-entry"}
    assert {i.rsplit("/", 1)[-1] for i in added if i} == {
        "advocacy",
        "co-learning",
        "co-optation-peer-drift",
        "cultural-humility",
        "peer-support-specialist",
        "transparent",
        "trauma-informed-approach",
    }
    note = find(to_2019, "glossary/peer-support/footnote/2", "glossary/peer-support/footnote/7")
    assert note.kind is ChangeKind.RENUMBERED
    defn = find(to_2019, "glossary/peer-support/definition/1", "glossary/peer-support/definition/1")
    assert defn.classification == {P}


def test_2019_moves_the_2013_background_and_goals_to_the_appendix(to_2019: DiffResult) -> None:
    """The 2013 background and goals are reprinted in the 2019 appendix: moved, not new."""
    goals = find(to_2019, "front/goals/1", "back/appendix/25")
    assert (goals.kind, goals.old) == (ChangeKind.MOVED, goals.new)
    first = find(to_2019, "front/background/1", "back/appendix/2")
    assert first.kind is ChangeKind.MOVED
    assert first.where.startswith('Front matter section "background", block 1 → Back matter')
    assert find(to_2019, "subtitle", None).kind is ChangeKind.REMOVED


def test_2019_background_split_and_merged_into_the_appendix(to_2019: DiffResult) -> None:
    """2013 background/3 and /6 are cut into a lead-in, a numbered list and (for /3) a closing
    sentence in the 2019 appendix (split, reworded too); background/10 and /11, two quote
    paragraphs, are one appendix paragraph in 2019 (merged, whitespace only)."""
    rows = [
        (c.kind, c.old_ids or (c.old_id,), c.new_ids or (c.new_id,), sorted(c.classification))
        for c in to_2019.changes
        if c.kind in (ChangeKind.SPLIT, ChangeKind.MERGED)
    ]
    appendix = "2019_supervisors/back/appendix/"
    assert rows == [
        (
            ChangeKind.SPLIT,
            ("2013/front/background/3",),
            tuple(f"{appendix}{k}" for k in range(4, 9)),
            ["capitalisation", "punctuation", "substantive"],
        ),
        (
            ChangeKind.SPLIT,
            ("2013/front/background/6",),
            tuple(f"{appendix}{k}" for k in range(11, 19)),
            ["capitalisation", "punctuation", "substantive"],
        ),
        (
            ChangeKind.MERGED,
            ("2013/front/background/10", "2013/front/background/11"),
            (f"{appendix}22",),
            ["whitespace"],
        ),
    ]
    split = find(to_2019, "front/background/3", "back/appendix/4")
    assert split.where == (
        'Front matter section "background", block 3 → Back matter section "APPENDIX", blocks 4-8'
    )
    assert (split.new or "").split("\n\n")[1:4] == [
        "Practice guidelines",
        "Identification and description of core competencies",
        "Ethical guidelines or a code of ethics",
    ]
    assert deleted(split) == (
        " 1) practice |, 2) identification | and 3) ethical |. |having them provide"
    )  # word diff against the joined 2019 blocks
    removed = {c.old_id for c in to_2019.changes if c.kind is ChangeKind.REMOVED}
    assert not {f"2013/front/background/{k}" for k in (3, 6, 11)} & removed
    added = {c.new_id for c in to_2019.changes if c.kind is ChangeKind.ADDED}
    assert not {f"{appendix}{k}" for k in (*range(4, 9), *range(11, 19), 22)} & added


def test_2019_without_noise(to_2019: DiffResult) -> None:
    """Ignoring noise hides capitals, commas and paragraph cuts; real rewordings stay."""
    quiet = to_2019.filter("noise")
    assert quiet.hidden == sum(
        1
        for c in to_2019.changes
        if c.kind is ChangeKind.REWORDED and c.classification <= {W, P, C, S}
    )
    assert all(X in c.classification for c in quiet.changes if c.kind is ChangeKind.REWORDED)
    assert find(quiet, "shared-power/practice/4", "shared-power/practice/4")


# --- 2013 -> WHO 2017 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "classes", "gone", "new"),
    [
        ("transparent/practice/5", {S}, "behavioral", "behavioural"),
        ("mutual-reciprocal/practice/2", {S}, "fulfill", "fulfil"),
        ("mutual-reciprocal/practice/3", {P, S}, "honor", ",|honour"),
        ("facilitates-change/practice/5", {P}, ".", ""),
        ("strengths-focused/practice/name", {P}, "’|’", "'|'"),
        ("voluntary/practice/4", {X}, "substance abuse", "related"),
        ("hopeful/practice/1", {X}, "strategic ", ""),
        ("hopeful/practice/2", {X, S}, "behaviors at work", "behaviours"),
        (
            "transparent/description/1",
            {X, K, P},
            "longterm |severe psychiatric, traumatic or addiction challenges",
            "long term |mental distress",
        ),
        ("open-minded/title", {X}, "", " and non-judgmental"),
    ],
)
def test_who_rewordings(
    to_who: DiffResult, path: str, classes: set[TextClass], gone: str, new: str
) -> None:
    """WHO's rewordings: British spelling, punctuation, and its own wording."""
    c = find(to_who, path, path)
    assert c.kind is ChangeKind.REWORDED
    assert c.classification == classes
    assert (deleted(c), inserted(c)) == (gone, new)


def test_who_correction_is_not_noise(to_who: DiffResult) -> None:
    """Value 11's description ("longterm" -> "long term" beside a rewording) stays visible
    with --ignore noise; WHO's "behaviours" rewording is substantive and spelling."""
    quiet = to_who.filter("noise")
    c = find(quiet, "transparent/description/1", "transparent/description/1")
    assert TextClass.CORRECTION in c.classification


def test_who_adds_an_example_to_voluntary_item_2(to_who: DiffResult) -> None:
    """WHO adds a sentence to value 1, item 2 (a woman may prefer a female peer supporter)."""
    c = find(to_who, "voluntary/practice/2", "voluntary/practice/2")
    assert inserted(c).startswith(" For example, a woman may prefer to connect with a female")


def test_who_joins_value_7s_description(to_who: DiffResult) -> None:
    """WHO prints value 7's two description paragraphs as one: whitespace only."""
    c = find(to_who, "honest-direct/description", "honest-direct/description")
    assert c.classification == {W}


def test_who_only_parts_are_added(to_who: DiffResult) -> None:
    """Parts only WHO has come out as added, with their contents."""
    added = Counter((c.part, c.node) for c in to_who.changes if c.kind is ChangeKind.ADDED)
    assert added[(Part.WHO_VALUES, NodeKind.WHO_VALUE)] == 4
    assert added[(Part.KEY_OBJECTIVES, NodeKind.KEY_OBJECTIVE)] == 7
    assert added[(Part.COMPETENCIES, NodeKind.COMPETENCY)] == 12
    assert added[(Part.COMPETENCIES, NodeKind.COMPETENCY_ITEM)] == 62
    assert added[(Part.MISCONCEPTIONS, NodeKind.MISCONCEPTION_ROW)] == 6
    assert added[(Part.LANGUAGE_EXAMPLES, NodeKind.LANGUAGE_EXAMPLE)] == 3
    assert added[(Part.INTERVIEW_QUESTIONS, NodeKind.INTERVIEW_QUESTION)] == 6
    assert added[(Part.JOB_DESCRIPTION, NodeKind.SECTION)] == 4
    only_who = {
        "who values",
        "key objectives",
        "competencies",
        "misconceptions",
        "language examples",
        "interview questions",
        "job description",
    }
    assert all(c.kind is ChangeKind.ADDED for c in to_who.changes if c.part in only_who)


def test_who_has_no_glossary_and_no_opening_list(to_who: DiffResult) -> None:
    """WHO prints no glossary (5 terms removed) and no opening list: the list is one removal."""
    terms = [c for c in to_who.changes if c.node == "glossary-entry"]
    assert len(terms) == 5
    assert all(c.kind is ChangeKind.REMOVED for c in terms)
    rows = [
        (c.kind, c.old_id, c.new_id, c.label)
        for c in to_who.changes
        if c.node in ("listed-title", "opening-list")
    ]
    assert rows == [(ChangeKind.REMOVED, "2013/opening-list", None, "Opening list: removed")]
    listing = find(to_who, "opening-list", None).old or ""
    assert listing.splitlines()[0] == "1. Peer support is voluntary"
    assert listing.splitlines()[9] == "10. Peer support is strengths-focused"  # as listed
    assert len(listing.splitlines()) == 12


def test_who_unchanged_values(to_who: DiffResult) -> None:
    """Values 4, 9 and 12 are word for word the same in WHO; every value has a summary row."""
    summary = to_who.summary()
    assert set(CANONICAL_VALUE_KEYS) <= set(summary)
    same = {
        k
        for k in CANONICAL_VALUE_KEYS
        if sum(v for kind, v in summary[k].items() if kind != "unchanged") == 0
    }
    assert same == {"empathetic", "shared-power", "person-driven"}


def test_who_metadata(to_who: DiffResult) -> None:
    """WHO is British English, published by the World Health Organization."""
    spelling = next(c for c in to_who.changes if c.field == "spelling")
    assert (spelling.old, spelling.new) == ("en-US", "en-GB")
    assert (
        next(c for c in to_who.changes if c.field == "publisher").new == "World Health Organization"
    )


def test_collation_of_the_three_editions(library: Library) -> None:
    """2013, WHO and 2019 side by side: value 7, item 4 is in 2013 and WHO only."""
    table = collate([library.edition(i) for i in ("2013", "who_2017", "2019_supervisors")])
    rows = [r for r in table.rows if r.value == "honest-direct" and r.node == "practice-item"]
    gone = next(r for r in rows if r.cells[0] and "false promises" in r.cells[0].text)
    assert [c is not None for c in gone.cells] == [True, True, False]
    item2 = next(r for r in rows if r.label.endswith("practice item 2"))
    assert [c is not None and c.variant for c in item2.cells] == [False, False, True]
    assert {r.value for r in table.rows if r.value} == set(CANONICAL_VALUE_KEYS)

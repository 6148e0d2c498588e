"""The real content: counts a person reads off the sources, unique ids, full source coverage."""

from __future__ import annotations

from collections import Counter

import pytest

from guidelines_model import (
    CANONICAL_VALUE_KEYS,
    CompetencyCategory,
    CoreValue,
    Item,
    Library,
    NodeTypeError,
    NotFoundError,
    Term,
)
from guidelines_model.verify import verify

# Read off the printed documents (sources/000, 001, 003), value by value.
PRACTICE_ITEMS = {
    "2013": [4, 3, 4, 2, 5, 6, 5, 3, 4, 6, 7, 7],
    "2019_supervisors": [4, 3, 4, 2, 5, 6, 5, 3, 4, 6, 7, 7],
    "who_2017": [4, 3, 4, 2, 5, 6, 5, 3, 4, 6, 7, 7],
}
SUPERVISOR_ITEMS_2019 = [3, 3, 3, 2, 4, 6, 3, 3, 4, 3, 5, 4]  # 43 bullets that start with a verb
WHO_COMPETENCY_ITEMS = [5, 5, 4, 4, 5, 5, 6, 5, 6, 6, 7, 4]


def test_three_editions_and_the_derivative(library: Library) -> None:
    """The library holds every edition the project exists for, oldest first."""
    assert list(library.editions) == ["2013", "who_2017", "2019_supervisors"]


@pytest.mark.parametrize("edition", list(PRACTICE_ITEMS))
def test_twelve_values_in_canonical_order(library: Library, edition: str) -> None:
    """Every edition has the twelve values, numbered 1-12, keyed as 2013 keys them."""
    e = library.edition(edition)
    assert [v.key for v in e.values] == list(CANONICAL_VALUE_KEYS)
    assert [v.number for v in e.values] == list(range(1, 13))


@pytest.mark.parametrize(("edition", "counts"), list(PRACTICE_ITEMS.items()))
def test_practice_items_per_value(library: Library, edition: str, counts: list[int]) -> None:
    """Practice items per value match the printed documents (56 in each edition)."""
    assert [len(v.practice.items) for v in library.edition(edition).values] == counts


def test_supervisor_column_of_2019(library: Library) -> None:
    """2019 adds a supervisor column to every value; 2013 and WHO have none."""
    e = library.edition("2019_supervisors")
    assert [
        len(v.supervisor.items) if v.supervisor else 0 for v in e.values
    ] == SUPERVISOR_ITEMS_2019
    assert all(v.supervisor is None for v in library.edition("2013").values)


def test_who_only_parts(library: Library) -> None:
    """WHO 2017 carries its own parts: 4 values, 7 objectives, 12 competency categories..."""
    e = library.edition("who_2017")
    assert [w.name for w in e.who_values] == [
        "Mutuality and equality",
        "Self-determination and empowerment",
        "Empathy",
        "Recovery",
    ]
    assert len(e.key_objectives) == 7
    assert [len(c.items) for c in e.competencies] == WHO_COMPETENCY_ITEMS
    assert len(e.misconceptions) == 6
    assert e.spelling == "en-GB"
    assert e.based_on == "2013"


def test_glossaries(library: Library) -> None:
    """2013 defines five terms; 2019 keeps them (same keys) and adds seven."""
    old = [t.key for t in library.edition("2013").glossary]
    new = [t.key for t in library.edition("2019_supervisors").glossary]
    assert old == [
        "peer-support",
        "peer-supporter",
        "peer",
        "peer-support-relationship",
        "practice-standards",
    ]
    assert set(old) <= set(new)
    assert len(new) == 12


def test_listed_titles_recorded_as_printed(library: Library) -> None:
    """The 2013 opening list's variants are kept, not fixed."""
    e = library.edition("2013")
    assert e.value("open-minded").listed_title == "Peer supports are open minded"
    assert e.value("open-minded").title == "Peer supporters are open minded"
    assert e.value("strengths-focused").title == "Peer recovery support is strengths-focused"


def test_published_duplicate_kept(library: Library) -> None:
    """2019 prints one honest-direct practice item twice: both are kept and noted."""
    v = library.edition("2019_supervisors").value("honest-direct")
    texts = Counter(i.text for i in v.practice.items)
    assert texts["Peer supporters respect privacy and confidentiality."] == 2
    assert any(n.kind == "published-error" and n.target.endswith("practice/4") for n in v.notes)


def test_ids_unique_across_the_library(library: Library) -> None:
    """No id is used twice anywhere: ids are how other tools cite."""
    ids = [
        n.id
        for doc in [*library.editions.values(), *library.derivatives.values()]
        for n in doc.nodes()
    ]
    dupes = [i for i, c in Counter(ids).items() if c > 1]
    assert dupes == []


def test_get_by_id(library: Library) -> None:
    """Any node is reachable by id: values, items, supervisor items, competencies, terms."""
    assert library.get("2013/voluntary/practice/3", Item).n == 3
    assert library.get("2019_supervisors/hopeful/supervisor/1", Item).text.startswith(
        "Demonstrate confidence"
    )
    assert library.get("who_2017/competencies/1", CompetencyCategory).n == 1
    assert library.get("2013/glossary/peer", Term).term == "PEER"
    assert library.get("2013/transparent/title") == "Peer support is transparent"
    assert library.get("2013/transparent/title", str) == "Peer support is transparent"
    assert isinstance(library.get("2013/voluntary"), CoreValue)


def test_get_names_what_is_wrong(library: Library) -> None:
    """An unknown id suggests the closest; a node of another class is a NodeTypeError."""
    with pytest.raises(NotFoundError, match="did you mean '2013/voluntary/practice/3'"):
        library.get("2013/voluntary/practise/3")
    with pytest.raises(KeyError):
        library.get("2013/voluntary/practice/9")
    with pytest.raises(
        NodeTypeError, match=r"2013/voluntary is a CoreValue \(asked for Item\)"
    ) as info:
        library.get("2013/voluntary", Item)
    assert info.value.found is CoreValue
    assert isinstance(info.value, TypeError)


@pytest.mark.parametrize("doc", ["2013", "2019_supervisors", "who_2017"])
def test_every_sentence_is_in_the_source(library: Library, doc: str) -> None:
    """verify-sources: every sentence is found, or excepted with a recorded reason."""
    report = verify(library.document(doc), library.sources_root())
    assert report.missing == ()
    assert report.stale_exceptions == ()
    assert all(r.reason for r in report.results if r.status == "excepted")


@pytest.mark.parametrize(
    ("doc", "editorial"),
    [
        ("2013", ["year", "licence.name", "citation"]),
        ("2019_supervisors", ["year", "licence.name", "citation"]),
        ("who_2017", []),
        ("training_module7", []),
    ],
)
def test_every_metadata_field_is_printed_or_editorial(
    library: Library, doc: str, editorial: list[str]
) -> None:
    """Every metadata field of printed wording is found in a source, or declared editorial
    with a reason; nothing else (the 2013 publisher is printed without "(iNAPS)")."""
    report = verify(library.document(doc), library.sources_root())
    assert report.metadata_problems == ()
    assert [m.field for m in report.metadata if m.status == "editorial"] == editorial
    assert library.edition("2013").publisher == "International Association of Peer Supporters"


def test_approval_figures_keep_their_qualifier(library: Library) -> None:
    """ "over 1,000" and "nearly 1,000" are different statements, and stay different."""
    figures = [
        (a.percent, a.qualifier, a.respondents)
        for a in library.edition("2019_supervisors").approval
    ]
    assert figures == [
        (98.5, "over", 1000),
        (91.8, None, 232),
        (98, "nearly", 1000),
        (None, "more than", 800),
        (98, None, None),
    ]


def test_gloss_separators_as_printed(library: Library) -> None:
    """Each gloss line of the training page is its title, the printed separator and its
    text, character for character."""
    lines = (library.sources_root() / "002_9f362a238e4c34d3.txt").read_text("utf-8").split("\n")
    glosses = library.derivatives["training_module7"].glosses
    assert all(f"{g.title}{g.separator}{g.text}" in lines for g in glosses)
    assert {g.separator for g in glosses} == {" – ", " –", "- "}


def test_2013_is_fully_verified(library: Library) -> None:
    """All 212 sentences of 2013 are found, none excepted."""
    report = verify(library.edition("2013"), library.sources_root())
    assert (report.verified, report.total, report.coverage) == (212, 212, 1.0)


def test_who_role_table(library: Library) -> None:
    """WHO section 12's table: four topics, twelve cells, each cell found in the source and
    cited by its own id, placed after the sentence that introduces it."""
    e = library.edition("who_2017")
    assert [r.topic for r in e.role_table] == [
        "Medications",
        "Treatment plans",
        "Housing search",
        "Answering phones",
    ]
    assert library.get("who_2017/role-table/3/not-consistent", str).startswith("Focusing only on")
    assert e.placement["role_table"] == "peer-supporters-in-mental-health-and-related-areas/28"
    results = verify(e, library.sources_root()).results
    cells = {r.id for r in results if r.id.startswith("who_2017/role-table/")}
    assert len(cells) == 12
    assert all(r.status == "found" for r in results if r.id in cells)


def test_diff_shows_the_role_table(library: Library) -> None:
    """Comparing 2013 with WHO shows every role-table cell as added, labelled by its topic."""
    from guidelines_model.diff import diff

    result = diff(library.edition("2013"), library.edition("who_2017"))
    added = {
        c.new_id: c.label
        for c in result.changes
        if (c.new_id or "").startswith("who_2017/role-table/")
    }
    assert len(added) == 16  # 4 rows, 12 cells
    assert added["who_2017/role-table/1/consistent"] == (
        'Role table topic 1 "Medications", consistent with peer role: added'
    )

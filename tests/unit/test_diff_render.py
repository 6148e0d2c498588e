"""Renderers: terminal text, Markdown, JSON and HTML, for diffs and collations."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from tests.fixtures.diff.build import edition, value

from guidelines_model import Edition
from guidelines_model.diff import ChangeKind, Collation, DiffResult, collate, diff
from guidelines_model.diff.render import FORMATS, render
from guidelines_model.export.markdown import escape

SCRIPT = "Peer supporters <script>alert('x')</script> keep *promises* | always."


@pytest.fixture
def editions() -> tuple[Edition, Edition, Edition]:
    """Three editions: a reworded item, a removed one, an added value, a hostile text."""
    a = edition(
        "a",
        value(
            "voluntary",
            1,
            "Peer supporters do not force others.",
            "Peer supporters respect choice.",
            "Peer supporters are judgment free.",
        ),
    )
    b = edition(
        "b",
        value(
            "voluntary",
            1,
            "Peer supporters do not force others.",
            "Peer supporters are judgment-free.",
            SCRIPT,
        ),
    )
    c = edition(
        "c",
        value(
            "voluntary",
            1,
            "Peer supporters do not force anyone.",
            "Peer supporters are judgment-free.",
        ),
        value("hopeful", 2, "Hope."),
    )
    return a, b, c


@pytest.fixture
def result(editions: tuple[Edition, Edition, Edition]) -> DiffResult:
    """The diff of the first two editions."""
    return diff(editions[0], editions[1])


@pytest.fixture
def table(editions: tuple[Edition, Edition, Edition]) -> Collation:
    """The collation of the three editions."""
    return collate(editions)


def test_text_legend_under_the_table(result: DiffResult) -> None:
    """One legend line under the summary table explains every mark the text uses."""
    lines = render(result, "text").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("total"))
    assert lines[at + 1] == (
        "Legend: [-deleted-] {+inserted+}; ␣ a changed space, ¶ a paragraph break; "
        "+ added, - removed."
    )


def test_text_wraps_to_a_width_and_not_without_one(result: DiffResult) -> None:
    """With a width every line fits (continuations indented); without one nothing is cut."""
    wide = render(result, "text")
    narrow = render(result, "text", width=60)
    assert max(map(len, wide.splitlines())) > 60
    assert max(map(len, narrow.splitlines())) <= 60
    assert " ".join(narrow.split()) == " ".join(wide.split())
    assert any(line.startswith("      ") for line in narrow.splitlines())


def test_text_marks_words_wdiff_style_without_colour(result: DiffResult) -> None:
    """Plain text has a summary table and [-old-]{+new+} marks, and no ANSI codes."""
    out = render(result, "text")
    assert "\033[" not in out
    assert "judgment[-␣-]{+-+}free." in out
    assert 'Value 1 "Peer support is voluntary", practice item 2: removed' in out
    assert out.splitlines()[2].split() == [
        "texts",
        "unchanged",
        "added",
        "removed",
        "moved",
        "reworded",
        "renumbered",
        "split",
        "merged",
        "hidden",
    ]


def test_text_in_colour_uses_ansi(result: DiffResult) -> None:
    """Coloured text highlights changes with ANSI codes instead of marks."""
    out = render(result, "text", colour=True)
    assert "\033[9;31m␣\033[0m\033[4;32m-\033[0m" in out
    assert "[-" not in out


def test_markdown_escapes_every_text(result: DiffResult) -> None:
    """Markdown escapes content (no raw tags, emphasis or table pipes) and marks <del>/<ins>."""
    out = render(result, "markdown")
    assert "<script>" not in out
    assert r"\<script\>alert('x')\</script\> keep \*promises\* \| always." in out
    assert "judgment<del>␣</del><ins>-</ins>free." in out
    assert "| **total** |" in out


def test_added_and_removed_texts_are_shown_under_their_change(
    editions: tuple[Edition, Edition, Edition],
) -> None:
    """A removed item's old text and an added value's text, struck or inserted (Markdown) and
    signed (text), so a reader sees what went without opening the other edition."""
    _, b, c = editions
    result = diff(b, c)
    md = render(result, "markdown")
    text = render(result, "text")
    assert "<ins>Hope.</ins>" in md
    assert "    + Hope." in text
    gone = [ch for ch in result.changes if ch.kind is ChangeKind.REMOVED]
    assert [ch.old for ch in gone] == [SCRIPT]
    for ch in gone:
        assert ch.old is not None
        assert f"<del>{escape(ch.old)}</del>" in md
        assert f"    - {ch.old}" in text


def test_json_follows_schema_version_2(result: DiffResult) -> None:
    """JSON has schema_version 2, one comparison with its summary, and changes with the
    documented keys."""
    data = json.loads(render(result, "json"))
    assert (data["schema_version"], data["kind"], data["rev"]) == (2, "diff", None)
    assert data["comparisons"][0]["summary"]["total"]["removed"] == 1
    for change in data["changes"]:
        assert (change["old_edition"], change["new_edition"]) == ("a", "b")
        assert {
            "old_edition",
            "new_edition",
            "kind",
            "classification",
            "old",
            "new",
            "old_id",
            "new_id",
            "old_ids",
            "new_ids",
            "value",
            "label",
            "words",
            "similarity",
            "node",
            "part",
            "field",
        } == set(change)
    reworded = next(c for c in data["changes"] if c["kind"] == "reworded")
    assert reworded["classification"] == ["punctuation"]
    assert "".join(t for tag, t in reworded["words"] if tag != "delete") == reworded["new"]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        # nothing fetched: no src, and links only within the page
        assert not any(name == "src" for name, _ in attrs)
        assert all((v or "").startswith("#") for name, v in attrs if name == "href")

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def test_html_is_one_escaped_self_contained_page(result: DiffResult) -> None:
    """HTML parses, has no script or external asset, shows <script> in text as text."""
    page = _parse(render(result, "html"))
    assert "script" not in page.tags
    assert {"html", "style", "table", "del", "ins"} <= set(page.tags)
    assert any("<script>alert('x')</script>" in d for d in page.data)


def test_collation_in_every_format(table: Collation) -> None:
    """A collation renders in all four formats, with gaps and variants marked."""
    text = render(table, "text")
    assert "do not force [-others-]{+anyone+}." in text
    assert "—" in text
    md = render(table, "markdown")
    assert "| a | b | c |" in md
    assert r"\<script\>" in md
    data = json.loads(render(table, "json"))
    assert data["kind"] == "collation"
    assert [r["status"] for r in data["rows"]].count("partial") == data["summary"]["partial"]
    page = _parse(render(table, "html"))
    assert "script" not in page.tags
    assert any("<script>" in d for d in page.data)


def test_collation_rows(table: Collation) -> None:
    """Each text is one row; an edition without it leaves a gap; variants are marked against
    the base (the first edition: none of them is based on another)."""
    rows = [r for r in table.rows if r.node == "practice-item" and r.value == "voluntary"]
    assert [r.label.rsplit(", ", 1)[-1] for r in rows] == [
        "practice item 1",
        "practice item 2",
        "practice item 3",
        "practice item 3",
    ]
    assert [[c is not None and c.variant for c in r.cells] for r in rows] == [
        [False, False, True],
        [False, False, False],
        [False, True, True],
        [False, False, False],
    ]
    assert [[c is not None for c in r.cells] for r in rows] == [
        [True, True, True],
        [True, False, False],
        [True, True, True],
        [False, True, False],
    ]
    assert [r.status for r in rows] == ["variant", "partial", "variant", "partial"]


def test_unknown_format_is_refused(result: DiffResult) -> None:
    """Only the four formats exist."""
    assert FORMATS == ("text", "markdown", "json", "html")
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        render(result, "pdf")

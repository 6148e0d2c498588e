"""Snapshot tests of the Markdown exports: any change to how an edition reads is a visible diff.

Regenerate after an intended change with ``GUIDELINES_UPDATE_SNAPSHOTS=1 pytest tests/integration``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from guidelines_model import Library
from guidelines_model.export.markdown import to_markdown

SNAPSHOTS = Path(__file__).resolve().parents[1] / "snapshots"


@pytest.mark.parametrize("doc", ["2013", "2019_supervisors", "who_2017", "training_module7"])
def test_markdown_export_matches_snapshot(library: Library, doc: str) -> None:
    """The Markdown export of each document equals its reviewed snapshot."""
    text = to_markdown(library.document(doc))
    path = SNAPSHOTS / f"{doc}.md"
    if os.environ.get("GUIDELINES_UPDATE_SNAPSHOTS"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_2019_reads_value_practice_supervisor(library: Library) -> None:
    """2019 reads like the published table: the value, its practice, then the supervisor role."""
    text = to_markdown(library.edition("2019_supervisors"))
    heads = [
        text.index(s)
        for s in (
            "1. PEER SUPPORT IS VOLUNTARY",
            "PRACTICE: SUPPORT CHOICE",
            "THE SUPERVISOR ROLE IS TO:",
            "2. PEER SUPPORTERS ARE HOPEFUL",
        )
    ]
    assert heads == sorted(heads)


def test_who_parts_where_the_document_prints_them(library: Library) -> None:
    """WHO parts appear in their sections: objectives in 6, then the values; examples in 7."""
    text = to_markdown(library.edition("who_2017"))
    order = [
        text.index(s)
        for s in (
            "## 5 Misconceptions about peer support",
            "| Misconception | Why this is a misconception |",
            "## 6 From ethics to practice guidelines",
            'who_2017/objectives/1"',
            'who_2017/voluntary"',
            "## 7 Language",
            "| Closed | Open |",
            "## 8 Competencies for peer supporters",
            'who_2017/competencies/12"',
            "## 10 Interviewing and hiring peer supporters",
            'who_2017/interview-questions/1"',
            "## 11 Conditions of work",
        )
    ]
    assert order == sorted(order)


def test_who_role_table_is_a_table_where_who_prints_it(library: Library) -> None:
    """The role table is a Markdown table between the sentence that introduces it and the
    next subheading, as in section 12."""
    text = to_markdown(library.edition("who_2017"))
    section = "who_2017/front/peer-supporters-in-mental-health-and-related-areas"
    intro = text.index(f'<a id="{section}/28"></a>')
    header = text.index("| Topic | Consistent with Peer Role | Not Consistent with Peer Role |")
    rows = [text.index(f'| <a id="who_2017/role-table/{n}"></a>') for n in range(1, 5)]
    assert intro < header < rows[0] < rows[1] < rows[2] < rows[3] < text.index(f"{section}/29")

"""What a reader sees of the real diffs: order of the sections, provenance left out, approval
figures compared as statements (read in content/*/edition.yaml)."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from guidelines_model import CANONICAL_VALUE_KEYS, Library
from guidelines_model.cli import main
from guidelines_model.diff import ChangeKind, DiffResult, diff
from guidelines_model.diff.render import render

#: Section headings in the order every format prints them (2013 -> WHO has all of them).
WHO_ORDER = [
    *CANONICAL_VALUE_KEYS,
    "Glossary",
    "Title and subtitle",
    "Front matter",
    "WHO values",
    "Key objectives",
    "Misconceptions",
    "Language examples",
    "Competencies",
    "Interview questions",
    "Job description",
    "Metadata",
]


@pytest.fixture(scope="module")
def to_who(library: Library) -> DiffResult:
    """2013 -> WHO 2017."""
    return diff(library.edition("2013"), library.edition("who_2017"))


@pytest.fixture(scope="module")
def to_2019(library: Library) -> DiffResult:
    """2013 -> 2019 supervisors."""
    return diff(library.edition("2013"), library.edition("2019_supervisors"))


def _value_key(heading: str) -> str:
    """A value's heading ('Value 1 "..."' in HTML, '1. Peer support is voluntary' in text and
    Markdown, where the dot is escaped) as its key."""
    m = re.match(r"(?:Value (\d+) |(\d+)\\?\. )", heading)
    return CANONICAL_VALUE_KEYS[int(m.group(1) or m.group(2)) - 1] if m else heading


def _in_order(headings: list[str]) -> list[str]:
    """The expected headings that appear, in the expected order (values unchanged in WHO
    have no section)."""
    return [h for h in WHO_ORDER if h in headings]


@pytest.mark.parametrize(
    ("fmt", "pattern"),
    [
        ("text", r"^== (.+) ==$"),
        ("markdown", r"^## (.+)$"),
        ("html", r"<h2[^>]*>(.+?)</h2>"),
    ],
)
def test_values_first_metadata_last(to_who: DiffResult, fmt: str, pattern: str) -> None:
    """Text, Markdown and HTML: the values in published order, then the glossary, the rest of
    the edition and the WHO-only parts, the metadata last; headings in the guideline's words."""
    out = render(to_who, fmt)
    found = re.findall(pattern, out, re.M)
    if fmt != "html":  # a value by its number and title, as readers know it
        first = next(h for h in found if h != "Summary")
        assert first in ("1. Peer support is voluntary", "1\\. Peer support is voluntary")
    found = [_value_key(h) for h in found]
    headings = [h for h in found if h in WHO_ORDER]
    assert headings == _in_order(headings)
    assert headings[0] == "voluntary"
    assert headings[-1] == "Metadata"
    assert "WHO values" in headings
    assert "Who values" not in out


def test_provenance_only_on_request(to_who: DiffResult) -> None:
    """Sources, sha256 and placement changes are left out (and not counted) unless included."""
    fields = {c.field for c in to_who.changes if c.field}
    assert not any(f.startswith(("sources", "placement")) for f in fields)
    assert "sha256" not in render(to_who, "text")
    assert "sha256" not in render(to_who, "html")
    shown = replace(to_who, include=frozenset({"provenance"}))
    extra = {c.field for c in shown.changes} - fields
    assert "sources.1.sha256" in extra
    assert "placement.opening_list" in extra
    assert shown.totals()["removed"] > to_who.totals()["removed"]


def test_include_provenance_flag(capsys: pytest.CaptureFixture[str]) -> None:
    """``--include provenance`` shows the source hashes; without it they are not printed."""
    assert main(["diff", "2013", "who_2017", "--format", "json"]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert main(["diff", "2013", "who_2017", "--format", "json", "--include", "provenance"]) == 0
    full = json.loads(capsys.readouterr().out)
    assert (plain["include"], full["include"]) == ([], ["provenance"])
    assert not [c for c in plain["changes"] if c["node"] == "provenance"]
    assert [c["field"] for c in full["changes"] if c["node"] == "provenance"][:3] == [
        "sources.2",
        "sources.1.file",
        "sources.1.sha256",
    ]


def test_approval_figures_compared_as_statements(to_2019: DiffResult) -> None:
    """2013 prints three approval statements, 2019 five: the three 2013 ones are reworded into
    2019's third to fifth (figures kept), the first two of 2019 are new. No JSON records."""
    rows = [
        (c.kind, c.where, c.old, c.new)
        for c in to_2019.changes
        if (c.field or "").startswith("approval")
    ]
    assert [(k, w) for k, w, _, _ in rows] == [
        (ChangeKind.ADDED, "Metadata, approval statement 1"),
        (ChangeKind.ADDED, "Metadata, approval statement 2"),
        (ChangeKind.REWORDED, "Metadata, approval statement 3"),
        (ChangeKind.REWORDED, "Metadata, approval statement 1 → approval statement 4"),
        (ChangeKind.REWORDED, "Metadata, approval statement 2 → approval statement 5"),
    ]
    assert rows[1][3] == (
        "The National Practice Guidelines for Supervisors of Peer Support Specialists received "
        "an approval rating of 91.8% from 232 responses to a national survey. "
        "[91.8%, 232 respondents]"
    )
    assert (rows[4][2] or "").endswith("for practice standards development. [98%]")
    assert not any("{" in (o or "") + (n or "") for _, _, o, n in rows)


def test_part_lists_only_that_part(to_who: DiffResult) -> None:
    """--part values lists only the value changes and says so; the table counts every part;
    the value changes start right after the table and its legend."""
    only = replace(to_who, parts=frozenset({"values"}))
    assert {c.part for c in only.changes} == {"values"}
    assert only.summary() == to_who.summary()
    lines = render(only, "text").splitlines()
    assert "Changes listed below: values only (the table counts every part)." in lines
    assert lines.index("== 1. Peer support is voluntary ==") < 35
    assert "== Metadata ==" not in lines
    assert "== Metadata ==" in render(to_who, "text").splitlines()
    front = replace(to_who, parts=frozenset({"front"}))
    assert {c.part for c in front.changes} == {
        "edition",
        "front matter",
        "who values",
        "key objectives",
        "misconceptions",
        "language examples",
        "competencies",
        "interview questions",
        "role table",
        "job description",
    }

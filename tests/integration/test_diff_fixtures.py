"""Golden diff of the paired lhs/ and rhs/ fixture editions, in Markdown and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guidelines_model import load_library
from guidelines_model.diff import DiffResult, diff
from guidelines_model.diff.render import render

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "diff"


@pytest.fixture(scope="module")
def result() -> DiffResult:
    """The diff of sample_v1 (lhs) to sample_v2 (rhs)."""
    old = load_library(FIXTURES / "lhs").edition("sample_v1")
    new = load_library(FIXTURES / "rhs").edition("sample_v2")
    return diff(old, new)


@pytest.mark.parametrize(("fmt", "name"), [("markdown", "expected.md"), ("json", "expected.json")])
def test_output_matches_the_expected_file(result: DiffResult, fmt: str, name: str) -> None:
    """The rendered diff is exactly the reviewed expected file."""
    assert render(result, fmt) == (FIXTURES / name).read_text(encoding="utf-8")


def test_expected_json_holds_every_kind(result: DiffResult) -> None:
    """The fixture pair exercises every kind of change and every noise class but one."""
    data = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
    assert {c["kind"] for c in data["changes"]} == {
        "added",
        "removed",
        "moved",
        "reworded",
        "renumbered",
    }
    classes = {k for c in data["changes"] if c["kind"] == "reworded" for k in c["classification"]}
    assert classes == {"whitespace", "punctuation", "capitalisation", "spelling", "substantive"}
    assert data["comparisons"][0]["summary"]["total"] == result.totals()

"""Source verification: what normalisation forgives, and what it never does."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidelines_model import load_edition
from guidelines_model.verify import normalise, split_sentences, verify


def test_normalise_quotes_dashes_spaces() -> None:
    """Curly and straight quotes, dash styles and runs of spaces compare equal."""
    assert normalise("“a”  ‘b’ —\u00a0c") == normalise("\"a\" 'b' -- c")


def test_sentences() -> None:
    """Texts split into sentences at a stop followed by a capital."""
    assert split_sentences("One “two.” Three: Four. five") == ["One “two.”", "Three:", "Four. five"]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("value and judgment free", "value and judgement free"),  # a spelling "fix"
        ("Peer supporters clearly explain", "Peer supporters clearly explains"),
        ("monitor their use.", "monitor their use"),  # a dropped full stop
        (
            "Peer supporters use language that is supportive and respectful.",
            "Peer Supporters use language that is supportive and respectful.",
        ),  # capitals
    ],
)
def test_any_change_to_wording_is_caught(content_copy: Path, old: str, new: str) -> None:
    """Spelling, grammar, capitals and punctuation changes are reported as not found."""
    _edit(content_copy / "2013/values/11-transparent.yaml", old, new)
    report = verify(load_edition(content_copy / "2013"), content_copy.parent / "sources")
    assert len(report.missing) == 1
    assert report.missing[0].id.startswith("2013/transparent/")
    assert report.missing[0].location is not None


def test_stale_exception_reported(content_copy: Path) -> None:
    """An exception for a sentence that is in fact found is reported for removal."""
    _edit(
        content_copy / "2013/edition.yaml",
        "notes:",
        "unverified:\n  - target: 2013/hopeful/title\n    reason: test\nnotes:",
    )
    report = verify(load_edition(content_copy / "2013"), content_copy.parent / "sources")
    assert report.stale_exceptions == ("2013/hopeful/title",)
    assert not report.ok

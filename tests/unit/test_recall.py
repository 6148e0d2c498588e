"""Recall: every unit of a source is in the content, declared furniture or a declared omission."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest

from guidelines_model import Edition, Library
from guidelines_model.cli import main
from guidelines_model.verify import verify
from guidelines_model.verify.recall import RecallReport, recall


def _recall(doc: Edition, root: Path) -> RecallReport:
    return recall(doc, root, verify(doc, root))


def _edition(tmp_path: Path, source: str, **parts: Any) -> tuple[Edition, Path]:
    """A small edition transcribed from ``source``, written to a sources folder."""
    root = tmp_path / "sources"
    root.mkdir(parents=True)
    (root / "s.txt").write_text(source, encoding="utf-8")
    digest = hashlib.sha256(source.encode()).hexdigest()
    data: dict[str, Any] = {
        "id": "tiny",
        "title": "Tiny guidelines",
        "publisher": "Tiny",
        "year": 2020,
        "kind": "peer-guidelines",
        "spelling": "en-US",
        "licence": {"name": "Tiny"},
        "citation": "Tiny guidelines",
        "sources": [{"file": "s.txt", "sha256": digest}],
        "values": [],
        "editorial": [{"field": "year", "reason": "test"}],
        **parts,
    }
    return Edition.model_validate(data), root


SOURCE = """Tiny guidelines
Tiny
Peer support
Hope
Peer support is hope.
Page 1 of 2
A scenario we leave out of the content entirely.
"""


def _section(*texts: str) -> list[dict[str, Any]]:
    return [{"key": "s", "heading": "Peer support", "blocks": [{"text": t} for t in texts]}]


def test_short_texts_do_not_cover_a_sentence_made_of_them(tmp_path: Path) -> None:
    """A heading "Peer support" and a paragraph "Hope" fill their own lines, but do not account
    for "Peer support is hope.", which is not in the content: short texts count only where
    they fill their line."""
    doc, root = _edition(
        tmp_path,
        SOURCE,
        front_matter=_section("Hope"),
        furniture=[{"source": "s.txt", "pattern": r"^Page \d+ of \d+$", "reason": "foot"}],
        omissions=[{"source": "s.txt", "first": 7, "last": 7, "reason": "a scenario"}],
    )
    report = _recall(doc, root)
    assert [(u.first_line, u.text) for u in report.unaccounted] == [(5, "Peer support is hope.")]
    assert (report.accounted, report.units) == (6, 7)
    assert not report.ok


def test_furniture_and_omissions_account_for_what_they_declare(tmp_path: Path) -> None:
    """With the sentence in the content, the page foot as furniture and the scenario as an
    omission, every unit is accounted for."""
    doc, root = _edition(
        tmp_path,
        SOURCE,
        front_matter=_section("Hope", "Peer support is hope."),
        furniture=[{"source": "s.txt", "pattern": r"^Page \d+ of \d+$", "reason": "foot"}],
        omissions=[{"source": "s.txt", "first": 7, "last": 7, "reason": "a scenario"}],
    )
    report = _recall(doc, root)
    assert report.ok
    assert (report.accounted, report.units, report.recall) == (7, 7, 1.0)


def test_declarations_that_account_for_nothing_are_reported(tmp_path: Path) -> None:
    """A pattern that matches nothing, an omission of content only, and an omission past the
    end of the source are reported: a declaration must hide nothing and mean something."""
    doc, root = _edition(
        tmp_path,
        SOURCE,
        front_matter=_section("Hope", "Peer support is hope."),
        furniture=[
            {"source": "s.txt", "pattern": r"^Page \d+ of \d+$", "reason": "foot"},
            {"source": "s.txt", "pattern": r"^Chapter \d+$", "reason": "never printed"},
        ],
        omissions=[
            {"source": "s.txt", "first": 7, "last": 7, "reason": "a scenario"},
            {"source": "s.txt", "first": 5, "last": 5, "reason": "content, not left out"},
            {"source": "s.txt", "first": 7, "last": 40, "reason": "past the end"},
        ],
    )
    (source,) = _recall(doc, root).sources
    assert source.unaccounted == ()
    assert source.stale_furniture == (r"^Chapter \d+$",)
    assert source.bad_omissions == (
        "lines 5-5: everything there is content or furniture",
        "lines 7-40: the source's last text line is 7",
        "lines 7-40: everything there is content or furniture",
    )


def test_declarations_name_a_source_of_the_document(tmp_path: Path) -> None:
    """A furniture pattern for a file that is not one of the sources is refused, and so is a
    pattern that is not a regular expression."""
    with pytest.raises(ValueError, match="is not one of this document's sources"):
        _edition(
            tmp_path, SOURCE, omissions=[{"source": "x.txt", "first": 1, "last": 1, "reason": "r"}]
        )
    with pytest.raises(ValueError, match="pattern is not a regular expression"):
        _edition(
            tmp_path / "b",
            SOURCE,
            furniture=[{"source": "s.txt", "pattern": "(", "reason": "r"}],
        )


def test_a_dropped_paragraph_is_reported(library: Library) -> None:
    """Leaving a printed paragraph out of the content (without declaring it) is reported with
    its source line."""
    e = library.edition("2013")
    background = next(s for s in e.front_matter if s.key == "background")
    dropped = background.model_copy(
        update={"blocks": background.blocks[:3] + background.blocks[4:]}
    )
    front = tuple(dropped if s is background else s for s in e.front_matter)
    report = _recall(e.model_copy(update={"front_matter": front}), library.sources_root())
    assert {u.first_line for u in report.unaccounted} == {25}
    assert report.unaccounted[0].text.startswith("A consortium of stakeholder organizations")


@pytest.mark.parametrize(
    ("doc", "units"),
    [("2013", 252), ("2019_supervisors", 1022), ("who_2017", 1299), ("training_module7", 46)],
)
def test_every_document_is_fully_accounted_for(library: Library, doc: str, units: int) -> None:
    """Every unit of every primary source is in the content, furniture or an omission."""
    d = library.document(doc)
    report = recall(d, library.sources_root(), verify(d, library.sources_root()))
    assert report.ok
    assert (report.accounted, report.units) == (units, units)


def test_cli_recall(capsys: pytest.CaptureFixture[str]) -> None:
    """``verify-sources --recall`` prints the recall of each document and exits 0 when
    everything is accounted for."""
    assert main(["verify-sources", "--recall", "2013"]) == 0
    out = capsys.readouterr().out
    assert "recall: 252/252 source units accounted for (100.0%)" in out


def _draft(content: Path, sources: str = "") -> None:
    """A copy of 2013 as a new edition with no sources yet."""
    folder = content / "draft_2030"
    shutil.copytree(content / "2013", folder)
    (folder / "recall.yaml").unlink()
    (folder / "edition.yaml").write_text(
        'id: "draft_2030"\n'
        + ("" if sources else "status: draft\n")
        + "title: The next edition\npublisher: Nobody yet\nyear: 2030\nkind: peer-guidelines\n"
        + "spelling: en-US\nlicence:\n  name: To be decided\ncitation: Not yet published.\n"
        + sources,
        encoding="utf-8",
    )


def test_a_draft_is_reported_as_a_draft(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An edition with status draft and no sources is reported as a draft, with or without
    --recall, and does not fail; the other editions are still verified."""
    _draft(content_copy)
    code = main(["--content", str(content_copy), "verify-sources", "--recall"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "draft_2030: draft, no sources yet: not verified" in out
    assert "2013: 212/212 sentences found" in out


def test_a_published_edition_needs_sources(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without status draft, an edition without sources is a located error."""
    _draft(content_copy, sources="status: published\n")
    assert main(["--content", str(content_copy), "validate"]) == 1
    captured = capsys.readouterr()
    assert (
        "draft_2030/edition.yaml:1:1: sources: a published edition lists at least one source"
        in captured.out + captured.err
    )

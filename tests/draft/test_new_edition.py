"""``new-edition``: a draft is a faithful copy of its parent with its own metadata."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from guidelines_model import Edition, load_library
from guidelines_model.checks import run_checks
from guidelines_model.cli import main
from guidelines_model.diff import ChangeKind, diff
from guidelines_model.draft.new import DraftError, new_edition, refuse_installed
from guidelines_model.model.errors import NotFoundError
from guidelines_model.verify import verify


def test_draft_keeps_texts_kind_and_waivers(content_copy: Path) -> None:
    """The draft has every text of the parent, its kind and waivers (retargeted), no sources."""
    folder = new_edition(content_copy, "draft", "2019_supervisors", year=2027)
    assert folder == content_copy / "draft"
    lib = load_library(content_copy)
    parent, draft = lib.edition("2019_supervisors"), lib.edition("draft")
    assert draft.is_draft
    assert not parent.is_draft
    assert (draft.based_on, draft.kind, draft.year, draft.sources) == (
        "2019_supervisors",
        "supervisors",
        2027,
        (),
    )
    assert draft.title == parent.title
    assert [t for _, t in draft.texts()] == [t for _, t in parent.texts()]
    assert [w.target for w in draft.waivers] == ["draft/honest-direct/practice/4"]
    assert [w.text_hash for w in draft.waivers] == [w.text_hash for w in parent.waivers]
    assert all(n.target.startswith("draft/") for n in draft.notes)
    assert draft.unverified == ()
    assert draft.approval == ()
    # Value files are copied byte for byte but for the ids in their target: lines.
    for path in (content_copy / "2019_supervisors" / "values").glob("*.yaml"):
        old = path.read_text(encoding="utf-8")
        new = (folder / "values" / path.name).read_text(encoding="utf-8")
        assert new == old.replace("target: 2019_supervisors/", "target: draft/")


def test_diff_shows_no_text_changes(content_copy: Path) -> None:
    """`diff PARENT DRAFT`: every change is metadata; every text unchanged."""
    new_edition(content_copy, "draft", "2019_supervisors", year=2027)
    lib = load_library(content_copy)
    result = diff(lib.edition("2019_supervisors"), lib.edition("draft"))
    texts = [c for c in result.changes if c.field is None and c.kind != ChangeKind.UNCHANGED]
    assert texts == []
    fields = {c.field for c in result.changes if c.field is not None}
    assert {"year", "based_on", "status", "citation"} <= fields


def test_checks_treat_draft_like_any_edition(content_copy: Path) -> None:
    """`check` runs every rule on the draft: valid, GM501 says it is a draft (info)."""
    new_edition(content_copy, "draft", "2019_supervisors")
    lib = load_library(content_copy)
    report = run_checks(lib, ["draft"])
    assert report.valid
    gm501 = [f for f in report.findings if f.code == "GM501"]
    assert [(f.severity.value, f.message) for f in gm501] == [
        ("info", "draft: not checked against the sources (a draft has no published text yet)")
    ]
    acknowledged = [f for f in report.findings if f.acknowledged]
    assert [f.id for f in acknowledged] == ["draft/honest-direct/practice/4"]
    assert verify(lib.edition("draft"), lib.sources_root()).draft


def test_published_edition_needs_sources(library: object) -> None:
    """Only a draft may have no sources: a published edition without them does not validate."""
    from guidelines_model import Library

    assert isinstance(library, Library)
    # Without sources, nor the recall declarations that name them.
    data = library.edition("2013").model_dump(exclude={"sources", "furniture", "omissions"})
    with pytest.raises(ValidationError, match="only a draft, status: draft, may have none"):
        Edition.model_validate(data)
    assert Edition.model_validate({**data, "status": "draft"}).sources == ()


def test_refuses_installed_content(tmp_path: Path) -> None:
    """A draft is never written into an installed package's content."""
    with pytest.raises(DraftError, match="installed package"):
        refuse_installed(tmp_path / "lib" / "site-packages" / "guidelines_model" / "_data")


def test_existing_id_and_unknown_parent_write_nothing(content_copy: Path) -> None:
    """An id in use or an unknown parent is an error, and no folder is left behind."""
    before = sorted(p.name for p in content_copy.iterdir())
    with pytest.raises(DraftError, match="2013: an edition or folder of that name exists"):
        new_edition(content_copy, "2013", "2019_supervisors")
    with pytest.raises(NotFoundError, match="2019_supervisors"):
        new_edition(content_copy, "draft", "2019_supervisor")
    with pytest.raises(DraftError, match="not an edition id"):
        new_edition(content_copy, "Draft-1", "2013")
    assert sorted(p.name for p in content_copy.iterdir()) == before


def test_cli_new_edition(
    content_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command creates the draft under --content, or ./content; an error exits 1."""
    monkeypatch.chdir(content_copy.parent)
    args = ["new-edition", "next", "--based-on", "2013", "--title", "Next guidelines"]
    assert main(args) == 0
    assert "next: draft based on 2013 in content/next" in capsys.readouterr().out
    assert load_library(content_copy).edition("next").title == "Next guidelines"
    assert main(["--content", str(content_copy), *args]) == 1
    assert "next: an edition or folder of that name exists" in capsys.readouterr().err
    monkeypatch.chdir(content_copy / "2013")
    assert main(["new-edition", "other", "--based-on", "2013"]) == 1
    assert "give --content DIR" in capsys.readouterr().err

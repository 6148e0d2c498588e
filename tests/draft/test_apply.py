"""``review-merge --apply``: the accepted proposals written into the YAML, and nothing else."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl.worksheet.worksheet import Worksheet

from guidelines_model import Edition, load_library
from guidelines_model.cli import main
from guidelines_model.draft import apply as apply_module
from guidelines_model.draft.apply import apply_review
from guidelines_model.draft.new import DraftError
from guidelines_model.draft.review import Action, read_reviews
from tests.draft.conftest import AFTER, ID, PROPOSED, Edit, first_empty, propose, row_of

Returned = Callable[[str, dict[str, Edit]], Path]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}


def folder_of(draft: Edition) -> Path:
    assert draft.origin is not None
    return Path(draft.origin.parts[0][2].file).resolve().parent


def add_row(ws: Worksheet, after: str, text: str) -> None:
    r = first_empty(ws)
    ws.cell(r, PROPOSED).value = text
    ws.cell(r, AFTER).value = after


def test_only_the_proposed_lines_change(draft: Edition, returned: Returned) -> None:
    """A rewording, an added item, a deleted item and an added paragraph change exactly their
    lines and the n: of the items after them; every other byte of the content stays."""
    folder = folder_of(draft)
    before = snapshot(folder)

    def edit(ws: Worksheet) -> None:
        propose(
            ws,
            "draft/voluntary/practice/4",
            "Peer supporters advocate for choice when they observe coercion in any mental health "
            "or substance use service setting.",
        )
        add_row(ws, "draft/voluntary/practice/2", "Peer supporters listen.")
        propose(ws, "draft/hopeful/practice/2", "DELETE")
        add_row(ws, "draft/hopeful/description/1", "Hope is shared.")
        propose(ws, "draft/hopeful/supervisor/lead-in", "THE SUPERVISOR'S ROLE IS TO:")

    review = read_reviews(draft, [returned("ann", {"values": edit})])
    written = apply_review(draft, review.accepted)
    assert sorted(p.name for p in written) == ["01-voluntary.yaml", "02-hopeful.yaml"]
    after = snapshot(folder)
    changed = {k for k in before if before[k] != after[k]}
    assert changed == {"values/01-voluntary.yaml", "values/02-hopeful.yaml"}

    old = before["values/01-voluntary.yaml"].decode()
    want = (
        old.replace(
            "        substance abuse service setting.", "        substance use service setting."
        )
        .replace(
            "    - n: 4\n      text: >-\n        Peer supporters advocate",
            "    - n: 5\n      text: >-\n        Peer supporters advocate",
        )
        .replace(
            "    - n: 3\n      text: >-\n        Peer supporters also",
            "    - n: 3\n      text: Peer supporters listen.\n    - n: 4\n      text: >-\n        Peer supporters also",
        )
    )
    got = after["values/01-voluntary.yaml"].decode()
    assert got == want, "".join(
        __import__("difflib").unified_diff(want.splitlines(True), got.splitlines(True))
    )

    old = before["values/02-hopeful.yaml"].decode()
    want = (
        old.replace(
            "    catalyst of recovery for many people.\n",
            "    catalyst of recovery for many people.\n  - Hope is shared.\n",
        )
        .replace(
            "    - n: 2\n      text: >-\n        Peer supporters model recovery behaviors at work and act as ambassadors of recovery in\n        all aspects of their work.\n    - n: 3\n",
            "    - n: 2\n",
        )
        .replace(
            'lead_in: "THE SUPERVISOR ROLE IS TO:"', 'lead_in: "THE SUPERVISOR\'S ROLE IS TO:"'
        )
    )
    assert after["values/02-hopeful.yaml"].decode() == want


def test_texts_are_the_drafts_with_the_proposals(draft: Edition, returned: Returned) -> None:
    """After --apply the draft loads, and its texts are the old ones with the proposals made."""
    long = " ".join(["Peer supporters keep hope alive for the people they support."] * 4)

    def edit(ws: Worksheet) -> None:
        propose(ws, "draft/open-minded/practice/1", long)
        add_row(ws, "draft/open-minded/practice/4", "Peer supporters stay curious.")

    review = read_reviews(draft, [returned("ann", {"values": edit})])
    apply_review(draft, review.accepted)
    new = load_library(folder_of(draft).parent).edition("draft")
    texts = dict(new.texts())
    assert texts["draft/open-minded/practice/1"] == long
    assert texts["draft/open-minded/practice/5"] == "Peer supporters stay curious."
    assert len(texts) == len(dict(draft.texts())) + 1
    lines = (folder_of(draft) / "values" / "03-open-minded.yaml").read_text().splitlines()
    assert max(len(line) for line in lines) <= 98  # a long new text is folded as the content is


def test_comments_kept(draft: Edition, returned: Returned) -> None:
    """Comments in the YAML survive an edit of the file."""
    path = folder_of(draft) / "values" / "04-empathetic.yaml"
    text = path.read_text()
    path.write_text(text.replace("practice:\n", "# reviewed in 2027\npractice:\n", 1))
    lib = load_library(folder_of(draft).parent)
    review = read_reviews(
        lib.edition("draft"),
        [
            returned(
                "ann",
                {
                    "values": lambda ws: propose(
                        ws, "draft/empathetic/practice/1", "Peer supporters listen."
                    )
                },
            )
        ],
    )
    apply_review(lib.edition("draft"), review.accepted)
    assert "# reviewed in 2027\npractice:\n" in path.read_text()


def test_published_edition_is_never_edited(
    library: object, content_copy: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Proposals apply to a draft only: a published edition is refused, nothing written."""
    from guidelines_model.draft.sheet import write_sheet

    lib = load_library(content_copy)
    sheet = tmp_path / "r.xlsx"
    write_sheet(lib.edition("2013"), sheet)
    import openpyxl

    wb = openpyxl.load_workbook(sheet)
    propose(wb["values"], "2013/voluntary/practice/1", "Changed.")
    wb.save(sheet)
    before = snapshot(content_copy)
    code = main(["--content", str(content_copy), "review-merge", "2013", str(sheet), "--apply"])
    assert code == 1
    assert (
        "2013 is a published edition: proposals are applied to a draft only"
        in capsys.readouterr().err
    )
    assert snapshot(content_copy) == before
    with pytest.raises(DraftError):
        apply_review(lib.edition("2013"), read_reviews(lib.edition("2013"), [sheet]).accepted)


def test_errors_or_a_failed_check_write_nothing(
    draft: Edition, returned: Returned, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sheet with an error applies nothing; nor does an edit whose texts would not be exactly
    the proposed ones (every file or none)."""
    root = folder_of(draft).parent
    before = snapshot(root)

    def edit(ws: Worksheet) -> None:
        propose(ws, "draft/voluntary/practice/1", "Changed.")
        ws.cell(row_of(ws, "draft/hopeful/practice/1"), ID).value = "draft/hopeful/practise/1"

    bad = returned("bad", {"values": edit})
    assert main(["--content", str(root), "review-merge", "draft", str(bad), "--apply"]) == 1
    assert snapshot(root) == before

    def two_files(ws: Worksheet) -> None:
        propose(ws, "draft/voluntary/practice/1", "Changed.")
        propose(ws, "draft/hopeful/practice/1", "Changed too.")

    good = returned("good", {"values": two_files})
    monkeypatch.setattr(apply_module, "expected_texts", lambda *_: [])
    with pytest.raises(DraftError, match="nothing written"):
        apply_review(draft, read_reviews(draft, [good]).accepted)
    assert snapshot(root) == before


TRICKY = [
    "a  b, two spaces",
    "key: value, a colon and a space",
    "- starts like a list entry",
    "# starts like a comment",
    "'quoted' at the start",
    "yes",
    "2013",
    "x" * 150,
    "ends with a space ",
    "a line\nbreak",
    "word " * 40 + "end",
]


@pytest.mark.parametrize("text", TRICKY, ids=range(len(TRICKY)))
@pytest.mark.parametrize(
    "target",
    ["draft/voluntary/practice/1", "draft/voluntary/description/1", "draft/voluntary/title"],
)
def test_any_text_is_written_exactly(draft: Edition, target: str, text: str) -> None:
    """Whatever a reviewer writes (YAML-like, long, spaced, multi-line) loads back as written."""
    from guidelines_model.draft.review import Proposal

    old = dict(draft.texts())[target]
    p = Proposal(Action.CHANGE, target, old, text, "", "", ("x",), (), ())
    apply_review(draft, [p])
    assert dict(load_library(folder_of(draft).parent).edition("draft").texts())[target] == text

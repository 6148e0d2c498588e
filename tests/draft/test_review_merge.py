"""``review-merge``: proposals read back from reviewers' sheets, mistakes located by cell."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl.worksheet.worksheet import Worksheet

from guidelines_model import Edition
from guidelines_model.cli import main
from guidelines_model.draft.review import Action, read_reviews
from tests.draft.conftest import (
    AFTER,
    CURRENT,
    ID,
    KIND,
    PROPOSED,
    VALUE,
    Edit,
    first_empty,
    new_row,
    propose,
    row_of,
)

Returned = Callable[[str, dict[str, Edit]], Path]
P4 = "draft/voluntary/practice/4"


def errors_of(draft: Edition, path: Path) -> list[str]:
    return [str(e) for e in read_reviews(draft, [path]).errors]


def test_untouched_sheet_proposes_nothing(draft: Edition, sheet: Path) -> None:
    """The sheet as it went out reads back with no proposal and no error."""
    review = read_reviews(draft, [sheet])
    assert (review.proposals, review.errors) == ((), ())


def test_change_delete_insert_comment(draft: Edition, returned: Returned) -> None:
    """Each kind of row is read as its proposal, with the reviewer (column or file name)."""

    def edit(ws: Worksheet) -> None:
        propose(ws, P4, "Peer supporters advocate for choice.", comment="shorter")
        propose(ws, "draft/hopeful/practice/2", "DELETE", reviewer="Bob")
        propose(ws, "draft/hopeful/description/1", "", comment="fine as it is")
        r = first_empty(ws)
        ws.cell(r, PROPOSED).value = "Peer supporters listen."
        ws.cell(r, AFTER).value = "draft/hopeful/practice/3"

    review = read_reviews(draft, [returned("ann", {"values": edit})])
    assert review.errors == ()
    got = [(p.action, p.target, p.text, p.reviewers, p.comments) for p in review.proposals]
    assert got == [
        (Action.CHANGE, P4, "Peer supporters advocate for choice.", ("ann",), ("shorter",)),
        (Action.COMMENT, "draft/hopeful/description/1", None, ("ann",), ("fine as it is",)),
        (Action.DELETE, "draft/hopeful/practice/2", None, ("Bob",), ()),
        (Action.INSERT, "draft/hopeful/practice/3", "Peer supporters listen.", ("ann",), ()),
    ]
    assert [p.places[0].row for p in review.proposals][-1] == first_empty_row(draft)


def first_empty_row(draft: Edition) -> int:
    from guidelines_model.draft.sheet import rows

    return sum(1 for r in rows(draft) if r.sheet == "values") + 2


def test_agreement_merges_and_conflict_is_side_by_side(
    draft: Edition, returned: Returned, capsys: pytest.CaptureFixture[str]
) -> None:
    """Equal proposals are one, with both reviewers; different ones for a text conflict."""
    same = "Peer supporters advocate for choice."

    def reviewer(wording: str) -> Edit:
        def edit(ws: Worksheet) -> None:
            propose(ws, P4, same)
            propose(ws, "draft/hopeful/practice/1", wording)

        return edit

    a = returned("ann", {"values": reviewer("A.")})
    b = returned("bob", {"values": reviewer("B.")})
    review = read_reviews(draft, [a, b])
    assert [(p.target, p.reviewers) for p in review.accepted] == [(P4, ("ann", "bob"))]
    assert [[(p.text, p.reviewers) for p in g] for g in review.conflicts] == [
        [("A.", ("ann",)), ("B.", ("bob",))]
    ]
    assert main(["--content", str(draft_root(draft)), "review-merge", "draft", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "Review of draft by ann, bob: 2 sheets, 1 proposal, 0 comments, 1 conflict, 0 errors"
    )
    assert "  draft/voluntary/practice/4: reworded (substantive), by ann, bob\n" in out
    assert "Peer supporters advocate for choice[- when they observe" in out
    conflict = out.split("Conflicts", 1)[1]
    assert f"    ann (reworded (substantive); {a}:values:" in conflict
    assert f"    bob (reworded (substantive); {b}:values:" in conflict


def draft_root(draft: Edition) -> Path:
    assert draft.origin is not None
    return Path(draft.origin.parts[0][2].file).resolve().parents[1]


@pytest.mark.parametrize(
    ("edit", "column", "message"),
    [
        (
            lambda ws: ws.cell(row_of(ws, P4), ID, "draft/voluntary/practise/4"),
            "A",
            "unknown id 'draft/voluntary/practise/4', not a text of draft: the id was edited? the closest is 'draft/voluntary/practice/4'",
        ),
        (
            lambda ws: ws.cell(row_of(ws, P4), ID, "nothing/like/it"),
            "A",
            "unknown id 'nothing/like/it', not a text of draft: ids come from the draft and cannot be changed",
        ),
        (
            lambda ws: ws.cell(row_of(ws, P4), CURRENT, "Peer supporters advocate."),
            "D",
            "the current text differs from the draft's: write the new wording in 'proposed text' (E), leave the current text as it is (or the sheet was made before the draft last changed: make a new one)",
        ),
        (
            lambda ws: ws.cell(row_of(ws, P4), VALUE, "hopeful"),
            "B",
            "value was edited: expected 'voluntary' (from the draft)",
        ),
        (
            lambda ws: ws.cell(row_of(ws, P4), KIND, "title"),
            "C",
            "kind was edited: expected 'practice-item' (from the draft)",
        ),
        (
            lambda ws: ws.cell(row_of(ws, P4), 9, "my proposal"),
            "I",
            "text outside the sheet's columns: write a proposal in 'proposed text' (E) and remarks in 'comment' (F)",
        ),
        (
            lambda ws: ws.cell(row_of(ws, P4), AFTER, "draft/voluntary/practice/3"),
            "H",
            "'insert after' is for a new row (with an empty id): this row has an id",
        ),
        (
            lambda ws: ws.cell(row_of(ws, "draft/voluntary/title"), PROPOSED, "DELETE"),
            "E",
            "only an item or a paragraph can be deleted; draft/voluntary/title is a value-title",
        ),
        (
            lambda ws: ws.cell(first_empty(ws), PROPOSED, "New item."),
            "H",
            "a new row (empty id) needs the id of the text it follows in 'insert after'",
        ),
        (
            lambda ws: new_row(ws, current="New item.", after=P4),
            "D",
            "a new row (empty id) has no current text: write the new text in 'proposed text' (E) and the id it follows in 'insert after' (H)",
        ),
        (
            lambda ws: new_row(ws, after="draft/voluntary/title", proposed="x"),
            "H",
            "only an item or a paragraph can follow draft/voluntary/title, a value-title",
        ),
        (
            lambda ws: new_row(ws, after="draft/glossary/intro/1", proposed="x"),
            "H",
            "draft/glossary/intro/1 is on the worksheet 'glossary': add the row there",
        ),
        (
            lambda ws: new_row(ws, after=P4, comment="x"),
            "E",
            "a new row needs its text in 'proposed text'",
        ),
        (
            lambda ws: ws.cell(1, PROPOSED, "proposal"),
            "E",
            "expected the column header 'proposed text'; the columns are id, value, kind, current text, proposed text, comment, reviewer, insert after",
        ),
    ],
)
def test_located_errors(
    draft: Edition, returned: Returned, edit: Edit, column: str, message: str
) -> None:
    """Each mistake is one error at FILE:sheet:row:column, saying what was expected."""
    path = returned("ann", {"values": edit})
    errors = errors_of(draft, path)
    assert len(errors) == 1, errors
    where, _, said = errors[0].partition(": ")
    file, sheet, _row, col = where.rsplit(":", 3)
    assert (file, sheet, col, said) == (str(path), "values", column, message)


def test_duplicated_and_moved_rows(draft: Edition, returned: Returned) -> None:
    """A row copied within the file, or moved to another worksheet, is an error at its id."""

    def copy_row(ws: Worksheet) -> None:
        r, to = row_of(ws, P4), first_empty(ws)
        for c in range(1, 9):
            ws.cell(to, c).value = ws.cell(r, c).value

    def move_in(ws: Worksheet) -> None:
        assert ws.parent is not None
        values = ws.parent["values"]
        r, to = row_of(values, P4), first_empty(ws)
        for c in range(1, 9):
            ws.cell(to, c).value = values.cell(r, c).value
            values.cell(r, c).value = None

    dup = returned("dup", {"values": copy_row})
    to = first_empty_row(draft)
    assert errors_of(draft, dup) == [
        f"{dup}:values:{to}:A: duplicated id '{P4}': also at {dup}:values:{row_of_id(draft, P4)}:A"
    ]
    moved = returned("moved", {"glossary": move_in})
    (error,) = errors_of(draft, moved)
    assert error.startswith(f"{moved}:glossary:")
    assert error.endswith(f":A: row moved between sheets: {P4} belongs on 'values'")


def row_of_id(draft: Edition, id_: str) -> int:
    from guidelines_model.draft.sheet import rows

    listed = [r.id for r in rows(draft) if r.sheet == "values"]
    return listed.index(id_) + 2


def test_unknown_worksheet_and_unreadable_file(draft: Edition, sheet: Path, tmp_path: Path) -> None:
    """A worksheet the draft has no part for, and a file that is not a workbook, are errors."""
    import openpyxl

    wb = openpyxl.load_workbook(sheet)
    wb.create_sheet("notes")
    wb.save(tmp_path / "extra.xlsx")
    assert errors_of(draft, tmp_path / "extra.xlsx") == [
        f"{tmp_path / 'extra.xlsx'}:notes:1:A: unknown worksheet 'notes': expected one of "
        "back matter, front matter, glossary, values"
    ]
    (tmp_path / "bad.xlsx").write_text("not a workbook", encoding="utf-8")
    (error,) = errors_of(draft, tmp_path / "bad.xlsx")
    assert error.startswith(f"{tmp_path / 'bad.xlsx'}::1:A: cannot read the workbook: ")


def test_cli_errors_exit_1_without_traceback(
    draft: Edition, returned: Returned, capsys: pytest.CaptureFixture[str]
) -> None:
    """Errors are listed at their cells and the command exits 1, with no traceback."""
    path = returned("ann", {"values": lambda ws: ws.cell(row_of(ws, P4), ID, "x")})
    code = main(["--content", str(draft_root(draft)), "review-merge", "draft", str(path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"  {path}:values:{row_of_id(draft, P4)}:A: unknown id 'x'" in out
    assert "Traceback" not in out + err


def test_merge_without_the_extra(
    draft: Edition, sheet: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without openpyxl, review-merge names the extra to install (not a damaged file)."""
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    code = main(["--content", str(draft_root(draft)), "review-merge", "draft", str(sheet)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "pip install 'guidelines-model[review]'" in err
    assert "cannot read the workbook" not in out

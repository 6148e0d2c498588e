"""``review-sheet``: one row per citable text, reviewers' columns open, the rest locked."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest

from guidelines_model import Edition, Library, load_library
from guidelines_model.cli import main
from guidelines_model.draft.sheet import COLUMNS, SPARE_ROWS, rows, workbook_bytes, write_sheet


def test_every_text_once_by_part(library: Library, tmp_path: Path) -> None:
    """Each text of the edition is one row, on its part's worksheet, in document order."""
    edition = library.edition("2019_supervisors")
    out = tmp_path / "review.xlsx"
    assert write_sheet(edition, out) == sum(1 for _ in edition.texts())
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["front matter", "values", "glossary", "back matter"]
    listed: list[tuple[str, str]] = []
    for ws in wb.worksheets:
        header = [c.value for c in ws[1]]
        assert header == list(COLUMNS)
        for row in ws.iter_rows(min_row=2, values_only=True):
            if row[0] is not None:
                listed.append((str(row[0]), str(row[3])))
                assert row[4:] == (None, None, None, None)
    assert listed == list(edition.texts())
    values = wb["values"]
    assert [c.value for c in values[7]][:3] == [
        "2019_supervisors/voluntary/practice/name",
        "voluntary",
        "practice-name",
    ]


def test_ids_locked_reviewer_columns_open(library: Library, tmp_path: Path) -> None:
    """The sheet is protected: id, value, kind and current text locked; the reviewer's columns
    (and spare rows for added items) open; header frozen, texts wrapped, widths set."""
    out = tmp_path / "review.xlsx"
    write_sheet(library.edition("2013"), out)
    ws = openpyxl.load_workbook(out)["values"]
    assert ws.protection.sheet
    assert ws.freeze_panes == "A2"
    n = len([r for r in rows(library.edition("2013")) if r.sheet == "values"])
    for row in (2, n + 1, n + 1 + SPARE_ROWS):
        locked = [ws.cell(row=row, column=c).protection.locked for c in range(1, 9)]
        assert locked == [True, True, True, True, False, False, False, False]
    assert ws.cell(row=2, column=4).alignment.wrap_text
    assert ws.cell(row=2, column=5).alignment.wrap_text
    assert ws.column_dimensions["D"].width == 60
    assert ws.column_dimensions["A"].width == 40


def test_text_like_a_formula_stays_text(library: Library) -> None:
    """A text that starts with '=' is written as text, not as a formula."""
    data = library.edition("2013").model_dump()
    data["title"] = "=SUM(A1:A2)"
    edition = Edition.model_validate(data)
    import io

    ws = openpyxl.load_workbook(io.BytesIO(workbook_bytes(edition)))["front matter"]
    assert ws.cell(row=2, column=4).value == "=SUM(A1:A2)"
    assert ws.cell(row=2, column=4).data_type == "s"


def test_cli_review_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The command writes the sheet; a name that is not .xlsx is an error (exit 1)."""
    out = tmp_path / "r.xlsx"
    assert main(["review-sheet", "2013", "-o", str(out)]) == 0
    n = sum(1 for _ in rows(load_library().edition("2013")))
    assert f"{out}: {n} texts of 2013 for review" in capsys.readouterr().out
    assert out.is_file()
    assert main(["review-sheet", "2013", "-o", str(tmp_path / "r.csv")]) == 1
    assert "the review sheet is an .xlsx file" in capsys.readouterr().err
    assert not (tmp_path / "r.csv").exists()


def test_missing_extra_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without openpyxl the command says which extra to install, with no traceback."""
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    assert main(["review-sheet", "2013", "-o", str(tmp_path / "r.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "pip install 'guidelines-model[review]'" in err
    assert "Traceback" not in err
    assert not (tmp_path / "r.xlsx").exists()

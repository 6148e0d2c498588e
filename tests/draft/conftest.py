"""A draft of 2019 in a temporary content folder, its review sheet, and sheet editing as a
reviewer would do it (with openpyxl)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from guidelines_model import Edition, load_library
from guidelines_model.draft.new import new_edition
from guidelines_model.draft.sheet import write_sheet

#: Column numbers of the review sheet.
ID, VALUE, KIND, CURRENT, PROPOSED, COMMENT, REVIEWER, AFTER = range(1, 9)


@pytest.fixture
def draft(content_copy: Path) -> Edition:
    """``draft``, a new edition based on 2019_supervisors, in a copy of the content."""
    new_edition(content_copy, "draft", "2019_supervisors", year=2027)
    return load_library(content_copy).edition("draft")


@pytest.fixture
def sheet(draft: Edition, tmp_path: Path) -> Path:
    """The review sheet of the draft."""
    out = tmp_path / "review.xlsx"
    write_sheet(draft, out)
    return out


def row_of(ws: Worksheet, id_: str) -> int:
    """The row that lists ``id_``."""
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, ID).value == id_:
            return r
    raise KeyError(id_)


def first_empty(ws: Worksheet) -> int:
    """The first spare row after the texts (not yet used for an added text)."""
    r = 2
    while any(ws.cell(r, c).value is not None for c in (ID, PROPOSED, AFTER)):
        r += 1
    return r


#: An edit of one worksheet (what it returns is ignored).
Edit = Callable[[Worksheet], object]


@pytest.fixture
def returned(sheet: Path, tmp_path: Path) -> Callable[[str, dict[str, Edit]], Path]:
    """A reviewer's copy of the sheet, edited worksheet by worksheet."""

    def make(name: str, edits: dict[str, Edit]) -> Path:
        out = tmp_path / f"{name}.xlsx"
        shutil.copy(sheet, out)
        wb = openpyxl.load_workbook(out)
        for title, edit in edits.items():
            edit(wb[title])
        wb.save(out)
        return out

    return make


def propose(ws: Worksheet, id_: str, text: str, **more: str) -> None:
    """Write a proposed text (and a comment or reviewer) on the row of ``id_``."""
    r = row_of(ws, id_)
    ws.cell(r, PROPOSED).value = text
    for name, val in more.items():
        ws.cell(r, {"comment": COMMENT, "reviewer": REVIEWER}[name]).value = val


def new_row(ws: Worksheet, **cells: str) -> None:
    """Fill the first spare row: ``proposed``, ``after``, ``current``, ``comment``..."""
    columns = {
        "proposed": PROPOSED,
        "after": AFTER,
        "current": CURRENT,
        "comment": COMMENT,
        "reviewer": REVIEWER,
    }
    r = first_empty(ws)
    for name, val in cells.items():
        ws.cell(r, columns[name]).value = val

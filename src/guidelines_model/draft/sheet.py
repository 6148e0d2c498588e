"""The review sheet: every citable text of an edition as a spreadsheet row, for reviewers who
work in spreadsheets rather than in YAML.

One worksheet per part (values, glossary, front matter...), one row per text: its id, the value
(or term, or section) it belongs to, its kind and current text, then empty columns for the
reviewer. The id, value, kind and current text are locked (the sheet is protected without a
password: it guards against slips, not against intent; the merge checks them anyway), the
header row is frozen, texts wrap. openpyxl is the ``review`` extra, imported only here.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from guidelines_model.model.documents import Edition
from guidelines_model.model.errors import GuidelinesError
from guidelines_model.model.nodes import Node
from guidelines_model.write.atomic import write_file

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

#: The columns of every worksheet, in order.
COLUMNS = (
    "id",
    "value",
    "kind",
    "current text",
    "proposed text",
    "comment",
    "reviewer",
    "insert after",
)
#: The columns a reviewer fills in; the others come from the draft and are locked.
REVIEWER_COLUMNS = ("proposed text", "comment", "reviewer", "insert after")
#: A proposed text that removes the item.
DELETE = "DELETE"
#: Column widths, in characters.
_WIDTHS = {
    "id": 40,
    "value": 20,
    "kind": 16,
    "current text": 60,
    "proposed text": 60,
    "comment": 40,
    "reviewer": 14,
    "insert after": 36,
}
_WRAPPED = ("current text", "proposed text", "comment")
#: Unlocked empty rows after the texts, where a reviewer adds items ("insert after").
SPARE_ROWS = 50

#: The worksheet of each top-level part of an edition (others: the part's name).
_SHEETS = {
    "title": "front matter",
    "subtitle": "front matter",
    "front_matter": "front matter",
    "values": "values",
    "glossary_heading": "glossary",
    "glossary_intro": "glossary",
    "glossary": "glossary",
    "back_matter": "back matter",
}


class ReviewExtraError(GuidelinesError):
    """openpyxl, the ``review`` extra, is not installed."""

    def __init__(self) -> None:
        super().__init__("review sheets need openpyxl: pip install 'guidelines-model[review]'")


def openpyxl() -> Any:
    """The openpyxl module, or :class:`ReviewExtraError` naming the extra to install."""
    try:
        import openpyxl as module
    except ImportError:
        raise ReviewExtraError from None
    return module


@dataclass(frozen=True, slots=True)
class Row:
    """One text of the edition as the review sheet lists it."""

    sheet: str
    id: str
    value: str
    kind: str
    text: str


def sheet_of(node: Node) -> str:
    """The worksheet a node is listed on."""
    top = str(node.path[0]) if node.path else "title"
    return _SHEETS.get(top, top.replace("_", " "))


def _container(edition: Edition, node: Node) -> str:
    """The key of the value, term or section a text belongs to ("" for none)."""
    path = node.path
    if len(path) < 2 or not isinstance(path[1], int):
        return ""
    part = getattr(edition, str(path[0]), ())
    owner = part[path[1]] if path[1] < len(part) else None
    key = getattr(owner, "key", None) or getattr(owner, "n", None)
    return str(key) if key is not None else ""


def rows(edition: Edition) -> Iterator[Row]:
    """Every citable text of ``edition``, in document order."""
    for node in edition.nodes():
        if node.text is not None:
            yield Row(sheet_of(node), node.id, _container(edition, node), node.kind, node.text)


def _text_cell(ws: Worksheet, row: int, column: int, text: str) -> None:
    cell = ws.cell(row=row, column=column, value=text)
    cell.data_type = "s"  # a text that starts with "=" is text, never a formula


def workbook_bytes(edition: Edition) -> bytes:
    """The review sheet of ``edition`` as .xlsx bytes."""
    xl = openpyxl()
    from openpyxl.styles import Alignment, Font, Protection
    from openpyxl.utils import get_column_letter

    wb = xl.Workbook()
    wb.remove(wb.active)
    by_sheet: dict[str, list[Row]] = {}
    for r in rows(edition):
        by_sheet.setdefault(r.sheet, []).append(r)
    open_cell = Protection(locked=False)
    for name, listed in by_sheet.items():
        ws = wb.create_sheet(name)
        for c, title in enumerate(COLUMNS, start=1):
            ws.cell(row=1, column=c, value=title).font = Font(bold=True)
            ws.column_dimensions[get_column_letter(c)].width = _WIDTHS[title]
        for i, r in enumerate(listed, start=2):
            for c, val in enumerate((r.id, r.value, r.kind, r.text), start=1):
                _text_cell(ws, i, c, val)
        last = len(listed) + 1 + SPARE_ROWS
        for i in range(2, last + 1):
            for c, title in enumerate(COLUMNS, start=1):
                cell = ws.cell(row=i, column=c)
                if title in _WRAPPED:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                else:
                    cell.alignment = Alignment(vertical="top")
                if title in REVIEWER_COLUMNS:
                    cell.protection = open_cell
        ws.freeze_panes = "A2"
        ws.protection.sheet = True
        # Reviewers may still resize, filter and sort; ids and current texts stay locked.
        ws.protection.formatColumns = False
        ws.protection.formatRows = False
        ws.protection.autoFilter = False
        ws.protection.sort = False
        ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_sheet(edition: Edition, path: str | os.PathLike[str]) -> int:
    """Write the review sheet of ``edition`` to ``path`` (atomically); return the rows."""
    if not os.fspath(path).endswith(".xlsx"):
        raise GuidelinesError(f"{os.fspath(path)}: the review sheet is an .xlsx file")
    data = workbook_bytes(edition)
    write_file(path, data)
    return sum(1 for _ in rows(edition))

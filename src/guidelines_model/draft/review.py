"""Reviewers' sheets read back: every proposal, and every mistake at ``FILE:sheet:row:column``.

A row with an id proposes for that text: a new wording in "proposed text", ``DELETE`` to remove
it, or only a comment. A row without an id adds a text after the id in "insert after". The id,
value, kind and current text come from the draft and must come back as they went out: a row
whose id is unknown, repeated, edited or on another worksheet, or whose current text was
written over, is an error, never a guess. Proposals for the same text that disagree are a
conflict; proposals that agree are one proposal with several reviewers.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from guidelines_model.draft.sheet import COLUMNS, DELETE, openpyxl
from guidelines_model.model.documents import Edition
from guidelines_model.model.errors import close_match
from guidelines_model.model.nodes import Node

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def letter(column: int) -> str:
    """The spreadsheet letter of a 1-based column (A..Z, AA...)."""
    out = ""
    while column:
        column, rest = divmod(column - 1, 26)
        out = _LETTERS[rest] + out
    return out


def col(name: str) -> str:
    """The letter of a named column of the review sheet."""
    return letter(COLUMNS.index(name) + 1)


@dataclass(frozen=True, slots=True)
class Place:
    """A cell of a returned sheet."""

    file: str
    sheet: str
    row: int
    column: str

    def __str__(self) -> str:
        return f"{self.file}:{self.sheet}:{self.row}:{self.column}"


@dataclass(frozen=True, slots=True)
class SheetError:
    """A row that cannot be read as a proposal: where, and what was expected."""

    place: Place
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


class Action(StrEnum):
    """What a row proposes."""

    CHANGE = "change"
    DELETE = "delete"
    INSERT = "insert"
    COMMENT = "comment"


@dataclass(frozen=True, slots=True)
class Proposal:
    """One reviewer's proposal (or several reviewers' identical ones).

    ``target`` is the id changed, deleted or commented on, or (for an insert) the id the new
    text follows; ``old`` is its current text; ``value`` the value, term or section it is in.
    """

    action: Action
    target: str
    old: str
    text: str | None
    value: str
    kind: str
    reviewers: tuple[str, ...]
    comments: tuple[str, ...]
    places: tuple[Place, ...]

    @property
    def key(self) -> tuple[str, str]:
        """Proposals with the same key are about the same change of the draft."""
        return ("insert" if self.action is Action.INSERT else "text", self.target)

    @property
    def outcome(self) -> tuple[Action, str | None]:
        """What the draft would become: equal outcomes agree, different ones conflict."""
        return (self.action, self.text)


@dataclass(frozen=True)
class Review:
    """Every returned sheet of one draft, read and checked."""

    edition: str
    proposals: tuple[Proposal, ...] = ()
    errors: tuple[SheetError, ...] = ()
    files: tuple[str, ...] = field(default=())

    def _groups(self) -> dict[tuple[str, str], list[Proposal]]:
        groups: dict[tuple[str, str], list[Proposal]] = {}
        for p in self.proposals:
            if p.action is not Action.COMMENT:
                groups.setdefault(p.key, []).append(p)
        return groups

    @property
    def conflicts(self) -> list[list[Proposal]]:
        """Groups of proposals for the same text that disagree (one per outcome)."""
        out = []
        for group in self._groups().values():
            merged = _merge(group)
            if len(merged) > 1:
                out.append(merged)
        return out

    @property
    def accepted(self) -> list[Proposal]:
        """The proposals to apply: changes nobody contradicts (agreements merged into one)."""
        out = []
        for group in self._groups().values():
            merged = _merge(group)
            if len(merged) == 1:
                out.append(merged[0])
        return out

    @property
    def comments(self) -> list[Proposal]:
        """Comments on a text without a proposed wording."""
        return [p for p in self.proposals if p.action is Action.COMMENT]

    @property
    def reviewers(self) -> list[str]:
        """Everyone who proposed or commented, in order of appearance."""
        return list(dict.fromkeys(r for p in self.proposals for r in p.reviewers))


def _merge(group: list[Proposal]) -> list[Proposal]:
    """One proposal per distinct outcome, with the reviewers, comments and places of all."""
    by: dict[tuple[Action, str | None], Proposal] = {}
    for p in group:
        if p.outcome in by:
            q = by[p.outcome]
            by[p.outcome] = replace(
                q,
                reviewers=(*q.reviewers, *p.reviewers),
                comments=(*q.comments, *p.comments),
                places=(*q.places, *p.places),
            )
        else:
            by[p.outcome] = p
    return list(by.values())


def list_kind(node: Node) -> str | None:
    """``item``, ``paragraph`` or ``block`` when the text is an entry of a list (so it can be
    deleted, or followed by a new entry); ``None`` otherwise."""
    path = node.path
    if isinstance(path[-1], int):
        return "paragraph"
    if len(path) >= 3 and path[-1] == "text" and isinstance(path[-2], int):
        if path[-3] in ("items", "key_objectives", "interview_questions"):
            return "item"
        if path[-3] == "blocks" and node.kind != "numbered":
            return "block"
    return None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


@dataclass
class _Reader:
    """Reads the sheets of one draft, collecting proposals and errors."""

    edition: Edition
    nodes: dict[str, Node] = field(init=False)
    proposals: list[Proposal] = field(default_factory=list)
    errors: list[SheetError] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.nodes = {n.id: n for n in self.edition.nodes() if n.text is not None}
        from guidelines_model.draft.sheet import rows

        self.rows = {r.id: r for r in rows(self.edition)}
        self.sheets = {r.sheet for r in self.rows.values()}

    def error(self, place: Place, message: str) -> None:
        self.errors.append(SheetError(place, message))

    def read(self, path: Path) -> None:
        shown = os.fspath(path)
        xl = openpyxl()  # outside the try: a missing extra is not a damaged file
        try:
            wb = xl.load_workbook(path, data_only=True)
        except Exception as exc:  # a missing or damaged .xlsx: OS, zipfile and openpyxl errors
            self.error(Place(shown, "", 1, "A"), f"cannot read the workbook: {exc}")
            return
        seen: dict[str, Place] = {}
        for ws in wb.worksheets:
            if ws.title not in self.sheets:
                known = ", ".join(sorted(self.sheets))
                self.error(
                    Place(shown, ws.title, 1, "A"),
                    f"unknown worksheet {ws.title!r}: expected one of {known}",
                )
                continue
            header = [_cell(c) for c in next(ws.iter_rows(max_row=1, values_only=True), ())]
            bad = next(
                (i for i, name in enumerate(COLUMNS) if i >= len(header) or header[i] != name),
                None,
            )
            if bad is not None:
                self.error(
                    Place(shown, ws.title, 1, letter(bad + 1)),
                    f"expected the column header {COLUMNS[bad]!r}; the columns are "
                    + ", ".join(COLUMNS),
                )
                continue
            for r, cells in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
                self.row(shown, ws.title, r, [_cell(c) for c in cells], seen)

    # One guard clause per mistake a reviewer can make, each reported at its cell.
    def row(  # noqa: PLR0911, PLR0912
        self, file: str, sheet: str, r: int, cells: list[str], seen: dict[str, Place]
    ) -> None:
        def at(column: str) -> Place:
            return Place(file, sheet, r, col(column))

        extra = next((i for i in range(len(COLUMNS), len(cells)) if cells[i]), None)
        if extra is not None:
            self.error(
                Place(file, sheet, r, letter(extra + 1)),
                "text outside the sheet's columns: write a proposal in 'proposed text' "
                f"({col('proposed text')}) and remarks in 'comment' ({col('comment')})",
            )
            return
        cells = (cells + [""] * len(COLUMNS))[: len(COLUMNS)]
        id_, value, kind, current, proposed, comment, reviewer, after = cells
        if not any(cells):
            return
        who = reviewer or Path(file).stem
        if not id_:
            self.new_row(at, cells, who)
            return
        if id_ not in self.rows:
            close = close_match(id_, list(self.rows), cutoff=0.8)
            hint = (
                f"the id was edited? the closest is {close!r}"
                if close
                else "ids come from the draft and cannot be changed"
            )
            self.error(at("id"), f"unknown id {id_!r}, not a text of {self.edition.id}: {hint}")
            return
        if id_ in seen:
            self.error(at("id"), f"duplicated id {id_!r}: also at {seen[id_]}")
            return
        seen[id_] = at("id")
        row = self.rows[id_]
        if row.sheet != sheet:
            self.error(at("id"), f"row moved between sheets: {id_} belongs on {row.sheet!r}")
            return
        for name, got, want in (("value", value, row.value), ("kind", kind, row.kind)):
            if got != want:
                self.error(at(name), f"{name} was edited: expected {want!r} (from the draft)")
                return
        if current != row.text.strip():
            self.error(
                at("current text"),
                "the current text differs from the draft's: write the new wording in "
                f"'proposed text' ({col('proposed text')}), leave the current text as it is (or "
                "the sheet was made before the draft last changed: make a new one)",
            )
            return
        if after:
            self.error(
                at("insert after"),
                "'insert after' is for a new row (with an empty id): this row has an id",
            )
            return
        node = self.nodes[id_]
        if proposed == DELETE and list_kind(node) is None:
            self.error(
                at("proposed text"),
                f"only an item or a paragraph can be deleted; {id_} is a {row.kind}",
            )
            return
        if proposed in ("", row.text):
            if comment:
                self.add(
                    Action.COMMENT, row.id, None, who=who, comment=comment, place=at("comment")
                )
            return
        action = Action.DELETE if proposed == DELETE else Action.CHANGE
        text = None if action is Action.DELETE else proposed
        self.add(action, row.id, text, who=who, comment=comment, place=at("proposed text"))

    def new_row(self, at: Any, cells: list[str], who: str) -> None:  # noqa: PLR0911 - guard clauses, as in row()
        _, value, kind, current, proposed, comment, _, after = cells
        for name, got in (("value", value), ("kind", kind), ("current text", current)):
            if got:
                self.error(
                    at(name),
                    f"a new row (empty id) has no {name}: write the new text in 'proposed text' "
                    f"({col('proposed text')}) and the id it follows in 'insert after' "
                    f"({col('insert after')})",
                )
                return
        if not proposed and not after:
            return  # only a reviewer's name, or a comment with nothing to attach it to
        if not after:
            self.error(
                at("insert after"),
                "a new row (empty id) needs the id of the text it follows in 'insert after'",
            )
            return
        if after not in self.rows:
            self.error(at("insert after"), f"unknown id {after!r} in 'insert after'")
            return
        if self.rows[after].sheet != at("id").sheet:
            self.error(
                at("insert after"),
                f"{after} is on the worksheet {self.rows[after].sheet!r}: add the row there",
            )
            return
        if list_kind(self.nodes[after]) is None:
            self.error(
                at("insert after"),
                f"only an item or a paragraph can follow {after}, a {self.rows[after].kind}",
            )
            return
        if not proposed or proposed == DELETE:
            self.error(at("proposed text"), "a new row needs its text in 'proposed text'")
            return
        self.add(
            Action.INSERT, after, proposed, who=who, comment=comment, place=at("proposed text")
        )

    def add(
        self,
        action: Action,
        target: str,
        text: str | None,
        *,
        who: str,
        comment: str,
        place: Place,
    ) -> None:
        row = self.rows[target]
        self.proposals.append(
            Proposal(
                action,
                target,
                row.text,
                text,
                row.value,
                row.kind,
                (who,),
                (comment,) if comment else (),
                (place,),
            )
        )


def read_reviews(edition: Edition, paths: Sequence[str | os.PathLike[str]]) -> Review:
    """Read every returned sheet of ``edition``: the proposals, and the errors by cell."""
    reader = _Reader(edition)
    for path in paths:
        reader.read(Path(path))
    return Review(
        edition.id,
        tuple(reader.proposals),
        tuple(reader.errors),
        tuple(os.fspath(p) for p in paths),
    )

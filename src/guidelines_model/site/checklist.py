"""The supervisor self-assessment checklist: a printable page, ``checklist.csv`` and ``.md``."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from guidelines_model.export.html import lang_of
from guidelines_model.export.markdown import escape as md
from guidelines_model.model.documents import Edition
from guidelines_model.model.parts import CoreValue, Item
from guidelines_model.site._env import Writer


@dataclass(frozen=True, slots=True)
class Group:
    value: CoreValue
    name: str
    items: tuple[tuple[Item, str | None], ...]


def _name(v: CoreValue) -> str:
    return v.listed_title if v.title.isupper() and v.listed_title else v.title


def _groups(w: Writer, e: Edition) -> list[Group]:
    return [
        Group(v, _name(v), tuple((it, w.site.node_href(it.id)) for it in v.supervisor.items))
        for v in e.values
        if v.supervisor is not None and v.supervisor.items
    ]


def _purpose(e: Edition) -> tuple[str, str] | None:
    """The sentence of the edition that says it may serve as a self-assessment, and its id."""
    for id_, text in e.texts():
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if "self-assessment" in sentence.lower():
                return sentence, id_
    return None


def checklist_csv(groups: list[Group]) -> str:
    """One row per supervisor item, with an empty ``done`` column to fill in."""
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerow(["value_number", "value", "id", "item", "done"])
    for g in groups:
        for it, _ in g.items:
            out.writerow([g.value.number, g.name, it.id, it.text, ""])
    return buf.getvalue()


def _md(text: str) -> str:
    """Markdown-escaped text for the middle of a line (the line-start rules do not apply)."""
    return md("x" + text)[1:]


def checklist_markdown(e: Edition, groups: list[Group]) -> str:
    """A Markdown task list, one section per value."""
    lines = [
        "# Supervisor self-assessment checklist",
        "",
        f"From {_md(e.title)} ({e.year}): the supervisor items of every value.",
        "",
    ]
    for g in groups:
        assert g.value.supervisor is not None
        lead_in = _md(g.value.supervisor.lead_in)
        lines += [f"## {g.value.number}. {_md(g.name)}", "", f"*{lead_in}*", ""]
        lines += [f"- [ ] {_md(it.text)} ({_md(it.id)})" for it, _ in g.items]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def write_checklist(w: Writer) -> None:
    """``checklist.html``, ``checklist.csv`` and ``checklist.md`` (if an edition has items)."""
    e = w.site.checklist_edition
    if e is None:
        return
    groups = _groups(w, e)
    purpose = _purpose(e)
    w.page(
        "checklist.html",
        "checklist.html.j2",
        "checklist",
        title="Supervisor self-assessment checklist",
        edition=e,
        lang=lang_of(e),
        groups=groups,
        total=sum(len(g.items) for g in groups),
        purpose=(purpose[0], w.site.node_href(purpose[1]), purpose[1]) if purpose else None,
    )
    w.file("checklist.csv", checklist_csv(groups))
    w.file("checklist.md", checklist_markdown(e, groups))

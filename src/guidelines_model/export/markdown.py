"""Markdown export that reads like the published document, with an anchor on every node.

Anchors are the library's ids (``<a id="2013/voluntary/practice/3"></a>``), so any sentence can
be linked. Every text is escaped: content can never turn into markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from guidelines_model.export._layout import lay_out
from guidelines_model.model.documents import Derivative, Edition
from guidelines_model.model.parts import CoreValue, Footnote, Item, Section

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#~])")
_LINE_START = re.compile(r"^(\s*)(\d*)([-+=.)])(?=\s|$)")
_ENTITY = re.compile(r"&(?=[A-Za-z#][A-Za-z0-9]*;)")


def escape(text: str) -> str:
    """Escape text so that Markdown renders it as the same characters."""
    text = _ENTITY.sub("&amp;", text)
    text = _SPECIAL.sub(r"\\\1", text)
    # A leading "-", "+", "=", "1." or "1)" would start a list or heading: escape the
    # punctuation mark (CommonMark escapes punctuation only, so "1\." and never "\1.").
    return _LINE_START.sub(lambda m: f"{m.group(1)}{m.group(2)}\\{m.group(3)}", text)


def anchor(id_: str) -> str:
    return f'<a id="{id_}"></a>'


def _items(items: Iterable[Item], numbered: bool) -> list[str]:
    return [
        f"{it.n}. {anchor(it.id)}{escape(it.text)}"
        if numbered
        else f"- {anchor(it.id)}{escape(it.text)}"
        for it in items
    ]


def _footnotes(notes: Iterable[Footnote]) -> list[str]:
    return [f"<sup>{escape(f.marker)}</sup> {anchor(f.id)}{escape(f.text)}" for f in notes]


def _section(s: Section, level: int, after: Callable[[str], list[str]] | None = None) -> list[str]:
    """A section; ``after(place)`` adds what is placed after block k ("key/k")."""
    out: list[str] = [anchor(s.id)]
    if s.heading:
        out += [f"{'#' * level} {escape(s.heading)}"]
    out.append("")
    prev_list = False
    for k, b in enumerate(s.blocks, start=1):
        text = anchor(b.id) + escape(b.text)
        is_list = b.kind in {"bullet", "numbered"}
        if prev_list and not is_list:
            out.append("")
        if b.kind == "bullet":
            out.append(f"- {text}")
        elif b.kind == "numbered":
            out.append(f"{b.number or 1}. {text}")
        elif b.kind == "quote":
            out += [f"> {text}", ""]
        elif b.kind == "attribution":
            out += [f"> — {text}" if not b.text.startswith("~") else f"> {text}", ""]
        elif b.kind == "subheading":
            out += [f"{'#' * (level + 1)} {text}", ""]
        else:
            out += [text, ""]
        prev_list = is_list
        placed = after(f"{s.key}/{k}") if after else []
        if placed:
            out += ["", *placed] if is_list else placed
            prev_list = False
    if prev_list:
        out.append("")
    if s.footnotes:
        out += [*_footnotes(s.footnotes), ""]
    return out


def _value(v: CoreValue) -> list[str]:
    out = [f"### {anchor(v.id)}{v.number}. {escape(v.title)}", ""]
    for pid, para in zip(v.description_ids(), v.description, strict=True):
        out += [anchor(pid) + escape(para), ""]
    label = "PRACTICE:" if v.practice.name.isupper() else "Practice:"  # as the edition prints it
    out += [f"#### {anchor(v.practice.id)}{label} {escape(v.practice.name)}", ""]
    out += [*_items(v.practice.items, v.practice.numbered), ""]
    if v.supervisor is not None:
        out += [f"#### {anchor(v.supervisor.id)}{escape(v.supervisor.lead_in)}", ""]
        out += [*_items(v.supervisor.items, numbered=False), ""]
    return out


def _edition(e: Edition) -> list[str]:
    out = [f"# {escape(e.title)}", ""]
    if e.subtitle:
        out += [f"*{escape(e.subtitle)}*", ""]
    facts = [escape(e.publisher), str(e.year)]
    if e.version:
        facts.append(escape(e.version))
    if e.document_number:
        facts.append(escape(e.document_number))
    out += [" · ".join(facts), "", f"Licence: {escape(e.licence.name)}", ""]
    if e.licence.attribution:
        out += [escape(e.licence.attribution), ""]
    out += [f"Cite as: {escape(e.citation)}", ""]
    out += lay_out(e, _parts(e), lambda s, after: _section(s, 2, after))
    if e.glossary:
        out += [f"## {escape(e.glossary_heading or 'Glossary')}", ""]
        out += [escape(p) + "\n" for p in e.glossary_intro]
        for t in e.glossary:
            out += [f"### {anchor(t.id)}{escape(t.term)}", ""]
            out += [escape(p) + "\n" for p in t.definition]
            if t.footnotes:
                out += [*_footnotes(t.footnotes), ""]
    for s in e.back_matter:
        out += _section(s, 2)
    return out


def _parts(e: Edition) -> dict[str, Callable[[], list[str]]]:
    """Renderers of the parts an edition has, in default order (unplaced parts use it)."""
    parts: dict[str, Callable[[], list[str]]] = {}
    if e.placement.get("opening_list"):
        parts["opening_list"] = lambda: [
            *(f"{v.number}. {escape(v.listed_title or v.title)}" for v in e.values),
            "",
        ]
    if e.who_values:
        parts["who_values"] = lambda: [
            line
            for w in e.who_values
            for line in (f"{anchor(w.id)}**{escape(w.name)}:** {escape(w.text)}", "")
        ]
    if e.key_objectives:
        parts["key_objectives"] = lambda: [*_items(e.key_objectives, numbered=True), ""]
    if e.misconceptions:
        parts["misconceptions"] = lambda: _misconceptions(e)
    parts["values"] = lambda: [line for v in e.values for line in _value(v)]
    if e.language_examples:
        parts["language_examples"] = lambda: [
            "| Closed | Open |",
            "| --- | --- |",
            *(
                f"| {anchor(x.id)}{escape(x.closed)} | {escape(x.open)} |"
                for x in e.language_examples
            ),
            "",
        ]
    if e.competencies:
        parts["competencies"] = lambda: _competencies(e)
    if e.interview_questions:
        parts["interview_questions"] = lambda: [*_items(e.interview_questions, numbered=True), ""]
    if e.role_table:
        parts["role_table"] = lambda: _role_table(e)
    if e.job_description:
        parts["job_description"] = lambda: [
            line for s in e.job_description for line in _section(s, 2)
        ]
    return parts


def _misconceptions(e: Edition) -> list[str]:
    out = ["| Misconception | Why this is a misconception |", "| --- | --- |"]
    for m in e.misconceptions:
        why = "<br><br>".join(escape(p) for p in m.explanation)
        out.append(f"| {anchor(m.id)}{escape(m.misconception)} | {why} |")
    return [*out, ""]


def _role_table(e: Edition) -> list[str]:
    # The header row as WHO prints it; every cell carries its own anchor.
    out = [
        "| Topic | Consistent with Peer Role | Not Consistent with Peer Role |",
        "| --- | --- | --- |",
    ]
    for r in e.role_table:
        cells = [
            anchor(r.id) + anchor(f"{r.id}/topic") + escape(r.topic),
            anchor(f"{r.id}/consistent") + escape(r.consistent),
            anchor(f"{r.id}/not-consistent") + escape(r.not_consistent),
        ]
        out.append(f"| {' | '.join(cells)} |")
    return [*out, ""]


def _competencies(e: Edition) -> list[str]:
    out: list[str] = []
    for c in e.competencies:
        out += [f"### {anchor(c.id)}Category {c.n}: {escape(c.title)}", ""]
        out += [line for p in c.summary for line in (escape(p), "")]
        out += [*_items(c.items, numbered=False), ""]
    return out


def _derivative(d: Derivative) -> list[str]:
    out = [f"# {escape(d.title)}", "", f"A text derived from edition {escape(d.derived_from)}.", ""]
    if d.publisher:
        out += [escape(d.publisher), ""]
    for s in d.sections:
        out += _section(s, 2)
    if d.glosses:
        # The separator is only dashes and spaces (its pattern), never Markdown syntax here.
        out += ["## The values in one sentence each", ""]
        out += [
            f"- {anchor(g.id)}**{escape(g.title)}**{g.separator or ' – '}{escape(g.text)}"
            for g in d.glosses
        ] + [""]
    return out


def to_markdown(doc: Edition | Derivative) -> str:
    """The document as Markdown text (ends with exactly one newline)."""
    lines = _derivative(doc) if isinstance(doc, Derivative) else _edition(doc)
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.rstrip("\n") + "\n"


def value_markdown(v: CoreValue) -> str:
    """One value alone (used by ``guidelines show``)."""
    return "\n".join(_value(v)).rstrip("\n") + "\n"


# --- plain text: the same layout for a terminal ------------------------------------------------

_ANCHOR = re.compile(r'<a id="[^"]*"></a>')
_SUP = re.compile(r"<sup>(.*?)</sup>")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]<>|#~+=.)-])")
_ESCAPED_ENTITY = re.compile(r"&amp;(?=[A-Za-z#][A-Za-z0-9]*;)")


def unescape(text: str) -> str:
    """The text :func:`escape` was given: ``unescape(escape(t)) == t``."""
    return _ESCAPED_ENTITY.sub("&", _ESCAPED.sub(r"\1", text))


def plain(markdown: str) -> str:
    """This module's Markdown as plain text: no anchors, tags or escapes; headings, lists and
    tables kept as they read (what ``guidelines show`` prints)."""
    text = _ANCHOR.sub("", markdown)
    text = _SUP.sub(r"[\1]", text).replace("<br><br>", " / ").replace("**", "")
    return unescape(text)


def to_text(doc: Edition | Derivative) -> str:
    """The document as plain text, laid out as :func:`to_markdown` lays it out."""
    return plain(to_markdown(doc))


def value_text(v: CoreValue) -> str:
    """One value alone as plain text."""
    return plain(value_markdown(v))

"""A history as text, Markdown, JSON or one self-contained HTML page.

Every format shows the same thing: one entry per edition in order of year, with the node's ids,
place and text there (or "not in this edition"), and the change from the edition it is based on:
its kind, classification and word-level diff.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from guidelines_model.diff.render import html as diff_html
from guidelines_model.diff.render._common import flat
from guidelines_model.diff.render.json import change_between
from guidelines_model.diff.render.markdown import inline as md_inline
from guidelines_model.diff.render.text import inline as text_inline
from guidelines_model.export.html import page
from guidelines_model.export.markdown import escape as md_escape
from guidelines_model.lineage.build import History, Step

FORMATS: tuple[str, ...] = ("text", "markdown", "json", "html")
#: 2: each change is the diff's own change object (schema/diff.schema.json).
SCHEMA_VERSION = 2
ABSENT = "not in this edition"


def change_phrase(s: Step, names: Mapping[str, str] | None = None) -> str:
    """The change of a step in words: ``reworded (spelling) from 2013``, ``first edition``;
    ``names`` names the editions (default: their ids)."""
    if s.based_on is None:
        return "first edition" if s.present else ""
    base = (names or {}).get(s.based_on, s.based_on)
    c = s.change
    if c is not None:
        return f"{c.describe()} from {base}"
    if s.unchanged:
        return f"unchanged from {base}"
    return ""  # in neither edition: "not in this edition" says it


def _title(histories: Sequence[History], value: str | None) -> str:
    if value is not None:
        return f"History of value {value}"
    return f"History of {histories[0].id}"


# --- text -----------------------------------------------------------------------------------


def _text_one(h: History) -> list[str]:
    out = [h.label, ""]
    for s in h.steps:
        e = s.edition
        phrase = change_phrase(s)
        out.append(f"{e.id} ({e.year}){': ' + phrase if phrase else ''}")
        if not s.present:
            out += [f"  {ABSENT}", ""]
            continue
        out.append(f"  {', '.join(s.ids)}" + (f" · {s.place}" if s.place else ""))
        if s.words:
            out.append(f"  {text_inline(s.words)}")
        elif s.text is not None:
            out.append(f"  {flat(s.text)}")
        out.append("")
    return out


def history_text(histories: Sequence[History], value: str | None = None) -> str:
    """Plain text; inline changes marked wdiff-style, ``[-deleted-]{+inserted+}``."""
    out = [_title(histories, value), ""]
    for h in histories:
        out += _text_one(h)
    return "\n".join(out).rstrip("\n") + "\n"


# --- Markdown -------------------------------------------------------------------------------


def _md_one(h: History, level: int) -> list[str]:
    out = [f"{'#' * level} {md_escape(h.label)}", ""]
    for s in h.steps:
        e = s.edition
        phrase = change_phrase(s)
        head = f"- **{md_escape(e.id)}** ({e.year})" + (f": {md_escape(phrase)}" if phrase else "")
        if not s.present:
            out += [f"{head}<br>", f"  *{ABSENT}*"]
            continue
        ids = ", ".join(f"`{i}`" for i in s.ids)
        out.append(f"{head}<br>")
        out.append(f"  {ids}" + (f" · {md_escape(s.place)}" if s.place else "") + "<br>")
        if s.words:
            out.append(f"  {md_inline(s.words)}")
        elif s.text is not None:
            out.append(f"  {md_escape(flat(s.text))}")
    return [*out, ""]


def history_markdown(histories: Sequence[History], value: str | None = None) -> str:
    """Markdown: a heading per lineage, a list item per edition; every text escaped."""
    out = [f"# {md_escape(_title(histories, value))}", ""]
    for h in histories:
        out += _md_one(h, 2)
    return "\n".join(out).rstrip("\n") + "\n"


# --- JSON -----------------------------------------------------------------------------------


def _step_data(s: Step) -> dict[str, Any]:
    return {
        "edition": {"id": s.edition.id, "title": s.edition.title, "year": s.edition.year},
        "based_on": s.based_on,
        "present": s.present,
        "ids": list(s.ids),
        "place": s.place,
        "text": s.text,
        "kind": None if s.kind is None else s.kind.value,
        "classification": sorted(c.value for c in s.classification),
        "words": [[t.tag, t.text] for t in s.words],
        # Each as guidelines diff --format json gives it (schema/diff.schema.json).
        "changes": [change_between(c, s.based_on or "", s.edition.id) for c in s.changes],
    }


def history_data(histories: Sequence[History], value: str | None = None) -> dict[str, Any]:
    """The histories as JSON data (``schema/history.schema.json``)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "value": value,
        "histories": [
            {
                "id": h.id,
                "anchor": h.anchor,
                "node": h.node,
                "value": h.value,
                "label": h.label,
                "steps": [_step_data(s) for s in h.steps],
            }
            for h in histories
        ],
    }


def history_json(histories: Sequence[History], value: str | None = None) -> str:
    """JSON, indented, keys in a fixed order, with a trailing newline."""
    return json.dumps(history_data(histories, value), ensure_ascii=False, indent=2) + "\n"


# --- HTML -----------------------------------------------------------------------------------

_CSS = """
body{font:16px/1.5 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}
ol.timeline{list-style:none;margin:0 0 2em;padding:0;border-left:3px solid #bbb}
ol.timeline>li{margin:0 0 1em;padding:.2em 0 .2em 1em;position:relative}
.year{font-weight:700}.change{font-weight:600}.absent{color:#595959;font-style:italic}
.ids{display:block;font:13px ui-monospace,monospace;color:#555;overflow-wrap:anywhere}
del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}
"""


def _html_one(h: History) -> list[str]:
    out = [
        f'<section id="{escape(h.anchor)}">',
        f"<h2>{escape(h.label)}</h2>",
        '<ol class="timeline">',
    ]
    for s in h.steps:
        e = s.edition
        phrase = change_phrase(s)
        out.append(f'<li data-edition="{escape(e.id)}">')
        out.append(
            f'<span class="year">{e.year} · {escape(e.id)}</span>'
            + (f' <span class="change">{escape(phrase)}</span>' if phrase else "")
        )
        if not s.present:
            out += [f'<p class="absent">{ABSENT}</p>', "</li>"]
            continue
        out.append(
            f'<span class="ids">{escape(", ".join(s.ids))}'
            + (f" · {escape(s.place)}" if s.place else "")
            + "</span>"
        )
        if s.words:
            out.append(f"<p>{diff_html.inline(s.words)}</p>")
        elif s.text is not None:
            out.append(f"<p>{escape(s.text)}</p>")
        out.append("</li>")
    return [*out, "</ol>", "</section>"]


def history_html(histories: Sequence[History], value: str | None = None) -> str:
    """One self-contained page: a timeline per lineage, every text escaped."""
    title = _title(histories, value)
    body = [f"<h1>{escape(title)}</h1>"]
    for h in histories:
        body += _html_one(h)
    return page(title, body, _CSS)


_RENDERERS = {
    "text": history_text,
    "markdown": history_markdown,
    "json": history_json,
    "html": history_html,
}


def render_history(histories: Sequence[History], fmt: str, value: str | None = None) -> str:
    """The histories in one of :data:`FORMATS`."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown history format {fmt!r} (known: {', '.join(FORMATS)})") from None
    return renderer(histories, value)

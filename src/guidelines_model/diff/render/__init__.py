"""Render diffs, collations and revision comparisons as text, Markdown, JSON or HTML."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from guidelines_model.diff.collate import Collation
from guidelines_model.diff.model import DiffResult

if TYPE_CHECKING:
    from guidelines_model.diff.git import RevReport

FORMATS: Final = ("text", "markdown", "json", "html")
# Each format's renderer is imported when that format is asked for: a text diff (the
# command's default) does not pay for the HTML page builder.


def _rev_notes(report: RevReport) -> list[str]:
    notes = [f"Edition {i} added since {report.rev}." for i in report.added]
    notes += [f"Edition {i} removed since {report.rev}." for i in report.removed]
    return notes or ([] if report.diffs else ["No edition to compare."])


def _rev(report: RevReport, fmt: str, colour: bool, width: int | None) -> str:
    title = f"Changes since {report.rev} (working tree)"
    notes = _rev_notes(report)
    if fmt == "json":
        from guidelines_model.diff.render import json as _json

        return _json.dumps(_json.rev_data(report))
    if fmt == "html":
        from html import escape as html_escape

        from guidelines_model.diff.render import html as _html

        head = [f"<p>{html_escape(n)}</p>" for n in notes]
        return _html.pages_html(title, [head, *_html.rev_bodies(report.diffs)])
    if fmt == "markdown":
        from guidelines_model.diff.render import markdown as _md
        from guidelines_model.export.markdown import escape

        parts = [f"# {escape(title)}\n", *(f"{escape(n)}\n" for n in notes)]
        return "\n".join([*parts, *(_md.diff_markdown(d, 2) for d in report.diffs)])
    from guidelines_model.diff.render import text as _text

    return "\n".join(
        [title, *notes, "", *(_text.diff_text(d, colour, width) for d in report.diffs)]
    )


def _one(obj: DiffResult | Collation, fmt: str, colour: bool, width: int | None) -> str:
    """One diff or collation in ``fmt``, its format's renderer imported only now."""
    if fmt == "markdown":
        from guidelines_model.diff.render import markdown as _md

        if isinstance(obj, DiffResult):
            return _md.diff_markdown(obj)
        return _md.collation_markdown(obj)
    if fmt == "json":
        from guidelines_model.diff.render import json as _json

        data = _json.diff_data(obj) if isinstance(obj, DiffResult) else _json.collation_data(obj)
        return _json.dumps(data)
    if fmt == "html":
        from guidelines_model.diff.render import html as _html

        return _html.diff_html(obj) if isinstance(obj, DiffResult) else _html.collation_html(obj)
    from guidelines_model.diff.render import text as _text

    if isinstance(obj, DiffResult):
        return _text.diff_text(obj, colour, width)
    return _text.collation_text(obj, colour)


def render(
    obj: DiffResult | Collation | RevReport,
    fmt: str = "text",
    *,
    colour: bool = False,
    width: int | None = None,
) -> str:
    """``obj`` in format ``fmt`` (text, markdown, json, html); ``colour`` for ANSI text,
    ``width`` to wrap text lines (none by default)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    if isinstance(obj, DiffResult | Collation):
        return _one(obj, fmt, colour, width)
    return _rev(obj, fmt, colour, width)

"""Footnote markers: each recorded position is found once in its section or glossary entry,
and a source prints the marker there."""

from __future__ import annotations

from collections.abc import Iterator

from guidelines_model.checks.finding import Finding, Severity
from guidelines_model.checks.registry import Context, rule
from guidelines_model.model.documents import Edition
from guidelines_model.model.errors import SourceFileError
from guidelines_model.verify.markers import verify_markers


@rule("GM303", "footnote-marker", Severity.ERROR, editions_only=False)
def footnote_marker(ctx: Context) -> Iterator[Finding]:
    """The words a footnote's marker follows occur once in its section or glossary entry."""
    for group in ctx.doc.markers():
        for note, count in group.unplaced:
            where = "are not in" if count == 0 else f"occur {count} times in"
            yield ctx.finding(
                f"footnote {note.marker}: the words it follows {where} its section or entry: "
                f"{note.follows!r}",
                note.id,
                hint="quote the words just before the marker as printed, enough to be unique",
                location=ctx.locate(note.id, "follows"),
            )


@rule("GM502", "footnote-marker-source", Severity.ERROR, editions_only=False)
def footnote_marker_source(ctx: Context) -> Iterator[Finding]:
    """A source prints each footnote's marker right after the words its `follows` quotes."""
    if isinstance(ctx.doc, Edition) and ctx.doc.status == "draft":
        return  # no published text yet (GM501 says so)
    try:
        results = verify_markers(ctx.doc, ctx.sources_root)
    except SourceFileError:
        return  # GM501 reports the missing or changed source, once
    for r in results:
        if not r.found:
            yield ctx.finding(
                f"footnote {r.footnote.marker}: no source prints its marker after "
                f"{r.footnote.follows!r}",
                r.footnote.id,
                hint="check the marker and the words before it against the source",
                location=ctx.locate(r.footnote.id, "follows"),
            )

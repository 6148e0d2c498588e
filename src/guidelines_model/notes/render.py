"""Release notes as Markdown (to publish beside an edition) or one self-contained HTML page.

Both formats say the same, in the same order; every text from the content is escaped, so a
wording never turns into markup.
"""

from __future__ import annotations

from html import escape

from guidelines_model.diff.model import Change, ChangeKind, EditionRef
from guidelines_model.diff.render import html as diff_html
from guidelines_model.diff.render import markdown as diff_md
from guidelines_model.diff.render._common import flat
from guidelines_model.export.html import page
from guidelines_model.export.markdown import escape as md_escape
from guidelines_model.notes.build import Group, ReleaseNotes, local

FORMATS: tuple[str, ...] = ("markdown", "html")
_BOTH_SIDES = frozenset({ChangeKind.REWORDED, ChangeKind.SPLIT, ChangeKind.MERGED})
NOISE_WORDS = "capitals, spacing, punctuation or US/UK spelling only"


def where(c: Change, group: Group) -> str:
    """The place of a change within its group: ``Practice item 5 → practice item 4``."""
    return local(c, group.title)


def alike_line(label: str, n: int) -> str:
    """A change made alike in ``n`` values, said once."""
    return f"{label}: in {n} values"


def noise_line(group: Group) -> str | None:
    """One line counting the noise rewordings of a group, by class (``None`` if there are none)."""
    if not group.noise_total:
        return None
    n = group.noise_total
    classes = ", ".join(f"{k} {v}" for k, v in group.noise.items())
    return f"Also {n} text{'s' if n != 1 else ''} reworded in {NOISE_WORDS} ({classes})."


def _named(ref: EditionRef) -> str:
    """``Title (2019, 2019_supervisors)``; the id once when it is the year."""
    return (
        f"{ref.title} ({ref.year})"
        if ref.id == str(ref.year)
        else (f"{ref.title} ({ref.year}, {ref.id})")
    )


def _intro(notes: ReleaseNotes) -> str:
    old, new = notes.old, notes.new
    return (
        f"What changed from {_named(old)} to {_named(new)}. Generated from the diff of the "
        f"two editions (guidelines diff {old.id} {new.id}): substantive changes first, then "
        f"a count of changes in {NOISE_WORDS}."
    )


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in counts.items())


# --- Markdown -------------------------------------------------------------------------------


def _md_quote(text: str | None) -> str:
    return f"“{md_escape(flat(text or ''))}”"


def _md_change(c: Change, group: Group) -> list[str]:
    place = md_escape(where(c, group))
    if c.kind in _BOTH_SIDES and c.old is not None and c.new is not None:
        classes = ", ".join(sorted(k.value for k in c.classification))
        return [
            f"- {place}" + (f" ({md_escape(classes)})" if classes else "") + ":",
            f"  - Before: {_md_quote(c.old)}",
            f"  - After: {_md_quote(c.new)}",
            f"  - Changes: {diff_md.inline(c.words)}",
        ]
    text = c.old if c.kind is ChangeKind.REMOVED else c.new
    return [f"- {place}" + (f": {_md_quote(text)}" if text is not None else "")]


def _md_group(group: Group, level: int) -> list[str]:
    out = [f"{'#' * level} {md_escape(group.title)}", ""]
    for heading, changes in group.by_kind():
        out += [f"**{heading}**", ""]
        for c in changes:
            out += _md_change(c, group)
        out.append("")
    line = noise_line(group)
    return [*out, line, ""] if line else out


def notes_markdown(notes: ReleaseNotes) -> str:
    """The notes as Markdown: a section per value, then supervisor column, glossary, others."""
    out = [f"# Release notes: {md_escape(notes.new.title)} ({notes.new.year})", ""]
    out += [md_escape(_intro(notes)), "", "## Values", ""]
    if notes.alike:
        out += ["**In several values alike**", ""]
        out += [f"- {md_escape(alike_line(label, n))}" for label, n in notes.alike]
        out.append("")
    for g in notes.values:
        out += _md_group(g, 3)
    if not notes.values:
        out += ["No changes to the values.", ""]
    if notes.supervisor:
        out += ["## Supervisor column", ""]
        for g in notes.supervisor:
            out += _md_group(g, 3)
    if notes.glossary is not None:
        out += _md_group(notes.glossary, 2)
    if notes.other:
        out += ["## Other parts", ""]
        out += [f"- {md_escape(part)}: {_counts(c)}" for part, c in notes.other.items()]
    return "\n".join(out).rstrip("\n") + "\n"


# --- HTML -----------------------------------------------------------------------------------

_CSS = """
body{font:16px/1.5 system-ui,sans-serif;margin:2em auto;max-width:50em;padding:0 1em;color:#222}
blockquote{margin:.2em 0 .4em 1em;padding-left:.6em;border-left:3px solid #ccc}
.noise{color:#444}
"""


def _html_quote(label: str, text: str | None) -> str:
    return f"<blockquote><b>{label}</b> {escape(flat(text or ''))}</blockquote>"


def _html_change(c: Change, group: Group) -> str:
    place = escape(where(c, group))
    if c.kind in _BOTH_SIDES and c.old is not None and c.new is not None:
        classes = ", ".join(sorted(k.value for k in c.classification))
        head = place + (f" ({escape(classes)})" if classes else "")
        changes = f"<blockquote><b>Changes:</b> {diff_html.inline(c.words)}</blockquote>"
        return (
            f"<li>{head}{_html_quote('Before:', c.old)}{_html_quote('After:', c.new)}{changes}</li>"
        )
    text = c.old if c.kind is ChangeKind.REMOVED else c.new
    body = f": “{escape(flat(text))}”" if text is not None else ""
    return f"<li>{place}{body}</li>"


def _html_group(group: Group, level: int) -> list[str]:
    out = [f"<section><h{level}>{escape(group.title)}</h{level}>"]
    for heading, changes in group.by_kind():
        out += [f"<h{level + 1}>{heading}</h{level + 1}>", "<ul>"]
        out += [_html_change(c, group) for c in changes]
        out.append("</ul>")
    line = noise_line(group)
    if line:
        out.append(f'<p class="noise">{escape(line)}</p>')
    return [*out, "</section>"]


def notes_html(notes: ReleaseNotes) -> str:
    """The notes as one self-contained HTML page."""
    title = f"Release notes: {notes.new.title} ({notes.new.year})"
    body = [f"<h1>{escape(title)}</h1>", f"<p>{escape(_intro(notes))}</p>", "<h2>Values</h2>"]
    if notes.alike:
        body += ["<p><b>In several values alike</b></p>", "<ul>"]
        body += [f"<li>{escape(alike_line(label, n))}</li>" for label, n in notes.alike]
        body.append("</ul>")
    for g in notes.values:
        body += _html_group(g, 3)
    if not notes.values:
        body.append("<p>No changes to the values.</p>")
    if notes.supervisor:
        body.append("<h2>Supervisor column</h2>")
        for g in notes.supervisor:
            body += _html_group(g, 3)
    if notes.glossary is not None:
        body += _html_group(notes.glossary, 2)
    if notes.other:
        body += ["<h2>Other parts</h2>", "<ul>"]
        body += [f"<li>{escape(part)}: {_counts(c)}</li>" for part, c in notes.other.items()]
        body.append("</ul>")
    return page(title, body, _CSS)


def render_notes(notes: ReleaseNotes, fmt: str) -> str:
    """The notes in one of :data:`FORMATS`."""
    if fmt == "markdown":
        return notes_markdown(notes)
    if fmt == "html":
        return notes_html(notes)
    raise ValueError(f"unknown release-notes format {fmt!r} (known: {', '.join(FORMATS)})")

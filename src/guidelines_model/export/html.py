"""HTML export: one self-contained page that reads like the published document.

Every node the library can cite carries its id as an ``id`` attribute
(``id="2013/voluntary/practice/3"``), so any sentence can be linked and cited. Every text goes
through :func:`html.escape`: content can never turn into markup. No template engine is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from guidelines_model.export._layout import lay_out
from guidelines_model.model.documents import Derivative, Edition
from guidelines_model.model.ids import join
from guidelines_model.model.nodes import Markers, markers, section_texts, term_texts
from guidelines_model.model.parts import (
    CompetencyCategory,
    CoreValue,
    Footnote,
    Item,
    Note,
    Section,
)

Lines = list[str]

_CSS = """
body{font:17px/1.6 Georgia,'Times New Roman',serif;color:#1d1d1d;background:#fff;margin:0}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem 4rem}
h1,h2,h3,h4{font-family:system-ui,sans-serif;line-height:1.25;margin:2rem 0 .75rem}
h1{font-size:1.9rem}h2{font-size:1.45rem}h3{font-size:1.2rem}h4{font-size:1.02rem}
.subtitle{font-style:italic;font-size:1.15rem}.facts,.meta{font-family:system-ui,sans-serif}
blockquote{margin:1rem 0;padding:.25rem 1rem;border-left:4px solid #b7c4d6;color:#333}
.attribution.dash::before{content:"— "}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.4rem .6rem;
vertical-align:top;text-align:left}li{margin:.35rem 0}.footnote{font-size:.9rem}
a.pl{margin-left:.35em;color:#5a6b80;text-decoration:none;font-family:system-ui,sans-serif}
.fnref{line-height:0}.fnref a,.fnback{text-decoration:none;padding:0 .2em}
:target:not(section,article,div){background:#fff4c2}
section:target,div:target{border-left:4px solid #e0b400;padding-left:.75rem}
@media print{a.pl{display:none}body{font-size:11pt}main{max-width:none}}
"""

_NOTE_KINDS = {
    "published-error": "Published error",
    "published-variant": "Published variant",
    "transcription": "Transcription",
}
NOTES_ID = "notes-on-the-text"


def _e(text: str) -> str:
    return escape(text, quote=True)


def _id(id_: str) -> str:
    return f' id="{_e(id_)}"'


def permalink(id_: str) -> str:
    """A small link to the node itself, to copy and cite."""
    return f'<a class="pl" href="#{_e(id_)}" aria-label="Link to {_e(id_)}" title="{_e(id_)}">#</a>'


def _items(items: Iterable[Item], numbered: bool) -> Lines:
    tag = "ol" if numbered else "ul"
    out = [f'<{tag} class="items">']
    for it in items:
        value = f' value="{it.n}"' if numbered else ""
        out.append(f"<li{_id(it.id)}{value}>{_e(it.text)}{permalink(it.id)}</li>")
    return [*out, f"</{tag}>"]


Marks = dict[str, list[tuple[int, Footnote]]]


def _marks(m: Markers) -> Marks:
    """The placed markers of ``m`` by the id of the text they are printed in."""
    out: Marks = {}
    for place in m.places:
        out.setdefault(place.text_id, []).append((place.end, place.footnote))
    return out


def _ref_id(f: Footnote) -> str:
    """The id of a footnote's marker in the text (the footnote itself has ``f.id``)."""
    return f"{f.id}/ref"


def _marked(id_: str, text: str, marks: Marks) -> str:
    """``text`` escaped, with a linked marker after the words each of its footnotes follows
    (markers printed at one place are separated by a space, as printed)."""
    out: list[str] = []
    at = 0
    for end, f in marks.get(id_, ()):
        space = " " if at == end and out else ""  # inside the marker: the text stays as printed
        out.append(_e(text[at:end]))
        out.append(
            f'<sup class="fnref">{space}<a href="#{_e(f.id)}"{_id(_ref_id(f))} '
            f'aria-label="Footnote {_e(f.marker)}">{_e(f.marker)}</a></sup>'
        )
        at = end
    return "".join(out) + _e(text[at:])


def _footnotes(notes: Iterable[Footnote], marks: Marks | None = None) -> Lines:
    placed = {f.id for here in (marks or {}).values() for _, f in here}
    out = [
        f'<p class="footnote"><sup>{_e(f.marker)}</sup> <span{_id(f.id)}>{_e(f.text)}</span>'
        + (
            f' <a class="fnback" href="#{_e(_ref_id(f))}" '
            f'aria-label="Back to the text of footnote {_e(f.marker)}">↩</a>'
            if f.id in placed
            else ""
        )
        + "</p>"
        for f in notes
    ]
    return ['<div class="footnotes">', *out, "</div>"] if out else []


_CONTAINER = {"bullet": "ul", "numbered": "ol", "quote": "blockquote", "attribution": "blockquote"}


def _section(s: Section, level: int, after: Callable[[str], Lines] | None = None) -> Lines:
    """A section; ``after(place)`` renders what the edition places after block k ("key/k")."""
    out = [f'<section{_id(s.id)} class="part">']
    marks = _marks(markers(section_texts(s), s.footnotes))
    if s.heading:
        hid = join(s.id, "heading")
        out.append(f"<h{level}{_id(hid)}>{_marked(hid, s.heading, marks)}</h{level}>")
    open_: str | None = None
    for k, b in enumerate(s.blocks, start=1):
        want = _CONTAINER.get(b.kind)
        if open_ != want:
            out += [f"</{open_}>"] if open_ else []
            out += [f"<{want}>"] if want else []
            open_ = want
        text = _marked(b.id, b.text, marks)
        if b.kind == "bullet":
            out.append(f"<li{_id(b.id)}>{text}</li>")
        elif b.kind == "numbered":
            out.append(f'<li{_id(b.id)} value="{b.number or 1}">{text}</li>')
        elif b.kind == "attribution":
            dash = "" if b.text.startswith("~") else " dash"
            out.append(f'<p{_id(b.id)} class="attribution{dash}">{text}</p>')
        elif b.kind == "subheading":
            out.append(f"<h{level + 1}{_id(b.id)}>{text}</h{level + 1}>")
        else:
            out.append(f"<p{_id(b.id)}>{text}</p>")
        placed = after(f"{s.key}/{k}") if after else []
        if placed:
            out += [f"</{open_}>", *placed] if open_ else placed
            open_ = None
    out += [f"</{open_}>"] if open_ else []
    return [*out, *_footnotes(s.footnotes, marks), "</section>"]


def _paragraphs(
    id_: str, ids: Iterable[str], paras: Iterable[str], cls: str, marks: Marks | None = None
) -> Lines:
    body = [f"<p{_id(i)}>{_marked(i, p, marks or {})}</p>" for i, p in zip(ids, paras, strict=True)]
    return [f'<div{_id(id_)} class="{cls}">', *body, "</div>"] if body else []


def _value(v: CoreValue) -> Lines:
    out = [
        f'<section{_id(v.id)} class="value">',
        f'<h3><span class="num">{v.number}. </span><span{_id(join(v.id, "title"))}>'
        f"{_e(v.title)}</span>{permalink(v.id)}</h3>",
        *_paragraphs(join(v.id, "description"), v.description_ids(), v.description, "desc"),
    ]
    p = v.practice
    label = "PRACTICE:" if p.name.isupper() else "Practice:"  # as the edition prints it
    out += [
        f'<section{_id(p.id)} class="practice">',
        f'<h4><span class="label">{label} </span><span{_id(join(p.id, "name"))}>'
        f"{_e(p.name)}</span></h4>",
        *_items(p.items, p.numbered),
        "</section>",
    ]
    if v.supervisor is not None:
        s = v.supervisor
        out += [
            f'<section{_id(s.id)} class="supervisor">',
            f"<h4{_id(join(s.id, 'lead-in'))}>{_e(s.lead_in)}</h4>",
            *_items(s.items, numbered=False),
            "</section>",
        ]
    return [*out, "</section>"]


def _header(e: Edition) -> Lines:
    out = ['<header class="doc-header">', f"<h1{_id(join(e.id, 'title'))}>{_e(e.title)}</h1>"]
    if e.subtitle:
        out.append(f'<p class="subtitle"{_id(join(e.id, "subtitle"))}>{_e(e.subtitle)}</p>')
    facts = [e.publisher, str(e.year), *(f for f in (e.version, e.document_number) if f)]
    out.append(f'<p class="facts">{" · ".join(_e(f) for f in facts)}</p>')
    licence = _e(e.licence.name)
    if url := web_url(e.licence.url):
        licence = f'<a href="{_e(url)}">{licence}</a>'
    out += ['<dl class="meta">', f"<dt>Licence</dt><dd>{licence}</dd>"]
    if e.licence.attribution:
        out.append(f"<dt>Attribution</dt><dd>{_e(e.licence.attribution)}</dd>")
    out += [f'<dt>Cite as</dt><dd class="citation">{_e(e.citation)}</dd>', "</dl>", "</header>"]
    return out


def _glossary(e: Edition) -> Lines:
    g = join(e.id, "glossary")
    hid = _id(join(g, "heading")) if e.glossary_heading else ""
    heading = _e(e.glossary_heading or "Glossary")
    out = [f'<section{_id(g)} class="glossary"><h2{hid}>{heading}</h2>']
    out += [f"<p{_id(join(g, 'intro', k))}>{_e(p)}</p>" for k, p in enumerate(e.glossary_intro, 1)]
    for t in e.glossary:
        ids = [join(t.id, "definition", k) for k in range(1, len(t.definition) + 1)]
        marks = _marks(markers(term_texts(t), t.footnotes))
        tid = join(t.id, "term")
        out += [
            f'<div{_id(t.id)} class="term">',
            f"<h3><span{_id(tid)}>{_marked(tid, t.term, marks)}</span>{permalink(t.id)}</h3>",
            *_paragraphs(join(t.id, "definition"), ids, t.definition, "definition", marks),
            *_footnotes(t.footnotes, marks),
            "</div>",
        ]
    return [*out, "</section>"]


def _parts(e: Edition) -> dict[str, Callable[[], Lines]]:
    """Renderers of the parts an edition has, in default order (unplaced parts use it)."""
    parts: dict[str, Callable[[], Lines]] = {}
    if e.placement.get("opening_list"):
        parts["opening_list"] = lambda: [
            '<ol class="opening-list">',
            *(
                f'<li value="{v.number}"{_id(join(v.id, "listed-title")) if v.listed_title else ""}'
                f">{_e(v.listed_title or v.title)}</li>"
                for v in e.values
            ),
            "</ol>",
        ]
    if e.who_values:
        parts["who_values"] = lambda: [
            f'<p{_id(w.id)} class="who-value"><strong><span{_id(join(w.id, "name"))}>'
            f"{_e(w.name)}</span>:</strong> <span{_id(join(w.id, 'text'))}>{_e(w.text)}</span></p>"
            for w in e.who_values
        ]
    if e.key_objectives:
        parts["key_objectives"] = lambda: _items(e.key_objectives, numbered=True)
    if e.misconceptions:
        parts["misconceptions"] = lambda: _misconceptions(e)
    parts["values"] = lambda: [line for v in e.values for line in _value(v)]
    if e.language_examples:
        parts["language_examples"] = lambda: [
            '<table class="language"><thead><tr><th scope="col">Closed</th>'
            '<th scope="col">Open</th></tr></thead><tbody>',
            *(
                f"<tr{_id(x.id)}><td{_id(join(x.id, 'closed'))}>{_e(x.closed)}</td>"
                f"<td{_id(join(x.id, 'open'))}>{_e(x.open)}</td></tr>"
                for x in e.language_examples
            ),
            "</tbody></table>",
        ]
    if e.competencies:
        parts["competencies"] = lambda: [line for c in e.competencies for line in _competency(c)]
    if e.interview_questions:
        parts["interview_questions"] = lambda: _items(e.interview_questions, numbered=True)
    if e.role_table:
        parts["role_table"] = lambda: [
            '<table class="role-table"><thead><tr><th scope="col">Topic</th>'
            '<th scope="col">Consistent with Peer Role</th>'
            '<th scope="col">Not Consistent with Peer Role</th></tr></thead><tbody>',
            *(
                f'<tr{_id(r.id)}><th scope="row"{_id(join(r.id, "topic"))}>{_e(r.topic)}</th>'
                f"<td{_id(join(r.id, 'consistent'))}>{_e(r.consistent)}</td>"
                f"<td{_id(join(r.id, 'not-consistent'))}>{_e(r.not_consistent)}</td></tr>"
                for r in e.role_table
            ),
            "</tbody></table>",
        ]
    if e.job_description:
        parts["job_description"] = lambda: [
            line for s in e.job_description for line in _section(s, 2)
        ]
    return parts


def _misconceptions(e: Edition) -> Lines:
    out = [
        '<table class="misconceptions"><thead><tr><th scope="col">Misconception</th>'
        '<th scope="col">Why this is a misconception</th></tr></thead><tbody>'
    ]
    for m in e.misconceptions:
        ids = [join(m.id, "explanation", k) for k in range(1, len(m.explanation) + 1)]
        why = "".join(_paragraphs(join(m.id, "explanation"), ids, m.explanation, "explanation"))
        out.append(
            f"<tr{_id(m.id)}><td{_id(join(m.id, 'misconception'))}>{_e(m.misconception)}</td>"
            f"<td>{why}</td></tr>"
        )
    return [*out, "</tbody></table>"]


def _competency(c: CompetencyCategory) -> Lines:
    ids = [join(c.id, "summary", k) for k in range(1, len(c.summary) + 1)]
    return [
        f'<section{_id(c.id)} class="competency">',
        f'<h3><span class="label">Category {c.n}: </span><span{_id(join(c.id, "title"))}>'
        f"{_e(c.title)}</span>{permalink(c.id)}</h3>",
        *_paragraphs(join(c.id, "summary"), ids, c.summary, "summary"),
        *(_items(c.items, numbered=False) if c.items else []),
        "</section>",
    ]


def _notes(notes: Iterable[Note], anchors: set[str]) -> Lines:
    rows = []
    for n in notes:
        target = _e(n.target)
        where = f'<a href="#{target}">{target}</a>' if n.target in anchors else target
        kind = _e(_NOTE_KINDS.get(n.kind, n.kind))
        rows.append(f'<li><span class="note-kind">{kind}</span> {where}: {_e(n.text)}</li>')
    if not rows:
        return []
    return [
        f'<section{_id(NOTES_ID)} class="notes"><h2>Notes on the text</h2>',
        "<p>Published errors and variants are kept as printed; these notes record them.</p>",
        "<ul>",
        *rows,
        "</ul></section>",
    ]


def _edition(e: Edition) -> Lines:
    out = [f'<article{_id(e.id)} class="edition" lang="{lang_of(e)}">', *_header(e)]
    out += lay_out(e, _parts(e), lambda s, after: _section(s, 2, after))
    if e.glossary or e.glossary_heading:
        out += _glossary(e)
    for s in e.back_matter:
        out += _section(s, 2)
    anchors = {n.id for n in e.nodes()}
    out += _notes([*e.notes, *(n for v in e.values for n in v.notes)], anchors)
    return [*out, "</article>"]


def _derivative(d: Derivative) -> Lines:
    facts = [
        f"A text derived from edition {d.derived_from}.",
        *([d.publisher] if d.publisher else []),
    ]
    out = [
        f'<article{_id(d.id)} class="derivative" lang="{lang_of(d)}">',
        '<header class="doc-header">',
        f"<h1{_id(join(d.id, 'title'))}>{_e(d.title)}</h1>",
        *(f'<p class="facts">{_e(f)}</p>' for f in facts),
        "</header>",
    ]
    for s in d.sections:
        out += _section(s, 2)
    if d.glosses:
        out += [
            f'<section{_id(join(d.id, "glosses"))} class="glosses">',
            "<h2>The values in one sentence each</h2><ul>",
        ]
        out += [
            f"<li><strong{_id(join(g.id, 'title'))}>{_e(g.title)}</strong>"
            f"{_e(g.separator or ' – ')}"
            f"<span{_id(g.id)}>{_e(g.text)}</span>{permalink(g.id)}</li>"
            for g in d.glosses
        ]
        out += ["</ul></section>"]
    anchors = {n.id for n in d.nodes()}
    return [*out, *_notes(d.notes, anchors), "</article>"]


def web_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address (safe to link), else ``None``."""
    return url if url and url.startswith(("https://", "http://")) else None


def lang_of(doc: Edition | Derivative) -> str:
    """The document's language tag: its spelling (``en-US``, ``en-GB``), ``en`` if unknown."""
    return doc.spelling if isinstance(doc, Edition) else "en"


def article_html(doc: Edition | Derivative) -> str:
    """The document as an ``<article>`` element (the body of :func:`to_html`)."""
    lines = _derivative(doc) if isinstance(doc, Derivative) else _edition(doc)
    return "\n".join(lines) + "\n"


def to_html(doc: Edition | Derivative) -> str:
    """The document as a self-contained HTML page (inline CSS, no script, no network)."""
    return page(doc.title, [article_html(doc).rstrip("\n")], _CSS, lang=lang_of(doc))


def page(title: str, body: Iterable[str], css: str, *, lang: str = "en", main: bool = True) -> str:
    """A self-contained HTML page: ``title`` escaped, ``body`` lines (already HTML) inside
    ``<main>`` (or straight in ``<body>``), ``css`` inline; no script, no network. Every
    standalone page of the package (exports, diff, history, release notes) is built here."""
    inner = ["<main>", *body, "</main>"] if main else list(body)
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *inner, "</body>", "</html>"]) + "\n"

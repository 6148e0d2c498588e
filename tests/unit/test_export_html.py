"""Hostile texts survive every rendering: HTML export, site pages and downloads, and Markdown.

Texts full of markup (``<script>``, ``</td>``, ``|``, ``*``, a leading ``#``, backticks, entities)
are rendered, parsed back with a real parser, and must come back exactly as written.
"""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from guidelines_model import Derivative, Edition, Library
from guidelines_model.export import exporter
from guidelines_model.export.html import to_html
from guidelines_model.export.markdown import to_markdown
from guidelines_model.model.ids import CANONICAL_VALUE_KEYS

SHA = "0" * 64
HOSTILE = (
    "<script>alert(1)</script>",
    "# not a heading",
    "cell </td></tr></table> escape",
    "a | b || c",
    "*stars* and **bold** and _under_",
    "`code` and ``more`` backticks",
    "&amp; &lt; &gt; &quot; &#39; &copy; &#x3C;",
    "1. not a list",
    "- not a bullet",
    "> not a quote",
    "[link](javascript:alert(1)) <img src=x onerror=alert(1)>",
    "<!-- not a comment --> ]]> <![CDATA[ x ]]>",
    "back\\slash \\* \\` and \\",
    "=== not a setext underline",
    "\"double\" and 'single' quotes, <b>bold</b> & ampersand",
)


class Texts(Iterator[str]):
    """Endless hostile texts, each unique: ``<hostile> (n) <hostile>``."""

    def __init__(self, pieces: tuple[str, ...] = HOSTILE) -> None:
        self.n = itertools.count(1)
        self.pieces = itertools.cycle(pieces)

    def __next__(self) -> str:
        return f"{next(self.pieces)} ({next(self.n)}) {next(self.pieces)}"


def hostile_edition(id_: str, t: Texts, *, based_on: str | None = None) -> dict[str, Any]:
    """An edition using every part of the model, every text hostile."""
    kinds = ["paragraph", "quote", "attribution", "bullet", "bullet", "numbered", "subheading"]
    blocks: list[dict[str, Any]] = [{"kind": k, "text": next(t)} for k in kinds]
    blocks[5]["number"] = 3
    blocks.append({"kind": "attribution", "text": "~~" + next(t)})

    def section(key: str) -> dict[str, Any]:
        return {
            "key": key,
            "heading": next(t),
            "blocks": blocks if key == "intro" else [{"text": next(t)}, {"text": next(t)}],
            "footnotes": [{"marker": "1", "text": next(t)}],
        }

    def items(n: int) -> list[dict[str, Any]]:
        return [{"n": k, "text": next(t)} for k in range(1, n + 1)]

    values = [
        {
            "key": key,
            "number": number,
            "title": next(t),
            "listed_title": next(t),
            "description": [next(t), next(t)],
            "practice": {"name": next(t), "items": items(2)},
            "supervisor": {"lead_in": next(t), "items": items(2)},
            "notes": [
                {"target": f"{id_}/{key}/practice/1", "kind": "published-error", "text": next(t)}
            ],
        }
        for number, key in enumerate(CANONICAL_VALUE_KEYS[:3], start=1)
    ]
    return {
        "id": id_,
        "title": next(t),
        "subtitle": next(t),
        "publisher": next(t),
        "year": 2013 if based_on is None else 2019,
        "kind": "peer-guidelines" if based_on is None else "supervisors",
        "based_on": based_on,
        "spelling": "en-US",
        "version": next(t),
        "document_number": next(t),
        "licence": {"name": next(t), "url": "javascript:alert(1)", "attribution": next(t)},
        "citation": next(t),
        "approval": [{"text": next(t)}],
        "sources": [{"file": "x.txt", "sha256": SHA}],
        "front_matter": [section("intro"), section("more")],
        "placement": {"opening_list": "intro/2", "who_values": "more", "role_table": "more/1"},
        "values": values,
        "glossary_heading": next(t),
        "glossary_intro": [next(t)],
        "glossary": [
            {
                "key": "term",
                "term": next(t),
                "definition": [next(t), next(t)],
                "footnotes": [{"marker": "2", "text": next(t)}],
            }
        ],
        "back_matter": [section("appendix")],
        "who_values": [{"key": "empathy", "name": next(t), "text": next(t)}],
        "key_objectives": items(2),
        "competencies": [{"n": 1, "title": next(t), "summary": [next(t)], "items": items(2)}],
        "misconceptions": [{"n": 1, "misconception": next(t), "explanation": [next(t)]}],
        "language_examples": [{"n": 1, "closed": next(t), "open": next(t)}],
        "interview_questions": items(2),
        "role_table": [
            {"n": 1, "topic": next(t), "consistent": next(t), "not_consistent": next(t)}
        ],
        "job_description": [section("purpose")],
        "notes": [{"target": f"{id_}/intro/1", "kind": "published-variant", "text": next(t)}],
    }


def hostile_library(pieces: tuple[str, ...] = HOSTILE) -> Library:
    """Two editions (the second based on the first, sharing some texts) and a derivative."""
    t = Texts(pieces)
    first = Edition.model_validate(hostile_edition("old", t))
    raw = hostile_edition("new", t, based_on="old")
    raw["values"][0]["practice"]["items"] = [
        {"n": it.n, "text": it.text} for it in first.values[0].practice.items
    ]
    raw["values"][1]["title"] = first.values[1].title.upper()  # a capitalisation variant
    second = Edition.model_validate(raw)
    derivative = Derivative.model_validate(
        {
            "id": "summary",
            "title": next(t),
            "publisher": next(t),
            "derived_from": "old",
            "sources": [{"file": "x.txt", "sha256": SHA}],
            "glosses": [
                {"value": key, "title": next(t), "separator": sep, "text": next(t)}
                for key, sep in zip(CANONICAL_VALUE_KEYS[:2], (" –", "- "), strict=True)
            ],
            "sections": [{"key": "intro", "blocks": [{"text": next(t)}]}],
        }
    )
    return Library({"old": first, "new": second}, {"summary": derivative})


def _docs(lib: Library) -> list[Edition | Derivative]:
    return [*lib.editions.values(), *lib.derivatives.values()]


class Parsed(HTMLParser):
    """Text content of every element (permalinks, the site's history links and Cite controls
    left out), by id; scripts and handlers seen."""

    VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "col", "source"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None], list[str]]] = []
        self.elements: list[tuple[str, dict[str, str | None], str]] = []
        self.scripts: list[dict[str, str | None]] = []
        self.handlers: list[str] = []
        self.feed(html)
        self.close()
        assert not self.stack, f"unclosed elements: {[s[0] for s in self.stack]}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.handlers += [k for k in a if k.startswith("on")]
        if tag == "script":
            self.scripts.append(a)
        if tag not in self.VOID:
            self.stack.append((tag, a, []))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        name, attrs, parts = self.stack.pop()
        assert name == tag, f"</{tag}> closes <{name}>"
        text = "".join(parts)
        self.elements.append((name, attrs, text))
        if self.stack and not {"pl", "hist", "cite"} & set((attrs.get("class") or "").split()):
            self.stack[-1][2].append(text)

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.stack[-1][2].append(data)

    def by_id(self) -> dict[str, str]:
        return {str(a["id"]): text for _, a, text in self.elements if a.get("id")}

    def texts(self, cls: str | None = None) -> list[str]:
        return [t for _, a, t in self.elements if cls is None or cls in (a.get("class") or "")]


def _check_ids(doc: Edition | Derivative, html: str) -> Parsed:
    parsed = Parsed(html)
    found = parsed.by_id()
    for node in doc.nodes():
        if node.text is not None:
            assert found.get(node.id) == node.text, node.id
    assert not parsed.handlers
    return parsed


@pytest.fixture(scope="module")
def lib() -> Library:
    return hostile_library()


def test_html_export_keeps_every_text_exactly(lib: Library) -> None:
    """Every text of the HTML export, parsed back by its id, equals the original; no script."""
    for doc in _docs(lib):
        parsed = _check_ids(doc, to_html(doc))
        assert parsed.scripts == []
        assert [t for tag, _, t in parsed.elements if tag == "title"] == [doc.title]


def test_html_export_links_only_web_addresses(lib: Library) -> None:
    """A licence URL that is not http(s) is printed, never linked."""
    html = to_html(lib.edition("old"))
    assert 'href="javascript:' not in html
    assert 'href="#old/voluntary/practice/1"' in html  # notes link to their targets


def test_html_export_is_wired_into_the_exporter(lib: Library) -> None:
    """``guidelines export --format html`` uses the HTML exporter."""
    assert exporter("html") is to_html


def _markdown_expected(doc: Edition | Derivative) -> list[str]:
    """How each text reads once the Markdown is rendered (prefixes the export prints)."""
    out: list[str] = []
    if isinstance(doc, Derivative):
        out += [doc.title, *(f"{g.title}{g.separator or ' – '}{g.text}" for g in doc.glosses)]
        return out + [b.text for s in doc.sections for b in s.blocks]
    out += [doc.title, doc.subtitle or "", f"Cite as: {doc.citation}"]
    for v in doc.values:
        label = "PRACTICE:" if v.practice.name.isupper() else "Practice:"
        out += [f"{v.number}. {v.title}", v.listed_title or v.title, f"{label} {v.practice.name}"]
    out += [f"{w.name}: {w.text}" for w in doc.who_values]
    out += [f"Category {c.n}: {c.title}" for c in doc.competencies]
    for s in (*doc.front_matter, *doc.back_matter, *doc.job_description):
        out += [f.marker + " " + f.text for f in s.footnotes]
        for b in s.blocks:
            dash = b.kind == "attribution" and not b.text.startswith("~")
            out.append(f"— {b.text}" if dash else b.text)
    out += [f.marker + " " + f.text for term in doc.glossary for f in term.footnotes]
    skip = {"value-title", "listed-title", "practice-name", "who-value-text", "competency-title"}
    skip |= {"who-value-name", "edition-title", "edition-subtitle", "footnote", "attribution"}
    return out + [n.text for n in doc.nodes() if n.text is not None and n.kind not in skip]


def _markdown_missing(lib: Library) -> list[str]:
    markdown_it = pytest.importorskip("markdown_it")
    md = markdown_it.MarkdownIt("commonmark").enable("table")
    missing: list[str] = []
    for doc in _docs(lib):
        parsed = Parsed(md.render(to_markdown(doc)))
        texts = set(parsed.texts())
        missing += [t for t in _markdown_expected(doc) if t not in texts]
        assert parsed.scripts == []
        assert not parsed.handlers
    return missing


def test_markdown_export_keeps_every_text_exactly() -> None:
    """Rendered by a real Markdown parser, every text of the Markdown export reads as written."""
    pieces = tuple(p for p in HOSTILE if not p[0].isdigit())
    assert _markdown_missing(hostile_library(pieces)) == []


def test_markdown_export_keeps_a_leading_list_number() -> None:
    """A text that starts like an ordered list item ("1. ...") reads as written."""
    assert _markdown_missing(hostile_library(("1. not a list", "2) nor this"))) == []


@pytest.fixture(scope="module")
def site(lib: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("jinja2", reason="the site needs the 'site' extra (jinja2)")
    from guidelines_model.site import build

    out = tmp_path_factory.mktemp("site")
    build(out, lib)
    return out


def _parse_site_page(path: Path) -> Parsed:
    parsed = Parsed(path.read_text(encoding="utf-8"))
    own = {"static/site.js", "static/cite.js", "static/search.js", "search-index.js"}
    for script in parsed.scripts:
        src = (script.get("src") or "").replace("../", "")
        assert src in own, script
    assert not parsed.handlers
    return parsed


def test_site_pages_keep_every_text_exactly(lib: Library, site: Path) -> None:
    """Edition pages carry every text by id; no page has a script of the content's making."""
    for doc in _docs(lib):
        _check_ids(doc, (site / "editions" / f"{doc.id}.html").read_text(encoding="utf-8"))
    for page in sorted(site.rglob("*.html")):
        _parse_site_page(page)
    home = set(_parse_site_page(site / "index.html").texts())
    for e in lib:
        assert {e.title, e.citation, e.approval[0].text} <= home


def _readings(parsed: Parsed) -> set[str]:
    """Each diff cell read as its old text (insertions left out) and as its new text."""
    out: set[str] = set()
    for _, attrs, text in parsed.elements:
        if (attrs.get("class") or "") in ("text", "plain"):
            out.add(text)
    return out


def test_value_and_compare_pages_keep_texts(lib: Library, site: Path) -> None:
    """Texts in the value pages' cells and the comparison's added/removed texts are intact."""
    old, new = lib.edition("old"), lib.edition("new")
    same = _readings(_parse_site_page(site / "values" / "voluntary.html"))
    assert {it.text for it in old.values[0].practice.items} <= same
    hopeful = _parse_site_page(site / "values" / "hopeful.html")
    assert old.values[1].title in _readings(hopeful)  # the first reading, and the noise cell's
    assert new.values[1].title in _readings(hopeful)
    compare = _parse_site_page(site / "compare" / "old-to-new.html")
    sides = set(compare.texts("diff"))
    added = new.values[2].supervisor
    assert added is not None
    assert {it.text for it in added.items} <= sides


def test_site_downloads_keep_texts(lib: Library, site: Path) -> None:
    """The search index, checklist.csv and checklist.md hold every text unchanged."""
    index = json.loads((site / "search-index.json").read_text(encoding="utf-8"))
    by_id = {n["id"]: n["text"] for n in index["nodes"]}
    for doc in _docs(lib):
        for node in doc.nodes():
            if node.text is not None:
                assert by_id[node.id] == node.text
    new = lib.edition("new")
    items = [it for v in new.values if v.supervisor for it in v.supervisor.items]
    with (site / "checklist.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["id"], r["item"]) for r in rows] == [(it.id, it.text) for it in items]
    page = _parse_site_page(site / "checklist.html")
    labels = [t for _, a, t in page.elements if (a.get("for") or "").startswith("check-")]
    assert labels == [it.text for it in items]
    markdown_it = pytest.importorskip("markdown_it")
    html = markdown_it.MarkdownIt("commonmark").render(
        (site / "checklist.md").read_text(encoding="utf-8")
    )
    lis = [t for tag, _, t in Parsed(html).elements if tag == "li"]
    assert lis == [f"[ ] {it.text} ({it.id})" for it in items]


def test_site_build_is_deterministic(lib: Library, site: Path, tmp_path: Path) -> None:
    """Building twice gives byte-identical files."""
    from guidelines_model.site import build

    again = tmp_path / "again"
    build(again, lib)
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first == second


def test_home_links_the_api_reference_only_when_built(lib: Library, tmp_path: Path) -> None:
    """The home page links ../docs/index.html when the API reference is built beside the site."""
    pytest.importorskip("jinja2", reason="the site needs the 'site' extra (jinja2)")
    from guidelines_model.site import build

    build(tmp_path / "site", lib)
    assert "API reference" not in (tmp_path / "site/index.html").read_text(encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.html").write_text("<!doctype html>", encoding="utf-8")
    build(tmp_path / "site", lib)
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert '<a href="../docs/index.html">API reference</a>' in home


def test_value_pages_read_at_a_glance(library: Library, tmp_path: Path) -> None:
    """Each column says what it is compared with; a removed and an added item at one place are
    one row "replaced"; a repeated item is marked; a capitals-only change is drawn quietly."""
    pytest.importorskip("jinja2", reason="the site needs the 'site' extra (jinja2)")
    from guidelines_model.site import build

    build(tmp_path / "site", library)
    page = (tmp_path / "site/values/honest-direct.html").read_text(encoding="utf-8")
    assert page.count("compared with 2013") == 2  # WHO and 2019 are both based on 2013
    assert page.count('<tr class="replaced">') == 1
    assert "repeats practice item 1" in page
    assert '<span class="quiet-mark">capitals only</span>' in page  # 2019's title in capitals
    title_row = page.split('id="2019_supervisors/honest-direct/title"', 1)[1].split("</td>", 1)[0]
    assert "<del>" not in title_row

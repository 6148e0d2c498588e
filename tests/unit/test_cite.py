"""Citations: CSL-JSON from the library, the three styles, BibTeX and RIS read back by
maintained parsers, and the pinpoints in each edition's own words."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import rispy
from bibtexparser.entrypoint import parse_string
from bibtexparser.middlewares import LatexDecodingMiddleware
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import WORDS, editions

from guidelines_model import Edition, Library
from guidelines_model.cite import (
    CslItem,
    csl_items,
    permalink,
    pinpoint,
    render,
    to_bibtex,
    to_csl_json,
    to_ris,
)
from guidelines_model.cite.bibtex import escape
from guidelines_model.export.html import article_html
from guidelines_model.model.errors import GuidelinesError, NotFoundError, UsageError

ROOT = Path(__file__).resolve().parents[2]
CSL_SCHEMA = json.loads((ROOT / "schema" / "csl-data.json").read_text(encoding="utf-8"))
BASE = "https://example.org/guidelines/"
#: What the site and the Cite controls cite: values and items.
CITED = ("value", "practice-item", "supervisor-item")


def _valid_csl(items: list[CslItem]) -> None:
    jsonschema.Draft3Validator(CSL_SCHEMA).validate(json.loads(to_csl_json(items)))


def _bibtex(text: str) -> list[dict[str, str]]:
    """The entries of a BibTeX file as bibtexparser reads them, LaTeX decoded (pylatexenc reads
    ``\\textasciicircum{}``, which LaTeX prints as ``^``, as U+02C6: mapped back here)."""
    lib = parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert lib.failed_blocks == []
    return [
        {
            "ENTRYTYPE": e.entry_type,
            "ID": e.key,
            **{f.key: str(f.value).replace("\u02c6", "^") for f in e.fields},
        }
        for e in lib.entries
    ]


def test_apa_for_a_2019_item_has_organisation_year_title_pinpoint_and_link(
    library: Library,
) -> None:
    """APA for a 2019 practice item names iNAPS, 2019, the title, "Value 7, practice item 2"
    and the permanent link to the item on the website."""
    id_ = "2019_supervisors/honest-direct/practice/2"
    [apa] = render(csl_items(library, [id_], BASE), "apa")
    assert apa == (
        "International Association of Peer Supporters (iNAPS). (2019). Value 7, practice item 2. "
        "In National Practice Guidelines for Peer Specialists and Supervisors. "
        f"{BASE}editions/2019_supervisors.html#{id_}"
    )


@pytest.mark.parametrize(
    ("id_", "where"),
    [
        ("2019_supervisors/strengths-focused/supervisor/3", "Value 10, supervisor item 3"),
        ("2013/honest-direct/practice/4", "Value 7, practice item 4"),
        ("2013/voluntary", "Value 1"),
        ("2019_supervisors/glossary/advocacy", "Glossary, “ADVOCACY”"),
        ("who_2017/competencies/3/2", "Competency category 3, item 2"),
        ("who_2017/objectives/4", "Key objective 4"),
        (
            "who_2017/role-table/1/consistent",
            "Role table, topic 1 “Medications”, consistent with peer role",
        ),
        ("who_2017/front/about-this-guidance/1", "Section “About this guidance”, paragraph 1"),
        ("2019_supervisors/voluntary/description/2", "Value 1, description paragraph 2"),
    ],
)
def test_pinpoints_use_each_editions_own_names(library: Library, id_: str, where: str) -> None:
    """The pinpoint names the part as its edition prints it."""
    [item] = csl_items(library, [id_])
    assert item["title"] == where
    assert item["container-title"] == library.edition(id_.split("/", maxsplit=1)[0]).title


def test_every_text_of_an_edition_has_its_own_pinpoint(library: Library) -> None:
    """No two texts of one edition share a pinpoint: a citation names exactly one sentence."""
    for e in library:
        seen: dict[str, str] = {}
        for node in e.nodes():
            if node.text is not None:
                where = pinpoint(e, node)
                assert where is not None
                assert where not in seen, (node.id, seen.get(where))
                seen[where] = node.id


def test_every_edition_value_and_item_of_the_library_cites(library: Library) -> None:
    """Every edition, value and item of every edition: a CSL-JSON item that validates, a
    BibTeX entry and a RIS record read back, an APA and a Harvard citation with its pinpoint and
    link; every node at all cites to valid CSL-JSON."""
    for e in library:
        ids = [e.id, *(n.id for n in e.nodes() if n.kind in CITED)]
        items = csl_items(library, ids, BASE)
        _valid_csl(items)
        _valid_csl(csl_items(library, [n.id for n in e.nodes()]))
        entries = _bibtex(to_bibtex(items))
        assert [x["ID"].replace(":", "/") for x in entries] == ids
        records = rispy.loads(to_ris(items))
        assert [r["id"] for r in records] == ids
        for style in ("apa", "harvard"):
            for item, text in zip(items, render(items, style), strict=True):
                assert item["title"] in text or item["id"] == e.id, text
                assert item["URL"] in text
                assert str(e.year) in text
                assert e.publisher in text


def test_chicago_renders_a_value_and_an_item_of_each_edition(library: Library) -> None:
    """Chicago author-date (which title-cases the pinpoint) for the first value and item."""
    for e in library:
        ids = [e.id, e.values[0].id, e.values[0].practice.items[0].id]
        edition, value, item = render(csl_items(library, ids, BASE), "chicago", "html")
        assert f"<i>{e.title.split()[0]}" in edition
        assert "“Value 1”" in value
        assert "“Value 1, Practice Item 1”" in item
        assert f'href="{BASE}editions/{e.id}.html#{ids[2]}"' in item


def test_the_fast_rendering_of_an_edition_equals_rendering_each_item(library: Library) -> None:
    """Rendering many items (one rendering of the style per edition, the title a token) gives
    exactly what rendering each item alone gives, in every style and markup."""
    e = library.edition("who_2017")
    ids = [n.id for n in e.nodes() if n.kind in CITED][::9]
    items = csl_items(library, ids, BASE)
    for style in ("apa", "chicago", "harvard"):
        for markup in ("text", "markdown", "html"):
            together = render(items, style, markup)
            alone = [render([i], style, markup)[0] for i in items[:4]]
            assert together[:4] == alone, (style, markup)


def test_the_link_lands_on_the_element_with_that_id(library: Library) -> None:
    """A citation's link is the edition page with the node's id as its fragment, and the page
    carries that id."""
    for e in library:
        html = article_html(e)
        for item in csl_items(library, [n.id for n in e.nodes() if n.kind in CITED], BASE):
            page, fragment = item["URL"].split("#")
            assert page == f"{BASE}editions/{e.id}.html"
            assert f' id="{fragment}"' in html


def test_only_recorded_metadata_is_written(library: Library) -> None:
    """No URL without a base URL (no edition records one); WHO's document number and version
    are kept; the suggested citation is kept verbatim as the note."""
    for e in library:
        [item] = csl_items(library, [e.id])
        assert "URL" not in item
        assert item["note"] == e.citation
        assert item["author"] == [{"literal": e.publisher}]
    [who] = csl_items(library, ["who_2017"])
    assert (who["number"], who["version"]) == ("WHO/MSD/MHP/17.12", "pilot")
    [first] = csl_items(library, ["2013"])
    assert "number" not in first
    assert "version" not in first


def test_unknown_id_names_the_closest(library: Library) -> None:
    """A misspelt id raises NotFoundError with the id it was probably meant to be."""
    with pytest.raises(NotFoundError) as info:
        csl_items(library, ["2019_supervisors/strengths-focused/practise/4"])
    assert info.value.suggestion == "2019_supervisors/strengths-focused/practice/4"
    with pytest.raises(NotFoundError):
        csl_items(library, ["2020/voluntary"])


def test_a_derived_text_is_not_cited(library: Library) -> None:
    """The training summary records no publisher or date: citing it says so."""
    with pytest.raises(GuidelinesError, match=r"derived text.*\(2013\)"):
        csl_items(library, ["training_module7/gloss/voluntary"])


@pytest.mark.parametrize(
    "url",
    ["ftp://x.org/", "example.org", "https://", "https://a b/", "https://x/#a", "https://x/<a>"],
)
def test_a_base_url_must_be_an_http_address(url: str) -> None:
    """Anything but an absolute http(s) address is refused."""
    with pytest.raises(UsageError):
        permalink(url, "2013/voluntary")


def test_permalink_adds_one_slash() -> None:
    """With or without a trailing slash, the same link."""
    assert permalink("https://e.org/g", "2013") == "https://e.org/g/editions/2013.html"
    assert permalink("https://e.org/g/", "2013/voluntary") == (
        "https://e.org/g/editions/2013.html#2013/voluntary"
    )


# --- special characters, on generated editions -------------------------------------------------

#: LaTeX's special characters and ligature characters, markup characters, a few others.
SPECIAL = st.text(
    alphabet=st.sampled_from([*"{}%&$#_~^\\<>\"'*[]-`!?@=|/().,", "a", "B", "é", "–", "“", " "]),
    min_size=1,
    max_size=20,
).map(lambda s: " ".join(s.split()))
TITLES = st.one_of(WORDS, SPECIAL.filter(str.strip), st.tuples(WORDS, SPECIAL).map(" ".join))


def one_line(text: str) -> str:
    """A field as every citation format writes it: on one line, spaces collapsed and trimmed."""
    return " ".join(text.split())


class _Text(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _with(e: Edition, title: str, publisher: str) -> Library:
    return Library({e.id: e.model_copy(update={"title": title, "publisher": publisher})})


@settings(max_examples=500)
@given(SPECIAL.filter(str.strip))
def test_bibtex_escaping_round_trips(text: str) -> None:
    """Any text with LaTeX's special characters ({ } % & $ # _ ~ ^ \\) or ligatures ('' `` --
    !`) escaped, then read back by bibtexparser with LaTeX decoding, is the text (on one
    line: a field is written so)."""
    [entry] = _bibtex(f"@misc{{k,\n  title = {{{escape(text)}}}\n}}\n")
    assert entry["title"] == one_line(text)


@given(editions(max_values=2), TITLES, TITLES)
def test_bibtex_round_trips_any_title_and_publisher(e: Edition, title: str, publisher: str) -> None:
    """BibTeX of an edition and its items, read back by bibtexparser (LaTeX decoded), gives the
    title, organisation, year and URL exactly (on one line): {, }, %, &, $, #, _, ~, ^ and \\
    escaped."""
    lib = _with(e, title, publisher)
    title, publisher = one_line(title), one_line(publisher)
    ids = [e.id, *(n.id for n in lib.edition(e.id).nodes() if n.kind in CITED)]
    entries = _bibtex(to_bibtex(csl_items(lib, ids, BASE)))
    assert len(entries) == len(ids)
    head, *parts = entries
    assert head["ENTRYTYPE"] == "techreport"
    assert head["title"] == title
    assert head["author"] == publisher
    assert head["institution"] == publisher
    assert head["year"] == str(e.year)
    assert head["url"] == f"{BASE}editions/{e.id}.html"
    for entry in parts:
        assert entry["ENTRYTYPE"] == "incollection"
        assert entry["booktitle"] == title
        assert re.fullmatch(r"Value \d+(, (practice|supervisor) item \d+)?", entry["title"])


@given(editions(max_values=2), TITLES, TITLES)
def test_ris_round_trips_any_title_and_publisher(e: Edition, title: str, publisher: str) -> None:
    """RIS read back by rispy gives every field as written (on one line)."""
    lib = _with(e, title, publisher)
    title, publisher = one_line(title), one_line(publisher)
    ids = [e.id, e.values[0].practice.items[0].id]
    items = csl_items(lib, ids, BASE)
    report, part = rispy.loads(to_ris(items))
    assert report["type_of_reference"] == "RPRT"
    assert (report["title"], report["authors"], report["publisher"]) == (
        title,
        [publisher],
        publisher,
    )
    assert report["year"] == str(e.year)
    assert report["urls"] == [items[0]["URL"]]
    assert report["notes"] == [one_line(e.citation)]
    assert part["type_of_reference"] == "CHAP"
    assert (part["title"], part["secondary_title"]) == ("Value 1, practice item 1", title)


def test_a_title_ending_in_a_full_stop_is_followed_by_one(library: Library) -> None:
    """citeproc-py drops the style's full stop after a title ending in one in plain text, but
    not across italics ("<i>Guidelines v2.</i>." read "v2.."): HTML and Markdown drop it too."""
    e = library.edition("2013").model_copy(update={"title": "Guidelines v2."})
    lib = Library({e.id: e})
    items = csl_items(lib, [e.id, e.values[0].practice.items[0].id])
    for style in ("apa", "chicago", "harvard"):
        text = render(items, style, "text")
        assert [t.lower().endswith("v2.") for t in text] == [True, True]
        html = render(items, style, "html")
        assert [" ".join("".join(_Text(h).parts).split()) for h in html] == text
        markdown = render(items, style, "markdown")
        assert all(m.lower().endswith("v2\\.*") for m in markdown), markdown


# Titles with a word in them: a title of punctuation alone ("." ) meets citeproc-py's own
# punctuation rules differently in plain text and in HTML, which is no question of escaping.
@given(
    editions(max_values=1),
    TITLES.filter(lambda t: any(c.isalnum() for c in t)),
    TITLES,
    st.sampled_from(["apa", "chicago", "harvard"]),
)
def test_html_citations_escape_every_text(
    e: Edition, title: str, publisher: str, style: Any
) -> None:
    """An HTML citation has no markup but the style's <i> and the link's <a>, and reads back as
    the text citation (so a '<' in a title is text, never a tag)."""
    lib = _with(e, title, publisher)
    items = csl_items(lib, [e.values[0].practice.items[0].id], BASE)
    [html] = render(items, style, "html")
    [text] = render(items, style, "text")
    parsed = _Text(html)
    assert set(parsed.tags) <= {"i", "a"}
    assert " ".join("".join(parsed.parts).split()) == " ".join(text.split())
    _valid_csl(items)


def test_the_bibtex_of_an_edition_is_as_expected(library: Library) -> None:
    """The whole BibTeX entry of an item, as a reference manager receives it."""
    [item] = csl_items(library, ["who_2017/voluntary/practice/2"], BASE)
    assert to_bibtex([item]) == (
        "@incollection{who_2017:voluntary:practice:2,\n"
        "  author = {{World Health Organization}},\n"
        "  title = {Value 1, practice item 2},\n"
        "  booktitle = {Providing individualized peer support in mental health and related areas},\n"
        "  publisher = {World Health Organization},\n"
        "  year = {2017},\n"
        "  number = {WHO/MSD/MHP/17.12},\n"
        "  version = {pilot},\n"
        "  language = {en-GB},\n"
        f"  url = {{{BASE}editions/who_2017.html#who_2017/voluntary/practice/2}},\n"
        "  note = {Providing individualized peer support in mental health and related areas - WHO "
        "QualityRights training to act, unite and empower for mental health (pilot version). "
        "Geneva: World Health Organization; 2017 (WHO/MSD/MHP/17.12). Licence: CC BY-NC-SA 3.0 "
        "IGO.}\n"
        "}\n"
    )


@pytest.mark.parametrize("style", ["apa", "chicago", "harvard"])
def test_markup_in_metadata_is_text_in_html_and_markdown(library: Library, style: Any) -> None:
    """A title and publisher holding markup (tags, &, *, _) come out as text: escaped in HTML,
    backslashed in Markdown; only the style's italics and the link are markup."""
    e = library.edition("2013")
    lib = _with(e, "Guidelines <script>alert(1)</script> & <i>notes</i>", "<b>Org</b> *R&D*_x")
    items = csl_items(lib, ["2013", "2013/voluntary/practice/1"], BASE)
    for html in render(items, style, "html"):
        assert set(_Text(html).tags) <= {"i", "a"}, html
        assert "&lt;script&gt;" in html
        assert "&lt;b&gt;Org&lt;/b&gt;" in html
    for md in render(items, style, "markdown"):
        assert "\\<b\\>Org\\</b\\> \\*R\\&D\\*\\_x" in md

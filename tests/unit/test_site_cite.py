"""The website's citations: pre-rendered with the base URL, one Cite control per value and item,
and per edition a Cite page with BibTeX, RIS and CSL-JSON that parse."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import rispy
from bibtexparser.entrypoint import parse_string

from guidelines_model import Library
from guidelines_model.model.errors import UsageError

pytest.importorskip("jinja2", reason="the site needs the 'site' extra")

from guidelines_model.site import build  # after the skip: needs jinja2
from guidelines_model.site.cite import CITED_KINDS

ROOT = Path(__file__).resolve().parents[2]
BASE = "https://example.org/guidelines/"
CITED = ("value", "practice-item", "supervisor-item")


@pytest.fixture(scope="module")
def site(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cite-site") / "site"
    build(out, library, base_url=BASE)
    return out


def test_every_value_and_item_has_one_cite_control(site: Path, library: Library) -> None:
    """On each edition page, every permanent link (#) of a value, item, term or competency is
    followed by the Cite control of that node (after the item's history link, where it has
    one), and every value and item has one."""
    link = re.compile(
        r'<a class="pl" href="#([^"]+)"[^>]*>#</a>(?:<a class="hist"[^>]*>history</a>)?'
        r'(?:</h[34]>)?(<details class="cite")?'
    )
    for e in library:
        html = (site / "editions" / f"{e.id}.html").read_text(encoding="utf-8")
        found = link.findall(html)
        assert found
        assert all(control for _, control in found), [i for i, c in found if not c]
        cited = re.findall(rf'<a href="{BASE}editions/{e.id}.html#([^"]+)">', html)
        assert cited == [i for i, _ in found]
        assert {n.id for n in e.nodes() if n.kind in CITED} <= set(cited)


def test_a_citation_on_the_site_has_the_pinpoint_and_the_absolute_link(site: Path) -> None:
    """The control of 2019's Value 10, practice item 4 shows the APA citation, its link absolute
    (the build's --base-url), and names the item for screen readers."""
    html = (site / "editions" / "2019_supervisors.html").read_text(encoding="utf-8")
    id_ = "2019_supervisors/strengths-focused/practice/4"
    start = html.index(f'<li id="{id_}"')
    control = html[start : html.index("</details>", start)]
    assert 'Cite<span class="vh"> Value 10, practice item 4, 2019 Supervisors</span>' in control
    assert (
        "International Association of Peer Supporters (iNAPS). (2019). Value 10, practice item 4. "
        "In <i>National Practice Guidelines for Peer Specialists and Supervisors</i>. "
        f'<a href="{BASE}editions/2019_supervisors.html#{id_}">'
    ) in control
    assert "data-cite-href" not in control  # with a base URL, nothing is left to the browser


def test_value_pages_cite_the_value_and_each_item(site: Path) -> None:
    """A value page's title cells cite the value, its item cells the item."""
    html = (site / "values" / "honest-direct.html").read_text(encoding="utf-8")
    assert f'{BASE}editions/2013.html#2013/honest-direct"' in html
    assert f'{BASE}editions/who_2017.html#who_2017/honest-direct/practice/4"' in html
    assert 'Cite<span class="vh"> Value 7, practice item 4, WHO 2017</span>' in html


def test_each_edition_cite_page_and_downloads(site: Path, library: Library) -> None:
    """``cite/<id>.html`` shows the edition's published citation and three styles; its BibTeX,
    RIS and CSL-JSON hold the edition then each node with a Cite control, and parse."""
    schema = json.loads((ROOT / "schema" / "csl-data.json").read_text(encoding="utf-8"))
    for e in library:
        ids = [e.id, *(n.id for n in e.nodes() if n.kind in CITED_KINDS)]
        page = (site / "cite" / f"{e.id}.html").read_text(encoding="utf-8")
        assert e.citation.split()[0] in page
        assert len(re.findall(r"<dt>(APA|Chicago|Harvard)", page)) == 3
        bib = parse_string((site / "cite" / f"{e.id}.bib").read_text(encoding="utf-8"))
        assert bib.failed_blocks == []
        assert [x.key for x in bib.entries] == [i.replace("/", ":") for i in ids]
        ris = rispy.loads((site / "cite" / f"{e.id}.ris").read_text(encoding="utf-8"))
        assert [r["id"] for r in ris] == ids
        items = json.loads((site / "cite" / f"{e.id}.json").read_text(encoding="utf-8"))
        jsonschema.Draft3Validator(schema).validate(items)
        assert items[1]["URL"] == f"{BASE}editions/{e.id}.html#{ids[1]}"


def test_without_a_base_url_the_link_is_left_to_the_page(library: Library, tmp_path: Path) -> None:
    """Built without --base-url, a control carries the site-relative link for cite.js."""
    build(tmp_path / "site", library)
    html = (tmp_path / "site" / "editions" / "2013.html").read_text(encoding="utf-8")
    assert (
        '<span class="cite-link" data-cite-href="editions/2013.html#2013/voluntary/practice/1">'
    ) in html
    assert "https://" not in html.split('id="2013/voluntary/practice/1"')[1].split("</li>")[0]


def test_a_bad_base_url_is_refused_before_anything_is_written(
    library: Library, tmp_path: Path
) -> None:
    """``--base-url example.org`` is a usage error, and no folder is made."""
    with pytest.raises(UsageError, match="absolute address"):
        build(tmp_path / "site", library, base_url="example.org")
    assert not (tmp_path / "site").exists()

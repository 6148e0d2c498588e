"""The HTML diff report of the real pairs, parsed: contents and summary linked to sections,
an anchor on every row (new id, or old id when removed, and the other id), both ids shown,
legend, a noise toggle without script, no long hashes."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from guidelines_model import Library
from guidelines_model.diff import DiffResult, diff
from guidelines_model.diff.render import render


class _Page(HTMLParser):
    """Ids, links, rows (with their anchors and text) and tags of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.tags: list[str] = []
        self.rows: list[dict[str, object]] = []
        self.inputs: list[dict[str, str | None]] = []
        self.labels: list[str | None] = []
        self._row: dict[str, object] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if a.get("id"):
            self.ids.append(a["id"] or "")
        if tag == "a" and (a.get("href") or "").startswith("#"):
            self.links.append((a["href"] or "")[1:])
        if tag == "input":
            self.inputs.append(a)
        if tag == "label":
            self.labels.append(a.get("for"))
        if tag == "tr" and a.get("id"):
            self._row = {"id": a["id"], "class": a.get("class"), "anchors": [], "text": ""}
            self.rows.append(self._row)
        elif tag == "span" and a.get("id") and self._row is not None:
            anchors = self._row["anchors"]
            assert isinstance(anchors, list)
            anchors.append(a["id"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr":
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._row is not None:
            self._row["text"] = str(self._row["text"]) + data


@pytest.fixture(scope="module", params=[("2013", "2019_supervisors"), ("2013", "who_2017")])
def pair(request: pytest.FixtureRequest, library: Library) -> DiffResult:
    """Each real pair."""
    old, new = request.param
    return diff(library.edition(old), library.edition(new))


def _parse(result: DiffResult) -> _Page:
    page = _Page()
    page.feed(render(result, "html"))
    return page


def test_every_row_is_anchored_by_its_ids(pair: DiffResult) -> None:
    """One row per change, id = new id (old id when removed), a second anchor for the old id,
    and both ids printed in the row."""
    page = _parse(pair)
    assert len(page.rows) == len(pair.changes)
    for row, c in zip(page.rows, pair.changes, strict=True):
        if c.new_id or c.old_id:
            assert row["id"] == (c.new_id or c.old_id)
            other = [c.old_id] if c.new_id and c.old_id and c.old_id != c.new_id else []
            pieces = [i for i in (*c.new_ids[1:], *c.old_ids) if i not in other]
            assert row["anchors"] == other + pieces
            for id_, name in ((c.old_id, "old"), (c.new_id, "new")):
                if id_:
                    assert f"{name}: {id_}" in str(row["text"])
        else:
            assert str(row["id"]).startswith(f"{c.part}/")


def test_ids_are_unique_and_every_link_lands(pair: DiffResult) -> None:
    """No id twice; every in-page link (contents, summary counts, row self-links) exists."""
    page = _parse(pair)
    assert len(page.ids) == len(set(page.ids))
    assert set(page.links) <= set(page.ids)
    sections = {i for i in page.ids if i.startswith("section-")}
    assert sections <= set(page.links)  # each section is in the contents
    assert {r["id"] for r in page.rows} <= set(page.links)  # each row links to itself


def test_summary_counts_link_to_their_sections(pair: DiffResult) -> None:
    """A non-zero count of a row with changes links to that row's section."""
    html = render(pair, "html")
    summary = html.split('<table class="summary">', 1)[1].split("</table>", 1)[0]
    assert '<a href="#section-voluntary">' in summary
    counts = re.findall(r'<td class="n"><a href="#(section-[^"]+)">(\d+)</a></td>', summary)
    assert counts
    assert all(int(n) > 0 for _, n in counts)


def test_headings_legend_and_noise_toggle(library: Library) -> None:
    """Headings in the guideline's words, a legend, a labelled checkbox that hides noise rows
    by CSS (no script); rows of noise are marked."""
    result = diff(library.edition("2013"), library.edition("2019_supervisors"))
    html = render(result, "html")
    page = _parse(result)
    assert "script" not in page.tags
    assert "<h2>Value 1 &quot;Peer support is voluntary&quot;</h2>" in html
    assert "<h2>Glossary</h2>" in html
    assert 'class="legend"' in html
    assert "␣ a changed space, ¶ a paragraph break" in html
    assert page.inputs == [{"type": "checkbox", "id": "hide-noise"}]
    assert page.labels == ["hide-noise"]
    assert "body:has(#hide-noise:checked) tr.noise{display:none}" in html
    noise = [r for r in page.rows if "noise" in str(r["class"])]
    assert 0 < len(noise) < len(page.rows)
    assert "2019_supervisors/voluntary/title" in {r["id"] for r in noise}  # capitals only


def test_no_long_hashes_unless_provenance(library: Library) -> None:
    """The 64-character hashes (provenance) are not printed by default."""
    result = diff(library.edition("2013"), library.edition("who_2017"))
    assert not re.search(r"[0-9a-f]{64}", render(result, "html"))
    shown = replace(result, include=frozenset({"provenance"}))
    assert re.search(r"[0-9a-f]{64}", render(shown, "html"))

"""The built site in a real browser: pages load cleanly, links resolve, search and toggles work."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag

import pytest

from guidelines_model import Footnote, Item, load_library
from guidelines_model.diff.spelling import canonical
from tests.site.conftest import ROOT, SCREENS, Watched

LIB = load_library(ROOT / "content")

VISIBLE = "els => els.filter(e => e.getClientRects().length > 0).length"


def _pages(site_dir: Path) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


def _fold(text: str) -> str:
    """What search.js does to texts and queries: no accents, straight quotes, lower case, and
    every word in the spelling its US and UK forms share."""
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    for a, b in (("‘", "'"), ("’", "'"), ("ʼ", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(a, b)
    return re.sub(r"[a-z]+", lambda m: canonical(m.group(0)), text.lower())


def _expected(site_dir: Path, query: str, edition: str = "") -> list[str]:
    """The result links search.js should show for ``query``, in order: the exact phrase, then
    every word, then some words; one result per id across editions."""
    index: dict[str, Any] = json.loads((site_dir / "search-index.json").read_text("utf-8"))
    terms = _fold(query).split()
    phrase = " ".join(terms)
    scored = []
    for order, n in enumerate(index["nodes"]):
        if edition and n["edition"] != edition:
            continue
        hay = _fold(f"{n['text']} {n['id']} {n['edition']}")
        found = sum(t in hay for t in terms)
        score = 3 if phrase in _fold(n["text"]) else 2 if found == len(terms) else found and 1
        if score:
            scored.append((-score, order, n))
    out, seen = [], set()
    for _, _, n in sorted(scored, key=lambda s: (s[0], s[1])):
        group = n["id"].split("/", 1)[1] if "/" in n["id"] else n["id"]
        if group not in seen:
            seen.add(group)
            out.append(f"{index['editions'][n['edition']]['url']}#{n['id']}")
    return out


def test_every_page_loads_cleanly(watched: Watched, site_dir: Path) -> None:
    """Every page loads with no console error, no failed or outside request, and a sound shell."""
    pages = _pages(site_dir)
    assert len(pages) == 24 + len(LIB.edition("2013").values)  # + a history page per value
    for path in pages:
        page = watched.open(path)
        shell = page.evaluate(
            """() => ({
                lang: document.documentElement.lang,
                h1: document.querySelectorAll('h1').length,
                main: document.querySelectorAll('main#main').length,
                skip: document.querySelector('body a')?.getAttribute('href'),
                title: document.title,
                ids: Array.from(document.querySelectorAll('[id]'), e => e.id),
            })"""
        )
        assert shell["lang"] == "en", path
        assert shell["h1"] == 1, path
        assert shell["main"] == 1, path
        assert shell["skip"] == "#main", path
        assert shell["title"], path
        assert len(shell["ids"]) == len(set(shell["ids"])), f"{path}: duplicate ids"
    assert watched.problems == []


def test_every_internal_link_and_anchor_resolves(watched: Watched, site_dir: Path) -> None:
    """Each internal link on every page reaches a file, and each #fragment an element there."""
    base = watched.base
    links: dict[str, set[str]] = {}
    for path in _pages(site_dir):
        page = watched.open(path)
        hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")
        for href in hrefs:
            if href.startswith(base):
                links.setdefault(path, set()).add(href)
    targets: dict[str, set[str] | None] = {}
    followed = anchors = 0
    for path, hrefs in sorted(links.items()):
        for href in sorted(hrefs):
            url, fragment = urldefrag(href)
            if url not in targets:
                if url.endswith(".html"):
                    page = watched.open(url[len(base) :])
                    ids = page.eval_on_selector_all("[id]", "es => es.map(e => e.id)")
                    targets[url] = set(ids)
                else:
                    response = watched.page.request.get(url)
                    assert response.ok, f"{path}: {href}"
                    targets[url] = None
            followed += 1
            if fragment:
                ids = targets[url]
                assert ids is not None, f"{path}: {href}"
                assert unquote(fragment) in ids, f"{path}: {href}"
                anchors += 1
    print(f"{followed} internal links followed, {anchors} anchors found, {len(targets)} targets")
    assert followed > 1000
    assert anchors > 500
    assert watched.problems == []


def test_permanent_anchor_opens_at_the_item(watched: Watched) -> None:
    """``editions/2013.html#2013/voluntary/practice/3`` scrolls to that item, highlighted."""
    id_ = "2013/voluntary/practice/3"
    page = watched.open(f"editions/2013.html#{id_}")
    info = page.evaluate(
        """id => {
            const el = document.getElementById(id);
            const r = el.getBoundingClientRect();
            const copy = el.cloneNode(true);
            copy.querySelectorAll('.pl, .hist, .cite').forEach(a => a.remove());
            return {target: el.matches(':target'), top: r.top, height: innerHeight,
                    text: copy.textContent, lang: el.closest('[lang]').lang};
        }""",
        id_,
    )
    assert info["target"]
    assert 0 <= info["top"] < info["height"]
    assert info["text"] == LIB.get(id_, Item).text
    assert info["lang"] == "en-US"
    who = watched.open("editions/who_2017.html")
    assert who.get_attribute("article.edition", "lang") == "en-GB"
    assert watched.problems == []


def test_search_filters_as_you_type(watched: Watched, site_dir: Path) -> None:
    """Typing narrows the results to the texts holding every word; results link to anchors."""
    page = watched.open("search.html")
    results = page.locator("#results a.result-link")
    page.locator("#q").press_sequentially("coerc", delay=15)
    expected = _expected(site_dir, "coerc")
    assert 3 < len(expected) < 100
    page.wait_for_function(
        f"document.querySelectorAll('#results a.result-link').length === {len(expected)}"
    )
    assert [results.nth(i).get_attribute("href") for i in range(len(expected))] == expected
    assert page.locator("#search-status").inner_text() == f"{len(expected)} results."
    page.select_option("#edition", "2013")
    only = _expected(site_dir, "coerc", "2013")
    page.wait_for_function(
        f"document.querySelectorAll('#results a.result-link').length === {len(only)}"
    )
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(len(only))]
    assert hrefs == only
    assert all(h.startswith("editions/2013.html#") for h in hrefs)
    assert "edition=2013" in page.url
    page.locator("#q").fill("zzzqqq")
    page.wait_for_function("document.querySelectorAll('#results a').length === 0")
    assert page.locator("#search-status").inner_text() == "No text contains “zzzqqq”."
    assert watched.problems == []


def test_header_search_leads_to_results_and_the_text(watched: Watched, site_dir: Path) -> None:
    """The search box of any page opens the search with its words; a result opens the text."""
    page = watched.open("index.html")
    page.fill("#site-q", "honest direct")
    page.press("#site-q", "Enter")
    page.wait_for_url("**/search.html?q=honest+direct")
    expected = _expected(site_dir, "honest direct")
    page.wait_for_function(
        f"document.querySelectorAll('#results a.result-link').length === {len(expected)}"
    )
    assert page.input_value("#q") == "honest direct"
    first = page.locator("#results a.result-link").first
    marks = first.locator("mark").all_inner_texts()
    assert {m.lower() for m in marks} >= {"honest", "direct"}
    first.click()
    page.wait_for_load_state("load")
    target = unquote(page.url.split("#", 1)[1])
    assert expected[0].endswith("#" + target)
    assert page.evaluate("id => document.getElementById(id).matches(':target')", target)
    assert watched.problems == []


@pytest.mark.parametrize(
    ("path", "noise", "diff"),
    [
        ("compare/2013-to-2019_supervisors.html", "tr.change.noise", "tr.change:not(.noise)"),
        # honest-direct: 2019 adds a comma (punctuation); capitals-only cells are drawn quietly
        ("values/honest-direct.html", "td.noise .diff", "td.noise .plain"),
    ],
)
def test_noise_toggle_hides_and_shows(watched: Watched, path: str, noise: str, diff: str) -> None:
    """The checkbox (by keyboard) hides changes that are only spelling or punctuation noise."""
    page = watched.open(path)
    box = page.locator("#hide-noise")
    assert box.is_visible()
    total = page.locator(noise).count()
    others = page.locator(diff).count()
    assert total > 0
    assert others > 0
    before = (page.eval_on_selector_all(noise, VISIBLE), page.eval_on_selector_all(diff, VISIBLE))
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    after = (page.eval_on_selector_all(noise, VISIBLE), page.eval_on_selector_all(diff, VISIBLE))
    page.keyboard.press("Space")
    again = (page.eval_on_selector_all(noise, VISIBLE), page.eval_on_selector_all(diff, VISIBLE))
    if path.startswith("compare"):
        assert before == (total, others)
        assert after == (0, others)
    else:  # a noise cell shows its highlighted diff, or its plain text when noise is hidden
        assert before == (total, 0)
        assert after == (0, others)
    assert again == before
    assert watched.problems == []


def test_skip_link_and_keyboard(watched: Watched) -> None:
    """The first Tab reaches the visible skip link; Enter moves to the main content."""
    page = watched.open("index.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    # The navigation to the fragment and the focus move land after the key event: wait for them.
    page.wait_for_url("**/index.html#main", timeout=5000)
    page.wait_for_function("document.activeElement && document.activeElement.id === 'main'")
    assert page.url.endswith("#main")
    assert page.evaluate("document.activeElement.id") == "main"
    assert watched.problems == []


def test_checklist_prints_without_navigation(watched: Watched) -> None:
    """In print, the checklist keeps its items and checkboxes and drops the site's chrome."""
    page = watched.open("checklist.html")
    items = sum(
        len(v.supervisor.items) for v in LIB.edition("2019_supervisors").values if v.supervisor
    )
    assert page.locator(".checklist input[type=checkbox]").count() == items
    page.locator(".checklist input[type=checkbox]").first.check()
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator(".tools").is_visible()
    assert page.locator(".print-fields").is_visible()
    assert page.locator(".checklist input[type=checkbox]").first.is_visible()
    assert page.locator(".checklist .tick").first.is_visible()  # a character, not a background
    assert not page.locator(".checklist .tick").nth(1).is_visible()
    assert page.locator(".checklist .notes-line").first.is_visible()
    assert not page.locator("p.lead").is_visible()  # the on-screen instructions
    assert watched.problems == []


def test_checklist_prints_one_value_a_page(watched: Watched) -> None:
    """The printed checklist (A4): twelve values on twelve pages, so none is split."""
    page = watched.open("checklist.html")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 12


def test_checklist_ticks_are_kept_until_cleared(watched: Watched) -> None:
    """Ticks survive a reload (local storage); "Clear my ticks" clears them; entries are
    addressable by their guideline id."""
    page = watched.open("checklist.html")
    first = "2019_supervisors/voluntary/supervisor/1"
    page.check(f"[name='{first}']")
    page.reload(wait_until="load")
    assert page.is_checked(f"[name='{first}']")
    page.click("[data-clear-ticks]")
    page.reload(wait_until="load")
    assert not page.is_checked(f"[name='{first}']")
    page = watched.open(f"checklist.html#{first}")
    assert page.evaluate("id => document.getElementById(id).matches(':target')", first)
    assert watched.problems == []


@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_no_violation_on_any_page(watched: Watched, site_dir: Path, width: int) -> None:
    """axe-core audits every page, on a phone and a desktop: no accessibility violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    watched.page.set_viewport_size({"width": width, "height": 900})
    found: dict[str, list[str]] = {}
    for path in _pages(site_dir):
        result = axe.run(watched.open(path))
        violations = [v["id"] for v in result.response["violations"]]
        if violations:
            found[path] = violations
    assert found == {}


def test_every_page_is_screenshot_at_both_widths(watched: Watched, site_dir: Path) -> None:
    """A full-page screenshot of every page at 390 and 1,280 px under build/site-screens/, to
    read as a reader would."""
    out = SCREENS / "pages"
    out.mkdir(parents=True, exist_ok=True)
    for width in (390, 1280):
        watched.page.set_viewport_size({"width": width, "height": 900})
        for path in _pages(site_dir):
            name = path.removesuffix(".html").replace("/", "-")
            shot = out / f"{name}-{width}.png"
            watched.open(path).screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 5_000
    assert watched.problems == []


def test_screenshots(watched: Watched) -> None:
    """Screenshots of the main pages, to look at, under build/site-screens/."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    shots = {
        "home": "index.html",
        "edition-2013": "editions/2013.html",
        "edition-2019-value": "editions/2019_supervisors.html#2019_supervisors/voluntary",
        "compare-2013-to-2019": "compare/2013-to-2019_supervisors.html",
        "value-voluntary": "values/voluntary.html",
        "checklist": "checklist.html",
        "search": "search.html?q=choice",
    }
    for name, path in shots.items():
        page = watched.open(path)
        page.screenshot(path=str(SCREENS / f"{name}.png"))
        assert (SCREENS / f"{name}.png").stat().st_size > 10_000
    page = watched.open("index.html")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(SCREENS / "home-phone.png"))
    assert watched.problems == []


@pytest.mark.parametrize("width", [320, 390, 1280, 1440])
def test_no_page_is_wider_than_the_screen(watched: Watched, site_dir: Path, width: int) -> None:
    """Every page fits the viewport from a small phone to a wide screen: wide tables scroll
    inside their own box or stack, long URLs break."""
    watched.page.set_viewport_size({"width": width, "height": 900})
    too_wide = {}
    for path in _pages(site_dir):
        page = watched.open(path)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            too_wide[path] = scroll
    assert too_wide == {}
    assert watched.problems == []


def test_on_a_phone_the_title_comes_before_the_folded_contents(watched: Watched) -> None:
    """At 390 px the contents list is folded, so the document's title is near the top."""
    watched.page.set_viewport_size({"width": 390, "height": 844})
    page = watched.open("editions/2019_supervisors.html")
    assert page.evaluate("document.querySelector('details.toc-fold').open") is False
    title_top = page.evaluate("document.querySelector('article h1').getBoundingClientRect().top")
    assert title_top < 844
    page.click("details.toc-fold > summary")
    assert page.evaluate("document.querySelector('details.toc-fold').open") is True
    watched.page.set_viewport_size({"width": 1280, "height": 900})
    page = watched.open("editions/2019_supervisors.html")
    assert page.evaluate("document.querySelector('details.toc-fold').open") is True


def test_derived_texts_are_labelled_and_come_after_the_guidelines(watched: Watched) -> None:
    """The training course's summaries are named as derived, after the guideline texts."""
    page = watched.open("values/voluntary.html")
    order = page.evaluate(
        "document.querySelector('#collation').compareDocumentPosition("
        "document.querySelector('section.derived'))"
    )
    assert order & 4  # DOCUMENT_POSITION_FOLLOWING: the derived text comes after the table
    assert "Not part of the guidelines" in page.inner_text("section.derived")
    home = watched.open("index.html")
    assert "it is not part of the guidelines" in home.inner_text("#values")


def _results(page: Any, query: str) -> list[dict[str, Any]]:
    page.fill("#q", query)
    page.wait_for_function("document.getElementById('search-status').textContent !== ''")
    found: list[dict[str, Any]] = page.evaluate(
        """() => [...document.querySelectorAll('#results > li')].map(li => ({
            href: li.querySelector('a.result-link').getAttribute('href'),
            text: li.querySelector('.result-text').textContent,
            marks: [...li.querySelectorAll('.result-text mark')].map(m => m.textContent),
            also: [...li.querySelectorAll('a.also')].map(a => a.textContent),
        }))"""
    )
    return found


def test_search_folds_spellings_and_quotes_and_marks_every_match(
    watched: Watched, site_dir: Path
) -> None:
    """US and UK spellings find the same texts; curly and straight quotes too; every matching
    word is highlighted."""
    page = watched.open("search.html")
    uk, us = _results(page, "behavioural"), _results(page, "behavioral")
    assert uk == us
    assert len(uk) == len(_expected(site_dir, "behavioural")) > 2
    for r in _results(page, "don't"):
        occurrences = len(re.findall(r"don[’']t", r["text"], re.IGNORECASE))
        assert len(r["marks"]) >= occurrences > 0
    assert watched.problems == []


def test_search_ranks_the_phrase_first_and_groups_editions(
    watched: Watched, site_dir: Path
) -> None:
    """The exact phrase comes first, then every word, then some; one result per id, listing
    the other editions that have it."""
    page = watched.open("search.html")
    hits = _results(page, "peer support")
    assert [h["href"] for h in hits] == _expected(site_dir, "peer support")[:100]
    phrase = [i for i, h in enumerate(hits) if "peer support" in _fold(h["text"])]
    assert phrase == list(range(len(phrase)))  # every phrase hit before any other
    item = _results(page, "Peer supporters do not force or coerce others to participate")
    assert item[0]["href"].endswith("#2013/voluntary/practice/1")
    assert set(item[0]["also"]) >= {"WHO 2017", "2019 Supervisors"}
    assert watched.problems == []


def test_deep_links_land_on_rows_and_unknown_ids_say_so(watched: Watched) -> None:
    """Value-page cells and comparison rows answer to their guideline ids; a jump shows the
    value's heading with its item; an unknown id gets a notice with a search link."""
    page = watched.open(
        "values/mutual-reciprocal.html#2019_supervisors/mutual-reciprocal/practice/2"
    )
    target = "2019_supervisors/mutual-reciprocal/practice/2"
    assert page.evaluate("id => document.getElementById(id).matches(':target')", target)
    page = watched.open(
        "compare/2013-to-2019_supervisors.html#2019_supervisors/honest-direct/practice/4"
    )
    assert page.evaluate(
        "id => document.getElementById(id).tagName", "2019_supervisors/honest-direct/practice/4"
    ) in {"TR", "SPAN"}
    page = watched.open("editions/2013.html#2013/voluntary/practice/3")
    page.wait_for_timeout(100)
    heading_top = page.evaluate(
        "document.getElementById('2013/voluntary').querySelector('h3, h2').getBoundingClientRect().top"
    )
    item = page.evaluate(
        "document.getElementById('2013/voluntary/practice/3').getBoundingClientRect()"
    )
    assert 0 <= heading_top < item["top"] < 900
    page = watched.open("editions/2013.html#2013/voluntary/practice/99")
    page.wait_for_selector("#missing-id")
    assert "2013/voluntary/practice/99" in page.inner_text("#missing-id")
    assert (
        page.get_attribute("#missing-id a", "href") == "../search.html?q=voluntary%20practice%2099"
    )
    assert watched.problems == []


def test_column_headers_stay_in_view(watched: Watched) -> None:
    """Scrolled down the longest table of a value page or a comparison, its column headers
    are still at the top of the screen."""
    for path in ("values/honest-direct.html", "compare/2013-to-2019_supervisors.html"):
        page = watched.open(path)
        top = page.evaluate(
            """() => {
                const tables = [...document.querySelectorAll('table.collation, table.changes')];
                const t = tables.reduce((a, b) => (b.rows.length > a.rows.length ? b : a));
                const last = t.tBodies[0].rows[t.tBodies[0].rows.length - 1];
                window.scrollTo(0, last.getBoundingClientRect().top + window.scrollY - 200);
                return [t.getBoundingClientRect().top, t.tHead.rows[0].cells[0].getBoundingClientRect().top];
            }"""
        )
        table_top, header_top = top
        assert table_top < 0, path  # the table's start has scrolled away
        assert 0 <= header_top < 5, path
    assert watched.problems == []


def test_footnote_markers_link_to_their_notes_and_back(watched: Watched) -> None:
    """A marker in the text opens its footnote, in view; the note's back link returns to the
    marker, in view (2019: "ADVOCACY2" in the glossary, "the U.S.1" in the introduction)."""
    page = watched.open("editions/2019_supervisors.html")
    for note in (
        "2019_supervisors/glossary/advocacy/footnote/2",
        "2019_supervisors/front/introduction/footnote/1",
    ):
        ref = f"{note}/ref"
        page.click(f'[id="{ref}"]')
        page.wait_for_function("id => location.hash === '#' + id", arg=note)
        seen = page.evaluate(
            """id => { const el = document.getElementById(id), r = el.getBoundingClientRect();
                       return {target: el.matches(':target'), top: r.top, h: innerHeight,
                               text: el.textContent}; }""",
            note,
        )
        assert seen["target"]
        assert 0 <= seen["top"] < seen["h"]
        assert seen["text"] == LIB.get(note, Footnote).text
        page.click(f'a.fnback[href="#{ref}"]')
        page.wait_for_function("id => location.hash === '#' + id", arg=ref)
        back = page.evaluate(
            "id => [document.getElementById(id).getBoundingClientRect().top, innerHeight]", ref
        )
        assert 0 <= back[0] < back[1]
    assert watched.problems == []


def test_a_history_link_lands_on_the_timeline_of_the_item(watched: Watched) -> None:
    """An item's "history" link on an edition page opens its value's history at the item's
    timeline: every edition in year order, the move to 2019's item 4, and from a value page's
    row, the removal of honest-direct item 4 shown as "Not in this edition"."""
    page = watched.open("editions/2013.html")
    item = page.locator('[id="2013/strengths-focused/practice/5"]')
    item.locator("a.hist").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("history/strengths-focused.html#2013/strengths-focused/practice/5")
    section = page.locator('[id="2013/strengths-focused/practice/5"]')
    assert page.evaluate(
        "id => document.getElementById(id).matches('section.lineage:target')",
        "2013/strengths-focused/practice/5",
    )
    box = section.bounding_box()
    assert box is not None
    assert 0 <= box["y"] < 900
    steps = section.locator("li.step")
    assert steps.count() == 3
    heads = [steps.nth(i).locator(".step-edition").inner_text() for i in range(3)]
    assert heads == ["2013", "WHO 2017", "2019 Supervisors"]
    last = steps.nth(2).inner_text()
    assert "moved from 2013" in last
    assert "2019_supervisors/strengths-focused/practice/4" in last
    # Any edition's id deep-links to its step of the same timeline.
    later = "2019_supervisors/strengths-focused/practice/4"
    page = watched.open(f"history/strengths-focused.html#{later}")
    assert (
        page.evaluate(
            "id => { const el = document.getElementById(id); return el.matches('li.step:target') "
            "&& el.closest('section.lineage').id; }",
            later,
        )
        == "2013/strengths-focused/practice/5"
    )

    page = watched.open("values/honest-direct.html")
    row = page.locator("tr", has=page.locator('[id="2013/honest-direct/practice/4"]'))
    row.locator("a.hist").click()
    page.wait_for_load_state("load")
    section = page.locator('[id="2013/honest-direct/practice/4"]')
    assert page.evaluate(
        "id => document.getElementById(id).matches(':target')", "2013/honest-direct/practice/4"
    )
    removed = section.locator("li.step.is-removed")
    assert removed.locator(".hist-kind").inner_text() == "removed from 2013"
    assert removed.locator(".step-absent").inner_text() == "Not in this edition"
    assert watched.problems == []

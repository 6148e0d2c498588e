"""The Cite controls in a browser: opened by keyboard, the citation copied with its pinpoint
and permanent link, or selected to copy by hand where the clipboard cannot be written."""

from __future__ import annotations

from tests.site.conftest import Watched

ITEM = "2019_supervisors/voluntary/supervisor/2"
SUMMARY = f'li[id="{ITEM}"] details.cite > summary'


def test_cite_by_keyboard_copies_pinpoint_and_link(watched: Watched) -> None:
    """Enter on "Cite" opens the control and copies the APA citation: the pinpoint, and the
    link to the item on this site (the build had no base URL: the page's own address)."""
    watched.page.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=watched.base.rstrip("/")
    )
    page = watched.open("editions/2019_supervisors.html")
    page.focus(SUMMARY)
    page.keyboard.press("Enter")
    box = page.locator(f'li[id="{ITEM}"] details.cite')
    assert box.get_attribute("open") is not None
    status = box.locator(".cite-status")
    status.filter(has_text="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    link = f"{watched.base}editions/2019_supervisors.html#{ITEM}"
    assert copied == (
        "International Association of Peer Supporters (iNAPS). (2019). Value 1, supervisor item 2. "
        f"In National Practice Guidelines for Peer Specialists and Supervisors. {link}"
    )
    assert box.locator(".cite-text").inner_text().endswith(link)
    # Space closes it again, as on any details element.
    page.keyboard.press(" ")
    assert box.get_attribute("open") is None
    assert watched.problems == []


def test_without_a_clipboard_the_citation_is_selected(watched: Watched) -> None:
    """Where the clipboard API is missing, the open control selects the citation and says how
    to copy it."""
    watched.page.add_init_script(
        "Object.defineProperty(navigator, 'clipboard', {value: undefined})"
    )
    page = watched.open("values/voluntary.html")
    summary = f'td[id="{ITEM}"] details.cite > summary'
    page.focus(summary)
    page.keyboard.press("Enter")
    box = page.locator(f'td[id="{ITEM}"] details.cite')
    box.locator(".cite-status").filter(has_text="Ctrl+C").wait_for()
    selected = page.evaluate("String(window.getSelection())")
    assert "Value 1, supervisor item 2" in selected
    assert f"editions/2019_supervisors.html#{ITEM}" in selected
    assert watched.problems == []


def test_an_open_citation_fits_a_phone(watched: Watched) -> None:
    """At 390 px an open Cite control, long link and all, stays within the screen."""
    watched.page.set_viewport_size({"width": 390, "height": 844})
    page = watched.open("editions/who_2017.html")
    page.locator("details.cite > summary").first.click()
    page.evaluate("document.querySelectorAll('details.cite').forEach(d => d.open = true)")
    widest = page.evaluate(
        """() => Math.max(...Array.from(document.querySelectorAll('.cite-body'), b =>
            Math.max(b.getBoundingClientRect().right, b.getBoundingClientRect().left + b.scrollWidth)))"""
    )
    assert 0 < widest <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_each_edition_has_a_cite_page_with_downloads(watched: Watched) -> None:
    """The edition page links its Cite page; the page offers BibTeX, RIS and CSL-JSON."""
    page = watched.open("editions/who_2017.html")
    page.get_by_role("link", name="Cite this edition (BibTeX, RIS, CSL-JSON)").click()
    page.wait_for_url("**/cite/who_2017.html")
    for name, ext in (("BibTeX", "bib"), ("RIS", "ris"), ("CSL-JSON", "json")):
        href = page.get_by_role("link", name=name, exact=True).get_attribute("href")
        assert href == f"who_2017.{ext}"
        assert watched.page.request.get(f"{watched.base}cite/{href}").ok
    assert "WHO/MSD/MHP/17.12" in page.locator(".cite-styles").inner_text()
    assert watched.problems == []

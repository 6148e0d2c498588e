"""The HTML diff report in Chromium: no horizontal scrolling at 1280 px and a noise toggle that
works by keyboard, with JavaScript on and off (run with GUIDELINES_BROWSER_TESTS=1)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from guidelines_model import load_library
from guidelines_model.diff import diff
from guidelines_model.diff.render import render

if TYPE_CHECKING:  # the browser session installs Playwright; the test session does not
    from playwright.sync_api import Browser

VISIBLE_NOISE = (
    "() => [...document.querySelectorAll('tr.noise')].filter(r => r.offsetParent !== null).length"
)


@pytest.mark.parametrize("scripts", [True, False])
@pytest.mark.parametrize(
    ("new", "anchor"),
    [
        ("2019_supervisors", "2013/strengths-focused/practice/5"),  # moved to item 4
        ("who_2017", "2013/voluntary/practice/4"),  # reworded
    ],
)
def test_report_fits_1280_and_hides_noise_by_keyboard(
    browser: Browser, tmp_path: Path, new: str, anchor: str, scripts: bool
) -> None:
    """At 1280 px nothing scrolls sideways; Space on the focused checkbox hides every noise
    row and Space again shows them; an id in the address opens at its row."""
    lib = load_library()
    report = tmp_path / "diff.html"
    report.write_text(render(diff(lib.edition("2013"), lib.edition(new)), "html"), "utf-8")
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=scripts
    )
    page = context.new_page()
    page.goto(report.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    noise = page.evaluate(VISIBLE_NOISE)
    assert noise > 0
    page.focus("#hide-noise")
    page.keyboard.press("Space")
    assert page.evaluate(VISIBLE_NOISE) == 0
    page.keyboard.press("Space")
    assert page.evaluate(VISIBLE_NOISE) == noise
    assert page.locator(f'[id="{anchor}"]').count() == 1
    page.goto(report.as_uri() + "#" + anchor)
    assert page.evaluate("window.scrollY") > 0
    context.close()

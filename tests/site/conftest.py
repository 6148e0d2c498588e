"""Browser tests of the static site: Playwright for Python driving Debian's Chromium.

They run only with ``GUIDELINES_BROWSER_TESTS=1`` (``python -m nox -s browser`` sets it) and are
skipped, with the reason, when Playwright, Jinja2 or ``/usr/bin/chromium`` is missing.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from guidelines_model import load_library

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SCREENS = ROOT / "build" / "site-screens"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("GUIDELINES_BROWSER_TESTS") == "1":
        return
    skip = pytest.mark.skip(
        reason="browser tests run only with GUIDELINES_BROWSER_TESTS=1 (python -m nox -s browser)"
    )
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the real content into a temporary folder."""
    pytest.importorskip("jinja2", reason="the site needs the 'site' extra (pip install -e .[site])")
    from guidelines_model.site import build

    out = tmp_path_factory.mktemp("site") / "site"
    build(out, load_library(ROOT / "content"))
    return out


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The site served on localhost by the standard library, on a free port."""
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium from Debian's package (Playwright's own download is not used)."""
    if importlib.util.find_spec("playwright") is None:
        pytest.skip("playwright is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@dataclass
class Watched:
    """A page whose console errors, failed requests and foreign requests are recorded."""

    page: Page
    base: str
    problems: list[str] = field(default_factory=list)

    def open(self, path: str) -> Page:
        self.page.goto(self.base + path, wait_until="load")
        return self.page


@pytest.fixture
def watched(browser: Browser, base_url: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    w = Watched(page, base_url)

    def console(msg: ConsoleMessage) -> None:
        if msg.type in ("error", "warning"):
            w.problems.append(f"console {msg.type}: {msg.text}")

    def request(req: Request) -> None:
        if not req.url.startswith((base_url, "data:")):
            w.problems.append(f"request outside the site: {req.url}")

    def response(res: Response) -> None:
        if res.status >= 400:
            w.problems.append(f"HTTP {res.status}: {res.url}")

    page.on("console", console)
    page.on("pageerror", lambda exc: w.problems.append(f"page error: {exc}"))
    page.on("requestfailed", lambda req: w.problems.append(f"request failed: {req.url}"))
    page.on("request", request)
    page.on("response", response)
    yield w
    context.close()

"""Permanent links: the website's page of a document, with a node's id as the anchor.

The site (``site/context.py``) builds its links with :func:`edition_path`, and citations build
their permanent links with the same function, so a cited link always lands on the sentence.
"""

from __future__ import annotations

from urllib.parse import quote

from guidelines_model.model.errors import UsageError
from guidelines_model.model.ids import edition_of


def edition_path(id_: str) -> str:
    """The site-root-relative page of a document: ``editions/2013.html``."""
    return f"editions/{id_}.html"


def base_url(url: str) -> str:
    """``url`` as a site root to join paths to (one trailing ``/``); a :class:`UsageError` if
    it is not an absolute http(s) address."""
    if not url.startswith(("https://", "http://")) or len(url.split("//", 1)[1]) == 0:
        raise UsageError(
            f"base URL {url!r}: expected the website's absolute address, "
            "e.g. https://example.org/guidelines/"
        )
    if any(c.isspace() or c in '#?<>"{}|\\^`' for c in url):
        raise UsageError(
            f"base URL {url!r}: a site's address has no spaces, no query or fragment "
            "('?', '#') and no characters a link cannot hold (< > \" { } | \\ ^ `)"
        )
    return url.rstrip("/") + "/"


def permalink(base: str, id_: str) -> str:
    """The absolute permanent link of a node (or of a document's page, for its id)."""
    page = base_url(base) + edition_path(edition_of(id_))
    if "/" not in id_:
        return page
    return f"{page}#{quote(id_, safe='/_-.')}"

"""Citations on the website: a "Cite" control beside every value and item, and a page per
edition to download its BibTeX, RIS and CSL-JSON.

Every citation is rendered here, at build time (APA, by citeproc-py: no CSL processor runs in
the browser), with the site's base URL when the build is given one (``--base-url``): then the
citation ends with the permanent link to the exact sentence. Without a base URL the control
carries the link relative to the site, and ``static/cite.js`` writes it out as the page's own
address.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from guidelines_model.cite import Style, csl_items, render, to_bibtex, to_csl_json, to_ris
from guidelines_model.cite.links import edition_path
from guidelines_model.site._env import Writer
from guidelines_model.site.context import short_label

#: The nodes that get a Cite control: those the edition page gives a permanent link (#).
CITED_KINDS = frozenset(
    {
        "value",
        "practice-item",
        "supervisor-item",
        "glossary-entry",
        "key-objective",
        "competency",
        "competency-item",
        "interview-question",
    }
)
STYLE_LABELS: dict[Style, str] = {
    "apa": "APA (7th edition)",
    "chicago": "Chicago (author-date)",
    "harvard": "Harvard (Cite Them Right)",
}


@dataclass(frozen=True, slots=True)
class SiteCitation:
    """One pre-rendered citation: what the Cite control shows and copies."""

    id: str
    #: Where it is, in the edition's words ("Value 7, practice item 2").
    pinpoint: str
    #: The edition's short label ("2019 Supervisors"), for the control's accessible name.
    edition: str
    #: The APA reference as HTML (escaped; the link an ``<a>``).
    html: Markup
    #: The site-root-relative link, when the build has no base URL (written out by cite.js).
    href: str | None


def citations(w: Writer) -> dict[str, SiteCitation]:
    """The citation of every value and item of every edition, by id."""
    site = w.site
    out: dict[str, SiteCitation] = {}
    for e in site.editions:
        ids = [n.id for n in e.nodes() if n.kind in CITED_KINDS]
        items = csl_items(site.lib, ids, site.base_url)
        for item, html in zip(items, render(items, "apa", "html"), strict=True):
            id_ = item["id"]
            href = None if site.base_url else f"{edition_path(e.id)}#{id_}"
            out[id_] = SiteCitation(id_, item["title"], short_label(e), Markup(html), href)
    return out


def write_cite_pages(w: Writer) -> None:
    """``cite/<id>.html`` for every edition, with its BibTeX, RIS and CSL-JSON beside it: the
    edition first, then every value and item the edition page offers to cite."""
    site = w.site
    for e in site.editions:
        ids = [e.id, *(n.id for n in e.nodes() if n.kind in CITED_KINDS)]
        items = csl_items(site.lib, ids, site.base_url)
        w.file(f"cite/{e.id}.bib", to_bibtex(items))
        w.file(f"cite/{e.id}.ris", to_ris(items))
        w.file(f"cite/{e.id}.json", to_csl_json(items))
        styles = [
            (label, Markup(render(items[:1], style, "html")[0]))
            for style, label in STYLE_LABELS.items()
        ]
        w.page(
            f"cite/{e.id}.html",
            "cite.html.j2",
            e.id,
            title=f"Cite {e.title}",
            doc=e,
            label=short_label(e),
            styles=styles,
            entries=len(items),
        )

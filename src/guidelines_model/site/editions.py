"""One page per edition and derivative: the document as published, with a contents list."""

from __future__ import annotations

from markupsafe import Markup

from guidelines_model.export.html import article_html, lang_of
from guidelines_model.export.json import to_json
from guidelines_model.export.markdown import to_markdown
from guidelines_model.model.documents import Derivative
from guidelines_model.site._env import Writer
from guidelines_model.site.context import (
    compare_path,
    counts,
    edition_path,
    kind_label,
    short_label,
)
from guidelines_model.site.history import history_links
from guidelines_model.site.outline import outline


def articles(w: Writer) -> dict[str, str]:
    """Render every document's article once; record the ids it carries as the site's anchors."""
    out: dict[str, str] = {}
    for doc in w.site.documents:
        html = article_html(doc)
        w.site.anchors.update(outline(html)[1])
        out[doc.id] = html
    return out


def write_editions(w: Writer, rendered: dict[str, str]) -> None:
    """``editions/<id>.html`` for every edition and derivative, with Markdown and JSON beside."""
    site = w.site
    for doc in site.documents:
        html = rendered[doc.id]
        entries, _ = outline(html)
        compare = [
            (compare_path(old.id, new.id), f"Changes from {short_label(old)} to {short_label(new)}")
            for old, new in site.pairs
            if doc.id in (old.id, new.id)
        ]
        base = doc.derived_from if isinstance(doc, Derivative) else doc.based_on
        w.page(
            edition_path(doc.id),
            "edition.html.j2",
            doc.id,
            title=doc.title,
            doc=doc,
            kind=kind_label(doc),
            label=short_label(doc),
            lang=lang_of(doc),
            counts=counts(doc),
            toc=entries,
            article=Markup(history_links(site, html)),
            compare=compare,
            base=site.lib.editions.get(base) if base else None,
        )
        w.file(f"editions/{doc.id}.md", to_markdown(doc))
        w.file(f"editions/{doc.id}.json", to_json(doc))

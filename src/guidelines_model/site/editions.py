"""One page per edition and derivative: the document as published, with a contents list."""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import unescape

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
from guidelines_model.site.outline import outline


def articles(w: Writer) -> dict[str, str]:
    """Render every document's article once; record the ids it carries as the site's anchors."""
    out: dict[str, str] = {}
    for doc in w.site.documents:
        html = article_html(doc)
        w.site.anchors.update(outline(html)[1])
        out[doc.id] = html
    return out


#: A node's permalink (export.html.permalink), and the heading it ends, if any.
_PERMALINK = re.compile(r'(<a class="pl" href="#([^"]+)"[^>]*>#</a>)(</h[1-6]>)?')


def beside_permalinks(article: str, inline: Mapping[str, str], after: Mapping[str, str]) -> str:
    """``article`` with ``inline[id]`` right after each node's permalink and ``after[id]``
    after that (after the heading the permalink ends, if it ends one: a heading holds no
    ``<details>``), in one pass over the article."""

    def put(m: re.Match[str]) -> str:
        id_ = unescape(m.group(2))
        return m.group(1) + inline.get(id_, "") + (m.group(3) or "") + after.get(id_, "")

    return _PERMALINK.sub(put, article)


def write_editions(
    w: Writer,
    rendered: dict[str, str],
    inline: Mapping[str, str] | None = None,
    after: Mapping[str, str] | None = None,
) -> None:
    """``editions/<id>.html`` for every edition and derivative, with Markdown and JSON beside;
    ``inline`` and ``after`` are put beside the permalinks (:func:`beside_permalinks`)."""
    site = w.site
    for doc in site.documents:
        html = beside_permalinks(rendered[doc.id], inline or {}, after or {})
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
            article=Markup(html),
            compare=compare,
            base=site.lib.editions.get(base) if base else None,
        )
        w.file(f"editions/{doc.id}.md", to_markdown(doc))
        w.file(f"editions/{doc.id}.json", to_json(doc))

"""The client-side search: an index of every text, and the page that filters it as you type."""

from __future__ import annotations

import json
from typing import Any

from guidelines_model.diff.spelling import spelling_data
from guidelines_model.export.html import lang_of
from guidelines_model.site._env import Writer
from guidelines_model.site.context import edition_path, short_label


def index(w: Writer) -> dict[str, Any]:
    """Every text node of every document as ``{id, edition, kind, text}``, in document order,
    and the US/UK spelling rules search folds words with (those of the diff)."""
    docs = w.site.documents
    nodes = [
        {"id": n.id, "edition": d.id, "kind": n.kind, "text": n.text}
        for d in docs
        for n in d.nodes()
        if n.text is not None
    ]
    return {
        "editions": {
            d.id: {
                "label": short_label(d),
                "title": d.title,
                "url": edition_path(d.id),
                "lang": lang_of(d),
            }
            for d in docs
        },
        "nodes": nodes,
        "spelling": spelling_data(),
    }


def write_search(w: Writer) -> int:
    """``search.html``, ``search-index.json`` and ``search-index.js``; returns the node count."""
    data = index(w)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    w.file("search-index.json", text + "\n")
    # A script, not a fetch, so that search also works from a folder opened without a server.
    script = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    w.file("search-index.js", f"window.GUIDELINES_INDEX = {script};\n")
    w.page(
        "search.html",
        "search.html.j2",
        "search",
        title="Search",
        documents=[(d.id, f"{short_label(d)}: {d.title}") for d in w.site.documents],
        count=len(data["nodes"]),
    )
    return len(data["nodes"])

"""The home page: the editions with their metadata, licence and citation, and the values."""

from __future__ import annotations

from guidelines_model.model.documents import Edition
from guidelines_model.site._env import Writer
from guidelines_model.site.context import compare_path, counts, kind_label, short_label


def write_home(
    w: Writer,
    comparisons: list[tuple[Edition, Edition, dict[str, int]]],
    api_docs: str | None = None,
) -> None:
    """``index.html``; ``api_docs`` is the link to the API reference, when it is built."""
    site = w.site
    glosses = {g.value: g.text for d in site.derivatives for g in d.glosses}
    w.page(
        "index.html",
        "home.html.j2",
        "home",
        title="Home",
        editions=[(e, short_label(e), kind_label(e), counts(e)) for e in site.editions],
        derivatives=[
            (d, kind_label(d), site.lib.editions.get(d.derived_from)) for d in site.derivatives
        ],
        values=[(v, glosses.get(v.key)) for v in site.values],
        glossed_by=next((d for d in site.derivatives if d.glosses), None),
        comparisons=[
            (compare_path(old.id, new.id), short_label(old), short_label(new), new, totals)
            for old, new, totals in comparisons
        ],
        checklist=site.checklist_edition,
        api_docs=api_docs,
    )

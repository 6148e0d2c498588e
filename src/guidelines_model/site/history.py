"""One history page per value: every text of the value as a timeline across the editions.

Each lineage is a section whose id is its first id (``history/honest-direct.html#2013/...``),
and each edition's step of it answers to that edition's id (``#2019_supervisors/...``); every
item of an edition page and every row of a value page links to its lineage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import escape

from guidelines_model.lineage import History, Step, lineages
from guidelines_model.lineage.render import change_phrase
from guidelines_model.site._env import Writer
from guidelines_model.site.context import Site, short_label, value_path


def history_path(key: str) -> str:
    return f"history/{key}.html"


@dataclass(frozen=True, slots=True)
class ShownStep:
    """One edition on a timeline."""

    step: Step
    label: str
    lang: str
    #: The change in words: ``reworded (spelling) from 2013``; empty for the first edition.
    phrase: str
    #: A CSS class for the change: ``is-reworded``, ``is-first``, ``is-absent``...
    kind: str
    #: Where the node is on its edition page (``None`` if not there).
    href: str | None


@dataclass(frozen=True, slots=True)
class Lineage:
    history: History
    steps: tuple[ShownStep, ...]
    #: The edition it first appears in, when that is not the first edition.
    since: str | None = None


def _kind(s: Step) -> str:
    if s.kind is not None:
        return f"is-{s.kind.value}"
    return "is-first" if s.present else "is-absent"


def _lineage(site: Site, h: History, labels: dict[str, str], langs: dict[str, str]) -> Lineage:
    steps = tuple(
        ShownStep(
            s,
            labels[s.edition.id],
            langs[s.edition.id],
            change_phrase(s).replace(
                f"from {s.based_on}", f"from {labels.get(s.based_on or '', '')}"
            ),
            _kind(s),
            site.node_href(s.ids[0]) if s.ids else None,
        )
        for s in h.steps
    )
    first = next(s for s in steps if s.step.present)
    return Lineage(h, steps, first.label if first is not steps[0] else None)


def write_histories(w: Writer) -> None:
    """``history/<key>.html`` for every value; records each id's history link in the site."""
    from guidelines_model.export.html import lang_of

    site = w.site
    if not site.editions:
        return
    found = lineages(site.editions)
    labels = {e.id: short_label(e) for e in site.editions}
    langs = {e.id: lang_of(e) for e in site.editions}
    for info in site.values:
        histories = found.value(info.key)
        path = history_path(info.key)
        for h in histories:
            for id_ in h.ids:
                site.history.setdefault(id_, f"{path}#{h.anchor}")
        w.page(
            path,
            "history.html.j2",
            "values",
            title=f"History of value {info.number}. {info.name}",
            info=info,
            value_href=value_path(info.key),
            lineages=[_lineage(site, h, labels, langs) for h in histories],
            editions=[labels[e.id] for e in site.editions],
        )


_ITEM = re.compile(r"/(practice|supervisor)/\d+$")


def history_links(site: Site) -> dict[str, str]:
    """The link to its history that each practice and supervisor item of an edition page gets
    beside its permalink, by id (from ``editions/``)."""
    return {
        id_: f'<a class="hist" href="../{escape(href)}" '
        f'aria-label="History of {escape(id_)} across editions">history</a>'
        for id_, href in site.history.items()
        if _ITEM.search(id_)
    }

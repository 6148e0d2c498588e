"""The Jinja2 environment (autoescaping on for every template) and the page writer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from guidelines_model import __version__
from guidelines_model.diff.render._common import visible
from guidelines_model.diff.words import Token
from guidelines_model.export.html import web_url
from guidelines_model.site.context import SITE_NAME, Site, edition_path, short_label


def inline(words: tuple[Token, ...], keep: str = "both") -> Markup:
    """An inline word diff: ``<del>``/``<ins>`` around changed words; ``keep`` one side only."""
    out: list[str] = []
    for t in words:
        if t.tag == "equal":
            out.append(str(escape(t.text)))
        elif keep in ("both", t.tag):
            tag = t.tag[:3]
            out.append(f"<{tag}>{escape(visible(t.text))}</{tag}>")
    return Markup("".join(out))


def environment() -> Environment:
    """Templates from the package; every ``{{ }}`` is escaped unless marked safe."""
    env = Environment(
        loader=PackageLoader("guidelines_model.site", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["inline"] = inline
    env.filters["web_url"] = web_url
    return env


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str
    href: str


@dataclass
class Writer:
    """Renders templates into files under ``out``; remembers every file it wrote."""

    out: Path
    site: Site
    env: Environment = field(default_factory=environment)
    written: list[Path] = field(default_factory=list)

    def nav(self) -> list[NavItem]:
        items = [NavItem("home", "Home", "index.html")]
        items += [NavItem(d.id, short_label(d), edition_path(d.id)) for d in self.site.editions]
        items += [
            NavItem("values", "Values", "index.html#values"),
            NavItem("compare", "Compare", "index.html#compare"),
        ]
        if self.site.checklist_edition is not None:
            items.append(NavItem("checklist", "Checklist", "checklist.html"))
        return [*items, NavItem("search", "Search", "search.html")]

    def page(self, path: str, template: str, current: str, **context: Any) -> None:
        """Render ``template`` to ``path`` (relative to the site root)."""
        depth = path.count("/")
        text = self.env.get_template(template).render(
            root="../" * depth,
            site_name=SITE_NAME,
            version=__version__,
            nav=self.nav(),
            current=current,
            **context,
        )
        self.file(path, text)

    def file(self, path: str, data: str | bytes) -> None:
        """Write one file (text as UTF-8 with ``\\n`` line ends)."""
        from guidelines_model.write.atomic import write_file

        target = self.out / path
        write_file(target, data)
        self.written.append(target)

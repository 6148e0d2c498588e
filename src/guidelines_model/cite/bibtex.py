"""BibTeX from CSL-JSON items: ``@techreport`` for an edition, ``@incollection`` for a part.

Every text field is escaped for LaTeX (``{ } % & $ # _ ~ ^ \\``), so that a title can never
open a group or start a comment; organisations are written in double braces
(``author = {{World Health Organization}}``) so that BibTeX does not split them into first and
last names. The URL is written as it is (``url`` is a verbatim field). Other Unicode is written
as UTF-8, which biber and BibTeX 0.99 with ``inputenc`` read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from guidelines_model.cite.csl import CslItem

_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL = re.compile("|".join(re.escape(c) for c in _ESCAPES))
# TeX's ligatures: '' and `` are curly quotes, -- and --- dashes, !` and ?` inverted marks.
# An empty group between the two characters keeps them as typed.
_LIGATURE = re.compile(r"(?<=')(?=')|(?<=`)(?=`)|(?<=-)(?=-)|(?<=[!?])(?=`)")


def escape(text: str) -> str:
    """``text`` as a BibTeX field value: LaTeX's special characters escaped, ligatures broken,
    one line.

    >>> escape("100% {R&D} ~ me_2")
    '100\\\\% \\\\{R\\\\&D\\\\} \\\\textasciitilde{} me\\\\_2'
    """
    escaped = _SPECIAL.sub(lambda m: _ESCAPES[m.group()], " ".join(text.split()))
    return _LIGATURE.sub("{}", escaped)


def key(id_: str) -> str:
    """A citation key from a guideline id: ``2013:voluntary:practice:2``."""
    return re.sub(r"[^A-Za-z0-9_:-]", ":", id_)


def _entry(item: CslItem) -> str:
    part = item["type"] == "chapter"
    fields: list[tuple[str, str]] = []
    if "author" in item:
        names = " and ".join("{" + escape(n["literal"]) + "}" for n in item["author"])
        fields.append(("author", names))
    fields.append(("title", escape(item["title"])))
    if part and "container-title" in item:
        fields.append(("booktitle", escape(item["container-title"])))
    if "publisher" in item:
        fields.append(("publisher" if part else "institution", escape(item["publisher"])))
    if "issued" in item:
        fields.append(("year", str(item["issued"]["date-parts"][0][0])))
    for csl, bib in (("number", "number"), ("version", "version"), ("language", "language")):
        if csl in item:
            fields.append((bib, escape(item[csl])))  # type: ignore[literal-required]  # csl is one of the three keys above
    if "URL" in item:
        fields.append(("url", item["URL"]))
    if "note" in item:
        fields.append(("note", escape(item["note"])))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    kind = "incollection" if part else "techreport"
    return f"@{kind}{{{key(item['id'])},\n{body}\n}}\n"


def to_bibtex(items: Iterable[CslItem]) -> str:
    """The items as one BibTeX file (entries separated by a blank line)."""
    return "\n".join(_entry(i) for i in items)

"""RIS (the tagged format every reference manager imports) from CSL-JSON items.

``TY  - RPRT`` for an edition, ``TY  - CHAP`` for a part of one (its pinpoint as ``TI``, the
edition's title as ``T2``). One tag per line, ``ER  -`` closing each record; a value is one line.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from guidelines_model.cite.csl import CslItem


def _line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}"


def _record(item: CslItem) -> list[str]:
    part = item["type"] == "chapter"
    out = [_line("TY", "CHAP" if part else "RPRT"), _line("ID", item["id"])]
    out += [_line("AU", n["literal"]) for n in item.get("author", [])]
    out.append(_line("TI", item["title"]))
    if "container-title" in item:
        out.append(_line("T2", item["container-title"]))
    if "issued" in item:
        out.append(_line("PY", str(item["issued"]["date-parts"][0][0])))
    if "publisher" in item:
        out.append(_line("PB", item["publisher"]))
    if "number" in item:
        out.append(_line("IS", item["number"]))
    if "version" in item:
        out.append(_line("ET", item["version"]))
    if "language" in item:
        out.append(_line("LA", item["language"]))
    if "URL" in item:
        out.append(_line("UR", item["URL"]))
    if "note" in item:
        out.append(_line("N1", item["note"]))
    return [*out, "ER  - "]


def to_ris(items: Iterable[CslItem]) -> str:
    """The items as one RIS file."""
    return "".join("\n".join(_record(i)) + "\n\n" for i in items)

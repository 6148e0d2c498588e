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


#: The text fields written after the year, in this order, with their RIS tags.
_TAGS = (
    ("publisher", "PB"),
    ("number", "IS"),
    ("version", "ET"),
    ("language", "LA"),
    ("URL", "UR"),
    ("note", "N1"),
)


def _record(item: CslItem) -> list[str]:
    part = item["type"] == "chapter"
    fields: dict[str, str] = {k: v for k, v in item.items() if isinstance(v, str)}
    out = [_line("TY", "CHAP" if part else "RPRT"), _line("ID", item["id"])]
    out += [_line("AU", n["literal"]) for n in item.get("author", [])]
    out.append(_line("TI", item["title"]))
    if "container-title" in item:
        out.append(_line("T2", item["container-title"]))
    if "issued" in item:
        out.append(_line("PY", str(item["issued"]["date-parts"][0][0])))
    out += [_line(tag, fields[key]) for key, tag in _TAGS if key in fields]
    return [*out, "ER  - "]


def to_ris(items: Iterable[CslItem]) -> str:
    """The items as one RIS file."""
    return "".join("\n".join(_record(i)) + "\n\n" for i in items)

"""Stable keys and citable ids.

An id is a slash-separated path that starts with the edition id, e.g. ``2013/voluntary/practice/3``.
Ids are built from keys and item numbers written in the content (never from text), so they
survive rewording. The full scheme is documented in the README under "Id scheme".
"""

from __future__ import annotations

from typing import Final

#: The twelve core values in canonical order, keyed as every edition keys them.
CANONICAL_VALUE_KEYS: Final[tuple[str, ...]] = (
    "voluntary",
    "hopeful",
    "open-minded",
    "empathetic",
    "respectful",
    "facilitates-change",
    "honest-direct",
    "mutual-reciprocal",
    "shared-power",
    "strengths-focused",
    "transparent",
    "person-driven",
)

KEY_PATTERN: Final = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
EDITION_ID_PATTERN: Final = r"^[a-z0-9]+(?:_[a-z0-9]+)*$"


def join(*parts: str | int) -> str:
    """Join id parts with ``/``."""
    return "/".join(str(p) for p in parts)


def edition_of(id_: str) -> str:
    """The edition (or derivative) id an id belongs to."""
    return id_.split("/", 1)[0]

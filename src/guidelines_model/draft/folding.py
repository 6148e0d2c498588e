"""Texts written the way the content writes them: long texts as ``>-`` folded blocks whose lines
stay under :data:`WIDTH` characters, indented where the content format puts them.

ruamel.yaml keeps a folded scalar's line breaks as ``fold_pos`` (the index of each space that
is printed as a line break); a text is folded by choosing them.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ruamel.yaml.scalarstring import FoldedScalarString

#: The longest line the content writes (its folded texts stay under 100 characters).
WIDTH = 98

Path = tuple[str | int, ...]


def content_indent(path: Path) -> int:
    """The column where a text at ``path`` (inside its file) starts when written as a folded
    block: mappings indent keys by 2, sequences put a mapping's keys 4 past its parent key
    (``indent(mapping=2, sequence=4, offset=2)``)."""
    column = 0
    for step, following in itertools.pairwise(path):
        if isinstance(step, int) or isinstance(following, str):
            column += 4 if isinstance(step, int) else 2
    return column + (4 if isinstance(path[-1], int) else 2)


def fold_positions(text: str, indent: int, keep: list[int] | None = None) -> list[int]:
    """Where to break ``text`` (indices of spaces) so lines of ``indent`` + text stay within
    :data:`WIDTH`. ``keep``: breaks of an earlier version of the text, kept as long as the
    lines before them are unchanged (so an edit touches the fewest lines)."""
    room = WIDTH - indent
    breaks: list[int] = []
    start = 0
    for pos in keep or []:
        if pos >= len(text) or text[pos] != " " or pos - start > room:
            break
        breaks.append(pos)
        start = pos + 1
    while len(text) - start > room:
        cut = text.rfind(" ", start, start + room + 1)
        if cut <= start:
            cut = text.find(" ", start + room)  # a word longer than a line: break after it
            if cut < 0:
                break
        breaks.append(cut)
        start = cut + 1
    return breaks


def can_fold(text: str) -> bool:
    """Whether a text survives as a folded block: single spaces between words, no line
    breaks, no space at either end (folding would change any of these)."""
    return bool(text) and text == text.strip() and "\n" not in text and "  " not in text


def folded(text: str, indent: int, keep: list[int] | None = None) -> FoldedScalarString:
    """``text`` as a folded block scalar broken for ``indent``."""
    from ruamel.yaml.scalarstring import FoldedScalarString

    out: FoldedScalarString = FoldedScalarString(text)
    # ruamel.yaml reads the attribute when it writes the block; its stubs do not declare it.
    out.fold_pos = fold_positions(text, indent, keep)  # type: ignore[attr-defined]
    return out


def styled(text: str, old: Any, indent: int, key_width: int) -> Any:
    """``text`` in the style of the scalar it replaces (``old``, or ``None`` for a new text):
    folded where the old text was folded or the new one is too long for one line, else the
    old scalar's type (plain or quoted)."""
    from ruamel.yaml.scalarstring import FoldedScalarString

    keep = list(getattr(old, "fold_pos", []) or []) if isinstance(old, FoldedScalarString) else []
    one_line = indent - 2 + key_width + len(text) <= WIDTH
    if can_fold(text) and (isinstance(old, FoldedScalarString) or not one_line):
        return folded(text, indent, keep)
    if old is not None and type(old) is not str and isinstance(old, str):
        return type(old)(text)  # the old quoting (ruamel's quoted scalar strings)
    return text


def fold_long(data: Any, indent: int = 0) -> Any:
    """Plain data (from a dump) with every text too long for its line folded; ``indent`` is
    the column of a mapping's keys (a list's entries start 4 past their key)."""
    if isinstance(data, dict):
        return {k: _fold_at(v, indent + 2, indent + len(k) + 2) for k, v in data.items()}
    if isinstance(data, list):
        return [_fold_at(v, indent + 2, indent + 2) for v in data]
    return data


def _fold_at(value: Any, indent: int, start: int) -> Any:
    """``value`` written at column ``start``, a block's lines at ``indent``."""
    if isinstance(value, str):
        long = start + len(value) > WIDTH
        return folded(value, indent) if long and can_fold(value) else value
    return fold_long(value, indent)

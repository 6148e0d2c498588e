"""Word-level inline diffs: tokens tagged equal, insert or delete.

Texts are split into words, single punctuation marks and whitespace runs; the token sequences
are compared with an LCS (rapidfuzz's Indel opcodes, in C++). A run of changes interrupted only
by a space is shown as one deletion and one insertion, as a reader expects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz.distance import Indel

Tag = Literal["equal", "insert", "delete"]

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    """A piece of an inline diff: text common to both sides, inserted or deleted."""

    tag: Tag
    text: str


def tokens(text: str) -> list[str]:
    """Words, punctuation marks and whitespace runs, in order; ``"".join`` gives the text."""
    return _TOKEN.findall(text)


def _raw(old: list[str], new: list[str]) -> list[Token]:
    out: list[Token] = []
    for op in Indel.opcodes(old, new):
        if op.tag == "equal":
            out.append(Token("equal", "".join(old[op.src_start : op.src_end])))
        if op.src_end > op.src_start and op.tag != "equal":
            out.append(Token("delete", "".join(old[op.src_start : op.src_end])))
        if op.dest_end > op.dest_start and op.tag != "equal":
            out.append(Token("insert", "".join(new[op.dest_start : op.dest_end])))
    return out


def _merge(parts: list[Token]) -> tuple[Token, ...]:
    """Fold whitespace-only equal runs between changes into them; deletions before insertions."""
    out: list[Token] = []
    i = 0
    while i < len(parts):
        if parts[i].tag == "equal":
            out.append(parts[i])
            i += 1
            continue
        deleted: list[str] = []
        inserted: list[str] = []
        while i < len(parts):
            t = parts[i]
            if t.tag == "delete":
                deleted.append(t.text)
            elif t.tag == "insert":
                inserted.append(t.text)
            elif not t.text.strip() and i + 1 < len(parts) and parts[i + 1].tag != "equal":
                deleted.append(t.text)
                inserted.append(t.text)
            else:
                break
            i += 1
        if deleted:
            out.append(Token("delete", "".join(deleted)))
        if inserted:
            out.append(Token("insert", "".join(inserted)))
    return tuple(out)


@lru_cache(maxsize=4096)
def word_diff(old: str, new: str) -> tuple[Token, ...]:
    """The inline diff of ``old`` against ``new``.

    >>> [(t.tag, t.text) for t in word_diff("value and judgment free", "value and judgment-free")]
    [('equal', 'value and judgment'), ('delete', ' '), ('insert', '-'), ('equal', 'free')]
    """
    if old == new:
        return (Token("equal", old),) if old else ()
    return _merge(_raw(tokens(old), tokens(new)))


def inline(parts: tuple[Token, ...], delete: str = "[-{}-]", insert: str = "{{+{}+}}") -> str:
    """Render an inline diff as text, wdiff-style by default: ``[-old-]{+new+}``."""
    out: list[str] = []
    for t in parts:
        if t.tag == "equal":
            out.append(t.text)
        else:
            out.append((delete if t.tag == "delete" else insert).format(t.text))
    return "".join(out)

"""Word-level inline diffs: tokens tagged equal, insert or delete.

Texts are split into words, single punctuation marks and whitespace runs; the token sequences
are compared with an LCS (rapidfuzz's Indel opcodes, in C++). A run of changes interrupted only
by a space is shown as one deletion and one insertion, as a reader expects.

The LCS keeps a bit matrix of old x new tokens (quadratic memory: 3.1 GB for two 80,000-word
texts), so the work is bounded. The common start and end are cut off first (linear); what is
left is compared word by word while it fits in :data:`MAX_CELLS`, else sentence by sentence,
with the changed sentences compared word by word from a budget of :data:`MAX_CELLS` in all.
Past that (texts far longer than ``Limits.max_text_chars``) the rest is one deletion and one
insertion. Any text under the limit (20,000 characters, a few thousand words) gets the full
word diff.
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


#: Token pairs one LCS may compare (the bit matrix is an eighth of this in bytes: 8 MB).
MAX_CELLS = 64_000_000
_SENTENCE_END = frozenset(".!?;:")


def _sentences(tokens: list[str]) -> list[str]:
    """Tokens joined into sentences (each ends after a stop and the space that follows)."""
    out: list[str] = []
    start = 0
    for i, t in enumerate(tokens):
        if t in _SENTENCE_END and (i + 1 == len(tokens) or tokens[i + 1].isspace()):
            out.append("".join(tokens[start : i + 2]))
            start = i + 2
    if start < len(tokens):
        out.append("".join(tokens[start:]))
    return out


def _bounded(old: list[str], new: list[str]) -> list[Token]:
    """The diff of two token lists, in bounded memory and time (see the module's docstring)."""
    head = 0
    while head < len(old) and head < len(new) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < len(old) - head and tail < len(new) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    a, b = old[head : len(old) - tail], new[head : len(new) - tail]
    out = [Token("equal", "".join(old[:head]))] if head else []
    if len(a) * len(b) <= MAX_CELLS:
        out += _raw(a, b)
    else:
        out += _coarse(a, b)
    if tail:
        out.append(Token("equal", "".join(old[len(old) - tail :])))
    return out


def _coarse(old: list[str], new: list[str]) -> list[Token]:
    """Sentence by sentence, then word by word inside changed sentences while the budget
    lasts; a single deletion and insertion when even the sentences are too many."""
    sa, sb = _sentences(old), _sentences(new)
    if len(sa) * len(sb) > MAX_CELLS:
        return _replaced("".join(old), "".join(new))
    out: list[Token] = []
    budget = MAX_CELLS
    for op in Indel.opcodes(sa, sb):
        a, b = sa[op.src_start : op.src_end], sb[op.dest_start : op.dest_end]
        if op.tag == "equal":
            out.append(Token("equal", "".join(a)))
            continue
        ta, tb = tokens("".join(a)), tokens("".join(b))
        if ta and tb and len(ta) * len(tb) <= budget:
            budget -= len(ta) * len(tb)
            out += _raw(ta, tb)
        else:
            out += _replaced("".join(a), "".join(b))
    return out


def _replaced(old: str, new: str) -> list[Token]:
    return [t for t in (Token("delete", old), Token("insert", new)) if t.text]


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
    return _merge(_bounded(tokens(old), tokens(new)))


def inline(parts: tuple[Token, ...], delete: str = "[-{}-]", insert: str = "{{+{}+}}") -> str:
    """Render an inline diff as text, wdiff-style by default: ``[-old-]{+new+}``."""
    out: list[str] = []
    for t in parts:
        if t.tag == "equal":
            out.append(t.text)
        else:
            out.append((delete if t.tag == "delete" else insert).format(t.text))
    return "".join(out)

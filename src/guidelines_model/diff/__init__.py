"""Cross-edition diffs in the guideline's own terms.

>>> from guidelines_model import load_library
>>> from guidelines_model.diff import collate, diff
>>> lib = load_library()
>>> result = diff(lib.edition("2013"), lib.edition("2019_supervisors"))
>>> next(c.label for c in result.changes if c.old_id == "2013/honest-direct/practice/4")
'Value 7 "Peer supporters are honest and direct", practice item 4: removed'
>>> table = collate([lib.edition(i) for i in ("2013", "who_2017", "2019_supervisors")])
"""

from __future__ import annotations

from guidelines_model.diff.collate import Cell, Collation, CollationRow, collate
from guidelines_model.diff.engine import diff
from guidelines_model.diff.errors import DiffError, DiffUsageError, GitError
from guidelines_model.diff.model import (
    NOISE,
    Change,
    ChangeKind,
    DiffResult,
    EditionRef,
    Part,
    Place,
    TextClass,
    parse_ignore,
)
from guidelines_model.diff.words import Token, word_diff
from guidelines_model.model.nodes import NodeKind

__all__ = [
    "NOISE",
    "Cell",
    "Change",
    "ChangeKind",
    "Collation",
    "CollationRow",
    "DiffError",
    "DiffResult",
    "DiffUsageError",
    "EditionRef",
    "GitError",
    "NodeKind",
    "Part",
    "Place",
    "TextClass",
    "Token",
    "collate",
    "diff",
    "parse_ignore",
    "word_diff",
]

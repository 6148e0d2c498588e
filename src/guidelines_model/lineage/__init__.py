"""Lineage: the life of every node across editions, built on the diff's alignment.

>>> from guidelines_model import load_library
>>> from guidelines_model.lineage import history
>>> h = history(load_library(), "2013/strengths-focused/practice/5")
>>> h.step("2019_supervisors").ids
('2019_supervisors/strengths-focused/practice/4',)
"""

from __future__ import annotations

from guidelines_model.lineage.build import (
    History,
    Lineages,
    Step,
    history,
    lineages,
    value_history,
)

__all__ = ["History", "Lineages", "Step", "history", "lineages", "value_history"]

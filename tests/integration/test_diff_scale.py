"""Scale: two synthetic editions of 10,000 values (50,000 items) diff exactly.

How fast is measured by ``nox -s bench``, never by a timed test.
"""

from __future__ import annotations

from collections import Counter

import pytest
from tests.fixtures.diff.synthetic import pair

from guidelines_model import Edition
from guidelines_model.diff import ChangeKind, diff

SIZE = 10_000


@pytest.fixture(scope="module")
def editions() -> tuple[tuple[Edition, Edition], Counter[str]]:
    """The synthetic pair, and the count of each kind of edit made to the second."""
    stats: Counter[str] = Counter()
    return pair(SIZE, stats=stats), stats


def test_large_diff_finds_exactly_the_edits(
    editions: tuple[tuple[Edition, Edition], Counter[str]],
) -> None:
    """Every edit of the synthetic pair is found, as the kind of change it is."""
    (old, new), stats = editions
    result = diff(old, new)
    found = Counter(c.kind.value for c in result.changes if c.node != "metadata")
    assert found == stats
    assert sum(len(v.practice.items) for v in old.values) == 5 * SIZE
    assert result.totals()[ChangeKind.UNCHANGED.value] > 70_000

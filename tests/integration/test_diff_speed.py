"""Speed: two synthetic editions of 10,000 values (50,000 items) diff in under half a second."""

from __future__ import annotations

import time
from collections import Counter

import pytest
from tests.fixtures.diff.synthetic import pair

from guidelines_model import Edition
from guidelines_model.diff import ChangeKind, DiffResult, diff

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


def test_large_diff_takes_under_half_a_second(
    editions: tuple[tuple[Edition, Edition], Counter[str]],
) -> None:
    """Best of three runs (after one to warm imports and caches) is under 0.5 s."""
    (old, new), _ = editions
    diff(old, new)
    times: list[float] = []
    for _ in range(3):
        start = time.perf_counter()
        result: DiffResult = diff(old, new)
        times.append(time.perf_counter() - start)
    assert result.changes
    assert min(times) < 0.5, times

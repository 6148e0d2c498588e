"""Optimal assignment (Hungarian method) and similarity matching."""

from __future__ import annotations

from itertools import permutations

from hypothesis import given
from hypothesis import strategies as st

from guidelines_model.diff.optimal_matching import (
    MAX_FULL_PAIRS,
    greedy,
    linear_sum_assignment,
    match,
)

MATRICES = st.integers(1, 5).flatmap(
    lambda n: st.integers(1, 5).flatmap(
        lambda m: st.lists(
            st.lists(st.floats(-10, 10), min_size=m, max_size=m), min_size=n, max_size=n
        )
    )
)


def _brute_force(cost: list[list[float]]) -> float:
    n, m = len(cost), len(cost[0])
    if n <= m:
        return min(
            sum(cost[i][j] for i, j in enumerate(cols)) for cols in permutations(range(m), n)
        )
    return min(sum(cost[i][j] for j, i in enumerate(rows)) for rows in permutations(range(n), m))


@given(MATRICES)
def test_assignment_is_optimal(cost: list[list[float]]) -> None:
    """The assignment has the minimum total cost and assigns min(rows, columns) pairs."""
    pairs = linear_sum_assignment(cost)
    assert len(pairs) == min(len(cost), len(cost[0]))
    assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
    assert abs(sum(cost[i][j] for i, j in pairs) - _brute_force(cost)) < 1e-6


def test_optimal_beats_greedy() -> None:
    """Where best-first pairing strands a text, the optimal assignment pairs both."""
    scores = {(0, 0): 0.9, (0, 1): 0.8, (1, 0): 0.8}
    assert greedy(scores) == [(0, 0)]
    assert linear_sum_assignment([[-0.9, -0.8], [-0.8, 0.0]]) == [(0, 1), (1, 0)]


def test_match_pairs_reworded_texts_only_above_threshold() -> None:
    """Texts pair with their rewording; a text without a close counterpart stays unpaired."""
    old = [
        "peer supporters tell strategic stories of recovery",
        "peer supporters do not make false promises",
    ]
    new = ["peers share stories of hope with everyone", "peer supporters tell stories of recovery"]
    assert [(i, j) for i, j, _ in match(old, new, 0.6)] == [(0, 1)]


def test_match_finds_partners_among_many_texts() -> None:
    """Above the full-matrix size, the rare-word index still finds each text's rewording."""
    old = [f"supporters encourage peer{k} to grow token{k} daily" for k in range(100)]
    new = [f"supporters encourage peer{k} to grow token{k} every day" for k in reversed(range(100))]
    assert len(old) * len(new) > MAX_FULL_PAIRS
    found = match(old, new, 0.6)
    assert [(i, j) for i, j, _ in found] == [(k, 99 - k) for k in range(100)]

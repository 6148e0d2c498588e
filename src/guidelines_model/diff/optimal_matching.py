"""Optimal one-to-one matching of texts by similarity.

:func:`linear_sum_assignment` is the Hungarian method (shortest augmenting paths with
potentials, O(n² m)). :func:`match` only scores pairs that can reach the threshold, splits the
candidate graph into connected components and solves each one optimally, so that a thousand
leftovers with a few candidates each stay cheap.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from guidelines_model.diff.classify import similarity_words

#: Largest component solved optimally; a bigger one (never seen in real content) is greedy.
MAX_OPTIMAL = 80
#: Score every pair while there are at most this many; otherwise use a word index.
MAX_FULL_PAIRS = 4096
#: Candidates per text through the index: its rarest words, and at most this many partners.
RARE_WORDS = 3
MAX_CANDIDATES = 64


class _Potentials:
    """State of the Hungarian method: potentials ``u``/``v``, ``p[j]`` the row of column j.

    Arrays are 1-based; index 0 is the virtual column the augmenting path starts from.
    """

    def __init__(self, cost: Sequence[Sequence[float]]) -> None:
        self.cost = cost
        self.m = len(cost[0])
        self.u = [0.0] * (len(cost) + 1)
        self.v = [0.0] * (self.m + 1)
        self.p = [0] * (self.m + 1)
        self.way = [0] * (self.m + 1)

    def _step(self, j0: int, minv: list[float], used: list[bool]) -> int:
        """Grow the shortest-path tree by one column; return that column."""
        u, v, p, way = self.u, self.v, self.p, self.way
        used[j0] = True
        i0 = p[j0]
        row = self.cost[i0 - 1]
        delta = math.inf
        j1 = 0
        for j in range(1, self.m + 1):
            if not used[j]:
                cur = row[j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j] = cur
                    way[j] = j0
                if minv[j] < delta:
                    delta = minv[j]
                    j1 = j
        for j in range(self.m + 1):
            if used[j]:
                u[p[j]] += delta
                v[j] -= delta
            else:
                minv[j] -= delta
        return j1

    def add_row(self, i: int) -> None:
        """Assign row ``i`` along a shortest augmenting path."""
        p, way = self.p, self.way
        p[0] = i
        j0 = 0
        minv = [math.inf] * (self.m + 1)
        used = [False] * (self.m + 1)
        while True:
            j0 = self._step(j0, minv, used)
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1


def linear_sum_assignment(cost: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Row-column pairs of minimum total cost; every row (or column, if fewer) is assigned.

    >>> linear_sum_assignment([[1, 2], [2, 4]])
    [(0, 1), (1, 0)]
    """
    n = len(cost)
    m = len(cost[0]) if n else 0
    if n == 0 or m == 0:
        return []
    if n > m:
        transposed = [[cost[i][j] for i in range(n)] for j in range(m)]
        return sorted((i, j) for j, i in linear_sum_assignment(transposed))
    state = _Potentials(cost)
    for i in range(1, n + 1):
        state.add_row(i)
    return sorted((state.p[j] - 1, j - 1) for j in range(1, m + 1) if state.p[j])


def greedy(scores: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """Best-first matching: the baseline :func:`linear_sum_assignment` improves on."""
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    out = []
    for (i, j), _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if i not in taken_a and j not in taken_b:
            taken_a.add(i)
            taken_b.add(j)
            out.append((i, j))
    return sorted(out)


def _candidates(a: Sequence[str], b: Sequence[str]) -> set[tuple[int, int]]:
    """Pairs worth scoring: all of them when few, else pairs sharing one of a text's rare words."""
    if len(a) * len(b) <= MAX_FULL_PAIRS:
        return {(i, j) for i in range(len(a)) for j in range(len(b))}
    words_a = [set(t.split()) for t in a]
    words_b = [set(t.split()) for t in b]
    df: Counter[str] = Counter()
    for ws in (*words_a, *words_b):
        df.update(ws)
    index: defaultdict[str, list[int]] = defaultdict(list)
    for j, ws in enumerate(words_b):
        for w in sorted(ws, key=lambda w: (df[w], w))[:RARE_WORDS]:
            index[w].append(j)
    out: set[tuple[int, int]] = set()
    for i, ws in enumerate(words_a):
        found: list[int] = []
        for w in sorted(ws, key=lambda w: (df[w], w))[:RARE_WORDS]:
            found += index.get(w, ())[:MAX_CANDIDATES]
        out.update((i, j) for j in found[:MAX_CANDIDATES])
    return out


def _components(edges: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        ra, rb = find(("a", i)), find(("b", j))
        if ra != rb:
            parent[ra] = rb
    groups: defaultdict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for i, j in edges:
        groups[find(("a", i))].append((i, j))
    return list(groups.values())


def match(a: Sequence[str], b: Sequence[str], threshold: float) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, similarity)`` maximising total similarity, each pair >= ``threshold``.

    ``a`` and ``b`` are match keys (:func:`~.classify.match_key`).
    """
    if not a or not b:
        return []
    scores: dict[tuple[int, int], float] = {}
    words_a = [t.split() for t in a]
    words_b = [t.split() for t in b]
    for i, j in _candidates(a, b):
        s = similarity_words(a[i], words_a[i], b[j], words_b[j], threshold)
        if s >= threshold:
            scores[(i, j)] = s
    out: list[tuple[int, int, float]] = []
    for edges in _components(sorted(scores)):
        rows = sorted({i for i, _ in edges})
        cols = sorted({j for _, j in edges})
        if len(rows) == 1 or len(cols) == 1:
            i, j = max(edges, key=lambda e: (scores[e], -e[0], -e[1]))
            out.append((i, j, scores[(i, j)]))
            continue
        if min(len(rows), len(cols)) > MAX_OPTIMAL:
            pairs = greedy({e: scores[e] for e in edges})
        else:
            # Maximise similarity: cost is minus the score, 0 for a pair below the threshold.
            cost = [[-scores.get((i, j), 0.0) for j in cols] for i in rows]
            pairs = [(rows[r], cols[c]) for r, c in linear_sum_assignment(cost)]
        out += [(i, j, scores[(i, j)]) for i, j in pairs if (i, j) in scores]
    return sorted(out)

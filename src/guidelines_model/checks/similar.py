"""Near-duplicate pairs of a list of texts without comparing every pair (GM203 at scale).

Two texts ``a`` and ``b`` are near-duplicates when ``rapidfuzz.fuzz.ratio(a, b) >= cutoff``:
their Indel distance ``d`` is at most ``s * (len(a) + len(b))``, ``s = 1 - cutoff / 100``.
As ``d`` is at least the difference of their lengths, a text's partners are no longer than
``len(a) * (1 + s) / (1 - s)`` (11/9 of it at 90): the texts are sorted by length and each is
compared only with the texts whose length is in that window (blocking by length). Blocking by
shared words or character grams is not exact at this cutoff: a ratio of 90 allows an edit in
every word of a short item, and the grams any near-duplicate must share are the common ones
(measured: slower than comparing every pair). :func:`near_pairs` gives exactly the pairs
:func:`near_pairs_all` (every pair compared) gives, in the same order; a property test checks
it.
"""

from __future__ import annotations


def _ratio(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b)


def near_pairs_all(texts: list[str], cutoff: float) -> list[tuple[int, int]]:
    """The definition: every pair ``(i, j)``, ``i < j``, of different texts with a ratio of at
    least ``cutoff``, ordered by ``j`` then ``i``."""
    return [
        (i, j)
        for j in range(len(texts))
        for i in range(j)
        if texts[i] != texts[j] and _ratio(texts[i], texts[j]) >= cutoff
    ]


def near_pairs(texts: list[str], cutoff: float) -> list[tuple[int, int]]:
    """The pairs of :func:`near_pairs_all`, comparing only texts of close lengths."""
    from rapidfuzz import fuzz

    if len(texts) < 8:  # a short list: every pair costs less than sorting
        return near_pairs_all(texts, cutoff)
    spread = 1 - cutoff / 100
    stretch = (1 + spread) / (1 - spread) if spread < 1 else float("inf")
    order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
    found: list[tuple[int, int]] = []
    for p, a in enumerate(order):
        longest = len(texts[a]) * stretch + 1  # + 1: room for float rounding
        for q in range(p + 1, len(order)):
            b = order[q]
            if len(texts[b]) > longest:
                break
            if texts[a] != texts[b] and fuzz.ratio(texts[a], texts[b]) >= cutoff:
                found.append((min(a, b), max(a, b)))
    return sorted(found, key=lambda pair: (pair[1], pair[0]))

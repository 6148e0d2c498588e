"""Running text cut or joined: one old block become several new ones (``split``), or several
old blocks become one (``merged``).

The aligner pairs blocks one to one, so a paragraph cut into a lead-in and a numbered list
reads as removed (and its pieces as added), and a quote joined to the sentence after it leaves
that sentence removed. This pass looks, among the blocks of running text (section blocks), at:

- each pair, whether joining the unpaired blocks next to one side makes it more like the other
  side (2013 background/10 and /11 joined into one 2019 appendix quote: merged);
- each unpaired block, whether a run of consecutive unpaired blocks on the other side, joined,
  is like it (2013 background/3 cut into appendix/4-8: split).

Runs grow one neighbour at a time while the joined text gets more similar; a split or merge
needs two blocks or more and the usual similarity threshold. The word diff of the change is
against the joined side.
"""

from __future__ import annotations

from collections.abc import Iterable

from guidelines_model.diff.align import THRESHOLD, Pair
from guidelines_model.diff.classify import similarity
from guidelines_model.diff.model import ChangeKind
from guidelines_model.diff.units import Unit

#: Sequence families of running text (section blocks); items and footnotes are not cut.
RUNNING: frozenset[str] = frozenset({"block"})
#: How much more alike a joined run must be to take one more neighbour.
STEP = 0.01
#: A piece of a split shares at least this share of its words with the whole.
CONTAINED = 0.5


def _score(target: Unit, run: list[Unit]) -> float:
    return similarity(target.key, " ".join(u.key for u in run))


class _Side:
    """The running-text blocks of one side, by group and position, and the unpaired ones."""

    def __init__(self, units: Iterable[Unit], free: Iterable[Unit]) -> None:
        self.at: dict[tuple[str, int], Unit] = {(u.group, u.pos): u for u in units}
        self.free: dict[int, Unit] = {id(u): u for u in free}
        #: The distinct words of each free block (split once, compared as sets).
        self.words: dict[int, frozenset[str]] = {
            k: frozenset(u.key.split()) for k, u in self.free.items()
        }

    def neighbours(self, run: list[Unit]) -> list[Unit]:
        out = []
        for key in ((run[-1].group, run[-1].pos + 1), (run[0].group, run[0].pos - 1)):
            u = self.at.get(key)
            if u is not None and id(u) in self.free:
                out.append(u)
        return out

    def grow(self, target: Unit, run: list[Unit]) -> tuple[list[Unit], float]:
        """The run, grown by free neighbours while the joined text gets more like ``target``."""
        best = _score(target, run)
        while True:
            options = [
                (s, u)
                for u in self.neighbours(run)
                if (s := _score(target, sorted([*run, u], key=lambda v: v.pos))) > best + STEP
            ]
            if not options:
                return run, best
            best, u = max(options, key=lambda o: o[0])
            run = sorted([*run, u], key=lambda v: v.pos)


def _contained(words: frozenset[str], whole: frozenset[str]) -> float:
    """The share of a piece's distinct words found in the whole."""
    return len(words & whole) / len(words) if words else 0.0


def _run_for(target: Unit, side: _Side, threshold: float) -> tuple[list[Unit], float] | None:
    """The best run of two or more free blocks of ``side`` whose joined text is like
    ``target``, grown from the blocks most contained in it."""
    whole = frozenset(target.key.split())
    shares = [(_contained(side.words[k], whole), u) for k, u in side.free.items()]
    seeds = [(c, u) for c, u in shares if c >= CONTAINED]
    seeds.sort(key=lambda cu: (-cu[0], -len(cu[1].key)))
    best: tuple[list[Unit], float] | None = None
    for _, seed in seeds[:3]:
        run, score = side.grow(target, [seed])
        if len(run) >= 2 and score >= threshold and (best is None or score > best[1]):
            best = (run, score)
    return best


def _family(p: Pair) -> str:
    u = p.a or p.b
    return "" if u is None else u.family


def find_splits(pairs: list[Pair], threshold: float = THRESHOLD) -> list[Pair]:
    """``pairs`` with splits and merges of running text found (pieces absorbed)."""
    running = [p for p in pairs if _family(p) in RUNNING]
    if not running:
        return pairs
    a = _Side(
        (p.a for p in running if p.a is not None),
        (p.a for p in running if p.a is not None and p.b is None),
    )
    b = _Side(
        (p.b for p in running if p.b is not None),
        (p.b for p in running if p.b is not None and p.a is None),
    )
    absorbed: set[int] = set()
    for p in running:
        if p.a is None or p.b is None or p.a.text == p.b.text:
            continue
        x, y = p.a, p.b
        s = _score(x, [y])
        run_a, sa = a.grow(y, [x])
        run_b, sb = b.grow(x, [y])
        if len(run_a) > 1 and sa >= sb:
            p.a, p.extra_a, p.kind, p.similarity = run_a[0], tuple(run_a[1:]), ChangeKind.MERGED, sa
            taken = [u for u in run_a if u is not x]
            _take(a, taken, absorbed)
        elif len(run_b) > 1 and sb > s:
            p.b, p.extra_b, p.kind, p.similarity = run_b[0], tuple(run_b[1:]), ChangeKind.SPLIT, sb
            _take(b, [u for u in run_b if u is not y], absorbed)
    out: list[Pair] = []
    for p in running:
        one = p.a if p.b is None else p.b if p.a is None else None
        if one is None or id(one) in absorbed:
            continue
        side, other, kind = (b, a, ChangeKind.SPLIT) if p.b is None else (a, b, ChangeKind.MERGED)
        if id(one) not in (other.free):
            continue
        found = _run_for(one, side, threshold)
        if found is None:
            continue
        run, score = found
        _take(side, run, absorbed)
        _take(other, [one], absorbed)
        if kind is ChangeKind.SPLIT:
            out.append(Pair(one, run[0], kind, score, extra_b=tuple(run[1:])))
        else:
            out.append(Pair(run[0], one, kind, score, extra_a=tuple(run[1:])))
    kept = [
        p
        for p in pairs
        if not (
            (p.a is None and p.b is not None and id(p.b) in absorbed)
            or (p.b is None and p.a is not None and id(p.a) in absorbed)
        )
    ]
    return kept + out


def _take(side: _Side, units: Iterable[Unit], absorbed: set[int]) -> None:
    for u in units:
        side.free.pop(id(u), None)
        absorbed.add(id(u))

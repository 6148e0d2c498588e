"""Where a model path was written: the file of the longest prefix that holds it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from guidelines_model.model.origin import Marks, Origin, Path

STEP = st.sampled_from(["values", "practice", "items", "text", 0, 1, 2])
PATH = st.lists(STEP, max_size=5).map(tuple)


def _by_scanning(origin: Origin, path: Path) -> tuple[Marks, Path] | None:
    """The definition: the last part added whose prefix is the longest prefix of ``path``."""
    for cut in range(len(path), -1, -1):
        hits = [(inner, marks) for prefix, inner, marks in origin.parts if prefix == path[:cut]]
        if hits:
            inner, marks = hits[-1]
            return marks, inner + path[cut:]
    return None


@given(st.lists(st.tuples(PATH, PATH), max_size=6), st.lists(PATH, min_size=1, max_size=8))
def test_resolve_finds_the_longest_prefix(
    parts: list[tuple[Path, Path]], paths: list[Path]
) -> None:
    """Each path resolves to the file and inner path that scanning every part finds, also
    after parts are added between lookups."""
    origin = Origin()
    half = len(parts) // 2
    for i, (prefix, inner) in enumerate(parts[:half]):
        origin.add(prefix, Marks(f"f{i}.yaml"), inner)
    for path in paths:
        assert origin.resolve(path) == _by_scanning(origin, path)
    for i, (prefix, inner) in enumerate(parts[half:], start=half):
        origin.add(prefix, Marks(f"f{i}.yaml"), inner)
    for path in paths:
        assert origin.resolve(path) == _by_scanning(origin, path)

"""Metadata comparison: our own walk, held to DeepDiff's report, and a dump-free metadata view."""

from __future__ import annotations

from typing import Any

from deepdiff import DeepDiff
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import editions

from guidelines_model import Edition, Library
from guidelines_model.diff.metadata import FIELDS, MISSING, differences, metadata

# JSON as metadata holds it: text, numbers, true/false, null, mappings and lists of them.
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(-3, 3, allow_nan=False).map(lambda f: round(f, 1)),
    st.sampled_from(["", "a", "b", "CC BY 4.0", "98%"]),
)
KEYS = st.sampled_from(["name", "url", "text", "percent", "file", "role"])
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=12,
)
METADATA = st.dictionaries(st.sampled_from(FIELDS), JSON, max_size=5)


def _ours(old: Any, new: Any) -> set[tuple[tuple[Any, ...], Any, Any]]:
    out = set()
    for path, a, b in differences(old, new):
        out.add(
            (
                path,
                "<missing>" if a is MISSING else repr(a),
                "<missing>" if b is MISSING else repr(b),
            )
        )
    return out


def _deepdiff(old: Any, new: Any) -> set[tuple[tuple[Any, ...], Any, Any]]:
    # Lists by position, and mappings key by key however few keys they share: the comparison
    # that metadata_changes documents.
    tree = DeepDiff(old, new, view="tree", zip_ordered_iterables=True, threshold_to_diff_deeper=0)
    out = set()
    for report, levels in tree.items():
        for level in levels:
            path = tuple(level.path(output_format="list"))
            a = "<missing>" if report.endswith("_added") else repr(level.t1)
            b = "<missing>" if report.endswith("_removed") else repr(level.t2)
            out.add((path, a, b))
    return out


@given(METADATA, METADATA)
def test_differences_are_deepdiffs(old: dict[str, Any], new: dict[str, Any]) -> None:
    """Every place where two metadata trees differ, as DeepDiff reports it: same paths, same
    old and new values, added and removed entries alike."""
    assert _ours(old, new) == _deepdiff(old, new)


@given(METADATA)
def test_no_differences_from_itself(data: dict[str, Any]) -> None:
    assert list(differences(data, data)) == []


def test_type_changes_are_differences() -> None:
    """1 and 1.0 and True are equal in Python, but not the same metadata."""
    assert [p for p, _, _ in differences({"a": 1, "b": [True]}, {"a": 1.0, "b": [1]})] == [
        ("a",),
        ("b", 0),
    ]


def test_real_metadata_is_what_pydantic_dumps(library: Library) -> None:
    """The dump-free view equals model_dump(mode="json") on every real edition."""
    for edition in library:
        assert metadata(edition) == edition.model_dump(mode="json", include=set(FIELDS))


@given(editions(max_values=2))
def test_generated_metadata_is_what_pydantic_dumps(edition: Edition) -> None:
    assert metadata(edition) == edition.model_dump(mode="json", include=set(FIELDS))

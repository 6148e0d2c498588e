"""What a consumer's type checker sees: precise node types, not ``Any``.

``nox -s types`` runs ``mypy --strict`` over this file: the ``type: ignore`` below is needed
only because ``Library.get(id)`` returns the union of node types (were it ``Any``, strict
mypy would report the ignore as unused), and ``Library.get(id, Item)`` must type-check.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from tests.strategies import editions

from guidelines_model import Edition, Item, Library, Location
from guidelines_model.export.json import from_json, to_json

ITEM = "2013/voluntary/practice/1"


def test_get_with_a_class_is_typed_as_that_class(library: Library) -> None:
    """``lib.get(id, Item).text`` is a str to the type checker and at run time."""
    text: str = library.get(ITEM, Item).text
    assert text.startswith("Peer supporters do not force or coerce")


def test_a_misspelt_attribute_is_a_type_error(library: Library) -> None:
    """``lib.get(id).txt`` fails strict type checking (and at run time)."""
    with pytest.raises(AttributeError):
        library.get(ITEM).txt  # type: ignore[union-attr]  # noqa: B018


def test_locate_returns_the_exported_location(library: Library) -> None:
    """``Edition.locate`` returns :class:`guidelines_model.Location`, exported at the top."""
    where = library.edition("2013").locate(ITEM)
    assert isinstance(where, Location)
    assert where.file.endswith("01-voluntary.yaml")


def test_from_json_takes_text_or_a_path(library: Library, tmp_path: Path) -> None:
    """``from_json`` reads JSON text, a Path, or a path given as a string."""
    edition = library.edition("2013")
    text = to_json(edition)
    target = tmp_path / "2013.json"
    target.write_text(text, encoding="utf-8")
    for source in (text, target, str(target)):
        back = from_json(source)
        assert isinstance(back, Edition)
        assert back == edition


def test_node_kinds_and_parts_are_enumerated(library: Library) -> None:
    """Every node the walk gives has a documented NodeKind; every change of a diff carries a
    NodeKind and a Part (each also equal to its string)."""
    from guidelines_model import NodeKind
    from guidelines_model.diff import Part, diff

    docs = [*library.editions.values(), *library.derivatives.values()]
    kinds = {n.kind for d in docs for n in d.nodes()}
    assert kinds <= set(NodeKind)
    for new in ("2019_supervisors", "who_2017"):
        result = diff(library.edition("2013"), library.edition(new))
        assert all(type(c.node) is NodeKind and type(c.part) is Part for c in result.all_changes)
    assert NodeKind.PRACTICE_ITEM.value == "practice-item"
    assert Part.FRONT_MATTER.value == "front matter"


@given(editions())
def test_generated_editions_have_only_enumerated_node_kinds(edition: Edition) -> None:
    """Whatever an edition holds, its node kinds are NodeKind members."""
    from guidelines_model import NodeKind

    assert {n.kind for n in edition.nodes()} <= set(NodeKind)

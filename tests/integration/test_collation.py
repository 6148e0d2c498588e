"""Collation of three editions: every cell read against the edition it is based on (2019 and
WHO both against 2013, read in content/*/values), in either order of the columns."""

from __future__ import annotations

from typing import Any

import pytest

from guidelines_model import Library
from guidelines_model.cli import main
from guidelines_model.diff import Collation, CollationRow, TextClass, collate
from guidelines_model.diff.render import render

ORDERS = [("2013", "who_2017", "2019_supervisors"), ("2013", "2019_supervisors", "who_2017")]


def _table(library: Library, ids: tuple[str, ...], **kw: Any) -> Collation:
    return collate([library.edition(i) for i in ids], **kw)


def _row(table: Collation, value: str, label_end: str) -> CollationRow:
    found = [r for r in table.rows if r.value == value and r.label.endswith(label_end)]
    assert len(found) == 1, found
    return found[0]


def _by_edition(table: Collation, row: CollationRow) -> dict[str, tuple[object, ...]]:
    """Each edition's cell as (variant, classes, base, deleted|inserted)."""
    out: dict[str, tuple[object, ...]] = {}
    for e, c in zip(table.editions, row.cells, strict=True):
        assert c is not None
        changed = "|".join(f"{t.tag[0]}:{t.text}" for t in c.words if t.tag != "equal")
        out[e.id] = (c.variant, sorted(k.value for k in c.classification), c.base, changed)
    return out


@pytest.mark.parametrize("ids", ORDERS)
def test_each_cell_is_read_against_its_base(library: Library, ids: tuple[str, ...]) -> None:
    """Value 8, item 2: WHO respells "fulfill"; 2019 prints 2013's words exactly. In either
    order, the WHO cell shows fulfill -> fulfil against 2013 and the 2019 cell equals 2013."""
    table = _table(library, ids)
    assert [table.editions[b].id if b is not None else None for b in table.bases] == [
        None,
        "2013",
        "2013",
    ]
    cells = _by_edition(table, _row(table, "mutual-reciprocal", "practice item 2"))
    assert cells == {
        "2013": (False, [], None, ""),
        "who_2017": (True, ["spelling"], "2013", "d:fulfill|i:fulfil"),
        "2019_supervisors": (False, [], "2013", ""),
    }
    honest = _by_edition(table, _row(table, "honest-direct", "practice item 2"))
    assert honest["2019_supervisors"] == (True, ["punctuation"], "2013", "d:,")
    assert honest["who_2017"] == (False, [], "2013", "")


@pytest.mark.parametrize("ids", ORDERS)
def test_same_rows_in_either_order(library: Library, ids: tuple[str, ...]) -> None:
    """The rows (by each edition's id) do not depend on the order of the columns."""
    table = _table(library, ids)
    reference = _table(library, ORDERS[0])

    def ids_of(t: Collation) -> set[frozenset[str]]:
        return {frozenset(c.id for c in r.cells if c is not None) for r in t.rows}

    assert ids_of(table) == ids_of(reference)
    assert {r.value for r in table.rows} == {r.value for r in reference.rows}


def test_base_option_reads_every_column_against_one_edition(library: Library) -> None:
    """--base who_2017: 2013 and 2019 are both read against WHO, so 2013 shows WHO's
    respelling backwards."""
    table = _table(library, ORDERS[0], base="who_2017")
    cells = _by_edition(table, _row(table, "mutual-reciprocal", "practice item 2"))
    assert cells["2013"] == (True, ["spelling"], "who_2017", "d:fulfil|i:fulfill")
    assert cells["who_2017"] == (False, [], None, "")
    with pytest.raises(ValueError, match="--base 'nope'"):
        _table(library, ORDERS[0], base="nope")


def test_ignore_and_markdown_say_what_a_cell_equals(library: Library) -> None:
    """With spelling ignored, WHO's "fulfil" is no variant and the Markdown cell says what it
    equals; unchanged cells say "= 2013"."""
    table = _table(library, ORDERS[0], ignore=frozenset({TextClass.SPELLING}))
    row = _row(table, "mutual-reciprocal", "practice item 2")
    assert [c.variant for c in row.cells if c is not None] == [False, False, False]
    md = render(table, "markdown")
    line = next(
        x
        for x in md.splitlines()
        if x.startswith('| Value 8 "Peer support is mutual') and "practice item 2" in x
    )
    assert line.endswith(r"| \= 2013 (spelling ignored) | \= 2013 |")
    assert (
        "Each column is compared with its base: who\\_2017 with 2013; 2019\\_supervisors with 2013."
        in md
    )


def test_part_limits_the_rows(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    """Values only by default; --part glossary gives the glossary rows, --part all every part."""
    values = _table(library, ORDERS[0])
    assert {r.part for r in values.rows} == {"values"}
    glossary = _table(library, ORDERS[0], parts=frozenset({"glossary"}))
    assert {r.part for r in glossary.rows} == {"glossary"}
    every = _table(library, ORDERS[0], parts=frozenset({"all"}))
    assert {"values", "glossary", "front matter", "who values"} <= {r.part for r in every.rows}
    assert main(["diff", *ORDERS[0], "--format", "json", "--part", "front"]) == 0
    out = capsys.readouterr().out
    assert '"parts": [\n    "front"\n  ]' in out

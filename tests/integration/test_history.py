"""``guidelines history`` and the library's ``history``: lineages of the real editions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from markdown_it import MarkdownIt
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from guidelines_model import Edition, NotFoundError, load_library
from guidelines_model.cli import main
from guidelines_model.lineage import Lineages, history, lineages
from guidelines_model.lineage.render import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schema" / "history.schema.json").read_text(encoding="utf-8"))
FALSE_PROMISES = (
    "Peer supporters do not make false promises, misrepresent themselves, others or circumstances."
)


@pytest.fixture(scope="module")
def found() -> Lineages:
    return lineages(load_library())


def test_honest_direct_item_4_is_in_2013_and_who_and_removed_from_2019() -> None:
    """2013/honest-direct/practice/4: present in 2013 and WHO with its wording, removed in 2019."""
    h = history(load_library(), "2013/honest-direct/practice/4")
    assert [s.edition.id for s in h.steps] == ["2013", "who_2017", "2019_supervisors"]
    first, who, later = h.steps
    assert first.ids == ("2013/honest-direct/practice/4",)
    assert first.text == FALSE_PROMISES
    assert first.kind is None
    assert who.ids == ("who_2017/honest-direct/practice/4",)
    assert who.text == FALSE_PROMISES
    assert who.kind == "unchanged"
    assert who.based_on == later.based_on == "2013"
    assert not later.present
    assert later.text is None
    assert later.kind == "removed"
    assert later.change is not None
    assert later.change.old == FALSE_PROMISES


def test_strengths_focused_item_5_is_followed_to_2019_item_4(found: Lineages) -> None:
    """2013/strengths-focused/practice/5 is 2019's item 4, with its wording."""
    h = found.of("2013/strengths-focused/practice/5")
    step = h.step("2019_supervisors")
    assert step.ids == ("2019_supervisors/strengths-focused/practice/4",)
    assert step.place is not None
    assert step.place.endswith("practice item 4")
    assert step.kind == "moved"
    assert step.text == h.step("2013").text


def test_an_item_new_in_2019_is_absent_before(found: Lineages) -> None:
    """2019's honest-direct item 4 (new there): not in 2013 nor WHO, added in 2019."""
    h = found.of("2019_supervisors/honest-direct/practice/4")
    assert [(s.present, s.kind) for s in h.steps] == [
        (False, None),
        (False, None),
        (True, "added"),
    ]
    assert h.anchor == "2019_supervisors/honest-direct/practice/4"


def test_a_split_and_a_merge_are_followed_block_by_block(found: Lineages) -> None:
    """2013 background/3, split into 2019 appendix blocks, and background/10 and /11, merged
    into one: each history holds every block, from either side."""
    split = found.of("2013/front/background/3").step("2019_supervisors")
    assert split.kind == "split"
    assert split.change is not None
    assert split.ids == split.change.new_ids
    assert len(split.ids) > 1
    assert split.text == split.change.new
    assert found.of(split.ids[-1]).steps == found.of("2013/front/background/3").steps
    merged = found.of("2013/front/background/10")
    step = merged.step("2019_supervisors")
    assert step.kind == "merged"
    assert merged.step("2013").ids == ("2013/front/background/10", "2013/front/background/11")
    assert found.of("2013/front/background/11").steps == merged.steps


@pytest.mark.parametrize(
    ("later", "first"),
    [
        ("2019_supervisors/strengths-focused/practice/4", "2013/strengths-focused/practice/5"),
        ("who_2017/honest-direct/practice/4", "2013/honest-direct/practice/4"),
        ("2019_supervisors/honest-direct/description/2", "2013/honest-direct/description/1"),
    ],
)
def test_a_later_id_gives_the_history_of_its_2013_counterpart(
    found: Lineages, later: str, first: str
) -> None:
    """Starting from a 2019 or WHO id gives the same steps as from its 2013 counterpart."""
    assert found.of(later).steps == found.of(first).steps


def test_every_lineage_is_the_same_from_each_of_its_ids(found: Lineages) -> None:
    """For every text of every value, each id of its lineage gives the same steps."""
    lib = load_library()
    keys = {v.key for e in lib for v in e.values}
    for key in keys:
        for h in found.value(key):
            for id_ in h.ids:
                assert found.of(id_).steps == h.steps, id_


def test_a_value_history_covers_every_text_of_the_value_once(found: Lineages) -> None:
    """--value: every text of the value in any edition is in exactly one lineage."""
    lib = load_library()
    histories = found.value("honest-direct")
    ids = [i for h in histories for i in h.ids]
    assert len(ids) == len(set(ids))
    for e in lib:
        for id_, _ in e.texts():
            if id_.startswith(f"{e.id}/honest-direct/"):
                assert id_ in ids


def test_an_unknown_id_suggests_the_closest(found: Lineages) -> None:
    """An id no edition has is a NotFoundError naming the closest id."""
    with pytest.raises(NotFoundError) as caught:
        found.of("2013/honest-direct/practice/9")
    assert caught.value.suggestion is not None
    assert caught.value.suggestion.startswith("2013/honest-direct/practice/")
    with pytest.raises(NotFoundError, match="did you mean '2013'"):
        found.of("2O13/honest-direct/practice/4")


# --- the command ----------------------------------------------------------------------------


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["history", *argv]) == 0
    return capsys.readouterr().out


def test_text_names_every_edition_and_the_absence(capsys: pytest.CaptureFixture[str]) -> None:
    """Text: each edition in order of year, the removal from 2013, 'not in this edition'."""
    out = _run(["2013/honest-direct/practice/4"], capsys)
    assert out.index("2013 (2013)") < out.index("who_2017 (2017)") < out.index("2019_supervisors")
    assert "2019_supervisors (2019): removed from 2013\n  not in this edition" in out
    assert FALSE_PROMISES in out


def test_a_rewording_shows_its_word_diff(capsys: pytest.CaptureFixture[str]) -> None:
    """A reworded step shows the words deleted and inserted, wdiff-style."""
    out = _run(["2013/mutual-reciprocal/practice/3"], capsys)
    assert "reworded (substantive) from 2013" in out
    assert "[-facilitate -]respect and honor" in out


@pytest.mark.parametrize(
    "argv", [["2013/honest-direct/practice/4"], ["--value", "strengths-focused"]]
)
def test_json_validates_against_the_schema(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """--format json validates against schema/history.schema.json."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["properties"]["schema_version"] == {"const": SCHEMA_VERSION}
    data: Any = json.loads(_run([*argv, "--format", "json"], capsys))
    # A change is the diff's change object: the history schema refers to the diff schema's.
    diff_schema = json.loads((ROOT / "schema" / "diff.schema.json").read_text(encoding="utf-8"))
    registry = Registry().with_resource(
        "diff.schema.json", Resource.from_contents(diff_schema, DRAFT202012)
    )
    jsonschema.Draft202012Validator(SCHEMA, registry=registry).validate(data)
    changes = [c for h in data["histories"] for s in h["steps"] for c in s["changes"]]
    assert changes
    assert all(c["new_edition"] != "2013" and c["old_edition"] == "2013" for c in changes)
    kinds = {s["kind"] for h in data["histories"] for s in h["steps"]}
    assert {None, "unchanged"} <= kinds


def test_a_glossary_term_brings_its_texts(capsys: pytest.CaptureFixture[str]) -> None:
    """A glossary term's id: the entry, then its term and definition, each edition by edition."""
    lib = load_library()
    data: Any = json.loads(_run(["2013/glossary/peer", "--format", "json"], capsys))
    anchors = [h["anchor"] for h in data["histories"]]
    assert anchors[:3] == [
        "2013/glossary/peer",
        "2013/glossary/peer/term",
        "2013/glossary/peer/definition/1",
    ]
    definition = data["histories"][2]["steps"]
    assert [s["text"] for s in definition] == [
        lib.get("2013/glossary/peer/definition/1"),
        None,
        lib.get("2019_supervisors/glossary/peer/definition/1"),
    ]
    assert [s["kind"] for s in definition] == [None, "removed", "reworded"]


def test_markdown_parses_and_escapes(capsys: pytest.CaptureFixture[str]) -> None:
    """--format markdown parses, and ids render as code, not emphasis."""
    out = _run(["--value", "honest-direct", "--format", "markdown"], capsys)
    tokens = MarkdownIt().parse(out)
    assert any(t.type == "heading_open" for t in tokens)
    html = MarkdownIt().render(out)
    assert "<code>2019_supervisors/honest-direct/practice/4</code>" in html
    assert "<em>" not in html.replace("<em>not in this edition</em>", "")


def test_html_is_one_escaped_page(capsys: pytest.CaptureFixture[str]) -> None:
    """--format html: a page with one timeline per lineage, anchored by its first id."""
    out = _run(["--value", "honest-direct", "--format", "html"], capsys)
    assert out.startswith("<!DOCTYPE html>")
    assert '<section id="2013/honest-direct/practice/4">' in out
    assert '<p class="absent">not in this edition</p>' in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["2013/honest-direct/practice/9"], "did you mean '2013/honest-direct/practice/"),
        (["--value", "honest-drect"], "did you mean 'honest-direct'"),
        ([], "give one ID, or --value KEY"),
        (["2013/honest-direct/practice/4", "--value", "honest-direct"], "give one ID"),
        (["2013"], "is an edition"),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown id or value, or no target, is a usage error: exit 2, a message, no trace."""
    assert main(["history", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_every_format_escapes_the_content() -> None:
    """Markup in a wording stays text in HTML and Markdown; JSON keeps it verbatim."""
    from guidelines_model.lineage.render import render_history

    a = load_library().edition("2013")
    data = a.model_dump(exclude_none=True)
    first = data["values"][0]["practice"]["items"][0]
    first["text"] += " <script>alert(1)</script> *x*"
    b = Edition.model_validate({**data, "id": "next", "year": 2030, "based_on": "2013"})
    v = a.values[0]
    item = b.values[0].practice.items[0]
    h = lineages([a, b]).within(f"2013/{v.key}/practice/1")
    assert h[0].step("next").kind == "reworded"
    html = render_history(h, "html")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    rendered = MarkdownIt().render(render_history(h, "markdown"))
    assert "<script>" not in rendered
    assert "<em>x</em>" not in rendered
    data = json.loads(render_history(h, "json"))
    assert data["histories"][0]["steps"][1]["text"] == item.text
    assert ["insert", " <script>alert(1)</script> *x*"] in data["histories"][0]["steps"][1]["words"]

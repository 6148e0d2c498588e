"""Footnote markers: placed after the words they follow, proven from the sources, linked both
ways in HTML, and reported with file and line when the recorded words are wrong."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import SOURCES

from guidelines_model import load_library
from guidelines_model.export.html import to_html
from guidelines_model.model.nodes import markers
from guidelines_model.model.parts import Footnote
from guidelines_model.verify.markers import verify_markers

_MARKER = re.compile(r'<sup class="fnref">.*?</sup>')
_TAGS = re.compile(r"<[^>]+>")


def note(marker: str, follows: str | None) -> Footnote:
    return Footnote(id=f"s/footnote/{marker}", marker=marker, text="A note.", follows=follows)


def test_every_footnote_of_the_real_content_is_placed_and_proven_from_its_source() -> None:
    """All 14 published footnotes have a recorded position, found once in their section or
    entry, and a source prints the marker right there (the line is the source's own)."""
    lib = load_library()
    placed = {
        p.footnote.id: p.text_id
        for d in lib.editions.values()
        for group in d.markers()
        for p in group.places
    }
    assert len(placed) == 14
    assert not [u for d in lib.editions.values() for g in d.markers() for u in g.unplaced]
    assert placed["2019_supervisors/glossary/advocacy/footnote/2"] == (
        "2019_supervisors/glossary/advocacy/term"
    )
    assert placed["2013/front/background/footnote/1"] == "2013/front/background/11"
    proven = {
        r.footnote.id: (r.source, r.line)
        for d in lib.editions.values()
        for r in verify_markers(d, SOURCES)
    }
    assert set(proven) == set(placed)
    assert proven["2019_supervisors/glossary/co-optation-peer-drift/footnote/5"] == (
        "001_adca2357e3a5e2ae.txt",
        1189,  # "CO-OPTATION4 5/ PEER DRIFT": the second of two markers at one place
    )
    assert proven["2013/glossary/peer-support/footnote/2"] == ("000_3a9a1a5a65c6128f.txt", 273)


def test_a_wrong_marker_is_not_proven() -> None:
    """The proof looks for this marker, not any marker: footnote 3 is not printed after the
    words footnote 2 follows."""
    e = load_library().editions["2013"]
    good = next(r for r in verify_markers(e, SOURCES) if r.footnote.marker == "2")
    assert good.found
    term = e.glossary[[t.key for t in e.glossary].index("peer-support")]
    moved = term.footnotes[0].model_copy(update={"marker": "3"})
    changed = e.model_copy(
        update={
            "glossary": tuple(
                t.model_copy(update={"footnotes": (moved,)}) if t is term else t for t in e.glossary
            )
        }
    )
    wrong = next(r for r in verify_markers(changed, SOURCES) if r.footnote.id == moved.id)
    assert not wrong.found


def test_words_found_twice_or_not_at_all_are_unplaced_with_the_count() -> None:
    texts = (("s/1", "the U.S. and the U.S. again."), ("s/2", "Nothing here."))
    m = markers(texts, (note("1", "the U.S."), note("2", "Canada"), note("3", None)))
    assert m.places == ()
    assert [(f.marker, n) for f, n in m.unplaced] == [("1", 2), ("2", 0)]


def test_places_come_in_printed_order_whatever_the_order_of_the_notes() -> None:
    texts = (("s/heading", "HEADING"), ("s/1", "One two three."))
    m = markers(texts, (note("2", "three."), note("1", "HEADING"), note("3", "One")))
    assert [(p.text_id, p.end, p.footnote.marker) for p in m.places] == [
        ("s/heading", 7, "1"),
        ("s/1", 3, "3"),
        ("s/1", 14, "2"),
    ]


words = st.text(alphabet="abc <&\"'", min_size=1, max_size=30)


@given(before=words, after=words, follows=st.text(alphabet="XYZ", min_size=1, max_size=5))
def test_a_unique_quote_places_the_marker_right_after_it(
    before: str, after: str, follows: str
) -> None:
    """The marker's offset is the end of the only occurrence of the quoted words."""
    text = before + follows + after
    m = markers((("s/1", text),), (note("1", follows),))
    assert m.places[0].end == len(before) + len(follows)


def test_html_links_each_marker_to_its_note_and_back() -> None:
    """Every marker in the text is a link to its footnote, every footnote links back to its
    marker, the ids are unique, and without the markers the text is as published."""
    e = load_library().editions["2019_supervisors"]
    html = to_html(e)
    refs = re.findall(r'<sup class="fnref"> ?<a href="#([^"]+)" id="([^"]+)"', html)
    backs = re.findall(r'<a class="fnback" href="#([^"]+)"', html)
    assert len(refs) == 11
    assert sorted(backs) == sorted(ref for _, ref in refs)
    for target, ref in refs:
        assert ref == f"{target}/ref"
        assert html.count(f'id="{target}"') == 1
        assert html.count(f'id="{ref}"') == 1
    term = re.search(
        r'<span id="2019_supervisors/glossary/co-optation-peer-drift/term">(.*?)</span>', html
    )
    assert term is not None
    assert unescape(_TAGS.sub("", term.group(1))) == "CO-OPTATION4 5/ PEER DRIFT"
    assert unescape(_TAGS.sub("", _MARKER.sub("", term.group(1)))) == "CO-OPTATION/ PEER DRIFT"
    plain = unescape(_TAGS.sub("", _MARKER.sub("", html)))
    for _, text in e.texts():
        assert text in plain


def test_wrong_words_are_reported_at_the_follows_key(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped `follows` gives GM303 (not in the entry) and GM502 (no source prints the
    marker there), at the file, line and column of the words."""
    from guidelines_model.cli import main

    monkeypatch.chdir(content_copy.parent)
    path = content_copy / "2019_supervisors/glossary.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("follows: CO-LEARNING\n") == 1
    path.write_text(text.replace("follows: CO-LEARNING\n", "follows: CO-LEARNIN G\n"), "utf-8")
    line = text[: text.index("follows: CO-LEARNING")].count("\n") + 1
    code = main(["check", "content", "--select", "GM303,GM502", "--format", "github"])
    out = capsys.readouterr().out
    assert code == 1
    where = f"file=content/2019_supervisors/glossary.yaml,line={line},col=18"
    assert out.splitlines() == [
        f"::error {where},title=GM303 footnote-marker::footnote 3: the words it follows are "
        "not in its section or entry: 'CO-LEARNIN G'",
        f"::error {where},title=GM502 footnote-marker-source::footnote 3: no source prints its "
        "marker after 'CO-LEARNIN G'",
    ]

"""Source verification: what normalisation forgives, and what it never does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import SOURCES
from tests.strategies import WORDS

from guidelines_model import Library, load_edition
from guidelines_model.verify import (
    MAX_GAP_LINES,
    SourceForm,
    normalise,
    split_sentences,
    verify,
)
from guidelines_model.verify.match import reassemble
from guidelines_model.verify.text import build_form, strip_noise


def test_normalise_quotes_dashes_spaces() -> None:
    """Curly and straight quotes, dash styles and runs of spaces compare equal."""
    assert normalise("“a”  ‘b’ —\u00a0c") == normalise("\"a\" 'b' -- c")


# Mostly printable ASCII, with the characters normalise maps: spaces of every kind, hyphens,
# dashes, quotes and invisibles.
_NORMALISED = st.text(
    st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from(" -\t\n\x0b\x1f\u00a0\u2009“”‘’–—\u00ad\u200b\ufeffé"),
    ),
    max_size=30,
)


@given(_NORMALISED)
def test_normalise_fast_path_is_the_full_rules(text: str) -> None:
    """Text returned as it is (printable ASCII with nothing to map) is what the full rules give,
    and normalising twice changes nothing more."""
    from guidelines_model.verify.text import _normalise

    assert normalise(text) == _normalise(text)
    assert normalise(normalise(text)) == normalise(text)


def test_sentences() -> None:
    """Texts split into sentences at a stop followed by a capital."""
    assert split_sentences("One “two.” Three: Four. five") == ["One “two.”", "Three:", "Four. five"]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("value and judgment free", "value and judgement free"),  # a spelling "fix"
        ("Peer supporters clearly explain", "Peer supporters clearly explains"),
        ("monitor their use.", "monitor their use"),  # a dropped full stop
        (
            "Peer supporters use language that is supportive and respectful.",
            "Peer Supporters use language that is supportive and respectful.",
        ),  # capitals
    ],
)
def test_any_change_to_wording_is_caught(content_copy: Path, old: str, new: str) -> None:
    """Spelling, grammar, capitals and punctuation changes are reported as not found."""
    _edit(content_copy / "2013/values/11-transparent.yaml", old, new)
    report = verify(load_edition(content_copy / "2013"), content_copy.parent / "sources")
    assert len(report.missing) == 1
    assert report.missing[0].id.startswith("2013/transparent/")
    assert report.missing[0].location is not None


def test_stale_exception_reported(content_copy: Path) -> None:
    """An exception for a sentence that is in fact found is reported for removal."""
    _edit(
        content_copy / "2013/edition.yaml",
        "notes:",
        "unverified:\n  - target: 2013/hopeful/title\n    reason: test\nnotes:",
    )
    report = verify(load_edition(content_copy / "2013"), content_copy.parent / "sources")
    assert report.stale_exceptions == ("2013/hopeful/title",)
    assert not report.ok


MADE_UP = (
    "Peer supporters do not force or coerce others to provide effective support to these "
    "individuals."
)


def test_made_up_join_of_two_items_is_not_reassembled(content_copy: Path) -> None:
    """A sentence joining the start of one item to the end of another is not found, although
    each half is printed (in the same value, a few lines apart): its parts are not adjacent
    across a break in the source's reading order."""
    _edit(
        content_copy / "2013/values/01-voluntary.yaml",
        "Peer supporters advocate for choice when they observe coercion in any mental health "
        "or substance abuse service setting.",
        MADE_UP,
    )
    report = verify(load_edition(content_copy / "2013"), content_copy.parent / "sources")
    assert [(r.id, r.sentence) for r in report.missing] == [("2013/voluntary/practice/4", MADE_UP)]


def _form(raw: str) -> SourceForm:
    return build_form("test.txt", raw, keep_hyphens=True)


CUT = "Peer supporters ask thoughtful questions and listen with great sensitivity to all."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # A cell cut by the other column: parts end and begin lines, in order, close.
        (
            "Peer supporters ask thoughtful\nOther column text here.\nquestions and listen "
            "with great sensitivity to all.\n",
            True,
        ),
        # The second part printed before the first: not in reading order.
        (
            "questions and listen with great sensitivity to all.\nPeer supporters ask thoughtful\n",
            False,
        ),
        # The first part runs on into other words on its line: no break after it.
        (
            "Peer supporters ask thoughtful people.\nquestions and listen with great "
            "sensitivity to all.\n",
            False,
        ),
        # The second part starts inside a line: no break before it.
        (
            "Peer supporters ask thoughtful\nThey say questions and listen with great "
            "sensitivity to all.\n",
            False,
        ),
        # Adjacent at breaks, but farther apart than any column or page break.
        (
            "Peer supporters ask thoughtful\n"
            + "filler line\n" * (MAX_GAP_LINES + 1)
            + "questions and listen with great sensitivity to all.\n",
            False,
        ),
    ],
)
def test_reassembly_needs_adjacent_parts(raw: str, expected: bool) -> None:
    """Parts count only in order, at line breaks and within the bounded gap."""
    assert (reassemble(CUT, [_form(raw)]) is not None) is expected


def test_real_reassembled_sentences_still_pass(library: Library) -> None:
    """Every sentence of the content cut by a real break is reassembled from adjacent parts,
    and none of them needed the widest gap the rule allows."""
    reassembled = {
        r.id: [(p.first_line, p.last_line) for p in r.parts]
        for doc in (library.edition("2013"), library.edition("2019_supervisors"))
        for r in verify(doc, SOURCES).results
        if r.status == "reassembled"
    }
    assert reassembled == {
        "2013/empathetic/description/1": [(104, 104), (109, 109)],
        "2019_supervisors/strengths-focused/supervisor/3": [(951, 954), (992, 996)],
        "2019_supervisors/person-driven/description/2": [(1109, 1113), (1140, 1141)],
        "2019_supervisors/person-driven/supervisor/3": [(1138, 1139), (1150, 1151)],
        "2019_supervisors/glossary/co-learning/definition/1": [(1178, 1179), (1183, 1187)],
        "2019_supervisors/glossary/cultural-humility/definition/1": [(1208, 1209), (1223, 1224)],
        "2019_supervisors/glossary/transparent/definition/1": [(1292, 1294), (1299, 1303)],
    }


_LINE_END_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\n\s*(?=\w)")

SOURCE_LINES = st.lists(
    st.one_of(
        WORDS,
        st.sampled_from(
            [
                "",
                "  ",
                "sup-",
                "trauma-",
                "— dash",
                "word —",
                "a -- b",
                "• bullet",
                "<p>tag</p>",
                "ADVOCACY2 text",
                "“quoted”",
                "\u00ad",
                "-",
                "cell\tcell-\t",
                "<p>sup-</p>",
                "<li>1) entry</li>",
                "<p>port",
                "<b>bold</b>\tx",
            ]
        ),
    ),
    max_size=12,
)


@given(SOURCE_LINES, st.booleans())
def test_line_form_equals_whole_text_form(lines: list[str], keep: bool) -> None:
    """Normalising a source line by line (to know its line breaks) gives exactly the text
    that normalising it whole gives, hyphens at line ends kept or dropped."""
    raw = "\n".join(lines)
    whole = normalise(_LINE_END_HYPHEN.sub("-" if keep else "", strip_noise(raw)))
    form = build_form("x", raw, keep_hyphens=keep)
    assert form.text == whole
    # A break is a space or sits beside a dash: never inside a word.
    assert all(form.text[b - 1] in " —" or form.text[b] == "—" for b in form.breaks_before)
    assert form.breaks_after <= set(form.ends)


def test_metadata_not_printed_is_reported(content_copy: Path) -> None:
    """A metadata field no source prints, and not declared editorial, fails verification."""
    _edit(
        content_copy / "2013/edition.yaml",
        "publisher: International Association of Peer Supporters",
        "publisher: International Association of Peer Supporters (iNAPS)",
    )
    report = verify(load_edition(content_copy / "2013"), content_copy.parent / "sources")
    assert [(m.field, m.status) for m in report.metadata_problems] == [("publisher", "missing")]
    assert not report.ok


def test_editorial_field_that_is_printed_is_stale(content_copy: Path) -> None:
    """Declaring a printed field editorial is reported: the declaration hides nothing."""
    _edit(
        content_copy / "2013/edition.yaml",
        "editorial:\n",
        "editorial:\n  - field: publisher\n    reason: test\n",
    )
    report = verify(load_edition(content_copy / "2013"), content_copy.parent / "sources")
    assert [(m.field, m.status) for m in report.metadata_problems] == [("publisher", "stale")]
    assert not report.ok

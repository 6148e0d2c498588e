"""Text classification: which noise (or real wording) separates two texts; similarity."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guidelines_model.diff import NOISE, TextClass, parse_ignore
from guidelines_model.diff.classify import classify, match_key, similarity
from guidelines_model.diff.spelling import US_UK, canonical, is_variant

W, P, C, S, X = (
    TextClass.WHITESPACE,
    TextClass.PUNCTUATION,
    TextClass.CAPITALISATION,
    TextClass.SPELLING,
    TextClass.SUBSTANTIVE,
)


def test_equal_texts_have_no_class() -> None:
    """Identical texts are not a change of any class."""
    assert classify("Peer supporters are hopeful.", "Peer supporters are hopeful.") == frozenset()


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("Recovery is a personal choice. People", "Recovery is a personal choice.\n\nPeople", {W}),
        ("a  b ", "a b", {W}),
        ("value and judgment free", "value and judgment-free", {P}),
        ("engage, when desired", "engage when desired", {P}),
        ("what’s strong", "what's strong", {P}),
        ("where appropriate", "where appropriate.", {P}),
        ("long term", "longterm", {P}),
        ("PEER SUPPORT IS VOLUNTARY", "Peer support is voluntary", {C}),
        ("behavioral health", "behavioural health", {S}),
        ("to fulfill a need", "to fulfil a need", {S}),
        ("judgment", "judgement", {S}),
        ("a program", "a programme", {S}),
    ],
)
def test_each_noise_class(old: str, new: str, expected: set[TextClass]) -> None:
    """A difference of one kind of noise is classified as exactly that class."""
    assert classify(old, new) == expected


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("judgment free", "Judgment-Free", {C, P}),
        ("respect and honor a relationship", "respect, and honour a relationship", {P, S}),
        ("Honor.", "HONOUR", {C, P, S}),
        ("nonjudgmental", "non-judgemental", {P, S}),
        ("a  Colour", "a color", {W, C, S}),
    ],
)
def test_mixed_noise_is_the_set_of_classes(old: str, new: str, expected: set[TextClass]) -> None:
    """A change mixing kinds of noise is classified as the set of them."""
    assert classify(old, new) == expected


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Peer supporters tell strategic stories", "Peer supporters tell stories"),
        ("a complementary service", "a complimentary service"),
        ("Honor the peer.", "honour the peers"),
        ("four things", "for things"),
        ("every hour", "every hor"),
    ],
)
def test_any_real_word_change_is_substantive(old: str, new: str) -> None:
    """A changed word that is no spelling variant makes the change substantive, noise or not."""
    assert classify(old, new) == {X}


@pytest.mark.parametrize(
    ("us", "uk"),
    [
        *US_UK.items(),
        ("organization", "organisation"),
        ("recognized", "recognised"),
        ("analyze", "analyse"),
        ("colorful", "colourful"),
        ("neighborhood", "neighbourhood"),
        ("traveled", "travelled"),
        ("counseling", "counselling"),
        ("signaled", "signalled"),
        ("catalog", "catalogue"),
        ("acknowledgments", "acknowledgements"),
    ],
)
def test_us_and_uk_spellings_are_variants(us: str, uk: str) -> None:
    """The word table and the pattern rules map US and UK forms to one canonical form."""
    assert is_variant(us, uk)
    assert is_variant(uk.capitalize(), us)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("four", "for"),
        ("your", "yor"),
        ("filling", "filing"),
        ("prize", "prise"),
        ("acre", "acer"),
        ("honor", "honor"),
    ],
)
def test_pattern_rules_do_not_pair_other_words(a: str, b: str) -> None:
    """Short stems and unrelated words are never taken for spelling variants."""
    assert not is_variant(a, b)


def test_canonical_keeps_the_case_pattern() -> None:
    """Respelling keeps a word upper-case, capitalised or lower-case."""
    assert [canonical(w) for w in ("HONOUR", "Honour", "honour")] == ["HONOR", "Honor", "honor"]


@given(st.text(max_size=40), st.text(max_size=40))
def test_classification_is_symmetric(a: str, b: str) -> None:
    """Old against new classifies like new against old."""
    assert classify(a, b) == classify(b, a)
    assert (classify(a, b) == frozenset()) == (a == b)


def test_parse_ignore_accepts_classes_and_noise() -> None:
    """--ignore takes a comma list of noise classes, or noise for all four."""
    assert parse_ignore("spelling, capitalisation") == {S, C}
    assert parse_ignore("noise") == NOISE == {W, P, C, S}
    assert parse_ignore("") == frozenset()
    with pytest.raises(ValueError, match="cannot ignore 'substantive'"):
        parse_ignore("substantive")


def test_match_key_ignores_case_punctuation_and_spelling() -> None:
    """Texts are matched on a form without case, punctuation or US/UK spelling differences."""
    assert (
        match_key("Peer supporters HONOUR the peer’s choice!")
        == "peer supporters honor the peer s choice"
    )


def test_similarity_mixes_characters_and_words() -> None:
    """Similarity is 1 for equal keys, symmetric, and low for unrelated sentences of one form."""
    a = match_key("Peer supporters do not make false promises, misrepresent themselves.")
    b = match_key("Peer supporters respect privacy and confidentiality.")
    assert similarity(a, a) == 1.0
    assert similarity(a, b) == similarity(b, a) < 0.5
    assert similarity(a, b, cutoff=0.6) == 0.0

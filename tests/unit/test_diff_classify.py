"""Text classification: which noise (or real wording) separates two texts; similarity."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guidelines_model.diff import NOISE, Change, ChangeKind, NodeKind, Part, TextClass, parse_ignore
from guidelines_model.diff.classify import classify, match_key, similarity
from guidelines_model.diff.model import hidden_by
from guidelines_model.diff.spelling import US_UK, canonical, is_variant

W, P, C, S, K, X = (
    TextClass.WHITESPACE,
    TextClass.PUNCTUATION,
    TextClass.CAPITALISATION,
    TextClass.SPELLING,
    TextClass.CORRECTION,
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
        ("nonjudgmental", "non-judgemental", {K, P, S}),
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
        ("four things", "for things"),
        ("every hour", "every hor"),
    ],
)
def test_any_real_word_change_is_substantive(old: str, new: str) -> None:
    """A changed word that is no spelling variant makes the change substantive, noise or not."""
    assert classify(old, new) == {X}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("longterm recovery", "long-term recovery", {K, P}),
        ("long term", "longterm", {K, P}),
        ("wellbeing", "well being", {K, P}),
        ("Longterm", "long-term", {K, C, P}),
    ],
)
def test_a_word_split_or_joined_is_a_correction(
    old: str, new: str, expected: set[TextClass]
) -> None:
    """The same letters with other word boundaries correct a word: class correction too."""
    assert classify(old, new) == expected


def test_a_correction_is_not_hidden_as_noise() -> None:
    """--ignore noise leaves a correction visible; --ignore correction hides it."""
    c = Change(
        ChangeKind.REWORDED, NodeKind.DESCRIPTION, Part.VALUES, "transparent", "a", "b",
        "longterm", "long-term", classify("longterm", "long-term"), 1.0, None, None,
    )  # fmt: skip
    assert not hidden_by(c, parse_ignore("noise"))
    assert hidden_by(c, parse_ignore("noise,correction"))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("Peer supporters model recovery behaviors at work.", "Peer supporters model recovery behaviours.", {X, S}),
        ("Belief that recovery is possible. Hope", "The belief that recovery is possible.\n\nHope", {X, C, W}),
        ("Honor the peer.", "honour the peers", {X, S, C}),
        ("achieve longterm recovery from severe challenges", "achieve long-term recovery from distress", {X, K, P}),
        ("National Practice Guidelines for Peer Supporters", "Providing individualized peer support in mental health", {X}),
    ],
)  # fmt: skip
def test_a_substantive_change_keeps_every_other_class(
    old: str, new: str, expected: set[TextClass]
) -> None:
    """Beside a real word change, the noise and corrections elsewhere in the text are listed
    too; a rewritten sentence sharing a word ("peer") is substantive only."""
    assert classify(old, new) == expected


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
        ("meager", "meagre"),
        ("sabers", "sabres"),
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
        ("healthcare", "healthcaer"),
        ("figure", "figuer"),
        ("secure", "secuer"),
        ("share", "shaer"),
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
    assert parse_ignore("correction") == {K}
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

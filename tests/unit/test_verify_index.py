"""The word index finds exactly what scanning the source text finds (GM501 at scale)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from guidelines_model.verify.index import WordIndex, occurrences
from guidelines_model.verify.match import Matcher, found_in, reassemble
from guidelines_model.verify.text import build_form

# Few words, some with punctuation, so that phrases recur, overlap and end at full stops.
VOCABULARY = ("peer", "Peer", "support", "hope", "a", "trust.", "recovery,", "care", "—", "x1")
WORD = st.sampled_from(VOCABULARY)
LINES = st.lists(st.lists(WORD, min_size=1, max_size=8).map(" ".join), min_size=1, max_size=10)


@st.composite
def text_and_phrase(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A text and a phrase: mostly a run of the text's words, cut anywhere inside its first
    and last word, sometimes with a word changed; or words drawn at random."""
    text = " ".join(draw(st.lists(WORD, min_size=1, max_size=40)))
    words = text.split(" ")
    if draw(st.integers(0, 3)) == 0:
        phrase = draw(st.lists(WORD, min_size=1, max_size=6))
    else:
        i = draw(st.integers(0, len(words) - 1))
        j = draw(st.integers(i + 1, len(words)))
        phrase = words[i:j]
        phrase[0] = phrase[0][draw(st.integers(0, len(phrase[0]) - 1)) :]
        phrase[-1] = phrase[-1][: draw(st.integers(1, len(phrase[-1])))]
        if draw(st.integers(0, 3)) == 0:
            phrase[draw(st.integers(0, len(phrase) - 1))] = draw(WORD)
    return text, phrase


@given(text_and_phrase(), st.booleans(), st.booleans())
def test_index_finds_what_scanning_finds(
    case: tuple[str, list[str]], open_left: bool, open_right: bool
) -> None:
    """Every offset of a phrase, as whole words, in the same order, from the index as by
    scanning the text."""
    text, phrase = case
    indexed = WordIndex(text).occurrences(phrase, open_left=open_left, open_right=open_right)
    scanned = occurrences(" ".join(phrase), text, open_left=open_left, open_right=open_right)
    assert list(indexed) == list(scanned)


@given(text_and_phrase())
def test_bound_never_cuts_a_phrase_that_occurs(case: tuple[str, list[str]]) -> None:
    """The bound on a phrase's end never excludes a phrase that occurs in the text."""
    text, phrase = case
    index = WordIndex(text)
    for start in range(len(phrase)):
        for end in range(start + 1, len(phrase) + 1):
            part = " ".join(phrase[start:end])
            if next(occurrences(part, text, open_left=True, open_right=True), None) is not None:
                assert end <= index.bound(phrase, start)


@st.composite
def sentence_of(draw: st.DrawFn, lines: list[str]) -> str:
    """A sentence of a source of these lines: a run of its words, one cut by a column break
    (the end of a line and the start of a later one), or words made up (some of no source)."""
    words = " ".join(lines).split(" ")
    kind = draw(st.integers(0, 3))
    if kind == 0 and len(lines) > 2:
        i = draw(st.integers(0, len(lines) - 3))
        j = draw(st.integers(i + 2, len(lines) - 1))
        tail, head = lines[i].split(" "), lines[j].split(" ")
        tail = tail[draw(st.integers(0, len(tail) - 1)) :]
        head = head[: draw(st.integers(1, len(head)))]
        return " ".join(tail + head)
    if kind == 1:  # cut anywhere inside its first and last word
        i = draw(st.integers(0, len(words) - 1))
        run = words[i : draw(st.integers(i + 1, len(words)))]
        run[0] = run[0][draw(st.integers(0, len(run[0]) - 1)) :]
        run[-1] = run[-1][: draw(st.integers(1, len(run[-1])))]
        return " ".join(run)
    unknown = st.sampled_from(("zz", "qq."))
    if kind == 2:  # three or more words of no source in a row
        return " ".join(draw(st.lists(unknown, min_size=3, max_size=4)))
    return " ".join(draw(st.lists(WORD | unknown, min_size=1, max_size=12)))


@given(LINES, st.data())
def test_a_text_matched_sentence_by_sentence_as_each_sentence_alone(
    lines: list[str], data: st.DataObject
) -> None:
    """Matching a text's sentences with what is known of all its words gives, for each
    sentence, what looking it up alone gives, and for the text from each sentence on, what
    reassembling it alone gives (both by scanning, without the index)."""
    form = build_form("x.txt", "\n".join(lines), keep_hyphens=True)
    sentences = data.draw(st.lists(sentence_of(lines), min_size=1, max_size=4))
    text = Matcher([form]).sentences(sentences)
    for k, sentence in enumerate(sentences):
        assert text.found(k) == found_in(sentence, [form.text], indexed=False)
        assert text.reassemble(k) == reassemble(" ".join(sentences[k:]), [form], indexed=False)
        if text.none_found():
            assert not text.found(k)
            assert not text.reassemble(k)


@given(LINES, st.data())
def test_reassembly_and_whole_matches_are_the_same_with_the_index(
    lines: list[str], data: st.DataObject
) -> None:
    """A sentence taken across a source's line breaks (or made up) is found whole, reassembled
    from the same parts, or not found, alike with and without the word index."""
    form = build_form("x.txt", "\n".join(lines), keep_hyphens=True)
    words = form.text.split(" ")
    kind = data.draw(st.integers(0, 2))
    if kind == 0 and len(lines) > 2:
        # A sentence cut by a column break: the end of one line and the start of a later one.
        i = data.draw(st.integers(0, len(lines) - 3))
        j = data.draw(st.integers(i + 2, len(lines) - 1))
        tail, head = lines[i].split(" "), lines[j].split(" ")
        tail = tail[data.draw(st.integers(0, len(tail) - 1)) :]
        head = head[: data.draw(st.integers(1, len(head)))]
        sentence = " ".join(tail + head)
    elif kind == 1:
        i = data.draw(st.integers(0, len(words) - 1))
        j = data.draw(st.integers(i + 1, len(words)))
        sentence = " ".join(words[i:j])
    else:
        # Words of no source too, so that the check that no cut into parts can work (three
        # unknown words in a row, say) is tried.
        unknown = st.sampled_from(("zz", "qq."))
        sentence = " ".join(data.draw(st.lists(WORD | unknown, min_size=1, max_size=12)))
    assert reassemble(sentence, [form]) == reassemble(sentence, [form], indexed=False)
    assert found_in(sentence, [form.text]) == found_in(sentence, [form.text], indexed=False)


def test_a_text_matched_sentence_by_sentence_at_its_edges() -> None:
    """Two cases the properties rarely draw: a sentence found from inside a word of the source
    (it begins with punctuation, so its first word need not be a word of the source), and a
    sentence reassembled after one of words no source holds (which do not stop it)."""
    lines = ["one two three four", "other column words here", "five six seven eight"]
    form = build_form("x.txt", "\n".join(lines), keep_hyphens=True)
    text = Matcher([form]).sentences(["zz qq zz", "one two three four five six seven eight"])
    assert not text.found(0)
    assert not text.reassemble(0)
    parts = text.reassemble(1)
    assert parts is not None
    assert [(p.first_line, p.last_line) for p in parts] == [(1, 1), (3, 3)]
    assert Matcher([form]).sentences([]).none_found()  # a text of no sentence
    edge = Matcher([build_form("y.txt", "hope and recovery, care and trust", keep_hyphens=True)])
    assert edge.sentences([", care and"]).found(0)
    assert found_in(", care and", [edge.forms[0].text], indexed=False)


def test_a_text_with_a_sentence_of_unknown_words_may_still_reassemble() -> None:
    """A sentence with a word of no source inside it can still be reassembled, where a line
    ending in a dash is joined to the next without a space (the part's last word is then no
    word of the source): a text is given up at once only for unknown words in its last
    sentence, not for those of an earlier one."""
    lines = ["one two three four—", "other column words here", "five six seven eight"]
    form = build_form("x.txt", "\n".join(lines), keep_hyphens=True)
    text = Matcher([form]).sentences(["zz qq zz", "one two three four— five six seven eight"])
    assert not text.found(1)
    assert text.reassemble(1) is not None
    assert not text.none_found()

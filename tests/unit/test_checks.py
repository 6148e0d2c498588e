"""Each consistency check: a case that triggers it (message matched exactly) and one that does not."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guidelines_model import Edition, Library
from guidelines_model.checks import run_checks
from guidelines_model.checks.finding import text_hash
from guidelines_model.model.ids import CANONICAL_VALUE_KEYS

SOURCES = Path(__file__).resolve().parents[2] / "sources"
SHA = "d192e846c5c0cf8e5c569191ad62d7667c49a4a017f9b0f5a59c6461f1413837"


def base() -> dict[str, Any]:
    """A clean 12-value edition whose texts are taken from 2013 (so fidelity holds)."""
    return {
        "id": "t",
        "title": "PRACTICE GUIDELINES",
        "publisher": "International Association of Peer Supporters",
        "year": 2013,
        "kind": "peer-guidelines",
        "spelling": "en-US",
        "licence": {"name": "x"},
        "citation": "c",
        "sources": [{"file": "000_3a9a1a5a65c6128f.txt", "sha256": SHA}],
        "editorial": [
            {"field": f, "reason": "not printed in the source"}
            for f in ("year", "licence.name", "citation")
        ],
        "values": [
            {
                "key": key,
                "number": n,
                "title": "Peer support is voluntary",
                "description": ["Recovery is a personal choice."],
                "practice": {
                    "name": "Support choice",
                    "items": [
                        {"n": 1, "text": "Peer supporters respect privacy and confidentiality."},
                        {"n": 2, "text": "Peer supporters encourage resilience."},
                        {"n": 3, "text": "Peer supporters help others learn from mistakes."},
                    ],
                },
            }
            for n, key in enumerate(CANONICAL_VALUE_KEYS, start=1)
        ],
    }


def messages(data: dict[str, Any], code: str) -> list[str]:
    e = Edition.model_validate(data)
    lib = Library({e.id: e})
    return [f.message for f in run_checks(lib, select=[code], sources_root=SOURCES).findings]


def test_clean_edition_has_no_findings() -> None:
    """A clean edition yields no finding from any check."""
    e = Edition.model_validate(base())
    report = run_checks(Library({e.id: e}), sources_root=SOURCES)
    assert [f.message for f in report.findings] == []
    assert report.valid


def test_value_count() -> None:
    """GM101: eleven values is an error naming the missing one."""
    data = base()
    del data["values"][6]
    assert messages(data, "GM101") == [
        "11 core values; every edition has 12 (missing: honest-direct)"
    ]


def test_value_key() -> None:
    """GM102: a non-canonical key is an error with a suggestion."""
    data = base()
    data["values"][0]["key"] = "voluntery"
    assert messages(data, "GM102") == ["value key 'voluntery' is not one of the 12 canonical keys"]


def test_value_order() -> None:
    """GM103: two swapped (and renumbered) values: their numbers, and the one out of order."""
    data = base()
    data["values"][0], data["values"][1] = data["values"][1], data["values"][0]
    data["values"][0]["number"], data["values"][1]["number"] = 1, 2
    assert messages(data, "GM103") == [
        "value 'hopeful' is numbered 1; expected 2",
        "value 'voluntary' is numbered 2; expected 1",
        "value 'voluntary' (canonical position 1) comes after 'hopeful' (canonical position 2)",
    ]


def test_a_missing_value_is_reported_once() -> None:
    """GM101 alone: the values after a missing one keep their canonical numbers (no GM103)."""
    data = base()
    del data["values"][4]
    assert messages(data, "GM101") == ["11 core values; every edition has 12 (missing: respectful)"]
    assert messages(data, "GM103") == []


def test_item_numbering() -> None:
    """GM104: a gap in item numbers is reported once per list."""
    data = base()
    data["values"][2]["practice"]["items"][1]["n"] = 4
    data["values"][2]["practice"]["items"][2]["n"] = 5
    assert messages(data, "GM104") == [
        "value 3 practice: item numbered 4 in position 2; numbers run 1, 2, 3... without gaps or repeats"
    ]


def test_a_tab_inside_a_text_is_a_hygiene_finding() -> None:
    """GM408: a tab inside a text (YAML allows it; no edition prints one) is a warning."""
    data = base()
    data["values"][0]["practice"]["items"][0]["text"] = "Peer supporters\tdo not force others."
    assert messages(data, "GM408") == [
        "a tab at character 16 of the text: 'Peer supporters→do not force others.'"
    ]


def test_listed_title() -> None:
    """GM105: the opening list differs from the heading beyond case; case alone is fine."""
    data = base()
    data["values"][0]["listed_title"] = "PEER SUPPORT IS VOLUNTARY"
    assert messages(data, "GM105") == []
    data["values"][0]["listed_title"] = "Peer supports is voluntary"
    assert messages(data, "GM105") == [
        'value 1: the opening list prints "Peer supports is voluntary", the heading "Peer support is voluntary"'
    ]


def test_duplicate_item() -> None:
    """GM201: the same text twice in a list, even with other case and final punctuation."""
    data = base()
    data["values"][0]["practice"]["items"][2]["text"] = (
        "peer supporters respect privacy and confidentiality"
    )
    assert messages(data, "GM201") == [
        'value 1 practice: item 3 repeats item 1: "peer supporters respect privacy and confidentiality"'
    ]


def test_duplicate_across_columns() -> None:
    """GM202: a supervisor item repeating a practice item of the same value."""
    data = base()
    data["values"][1]["supervisor"] = {
        "lead_in": "THE SUPERVISOR ROLE IS TO:",
        "items": [{"n": 1, "text": "Peer supporters encourage resilience."}],
    }
    assert messages(data, "GM202") == ["value 2: supervisor item 1 repeats practice item 2"]


def test_near_duplicate() -> None:
    """GM203: two items that differ by one word are near-duplicates (a warning)."""
    data = base()
    data["values"][0]["practice"]["items"][2]["text"] = (
        "Peer supporters respect privacy and confidentiality always."
    )
    assert messages(data, "GM203") == [
        "value 1 practice: practice item 3 is nearly the same as item 1"
    ]


def test_unresolved_reference() -> None:
    """GM302: based_on and note targets must resolve."""
    data = base()
    data["based_on"] = "1999"
    data["notes"] = [{"target": "t/voluntary/practice/9", "kind": "published-error", "text": "x"}]
    assert messages(data, "GM302") == [
        "based on '1999', which is not an edition of the library",
        "note target 't/voluntary/practice/9' is not an id of t",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Peer supporters  encourage resilience.",
            "two or more spaces in a row: 'Peer supporters  encourage resilience.'",
        ),
        (
            "Peer supporters encourage resilience .",
            "space before punctuation: 'Peer supporters encourage resilience .'",
        ),
    ],
)
def test_spacing(text: str, message: str) -> None:
    """GM401: doubled spaces and spaces before punctuation."""
    data = base()
    data["values"][0]["practice"]["items"][1]["text"] = text
    assert messages(data, "GM401") == [message]


def test_unbalanced() -> None:
    """GM402: an unclosed bracket is reported; enumerators such as "1)" are not brackets."""
    data = base()
    data["values"][0]["description"] = ["It includes: 1) surveys, 2) focus groups (and more."]
    assert messages(data, "GM402") == ["1 '(' but 0 ')'"]


def test_mixed_quotes() -> None:
    """GM403: the minority quote style of a document is reported."""
    data = base()
    data["values"][0]["description"] = ["They “meet people where they are at”.", "Another “quote”."]
    data["values"][1]["description"] = ['A "straight" one.']
    assert messages(data, "GM403") == [
        "straight quotes in a document that mostly uses the other style: 'A \"straight\" one.'"
    ]


def test_final_punctuation() -> None:
    """GM404: one item without the final stop the others have."""
    data = base()
    data["values"][0]["practice"]["items"][1]["text"] = "Peer supporters encourage resilience"
    assert messages(data, "GM404") == [
        "value 1 practice: item 2 ends with 'no punctuation'; the others end with '.'"
    ]


def test_spelling_variety() -> None:
    """GM405: a UK spelling in an en-US edition; none when the variety matches."""
    data = base()
    data["values"][0]["description"] = ["Peer supporters model recovery behaviours."]
    assert messages(data, "GM405") == ["UK spelling 'behaviours' in an en-US edition"]
    data["spelling"] = "en-GB"
    assert messages(data, "GM405") == []


def test_spelling_variety_reports_every_occurrence() -> None:
    """GM405 decides once per word, but reports every occurrence, in each text, in order."""
    data = base()
    data["values"][0]["description"] = ["Colours and behaviours; BEHAVIOURS again."]
    data["values"][1]["description"] = ["Their behaviours."]
    assert messages(data, "GM405") == [
        f"UK spelling {w!r} in an en-US edition"
        for w in ("Colours", "behaviours", "BEHAVIOURS", "behaviours")
    ]
    data["spelling"] = "en-GB"
    data["values"][2]["description"] = ["Their behavior and color."]
    assert messages(data, "GM405") == [
        "US spelling 'behavior' in an en-GB edition (the declared variety writes 'behaviour')",
        "US spelling 'color' in an en-GB edition (the declared variety writes 'colour')",
    ]


def test_confusable_word() -> None:
    """GM406: 'complimentary service' is flagged; 'complementary service' is not."""
    data = base()
    data["values"][0]["description"] = ["They do offer a complementary service."]
    assert messages(data, "GM406") == []
    data["values"][0]["description"] = ["They do offer a complimentary service."]
    assert messages(data, "GM406") == [
        "compliment/complement: 'complementary' means completing; 'complimentary' means praising "
        "or free: “…They do offer a complimentary service.…”"
    ]
    # Ignoring case, "ſ" is an "s": a text of other characters than ASCII is searched whole.
    data["values"][0]["description"] = ["We inſure the outcome."]
    assert messages(data, "GM406") == [
        "insure/ensure: to make certain is to 'ensure': “…We inſure the outcome.…”"
    ]


def test_source_fidelity() -> None:
    """GM501: a sentence not in the source is an error."""
    data = base()
    data["values"][0]["description"] = ["Recovery is a personal choise."]
    assert messages(data, "GM501") == ["not found in the sources: 'Recovery is a personal choise.'"]


def test_source_fidelity_of_a_text_with_no_sentence() -> None:
    """GM501 on a text of an invisible character only: no sentence to look up, no crash (the
    invisible character is GM407's)."""
    data = base()
    data["values"][0]["description"] = ["\u200b"]
    assert messages(data, "GM501") == []
    assert messages(data, "GM407") == ["invisible character U+200B ZERO WIDTH SPACE at position 1"]


def test_source_fidelity_reports_verify_in_order() -> None:
    """GM501 reports, in verify's order: each missing sentence (an error) and excepted one
    (info) as they come, then the metadata fields, then the exceptions that excused nothing."""
    from guidelines_model.verify import verify

    data = base()
    data["values"][0]["description"] = ["Recovery is a personal choise. And a second one."]
    data["values"][1]["description"] = ["A sentence the sources never print."]
    data["values"][2]["title"] = "Another made-up title."
    data["publisher"] = "Not the publisher"
    keys = [v["key"] for v in data["values"]]
    data["unverified"] = [
        {"target": f"t/{keys[1]}/description", "reason": "printed elsewhere"},
        {"target": f"t/{keys[3]}/title", "reason": "stale"},
    ]
    e = Edition.model_validate(data)
    report = verify(e, SOURCES)
    expected = [
        f"not found in the sources: {r.sentence!r}"
        if r.status == "missing"
        else f"not verified (excepted: {r.reason})"
        for r in report.results
        if r.status in ("missing", "excepted")
    ]
    expected += [f"metadata {m.field} is not found in the sources: {m.value!r}"
                 for m in report.metadata_problems]  # fmt: skip
    expected += [
        "recorded as unverified, but every sentence is found: remove the exception"
        for _ in report.stale_exceptions
    ]
    assert len(expected) == 7
    assert messages(data, "GM501") == expected


def test_source_fidelity_of_metadata() -> None:
    """GM501: a metadata field neither printed nor editorial is an error, and so is an
    editorial entry for a field the source prints."""
    data = base()
    data["publisher"] = "International Association of Peer Supporters (iNAPS)"
    data["editorial"] = [{"field": f, "reason": "r"} for f in ("year", "citation")]
    assert messages(data, "GM501") == [
        "metadata publisher is not found in the sources: "
        "'International Association of Peer Supporters (iNAPS)'",
        "metadata licence.name is not found in the sources: 'x'",
    ]
    data = base()
    data["editorial"].append({"field": "publisher", "reason": "r"})
    assert messages(data, "GM501") == [
        "metadata publisher is listed as editorial, but a source prints it"
    ]


def _dup_data() -> dict[str, Any]:
    data = base()
    data["values"][0]["practice"]["items"][2]["text"] = (
        "Peer supporters respect privacy and confidentiality."
    )
    return data


def test_waiver_acknowledges_and_lapses_when_text_changes() -> None:
    """A waiver keeps a true finding visible but passing; when the text changes it lapses."""
    data = _dup_data()
    item_id = "t/voluntary/practice/3"
    data["waivers"] = [
        {
            "code": "GM201",
            "target": item_id,
            "reason": "printed twice",
            "text_hash": text_hash("Peer supporters respect privacy and confidentiality."),
        }
    ]
    e = Edition.model_validate(data)
    report = run_checks(Library({"t": e}), select=["GM201", "GM9"], sources_root=SOURCES)
    assert [(f.code, f.acknowledged) for f in report.findings] == [("GM201", "printed twice")]
    assert report.valid

    changed = copy.deepcopy(data)
    changed["values"][0]["practice"]["items"][2]["text"] = (
        "Peer supporters respect privacy and confidentiality!"
    )
    e2 = Edition.model_validate(changed)
    report2 = run_checks(Library({"t": e2}), select=["GM201", "GM9"], sources_root=SOURCES)
    assert [(f.code, f.acknowledged) for f in report2.findings] == [
        ("GM201", None),
        ("GM901", None),
    ]
    assert not report2.valid


def _pair(drop_item: bool) -> Library:
    parent = Edition.model_validate(base())
    child_data = base()
    child_data.update(id="c", based_on="t", kind="adaptation")
    if drop_item:
        del child_data["values"][0]["practice"]["items"][2]
    child = Edition.model_validate(child_data)
    return Library({"t": parent, "c": child})


def test_adaptation_drops_an_item() -> None:
    """GM601: an item of the parent that the adaptation drops is reported (a warning)."""
    lib = _pair(drop_item=True)
    report = run_checks(lib, ["c"], select=["GM601"], sources_root=SOURCES)
    assert [(f.severity.value, f.message) for f in report.findings] == [
        (
            "warning",
            'Value 1 "Peer support is voluntary", practice item 3: removed (the adaptation drops '
            "it; acknowledge it if the published edition does)",
        )
    ]
    assert (
        run_checks(_pair(drop_item=False), ["c"], select=["GM601"], sources_root=SOURCES).findings
        == ()
    )


def test_adaptation_unaccounted_item(monkeypatch: pytest.MonkeyPatch) -> None:
    """GM601: an item the alignment loses (neither kept nor changed) is an error."""
    from guidelines_model import diff as diff_pkg

    real = diff_pkg.diff

    def lossy(a: Edition, b: Edition) -> Any:
        result = real(a, b)
        kept = tuple(c for c in result.changes if c.old_id != "t/voluntary/practice/3")
        return type("R", (), {"changes": kept})()

    monkeypatch.setattr(diff_pkg, "diff", lossy)
    report = run_checks(_pair(drop_item=True), ["c"], select=["GM601"], sources_root=SOURCES)
    assert [f.message for f in report.findings if f.severity.value == "error"] == [
        "t/voluntary/practice/3 of t is not accounted for by the alignment with c"
    ]


def test_invisible_character() -> None:
    """GM407: a bidi override or zero-width character is named, never shown; none otherwise."""
    data = base()
    assert messages(data, "GM407") == []
    data["values"][0]["description"] = ["Peer supporters\u202e model recovery."]
    assert messages(data, "GM407") == [
        "invisible character U+202E RIGHT-TO-LEFT OVERRIDE at position 16"
    ]
    data["values"][0]["description"] = ["Peer sup\u200bporters model recovery."]
    assert messages(data, "GM407") == ["invisible character U+200B ZERO WIDTH SPACE at position 9"]


_TRIGGERS = (
    "compliment",
    "complimentary",
    "services",
    "principal",
    "principals",
    "of",
    "to",
    "may",
    "effect",
    "change",
    "an",
    "affect",
    "insured",
    "discrete",
    "manner",
    "x",
)


@given(
    st.lists(st.sampled_from(_TRIGGERS), max_size=8).map(" ".join),
    st.sampled_from([str, str.upper, str.title]),
)
def test_confusable_stems_are_in_every_match(text: str, case: Any) -> None:
    """An ASCII text GM406 skips for want of a stem is one no pattern matches."""
    from guidelines_model.checks.hygiene import _CONFUSABLE, _STEMS

    text = case(text)
    if not any(stem in text.lower() for stem in _STEMS):
        assert not any(p.search(text) for p, _ in _CONFUSABLE)


@given(
    st.text(st.sampled_from(" \t\u00a0a.,;:!?x"), max_size=12),
)
def test_spacing_prefilter_matches_when_any_pattern_does(text: str) -> None:
    """GM401 searches a text pattern by pattern only when the prefilter matches it."""
    from guidelines_model.checks.hygiene import _ANY_SPACING, _SPACING

    if any(p.search(text) for p, _ in _SPACING):
        assert _ANY_SPACING.search(text)


class _Texts:
    """What GM401 and GM405 read of a context: the texts, and a finding maker."""

    def __init__(self, texts: list[str], spelling: str = "en-US") -> None:
        self.texts = tuple((f"t/{i}", t) for i, t in enumerate(texts))
        self.doc = Edition.model_validate({**base(), "spelling": spelling})

    def finding(self, message: str, id_: str, text: str = "", **_: Any) -> tuple[str, str]:
        return id_, message


@given(st.lists(st.text(st.sampled_from(" \t\n\u00a0a.,;:!?"), max_size=8), max_size=5))
def test_spacing_of_a_document_as_of_each_text(texts: list[str]) -> None:
    """GM401 reports what searching each text pattern by pattern reports, though it first
    searches all the texts at once."""
    from guidelines_model.checks.hygiene import _SPACING, spacing

    expected = []
    for i, text in enumerate(texts):
        for pattern, what in _SPACING:
            if pattern.search(text):
                expected.append((f"t/{i}", f"{what}: {text[:80]!r}"))
                break
    found: list[Any] = list(spacing(cast(Any, _Texts(texts))))
    assert found == expected


_SPELLINGS = ["colour", "Color", "behaviours", "organise", "organize", "practice", "is", "a1"]


@given(
    st.lists(st.lists(st.sampled_from(_SPELLINGS), max_size=4).map(" ".join), max_size=4),
    st.sampled_from(["en-US", "en-GB"]),
)
def test_spelling_variety_of_a_document_as_of_each_word(texts: list[str], spelling: str) -> None:
    """GM405 reports each word of the other variety, in order, as deciding word by word does,
    though it first decides the document's words at once."""
    import re

    from guidelines_model.checks.hygiene import _BOTH, _UK_FORMS, spelling_variety
    from guidelines_model.diff.spelling import US_UK

    reported: list[Any] = list(spelling_variety(cast(Any, _Texts(texts, spelling))))
    found = [m for _, m in reported]
    expected = []
    for text in texts:
        for word in re.findall("[A-Za-z]+", text):
            lower = word.lower()
            uk = {v for k, v in US_UK.items() if k not in _BOTH}
            us = {k for k in US_UK if k not in _BOTH}
            if spelling == "en-US" and (lower in uk or _UK_FORMS.match(lower)):
                expected.append(f"UK spelling {word!r} in an en-US edition")
            elif spelling == "en-GB" and lower in us:
                expected.append(word)
    assert [m if m.startswith("UK") else m.split("'")[1] for m in found] == expected


@given(st.lists(st.sampled_from(_TRIGGERS), max_size=8).map(" ".join))
def test_confusable_prefilter_matches_when_any_pattern_does(text: str) -> None:
    """GM406 searches a text pattern by pattern only when the combined pattern matches it: the
    combined pattern matches exactly the texts one of the patterns matches."""
    from guidelines_model.checks.hygiene import _ANY_CONFUSABLE, _CONFUSABLE

    expected = any(p.search(text) for p, _ in _CONFUSABLE)
    assert bool(_ANY_CONFUSABLE.search(text)) == expected
    assert bool(_ANY_CONFUSABLE.search(text.upper())) == any(
        p.search(text.upper()) for p, _ in _CONFUSABLE
    )


_PIECES = [" ", "\t", "\u00a0", "1", "12)", "123", "a)", "ab", "Z", "٣", "(", ")", "1)"]


@given(st.lists(st.sampled_from(_PIECES), max_size=10).map("".join))
def test_enumerators_found_by_their_bracket(text: str) -> None:
    """GM402 finds the enumerators it ignores ("1)", "a)") by their ")": as many as the pattern
    that defines them."""
    import re

    from guidelines_model.checks.hygiene import _ENUMERATOR_END

    enumerator = re.compile(r"(?<!\S)(?:\d{1,2}|[a-z])\)")  # the definition
    assert len(_ENUMERATOR_END.findall(text)) == len(enumerator.findall(text))


@given(st.text(st.sampled_from(" \t\nab.!?:;,”’\"')"), max_size=10))
def test_final_punctuation_as_the_pattern_defines_it(text: str) -> None:
    """GM404's final mark: what the pattern "a stop, then closing quotes and brackets, at the
    end" finds first, after trailing spaces."""
    import re

    from guidelines_model.checks.hygiene import _final

    m = re.compile(r"[.!?:;,]?[”’\"')]*$").search(text.rstrip())
    assert _final(text) == (m.group(0)[:1] if m else "")


@given(st.text(st.sampled_from(" \t\n\u00a0aB.;:,!?“é"), max_size=10))
def test_duplicate_key_drops_final_spaces_and_stops(text: str) -> None:
    """GM201/GM202's key: the normalised, case-folded text without its final spaces and stops."""
    import re

    from guidelines_model.checks.duplicates import key
    from guidelines_model.verify import normalise

    assert key(text) == re.sub(r"[\s.;:,!?]+$", "", normalise(text).casefold())

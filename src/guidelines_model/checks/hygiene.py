"""Text hygiene: spacing, balance, quotes, final punctuation, spelling variety, confusables."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from guidelines_model.checks.finding import Finding, Severity
from guidelines_model.checks.registry import Context, rule
from guidelines_model.model.documents import Edition

_SPACING = [
    (re.compile(r"\S {2,}\S"), "two or more spaces in a row"),
    (re.compile(r"^\s|\s$"), "space at the start or end"),
    (re.compile(r"\s[,.;:!?](?:\s|$)"), "space before punctuation"),
]

# What every match of one of them holds: a space before a space or a punctuation mark, or at
# either end. A text without it is searched once, not once per pattern.
_ANY_SPACING = re.compile(r"\s(?:[ ,.;:!?]|$)|^\s")
_INNER_SPACING = re.compile(r"\s[ ,.;:!?]")


@rule("GM401", "spacing", Severity.WARNING, editions_only=False)
def spacing(ctx: Context) -> Iterator[Finding]:
    """Doubled or stray spaces inside a text."""
    # Searched first in all the texts at once (joined by a character no pattern matches),
    # their ends one by one: a document without a stray space is not searched text by text.
    joined = "\x00".join(text for _, text in ctx.texts)
    if not _INNER_SPACING.search(joined) and not any(
        text[:1].isspace() or text[-1:].isspace() for _, text in ctx.texts
    ):
        return
    for id_, text in ctx.texts:
        if not _ANY_SPACING.search(text):
            continue
        for pattern, what in _SPACING:
            if pattern.search(text):
                yield ctx.finding(f"{what}: {text[:80]!r}", id_, text)
                break


_PAIRS = [("(", ")"), ("[", "]"), ("“", "”")]
# Enumerators such as "1)" or "a)" open no bracket: one or two digits or a small letter, at
# the start or after a space, then ")". Found by their ")" (the search skips to each ")"
# rather than trying every position; a test checks them against the plain pattern).
_ENUMERATOR_END = re.compile(r"\)(?:(?<=(?<!\S)\d\))|(?<=(?<!\S)\d\d\))|(?<=(?<!\S)[a-z]\)))")


@rule("GM402", "unbalanced", Severity.WARNING, editions_only=False)
def unbalanced(ctx: Context) -> Iterator[Finding]:
    """Unbalanced brackets or curly double quotes, or an odd number of straight double quotes."""
    for id_, raw in ctx.texts:
        # Counted without the enumerators, which hold no bracket or quote but their ")".
        enumerators = len(_ENUMERATOR_END.findall(raw)) if ")" in raw else 0
        for a, b in _PAIRS:
            opened, closed = raw.count(a), raw.count(b) - (enumerators if b == ")" else 0)
            if opened != closed:
                yield ctx.finding(f"{opened} {a!r} but {closed} {b!r}", id_, raw)
        if raw.count('"') % 2:
            yield ctx.finding("odd number of straight double quotes", id_, raw)


_CURLY = re.compile("[“”‘’]")


@rule("GM403", "mixed-quotes", Severity.WARNING, editions_only=False)
def mixed_quotes(ctx: Context) -> Iterator[Finding]:
    """Straight and curly quotes mixed within one document: the minority style is reported."""
    curly = [(i, t) for i, t in ctx.texts if not t.isascii() and _CURLY.search(t)]
    straight = [(i, t) for i, t in ctx.texts if '"' in t or "'" in t]
    if curly and straight:
        minority, style = (
            (straight, "straight") if len(straight) <= len(curly) else (curly, "curly")
        )
        for id_, text in minority:
            yield ctx.finding(
                f"{style} quotes in a document that mostly uses the other style: {text[:60]!r}",
                id_,
                text,
            )


_STOPS = ".!?:;,"
_CLOSERS = "”’\"')"


def _final(text: str) -> str:
    """The final punctuation mark of a text: a stop before its closing quotes and brackets,
    else the first of them ("" when it ends in a letter)."""
    text = text.rstrip()
    body = text.rstrip(_CLOSERS)
    if body and body[-1] in _STOPS:
        return body[-1]
    return text[len(body) : len(body) + 1]


@rule("GM404", "final-punctuation", Severity.WARNING)
def final_punctuation(ctx: Context) -> Iterator[Finding]:
    """Items of one list end alike: an item without the final stop the others have."""
    assert isinstance(ctx.doc, Edition)
    from guidelines_model.checks.duplicates import item_lists

    for what, items in item_lists(ctx.doc):
        if len(items) < 3:
            continue
        ends = [_final(it.text) for it in items]
        common, count = Counter(ends).most_common(1)[0]
        if count * 2 <= len(items):
            continue
        for it, end in zip(items, ends, strict=True):
            if end != common:
                want = f"{common!r}" if common else "no final punctuation"
                yield ctx.finding(
                    f"{what}: item {it.n} ends with {end or 'no punctuation'!r}; "
                    f"the others end with {want}",
                    it.id,
                    it.text,
                )


_WORD = re.compile(r"[A-Za-z]+")
# Words whose UK form is the US form too in one sense ("practice" is the UK noun): not reported.
_BOTH = {"practice", "practices", "program", "programs", "license", "licenses", "meter", "meters"}


# UK-only word forms beyond the table: -our and -ise families common in these texts.
_UK_FORMS = re.compile(
    r"^(?:behavio|hono|colo|favo|labo|neighbo|humo|rumo|endeavo|vigo)urs?(?:al|ed|ing|ite|s)?$|"
    r"^(?:organi|recogni|reali|emphasi|prioriti|stigmati|minimi|maximi|speciali|utili|apologi|"
    r"summari|categori|empathi|familiari|mobili|normali|sociali|standardi|criticis|conceptuali|"
    r"individuali|marginali|institutionali|hospitali)s(?:e|es|ed|ing|ation|ations)$"
)


@rule("GM405", "spelling-variety", Severity.WARNING)
def spelling_variety(ctx: Context) -> Iterator[Finding]:
    """A UK spelling in an en-US edition, or a US spelling in an en-GB edition."""
    from guidelines_model.diff.spelling import US_UK

    assert isinstance(ctx.doc, Edition)
    us_only = {us: uk for us, uk in US_UK.items() if us not in _BOTH}
    uk_only = {uk for us, uk in US_UK.items() if us not in _BOTH}
    spelling = ctx.doc.spelling

    def of_other_variety(lower: str) -> bool:
        if spelling == "en-US":
            return lower in uk_only or _UK_FORMS.match(lower) is not None
        return spelling == "en-GB" and lower in us_only

    # Each word of the document decided once (a word never spans two texts joined by a line
    # break): a document with none of the other variety is not looked at text by text.
    every = set(map(str.lower, _WORD.findall("\n".join(text for _, text in ctx.texts))))
    other = {w for w in every if of_other_variety(w)}
    if not other:
        return
    for id_, text in ctx.texts:
        words = _WORD.findall(text)
        if other.isdisjoint(map(str.lower, words)):
            continue
        for word in words:
            lower = word.lower()
            if lower not in other:
                continue
            if spelling == "en-US":
                yield ctx.finding(f"UK spelling {word!r} in an en-US edition", id_, text)
            else:
                yield ctx.finding(
                    f"US spelling {word!r} in an en-GB edition (the declared "
                    f"variety writes {us_only[lower]!r})",
                    id_,
                    text,
                )


_CONFUSABLE = [
    (
        re.compile(
            r"\bcompliment(?:ary|s)?\b(?=\s+(?:service|services|care|role|roles|approach|to)\b)",
            re.I,
        ),
        "compliment/complement: 'complementary' means completing; "
        "'complimentary' means praising or free",
    ),
    (
        re.compile(r"\bprincipal(?=s?\s+(?:of|that)\b)", re.I),
        "principal/principle: a rule or belief is a 'principle'",
    ),
    (
        re.compile(r"\b(?:to|may|can|will|could|would|might)\s+effect\s+(?!change)", re.I),
        "affect/effect: to influence is to 'affect' ('effect change' means bring about)",
    ),
    (re.compile(r"\ban?\s+affect\b", re.I), "affect/effect: the result is an 'effect'"),
    (re.compile(r"\binsure(?:s|d)?\b", re.I), "insure/ensure: to make certain is to 'ensure'"),
    (
        re.compile(r"\bdiscrete(?=\s+(?:manner|way|about))", re.I),
        "discrete/discreet: careful about privacy is 'discreet'",
    ),
]


# A word each of them needs (an ASCII text holding none is not searched; a text of other
# characters is, since "ſ" or "K" match "s" or "k" ignoring case).
_STEMS = ("compliment", "principal", "effect", "affect", "insure", "discrete")
# Any of them: a text none of them matches is searched once, not once per pattern.
_ANY_CONFUSABLE = re.compile("|".join(f"(?:{p.pattern})" for p, _ in _CONFUSABLE), re.I)


@rule("GM406", "confusable-word", Severity.WARNING, editions_only=False)
def confusable_word(ctx: Context) -> Iterator[Finding]:
    """Commonly confused words used in a way that suggests the other one."""
    for id_, text in ctx.texts:
        if text.isascii():  # then case-insensitive is lower case: no stem, no match
            lower = text.lower()
            if not any(stem in lower for stem in _STEMS):
                continue
        if not _ANY_CONFUSABLE.search(text):
            continue
        for pattern, advice in _CONFUSABLE:
            m = pattern.search(text)
            if m:
                start = max(0, m.start() - 40)
                yield ctx.finding(f"{advice}: “…{text[start : m.end() + 40]}…”", id_, text)


# Invisible characters that change how a text reads or matches: bidirectional controls can
# reorder what a reader sees (the "Trojan Source" trick), zero-width characters split words
# that look whole. Named, never shown, in the finding.
_INVISIBLE = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]")


@rule("GM407", "invisible-character", Severity.WARNING, editions_only=False)
def invisible_character(ctx: Context) -> Iterator[Finding]:
    """A bidirectional control or zero-width character inside a text."""
    import unicodedata

    for id_, text in ctx.texts:
        m = _INVISIBLE.search(text)
        if m:
            char = m.group(0)
            name = unicodedata.name(char, "UNNAMED")
            yield ctx.finding(
                f"invisible character U+{ord(char):04X} {name} at position {m.start() + 1}",
                id_,
                text,
            )


@rule("GM408", "tab-in-text", Severity.WARNING, editions_only=False)
def tab_in_text(ctx: Context) -> Iterator[Finding]:
    """A tab inside a text: no edition prints one (it is an editor's indentation leaking in)."""
    for id_, text in ctx.texts:
        at = text.find("\t")
        if at >= 0:
            around = text[max(0, at - 30) : at + 30].replace("\t", "→")
            yield ctx.finding(
                f"a tab at character {at + 1} of the text: {around!r}",
                id_,
                text,
                hint="replace the tab with a space (or remove it)",
            )

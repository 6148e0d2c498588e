"""US and UK spelling variants: a word table, and pattern rules as a fallback.

:func:`canonical` maps a word to one spelling shared by its US and UK forms (the US one where the
table knows it), so two texts differ only in spelling when their canonical forms are equal.
Pattern rules only touch stems of three letters or more, so that ``four`` never becomes ``for``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

#: US spelling -> UK spelling, for words the patterns below do not cover (or cover badly).
US_UK: Final[dict[str, str]] = {
    "judgment": "judgement",
    "judgments": "judgements",
    "judgmental": "judgemental",
    "acknowledgment": "acknowledgement",
    "acknowledgments": "acknowledgements",
    "program": "programme",
    "programs": "programmes",
    "practice": "practise",  # the verb; UK keeps "practice" for the noun
    "practiced": "practised",
    "practices": "practises",
    "practicing": "practising",
    "license": "licence",
    "licenses": "licences",
    "defense": "defence",
    "offense": "offence",
    "pretense": "pretence",
    "aging": "ageing",
    "gray": "grey",
    "mold": "mould",
    "plow": "plough",
    "toward": "towards",
    "skillful": "skilful",
    "skillfully": "skilfully",
    "willful": "wilful",
    "fulfill": "fulfil",
    "fulfills": "fulfils",
    "fulfillment": "fulfilment",
    "enroll": "enrol",
    "enrolls": "enrols",
    "enrollment": "enrolment",
    "installment": "instalment",
    "instill": "instil",
    "distill": "distil",
    "catalog": "catalogue",
    "dialog": "dialogue",
    "analog": "analogue",
    "center": "centre",
    "centers": "centres",
    "centered": "centred",
    "theater": "theatre",
    "fiber": "fibre",
    "meter": "metre",
    "liter": "litre",
    "maneuver": "manoeuvre",
    "pediatric": "paediatric",
    "anemia": "anaemia",
    "anesthesia": "anaesthesia",
    "diarrhea": "diarrhoea",
    "esophagus": "oesophagus",
    "estrogen": "oestrogen",
    "fetus": "foetus",
    "hemorrhage": "haemorrhage",
    "leukemia": "leukaemia",
    "orthopedic": "orthopaedic",
    "encyclopedia": "encyclopaedia",
    "aluminum": "aluminium",
    "airplane": "aeroplane",
    "cozy": "cosy",
    "jewelry": "jewellery",
    "mustache": "moustache",
    "pajamas": "pyjamas",
    "skeptical": "sceptical",
    "artifact": "artefact",
    "behavior": "behaviour",
    "behavioral": "behavioural",
    "honor": "honour",
    "color": "colour",
}

_UK_US: Final[dict[str, str]] = {uk: us for us, uk in US_UK.items()}

# (UK pattern, US replacement), applied to the lower-cased word when the table does not know it.
_RULES: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        # honour, behavioural, favourite, colourful -> honor, behavioral, favorite, colorful
        (
            r"^(\w{2,}?)our(s|ed|ing|ful|fully|al|ally|able|ably|ite|ites|less|er|ers|hood|hoods)?$",
            r"\1or\2",
        ),
        # organise, recognised, organisation -> organize, recognized, organization
        (r"^(\w{3,})is(e|es|ed|ing|er|ers|ation|ations|able)$", r"\1iz\2"),
        # analyse, paralysed -> analyze, paralyzed
        (r"^(\w{3,})ys(e|es|ed|ing|er|ers)$", r"\1yz\2"),
        # centre, metres, fibre, meagre -> center, meters, fiber, meager; only after b, g or t,
        # so that healthcare, figure or secure stay as they are
        (r"^(\w{2,}[bgt])re(s?)$", r"\1er\2"),
        # travelled, counselling, modeller -> traveled, counseling, modeler
        (r"^(\w{2,})ell(ed|ing|er|ers|or|ors)$", r"\1el\2"),
        # signalled, totalling -> signaled, totaling
        (r"^(\w{3,})all(ed|ing)$", r"\1al\2"),
        # dialogue -> dialog
        (r"^(\w{3,})ogue(s?)$", r"\1og\2"),
        # judgement, acknowledgement, nonjudgemental -> judgment, ...
        (r"^(\w*)dgement(\w*)$", r"\1dgment\2"),
    )
)


#: Any rule at all: one match rules out most words, instead of one per rule.
_ANY_RULE: Final = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _RULES))


@lru_cache(maxsize=65536)
def _canonical_lower(word: str) -> str:
    if word in _UK_US:
        return _UK_US[word]
    if word in US_UK or not _ANY_RULE.match(word):
        return word
    for pattern, repl in _RULES:
        new = pattern.sub(repl, word)
        if new != word:
            return new
    return word


@lru_cache(maxsize=65536)
def canonical(word: str) -> str:
    """The spelling shared by ``word``'s US and UK forms, in ``word``'s case pattern."""
    lower = word.lower()
    out = _canonical_lower(lower)
    if out == lower:
        return word
    if word.isupper():
        return out.upper()
    if word[:1].isupper():
        return out[:1].upper() + out[1:]
    return out


def is_variant(a: str, b: str) -> bool:
    """Whether two different words are the US and UK spellings of one word."""
    return a != b and canonical(a.lower()) == canonical(b.lower())


def spelling_data() -> dict[str, object]:
    """The table and rules of :func:`canonical` as plain data, for a port to another language
    (the website's search folds US and UK spellings with them): ``uk_us`` (irregular UK ->
    US), ``us`` (US words the table knows), ``rules`` (``[pattern, replacement]`` with ``$1``
    groups, applied in order to a lowercase word matching none of the table)."""
    return {
        "uk_us": dict(_UK_US),
        "us": sorted(US_UK),
        "rules": [[pattern.pattern, re.sub(r"\\(\d)", r"$\1", repl)] for pattern, repl in _RULES],
    }

"""Hypothesis strategies for content: texts, items, values, whole editions, and content files
as people write them (for fmt)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from guidelines_model import CANONICAL_VALUE_KEYS, Edition

# Published wording: letters, digits, punctuation, curly quotes and dashes, single spaces.
WORDS = (
    st.text(
        alphabet=st.characters(
            categories=("L", "N", "P", "Zs", "S"), exclude_characters="\x85\u2028\u2029\xa0"
        ),
        min_size=1,
        max_size=60,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)

SHA = "d192e846c5c0cf8e5c569191ad62d7667c49a4a017f9b0f5a59c6461f1413837"


@st.composite
def items(draw: st.DrawFn, max_size: int = 6) -> list[dict[str, Any]]:
    texts = draw(st.lists(WORDS, min_size=1, max_size=max_size))
    return [{"n": n, "text": t} for n, t in enumerate(texts, start=1)]


@st.composite
def values(draw: st.DrawFn, number: int, key: str, supervisor: bool = False) -> dict[str, Any]:
    value: dict[str, Any] = {
        "key": key,
        "number": number,
        "title": draw(WORDS),
        "description": draw(st.lists(WORDS, min_size=1, max_size=3)),
        "practice": {"name": draw(WORDS), "items": draw(items())},
    }
    if draw(st.booleans()):
        value["listed_title"] = draw(WORDS)
    if supervisor:
        value["supervisor"] = {"lead_in": "THE SUPERVISOR ROLE IS TO:", "items": draw(items())}
    return value


@st.composite
def edition_data(draw: st.DrawFn, id_: str = "test", max_values: int = 12) -> dict[str, Any]:
    count = draw(st.integers(min_value=1, max_value=max_values))
    supervisor = draw(st.booleans())
    return {
        "id": id_,
        "title": draw(WORDS),
        "publisher": "Test publisher",
        "year": draw(st.integers(min_value=2000, max_value=2030)),
        "kind": "peer-guidelines",
        "spelling": draw(st.sampled_from(["en-US", "en-GB"])),
        "licence": {"name": "CC0"},
        "citation": "Test citation.",
        "sources": [{"file": "000_3a9a1a5a65c6128f.txt", "sha256": SHA}],
        "values": [
            draw(values(n, key, supervisor))
            for n, key in enumerate(CANONICAL_VALUE_KEYS[:count], start=1)
        ],
        "glossary": [
            {"key": f"term-{k}", "term": t, "definition": [d]}
            for k, (t, d) in enumerate(draw(st.lists(st.tuples(WORDS, WORDS), max_size=3)))
        ],
        "role_table": [
            {"n": n, "topic": a, "consistent": b, "not_consistent": c}
            for n, (a, b, c) in enumerate(
                draw(st.lists(st.tuples(WORDS, WORDS, WORDS), max_size=2)), start=1
            )
        ],
    }


def editions(id_: str = "test", max_values: int = 12) -> st.SearchStrategy[Edition]:
    """Valid editions built from generated data (ids assigned by the model)."""
    return edition_data(id_, max_values).map(Edition.model_validate)


# --- content files as people write them, for fmt ---------------------------------------------

# U+0085, U+2028 and U+2029 are line breaks to ruamel's round-trip parser, not to the loader's.
BREAKS = "\x85\u2028\u2029"
SCALARS = st.one_of(
    st.text(
        alphabet=st.characters(categories=("L", "N", "P", "Zs", "S"), exclude_characters="\xa0"),
        max_size=30,
    ),
    st.text(alphabet=st.sampled_from(["a", " ", "-", *BREAKS]), max_size=8),
    st.sampled_from(
        ["yes", "no", "on", "012", "1.10", "null", "~", "true", "- x", "a: b", "#x", "'q'"]
    ),
    st.integers(-1000, 1000),
    st.booleans(),
)
KEYS = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True)
STYLES = st.sampled_from(['"{}"', "'{}'", "{}"])


def _scalar(value: object, style: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if (
        style == "{}"
        and text
        and all(c.isalnum() or c == " " for c in text)
        and not text[0].isdigit()
        and text.strip() == text
        and text.lower() not in {"yes", "no", "on", "off", "true", "false", "null"}
    ):
        return text
    if style.startswith("'"):
        return "'" + text.replace("'", "''") + "'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@st.composite
def documents(draw: st.DrawFn) -> str:
    """YAML content files as people write them: mappings, lists, quoting styles, comments,
    sloppy indentation and spacing."""
    lines = ["# a comment at the top"]
    for key in draw(st.lists(KEYS, min_size=1, max_size=5, unique=True)):
        if draw(st.booleans()):
            lines.append(f"# about {key}")
        if draw(st.booleans()):
            indent = " " * draw(st.sampled_from([2, 4]))
            dash = draw(st.sampled_from(["- ", "-   "]))
            lines.append(f"{key}:")
            for v in draw(st.lists(SCALARS, min_size=1, max_size=3)):
                lines.append(f"{indent}{dash}{_scalar(v, draw(STYLES))}")
        else:
            spaces = " " * draw(st.integers(1, 3))
            comment = "  # trailing" if draw(st.booleans()) else ""
            if draw(st.booleans()):
                comment += draw(st.sampled_from(["", *BREAKS]))
            lines.append(f"{key}:{spaces}{_scalar(draw(SCALARS), draw(STYLES))}{comment}")
    return "\n".join(lines) + "\n"

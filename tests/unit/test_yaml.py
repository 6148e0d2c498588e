"""The safe YAML reader: plain data, positions, and a clear error for anything unsafe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guidelines_model import LimitError, Limits, UnsafeYamlError, YamlSyntaxError
from guidelines_model.load.loader import parse_yaml, read_yaml


def test_c_parser_is_used() -> None:
    """The loader parses with ruamel.yaml's C extension, not the 8x slower pure-Python parser."""
    from ruamel.yaml import YAML

    parser = YAML(typ="safe", pure=False).Parser
    assert f"{parser.__module__}.{parser.__name__}" == "ruamel.yaml.clib._ruamel_yaml.CParser"


def test_mappings_become_dicts_and_sequences_tuples() -> None:
    """Content data is immutable: lists are read as tuples, nested ones included."""
    doc = parse_yaml("a:\n  - [1, 2]\n  - b: x\n", "f.yaml")
    assert doc.data == {"a": ((1, 2), {"b": "x"})}


def test_yaml_12_core_scalars() -> None:
    """Plain scalars follow YAML 1.2: `no`, `on` and `012` stay text; quoted text is text."""
    doc = parse_yaml("a: no\nb: on\nc: 012\nd: 1.10\ne: '7'\nf: true\ng: ~\nh: 12\n", "f.yaml")
    assert doc.data == {
        "a": "no",
        "b": "on",
        "c": "012",
        "d": 1.1,
        "e": "7",
        "f": True,
        "g": None,
        "h": 12,
    }


def test_positions_of_values_and_keys() -> None:
    """Every node's line and column (1-based) are kept, for keys and values alike."""
    doc = parse_yaml("top:\n  items:\n    - n: 1\n      text: hello\n", "f.yaml")
    assert doc.marks.values[("top", "items", 0, "text")] == (4, 13)
    assert doc.marks.keys[("top", "items", 0, "text")] == (4, 7)


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        (
            "a: 1\na: 2\n",
            YamlSyntaxError,
            "f.yaml:2:1: duplicate key 'a' (first defined on line 1)",
        ),
        ("a: &x 1\nb: 2\n", UnsafeYamlError, "f.yaml:1:4: anchors (&x) are not allowed in content"),
        (
            "a: !!python/object/apply:os.system [ls]\n",
            UnsafeYamlError,
            "f.yaml:1:4: tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed in content",
        ),
        (
            "a: !custom x\n",
            UnsafeYamlError,
            "f.yaml:1:4: tags (!custom) are not allowed in content",
        ),
        (
            "base: {x: 1}\nb:\n  <<: {y: 2}\n",
            UnsafeYamlError,
            "f.yaml:3:3: merge keys (<<) are not allowed in content",
        ),
        (
            "a: 1\n---\nb: 2\n",
            YamlSyntaxError,
            "f.yaml:2:1: more than one YAML document in the file",
        ),
        ("a:\n\t- b\n", YamlSyntaxError, "f.yaml:2:1:"),
        ("a: [1, 2\n", YamlSyntaxError, "f.yaml:2:1:"),
    ],
)
def test_unsafe_or_broken_yaml_is_reported_at_its_place(
    text: str, error: type[Exception], message: str
) -> None:
    """Each unsafe feature or syntax error raises its error class at file:line:column."""
    with pytest.raises(error) as info:
        parse_yaml(text, "f.yaml")
    assert str(info.value).startswith(message)


def test_alias_bomb_is_rejected_before_expansion() -> None:
    """A billion-laughs document fails at its first alias instead of expanding."""
    bomb = 'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b]\n'
    with pytest.raises(UnsafeYamlError, match=r"f.yaml:1:4: anchors \(&a\)"):
        parse_yaml(bomb, "f.yaml")


def test_depth_limit() -> None:
    """Nesting past the limit is a LimitError naming the limit, not a RecursionError."""
    deep = "a: " + "[" * 60 + "]" * 60 + "\n"
    with pytest.raises(LimitError, match="nesting deeper than 50 levels"):
        parse_yaml(deep, "f.yaml")
    assert parse_yaml(deep, "f.yaml", Limits(max_depth=100)).data is not None


def test_file_size_limit(tmp_path: Path) -> None:
    """A file over the size limit is refused before it is parsed."""
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 2000 + "\n", encoding="utf-8")
    with pytest.raises(LimitError, match="file is 2,004 bytes; the limit is 1,000 bytes"):
        read_yaml(path, "big.yaml", Limits(max_file_bytes=1000))


def test_bom_is_allowed(tmp_path: Path) -> None:
    """A UTF-8 byte-order mark at the start is accepted and dropped."""
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: b\n")
    assert read_yaml(path).data == {"a": "b"}


def test_non_utf8_bytes_reported_with_line_and_column(tmp_path: Path) -> None:
    """Undecodable bytes are reported at their line and column, not as a reader crash."""
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"a: ok\nb: caf\xe9\n")
    with pytest.raises(YamlSyntaxError) as info:
        read_yaml(path, "latin1.yaml")
    assert str(info.value) == (
        "latin1.yaml:2:7: not valid UTF-8 (byte 0xe9)\n    hint: save the file as UTF-8"
    )


def test_nul_reported_with_line_and_column(tmp_path: Path) -> None:
    """A NUL character is reported at its place."""
    path = tmp_path / "nul.yaml"
    path.write_bytes(b"a: ok\nb: x\x00y\n")
    with pytest.raises(YamlSyntaxError) as info:
        read_yaml(path, "nul.yaml")
    assert str(info.value) == (
        "nul.yaml:2:5: NUL character in the file\n"
        "    hint: remove it: YAML allows no control characters but tab and line breaks"
    )


@pytest.mark.parametrize(
    ("escape", "what"),
    [
        ("\\e]0;X\\a\\e[2J", "control character U+001B"),
        ("\\0", "NUL character"),
        ("\\x9b", "control character U+009B"),
        ("\\r", "control character U+000D"),
        ("\\N", "control character U+0085"),
        ("\\uFFFE", "noncharacter U+FFFE"),
        ("\\uFDD0", "noncharacter U+FDD0"),
        ("\\U0001FFFF", "noncharacter U+1FFFF"),
    ],
)
def test_escaped_control_characters_are_refused(escape: str, what: str) -> None:
    """What an escape decodes to is checked like a raw byte (finding 5), keys included."""
    with pytest.raises(
        YamlSyntaxError, match=rf"^f\.yaml:2:8: {re.escape(what)} in a quoted string"
    ):
        parse_yaml(f'id: x\ntitle: "{escape}"\n', "f.yaml")
    with pytest.raises(YamlSyntaxError, match=rf"^f\.yaml:1:1: {re.escape(what)}"):
        parse_yaml(f'"{escape}": 1\n', "f.yaml")


def test_lone_surrogate_escape_is_refused() -> None:
    """A lone surrogate escape never becomes a string."""
    with pytest.raises(YamlSyntaxError, match=r"^f\.yaml:1:"):
        parse_yaml('a: "\\ud800"\n', "f.yaml")


def test_tab_and_newline_escapes_stay_allowed() -> None:
    """Tab and newline are text, escaped or not."""
    assert parse_yaml('a: "x\\ty\\nz"\n', "f.yaml").data == {"a": "x\ty\nz"}


def test_a_text_over_the_length_limit_is_a_located_error() -> None:
    """One text past Limits.max_text_chars (20,000) is a LimitError at it; at the limit, fine."""
    at_limit = "x" * 20_000
    assert parse_yaml(f"a: 1\nb: {at_limit}\n", "f.yaml").data["b"] == at_limit
    with pytest.raises(
        LimitError,
        match=r"^f\.yaml:2:4: text of 20,001 characters; the limit is 20,000 characters",
    ):
        parse_yaml(f'a: 1\nb: "{at_limit}y"\n', "f.yaml")
    with pytest.raises(LimitError, match="the limit is 10 characters"):
        parse_yaml("k: |\n  0123456789abc\n", "f.yaml", Limits(max_text_chars=10))
    assert parse_yaml(f"b: {at_limit}y\n", "f.yaml", Limits(max_text_chars=30_000)).data

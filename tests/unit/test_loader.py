"""Loading edition folders: every mistake reported as file:line:column at the YAML node."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from guidelines_model import ContentError, SchemaError, load_edition


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _error(folder: Path) -> str:
    with pytest.raises(ContentError) as info:
        load_edition(folder)
    return str(info.value)


def test_wrong_type_reported_at_the_node(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A list where text is expected names file, line, column, YAML path and what was expected."""
    monkeypatch.chdir(content_copy.parent)
    _edit(content_copy / "2013/values/01-voluntary.yaml", '  name: "Support choice"', "  name: [1]")
    assert _error(content_copy / "2013") == (
        "content/2013/values/01-voluntary.yaml:8:9: practice.name: expected text (a string), got list"
    )


def test_number_where_text_expected_suggests_quotes(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A YAML 1.1 trap (1.10 read as a number) gets a hint to quote the value."""
    monkeypatch.chdir(content_copy.parent)
    _edit(content_copy / "2013/values/02-hopeful.yaml", 'name: "Share hope"', "name: 1.10")
    assert _error(content_copy / "2013") == (
        "content/2013/values/02-hopeful.yaml:8:9: practice.name: expected text (a string), got number\n"
        "    hint: YAML reads '1.10' as a number; put it in quotes: \"1.10\""
    )


def test_misspelled_key_is_an_error_with_suggestion(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unknown key is never ignored: it is reported at the key, with the closest known key."""
    monkeypatch.chdir(content_copy.parent)
    _edit(content_copy / "2013/values/03-open-minded.yaml", "description:", "descripton:")
    message = _error(content_copy / "2013")
    assert message.splitlines() == [
        "content/2013/values/03-open-minded.yaml:2:1: missing required key 'description'",
        "content/2013/values/03-open-minded.yaml:6:1: descripton: unknown key 'descripton'",
        "    hint: did you mean 'description'?",
    ]


def test_item_number_must_be_a_number(content_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A quoted item number is reported with a hint to drop the quotes."""
    monkeypatch.chdir(content_copy.parent)
    _edit(content_copy / "2013/values/11-transparent.yaml", "- n: 2", '- n: "2"')
    assert _error(content_copy / "2013") == (
        "content/2013/values/11-transparent.yaml:12:10: practice.items[1].n: expected a whole number, got string\n"
        "    hint: write the number without quotes or leading zeros"
    )


def test_invalid_literal(content_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A value outside a fixed set lists the allowed ones."""
    monkeypatch.chdir(content_copy.parent)
    _edit(content_copy / "2013/edition.yaml", "spelling: en-US", "spelling: en-AU")
    assert _error(content_copy / "2013") == (
        "content/2013/edition.yaml:9:11: spelling: expected one of 'en-US' or 'en-GB', got 'en-AU'"
    )


def test_part_key_defined_twice(content_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two part files defining the same edition key is an error naming both files."""
    monkeypatch.chdir(content_copy.parent)
    (content_copy / "2013/extra.yaml").write_text("glossary: []\n", encoding="utf-8")
    assert _error(content_copy / "2013") == (
        "content/2013/glossary.yaml:9:1: key 'glossary' is already defined in content/2013/extra.yaml\n"
        "    hint: each part of an edition lives in one file"
    )


def test_missing_edition_file(tmp_path: Path) -> None:
    """A folder without edition.yaml says so."""
    with pytest.raises(ContentError, match=r"edition.yaml:1:1: edition.yaml is missing"):
        load_edition(tmp_path)


def test_empty_value_file(content_copy: Path) -> None:
    """An empty value file is reported as such, not as a crash."""
    (content_copy / "2013/values/04-empathetic.yaml").write_text("", encoding="utf-8")
    with pytest.raises(
        SchemaError,
        match=r"04-empathetic.yaml:1:1: expected a mapping \(a core value\), got an empty file",
    ):
        load_edition(content_copy / "2013")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_outside_content_root(content_copy: Path, tmp_path: Path) -> None:
    """A content file that links outside the content folder is refused."""
    outside = tmp_path / "outside.yaml"
    outside.write_text("key: voluntary\n", encoding="utf-8")
    target = content_copy / "2013/values/01-voluntary.yaml"
    target.unlink()
    target.symlink_to(outside)
    with pytest.raises(ContentError, match="outside the content folder"):
        load_edition(content_copy / "2013", root=content_copy)


def test_positions_survive_for_loaded_editions(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A loaded edition can say where each id is written."""
    monkeypatch.chdir(content_copy.parent)
    edition = load_edition(content_copy / "2013")
    loc = edition.locate("2013/transparent/practice/2")
    assert loc is not None
    assert (loc.file, loc.line, loc.column) == ("content/2013/values/11-transparent.yaml", 13, 13)
    assert loc.yaml_path == "practice.items[1].text"


@pytest.mark.parametrize("cache", ["0", "1"])
def test_a_broken_file_is_reported_before_the_shape_of_the_edition(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cache: str
) -> None:
    """Stage by stage: a YAML error in a value file comes before edition.yaml's wrong shape."""
    monkeypatch.chdir(content_copy.parent)
    monkeypatch.setenv("GUIDELINES_CACHE", cache)
    monkeypatch.setenv("GUIDELINES_CACHE_DIR", str(tmp_path / "cache"))
    (content_copy / "2013/edition.yaml").write_text("- a list\n", encoding="utf-8")
    _edit(content_copy / "2013/values/12-person-driven.yaml", "key: person-driven", "key: [")
    message = _error(content_copy / "2013")
    assert message.startswith("content/2013/values/12-person-driven.yaml:")
    (content_copy / "2013/values/12-person-driven.yaml").write_text("key: x\n", encoding="utf-8")
    assert _error(content_copy / "2013") == (
        "content/2013/edition.yaml:1:1: expected a mapping (edition metadata), got a list"
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    - n: 2\n",
            "   - n: 2\n",
            [
                "content/2013/values/01-voluntary.yaml:12:4: did not find expected key (while parsing a block mapping)",
                "    hint: the block that starts at line 8, column 3 needs each 'key: value' line indented by 2 spaces; line 12 is indented differently, or is not 'key: value'",
            ],
        ),
        (
            "    - n: 2\n",
            "     - n: 2\n",
            [
                "content/2013/values/01-voluntary.yaml:12:6: did not find expected '-' indicator (while parsing a block collection)",
                "    hint: the list that starts at line 10, column 5 needs every entry to start with '- ' indented by 4 spaces; line 12 is indented differently",
            ],
        ),
        (
            "number: 1\n",
            "number: 1\noops\n",
            [
                "content/2013/values/01-voluntary.yaml:5:1: could not find expected ':' (while scanning a simple key)",
                "    hint: line 5 is neither 'key: value' nor part of a text: indent a text's next line more than its key, or put the whole text in quotes",
            ],
        ),
        (
            '  name: "Support choice"\n',
            '  name: "Support choice"\n  numbered: no\n',
            [
                "content/2013/values/01-voluntary.yaml:9:13: practice.numbered: expected true or false, got string",
                "    hint: YAML 1.2 reads 'no' as text, not a boolean: write true or false",
            ],
        ),
    ],
)
def test_everyday_editing_mistakes_get_a_hint(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, expected: list[str]
) -> None:
    """Indentation slips and YAML 1.1 booleans are explained, at the line to fix."""
    monkeypatch.chdir(content_copy.parent)
    _edit(content_copy / "2013/values/01-voluntary.yaml", old, new)
    assert _error(content_copy / "2013").splitlines() == expected

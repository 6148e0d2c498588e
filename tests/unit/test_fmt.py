"""guidelines fmt: canonical, idempotent, comment-preserving, never changing data."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guidelines_model import UnsafeYamlError, YamlSyntaxError
from guidelines_model.cli import main
from guidelines_model.load.loader import parse_yaml
from guidelines_model.write.fmt import format_files, format_text

ROOT = Path(__file__).resolve().parents[2]

SCALARS = st.one_of(
    st.text(
        alphabet=st.characters(
            categories=("L", "N", "P", "Zs", "S"), exclude_characters="\x85\u2028\u2029\xa0"
        ),
        max_size=30,
    ),
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
            lines.append(f"{key}:{spaces}{_scalar(draw(SCALARS), draw(STYLES))}{comment}")
    return "\n".join(lines) + "\n"


@given(documents())
def test_fmt_keeps_data_and_is_idempotent(text: str) -> None:
    """load(fmt(x)) == load(x) and fmt(fmt(x)) == fmt(x), comments kept."""
    once = format_text(text)
    assert parse_yaml(once, "f").data == parse_yaml(text, "f").data
    assert format_text(once) == once
    assert once.count("#") >= text.count("# ")


def test_fmt_normalises_layout_and_keeps_quotes() -> None:
    """Indentation and spacing become canonical; quoting (even of "yes") is kept."""
    text = 'answer:    "yes"\nitems:\n- a\n-   "b"   # note\n'
    assert format_text(text) == 'answer: "yes"\nitems:\n  - a\n  - "b"   # note\n'


def test_fmt_refuses_tags_before_writing(tmp_path: Path) -> None:
    """A tagged node is an error; the file is left exactly as it was."""
    path = tmp_path / "x.yaml"
    original = "a:    1\nb: !!python/object x\n"
    path.write_text(original, encoding="utf-8")
    with pytest.raises(UnsafeYamlError):
        format_files([path], check=False)
    assert path.read_text(encoding="utf-8") == original


def test_nothing_written_when_any_file_fails(tmp_path: Path) -> None:
    """Formatting is all or nothing: one bad file leaves every file untouched."""
    good, bad = tmp_path / "a.yaml", tmp_path / "b.yaml"
    good.write_text("a:    1\n", encoding="utf-8")
    bad.write_text("a: [\n", encoding="utf-8")
    with pytest.raises(YamlSyntaxError, match=r"b\.yaml"):
        format_files([tmp_path], check=False)
    assert good.read_text(encoding="utf-8") == "a:    1\n"


def test_fmt_check_passes_on_real_content(capsys: pytest.CaptureFixture[str]) -> None:
    """The committed content is canonically formatted."""
    assert main(["fmt", "--check", str(ROOT / "content")]) == 0
    assert capsys.readouterr().out.endswith(" to reformat\n")


def test_fmt_check_reports_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--check names the file that would change and changes nothing."""
    path = tmp_path / "x.yaml"
    path.write_text("a:   1\n", encoding="utf-8")
    assert main(["fmt", "--check", str(path)]) == 1
    assert f"would reformat: {path}" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == "a:   1\n"

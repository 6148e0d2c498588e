"""guidelines fmt: canonical, idempotent, comment-preserving, never changing data."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from tests.strategies import documents

from guidelines_model import ContentError, LimitError, UnsafeYamlError, YamlSyntaxError
from guidelines_model.cli import main
from guidelines_model.load.loader import parse_yaml
from guidelines_model.write.fmt import format_files, format_text

ROOT = Path(__file__).resolve().parents[2]


@given(documents())
def test_fmt_keeps_data_and_is_idempotent(text: str) -> None:
    """load(fmt(x)) == load(x) and fmt(fmt(x)) == fmt(x), comments kept; what it cannot keep
    (line-break characters ruamel reads differently) is a located ContentError, never a
    traceback (finding 4)."""
    try:
        parse_yaml(text, "f")
    except ContentError:
        return  # not content: the loader's business
    refused: ContentError | None
    try:
        once = format_text(text, "f")
    except ContentError as exc:
        refused = exc
    else:
        refused = None
    if refused is not None:
        assert refused.file == "f"
        return
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


def test_fmt_refuses_a_link_out_of_the_folder(tmp_path: Path) -> None:
    """A link to a file outside the folder is refused, and the link stays a link (finding 4)."""
    outside = tmp_path / "passwd"
    outside.write_text("root: x\n", encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    (content / "x.yaml").symlink_to(outside)
    with pytest.raises(ContentError, match="outside the content folder"):
        format_files([content], check=False)
    with pytest.raises(ContentError, match="outside the content folder"):
        format_files([content / "x.yaml"], check=False)
    assert (content / "x.yaml").is_symlink()
    assert outside.read_text(encoding="utf-8") == "root: x\n"


def test_fmt_checks_the_size_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A huge sparse file is refused by its size, and not one byte of it is read (finding 4:
    the limit was checked after reading the whole file)."""
    import os

    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:
        fh.truncate(6 * 1024**3)

    def no_read(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("read before the size was checked")

    monkeypatch.setattr(os, "read", no_read)
    monkeypatch.setattr(Path, "read_bytes", no_read)
    with pytest.raises(LimitError, match="the limit is 5,242,880 bytes"):
        format_files([tmp_path], check=False)


def test_fmt_folder_named_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder named x.yaml is a located error, not a traceback (finding 4)."""
    (tmp_path / "x.yaml").mkdir()
    assert main(["fmt", str(tmp_path)]) == 1
    assert "x.yaml:1:1: is a folder, not a regular file" in capsys.readouterr().err


def test_fmt_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that cannot be opened is a located error (permission faked: tests may run as
    root)."""
    import os

    path = tmp_path / "x.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    real_open = os.open

    def deny(file: object, *args: object, **kwargs: object) -> int:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)
    assert main(["fmt", str(tmp_path)]) == 1
    assert "x.yaml:1:1: cannot read file: Permission denied" in capsys.readouterr().err


def test_fmt_round_trip_parser_errors_are_located() -> None:
    """What the loader takes and ruamel's round-trip parser rejects is a located error, not a
    ScannerError traceback (finding 4)."""
    assert parse_yaml("k: >#\n", "f").data == {"k": ""}
    with pytest.raises(YamlSyntaxError, match=r"^f:1:5: fmt cannot read this: "):
        format_text("k: >#\n", "f")


def test_fmt_keeps_the_mode(tmp_path: Path) -> None:
    """A 0664 file stays 0664 after formatting (it became 0600, finding 1)."""
    path = tmp_path / "x.yaml"
    path.write_text("a:    1\n", encoding="utf-8")
    path.chmod(0o664)
    format_files([path], check=False)
    assert path.read_text(encoding="utf-8") == "a: 1\n"
    assert path.stat().st_mode & 0o777 == 0o664


def test_fmt_ignores_a_leftover_temporary_file(tmp_path: Path) -> None:
    """A temporary file a killed write left is neither formatted nor loaded."""
    (tmp_path / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / ".x.yaml.0badf00d.tmp").write_text("a: [\n", encoding="utf-8")
    assert [r.path.name for r in format_files([tmp_path], check=True)] == ["x.yaml"]

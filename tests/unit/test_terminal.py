"""What reaches a terminal: control characters escaped, our colours kept."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from guidelines_model.cli import main
from guidelines_model.cli.terminal import GuardedStream, printable


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_printable_escapes_controls_keeps_colour() -> None:
    """ESC, BEL, NUL and C1 are escaped; tab, newline and an SGR colour are kept."""
    assert (
        printable("a\x1b]0;X\x07\x1b[2J\x00\x9b\tb\n") == "a\\x1b]0;X\\x07\\x1b[2J\\x00\\x9b\tb\n"
    )
    assert printable("\x1b[31merror\x1b[0m") == "\x1b[31merror\x1b[0m"


def test_guarded_stream_escapes_only_on_a_terminal() -> None:
    """A pipe or file gets the text as it is; a terminal gets it escaped."""
    tty, pipe = _Tty(), io.StringIO()
    GuardedStream(tty).write("x\x1b[2J")
    GuardedStream(pipe).write("x\x1b[2J")
    assert tty.getvalue() == "x\\x1b[2J"
    assert pipe.getvalue() == "x\x1b[2J"


def test_error_messages_reach_the_terminal_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    """A path holding escape sequences is printed inert (finding 5)."""
    err = _Tty()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["validate", "/nonexistent/\x1b]0;owned\x07\x1b[2J"]) == 1
    assert "\x1b" not in err.getvalue()
    assert "\\x1b]0;owned\\x07\\x1b[2J" in err.getvalue()


def test_escaped_controls_in_content_never_reach_the_output(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A title written with escapes (ESC, BEL) is a located load error for every command that
    would print it (finding 5: list, show, diff and the exports wrote them out)."""
    meta = content_copy / "2013" / "edition.yaml"
    lines = meta.read_text(encoding="utf-8").splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[n] = 'title: "\\e]0;X\\a\\e[2J"\n'
    meta.write_text("".join(lines), encoding="utf-8")
    for args in (["list"], ["show", "2013"], ["export", "2013", "--format", "markdown"]):
        assert main(["--content", str(content_copy), *args]) == 1
        out, err = capsys.readouterr()
        assert "\x1b" not in out + err
        assert f"edition.yaml:{n + 1}:8: control character U+001B in a quoted string" in err

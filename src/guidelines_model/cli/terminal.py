"""What every command shares: colour on a terminal, and output to standard output or a file."""

from __future__ import annotations

import os
import re
import sys
from typing import Any, TextIO

from guidelines_model.model.errors import OutputError


def colour(stream: TextIO) -> bool:
    """Whether to colour what is written to ``stream``: a terminal, and no ``NO_COLOR``."""
    return stream.isatty() and "NO_COLOR" not in os.environ


def style(text: str, code: str, stream: TextIO = sys.stdout) -> str:
    """Wrap text in an ANSI colour when writing to a terminal."""
    return f"\033[{code}m{text}\033[0m" if colour(stream) else text


def emit(text: str, output: str | None) -> None:
    """Write ``text`` to the file ``output`` (atomically), or to standard output."""
    if output:
        from guidelines_model.write.atomic import write_file

        write_file(output, text)
    else:
        sys.stdout.write(text)


# Our own colours (SGR sequences) pass; any other C0 or C1 control but tab and newline is
# shown escaped on a terminal, so a name or text can never move the cursor, retitle the window
# or clear the screen.
_CONTROL = re.compile("\x1b\\[[0-9;]*m|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escape(m: re.Match[str]) -> str:
    text = m.group(0)
    return text if len(text) > 1 else f"\\x{ord(text):02x}"


def printable(text: str) -> str:
    """``text`` with every control character but tab, newline and our colours escaped."""
    return _CONTROL.sub(_escape, text)


class GuardedStream:
    """Standard output or error whose write errors are :class:`OutputError` (a full disk must
    not exit 0), and which escapes control characters when it is a terminal.

    A broken pipe stays ``BrokenPipeError``: a reader that stopped reading (``| head``) is not
    an error worth a message.
    """

    def __init__(self, stream: TextIO, name: str = "standard output") -> None:
        self.stream = stream
        self.name = name
        try:
            self.tty = stream.isatty()
        except (OSError, ValueError):
            self.tty = False

    def _guard(self, call: Any, *args: Any) -> Any:
        try:
            return call(*args)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(
                f"cannot write to {self.name}: {exc.strerror or exc}", path="-"
            ) from None

    def write(self, text: str) -> int:
        if self.tty:
            text = printable(text)
        return int(self._guard(self.stream.write, text))

    def flush(self) -> None:
        self._guard(self.stream.flush)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)

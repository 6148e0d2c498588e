"""What every command shares: colour on a terminal, and output to standard output or a file."""

from __future__ import annotations

import os
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


class GuardedStream:
    """Standard output whose write errors are :class:`OutputError` (a full disk must not exit 0).

    A broken pipe stays ``BrokenPipeError``: a reader that stopped reading (``| head``) is not
    an error worth a message.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def _guard(self, call: Any, *args: Any) -> Any:
        try:
            return call(*args)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(
                f"cannot write to standard output: {exc.strerror or exc}", path="-"
            ) from None

    def write(self, text: str) -> int:
        return int(self._guard(self.stream.write, text))

    def flush(self) -> None:
        self._guard(self.stream.flush)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)

"""What every command shares: colour on a terminal, and output to standard output or a file."""

from __future__ import annotations

import os
import sys
from typing import TextIO


def colour(stream: TextIO) -> bool:
    """Whether to colour what is written to ``stream``: a terminal, and no ``NO_COLOR``."""
    return stream.isatty() and "NO_COLOR" not in os.environ


def style(text: str, code: str, stream: TextIO = sys.stdout) -> str:
    """Wrap text in an ANSI colour when writing to a terminal."""
    return f"\033[{code}m{text}\033[0m" if colour(stream) else text


def emit(text: str, output: str | None) -> None:
    """Write ``text`` to the file ``output`` (atomically), or to standard output."""
    if output:
        from guidelines_model.write.atomic import atomic_write

        atomic_write(output, text)
    else:
        sys.stdout.write(text)

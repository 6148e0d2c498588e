"""The limits on what the loader accepts: one setting object, read by every load stage."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Limits on what the loader accepts; each has its own clear error."""

    #: Largest content file, in bytes (the largest real file is under 40 KB).
    max_file_bytes: int = 5 * 1024 * 1024
    #: Deepest nesting of mappings and sequences (real content nests 6 deep).
    max_depth: int = 50
    #: Aliases allowed in one file. Content never needs them, so by default anchors and aliases
    #: are refused; when raised, every alias's expansion counts towards ``max_nodes``.
    max_aliases: int = 0
    #: Nodes in one file, aliases expanded (an alias bomb of a few hundred bytes would make
    #: billions).
    max_nodes: int = 1_000_000
    #: Characters in one text (one scalar). The longest real text is under 2,000; the word
    #: diff and the checks that compare texts are bounded for any text under this.
    max_text_chars: int = 20_000


DEFAULT_LIMITS = Limits()


def cores() -> int:
    """The processors this process may run on: how many ways ``fmt`` and the checks of a large
    document share their work."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1

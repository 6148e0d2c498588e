"""``guidelines release-notes``: what changed from one edition to the next, to publish."""

from __future__ import annotations

import argparse

from guidelines_model.cli import targets
from guidelines_model.cli.terminal import emit

HELP = (
    "Release notes of NEW against OLD, generated from their diff: per value the substantive "
    "changes (added, removed, reworded with both wordings, moved, split or merged) and a count "
    "of changes in capitals, spacing, punctuation or spelling only; then the supervisor "
    "column, the glossary and the other parts."
)

EXIT = "0 success; 1 invalid content or an error; 2 wrong usage"


def arguments(parser: argparse.ArgumentParser) -> None:
    """OLD and NEW editions, ``--format`` and ``-o``."""
    parser.add_argument("old", metavar="OLD", help="the earlier edition (id or folder)")
    parser.add_argument("new", metavar="NEW", help="the new edition (id or folder)")
    parser.add_argument(
        "--format",
        choices=["markdown", "html"],
        default="markdown",
        help="markdown (the default) or html (one self-contained page)",
    )
    parser.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")


def run(args: argparse.Namespace) -> int:
    """Diff the two editions and write their release notes."""
    from guidelines_model.diff.engine import diff
    from guidelines_model.notes import release_notes, render_notes

    old, new = targets.editions([args.old, args.new], args.content)
    emit(render_notes(release_notes(diff(old, new)), args.format), args.output)
    return 0

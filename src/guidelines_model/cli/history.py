"""``guidelines history``: one node's life across every edition, or a whole value's."""

from __future__ import annotations

import argparse

from guidelines_model.cli.terminal import emit
from guidelines_model.model.errors import NotFoundError, UsageError

HELP = (
    "The history of a value, item, supervisor item, glossary term or block: its id and text in "
    "every edition (in order of year) and the change from the edition each is based on, "
    "following renumbering, moves, splits and merges as 'guidelines diff' aligns them."
)

EXIT = "0 success; 1 invalid content or an error; 2 wrong usage or an unknown id or value"


def arguments(parser: argparse.ArgumentParser) -> None:
    """ID or ``--value KEY``, ``--format`` and ``-o``."""
    parser.add_argument(
        "id",
        nargs="?",
        metavar="ID",
        help="the id of a node in any edition, e.g. 2013/honest-direct/practice/4 (a value or "
        "glossary term: its texts too)",
    )
    parser.add_argument(
        "--value",
        metavar="KEY",
        help="the history of every text of this value instead, e.g. honest-direct",
    )
    parser.add_argument(
        "--format",
        choices=["text", "markdown", "json", "html"],
        default="text",
        help="text (the default), markdown, json (schema/history.schema.json) or html "
        "(one self-contained page)",
    )
    parser.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")


def run(args: argparse.Namespace) -> int:
    """Write the history; an unknown id or value is a usage error (with the closest one)."""
    if (args.id is None) == (args.value is None):
        raise UsageError("give one ID, or --value KEY (not both)")
    from guidelines_model.library import load_library
    from guidelines_model.lineage.build import lineages
    from guidelines_model.lineage.render import render_history

    found = lineages(load_library(args.content))
    try:
        histories = found.value(args.value) if args.value else found.within(args.id)
    except NotFoundError as exc:
        raise UsageError(str(exc)) from None
    emit(render_history(histories, args.format, args.value), args.output)
    return 0

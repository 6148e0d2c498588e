"""``guidelines export``: one document as JSON, Markdown, HTML or plain text."""

from __future__ import annotations

import argparse

from guidelines_model.cli import targets
from guidelines_model.cli.terminal import emit

HELP = "Export an edition or derivative as JSON, Markdown, HTML or plain text."
EXIT = "0 success; 1 unknown edition, invalid content, or the output cannot be written"


def arguments(parser: argparse.ArgumentParser) -> None:
    """EDITION|PATH, ``--format`` and ``-o``."""
    parser.add_argument("target", metavar=targets.METAVAR, help=targets.HELP_ONE)
    parser.add_argument(
        "--format",
        choices=["json", "markdown", "html", "text"],
        default="markdown",
        help="json (for tools), markdown (the default), html (one self-contained page) or text",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout"
    )


def run(args: argparse.Namespace) -> int:
    """Write the export."""
    from guidelines_model.export import exporter

    lib, id_ = targets.resolve_one(args.target, args.content)
    emit(exporter(args.format)(lib.document(id_)), args.output)
    return 0

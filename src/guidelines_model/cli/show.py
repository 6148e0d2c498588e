"""``guidelines show``: an edition, or one of its values, to read in a terminal."""

from __future__ import annotations

import argparse
import sys

from guidelines_model.cli import targets
from guidelines_model.model.errors import GuidelinesError

HELP = "Print an edition, or one of its values, as readable text (or Markdown)."
EXIT = "0 success; 1 unknown edition or value, or invalid content"


def arguments(parser: argparse.ArgumentParser) -> None:
    """EDITION|PATH, an optional VALUE and ``--format``."""
    parser.add_argument("target", metavar=targets.METAVAR, help=targets.HELP_ONE)
    parser.add_argument(
        "value", nargs="?", metavar="VALUE", help="value key or number, e.g. voluntary or 1"
    )
    parser.add_argument(
        "--format",
        choices=["text", "markdown"],
        default="text",
        help="text (the default: no anchors or escapes) or markdown (with an anchor per node)",
    )


def run(args: argparse.Namespace) -> int:
    """Print the document, or the value named by key or number."""
    from guidelines_model.export import markdown
    from guidelines_model.model.documents import Edition

    lib, id_ = targets.resolve_one(args.target, args.content)
    doc = lib.document(id_)
    text = args.format == "text"
    if args.value is None:
        sys.stdout.write(markdown.to_text(doc) if text else markdown.to_markdown(doc))
        return 0
    if not isinstance(doc, Edition):
        raise GuidelinesError(f"{doc.id} is a derivative; it has no values")
    value = doc.value(args.value)
    sys.stdout.write(markdown.value_text(value) if text else markdown.value_markdown(value))
    return 0

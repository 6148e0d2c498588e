"""``guidelines show``: an edition, or one of its values, as Markdown."""

from __future__ import annotations

import argparse
import sys

from guidelines_model.model.errors import GuidelinesError, NotFoundError

HELP = "Print an edition, or one of its values, as Markdown."


def arguments(parser: argparse.ArgumentParser) -> None:
    """EDITION and an optional VALUE."""
    parser.add_argument("edition", help="edition id, e.g. 2013")
    parser.add_argument("value", nargs="?", help="value key or number, e.g. voluntary or 1")


def run(args: argparse.Namespace) -> int:
    """Print the document, or the value named by key or number."""
    from guidelines_model.export.markdown import to_markdown, value_markdown
    from guidelines_model.library import load_library
    from guidelines_model.model.documents import Edition

    doc = load_library(args.content).document(args.edition)
    if args.value is None:
        sys.stdout.write(to_markdown(doc))
        return 0
    if not isinstance(doc, Edition):
        raise GuidelinesError(f"{doc.id} is a derivative; it has no values")
    match = [v for v in doc.values if args.value in (v.key, str(v.number))]
    if not match:
        raise NotFoundError("value", args.value, [v.key for v in doc.values])
    sys.stdout.write(value_markdown(match[0]))
    return 0

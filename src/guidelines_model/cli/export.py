"""``guidelines export``: one document as JSON, Markdown or HTML."""

from __future__ import annotations

import argparse

from guidelines_model.cli.terminal import emit

HELP = "Export an edition as JSON or Markdown."


def arguments(parser: argparse.ArgumentParser) -> None:
    """EDITION, ``--format`` and ``-o``."""
    parser.add_argument("edition", help="edition or derivative id")
    parser.add_argument("--format", choices=["json", "markdown", "html"], default="markdown")
    parser.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")


def run(args: argparse.Namespace) -> int:
    """Write the export."""
    from guidelines_model.export import exporter
    from guidelines_model.library import load_library

    doc = load_library(args.content).document(args.edition)
    emit(exporter(args.format)(doc), args.output)
    return 0

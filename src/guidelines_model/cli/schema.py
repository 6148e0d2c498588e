"""``guidelines schema``: the JSON Schema of the export, or of a kind of content file."""

from __future__ import annotations

import argparse

from guidelines_model.cli.terminal import emit

HELP = "Print a JSON Schema: of the JSON export (edition), or of a kind of content file."
EXIT = "0 success; 1 the output file cannot be written; 2 wrong usage"


def arguments(parser: argparse.ArgumentParser) -> None:
    """``--kind`` and ``-o``."""
    parser.add_argument(
        "--kind",
        choices=["edition", "metadata", "part", "value", "derivative"],
        default="edition",
        help="which schema (default: edition, the JSON export)",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout"
    )


def run(args: argparse.Namespace) -> int:
    """Write the schema."""
    from guidelines_model.export.schema import schema_json

    emit(schema_json(args.kind), args.output)
    return 0

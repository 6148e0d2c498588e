"""``guidelines review-sheet``: an edition's texts as a spreadsheet for reviewers."""

from __future__ import annotations

import argparse

from guidelines_model.cli import targets

HELP = (
    "Write a review sheet (.xlsx, the 'review' extra): one row per text (id, value, kind, "
    "current text) with empty columns for the reviewer (proposed text, comment, reviewer, "
    "insert after), one worksheet per part."
)
EXIT = "0 the sheet was written; 1 an error (openpyxl missing, an unknown edition...)"


def arguments(parser: argparse.ArgumentParser) -> None:
    """ID and ``-o FILE.xlsx``."""
    parser.add_argument("target", metavar=targets.METAVAR, help=targets.HELP_ONE)
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE.xlsx", help="the sheet to write"
    )


def run(args: argparse.Namespace) -> int:
    """Write the sheet and say how many texts it lists."""
    from guidelines_model.draft.sheet import write_sheet

    lib, id_ = targets.resolve_one(args.target, args.content)
    n = write_sheet(lib.edition(id_), args.output)
    print(f"{args.output}: {n} texts of {id_} for review")
    return 0

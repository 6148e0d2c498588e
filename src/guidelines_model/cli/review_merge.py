"""``guidelines review-merge``: read reviewers' sheets back and show what they propose."""

from __future__ import annotations

import argparse

from guidelines_model.cli import targets

HELP = (
    "Read returned review sheets: every proposal as a classified word-level diff grouped by "
    "value, with the reviewers' comments; conflicting proposals side by side; mistakes at "
    "FILE:sheet:row:column."
)
EXIT = "0 read; 1 a sheet has errors, or an error"


def arguments(parser: argparse.ArgumentParser) -> None:
    """ID and SHEET..."""
    parser.add_argument("target", metavar=targets.METAVAR, help=targets.HELP_ONE)
    parser.add_argument("sheets", nargs="+", metavar="SHEET", help="returned review sheets")


def run(args: argparse.Namespace) -> int:
    """Print the review; exit 1 when a sheet has errors."""
    from guidelines_model.draft.report import render_text
    from guidelines_model.draft.review import read_reviews

    lib, id_ = targets.resolve_one(args.target, args.content)
    edition = lib.edition(id_)
    review = read_reviews(edition, args.sheets)
    print(render_text(review, edition), end="")
    if review.errors:
        return 1
    return 0

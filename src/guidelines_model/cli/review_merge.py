"""``guidelines review-merge``: read reviewers' sheets back; with ``--apply``, write the
accepted proposals into the draft's YAML."""

from __future__ import annotations

import argparse

from guidelines_model.cli import targets

HELP = (
    "Read returned review sheets: every proposal as a classified word-level diff grouped by "
    "value, with the reviewers' comments; conflicting proposals side by side; mistakes at "
    "FILE:sheet:row:column. With --apply, write the accepted proposals into the YAML (all "
    "files or none; comments, quoting and layout kept)."
)
EXIT = "0 read (and with --apply, written); 1 a sheet has errors (nothing is written), or an error"


def arguments(parser: argparse.ArgumentParser) -> None:
    """ID, SHEET... and ``--apply``."""
    parser.add_argument("target", metavar=targets.METAVAR, help=targets.HELP_ONE)
    parser.add_argument("sheets", nargs="+", metavar="SHEET", help="returned review sheets")
    parser.add_argument(
        "--apply",
        action="store_true",
        help="write the accepted proposals (not the conflicting ones) into the content",
    )


def run(args: argparse.Namespace) -> int:
    """Print the review; apply it when asked and the sheets have no errors."""
    from guidelines_model.draft.report import render_text
    from guidelines_model.draft.review import read_reviews

    lib, id_ = targets.resolve_one(args.target, args.content)
    edition = lib.edition(id_)
    review = read_reviews(edition, args.sheets)
    print(render_text(review, edition), end="")
    if review.errors:
        return 1
    if args.apply:
        from guidelines_model.draft.apply import apply_review, shifted_references
        from guidelines_model.load.find import display_path

        shifted = shifted_references(edition, review.accepted)
        changed = apply_review(edition, review.accepted)
        for path in changed:
            print(f"written: {display_path(path)}")
        n, files = len(review.accepted), len(changed)
        proposals = f"{n} proposal{'s' if n != 1 else ''}"
        print(f"{proposals} applied to {files} file{'s' if files != 1 else ''}")
        for what, target in shifted:
            print(f"review: the {what} on {target} now names another text (renumbered or deleted)")
    return 0

"""``guidelines new-edition``: start a draft of the next edition from a parent edition."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = (
    "Start a draft of the next edition: copy the parent edition's content folder into a new "
    "edition folder with status: draft (texts, kind and waivers kept; no sources yet)."
)
EXIT = "0 the draft was created; 1 an error (nothing is written)"


def arguments(parser: argparse.ArgumentParser) -> None:
    """ID, ``--based-on``, ``--title`` and ``--year``."""
    parser.add_argument("id", metavar="ID", help="the new edition's id, e.g. 2027_draft")
    parser.add_argument(
        "--based-on", required=True, metavar="PARENT", help="the edition the draft starts from"
    )
    parser.add_argument("--title", default=None, help="the draft's title (default: the parent's)")
    parser.add_argument(
        "--year", type=int, default=None, help="the draft's year (default: the current year)"
    )


def content_folder(given: Path | None) -> Path:
    """Where drafts are written: ``--content``, else ``./content`` when it exists; never the
    content shipped inside the package."""
    from guidelines_model.model.errors import GuidelinesError

    if given is not None:
        return given
    if Path("content").is_dir():
        return Path("content")
    raise GuidelinesError(
        "no content folder here: give --content DIR (a draft is never written into the "
        "content installed with the package)"
    )


def run(args: argparse.Namespace) -> int:
    """Create the draft and say where it is."""
    from guidelines_model.draft.new import new_edition
    from guidelines_model.load.find import display_path

    folder = new_edition(
        content_folder(args.content), args.id, args.based_on, title=args.title, year=args.year
    )
    print(f"{args.id}: draft based on {args.based_on} in {display_path(folder.resolve())}")
    return 0

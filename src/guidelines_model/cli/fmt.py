"""``guidelines fmt``: canonical formatting of content YAML; ``--check`` only reports."""

from __future__ import annotations

import argparse
from pathlib import Path

from guidelines_model.cli import targets

HELP = (
    "Format content YAML canonically (comments, key order and quoting kept; text never "
    "changed). With --check, only report files that would change (exit 1)."
)
EXIT = "0 success (with --check: nothing to reformat); 1 a file would change, or cannot be read"


def arguments(parser: argparse.ArgumentParser) -> None:
    """PATH arguments and ``--check``."""
    parser.add_argument(
        "targets",
        nargs="*",
        metavar="EDITION|PATH",
        help="edition ids, or content files or folders (default: the content folder)",
    )
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if any would")


def run(args: argparse.Namespace) -> int:
    """Format (or check) the files; exit 1 with ``--check`` when any would change."""
    from guidelines_model.write.fmt import format_files

    # Files and folders as they are; an edition id stands for its folder.
    paths = [
        Path(t) if Path(t).exists() else folder
        for t, (_, folder) in zip(
            args.targets, targets.folders(args.targets, args.content), strict=True
        )
    ] or [folder for _, folder in targets.folders([], args.content)]
    results = format_files(paths, check=args.check)
    changed = [r for r in results if r.changed]
    for r in changed:
        print(f"{'would reformat' if args.check else 'reformatted'}: {r.path}")
    print(f"{len(results)} files, {len(changed)} {'to reformat' if args.check else 'reformatted'}")
    return 1 if args.check and changed else 0

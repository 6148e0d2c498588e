"""``guidelines fmt``: canonical formatting of content YAML; ``--check`` only reports."""

from __future__ import annotations

import argparse
from pathlib import Path

from guidelines_model.model.errors import GuidelinesError

HELP = (
    "Format content YAML canonically (comments, key order and quoting kept; text never "
    "changed). With --check, only report files that would change (exit 1)."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    """PATH arguments and ``--check``."""
    parser.add_argument("paths", nargs="*", help="files or folders (default: the content folder)")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if any would")


def run(args: argparse.Namespace) -> int:
    """Format (or check) the files; exit 1 with ``--check`` when any would change."""
    from guidelines_model.load.find import content_root
    from guidelines_model.write.fmt import format_files

    paths = [Path(p) for p in args.paths] or [content_root(args.content)]
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise GuidelinesError(f"{missing[0]}: no such file or folder")
    results = format_files(paths, check=args.check)
    changed = [r for r in results if r.changed]
    for r in changed:
        print(f"{'would reformat' if args.check else 'reformatted'}: {r.path}")
    print(f"{len(results)} files, {len(changed)} {'to reformat' if args.check else 'reformatted'}")
    return 1 if args.check and changed else 0

"""``python -m guidelines_model.site OUTDIR [--content DIR]``: build the static website."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from guidelines_model.library import load_library
from guidelines_model.model.errors import GuidelinesError, UsageError
from guidelines_model.site.build import build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m guidelines_model.site",
        description="Build the static website of every edition into OUTDIR (needs the 'site' "
        "and 'cite' extras).",
        epilog="exit status: 0 built; 1 an error (invalid content, a folder that is not a built "
        "site, an extra missing); 2 wrong usage (a base URL that is not an http(s) address)",
    )
    parser.add_argument("outdir", type=Path, help="folder to write (emptied if a site is there)")
    parser.add_argument("--content", type=Path, default=None, help="content folder to use")
    parser.add_argument(
        "--base-url",
        metavar="URL",
        default=None,
        help="the address the site is published at (e.g. https://example.org/guidelines/): "
        "every citation ends with the permanent link to its sentence there",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        result = build(args.outdir, load_library(args.content), base_url=args.base_url)
    except GuidelinesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, UsageError) else 1
    took = time.perf_counter() - start
    print(
        f"{len(result.pages)} pages, {len(result.files)} files, {result.indexed} texts indexed "
        f"in {args.outdir} ({took:.1f}s); open {args.outdir / 'index.html'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

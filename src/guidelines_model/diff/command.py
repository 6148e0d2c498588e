"""``guidelines diff``: two editions give a diff, three or more a collation; ``--rev`` compares
the content at a git revision with the working tree. A diff is not a failure: exit status 0."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace

from guidelines_model.diff.collate import collate
from guidelines_model.diff.engine import diff
from guidelines_model.diff.errors import DiffUsageError
from guidelines_model.diff.model import TextClass, parse_ignore
from guidelines_model.diff.render import render

USAGE = (
    "give two editions to compare (guidelines diff 2013 2019_supervisors), three or more "
    "to collate them, or --rev REV to compare the content at a git revision with the "
    "working tree"
)


def _ignore(spec: str) -> frozenset[TextClass]:
    try:
        return parse_ignore(spec)
    except ValueError as exc:
        raise DiffUsageError(f"--ignore: {exc}") from None


def _colour(args: argparse.Namespace) -> bool:
    return (
        args.format == "text"
        and not args.output
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )


def run(args: argparse.Namespace) -> int:
    """Run the command for parsed arguments; write the output; return the exit status."""
    from guidelines_model.library import load_editions

    ignore = _ignore(args.ignore or "")
    editions: list[str] = list(args.editions or [])
    if args.rev:
        from guidelines_model.diff.git import compare_rev

        report = compare_rev(args.rev, args.content, editions)
        report = replace(report, diffs=tuple(replace(d, ignore=ignore) for d in report.diffs))
        text = render(report, args.format, colour=_colour(args))
    elif len(editions) < 2:
        raise DiffUsageError(USAGE)
    else:
        eds = load_editions(editions, args.content)
        if len(eds) == 2:
            text = render(
                replace(diff(eds[0], eds[1]), ignore=ignore), args.format, colour=_colour(args)
            )
        else:
            text = render(collate(eds, ignore=ignore), args.format, colour=_colour(args))
    if args.output:
        from guidelines_model._io import atomic_write

        atomic_write(args.output, text)
    else:
        sys.stdout.write(text)
    return 0

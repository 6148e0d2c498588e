"""``guidelines diff``: two editions give a diff, three or more a collation; ``--rev`` compares
the content at a git revision with the working tree. A diff is not a failure: exit status 0."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from guidelines_model.cli import targets
from guidelines_model.cli.terminal import emit
from guidelines_model.model.errors import closest

if TYPE_CHECKING:
    from guidelines_model.diff.model import TextClass

HELP = (
    "Compare editions: values and items aligned, changes classified, word by word. "
    "With two editions, the changes from the first to the second; with three or more, "
    "an alignment table of every value and item across them."
)

EXIT = "0 success, whether or not the editions differ; 1 an error; 2 wrong usage"

USAGE = (
    "give two editions to compare (guidelines diff 2013 2019_supervisors), three or more "
    "to collate them, or --rev REV to compare the content at a git revision with the "
    "working tree"
)


def arguments(parser: argparse.ArgumentParser) -> None:
    """EDITION arguments, ``--format``, ``-o``, ``--ignore`` and ``--rev``."""
    parser.add_argument(
        "editions",
        nargs="*",
        metavar=targets.METAVAR,
        help="editions (ids or folders), oldest first (default with --rev: every edition)",
    )
    parser.add_argument(
        "--format",
        choices=["text", "markdown", "json", "html"],
        default="text",
        help="text (the default), markdown (for documents and pull requests), json (for tools) "
        "or html (one self-contained page)",
    )
    parser.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")
    parser.add_argument(
        "--ignore",
        default="",
        metavar="CLASSES",
        help="hide text changes of these classes, comma-separated: "
        "whitespace, punctuation, capitalisation, spelling (or 'noise' for all four), "
        "correction (default: none)",
    )
    parser.add_argument(
        "--include",
        action="append",
        choices=["provenance"],
        default=[],
        help="also show changes of provenance: the source files, their sha256 and the placement "
        "of parts (left out by default)",
    )
    parser.add_argument(
        "--part",
        choices=["values", "glossary", "front", "back", "all"],
        help="list only the changes of this part (default: all for two editions, values for a "
        "collation); front is the title, front matter and the parts only WHO prints",
    )
    parser.add_argument(
        "--base",
        metavar="ID",
        help="with three or more editions, compare every other edition with this one "
        "(default: each with the edition it is based on)",
    )
    parser.add_argument(
        "--rev",
        metavar="REV",
        help="compare the content at this git revision with the working tree",
    )


def run(args: argparse.Namespace) -> int:
    """Run the command for parsed arguments; write the output; return the exit status."""
    from guidelines_model.diff.collate import collate
    from guidelines_model.diff.engine import diff
    from guidelines_model.diff.errors import DiffUsageError
    from guidelines_model.diff.render import render

    ignore = _ignore(args.ignore or "")
    include = frozenset(args.include or ())
    parts = frozenset([args.part] if args.part else [])
    width = _width(args)
    editions: list[str] = list(args.editions or [])
    if args.rev:
        from guidelines_model.diff.git import compare_rev

        report = compare_rev(args.rev, args.content, editions)
        diffs = (replace(d, ignore=ignore, include=include, parts=parts) for d in report.diffs)
        report = replace(report, diffs=tuple(diffs))
        text = render(report, args.format, colour=_colour(args), width=width)
    elif len(editions) < 2:
        raise DiffUsageError(USAGE)
    else:
        eds = targets.editions(editions, args.content)
        if len(eds) == 2:
            text = render(
                replace(diff(eds[0], eds[1]), ignore=ignore, include=include, parts=parts),
                args.format,
                colour=_colour(args),
                width=width,
            )
        else:
            try:
                table = collate(
                    eds, ignore=ignore, base=args.base, parts=parts or frozenset({"values"})
                )
            except ValueError as exc:
                raise DiffUsageError(str(exc)) from None
            text = render(table, args.format, colour=_colour(args))
    emit(text, args.output)
    return 0


def _ignore(spec: str) -> frozenset[TextClass]:
    from guidelines_model.diff.errors import DiffUsageError
    from guidelines_model.diff.model import TextClass, parse_ignore

    try:
        return parse_ignore(spec)
    except ValueError as exc:
        known = [c.value for c in TextClass] + ["noise"]
        wrong = [c.strip() for c in spec.split(",") if c.strip() and c.strip() not in known]
        hint = closest(wrong[0], known) if wrong else None
        suggestion = f"; did you mean {hint!r}?" if hint else ""
        raise DiffUsageError(f"--ignore: {exc}{suggestion}") from None


def _width(args: argparse.Namespace) -> int | None:
    """The terminal's width for text on a terminal; none (no wrapping) when piped or saved."""
    if args.format != "text" or args.output or not sys.stdout.isatty():
        return None
    import shutil

    return shutil.get_terminal_size().columns


def _colour(args: argparse.Namespace) -> bool:
    return (
        args.format == "text"
        and not args.output
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )

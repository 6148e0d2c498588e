"""``guidelines cite``: a citation of an edition, value or item, with its pinpoint and, given the
website's address, the permanent link to the exact sentence."""

from __future__ import annotations

import argparse

from guidelines_model.cli.terminal import emit
from guidelines_model.model.errors import NotFoundError, UsageError

HELP = (
    "Cite an edition, value, item, supervisor item, glossary term or block by id, with its "
    'pinpoint ("Value 7, practice item 2"): in APA, Chicago or Harvard style, or as BibTeX, '
    "RIS or CSL-JSON for a reference manager."
)
EXIT = (
    "0 success; 1 an error, or a style asked for without the 'cite' extra installed; "
    "2 wrong usage (an unknown id, a base URL that is not an http(s) address)"
)

STYLED = ("text", "markdown", "html")


def arguments(parser: argparse.ArgumentParser) -> None:
    """ID, ``--style``, ``--format``, ``--base-url`` and ``-o``."""
    parser.add_argument(
        "id",
        metavar="ID",
        help="the id of an edition or of anything in it, e.g. 2019_supervisors or "
        "2019_supervisors/strengths-focused/practice/4 (as the website's # links show)",
    )
    parser.add_argument(
        "--style",
        choices=["apa", "chicago", "harvard"],
        default="apa",
        help="apa (the default, APA 7th), chicago (Chicago author-date) or harvard (Cite Them "
        "Right); for the text, markdown and html formats. Needs the 'cite' extra",
    )
    parser.add_argument(
        "--format",
        choices=[*STYLED, "bibtex", "ris", "csl-json"],
        default="text",
        help="text (the default), markdown or html: the citation in --style; bibtex, ris or "
        "csl-json: the reference for a reference manager",
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="the website's address (e.g. https://example.org/guidelines/): the citation links "
        "to the exact sentence on it. Without it, the edition's own URL where it records one",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout"
    )


def _usage(exc: NotFoundError) -> UsageError:
    """An unknown id as a usage error: the closest id, and the known ones when they are few."""
    msg = f"no {exc.what} {exc.name!r}"
    if exc.suggestion is not None:
        msg += f"; did you mean {exc.suggestion!r}?"
    if exc.known and len(exc.known) <= 12:
        msg += f" (known: {', '.join(exc.known)})"
    return UsageError(msg)


def run(args: argparse.Namespace) -> int:
    """Print the citation."""
    from guidelines_model.cite import csl_items, render, to_bibtex, to_csl_json, to_ris
    from guidelines_model.cite.links import base_url
    from guidelines_model.library import load_library

    base = base_url(args.base_url) if args.base_url is not None else None
    lib = load_library(args.content)
    try:
        items = csl_items(lib, [args.id], base)
    except NotFoundError as exc:
        raise _usage(exc) from None
    if args.format in STYLED:
        text = "\n".join(render(items, args.style, args.format)) + "\n"
    elif args.format == "bibtex":
        text = to_bibtex(items)
    elif args.format == "ris":
        text = to_ris(items)
    else:
        text = to_csl_json(items)
    emit(text, args.output)
    return 0

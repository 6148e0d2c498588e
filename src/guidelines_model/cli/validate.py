"""``guidelines validate``: load and validate content; every problem as file:line:column."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from guidelines_model.cli import targets
from guidelines_model.cli.terminal import style
from guidelines_model.model.errors import ContentError

if TYPE_CHECKING:
    from guidelines_model.load.summary import Summary

HELP = "Load and validate content; report every problem as file:line:column."
EXIT = "0 everything valid; 1 a problem in the content, or nothing to validate"


def arguments(parser: argparse.ArgumentParser) -> None:
    """EDITION|PATH arguments: ids, content folders, edition folders or files."""
    parser.add_argument(
        "targets", nargs="*", metavar=targets.METAVAR, help=targets.HELP_MANY + " (default: all)"
    )


def run(args: argparse.Namespace) -> int:
    """Validate each target; unchanged content that validated before is answered from the load
    cache (see :mod:`guidelines_model.load.summary`)."""
    from guidelines_model.library import summarise_library
    from guidelines_model.load.loader import summarise_folder

    status = 0
    for kind, folder in targets.folders(args.targets, args.content):
        try:
            if kind == "root":
                found: list[Summary] = summarise_library(folder)
            else:
                found = [summarise_folder(folder)]
        except ContentError as exc:
            print(str(exc), file=sys.stderr)
            print(
                style(f"invalid: {folder} ({len(exc.problems)} problem(s))", "31", sys.stderr),
                file=sys.stderr,
            )
            status = 1
            continue
        for s in found:
            print(f"{style('ok', '32')}: {s.id} ({s.values} values, {s.nodes} nodes)")
    return status

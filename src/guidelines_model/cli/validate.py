"""``guidelines validate``: load and validate content; every problem as file:line:column."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
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
    cache (see :mod:`guidelines_model.load.summary`). Every edition and derivative of a content
    folder is validated, and each one's problems reported, not only the first's."""
    from guidelines_model.load.find import content_folders
    from guidelines_model.load.loader import summarise_folder

    status = 0
    for kind, folder in targets.folders(args.targets, args.content):
        try:
            if kind == "root":
                edition_dirs, derivative_dirs = content_folders(folder)
                jobs = [(d, folder) for d in [*edition_dirs, *derivative_dirs]]
            else:
                jobs = [(folder, folder.parent)]
        except ContentError as exc:
            status = _invalid(folder, exc)
            continue
        found: list[Summary] = []
        for doc_folder, root in jobs:
            try:
                found.append(summarise_folder(doc_folder, root=root))
            except ContentError as exc:
                status = _invalid(doc_folder, exc)
        editions = sorted((s for s in found if s.document != "derivative"), key=_order)
        for s in [*editions, *(s for s in found if s.document == "derivative")]:
            print(f"{style('ok', '32')}: {s.id} ({s.values} values, {s.nodes} nodes)")
    return status


def _order(s: Summary) -> tuple[int, str]:
    return (s.year or 0, s.id)


def _invalid(folder: Path, exc: ContentError) -> int:
    print(str(exc), file=sys.stderr)
    print(
        style(f"invalid: {folder} ({len(exc.problems)} problem(s))", "31", sys.stderr),
        file=sys.stderr,
    )
    return 1

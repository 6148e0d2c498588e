"""``guidelines validate``: load and validate content; every problem as file:line:column."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from guidelines_model.cli.terminal import style
from guidelines_model.model.errors import ContentError, GuidelinesError

if TYPE_CHECKING:
    from guidelines_model.load.summary import Summary

HELP = "Load and validate content; report every problem as file:line:column."


def arguments(parser: argparse.ArgumentParser) -> None:
    """PATH arguments: content folders, edition folders or files."""
    parser.add_argument(
        "paths", nargs="*", help="content folders, edition folders or files (default: all)"
    )


def run(args: argparse.Namespace) -> int:
    """Validate each target; unchanged content that validated before is answered from the load
    cache (see :mod:`guidelines_model.load.summary`). Every edition and derivative of a content
    folder is validated, and each one's problems reported, not only the first's."""
    from guidelines_model.load.find import content_folders, content_root
    from guidelines_model.load.loader import summarise_folder

    status = 0
    for kind, folder in _targets(args.paths, content_root(args.content)):
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


def _targets(paths: Sequence[str], default: Path) -> list[tuple[str, Path]]:
    """Resolve PATH arguments to (kind, folder): content roots, editions or derivatives."""
    from guidelines_model.load.find import document_folder, folder_kind

    out: list[tuple[str, Path]] = []
    for raw in paths or [str(default)]:
        if not Path(raw).exists():
            raise GuidelinesError(f"{raw}: no such file or folder")
        folder = document_folder(Path(raw))
        out.append((folder_kind(folder), folder))
    return out

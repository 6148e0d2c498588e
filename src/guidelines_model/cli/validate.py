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
    cache (see :mod:`guidelines_model.load.summary`)."""
    from guidelines_model.library import summarise_library
    from guidelines_model.load.find import content_root
    from guidelines_model.load.loader import summarise_folder

    status = 0
    for kind, folder in _targets(args.paths, content_root(args.content)):
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

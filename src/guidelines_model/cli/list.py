"""``guidelines list``: the editions and derivatives with their counts."""

from __future__ import annotations

import argparse

from guidelines_model.cli.terminal import style

HELP = "List the editions and derivatives with their counts."
EXIT = "0 success; 1 content that does not load"


def arguments(parser: argparse.ArgumentParser) -> None:
    """No arguments but the global ``--content``."""


def run(args: argparse.Namespace) -> int:
    """Print one row per document, from the load cache when nothing changed (no pydantic)."""
    from guidelines_model.library import summarise_library

    rows: list[tuple[str, ...]] = [
        ("id", "year", "kind", "values", "items", "supervisor", "terms", "title")
    ]
    for s in summarise_library(args.content):
        if s.document == "derivative":
            rows.append(
                (s.id, "", s.kind, str(s.values), "", "", "", f"{s.title} (from {s.derived_from})")
            )
        else:
            counts = [str(n) for n in (s.values, s.items, s.supervisor_items, s.terms)]
            rows.append((s.id, str(s.year), s.kind, *counts, s.title))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for n, row in enumerate(rows):
        line = "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1]
        print(style(line, "1") if n == 0 else line)
    return 0

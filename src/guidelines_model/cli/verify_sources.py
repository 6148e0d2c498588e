"""``guidelines verify-sources``: every sentence of the content found in its source texts."""

from __future__ import annotations

import argparse

from guidelines_model.cli.terminal import style

HELP = "Check that every sentence of the content is found in its source documents."


def arguments(parser: argparse.ArgumentParser) -> None:
    """Edition or derivative ids, and ``--verbose``."""
    parser.add_argument("editions", nargs="*", help="edition or derivative ids (default: all)")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="also list excepted and reassembled sentences"
    )


def run(args: argparse.Namespace) -> int:
    """Print coverage and every sentence not found; exit 1 if any is missing."""
    from guidelines_model.library import load_library
    from guidelines_model.verify import verify

    lib = load_library(args.content)
    ids = args.editions or [*lib.editions, *lib.derivatives]
    status = 0
    for id_ in ids:
        report = verify(lib.document(id_), lib.sources_root())
        pct = f"{report.coverage:.1%}"
        line = (
            f"{id_}: {report.verified}/{report.total} sentences found ({pct}); "
            f"{report.count('reassembled')} reassembled across a column or page break, "
            f"{report.count('excepted')} excepted"
        )
        print(style(line, "32" if report.ok else "31"))
        for r in report.results:
            if r.status == "missing":
                print(f"  {r.location or '-'}: {r.id}: not found: {r.sentence}")
            elif r.status == "excepted" and args.verbose:
                print(f"  {r.location or '-'}: {r.id}: excepted ({r.reason})")
            elif r.status == "reassembled" and args.verbose:
                lines = ", ".join(f"{p.first_line}-{p.last_line}" for p in r.parts)
                source = r.parts[0].source
                print(f"  {r.location or '-'}: {r.id}: reassembled from {source} lines {lines}")
        found = sum(1 for m in report.metadata if m.status == "found")
        editorial = sum(1 for m in report.metadata if m.status == "editorial")
        if report.metadata:
            print(
                f"  metadata: {found}/{len(report.metadata)} fields found in the sources, "
                f"{editorial} editorial"
            )
        for m in report.metadata:
            if m.status == "missing":
                print(f"  {id_}: metadata {m.field}: not found in the sources: {m.value}")
            elif m.status == "stale":
                print(
                    f"  {id_}: metadata {m.field}: listed as editorial, but a source prints "
                    "it: remove the entry"
                )
            elif m.status == "editorial" and args.verbose:
                print(f"  {id_}: metadata {m.field}: editorial ({m.reason})")
        for target in report.stale_exceptions:
            print(
                f"  {target}: recorded as unverified, but every sentence is found: "
                "remove the exception"
            )
        status |= 0 if report.ok else 1
    return status

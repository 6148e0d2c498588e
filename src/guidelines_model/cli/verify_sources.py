"""``guidelines verify-sources``: every sentence of the content found in its source texts."""

from __future__ import annotations

import argparse

from guidelines_model.cli import targets
from guidelines_model.cli.terminal import style

HELP = "Check that every sentence of the content is found in its source documents."
EXIT = "0 every sentence found (or excepted with a reason); 1 a sentence not found, or an error"


def arguments(parser: argparse.ArgumentParser) -> None:
    """EDITION|PATH arguments and ``--verbose``."""
    parser.add_argument(
        "targets", nargs="*", metavar=targets.METAVAR, help=targets.HELP_MANY + " (default: all)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="also list excepted sentences")


def run(args: argparse.Namespace) -> int:
    """Print coverage and every sentence not found; exit 1 if any is missing."""
    from guidelines_model.verify import verify

    lib, named = targets.resolve(args.targets, args.content)
    status = 0
    for id_ in named or [*lib.editions, *lib.derivatives]:
        report = verify(lib.document(id_), lib.sources_root())
        if report.draft:
            print(f"{id_}: draft, not verified (a draft has no published text or sources yet)")
            continue
        pct = f"{report.coverage:.1%}"
        line = (
            f"{id_}: {report.verified}/{report.total} sentences found ({pct}); "
            f"{report.count('reassembled')} reassembled across a column break, "
            f"{report.count('excepted')} excepted"
        )
        print(style(line, "32" if report.ok else "31"))
        for r in report.results:
            if r.status == "missing":
                print(f"  {r.location or '-'}: {r.id}: not found: {r.sentence}")
            elif r.status == "excepted" and args.verbose:
                print(f"  {r.location or '-'}: {r.id}: excepted ({r.reason})")
        for target in report.stale_exceptions:
            print(
                f"  {target}: recorded as unverified, but every sentence is found: "
                "remove the exception"
            )
        status |= 0 if report.ok else 1
    return status

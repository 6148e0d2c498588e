"""``guidelines verify-sources``: every sentence of the content found in its source texts."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from guidelines_model.cli import targets
from guidelines_model.cli.terminal import style

if TYPE_CHECKING:
    from guidelines_model.verify import VerifyReport
    from guidelines_model.verify.recall import RecallReport

HELP = "Check that every sentence of the content is found in its source documents."
EXIT = (
    "0 every sentence found (or excepted with a reason), and with --recall every source unit "
    "accounted for; 1 anything not found, or an error"
)


def arguments(parser: argparse.ArgumentParser) -> None:
    """EDITION|PATH arguments, ``--verbose`` and ``--recall``."""
    parser.add_argument(
        "targets", nargs="*", metavar=targets.METAVAR, help=targets.HELP_MANY + " (default: all)"
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="also list excepted and reassembled sentences"
    )
    parser.add_argument(
        "--recall",
        action="store_true",
        help="also check the converse: every unit of the sources is in the content, declared "
        "furniture or a declared omission",
    )


def run(args: argparse.Namespace) -> int:
    """Print coverage and every sentence not found (with ``--recall``, every source unit not
    accounted for); exit 1 if any is."""
    from guidelines_model.verify import verify
    from guidelines_model.verify.recall import recall

    lib, named = targets.resolve(args.targets, args.content)
    status = 0
    for id_ in named or [*lib.editions, *lib.derivatives]:
        report = verify(lib.document(id_), lib.sources_root())
        if report.draft:
            print(style(f"{id_}: draft, no sources yet: not verified", "33"))
            continue
        _print_sentences(id_, report, verbose=args.verbose)
        _print_metadata(id_, report, verbose=args.verbose)
        for target in report.stale_exceptions:
            print(
                f"  {target}: recorded as unverified, but every sentence is found: "
                "remove the exception"
            )
        status |= 0 if report.ok else 1
        if args.recall:
            result = recall(lib.document(id_), lib.sources_root(), report)
            _print_recall(result)
            status |= 0 if result.ok else 1
    return status


def _print_sentences(id_: str, report: VerifyReport, *, verbose: bool) -> None:
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
        elif r.status == "excepted" and verbose:
            print(f"  {r.location or '-'}: {r.id}: excepted ({r.reason})")
        elif r.status == "reassembled" and verbose:
            lines = ", ".join(f"{p.first_line}-{p.last_line}" for p in r.parts)
            source = r.parts[0].source
            print(f"  {r.location or '-'}: {r.id}: reassembled from {source} lines {lines}")


def _print_metadata(id_: str, report: VerifyReport, *, verbose: bool) -> None:
    if not report.metadata:
        return
    found = sum(1 for m in report.metadata if m.status == "found")
    editorial = sum(1 for m in report.metadata if m.status == "editorial")
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
        elif m.status == "editorial" and verbose:
            print(f"  {id_}: metadata {m.field}: editorial ({m.reason})")


def _print_recall(result: RecallReport) -> None:
    print(
        style(
            f"  recall: {result.accounted}/{result.units} source units accounted for "
            f"({result.recall:.1%}) in the content, furniture or omissions",
            "32" if result.ok else "31",
        )
    )
    for s in result.sources:
        for u in s.unaccounted:
            lines = f"{u.first_line}" + (f"-{u.last_line}" if u.last_line > u.first_line else "")
            print(f"  {s.source}:{lines}: not in the content nor left out: {u.text}")
        for pattern in s.stale_furniture:
            print(f"  {s.source}: furniture pattern matches nothing: {pattern}")
        for problem in s.bad_omissions:
            print(f"  {s.source}: omission {problem}")

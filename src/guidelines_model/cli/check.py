"""``guidelines check``: resolve targets, run the checks, print the report."""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from typing import TYPE_CHECKING

from guidelines_model.cli import targets
from guidelines_model.cli.terminal import style
from guidelines_model.model.errors import ContentError, NotFoundError, UsageError

if TYPE_CHECKING:
    from guidelines_model.checks import Report
    from guidelines_model.checks.finding import Finding

HELP = "Run the consistency checks; exit 1 on any unacknowledged error."
EXIT = (
    "0 no unacknowledged error (warnings and acknowledged findings allowed); 1 an "
    "unacknowledged error, or content that does not load; 2 wrong usage (an unknown code)"
)


def arguments(parser: argparse.ArgumentParser) -> None:
    """Targets, ``--format``, ``--select``, ``--ignore`` and ``--list``."""
    parser.add_argument(
        "targets", nargs="*", metavar=targets.METAVAR, help=targets.HELP_MANY + " (default: all)"
    )
    parser.add_argument(
        "--format",
        choices=["text", "json", "github"],
        default="text",
        help="text (grouped by file; the default), json, or GitHub workflow annotations",
    )
    parser.add_argument(
        "--select",
        default="",
        metavar="CODES",
        help="only these checks: comma-separated codes, prefixes (GM2) or names (default: all)",
    )
    parser.add_argument(
        "--ignore", default="", metavar="CODES", help="skip these checks (default: none)"
    )
    parser.add_argument(
        "--list", action="store_true", help="list the checks (as selected) by code and exit"
    )


def _codes(spec: str, option: str) -> list[str]:
    """The codes, prefixes or names of ``--select``/``--ignore``; a usage error (exit 2) naming
    the known codes and the closest when one matches no check."""
    from guidelines_model.checks import selected

    specs = [c.strip() for c in spec.split(",") if c.strip()]
    try:
        selected(specs) if option == "--select" else selected((), specs)
    except NotFoundError as exc:
        raise UsageError(f"{option}: {exc}") from None
    return specs


def _position(f: Finding) -> tuple[int, int]:
    return (f.location.line, f.location.column) if f.location else (0, 0)


def _text(report: Report) -> str:
    from guidelines_model.checks.finding import Severity

    colours = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
    # Styled once each, not once a finding (whether to colour asks the terminal).
    severities = {s: style(f"{s.value:<7}", c) for s, c in colours.items()}
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_file[f.location.file if f.location else "(no file)"].append(f)
    out: list[str] = []
    # What a line says before its message, made once for each check that found something.
    heads: dict[tuple[Severity, str, str], str] = {}
    for file in sorted(by_file):
        out.append(style(file, "1"))
        for f in sorted(by_file[file], key=_position):
            loc = f.location
            where = f"{loc.line}:{loc.column}" if loc else "-"
            head = heads.get((f.severity, f.code, f.name))
            if head is None:
                head = heads[f.severity, f.code, f.name] = (
                    f" {severities[f.severity]} {f.code} {f.name}  "
                )
            line = f"  {where.ljust(8)}{head}{f.message}  [{f.id}]"
            if f.acknowledged:
                line += style(f"  (acknowledged: {f.acknowledged})", "2")
            elif f.hint:
                line += f"\n           hint: {f.hint}"
            out.append(line)
    s = report.stats
    verdict = style("valid", "32") if report.valid else style("INVALID", "31")
    out.append(
        f"{s['errors']} errors ({s['acknowledged']} acknowledged), {s['warnings']} warnings, "
        f"{s['info']} info: {verdict}"
    )
    return "\n".join(out) + "\n"


def _github(report: Report) -> str:
    from guidelines_model.checks.finding import Severity

    out = []
    for f in report.findings:
        level = (
            "notice"
            if f.acknowledged or f.severity is Severity.INFO
            else "error"
            if f.severity is Severity.ERROR
            else "warning"
        )
        where = (
            f"file={f.location.file},line={f.location.line},col={f.location.column},"
            if f.location
            else ""
        )
        message = f.message + (f" (acknowledged: {f.acknowledged})" if f.acknowledged else "")
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        out.append(f"::{level} {where}title={f.code} {f.name}::{message}")
    return "\n".join(out) + ("\n" if out else "")


def run(args: argparse.Namespace) -> int:
    """Run the checks on the targets; print the report; exit 1 on an unacknowledged error."""
    from guidelines_model.checks import run_checks, selected
    from guidelines_model.load.find import sources_root_for

    select, ignore = _codes(args.select, "--select"), _codes(args.ignore, "--ignore")
    rules = selected(select, ignore)
    if args.list:
        if args.format == "json":
            listed = [
                {"code": r.code, "name": r.name, "severity": r.severity.value, "doc": r.doc}
                for r in rules
            ]
            sys.stdout.write(json.dumps(listed, indent=2, ensure_ascii=False) + "\n")
        else:
            for r in rules:
                print(f"{r.code} {r.name:<26} {r.severity.value:<8} {r.doc}")
        return 0
    try:
        lib, ids = targets.resolve(args.targets, args.content)
    except ContentError as exc:
        print(str(exc), file=sys.stderr)
        print(f"content did not load ({len(exc.problems)} problem(s)): " + style("INVALID", "31"))
        return 1
    root = sources_root_for(lib.root) if lib.root else None
    report = run_checks(lib, ids, select=select, ignore=ignore, sources_root=root)
    if args.format == "json":
        payload = {
            "schema_version": 1,
            "valid": report.valid,
            "stats": report.stats,
            "checks": [{"code": r.code, "name": r.name} for r in rules],
            "findings": report.flat(),
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    elif args.format == "github":
        sys.stdout.write(_github(report))
    else:
        sys.stdout.write(_text(report))
    return 0 if report.valid else 1

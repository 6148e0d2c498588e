"""``guidelines check``: resolve targets, run the checks, print the report."""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from guidelines_model.cli.terminal import style
from guidelines_model.model.errors import ContentError, GuidelinesError

if TYPE_CHECKING:
    from guidelines_model.checks import Report
    from guidelines_model.checks.finding import Finding
    from guidelines_model.library import Library

HELP = "Run the consistency checks; exit 1 on any unacknowledged error."


def arguments(parser: argparse.ArgumentParser) -> None:
    """Targets, ``--format``, ``--select``, ``--ignore`` and ``--list``."""
    parser.add_argument(
        "targets",
        nargs="*",
        metavar="EDITION|PATH",
        help="edition ids, edition folders or a content folder (default: all)",
    )
    parser.add_argument(
        "--format",
        choices=["text", "json", "github"],
        default="text",
        help="text (grouped by file), json, or GitHub workflow annotations",
    )
    parser.add_argument(
        "--select",
        default="",
        metavar="CODES",
        help="only these checks: comma-separated codes, prefixes (GM2) or names",
    )
    parser.add_argument("--ignore", default="", metavar="CODES", help="skip these checks")
    parser.add_argument("--list", action="store_true", help="list the checks and exit")


def _resolve(targets: list[str], content: Path | None) -> tuple[Library, list[str] | None]:
    """A library and the ids to check, from ids, edition folders or a content folder."""
    from guidelines_model.library import load_library
    from guidelines_model.load.find import document_folder, folder_kind
    from guidelines_model.model.documents import Derivative, Edition

    paths = [Path(t) for t in targets if Path(t).exists()]
    if not paths:
        return load_library(content), targets or None
    if len(paths) != len(targets):
        raise GuidelinesError("give either edition ids or paths, not both")
    folders = [document_folder(p).resolve() for p in paths]
    if len(folders) == 1 and folder_kind(folders[0]) == "root":
        return load_library(folders[0]), None
    root = folders[0].parent
    if any(f.parent != root for f in folders):
        raise GuidelinesError("the editions to check must live in one content folder")
    lib = load_library(root)
    docs: list[Edition | Derivative] = [*lib.editions.values(), *lib.derivatives.values()]
    by_folder = {Path(d.origin.parts[0][2].file).resolve().parent: d.id for d in docs if d.origin}
    return lib, [by_folder[f] for f in folders if f in by_folder]


def _codes(spec: str) -> list[str]:
    return [c.strip() for c in spec.split(",") if c.strip()]


def _text(report: Report) -> str:
    from guidelines_model.checks.finding import Severity

    colours = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_file[f.location.file if f.location else "(no file)"].append(f)
    out: list[str] = []
    for file in sorted(by_file):
        out.append(style(file, "1"))
        for f in sorted(
            by_file[file],
            key=lambda f: (f.location.line, f.location.column) if f.location else (0, 0),
        ):
            where = f"{f.location.line}:{f.location.column}" if f.location else "-"
            sev = style(f"{f.severity.value:<7}", colours[f.severity])
            line = f"  {where:<8} {sev} {f.code} {f.name}  {f.message}  [{f.id}]"
            if f.acknowledged:
                line += style(f"  (acknowledged: {f.acknowledged})", "2")
            out.append(line)
            if f.hint and not f.acknowledged:
                out.append(f"           hint: {f.hint}")
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
    from guidelines_model.checks import RULES, run_checks, selected
    from guidelines_model.load.find import sources_root_for
    from guidelines_model.model.errors import NotFoundError

    try:
        selected(_codes(args.select), _codes(args.ignore))
    except NotFoundError as exc:  # a usage error: exit 2, as argparse does
        print(style("error", "31", sys.stderr) + f": {exc}", file=sys.stderr)
        return 2
    if args.list:
        for r in selected(_codes(args.select), _codes(args.ignore)):
            print(f"{r.code} {r.name:<26} {r.severity.value:<8} {r.doc}")
        return 0
    try:
        lib, ids = _resolve(args.targets, args.content)
    except ContentError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    root = sources_root_for(lib.root) if lib.root else None
    report = run_checks(
        lib, ids, select=_codes(args.select), ignore=_codes(args.ignore), sources_root=root
    )
    if args.format == "json":
        payload = {
            "schema_version": 1,
            "valid": report.valid,
            "stats": report.stats,
            "checks": [{"code": r.code, "name": r.name} for r in RULES],
            "findings": report.flat(),
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    elif args.format == "github":
        sys.stdout.write(_github(report))
    else:
        sys.stdout.write(_text(report))
    return 0 if report.valid else 1

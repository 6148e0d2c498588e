"""The ``guidelines`` command: a thin layer over the library.

Human output by default, machine output behind ``--format``; exit status 0 on success, 1 on
any error or failed check, never a traceback. Heavy modules are imported inside commands.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from guidelines_model.errors import GuidelinesError

if TYPE_CHECKING:
    from guidelines_model.library import Library

Handler = Callable[[argparse.Namespace], int]


def _colour(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ


def style(text: str, code: str, stream: TextIO = sys.stdout) -> str:
    """Wrap text in an ANSI colour when writing to a terminal."""
    return f"\033[{code}m{text}\033[0m" if _colour(stream) else text


def _library(args: argparse.Namespace) -> Library:
    from guidelines_model.library import load_library

    return load_library(args.content)


def _emit(text: str, output: str | None) -> None:
    if output:
        from guidelines_model._io import atomic_write

        atomic_write(output, text)
    else:
        sys.stdout.write(text)


# --- commands ----------------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    # Summaries come from the load cache when nothing changed: no pydantic, no models.
    from guidelines_model.summary import summarise_library

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


def cmd_show(args: argparse.Namespace) -> int:
    from guidelines_model.export.markdown import to_markdown, value_markdown

    lib = _library(args)
    doc = lib.document(args.edition)
    if args.value is None:
        sys.stdout.write(to_markdown(doc))
        return 0
    from guidelines_model.errors import NotFoundError
    from guidelines_model.models import Edition

    if not isinstance(doc, Edition):
        raise GuidelinesError(f"{doc.id} is a derivative; it has no values")

    match = [v for v in doc.values if args.value in (v.key, str(v.number))]
    if not match:
        raise NotFoundError("value", args.value, [v.key for v in doc.values])
    sys.stdout.write(value_markdown(match[0]))
    return 0


def _targets(paths: Sequence[str], default: Path) -> list[tuple[str, Path]]:
    """Resolve PATH arguments to (kind, folder): content roots, editions or derivatives."""
    from guidelines_model._paths import document_folder, folder_kind

    out: list[tuple[str, Path]] = []
    for raw in paths or [str(default)]:
        if not Path(raw).exists():
            raise GuidelinesError(f"{raw}: no such file or folder")
        folder = document_folder(Path(raw))
        out.append((folder_kind(folder), folder))
    return out


def cmd_validate(args: argparse.Namespace) -> int:
    # Unchanged content that validated before is answered from the load cache (see summary).
    from guidelines_model._paths import default_content_root
    from guidelines_model.errors import ContentError
    from guidelines_model.summary import Summary, summarise_folder, summarise_library

    status = 0
    for kind, folder in _targets(args.paths, args.content or default_content_root()):
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


def cmd_verify(args: argparse.Namespace) -> int:
    from guidelines_model.verify import verify

    lib = _library(args)
    ids = args.editions or [*lib.editions, *lib.derivatives]
    status = 0
    for id_ in ids:
        report = verify(lib.document(id_), lib.sources_root())
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


def cmd_export(args: argparse.Namespace) -> int:
    from guidelines_model.export import exporter

    doc = _library(args).document(args.edition)
    _emit(exporter(args.format)(doc), args.output)
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from guidelines_model.diff.command import run

    return run(args)


def cmd_check(args: argparse.Namespace) -> int:
    from guidelines_model.checks.command import run

    return run(args)


def cmd_fmt(args: argparse.Namespace) -> int:
    from guidelines_model._paths import default_content_root
    from guidelines_model.fmt import format_files

    paths = [Path(p) for p in args.paths] or [args.content or default_content_root()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise GuidelinesError(f"{missing[0]}: no such file or folder")
    results = format_files(paths, check=args.check)
    changed = [r for r in results if r.changed]
    for r in changed:
        print(f"{'would reformat' if args.check else 'reformatted'}: {r.path}")
    print(f"{len(results)} files, {len(changed)} {'to reformat' if args.check else 'reformatted'}")
    return 1 if args.check and changed else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from guidelines_model.schema import schema_json

    _emit(schema_json(args.kind), args.output)
    return 0


# --- parser ------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="guidelines",
        description="Every edition of the peer-support practice guidelines as typed content: "
        "list, show, validate, verify against the sources, export, compare.",
    )
    parser.add_argument(
        "--content",
        type=Path,
        default=None,
        metavar="DIR",
        help="content folder to use (default: the content shipped with the package)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, fn: Handler, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(handler=fn)
        return p

    add("list", cmd_list, "List the editions and derivatives with their counts.")
    p = add("show", cmd_show, "Print an edition, or one of its values, as Markdown.")
    p.add_argument("edition", help="edition id, e.g. 2013")
    p.add_argument("value", nargs="?", help="value key or number, e.g. voluntary or 1")
    p = add(
        "validate",
        cmd_validate,
        "Load and validate content; report every problem as file:line:column.",
    )
    p.add_argument(
        "paths", nargs="*", help="content folders, edition folders or files (default: all)"
    )
    p = add(
        "verify-sources",
        cmd_verify,
        "Check that every sentence of the content is found in its source documents.",
    )
    p.add_argument("editions", nargs="*", help="edition or derivative ids (default: all)")
    p.add_argument("-v", "--verbose", action="store_true", help="also list excepted sentences")
    p = add("export", cmd_export, "Export an edition as JSON or Markdown.")
    p.add_argument("edition", help="edition or derivative id")
    p.add_argument("--format", choices=["json", "markdown", "html"], default="markdown")
    p.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")
    p = add(
        "diff",
        cmd_diff,
        "Compare editions: values and items aligned, changes classified, word by word. "
        "With two editions, the changes from the first to the second; with three or more, "
        "an alignment table of every value and item across them.",
    )
    p.add_argument(
        "editions",
        nargs="*",
        metavar="EDITION",
        help="edition ids, oldest first (default with --rev: every edition)",
    )
    p.add_argument("--format", choices=["text", "markdown", "json", "html"], default="text")
    p.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")
    p.add_argument(
        "--ignore",
        default="",
        metavar="CLASSES",
        help="hide text changes of these classes, comma-separated: "
        "whitespace, punctuation, capitalisation, spelling (or 'noise' for all four)",
    )
    p.add_argument(
        "--rev",
        metavar="REV",
        help="compare the content at this git revision with the working tree",
    )
    p = add("check", cmd_check, "Run the consistency checks; exit 1 on any unacknowledged error.")
    p.add_argument(
        "targets",
        nargs="*",
        metavar="EDITION|PATH",
        help="edition ids, edition folders or a content folder (default: all)",
    )
    p.add_argument(
        "--format",
        choices=["text", "json", "github"],
        default="text",
        help="text (grouped by file), json, or GitHub workflow annotations",
    )
    p.add_argument(
        "--select",
        default="",
        metavar="CODES",
        help="only these checks: comma-separated codes, prefixes (GM2) or names",
    )
    p.add_argument("--ignore", default="", metavar="CODES", help="skip these checks")
    p.add_argument("--list", action="store_true", help="list the checks and exit")
    p = add(
        "fmt",
        cmd_fmt,
        "Format content YAML canonically (comments, key order and quoting kept; text never "
        "changed). With --check, only report files that would change (exit 1).",
    )
    p.add_argument("paths", nargs="*", help="files or folders (default: the content folder)")
    p.add_argument("--check", action="store_true", help="change nothing; exit 1 if any would")
    p = add(
        "schema",
        cmd_schema,
        "Print a JSON Schema: of the JSON export (edition), or of a kind of content file.",
    )
    p.add_argument(
        "--kind",
        choices=["edition", "metadata", "part", "value", "derivative"],
        default="edition",
        help="which schema (default: edition, the JSON export)",
    )
    p.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``guidelines`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except GuidelinesError as exc:
        print(style("error", "31", sys.stderr) + f": {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        return 130

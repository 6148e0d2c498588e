"""The ``guidelines`` command: the parser, and the dispatch to one module per subcommand.

Human output by default, machine output behind ``--format``; exit status 0 on success, 1 on
any error or failed check, never a traceback. Each command module imports the library inside
its ``run``, so that a command pays only for what it uses (``list`` on unchanged content
never imports pydantic).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, TextIO

from guidelines_model.cli import (
    check,
    cite,
    diff,
    export,
    fmt,
    history,
    new_edition,
    release_notes,
    review_merge,
    review_sheet,
    schema,
    show,
    validate,
    verify_sources,
)
from guidelines_model.cli import list as list_
from guidelines_model.cli.replay import Answer, replay
from guidelines_model.cli.terminal import GuardedStream, style
from guidelines_model.load.limits import no_gc
from guidelines_model.model.errors import GuidelinesError, OutputError, UsageError


class Command(Protocol):
    """What a command module defines."""

    HELP: str
    #: The command's exit statuses, for its ``--help``.
    EXIT: str

    def arguments(self, parser: argparse.ArgumentParser) -> None:
        """Add the command's arguments to its parser."""

    def run(self, args: argparse.Namespace) -> int:
        """Run the command; return the exit status."""


#: The subcommands, in the order ``--help`` lists them.
COMMANDS: dict[str, Command] = {
    "list": list_,
    "show": show,
    "validate": validate,
    "verify-sources": verify_sources,
    "export": export,
    "diff": diff,
    "history": history,
    "release-notes": release_notes,
    "check": check,
    "cite": cite,
    "fmt": fmt,
    "new-edition": new_edition,
    "review-sheet": review_sheet,
    "review-merge": review_merge,
    "schema": schema,
}


CONTENT_HELP = "content folder to use (default: the content shipped with the package)"
EXIT_STATUS = "0 success; 1 invalid content or an error; 2 wrong usage"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = argparse.ArgumentParser(
        prog="guidelines",
        description="Every edition of the peer-support practice guidelines as typed content: "
        "list, show, validate, verify against the sources, export, compare.",
        epilog=f"exit status: {EXIT_STATUS}. 'guidelines COMMAND --help' describes a command.",
    )
    parser.add_argument("--content", type=Path, default=None, metavar="DIR", help=CONTENT_HELP)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        p = sub.add_parser(
            name, help=command.HELP, description=command.HELP, epilog=f"exit status: {command.EXIT}"
        )
        command.arguments(p)
        # Accepted after the command too; given there, it wins over one given before.
        p.add_argument(
            "--content", type=Path, default=argparse.SUPPRESS, metavar="DIR", help=CONTENT_HELP
        )
        p.set_defaults(handler=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``guidelines`` command; returns the exit status.

    A read-only command on unchanged inputs is answered from the cache (see
    :mod:`guidelines_model.cli.replay`): the same bytes on both streams, the same status. Only
    the program's own command line is: a call with ``argv`` from Python code (which may have
    changed anything in the process) is neither answered from the cache nor recorded.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    answer = Answer.find(args) if argv is None else None
    stored = answer.stored() if answer is not None else None
    if stored is not None:
        chunks, recorded = stored
        args.handler = lambda _: replay(chunks, recorded)
        answer = None  # nothing to record
    status = _dispatch(parser, args, answer)
    if answer is not None:
        answer.save(status)
    return status


def _dispatch(
    parser: argparse.ArgumentParser, args: argparse.Namespace, answer: Answer | None
) -> int:
    """Run the command's handler with guarded (and, for ``answer``, recorded) streams; turn
    errors into messages and exit statuses."""
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout = GuardedStream(stdout)  # a TextIO by delegation
    sys.stderr = GuardedStream(stderr, "standard error")
    if answer is not None:
        sys.stdout, sys.stderr = answer.record(sys.stdout, 1), answer.record(sys.stderr, 2)
    try:
        # A command builds its objects once and keeps them, and they hold no cycles: the
        # collector, run every 700 allocations, walked that growing heap again and again (1 s
        # of the 8 s of checking 10,000 values) and freed nothing (the peak memory of that
        # check and of fmt --check over 10,000 files are the same without it).
        with no_gc():
            status = int(args.handler(args))
        sys.stdout.flush()  # a write error hidden in the buffer is an error too
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(style("error", "31", stderr) + f": {exc}", file=sys.stderr)
        return 2
    except GuidelinesError as exc:
        print(style("error", "31", stderr) + f": {exc}", file=sys.stderr)
        if isinstance(exc, OutputError) and exc.path == "-":
            _discard(stdout)
        return 1
    except BrokenPipeError:
        _discard(stdout)
        return 1
    except OSError as exc:
        # A path the system refuses outright (a name too long...): a message, not a traceback.
        what = f"{exc.filename}: " if exc.filename else ""
        reason = "path too long" if exc.errno == errno.ENAMETOOLONG else exc.strerror or exc
        print(style("error", "31", stderr) + f": {what}{reason}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    else:
        return status
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _discard(stream: TextIO) -> None:
    """Drop what ``stream`` still buffers, so that exit does not fail writing it again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        fd = stream.fileno()  # a stream without a descriptor has nothing to flush at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)

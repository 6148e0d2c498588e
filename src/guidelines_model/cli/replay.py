"""Answers from the cache: a read-only command whose inputs have not changed prints what it
printed last time, without loading anything (no pydantic, no ruamel.yaml).

``list``, ``show``, ``validate``, ``diff`` (without ``--rev`` or ``-o``), ``verify-sources`` and
``check`` are answered so. A run that is not a hit records what the command writes to standard
output and standard error (in order) and its exit status; the next run with the same key
replays them through the same streams. The key is the load cache's (:func:`.cache.stamp`: the
sha256 of every module of the package, the versions of pydantic and ruamel.yaml, Python's) plus
every input the output depends on:

- the parsed arguments;
- the sha256 of every file of the content folders the command reads (the folders of the two or
  more editions ``diff`` names by id; else the whole content folder), and of the source texts
  for ``verify-sources`` and ``check``;
- the working directory (file names are shown relative to it);
- whether standard output and error are terminals (colour, escapes), the terminal's size when
  one is, their encodings, and ``NO_COLOR``, ``COLUMNS``, ``LINES``, ``GUIDELINES_CONTENT`` and
  ``GUIDELINES_SOURCES``.

It is only a performance layer: ``GUIDELINES_CACHE=0`` (which turns every cache off) gives the
same bytes and exit status. Entries live in ``answers/`` under the load cache's folder, written
atomically and checksummed; a damaged one is a miss. Only the standard library and the load
cache's light modules are imported here.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from guidelines_model.load import cache
from guidelines_model.load.find import (
    EDITION_FILE,
    content_root,
    document_folder,
    folder_kind,
    sources_root_for,
)
from guidelines_model.load.read import ReadRefused, read_regular
from guidelines_model.model.ids import EDITION_ID_PATTERN

#: Bump when the stored shape or the key changes.
FORMAT = 1
#: The commands answered from the cache: they read content and write only to their streams.
READ_ONLY = frozenset({"list", "show", "validate", "diff", "verify-sources", "check"})
#: The commands that also read the source texts.
READS_SOURCES = frozenset({"verify-sources", "check"})
#: The environment variables an answer depends on (besides the streams and the folder).
ENVIRONMENT = ("NO_COLOR", "COLUMNS", "LINES", "GUIDELINES_CONTENT", "GUIDELINES_SOURCES")
#: Past this many files or bytes in the folders a command reads, it is not answered from the
#: cache: hashing would cost more than it saves.
MAX_FILES = 50_000
MAX_BYTES = 256 * 1024 * 1024
_MAGIC = b"guidelines-model answer\n"
_FOLDER = "answers"


class Unkeyable(Exception):
    """Inputs that cannot be keyed (a special file, a linked folder, too much): run as usual."""


class Answer:
    """The cached answer of one command run: where it is, and what it recorded."""

    def __init__(self, path: Path, args: argparse.Namespace) -> None:
        self.path = path
        self.args = args
        self.chunks: list[tuple[int, str]] = []
        self.failed = False

    @classmethod
    def find(cls, args: argparse.Namespace) -> Answer | None:
        """The answer slot of a parsed command line, or ``None``: not a read-only command, a
        command that writes a file or reads git, the cache turned off, or inputs that cannot
        be keyed."""
        if args.command not in READ_ONLY or getattr(args, "output", None):
            return None
        if getattr(args, "rev", None):  # the answer depends on the repository
            return None
        where = cache.cache_dir()
        if where is None:
            return None
        key = _key(args, where)
        return cls(where / _FOLDER / f"{key}.cache", args) if key else None

    def stored(self) -> tuple[list[tuple[int, str]], int] | None:
        """What the entry recorded (chunks, exit status), or ``None`` if absent or damaged."""
        payload = cache.read_entry(self.path, _MAGIC, touch=True)
        if payload is None:
            return None
        try:
            chunks, status = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return None
        if type(status) is not int or type(chunks) is not list:
            return None
        for chunk in chunks:
            if type(chunk) is not tuple or len(chunk) != 2:
                return None
            if chunk[0] not in (1, 2) or type(chunk[1]) is not str:
                return None
        return chunks, status

    def record(self, stream: Any, channel: int) -> TextIO:
        """``stream``, with everything written to it also kept for :meth:`save`."""
        return Recorder(stream, channel, self)  # type: ignore[return-value]  # by delegation

    def save(self, status: int) -> None:
        """Store what was recorded, if every write went through; never raise."""
        if self.failed or status not in (0, 1, 2):
            return
        if _key(self.args, self.path.parent.parent) != self.path.stem:
            return  # an input changed while the command ran: what it printed may be of either
        with contextlib.suppress(OSError, ValueError):
            cache.write_entry(self.path, _MAGIC, marshal.dumps((self.chunks, status)))


def _key(args: argparse.Namespace, where: Path) -> str | None:
    """The name of the answer of ``args`` in the cache folder ``where``, or ``None``."""
    try:
        folders, roots = inputs(args)
        # Answers could be planted in a folder others can write to: the cache folder and ours.
        if any(not cache.usable(w, r) for w in (where, where / _FOLDER) for r in roots):
            return None
        return cache.digest(repr(key_parts(args, folders)).encode()).hex()[:40]
    except (Unkeyable, OSError, ValueError):
        return None


def replay(chunks: list[tuple[int, str]], status: int) -> int:
    """Write recorded chunks to the current standard output and error; return ``status``."""
    for channel, text in chunks:
        stream = sys.stdout if channel == 1 else sys.stderr
        stream.write(text)
        stream.flush()  # keeps the order of the two streams on one terminal
    return status


class Recorder:
    """A text stream that keeps what is written through it (after it went through)."""

    def __init__(self, stream: TextIO, channel: int, answer: Answer) -> None:
        self.stream = stream
        self.channel = channel
        self.answer = answer

    def write(self, text: str) -> int:
        try:
            n = self.stream.write(text)
        except BaseException:
            self.answer.failed = True
            raise
        chunks = self.answer.chunks
        if chunks and chunks[-1][0] == self.channel:
            chunks[-1] = (self.channel, chunks[-1][1] + text)
        else:
            chunks.append((self.channel, text))
        return n

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BaseException:
            self.answer.failed = True
            raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def _names(args: argparse.Namespace) -> list[str]:
    """The EDITION|PATH arguments of a command."""
    if args.command == "show":
        return [args.target]
    if args.command == "diff":
        return list(args.editions or [])
    return list(getattr(args, "targets", None) or [])


def inputs(args: argparse.Namespace) -> tuple[list[Path], list[Path]]:
    """The folders whose files decide the answer, and the content folders they belong to."""
    names = _names(args)
    paths = [Path(n) for n in names if Path(n).exists()]
    roots: list[Path] = []
    for p in paths:
        folder = document_folder(p).resolve()
        roots.append(folder if folder_kind(folder) == "root" else folder.parent)
    if len(paths) < len(names) or not names:
        roots.append(content_root(args.content).resolve())
    roots = sorted(set(roots))
    folders = roots
    if args.command == "diff" and not paths and len(names) >= 2:
        # load_editions reads only the named editions when each is the folder of its name.
        (root,) = roots
        if all(_named_edition(root / n, n) for n in names):
            folders = [root / n for n in sorted(set(names))]
    if args.command in READS_SOURCES:
        folders = [*folders, *sorted({sources_root_for(r) for r in roots})]
    return folders, roots


def _named_edition(folder: Path, name: str) -> bool:
    """Whether ``folder`` holds an edition whose metadata gives ``name`` as its id (a top-level
    ``id:`` line), so that loading it alone is what the command does."""
    if not re.match(EDITION_ID_PATTERN, name) or folder.is_symlink():
        return False  # load_editions loads the whole library for such a name
    try:
        meta = read_regular(folder / EDITION_FILE, 1024 * 1024)
    except (OSError, ReadRefused):
        return False
    ids = {f"id: {q}{name}{q}".encode() for q in ("", '"', "'")}
    return any(line.rstrip() in ids for line in meta.splitlines())


def key_parts(args: argparse.Namespace, folders: list[Path]) -> tuple[Any, ...]:
    """Everything an answer depends on (see the module's docstring)."""
    options = sorted((k, repr(v)) for k, v in vars(args).items() if k != "handler")
    streams = []
    for stream in (sys.stdout, sys.stderr):
        try:
            tty = stream.isatty()
        except (AttributeError, OSError, ValueError):
            tty = False
        streams.append((tty, getattr(stream, "encoding", None), getattr(stream, "errors", None)))
    size = None
    if streams[0][0] or streams[1][0]:
        import shutil

        size = tuple(shutil.get_terminal_size())
    env = tuple((k, os.environ.get(k)) for k in ENVIRONMENT)
    files = tuple((str(f), tree_digest(f)) for f in folders)
    return (FORMAT, cache.stamp(), options, os.getcwd(), tuple(streams), size, env, files)


def tree_digest(folder: Path) -> str:
    """The sha256 of the names and bytes of every file under ``folder`` (``-`` if there is no
    such folder); :class:`Unkeyable` for a special file, a linked folder or too much."""
    if not folder.exists():
        return "-"
    if folder.is_file():
        raise Unkeyable(folder)
    h = hashlib.sha256()
    count = total = 0
    stack = [folder]
    while stack:
        here = stack.pop()
        with os.scandir(here) as it:
            entries = sorted(it, key=lambda e: e.name)
        for e in entries:
            if e.is_dir(follow_symlinks=False):
                stack.append(Path(e.path))
                continue
            if e.is_symlink() and e.is_dir():
                raise Unkeyable(e.path)
            try:
                data = read_regular(Path(e.path), MAX_BYTES - total)
            except ReadRefused:
                raise Unkeyable(e.path) from None
            count += 1
            total += len(data)
            if count > MAX_FILES:
                raise Unkeyable(folder)
            rel = os.path.relpath(e.path, folder)
            h.update(rel.encode("utf-8", "surrogateescape") + b"\0" + cache.digest(data))
    return h.hexdigest()

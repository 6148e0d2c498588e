"""Canonical formatting of content YAML (``guidelines fmt``).

ruamel.yaml's round-trip mode keeps comments, key order and quoting; with the settings below a
no-op round trip of the real content is byte-identical (ruamel's defaults rewrote 262 of 266
lines of a value file and unquoted ``"yes"``). Files are found and read by the loader's rules
(inside the folder named, no link out of it, regular files within the size limit) and parsed
with the safe reader first (tags, anchors, aliases and merge keys refused). The result is kept
only if its data equals the old text's and formatting it again changes nothing: what the
round trip cannot keep (ruamel reads U+0085 and U+2028 as line breaks in some places) is a
located error, never a silent change, and ``fmt`` is idempotent by construction.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guidelines_model.load.events import decode
from guidelines_model.load.limits import DEFAULT_LIMITS, Limits, cores
from guidelines_model.load.loader import parse_yaml
from guidelines_model.load.read import read_files
from guidelines_model.model.errors import ContentError, Problem, YamlSyntaxError
from guidelines_model.write.atomic import write_file

if TYPE_CHECKING:
    from ruamel.yaml import YAML


def round_trip_yaml() -> YAML:
    """A ruamel.yaml round-trip reader and writer with the settings that leave canonical
    content byte for byte as it is (also used to write reviewers' proposals into content)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


@cache
def _shared_yaml() -> YAML:
    """One round-trip reader and writer for every file of a run, instead of one set up per file
    (dropped after any error, so that no state of a failed file reaches the next)."""
    return round_trip_yaml()


def _round_trip(text: str, file: str) -> str:
    """ruamel.yaml's round trip of ``text``; its parser errors located."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = _shared_yaml()
    buf = io.StringIO()
    try:
        yaml.dump(yaml.load(text), buf)
    except MarkedYAMLError as exc:
        _shared_yaml.cache_clear()
        m = exc.problem_mark or exc.context_mark
        line, col = (m.line + 1, m.column + 1) if m is not None else (1, 1)
        raise YamlSyntaxError(
            [
                Problem(
                    file,
                    line,
                    col,
                    f"fmt cannot read this: {exc.problem or exc.context or 'invalid YAML'}",
                    hint="the formatter's parser is stricter here than the loader's: "
                    "U+0085, U+2028 and U+2029 count as line breaks; write them as escapes "
                    'in a double-quoted string ("\\u2028")',
                )
            ]
        ) from None
    except (YAMLError, ValueError, TypeError, AttributeError, IndexError, KeyError) as exc:
        # ruamel's emitter fails on some inputs its parser took: refuse, never crash.
        _shared_yaml.cache_clear()
        raise YamlSyntaxError([Problem(file, 1, 1, f"fmt cannot format this: {exc}")]) from None
    return buf.getvalue()


def _difference(a: Any, b: Any, path: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
    """The path of the first node where ``a`` and ``b`` differ, or ``None``."""
    if type(a) is not type(b) or (not isinstance(a, (dict, tuple)) and a != b):
        return path
    if isinstance(a, dict):
        pairs = [(k, a[k], b.get(k, _Unreadable())) for k in a]
    elif isinstance(a, tuple):
        pairs = list(zip(range(len(a)), a, b, strict=False))
    else:
        return None
    for key, x, y in pairs:
        found = _difference(x, y, (*path, key))
        if found is not None:
            return found
    return path if len(a) != len(b) else None


def format_text(text: str, file: str = "<text>", limits: Limits = DEFAULT_LIMITS) -> str:
    """The canonical form of one content file's text.

    ``ContentError`` at the place concerned when the text is not valid content, or when
    formatting would change its data or would not be stable (formatting twice differs).
    """
    before = parse_yaml(text, file, limits)  # refuses what content may not use, with locations
    out = _round_trip(text, file)
    if out == text:  # already canonical: the same data, and formatting it again gives it again
        return out
    try:
        after = parse_yaml(out, file, limits).data
    except ContentError:
        after = _Unreadable()
    where = _difference(before.data, after)
    if where is not None:
        line, col = before.marks.values.get(where, (1, 1))
        raise ContentError(
            [
                Problem(
                    file,
                    line,
                    col,
                    "formatting would change the data here; file left as is",
                    yaml_path=".".join(str(p) for p in where),
                    hint="U+0085, U+2028 and U+2029 in plain or folded text do not survive the "
                    'formatter: write them as escapes in a double-quoted string ("\\u2028")',
                )
            ]
        )
    if _round_trip(out, file) != out:
        raise ContentError(
            [
                Problem(
                    file,
                    1,
                    1,
                    "fmt cannot give this file a stable form (formatting it twice differs); "
                    "file left as is",
                    hint="write the text in a double-quoted string",
                )
            ]
        )
    return out


class _Unreadable:
    """What the formatted text holds when the safe reader refuses it: equal to nothing."""


@dataclass(frozen=True, slots=True)
class FormatResult:
    """What ``fmt`` did (or, with check, would do) to one file."""

    path: Path
    changed: bool


def content_files(paths: list[Path]) -> list[tuple[Path, Path]]:
    """``(file, root)`` for the YAML files named, or found below the folders named, sorted.

    A folder named is the root its files must resolve inside; a file named must resolve
    inside its own folder (a link to ``/etc/passwd`` is refused).
    """
    files: list[tuple[Path, Path]] = []
    for p in paths:
        if p.is_dir():
            files.extend((f, p) for f in sorted(p.rglob("*.yaml")))
        else:
            files.append((p, p.parent))
    return files


#: Past this many files to format, ``format_files`` formats them in as many processes as the
#: machine has cores (where processes can be forked): ruamel.yaml's round trip is pure Python.
PARALLEL_MIN = 64
#: What the forked workers format: the texts, their shown names, the limits (put here just
#: before the pool is made, inherited by the fork, removed after).
_JOB: list[tuple[list[str], list[str], Limits]] = []


def _work(k: int) -> str | None:
    """Format the ``k``-th text of the job; ``None`` if it fails (the parent formats that one
    again to raise the error itself: an exception is never pickled across processes)."""
    texts, shown, limits = _JOB[0]
    return _work_serial(texts[k], shown[k], limits)


def _format_all(texts: list[str], shown: list[str], limits: Limits) -> list[str | None]:
    """Each text formatted (``None`` where that fails), in order: in parallel when there are
    many and several cores, else one after the other. The same results either way: formatting
    one file does not depend on the files formatted before it in the same process."""
    workers = min(cores(), 8)
    if len(texts) < PARALLEL_MIN or workers < 2 or os.name != "posix":
        return [_work_serial(t, s, limits) for t, s in zip(texts, shown, strict=True)]
    import multiprocessing

    _JOB.append((texts, shown, limits))
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_work, range(len(texts)), chunksize=max(1, len(texts) // (workers * 8)))
    finally:
        _JOB.clear()


def _work_serial(text: str, shown: str, limits: Limits) -> str | None:
    try:
        return format_text(text, shown, limits)
    except ContentError:
        return None


def format_files(
    paths: list[Path],
    *,
    check: bool,
    limits: Limits = DEFAULT_LIMITS,
    display: dict[Path, str] | None = None,
) -> list[FormatResult]:
    """Format files in place (atomically), or with ``check`` only report which would change.

    Every file is read by the loader's rules and formatted in memory first; nothing is written
    if any file fails, and the error raised is that of the first failing file in order. A file
    whose bytes were found canonical before, with the same settings, is not formatted again
    (see :mod:`.skip`); many files are formatted in parallel processes.
    """
    from guidelines_model.write.skip import SkipCache, content_digest

    files = content_files(paths)
    skip = SkipCache(sorted({root for _, root in files}), limits)
    # Read every file first (in order; stop at the first that cannot be read), then format
    # those not known to be canonical.
    entries: list[tuple[Path, str, str, str] | None] = []  # None: known canonical
    failed: Exception | None = None
    try:
        for path, root in files:
            (raw,) = read_files([path], root, limits)
            shown = (display or {}).get(path, raw.shown or os.fspath(path))
            if raw.error is not None:
                failed = raw.error
                break
            digest = content_digest(raw.data)
            if skip.canonical(digest):
                entries.append(None)
                continue
            entries.append((path, shown, decode(raw.data, shown), digest))
        todo = [e for e in entries if e is not None]
        formatted = iter(_format_all([e[2] for e in todo], [e[1] for e in todo], limits))
        pending: list[tuple[Path, str, bool]] = []
        for (path, _), entry in zip(files, entries, strict=False):
            if entry is None:
                pending.append((path, "", False))
                continue
            _, shown, text, digest = entry
            new = next(formatted)
            if new is None:
                format_text(text, shown, limits)  # raises this file's error, as a run in order
                raise AssertionError(f"{shown}: formatted in one process but not another")
            if new == text:
                skip.record(digest)
            pending.append((path, new, new != text))
        if failed is not None:
            raise failed
    finally:
        skip.save()  # what was found canonical stays so, whatever a later file holds
    if not check:
        for path, new, changed in pending:
            if changed:
                write_file(path, new)
    return [FormatResult(path, changed) for path, _, changed in pending]

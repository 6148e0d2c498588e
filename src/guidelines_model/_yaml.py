"""Safe YAML reading: ruamel.yaml's C parser events, built into plain data by our own code.

We never let ruamel construct objects. Building from parser events gives us, in one pass:
positions of every node (for error messages), rejection of tags, anchors, aliases and merge
keys (an alias bomb never expands), duplicate-key detection, a nesting-depth limit that the C
parser does not enforce itself, and YAML 1.2 core-schema scalars (``no`` stays a string).
Mappings become dicts, sequences tuples. The builder is in ``_build.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from guidelines_model._origin import Marks
from guidelines_model._origin import Path as DataPath
from guidelines_model.errors import LimitError, Problem, YamlSyntaxError


@dataclass(frozen=True, slots=True)
class Limits:
    """Limits on what the loader accepts; each has its own clear error."""

    #: Largest content file, in bytes (the largest real file is under 40 KB).
    max_file_bytes: int = 5 * 1024 * 1024
    #: Deepest nesting of mappings and sequences (real content nests 6 deep).
    max_depth: int = 50
    #: Aliases allowed in one file. Content never needs them, so by default anchors and aliases
    #: are refused; when raised, every alias's expansion counts towards ``max_nodes``.
    max_aliases: int = 0
    #: Nodes in one file, aliases expanded (an alias bomb of a few hundred bytes would make
    #: billions).
    max_nodes: int = 1_000_000


DEFAULT_LIMITS = Limits()

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
# YAML 1.2 core ints, except a leading zero (``012``), which YAML 1.1 reads as octal: kept a
# string so that it is reported instead of silently meaning 12 or 10.
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(?=[eE]))(?:[eE][-+]?[0-9]+)?$")


def resolve_plain(value: str) -> Any:
    """The value of a plain (unquoted) scalar under the YAML 1.2 core schema."""
    if _NULL.match(value):
        return None
    if _TRUE.match(value):
        return True
    if _FALSE.match(value):
        return False
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


@dataclass(slots=True)
class YamlDocument:
    """A parsed content file: its data and the position of every node."""

    data: Any
    marks: Marks
    #: Raw text of plain scalars that resolved to a non-string (for "quote it" hints).
    plain: dict[DataPath, str]


def _problem(file: str, line: int, col: int, message: str, hint: str | None = None) -> Problem:
    return Problem(file, line, col, message, hint=hint)


# Characters YAML does not allow in a stream (C0 and C1 controls but tab, LF, CR and NEL).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def decode(raw: bytes, file: str) -> str:
    """Strict UTF-8 (a BOM allowed); NUL and undecodable bytes reported with line and column."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlSyntaxError(
            [
                _problem(
                    file,
                    line,
                    col,
                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                    "save the file as UTF-8",
                )
            ]
        ) from None
    bad = _FORBIDDEN.search(text)
    if bad:
        pos = bad.start()
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        char = bad.group(0)
        what = "NUL character" if char == "\x00" else f"control character U+{ord(char):04X}"
        raise YamlSyntaxError(
            [
                _problem(
                    file,
                    line,
                    col,
                    f"{what} in the file",
                    "remove it: YAML allows no control characters but tab and line breaks",
                )
            ]
        )
    return text


def read_bytes(path: Path, file: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of one content file, within the size limit (``file`` names it in errors)."""
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise LimitError(
                [
                    _problem(
                        file,
                        1,
                        1,
                        f"file is {size:,} bytes; the limit is {limits.max_file_bytes:,} bytes",
                        "split the content or raise Limits.max_file_bytes",
                    )
                ]
            )
        with path.open("rb") as fh:
            # At most max_file_bytes + 1 bytes, but sized by the file: read(5 MB) would
            # allocate 5 MB for every 1 KB file.
            data = fh.read(size + 1)
            if len(data) > size:  # the file grew since stat
                data += fh.read(limits.max_file_bytes - len(data) + 1)
            return data
    except OSError as exc:
        raise YamlSyntaxError([_problem(file, 1, 1, f"cannot read file: {exc.strerror}")]) from None


def read_yaml(
    path: Path, display: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> YamlDocument:
    """Read and parse one content file."""
    file = display or str(path)
    return parse_yaml(decode(read_bytes(path, file, limits), file), file, limits)


@cache
def _c_parser() -> Any:
    """ruamel.yaml's C parser class (from ruamel.yaml.clib), or ``None`` without it."""
    import importlib

    for name in ("_ruamel_yaml", "_ruamel_yaml_clibz"):  # as ruamel.yaml.cyaml looks for it
        try:
            return importlib.import_module(name).CParser
        except ImportError:
            continue
    return None


def _events(text: str) -> Iterator[Any]:
    """The parser events of ``text``: ruamel.yaml's C parser, used directly (what
    ``YAML(typ="safe", pure=False).parse`` runs, without building a loader class per file)."""
    parser_class = _c_parser()
    if parser_class is None:  # no C extension: ruamel.yaml's pure-Python parser
        from ruamel.yaml import YAML

        yield from YAML(typ="safe", pure=False).parse(text)
        return
    parser = parser_class(text)
    try:
        while parser.check_event():
            yield parser.get_event()
    finally:
        parser.dispose()


def parse_yaml(text: str, file: str, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """Parse YAML text into plain data with positions; raise ContentError on anything unsafe."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from guidelines_model._build import Builder

    builder = Builder(file, limits)
    try:
        builder.run(_events(text))
    except MarkedYAMLError as exc:
        m = exc.problem_mark or exc.context_mark
        line, col = (m.line + 1, m.column + 1) if m is not None else (1, 1)
        msg = exc.problem or "invalid YAML"
        if exc.context:
            msg = f"{msg} ({exc.context})"
        lines = text.splitlines()
        at = lines[line - 1][col - 1 : col] if 0 < line <= len(lines) else ""
        hint = "indent with spaces, not tabs" if at == "\t" else None
        raise YamlSyntaxError([_problem(file, line, col, msg, hint)]) from None
    except YAMLError as exc:  # the C parser raises unmarked errors for some inputs
        raise YamlSyntaxError([_problem(file, 1, 1, f"invalid YAML: {exc}")]) from None
    return YamlDocument(builder.root, builder.marks, builder.plain)

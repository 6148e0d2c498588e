"""Safe YAML reading: ruamel.yaml's C parser events, built into plain data by our own code.

We never let ruamel construct objects. Building from parser events gives us, in one pass:
positions of every node (for error messages), rejection of tags, anchors, aliases and merge
keys (an alias bomb never expands), duplicate-key detection, a nesting-depth limit that the C
parser does not enforce itself, and YAML 1.2 core-schema scalars (``no`` stays a string).
Mappings become dicts, sequences tuples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guidelines_model._origin import Marks
from guidelines_model._origin import Path as DataPath
from guidelines_model.errors import LimitError, Problem, UnsafeYamlError, YamlSyntaxError


@dataclass(frozen=True, slots=True)
class Limits:
    """Limits on what the loader accepts; each has its own clear error."""

    #: Largest content file, in bytes (the largest real file is under 40 KB).
    max_file_bytes: int = 5 * 1024 * 1024
    #: Deepest nesting of mappings and sequences (real content nests 6 deep).
    max_depth: int = 50


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
            [_problem(file, line, col, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                      "save the file as UTF-8")]
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        col = nul - (text.rfind("\n", 0, nul) + 1) + 1
        raise YamlSyntaxError([_problem(file, line, col, "NUL character in the file")])
    return text


def read_yaml(path: Path, display: str | None = None, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """Read and parse one content file."""
    file = display or str(path)
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise LimitError(
                [_problem(file, 1, 1, f"file is {size:,} bytes; the limit is "
                          f"{limits.max_file_bytes:,} bytes", "split the content or raise Limits.max_file_bytes")]
            )
        with path.open("rb") as fh:
            raw = fh.read(limits.max_file_bytes + 1)
    except OSError as exc:
        raise YamlSyntaxError([_problem(file, 1, 1, f"cannot read file: {exc.strerror}")]) from None
    return parse_yaml(decode(raw, file), file, limits)


def parse_yaml(text: str, file: str, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """Parse YAML text into plain data with positions; raise ContentError on anything unsafe."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.events import (
        AliasEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )

    marks = Marks(file)
    plain: dict[DataPath, str] = {}
    # Each frame: [container, path, pending key (mappings), key position]
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0

    def fail(cls: type[YamlSyntaxError] | type[UnsafeYamlError] | type[LimitError],
             ev: Any, message: str, hint: str | None = None) -> None:
        m = ev.start_mark
        raise cls([_problem(file, m.line + 1, m.column + 1, message, hint)])

    def attach(value: Any, ev: Any, is_container: bool) -> DataPath | None:
        """Place ``value`` in the current container; return its path (None if it is a key)."""
        nonlocal root
        pos = (ev.start_mark.line + 1, ev.start_mark.column + 1)
        if not stack:
            root = value
            marks.values[()] = pos
            return ()
        frame = stack[-1]
        container, path = frame[0], frame[1]
        if isinstance(container, list):
            p = (*path, len(container))
            container.append(value)
            marks.values[p] = pos
            return p
        if frame[2] is None:  # this node is a key
            if is_container or not isinstance(value, str):
                fail(UnsafeYamlError, ev, "mapping keys must be plain text")
            if value == "<<" and not ev.style:
                fail(UnsafeYamlError, ev, "merge keys (<<) are not allowed in content",
                     "write the keys out in full")
            if value in container:
                line = marks.keys[(*path, value)][0]
                fail(YamlSyntaxError, ev, f"duplicate key {value!r} (first defined on line {line})")
            frame[2] = value
            marks.keys[(*path, value)] = pos
            return None
        p = (*path, frame[2])
        container[frame[2]] = value
        marks.values[p] = pos
        frame[2] = None
        return p

    yaml = YAML(typ="safe", pure=False)
    try:
        for ev in yaml.parse(text):
            if isinstance(ev, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    fail(YamlSyntaxError, ev, "more than one YAML document in the file",
                         "remove the '---' separator: one file holds one document")
                continue
            if isinstance(ev, AliasEvent):
                fail(UnsafeYamlError, ev, "aliases (*name) are not allowed in content",
                     "write the text out in full")
            anchor = getattr(ev, "anchor", None)
            if anchor is not None:
                fail(UnsafeYamlError, ev, f"anchors (&{anchor}) are not allowed in content",
                     "write the text out in full")
            tag = getattr(ev, "tag", None)
            if tag is not None and isinstance(ev, (ScalarEvent, MappingStartEvent, SequenceStartEvent)):
                fail(UnsafeYamlError, ev, f"tags ({tag}) are not allowed in content",
                     "remove the tag; content is plain text, numbers and lists")
            if isinstance(ev, ScalarEvent):
                value: Any = ev.value
                if not ev.style and not (stack and isinstance(stack[-1][0], dict) and stack[-1][2] is None):
                    value = resolve_plain(ev.value)
                p = attach(value, ev, False)
                if p is not None and not isinstance(value, str):
                    plain[p] = ev.value
            elif isinstance(ev, (MappingStartEvent, SequenceStartEvent)):
                if len(stack) >= limits.max_depth:
                    fail(LimitError, ev, f"nesting deeper than {limits.max_depth} levels",
                         "content nests only a few levels; raise Limits.max_depth if needed")
                container: Any = {} if isinstance(ev, MappingStartEvent) else []
                p = attach(container, ev, True)
                stack.append([container, p, None])
            elif isinstance(ev, (MappingEndEvent, SequenceEndEvent)):
                frame = stack.pop()
                if isinstance(frame[0], list):
                    _freeze(frame, stack)
    except MarkedYAMLError as exc:
        m = exc.problem_mark or exc.context_mark
        line, col = (m.line + 1, m.column + 1) if m is not None else (1, 1)
        msg = exc.problem or "invalid YAML"
        if exc.context:
            msg = f"{msg} ({exc.context})"
        hint = "indent with spaces, not tabs" if "\t" in text and "tab" in msg.lower() else None
        raise YamlSyntaxError([_problem(file, line, col, msg, hint)]) from None
    except YAMLError as exc:  # the C parser raises unmarked errors for some inputs
        raise YamlSyntaxError([_problem(file, 1, 1, f"invalid YAML: {exc}")]) from None
    if isinstance(root, list):
        root = tuple(root)
    return YamlDocument(root, marks, plain)


def _freeze(frame: list[Any], stack: list[list[Any]]) -> None:
    """Replace a finished list by a tuple in its parent (content data is immutable)."""
    seq, path = frame[0], frame[1]
    if not stack:
        return
    parent = stack[-1][0]
    key = path[-1]
    parent[key] = tuple(seq)

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
from typing import Any, NoReturn

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


def read_yaml(
    path: Path, display: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> YamlDocument:
    """Read and parse one content file."""
    file = display or str(path)
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
            raw = fh.read(limits.max_file_bytes + 1)
    except OSError as exc:
        raise YamlSyntaxError([_problem(file, 1, 1, f"cannot read file: {exc.strerror}")]) from None
    return parse_yaml(decode(raw, file), file, limits)


def _fail(
    cls: type[YamlSyntaxError] | type[UnsafeYamlError] | type[LimitError],
    file: str,
    ev: Any,
    message: str,
    hint: str | None = None,
) -> NoReturn:
    m = ev.start_mark
    raise cls([_problem(file, m.line + 1, m.column + 1, message, hint)])


class _Builder:
    """Builds plain data from parser events, refusing what content may not use."""

    def __init__(self, file: str, limits: Limits) -> None:
        self.file = file
        self.limits = limits
        self.marks = Marks(file)
        self.plain: dict[DataPath, str] = {}
        self.root: Any = None
        # Open containers: [container, path, pending mapping key, anchor, node count at start]
        self.stack: list[list[Any]] = []
        self.documents = 0
        self.nodes = 0
        self.aliases = 0
        #: Anchored values and their size in nodes (only when aliases are allowed).
        self.anchors: dict[str, tuple[Any, int]] = {}

    def event(self, ev: Any) -> None:
        from ruamel.yaml import events

        if isinstance(ev, events.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                _fail(
                    YamlSyntaxError,
                    self.file,
                    ev,
                    "more than one YAML document in the file",
                    "remove the '---' separator: one file holds one document",
                )
        elif isinstance(ev, events.AliasEvent):
            self._alias(ev)
        elif isinstance(ev, (events.ScalarEvent, events.CollectionStartEvent)):
            self._refuse_anchor_and_tag(ev)
            if isinstance(ev, events.ScalarEvent):
                self._scalar(ev)
            else:
                self._open(ev, {} if isinstance(ev, events.MappingStartEvent) else [])
        elif isinstance(ev, events.CollectionEndEvent):
            self._close()

    def _count(self, ev: Any, n: int = 1) -> None:
        self.nodes += n
        if self.nodes > self.limits.max_nodes:
            _fail(
                LimitError,
                self.file,
                ev,
                f"more than {self.limits.max_nodes:,} nodes (aliases expanded)",
                "raise Limits.max_nodes if the content really is this large",
            )

    def _alias(self, ev: Any) -> None:
        if self.limits.max_aliases == 0:
            _fail(
                UnsafeYamlError,
                self.file,
                ev,
                "aliases (*name) are not allowed in content",
                "write the text out in full",
            )
        self.aliases += 1
        if self.aliases > self.limits.max_aliases:
            _fail(
                LimitError,
                self.file,
                ev,
                f"more than {self.limits.max_aliases} aliases",
                "raise Limits.max_aliases, or write the text out in full",
            )
        if any(frame[3] == ev.anchor for frame in self.stack):
            _fail(
                UnsafeYamlError,
                self.file,
                ev,
                f"alias *{ev.anchor} refers to a node that contains it (a recursive structure)",
            )
        if ev.anchor not in self.anchors:
            _fail(YamlSyntaxError, self.file, ev, f"alias *{ev.anchor} has no anchor before it")
        if self._expecting_key():
            _fail(UnsafeYamlError, self.file, ev, "mapping keys must be plain text")
        value, size = self.anchors[ev.anchor]
        self._count(ev, size)
        self._attach(value, ev)

    def _refuse_anchor_and_tag(self, ev: Any) -> None:
        if ev.anchor is not None and self.limits.max_aliases == 0:
            _fail(
                UnsafeYamlError,
                self.file,
                ev,
                f"anchors (&{ev.anchor}) are not allowed in content",
                "write the text out in full",
            )
        if ev.tag is not None:
            _fail(
                UnsafeYamlError,
                self.file,
                ev,
                f"tags ({ev.tag}) are not allowed in content",
                "remove the tag; content is plain text, numbers and lists",
            )

    def _expecting_key(self) -> bool:
        return (
            bool(self.stack) and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is None
        )

    def _scalar(self, ev: Any) -> None:
        self._count(ev)
        if self._expecting_key():
            self._key(ev)
            return
        value = ev.value if ev.style else resolve_plain(ev.value)
        if ev.anchor is not None:
            self.anchors[ev.anchor] = (value, 1)
        path = self._attach(value, ev)
        if not isinstance(value, str):
            self.plain[path] = ev.value

    def _key(self, ev: Any) -> None:
        frame = self.stack[-1]
        key = ev.value
        if key == "<<" and not ev.style:
            _fail(
                UnsafeYamlError,
                self.file,
                ev,
                "merge keys (<<) are not allowed in content",
                "write the keys out in full",
            )
        if key in frame[0]:
            line = self.marks.keys[(*frame[1], key)][0]
            _fail(
                YamlSyntaxError,
                self.file,
                ev,
                f"duplicate key {key!r} (first defined on line {line})",
            )
        frame[2] = key
        self.marks.keys[(*frame[1], key)] = (ev.start_mark.line + 1, ev.start_mark.column + 1)

    def _open(self, ev: Any, container: dict[str, Any] | list[Any]) -> None:
        if self._expecting_key():
            _fail(UnsafeYamlError, self.file, ev, "mapping keys must be plain text")
        if len(self.stack) >= self.limits.max_depth:
            _fail(
                LimitError,
                self.file,
                ev,
                f"nesting deeper than {self.limits.max_depth} levels",
                "content nests only a few levels; raise Limits.max_depth if needed",
            )
        self._count(ev)
        path = self._attach(container, ev)
        self.stack.append([container, path, None, ev.anchor, self.nodes])

    def _close(self) -> None:
        container, path, _, anchor, start = self.stack.pop()
        value = container
        if isinstance(container, list):  # content data is immutable: lists become tuples
            value = tuple(container)
            if self.stack:
                self.stack[-1][0][path[-1]] = value
            else:
                self.root = value
        if anchor is not None:
            self.anchors[anchor] = (value, self.nodes - start + 1)

    def _attach(self, value: Any, ev: Any) -> DataPath:
        """Place ``value`` in the open container and record its position."""
        pos = (ev.start_mark.line + 1, ev.start_mark.column + 1)
        if not self.stack:
            self.root, path = value, ()
        else:
            frame = self.stack[-1]
            container = frame[0]
            if isinstance(container, list):
                path = (*frame[1], len(container))
                container.append(value)
            else:
                path = (*frame[1], frame[2])
                container[frame[2]] = value
                frame[2] = None
        self.marks.values[path] = pos
        return path


def parse_yaml(text: str, file: str, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """Parse YAML text into plain data with positions; raise ContentError on anything unsafe."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    builder = _Builder(file, limits)
    try:
        for ev in YAML(typ="safe", pure=False).parse(text):
            builder.event(ev)
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

"""Load stage 4, plain data with positions: built from the parser events by our own code.

We never let ruamel construct objects. Building from parser events gives us, in one pass:
positions of every node (for error messages), rejection of tags, anchors, aliases and merge
keys (an alias bomb never expands), duplicate-key detection, a nesting-depth limit that the C
parser does not enforce itself, a node-count limit, and YAML 1.2 core-schema scalars (``no``
stays a string). Mappings become dicts, sequences tuples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple, NoReturn

from guidelines_model.load.limits import DEFAULT_LIMITS, Limits
from guidelines_model.model.errors import LimitError, Problem, UnsafeYamlError, YamlSyntaxError
from guidelines_model.model.origin import Marks
from guidelines_model.model.origin import Path as DataPath

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
# YAML 1.2 core ints, except a leading zero (``012``), which YAML 1.1 reads as octal: kept a
# string so that it is reported instead of silently meaning 12 or 10.
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(?=[eE]))(?:[eE][-+]?[0-9]+)?$")


# What a double-quoted escape can put in a string that a raw byte may not be: C0 and C1
# controls but tab and newline ("\\e", "\\0", "\\x9b", "\\N"), lone surrogates ("\\ud800") and
# noncharacters ("\\uFFFE", U+FDD0-U+FDEF, the last two of every plane).
_UNFIT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17))
    + "]"
)


def unfit_character(text: str) -> str | None:
    """What is wrong with the first character of ``text`` no content may hold, or ``None``."""
    m = _UNFIT.search(text)
    if m is None:
        return None
    code = ord(m.group(0))
    if 0xD800 <= code <= 0xDFFF:
        return f"lone surrogate U+{code:04X}"
    if code <= 0x9F:
        return "NUL character" if code == 0 else f"control character U+{code:04X}"
    return f"noncharacter U+{code:04X}"


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


def build(events: Iterable[Any], file: str, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """The plain data of one file's parser events; raise ``ContentError`` on anything unsafe."""
    builder = Builder(file, limits)
    builder.run(events)
    return YamlDocument(builder.root, builder.marks, builder.plain)


def _fail(
    cls: type[YamlSyntaxError] | type[UnsafeYamlError] | type[LimitError],
    file: str,
    ev: Any,
    message: str,
    hint: str | None = None,
) -> NoReturn:
    m = ev.start_mark
    raise cls([Problem(file, m.line + 1, m.column + 1, message, hint=hint)])


class _Types(NamedTuple):
    document_start: type
    stream_start: type
    stream_end: type
    document_end: type
    alias: type
    scalar: type
    mapping: type
    sequence: type
    mapping_end: type
    sequence_end: type
    collection_start: type
    collection_end: type


@cache
def _types() -> _Types:
    from ruamel.yaml import events as e

    return _Types(
        e.DocumentStartEvent,
        e.StreamStartEvent,
        e.StreamEndEvent,
        e.DocumentEndEvent,
        e.AliasEvent,
        e.ScalarEvent,
        e.MappingStartEvent,
        e.SequenceStartEvent,
        e.MappingEndEvent,
        e.SequenceEndEvent,
        e.CollectionStartEvent,
        e.CollectionEndEvent,
    )


class Builder:
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

    def run(self, events: Iterable[Any]) -> None:  # noqa: PLR0912, PLR0915 - one flat hot loop
        """Build from every event: the common ones inline, the rest through :meth:`event`.

        The inline paths are :meth:`_scalar`, :meth:`_open` and :meth:`_close` for nodes
        without anchor or tag, checks in the same order; everything else goes to :meth:`event`.
        """
        t = _types()
        stack, values, plain = self.stack, self.marks.values, self.plain
        max_nodes, max_depth = self.limits.max_nodes, self.limits.max_depth
        max_text = self.limits.max_text_chars
        ignored = (t.stream_start, t.stream_end, t.document_end)
        for ev in events:
            kind = type(ev)
            if kind is t.mapping_end or kind is t.sequence_end:
                if not stack or stack[-1][3] is not None:
                    self.event(ev)
                    continue
                container, path, *_ = stack.pop()
                if type(container) is list:
                    if stack:
                        stack[-1][0][path[-1]] = tuple(container)
                    else:
                        self.root = tuple(container)
                continue
            if kind in ignored:
                continue
            if (kind is not t.scalar and kind is not t.mapping and kind is not t.sequence) or not (
                ev.anchor is None and ev.tag is None
            ):
                self.event(ev)
                continue
            frame = stack[-1] if stack else None
            expecting_key = frame is not None and frame[2] is None and type(frame[0]) is dict
            if kind is t.scalar:
                self.nodes += 1
                if self.nodes > max_nodes:
                    self._count(ev, 0)
                if ev.style == '"' and _UNFIT.search(ev.value):
                    self._unfit(ev)
                if len(ev.value) > max_text:
                    self._too_long(ev)
                if expecting_key:
                    self._key(ev)
                    continue
                value = ev.value if ev.style else resolve_plain(ev.value)
            else:
                if expecting_key or len(stack) >= max_depth:
                    self._open(ev, {})  # raises the same error as the slow path
                self.nodes += 1
                if self.nodes > max_nodes:
                    self._count(ev, 0)
                value = {} if kind is t.mapping else []
            m = ev.start_mark
            if frame is None:
                self.root, path = value, ()
            elif type(frame[0]) is list:
                path = (*frame[1], len(frame[0]))
                frame[0].append(value)
            else:
                path = (*frame[1], frame[2])
                frame[0][frame[2]] = value
                frame[2] = None
            values[path] = (m.line + 1, m.column + 1)
            if kind is not t.scalar:
                stack.append([value, path, None, None, self.nodes])
            elif not isinstance(value, str):
                plain[path] = ev.value

    def event(self, ev: Any) -> None:
        """Build from one event (any kind; :meth:`run` sends the uncommon ones here)."""
        events = _types()
        if isinstance(ev, events.document_start):
            self.documents += 1
            if self.documents > 1:
                _fail(
                    YamlSyntaxError,
                    self.file,
                    ev,
                    "more than one YAML document in the file",
                    "remove the '---' separator: one file holds one document",
                )
        elif isinstance(ev, events.alias):
            self._alias(ev)
        elif isinstance(ev, (events.scalar, events.collection_start)):
            self._refuse_anchor_and_tag(ev)
            if isinstance(ev, events.scalar):
                self._scalar(ev)
            else:
                self._open(ev, {} if isinstance(ev, events.mapping) else [])
        elif isinstance(ev, events.collection_end):
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

    def _unfit(self, ev: Any) -> NoReturn:
        what = unfit_character(ev.value)
        _fail(
            YamlSyntaxError,
            self.file,
            ev,
            f"{what} in a quoted string (written as an escape)",
            "remove it: content holds no control characters but tab and line breaks, no "
            "noncharacters and no lone surrogates",
        )

    def _too_long(self, ev: Any) -> NoReturn:
        _fail(
            LimitError,
            self.file,
            ev,
            f"text of {len(ev.value):,} characters; the limit is "
            f"{self.limits.max_text_chars:,} characters",
            "split the text, or raise Limits.max_text_chars",
        )

    def _scalar(self, ev: Any) -> None:
        self._count(ev)
        if ev.style == '"' and _UNFIT.search(ev.value):
            self._unfit(ev)
        if len(ev.value) > self.limits.max_text_chars:
            self._too_long(ev)
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

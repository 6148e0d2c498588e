"""Load stage 3, text and its YAML events: strict UTF-8, then ruamel.yaml's C parser.

Only the parser is used: ruamel never constructs an object (the builder, the next stage, makes
plain data from these events). A parse error becomes a :class:`YamlSyntaxError` at its line and
column, raised where the events are consumed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from guidelines_model.model.errors import Problem, YamlSyntaxError

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
                Problem(
                    file,
                    line,
                    col,
                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                    hint="save the file as UTF-8",
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
                Problem(
                    file,
                    line,
                    col,
                    f"{what} in the file",
                    hint="remove it: YAML allows no control characters but tab and line breaks",
                )
            ]
        )
    return text


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


def events(text: str, file: str) -> Iterator[Any]:
    """The parser events of ``text``: ruamel.yaml's C parser, used directly (what
    ``YAML(typ="safe", pure=False).parse`` runs, without building a loader class per file).

    ``file`` names the text in a :class:`YamlSyntaxError`.
    """
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
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
    except MarkedYAMLError as exc:
        m = exc.problem_mark or exc.context_mark
        line, col = (m.line + 1, m.column + 1) if m is not None else (1, 1)
        msg = exc.problem or "invalid YAML"
        if exc.context:
            msg = f"{msg} ({exc.context})"
        lines = text.splitlines()
        at = lines[line - 1][col - 1 : col] if 0 < line <= len(lines) else ""
        hint = "indent with spaces, not tabs" if at == "\t" else _hint(exc, line)
        raise YamlSyntaxError([Problem(file, line, col, msg, hint=hint)]) from None
    except YAMLError as exc:  # the C parser raises unmarked errors for some inputs
        raise YamlSyntaxError([Problem(file, 1, 1, f"invalid YAML: {exc}")]) from None


def _hint(exc: Any, line: int) -> str | None:
    """What the parser's words usually mean in a content file, and where to look."""
    problem = exc.problem or ""
    start = exc.context_mark
    where = f"line {start.line + 1}, column {start.column + 1}" if start is not None else ""
    indent = f"{start.column} spaces" if start is not None else "the same indentation"
    if "expected '-' indicator" in problem:
        return (
            f"the list that starts at {where} needs every entry to start with '- ' indented by "
            f"{indent}; line {line} is indented differently"
        )
    if "did not find expected key" in problem or "expected <block end>" in problem:
        return (
            f"the block that starts at {where} needs each 'key: value' line indented by "
            f"{indent}; line {line} is indented differently, or is not 'key: value'"
        )
    if "mapping values are not allowed" in problem:
        return (
            "a ': ' inside unquoted text, or a key indented under a text: put the text in "
            'quotes ("...") or line the key up with the keys above it'
        )
    if "could not find expected ':'" in problem:
        return (
            f"line {line} is neither 'key: value' nor part of a text: indent a text's next "
            "line more than its key, or put the whole text in quotes"
        )
    return None

"""The exceptions of the library: one root, structured subclasses.

Every error carries its context as attributes; ``str(error)`` is the message a user reads, one
``file:line:column: yaml.path: message`` line per problem, with hints indented below.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a content file, at a place in it."""

    file: str
    line: int
    column: int
    message: str
    yaml_path: str = ""
    hint: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}: "
        what = f"{self.yaml_path}: {self.message}" if self.yaml_path else self.message
        return where + what + (f"\n    hint: {self.hint}" if self.hint else "")


class GuidelinesError(Exception):
    """Root of every error the library raises on purpose."""


class ContentError(GuidelinesError):
    """Content that cannot be loaded: bad YAML, bad encoding, a limit exceeded, a wrong shape.

    ``problems`` lists every problem found, each with file, line, column and message.
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def file(self) -> str:
        return self.problems[0].file

    @property
    def line(self) -> int:
        return self.problems[0].line

    @property
    def column(self) -> int:
        return self.problems[0].column


class YamlSyntaxError(ContentError):
    """The file is not well-formed YAML, or not valid UTF-8."""


class UnsafeYamlError(ContentError):
    """The file uses a YAML feature content may not use: tags, anchors, aliases, merge keys."""


class LimitError(ContentError):
    """The file exceeds a configured limit (size, nesting depth)."""


class SchemaError(ContentError):
    """The YAML is well-formed but does not match the model (wrong type, unknown key...)."""


class NotFoundError(GuidelinesError, LookupError):
    """No edition, value or node with the given id or key."""

    def __init__(self, what: str, name: str, known: list[str] | None = None) -> None:
        self.what = what
        self.name = name
        self.known = known or []
        msg = f"no {what} {name!r}"
        if self.known:
            msg += f" (known: {', '.join(self.known)})"
        super().__init__(msg)


class SourceFileError(GuidelinesError):
    """A source document is missing, outside the sources folder, or its sha256 differs."""


class OutputError(GuidelinesError):
    """An output file could not be written; ``path`` names it (``"-"`` for standard output)."""

    def __init__(self, message: str, path: str = "") -> None:
        self.path = path
        super().__init__(message)


def yaml_type(value: Any) -> str:
    """What a message calls a value's type, in YAML's words: mapping, list, string, number..."""
    return {
        dict: "mapping",
        tuple: "list",
        list: "list",
        str: "string",
        bool: "boolean",
        int: "number",
        float: "number",
        type(None): "null",
    }.get(type(value), type(value).__name__)

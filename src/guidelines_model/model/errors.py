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


class UsageError(GuidelinesError):
    """A command or function was called wrongly: unknown option value, missing argument. The
    command line exits with status 2 on it, as on any argument error."""


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


class NotFoundError(GuidelinesError, KeyError):
    """No edition, value or node with the given id or key.

    A :class:`KeyError` too, so ``except KeyError`` keeps working; ``known`` lists what there
    is, ``suggestion`` the closest known name (also in the message: "did you mean ...?").
    """

    def __init__(
        self,
        what: str,
        name: str,
        known: list[str] | None = None,
        *,
        aliases: list[str] | None = None,
    ) -> None:
        self.what = what
        self.name = name
        self.known = known or []
        #: Other names the closest match may be among (a check's name beside its code).
        self.suggestion = closest(name, [*self.known, *(aliases or [])])
        msg = f"no {what} {name!r}"
        if self.suggestion is not None:
            msg += f"; did you mean {self.suggestion!r}?"
        if self.known:
            msg += f" (known: {', '.join(self.known)})"
        self.message = msg
        super().__init__(msg)

    def __str__(self) -> str:
        # KeyError's own __str__ would quote the message like a key.
        return self.message


class NodeTypeError(GuidelinesError, TypeError):
    """A node was found, but it is not of the class asked for (``Library.get(id, Item)``)."""

    def __init__(self, id_: str, expected: type, found: type) -> None:
        self.id = id_
        self.expected = expected
        self.found = found
        super().__init__(f"{id_} is a {found.__name__} (asked for {expected.__name__})")


_LOOKALIKES = str.maketrans("lo", "10")


def close_match(word: str, possibilities: list[str], cutoff: float = 0.6) -> str | None:
    """``difflib.get_close_matches(word, possibilities, n=1, cutoff)``, its first or ``None``,
    sooner: a possibility whose longest common subsequence with ``word`` is already too short
    is not compared (difflib's ratio, 2M / T with M the characters of matching blocks, which
    form a common subsequence, is at most rapidfuzz's Indel similarity, 2 LCS / T)."""
    import difflib

    from rapidfuzz.distance import Indel

    near = [p for p in possibilities if Indel.normalized_similarity(word, p) >= cutoff]
    match = difflib.get_close_matches(word, near, n=1, cutoff=cutoff) if near else []
    return match[0] if match else None


def closest(name: str, known: list[str]) -> str | None:
    """The known name closest to ``name`` (a misspelling, a wrong case), or ``None``."""
    lowered = {k.lower(): k for k in known}
    # The same name in another case, or with a letter typed for a look-alike digit (GM10l).
    for candidate in (name.lower(), name.lower().translate(_LOOKALIKES)):
        if candidate in lowered:
            return lowered[candidate]
    match = close_match(name.lower(), list(lowered))
    return lowered[match] if match else None


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

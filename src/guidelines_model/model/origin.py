"""Where content came from: file, line and column of every node, by model path."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

Path = tuple[str | int, ...]


# Memoised: the same inner paths recur in every value file (``practice.items[2].text``).
@lru_cache(maxsize=4096)
def format_path(path: Path) -> str:
    """A YAML path as a user reads it: ``practice.items[2].text``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a content file (line and column are 1-based)."""

    file: str
    line: int
    column: int
    id: str | None = None
    yaml_path: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(slots=True)
class Marks:
    """Node positions of one YAML file, keyed by path inside that file."""

    file: str
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def find(self, path: Path, *, key: bool = False) -> tuple[Path, tuple[int, int]]:
        """The position of ``path`` or of its nearest ancestor that has one."""
        if key and path in self.keys:
            return path, self.keys[path]
        p = path
        while p not in self.values and p:
            p = p[:-1]
        return p, self.values.get(p, (1, 1))


@dataclass(slots=True)
class Origin:
    """Maps paths in an edition's data to the files they were read from."""

    parts: list[tuple[Path, Path, Marks]] = field(default_factory=list)
    #: prefix -> (inner, marks); rebuilt from ``parts`` when they differ (an edition of
    #: 10,000 value files has 10,001 parts: a linear scan per lookup made checks quadratic).
    _index: dict[Path, tuple[Path, Marks]] = field(default_factory=dict, repr=False)
    #: The lengths of the prefixes in ``_index``, longest first (only those can match), and
    #: how many parts ``_index`` was built from.
    _lengths: tuple[int, ...] = field(default=(), repr=False)
    _indexed: int = field(default=-1, repr=False)

    def add(self, prefix: Path, marks: Marks, inner: Path = ()) -> None:
        """Data at ``prefix`` in the edition comes from ``marks`` at path ``inner``."""
        self.parts.append((prefix, inner, marks))

    def resolve(self, path: Path) -> tuple[Marks, Path] | None:
        """The file holding ``path`` (the longest matching prefix) and the path inside it."""
        if self._indexed != len(self.parts):
            self._index = {prefix: (inner, marks) for prefix, inner, marks in self.parts}
            self._lengths = tuple(sorted({len(p) for p in self._index}, reverse=True))
            self._indexed = len(self.parts)
        for cut in self._lengths:
            if cut <= len(path):
                hit = self._index.get(path[:cut])
                if hit is not None:
                    inner, marks = hit
                    return marks, inner + path[cut:]
        return None

    def locate(self, path: Path, id_: str | None = None, *, key: bool = False) -> Location | None:
        """The location of a model path, or ``None`` when no file holds it."""
        found = self.resolve(path)
        if found is None:
            return None
        marks, inner = found
        _, (line, col) = marks.find(inner, key=key)
        return Location(marks.file, line, col, id_, format_path(inner))

"""Where content came from: file, line and column of every node, by model path."""

from __future__ import annotations

from dataclasses import dataclass, field

Path = tuple[str | int, ...]


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

    def add(self, prefix: Path, marks: Marks, inner: Path = ()) -> None:
        """Data at ``prefix`` in the edition comes from ``marks`` at path ``inner``."""
        self.parts.append((prefix, inner, marks))

    def resolve(self, path: Path) -> tuple[Marks, Path] | None:
        best: tuple[Path, Path, Marks] | None = None
        for prefix, inner, marks in self.parts:
            if path[: len(prefix)] == prefix and (best is None or len(prefix) > len(best[0])):
                best = (prefix, inner, marks)
        if best is None:
            return None
        prefix, inner, marks = best
        return marks, inner + path[len(prefix) :]

    def locate(self, path: Path, id_: str | None = None, *, key: bool = False) -> Location | None:
        """The location of a model path, or ``None`` when no file holds it."""
        found = self.resolve(path)
        if found is None:
            return None
        marks, inner = found
        _, (line, col) = marks.find(inner, key=key)
        return Location(marks.file, line, col, id_, format_path(inner))

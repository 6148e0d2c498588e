"""Load stage 2, the bytes of each file: inside the content folder, within the size limit.

Every file of a document is read up front (the cache, beside the pipeline, is keyed by these
bytes). A file that cannot be read is not an error yet: its :class:`RawFile` carries the error,
which the loader raises in the file's turn, so that errors come in the order the files are
parsed whether or not anything is cached.

The working directory and each folder are resolved once per document, not once per file: at
10,000 files ``Path.resolve`` and ``Path.relative_to`` would cost more than the parse.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from guidelines_model.load.limits import DEFAULT_LIMITS, Limits
from guidelines_model.model.errors import ContentError, LimitError, Problem, YamlSyntaxError


@dataclass(frozen=True, slots=True)
class RawFile:
    """One content file as read: its bytes, or the error that stopped the reading."""

    path: Path
    #: The file as the user should read it in messages (relative to the working directory).
    shown: str
    data: bytes = b""
    error: ContentError | None = None


def read_bytes(path: Path, file: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of one content file, within the size limit (``file`` names it in errors)."""
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise LimitError(
                [
                    Problem(
                        file,
                        1,
                        1,
                        f"file is {size:,} bytes; the limit is {limits.max_file_bytes:,} bytes",
                        hint="split the content or raise Limits.max_file_bytes",
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
        raise YamlSyntaxError([Problem(file, 1, 1, f"cannot read file: {exc.strerror}")]) from None


def read_files(paths: Sequence[Path], root: Path, limits: Limits = DEFAULT_LIMITS) -> list[RawFile]:
    """Every file of one document, in order; each must resolve inside ``root``."""
    folder = _Folder(root)
    out: list[RawFile] = []
    for path in paths:
        shown = folder.display(path)
        try:
            folder.check(path, shown)
            out.append(RawFile(path, shown, read_bytes(path, shown, limits)))
        except ContentError as exc:
            out.append(RawFile(path, shown, error=exc))
    return out


class _Folder:
    """The content folder of one document: shown names and containment, per folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.cwd = Path.cwd()
        self.real_root = root.resolve()
        self.shown_dirs: dict[Path, str] = {}
        self.inside: dict[Path, bool] = {}

    def display(self, path: Path) -> str:
        """``path`` relative to the working directory when inside it (worked out per folder)."""
        parent = path.parent
        shown = self.shown_dirs.get(parent)
        if shown is None:
            try:
                shown = self.shown_dirs[parent] = str(parent.relative_to(self.cwd))
            except ValueError:
                shown = self.shown_dirs[parent] = ""
        if not shown:
            return str(path)
        return path.name if shown == "." else shown + os.sep + path.name

    def check(self, path: Path, shown: str) -> None:
        """``ContentError`` unless ``path`` resolves inside the content folder.

        As ``path.resolve()``, with each folder resolved once: only a file that is itself a
        link is resolved on its own.
        """
        parent = path.parent
        inside = self.inside.get(parent)
        if inside is None:
            inside = self.inside[parent] = parent.resolve().is_relative_to(self.real_root)
        link = os.path.islink(path)
        if inside and not link:
            return
        real = path.resolve() if link else parent.resolve() / path.name
        if not real.is_relative_to(self.real_root):
            raise ContentError(
                [
                    Problem(
                        shown,
                        1,
                        1,
                        f"resolves to {real}, outside the content folder {self.root}",
                        hint="content files must live inside the content folder; remove the link",
                    )
                ]
            )

"""Reading the content files of one load: shown paths, the content-folder check, the cache.

The working directory and each folder are resolved once per load, not once per file: at
10,000 files ``Path.resolve`` and ``Path.relative_to`` would cost more than the parse.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

from guidelines_model._cache import Entry, cache_dir, digest
from guidelines_model._yaml import Limits, YamlDocument, decode, parse_yaml, read_bytes, read_yaml
from guidelines_model.errors import ContentError, Problem


class Reader:
    """Reads the files of one edition or derivative folder.

    :meth:`prefetch` reads every file up front, to find the load in the cache; when any file
    cannot be read, the cache is not used and :meth:`read` reads each file in turn, so that
    errors come in the same order as without a cache.
    """

    def __init__(self, root: Path, limits: Limits) -> None:
        self.root = root
        self.limits = limits
        self.shown_dirs: dict[Path, str] = {}
        self.inside: dict[Path, bool] = {}
        self.raw: dict[Path, bytes] = {}

    # Worked out when first needed, as the loader always did (errors come at the same point).
    @cached_property
    def cwd(self) -> Path:
        return Path.cwd()

    @cached_property
    def real_root(self) -> Path:
        return self.root.resolve()

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

    def check(self, path: Path) -> str:
        """The shown path of a file inside the content folder (``ContentError`` otherwise).

        As ``path.resolve()``, with each folder resolved once: only a file that is itself a
        link is resolved on its own.
        """
        shown = self.display(path)
        parent = path.parent
        inside = self.inside.get(parent)
        if inside is None:
            inside = self.inside[parent] = parent.resolve().is_relative_to(self.real_root)
        link = os.path.islink(path)
        if inside and not link:
            return shown
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
        return shown

    def prefetch(self, kind: str, groups: list[list[Path]]) -> Entry | None:
        """Read every file; the cache entry of their bytes, or ``None`` (cache off, or a file
        that cannot be read: :meth:`read` then reports it in its turn)."""
        if cache_dir() is None:
            return None
        raw: dict[Path, bytes] = {}
        try:
            for path in (p for group in groups for p in group):
                raw[path] = read_bytes(path, self.check(path), self.limits)
        except Exception:  # any error is raised again, in its turn, by read()
            return None
        keys = [[digest(raw[p]) for p in group] for group in groups]
        entry = Entry.open(kind, keys, self.real_root, self.limits)
        if entry is not None:
            self.raw = raw
        return entry

    def read(self, path: Path) -> YamlDocument:
        """Parse one file (its prefetched bytes when there are)."""
        data = self.raw.get(path)
        if data is None:
            return read_yaml(path, self.check(path), self.limits)
        shown = self.display(path)
        return parse_yaml(decode(data, shown), shown, self.limits)

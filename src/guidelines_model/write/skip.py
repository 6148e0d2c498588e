"""``fmt``'s skip cache: files whose bytes were already found canonical are not formatted again.

One entry per formatting setting (the limits, this package's code and ruamel.yaml's version:
the load cache's stamp) holds the sha256 of every file content found canonical with it. A file
whose bytes hash to a recorded digest is canonical: formatting depends on nothing but the text,
the limits and the code. Only canonical files are recorded, so a file that is not is always
checked again, and any edit of a file is a new digest.

Stored as an entry of the load cache (:func:`~guidelines_model.load.cache.write_entry` and
:func:`~guidelines_model.load.cache.read_entry`): in the same folder, off with
``GUIDELINES_CACHE=0``, moved by ``GUIDELINES_CACHE_DIR``, never inside the content folder,
written atomically, checksummed, pruned with the other entries, and a bad entry is ignored
(read as empty).
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from guidelines_model.load.cache import cache_dir, read_entry, stamp, usable, write_entry
from guidelines_model.load.limits import Limits

#: Bump when the entry's shape changes.
FORMAT = 2
_MAGIC = b"guidelines-model fmt skip cache\n"
#: Digests kept in one entry: past this, an entry starts again from the files of this run.
MAX_DIGESTS = 200_000


def content_digest(raw: bytes) -> str:
    """The key of a file's content: the sha256 of its bytes."""
    return hashlib.sha256(raw).hexdigest()


class SkipCache:
    """The canonical contents recorded for one formatting setting, and those found in this run.

    Nothing is read (the entry, or the code for its key) before the first question: a run
    that fails on its first file reads nothing else.
    """

    def __init__(self, roots: list[Path], limits: Limits) -> None:
        self.roots = roots
        self.limits = limits
        self._path: Path | None = None
        self._known: frozenset[str] | None = None
        self.found: set[str] = set()

    @property
    def path(self) -> Path | None:
        """The entry for these limits; ``None`` when the cache is off or its folder is inside a
        content folder being formatted (or writable by other users)."""
        if self._known is None:
            where = cache_dir()
            if where is not None and all(usable(where, r.resolve()) for r in self.roots):
                key = repr(("fmt", FORMAT, self.limits, stamp()))
                self._path = where / f"fmt-{hashlib.sha256(key.encode()).hexdigest()[:40]}.cache"
            payload = read_entry(self._path, _MAGIC, touch=True) if self._path else None
            self._known = frozenset(payload.decode().split()) if payload else frozenset()
        return self._path

    @property
    def known(self) -> frozenset[str]:
        """The digests recorded before this run."""
        if self._known is None:
            _ = self.path
        assert self._known is not None
        return self._known

    def canonical(self, digest: str) -> bool:
        """Whether content with this digest was found canonical before."""
        return digest in self.known

    def record(self, digest: str) -> None:
        """Content with this digest was found canonical."""
        if digest not in self.known and self.path is not None:
            self.found.add(digest)

    def save(self) -> None:
        """Store what this run found beside what was known; never raise (it is only a cache)."""
        if not self.found or self.path is None:
            return
        digests = self.found if len(self.known) + len(self.found) > MAX_DIGESTS else None
        body = "\n".join(sorted(digests if digests is not None else self.known | self.found))
        with contextlib.suppress(OSError):
            write_entry(self.path, _MAGIC, body.encode())

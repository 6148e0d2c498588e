"""``fmt``'s skip cache: files whose bytes were already found canonical are not formatted again.

One entry per formatting setting (the limits, this package's code and ruamel.yaml's version:
the load cache's stamp) holds the sha256 of every file content found canonical with it. A file
whose bytes hash to a recorded digest is canonical: formatting depends on nothing but the text,
the limits and the code. Only canonical files are recorded, so a file that is not is always
checked again, and any edit of a file is a new digest.

Stored as the load cache stores its entries (:mod:`guidelines_model.load.cache`): in the same
folder, off with ``GUIDELINES_CACHE=0``, moved by ``GUIDELINES_CACHE_DIR``, never inside the
content folder, written atomically (:func:`.atomic.write_file`), checksummed, and a bad entry is
ignored (read as empty).
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from guidelines_model.load.cache import cache_dir, stamp, usable
from guidelines_model.load.limits import Limits
from guidelines_model.load.read import ReadRefused, read_regular
from guidelines_model.model.errors import OutputError
from guidelines_model.write.atomic import write_file

#: Bump when the entry's shape changes.
FORMAT = 1
_MAGIC = "guidelines-model fmt skip cache\n"
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
                self._path = where / f"fmt-{hashlib.sha256(key.encode()).hexdigest()[:40]}.skip"
            self._known = _read(self._path) if self._path is not None else frozenset()
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
        check = hashlib.sha256(body.encode()).hexdigest()
        with contextlib.suppress(OSError, ValueError, OutputError):
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_file(self.path, f"{_MAGIC}{check}\n{body}\n")


def _read(path: Path) -> frozenset[str]:
    try:
        # A regular file only, never a link (we write none): a FIFO would hang.
        text = read_regular(path, 64 * (MAX_DIGESTS + 2), follow=False).decode()
    except (OSError, ReadRefused, UnicodeDecodeError):
        return frozenset()
    head, _, rest = text.partition("\n")
    check, _, body = rest.partition("\n")
    body = body.removesuffix("\n")
    if head + "\n" != _MAGIC or hashlib.sha256(body.encode()).hexdigest() != check:
        return frozenset()
    return frozenset(body.split("\n")) if body else frozenset()

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
import stat
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


class ReadRefused(Exception):
    """A file that is not read: not a regular file, or larger than the limit."""

    def __init__(self, message: str, hint: str | None = None, *, too_large: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.too_large = too_large


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def read_regular(path: Path, max_bytes: int, *, follow: bool = True) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``: the one way the package reads.

    Opened with ``O_NONBLOCK`` (a FIFO does not wait for a writer) and checked with ``fstat``
    on the open descriptor before anything is read: a FIFO, device, socket or folder is
    :class:`ReadRefused`, and so is a file over the limit (a link to ``/dev/zero`` or a
    sparse 6 GB file is never read). ``OSError`` when it cannot be opened or read, or, with
    ``follow=False``, when it is a symlink.
    """
    fd = os.open(path, _FLAGS if follow else _FLAGS | getattr(os, "O_NOFOLLOW", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            what = next((w for test, w in _KINDS if test(st.st_mode)), "not a regular file")
            raise ReadRefused(f"is {what}, not a regular file", "content files are plain files")
        if st.st_size > max_bytes:
            raise ReadRefused(
                f"file is {st.st_size:,} bytes; the limit is {max_bytes:,} bytes",
                too_large=True,
            )
        # Sized by the file (read(5 MB) would allocate 5 MB for every 1 KB file), then at most
        # the limit + 1 more in case it grew since fstat.
        chunks = [os.read(fd, st.st_size + 1)] if st.st_size else []
        total = sum(len(c) for c in chunks)
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:
            raise ReadRefused(f"file grew past the limit of {max_bytes:,} bytes", too_large=True)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_bytes(path: Path, file: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of one content file, within the size limit (``file`` names it in errors)."""
    try:
        return read_regular(path, limits.max_file_bytes)
    except ReadRefused as exc:
        if exc.too_large:
            raise LimitError(
                [
                    Problem(
                        file,
                        1,
                        1,
                        exc.message,
                        hint="split the content or raise Limits.max_file_bytes",
                    )
                ]
            ) from None
        raise ContentError([Problem(file, 1, 1, exc.message, hint=exc.hint)]) from None
    except OSError as exc:
        raise YamlSyntaxError(
            [Problem(file, 1, 1, f"cannot read file: {exc.strerror or exc}")]
        ) from None


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
    """The content folder of one document: shown names and containment, per folder (keyed by
    the folder's name as a string: hashing a ``Path`` for each of 10,000 files was slow)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.cwd = Path.cwd()
        self.real_root = root.resolve()
        #: folder -> (its name as shown, whether it resolves inside the content folder)
        self.folders: dict[str, tuple[str, bool]] = {}

    def _folder(self, folder: str) -> tuple[str, bool]:
        known = self.folders.get(folder)
        if known is None:
            parent = Path(folder)
            try:
                shown = str(parent.relative_to(self.cwd))
            except ValueError:
                shown = ""
            inside = parent.resolve().is_relative_to(self.real_root)
            known = self.folders[folder] = (shown, inside)
        return known

    def display(self, path: Path) -> str:
        """``path`` relative to the working directory when inside it (worked out per folder)."""
        folder, name = os.path.split(path)
        shown = self._folder(folder)[0]
        if not shown:
            return str(path)
        return name if shown == "." else shown + os.sep + name

    def check(self, path: Path, shown: str) -> None:
        """``ContentError`` unless ``path`` resolves inside the content folder.

        As ``path.resolve()``, with each folder resolved once: only a file that is itself a
        link is resolved on its own.
        """
        inside = self._folder(os.path.dirname(path))[1]
        link = os.path.islink(path)
        if inside and not link:
            return
        real = path.resolve() if link else path.parent.resolve() / path.name
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

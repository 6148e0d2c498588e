"""The one way the package writes a file: a temporary file beside it, fsynced, then a rename.

Readers see the old file or the new, never half. What the rename would replace is checked
first:

- a device, FIFO or socket is refused (:class:`OutputError`): renaming over ``/dev/null``
  would make it a regular file for every program on the machine;
- a symlink is written *through*: its target is replaced and the link kept, as an editor
  saving the file would (a link pointing at a non-regular file is refused like that file);
- a regular file keeps its permission bits; a new file gets ``0o666`` less the umask (0644
  under 022), as ``open(path, "w")`` would.

Temporary files are named ``.<name>.<random>.tmp``: the loader skips hidden ``.tmp`` files, so
one left by a killed process is never read as content. On any error the temporary file is
removed.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from guidelines_model.model.errors import OutputError

_KINDS = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def temp_name(name: str) -> str:
    """The name of a temporary file for ``name``: hidden, ending ``.tmp``."""
    return f".{name}.{secrets.token_hex(4)}.tmp"


def is_temp_name(name: str) -> bool:
    """Whether ``name`` is one of our temporary files (the loader ignores them)."""
    return name.startswith(".") and name.endswith(".tmp")


def _target(path: Path) -> tuple[Path, int | None]:
    """The file the write replaces (a symlink followed) and the mode to keep, if it exists."""
    real = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        st = os.stat(real)
    except FileNotFoundError:
        return real, None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}", path=str(path)) from None
    for test, what in _KINDS:
        if test(st.st_mode):
            raise OutputError(
                f"cannot write {path}: it is {what}; write to a regular file",
                path=str(path),
            )
    return real, stat.S_IMODE(st.st_mode)


def write_file(
    path: str | os.PathLike[str], data: str | bytes, *, mode: int | None = None, sync: bool = True
) -> None:
    """Write ``data`` (text as UTF-8, ``\\n`` line ends kept as given) to ``path`` atomically.

    ``mode`` forces the permission bits; by default an existing file keeps its own and a new
    file gets the umask's. ``sync=False`` skips the fsyncs (for a temporary copy). Raises
    :class:`OutputError` and leaves nothing behind on failure.
    """
    shown = Path(path)
    blob = data.encode("utf-8") if isinstance(data, str) else data
    target, kept = _target(shown)
    tmp = target.parent / temp_name(target.name)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # 0o666 and the umask: a new file gets the mode open(path, "w") would give it.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {exc.strerror}", path=str(shown)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
            fh.flush()
            bits = mode if mode is not None else kept
            if bits is not None:
                os.fchmod(fh.fileno(), bits)
            if sync:
                os.fsync(fh.fileno())
        os.replace(tmp, target)
        if sync:
            _sync_folder(target.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"cannot write {shown}: {exc.strerror}", path=str(shown)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new, never half."""
    write_file(path, text)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where folders can be opened)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

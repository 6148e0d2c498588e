"""Beside the load pipeline, a cache of loaded documents: unchanged content is neither parsed
nor validated again.

YAML stays the source people edit. After an edition or derivative loads and validates, the
loader stores the result (the validated models as plain data, and where each node is written)
in one entry under the user's cache folder, named by the sha256 of every file's bytes, of the
limits and of the code that loads them. Every file is read and hashed on every load, so any
change is a miss; only successful loads are stored, so broken content is loaded again and
fails the same way; file names are shown from the working directory of each load.

``GUIDELINES_CACHE=0`` turns it off; ``GUIDELINES_CACHE_DIR`` moves it (never inside the
content folder). Entries are written atomically and checksummed; a bad one is ignored. The same
switch and folder serve the command answers of :mod:`guidelines_model.cli.replay`, which use
:func:`stamp`, :func:`read_entry` and :func:`write_entry` from here.

An installed wheel also ships a snapshot: the entries of its bundled content, made when the
wheel was built (``hatch_build.py``) and keyed as here (by the files' bytes, not where they
are). A load looks in the user's cache first, then in the snapshot; any changed file, module
or dependency version is a different key, so a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

from guidelines_model.load.find import DocumentFiles
from guidelines_model.load.limits import Limits
from guidelines_model.load.read import RawFile, ReadRefused, read_regular
from guidelines_model.load.summary import summarise, to_cache
from guidelines_model.model.origin import Marks, Origin

#: Bump when the stored shape changes.
FORMAT = 2
#: Entries and bytes kept: past either, a write removes the least recently used entries
#: (a load touches its entry) down to three quarters of both.
MAX_ENTRIES = 4096
MAX_BYTES = 512 * 1024 * 1024
_MAGIC = b"guidelines-model cache\n"
_OFF = {"0", "false", "no", "off"}
#: The distributions whose version decides what a load gives, besides our own code.
_DEPENDENCIES = ("pydantic", "pydantic_core", "ruamel.yaml", "ruamel.yaml.clib")
#: Where an installed wheel keeps the entries of its bundled content (see ``hatch_build.py``).
SNAPSHOT = Path(__file__).resolve().parents[1] / "_data" / "snapshot"


def cache_dir() -> Path | None:
    """Where entries live, or ``None`` when the cache is turned off."""
    if os.environ.get("GUIDELINES_CACHE", "1").strip().lower() in _OFF:
        return None
    if os.environ.get("GUIDELINES_CACHE_DIR"):
        return Path(os.environ["GUIDELINES_CACHE_DIR"])
    try:
        home = Path.home()
    except RuntimeError:
        return None
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
        return base / "guidelines-model" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "guidelines-model"
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "guidelines-model"


def digest(raw: bytes) -> bytes:
    """The key of some bytes: their sha256."""
    return hashlib.sha256(raw).digest()


@cache
def stamp() -> tuple[Any, ...]:
    """What else a load depends on: the sha256 of every module of this package (any edit, of
    any size, at any time, is a miss) and the versions of pydantic, pydantic-core and
    ruamel.yaml. Worked out once per process (about 5 ms) and without importing pydantic or
    ``importlib.metadata`` (which alone costs 100 ms): a command answered from the cache never
    imports them."""
    return (FORMAT, sys.version_info[:2], _code_digest(), _versions())


def _code_digest() -> str:
    package = Path(__file__).parents[1]
    files: list[str] = []
    folders = [str(package)]
    while folders:
        with os.scandir(folders.pop()) as it:
            for e in it:
                if e.is_dir(follow_symlinks=False) and e.name != "__pycache__":
                    folders.append(e.path)
                elif e.name.endswith(".py"):
                    files.append(e.path)
    h = hashlib.sha256()
    for f in sorted(files):
        h.update(os.path.relpath(f, package).encode() + b"\0")
        try:
            h.update(read_regular(Path(f), 16 * 1024 * 1024))
        except (OSError, ReadRefused):
            h.update(b"\1unreadable")
        h.update(b"\0")
    return h.hexdigest()


def _versions() -> tuple[str, ...]:
    """``name-version`` of each dependency, from the name of its installed ``.dist-info``
    folder beside the package (``pip`` names them ``pydantic_core-2.33.2.dist-info``)."""
    import importlib.util

    wanted = {re.sub(r"[-_.]+", "_", n).lower(): n for n in _DEPENDENCIES}
    found: dict[str, str] = {}
    folders: set[str] = set()
    for name in ("pydantic", "pydantic_core", "ruamel", "_ruamel_yaml"):
        with contextlib.suppress(ImportError, ValueError, AttributeError):
            spec = importlib.util.find_spec(name)  # finds, never imports
            if spec is None:
                continue
            if spec.submodule_search_locations:  # a package: its folder
                where = Path(next(iter(spec.submodule_search_locations)))
            elif spec.origin:  # a module: its file
                where = Path(spec.origin)
            else:
                continue
            folders.add(str(where.parent))  # site-packages, where the .dist-info folders are
    for folder in sorted(folders):
        with contextlib.suppress(OSError), os.scandir(folder) as it:
            for e in it:
                m = _DIST_INFO.match(e.name)
                if m:
                    key = re.sub(r"[-_.]+", "_", m.group(1)).lower()
                    if key in wanted:
                        found[key] = m.group(2)
    return tuple(f"{wanted[k]}-{found.get(k, '?')}" for k in sorted(wanted))


_DIST_INFO = re.compile(r"^(.+?)-([0-9][^-]*)\.dist-info$")


#: A model class by name: the class, its field names, whether it is plain, its required
#: fields, one shape check per field (see :mod:`.shape`) and its field names as a set.
Model = tuple[Any, tuple[str, ...], bool, frozenset[str], tuple[Any, ...], frozenset[str]]


@cache
def _models() -> dict[str, Model]:
    """Every model class by name: the class, its field names, whether it is plain, and what
    its fields must hold.

    A plain model has no private attributes and no post-init: :func:`_decode` builds it as
    ``model_construct`` would, without its per-field bookkeeping (7x faster).
    """
    from guidelines_model.load.shape import model_checks
    from guidelines_model.model.documents import model_classes

    out: dict[str, Model] = {}
    for cls in model_classes():
        plain = not cls.__private_attributes__ and cls.__pydantic_post_init__ is None
        required, checks = model_checks(cls)
        names = tuple(cls.model_fields)
        out[cls.__name__] = (cls, names, plain, required, checks, frozenset(names))
    return out


class Misfit(Exception):
    """A decoded entry that does not have the shape of the models: a miss."""


def _encode(value: Any, same: dict[Any, Any]) -> Any:
    """Models as ``[class name, fields set, *field values]``; tuples and dicts walked. Equal
    fields sets are one object (``same``), which marshal writes once and reads back once."""
    kind = type(value)
    if kind is tuple:
        return tuple([_encode(v, same) for v in value])
    if kind is dict:
        return {k: _encode(v, same) for k, v in value.items()}
    if kind in (str, int, float, bool) or value is None:
        return value
    cls, names, *_ = _models().get(kind.__name__, (None, (), False))
    if cls is not kind:
        raise TypeError(f"cannot store {kind.__name__}")
    fields = value.__dict__
    given = tuple(sorted(value.model_fields_set))
    given = same.setdefault(given, given)
    return [kind.__name__, given, *[_encode(fields[n], same) for n in names]]


def _shared(positions: dict[Any, tuple[int, int]], same: dict[Any, Any]) -> dict[Any, Any]:
    """``positions`` with equal paths and equal positions as one object each: value files of
    one shape repeat the same few (a 10,000-value edition holds 85 different ones), which
    marshal then writes once and reads back once (its marks 12 MB -> 4 MB, read 4x faster)."""
    return {same.setdefault(k, k): same.setdefault(v, v) for k, v in positions.items()}


_NESTED = (list, tuple, dict)
_set = object.__setattr__


def _decode(value: Any, models: dict[str, Model]) -> Any:
    kind = type(value)
    if kind is tuple:
        return tuple([_decode(v, models) if type(v) in _NESTED else v for v in value])
    if kind is dict:
        return {k: _decode(v, models) if type(v) in _NESTED else v for k, v in value.items()}
    if kind is not list:
        return value
    cls, names, plain, required, checks, known = models[value[0]]
    fields = {
        n: _decode(v, models) if type(v) in _NESTED else v
        for n, v in zip(names, value[2:], strict=True)
    }
    given = value[1]
    if type(given) is not tuple or not required.issubset(given) or not known.issuperset(given):
        raise Misfit(value[0])
    for check, v in zip(checks, fields.values(), strict=True):
        if not check(v):
            raise Misfit(value[0])
    if not plain:
        return cls.model_construct(set(given), **fields)
    obj = cls.__new__(cls)
    _set(obj, "__dict__", fields)
    _set(obj, "__pydantic_fields_set__", set(given))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def lookup(files: DocumentFiles, raw: list[RawFile], root: Path, limits: Limits) -> Entry | None:
    """The entry of a document's files as read, or ``None``: the cache is off, or a file could
    not be read (the loader reports it in its turn)."""
    if cache_dir() is None or any(f.error is not None for f in raw):
        return None
    data = {os.fspath(f.path): f.data for f in raw}  # by name: a Path hashes slowly
    keys = [[digest(data[os.fspath(p)]) for p in group] for group in files.groups]
    return Entry.open(files.kind, keys, root.resolve(), limits)


class Entry:
    """The cache entry of one folder's files (by content)."""

    @classmethod
    def open(cls, kind: str, keys: list[list[bytes]], root: Path, limits: Limits) -> Entry | None:
        """The entry for files with these digests (in groups: metadata, parts, values).

        ``None`` when the cache is off, or its folder is inside ``root`` (the content folder)
        or writable by other users.
        """
        where = cache_dir()
        if where is None or not usable(where, root):
            return None
        key = digest(repr((kind, keys, limits, stamp())).encode()).hex()
        name = f"{key[:40]}.cache"
        return cls(where / name, SNAPSHOT / name)

    def __init__(self, path: Path, snapshot: Path | None = None) -> None:
        self.path = path
        #: The same entry in the wheel's snapshot, read when the user's cache has none.
        self.snapshot = snapshot

    def _payload(self, touch: bool) -> tuple[Any, ...] | None:
        payload = read_entry(self.path, _MAGIC, touch=touch)
        if payload is None and self.snapshot is not None:
            payload = read_entry(self.snapshot, _MAGIC, touch=False)
        if payload is None:
            return None
        try:
            stored = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return None
        return stored if type(stored) is tuple and len(stored) == 4 else None

    def summary(self) -> dict[str, Any] | None:
        """The stored summary of the document (see :mod:`guidelines_model.load.summary`), read
        without building any model; ``None`` if absent."""
        stored = self._payload(touch=False)
        return stored[0] if stored is not None and type(stored[0]) is dict else None

    def load(self, files: list[str]) -> tuple[Any, Origin] | None:
        """The stored document and its origin, with ``files`` as shown names; ``None`` if absent."""
        stored = self._payload(touch=True)
        if stored is None:
            return None
        try:
            _, tree, marks, parts = stored
            shown = {}
            for i, (v, k) in marks:
                if type(v) is not dict or type(k) is not dict:
                    return None
                shown[i] = Marks(files[i], v, k)
            origin = Origin([(prefix, inner, shown[i]) for prefix, inner, i in parts])
            return _decode(tree, _models()), origin
        except Exception:  # an entry that does not decode is a miss, whatever is wrong
            return None

    def save(self, doc: Any, origin: Origin, files: list[str]) -> None:
        """Store a document that loaded and validated, with its summary; never raise (it is
        only a cache)."""
        with contextlib.suppress(OSError, ValueError, TypeError, KeyError):
            index = {name: i for i, name in enumerate(files)}
            marks: dict[int, Marks] = {}
            parts = []
            for prefix, inner, m in origin.parts:
                i = index[m.file]
                marks[i] = m
                parts.append((prefix, inner, i))
            same: dict[Any, Any] = {}
            stored = [
                (i, (_shared(m.values, same), _shared(m.keys, same))) for i, m in marks.items()
            ]
            tree = _encode(doc, same)
            summary = to_cache(summarise(doc))
            payload = marshal.dumps((summary, tree, stored, parts))
            write_entry(self.path, _MAGIC, payload)


def read_entry(path: Path, magic: bytes, *, touch: bool) -> bytes | None:
    """The payload of the entry at ``path``, or ``None``: absent, not a regular file, or not
    ``magic`` followed by the sha256 of the payload and the payload (damaged, or not ours).
    ``touch`` marks it recently used (pruned last)."""
    try:
        # A regular file only: a FIFO planted here would hang, a link to /dev/zero fill memory.
        blob = read_regular(path, MAX_BYTES, follow=False)  # we never write links
    except (OSError, ReadRefused):
        return None
    if touch:
        with contextlib.suppress(OSError):
            os.utime(path, follow_symlinks=False)
    head = len(magic)
    payload = blob[head + 32 :]
    if blob[:head] != magic or digest(payload) != blob[head : head + 32]:
        return None
    return payload


def write_entry(path: Path, magic: bytes, payload: bytes) -> None:
    """Store ``payload`` at ``path`` atomically, after ``magic`` and its sha256; then prune the
    folder. Raises ``OSError`` when it cannot."""
    _write(path, magic + digest(payload) + payload)
    _prune(path.parent)


def usable(where: Path, root: Path) -> bool:
    """Whether the cache folder ``where`` may hold entries about content under ``root``:
    outside the content folder, and (when it exists) writable by this user only."""
    try:
        if where.resolve().is_relative_to(root):
            return False
        st = where.stat()
    except FileNotFoundError:
        return True  # created private by the first write
    except OSError:
        return False
    # A folder another user can write to could hold planted entries.
    return not hasattr(os, "getuid") or (st.st_uid == os.getuid() and not st.st_mode & 0o022)


def _write(entry: Path, blob: bytes) -> None:
    import tempfile

    entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=entry.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, entry)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _prune(folder: Path) -> None:
    entries: list[tuple[int, int, str]] = []  # (last use, size, path)
    with os.scandir(folder) as it:
        for e in it:
            if e.name.endswith(".cache"):
                with contextlib.suppress(OSError):
                    st = e.stat()
                    entries.append((st.st_mtime_ns, st.st_size, e.path))
    total = sum(size for _, size, _ in entries)
    if len(entries) <= MAX_ENTRIES and total <= MAX_BYTES:
        return
    count = len(entries)
    for _, size, path in sorted(entries):
        if count <= MAX_ENTRIES * 3 // 4 and total <= MAX_BYTES * 3 // 4:
            break
        with contextlib.suppress(OSError):
            os.unlink(path)
        count -= 1
        total -= size

"""Load stage 1, the files: where content lives, and which files make up a document.

No pydantic here, so that commands answered from the load cache stay light.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from guidelines_model.model.errors import ContentError, Problem

EDITION_FILE = "edition.yaml"
DERIVATIVE_FILE = "derivative.yaml"
VALUES_DIR = "values"

_PACKAGE = Path(__file__).resolve().parents[1]  # guidelines_model/


def _data_dir(name: str, env: str) -> Path:
    if os.environ.get(env):
        return Path(os.environ[env])
    shipped = _PACKAGE / "_data" / name  # inside an installed wheel
    if shipped.is_dir():
        return shipped
    return _PACKAGE.parents[1] / name  # a source checkout (src layout)


def default_content_root() -> Path:
    """The bundled content: ``$GUIDELINES_CONTENT``, the wheel's copy, or the checkout's."""
    return _data_dir("content", "GUIDELINES_CONTENT")


def content_root(root: str | os.PathLike[str] | None) -> Path:
    """The content folder ``root`` names, or the bundled content when it names none."""
    return Path(root) if root is not None else default_content_root()


def default_sources_root() -> Path:
    """The bundled source texts: ``$GUIDELINES_SOURCES``, the wheel's copy, or the checkout's."""
    return _data_dir("sources", "GUIDELINES_SOURCES")


def sources_root_for(content_root: Path) -> Path:
    """The source texts that belong with a content folder (its sibling ``sources/``)."""
    sibling = content_root.resolve().parent / "sources"
    return sibling if sibling.is_dir() else default_sources_root()


def display_path(path: Path) -> str:
    """A path as the user should read it: relative to the working directory when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass(frozen=True, slots=True)
class DocumentFiles:
    """The files of one edition or derivative: its metadata file, then (for an edition) its part
    files and its value files, each sorted by name."""

    kind: Literal["edition", "derivative"]
    metadata: Path
    parts: tuple[Path, ...] = ()
    values: tuple[Path, ...] = ()

    @property
    def paths(self) -> list[Path]:
        """Every file, in the order they are read."""
        return [self.metadata, *self.parts, *self.values]

    @property
    def groups(self) -> list[list[Path]]:
        """The files by role: ``[[metadata], parts, values]`` (``[[metadata]]`` for a
        derivative)."""
        if self.kind == "derivative":
            return [[self.metadata]]
        return [[self.metadata], list(self.parts), list(self.values)]


def document_files(folder: Path) -> DocumentFiles:
    """The files of the edition or derivative in ``folder``."""
    if folder_kind(folder) == "derivative":
        return derivative_files(folder)
    return edition_files(folder)


def derivative_files(folder: Path) -> DocumentFiles:
    """The file of the derivative in ``folder``."""
    return DocumentFiles("derivative", folder / DERIVATIVE_FILE)


def _unreadable(folder: Path, exc: OSError, what: str = "folder") -> ContentError:
    if exc.errno == errno.ENOENT:
        message = f"no such {what}"
    elif exc.errno == errno.ENOTDIR:
        message = "is a file, not a folder"
    elif exc.errno == errno.ENAMETOOLONG:
        message = "path too long"
    else:
        message = f"cannot read {what}: {exc.strerror or exc}"
    return ContentError([Problem(display_path(folder), 1, 1, message)])


def _yaml_names(folder: Path) -> list[str]:
    """The ``*.yaml`` names in ``folder``, sorted; ``ContentError`` when it cannot be listed
    (a folder that cannot be read is never taken for an empty one). The package's temporary
    files (``.NAME.RANDOM.tmp``, left by a killed write) never match."""
    try:
        with os.scandir(folder) as it:
            return sorted(e.name for e in it if e.name.endswith(".yaml"))
    except OSError as exc:
        raise _unreadable(folder, exc) from None


def _is_file(path: Path) -> bool:
    """Whether ``path`` exists (as anything but a folder); ``ContentError`` when it cannot be
    told (a folder that cannot be searched)."""
    try:
        return not stat.S_ISDIR(os.stat(path).st_mode)
    except FileNotFoundError:
        return False
    except NotADirectoryError:
        return False
    except OSError as exc:
        raise _unreadable(path.parent, exc) from None


def edition_files(folder: Path) -> DocumentFiles:
    """The files of the edition in ``folder`` (``ContentError`` without an ``edition.yaml``,
    or when the folder or its ``values/`` is missing or cannot be read)."""
    meta_path = folder / EDITION_FILE
    if not _is_file(meta_path):
        raise ContentError(
            [
                Problem(
                    display_path(meta_path),
                    1,
                    1,
                    "edition.yaml is missing",
                    hint="every edition folder starts with an edition.yaml",
                )
            ]
        )
    parts = tuple(folder / n for n in _yaml_names(folder) if n != EDITION_FILE)
    values_dir = folder / VALUES_DIR
    try:
        values = tuple(values_dir / n for n in _yaml_names(values_dir))
    except ContentError as exc:
        hint = "an edition keeps one file per value in values/"
        raise ContentError([replace(p, hint=hint) for p in exc.problems]) from None
    return DocumentFiles("edition", meta_path, parts, values)


def _subfolders(root: Path) -> list[Path]:
    try:
        with os.scandir(root) as it:
            return sorted(root / e.name for e in it if e.is_dir())
    except OSError as exc:
        raise _unreadable(root, exc) from None


def edition_folders(root: Path) -> list[Path]:
    """The edition folders under a content root (those with an ``edition.yaml``), by name;
    ``ContentError`` when the root or one of its folders cannot be read."""
    return [p for p in _subfolders(root) if _is_file(p / EDITION_FILE)]


def derivative_folders(root: Path) -> list[Path]:
    """The derivative folders under a content root (``derivatives/*/derivative.yaml``)."""
    where = root / "derivatives"
    if not where.is_dir():
        return []
    return [p for p in _subfolders(where) if _is_file(p / DERIVATIVE_FILE)]


def content_folders(root: Path) -> tuple[list[Path], list[Path]]:
    """The edition folders and the derivative folders under a content root.

    ``ContentError`` when there is neither: a folder that holds nothing to load is not valid
    content (``validate /etc`` must not pass).
    """
    editions, derivatives = edition_folders(root), derivative_folders(root)
    if not editions and not derivatives:
        raise ContentError(
            [
                Problem(
                    display_path(root),
                    1,
                    1,
                    "no edition or derivative here",
                    hint="an edition folder holds an edition.yaml, a derivative folder "
                    "derivatives/NAME/derivative.yaml; name the content folder or one of them",
                )
            ]
        )
    return editions, derivatives


def document_folder(path: Path) -> Path:
    """The folder a path given on the command line stands for: an edition or derivative folder
    for a content file in it (``values/*.yaml`` included), else the path itself."""
    if path.is_file():
        path = path.parent
    return path.parent if path.name == VALUES_DIR else path


def folder_kind(folder: Path) -> str:
    """``"edition"``, ``"derivative"`` or ``"root"`` (a content folder holding them)."""
    if _is_file(folder / EDITION_FILE):
        return "edition"
    if _is_file(folder / DERIVATIVE_FILE):
        return "derivative"
    return "root"

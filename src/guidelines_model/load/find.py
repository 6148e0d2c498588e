"""Load stage 1, the files: where content lives, and which files make up a document.

No pydantic here, so that commands answered from the load cache stay light.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
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


def edition_files(folder: Path) -> DocumentFiles:
    """The files of the edition in ``folder`` (``ContentError`` without an ``edition.yaml``)."""
    meta_path = folder / EDITION_FILE
    if not meta_path.is_file():
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
    parts = tuple(p for p in sorted(folder.glob("*.yaml")) if p.name != EDITION_FILE)
    return DocumentFiles(
        "edition", meta_path, parts, tuple(sorted((folder / VALUES_DIR).glob("*.yaml")))
    )


def edition_folders(root: Path) -> list[Path]:
    """The edition folders under a content root (those with an ``edition.yaml``), by name."""
    return [p.parent for p in sorted(root.glob(f"*/{EDITION_FILE}"))]


def derivative_folders(root: Path) -> list[Path]:
    """The derivative folders under a content root (``derivatives/*/derivative.yaml``)."""
    return [p.parent for p in sorted(root.glob(f"derivatives/*/{DERIVATIVE_FILE}"))]


def document_folder(path: Path) -> Path:
    """The folder a path given on the command line stands for: an edition or derivative folder
    for a content file in it (``values/*.yaml`` included), else the path itself."""
    if path.is_file():
        path = path.parent
    return path.parent if path.name == VALUES_DIR else path


def folder_kind(folder: Path) -> str:
    """``"edition"``, ``"derivative"`` or ``"root"`` (a content folder holding them)."""
    if (folder / EDITION_FILE).is_file():
        return "edition"
    if (folder / DERIVATIVE_FILE).is_file():
        return "derivative"
    return "root"

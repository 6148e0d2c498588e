"""Where content lives, and which files make up an edition: no pydantic, so that commands
answered from the load cache stay light."""

from __future__ import annotations

import os
from pathlib import Path

from guidelines_model.errors import ContentError, Problem

EDITION_FILE = "edition.yaml"
DERIVATIVE_FILE = "derivative.yaml"
VALUES_DIR = "values"

_PACKAGE = Path(__file__).resolve().parent


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


def edition_files(folder: Path) -> list[list[Path]]:
    """``[[edition.yaml], part files, value files]``, in the order they are read."""
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
    parts = [p for p in sorted(folder.glob("*.yaml")) if p.name != EDITION_FILE]
    return [[meta_path], parts, sorted((folder / VALUES_DIR).glob("*.yaml"))]


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

"""What a command's EDITION|PATH arguments name: one grammar for every command that reads
content. An argument that names an existing file or folder is a path (a content folder, an
edition or derivative folder, or a file in one); anything else is an edition or derivative id
in the content folder (``--content``, or the bundled content)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from guidelines_model.model.errors import GuidelinesError, NotFoundError, UsageError

if TYPE_CHECKING:
    from guidelines_model.library import Library
    from guidelines_model.model.documents import Derivative, Edition

METAVAR = "EDITION|PATH"
HELP_ONE = "edition or derivative id (e.g. 2013), or the path of its folder or of a file in it"
HELP_MANY = (
    "edition or derivative ids, or paths of their folders, of files in them, or of a content folder"
)


def resolve(targets: list[str], content: Path | None) -> tuple[Library, list[str] | None]:
    """A library and the ids of the documents ``targets`` name (``None``: every document)."""
    from guidelines_model.library import load_library
    from guidelines_model.load.find import document_folder, folder_kind

    paths = [Path(t) for t in targets if Path(t).exists()]
    if not paths:
        return load_library(content), targets or None
    if len(paths) != len(targets):
        raise UsageError("give either edition ids or paths, not both")
    folders = [document_folder(p).resolve() for p in paths]
    if len(folders) == 1 and folder_kind(folders[0]) == "root":
        return load_library(folders[0]), None
    root = folders[0].parent
    if any(f.parent != root for f in folders):
        raise UsageError("the editions given must live in one content folder")
    for f in folders:
        if folder_kind(f) == "root":
            raise UsageError(f"{f} holds no edition.yaml or derivative.yaml")
    lib = load_library(root)
    docs: list[Edition | Derivative] = [*lib.editions.values(), *lib.derivatives.values()]
    by_folder = {Path(d.origin.parts[0][2].file).resolve().parent: d.id for d in docs if d.origin}
    return lib, [by_folder[f] for f in folders if f in by_folder]


def editions(targets: list[str], content: Path | None) -> list[Edition]:
    """The editions ``targets`` name, in order: by path as :func:`resolve` reads them, or by
    id loading only those editions (``load_editions``: the rest of the folder is not read)."""
    if any(Path(t).exists() for t in targets):
        lib, ids = resolve(targets, content)
        return [lib.edition(i) for i in ids or []]
    from guidelines_model.library import load_editions

    return load_editions(targets, content)


def resolve_one(target: str, content: Path | None) -> tuple[Library, str]:
    """A library and the id of the one document ``target`` names."""
    lib, ids = resolve([target], content)
    if not ids:
        raise UsageError(f"{target}: give one edition or derivative, not a content folder")
    return lib, ids[0]


def folders(targets: list[str], content: Path | None) -> list[tuple[str, Path]]:
    """``(kind, folder)`` for each target, without loading anything: paths as they are, ids as
    the folder of that name in the content folder. ``kind`` is ``edition``, ``derivative`` or
    ``root`` (a content folder)."""
    from guidelines_model.load.find import (
        content_folders,
        content_root,
        document_folder,
        folder_kind,
    )

    root = content_root(content)
    out: list[tuple[str, Path]] = []
    for raw in targets or [str(root)]:
        path = Path(raw)
        if not path.exists():
            known = {p.name: p for group in content_folders(root) for p in group}
            if raw not in known:
                if "/" in raw or raw.endswith((".yaml", ".yml")):
                    raise GuidelinesError(f"{raw}: no such file or folder")
                raise NotFoundError("edition", raw, sorted(known))
            path = known[raw]
        folder = document_folder(path)
        out.append((folder_kind(folder), folder))
    return out

"""The load pipeline, run in order: content folder -> validated edition or derivative.

Each stage is a module that takes the previous stage's output and knows nothing of the next;
only this module calls them:

1. :mod:`.find`: the files of the document (``edition.yaml``, parts, ``values/``);
2. :mod:`.read`: their bytes, inside the content folder and within the size limit;
3. :mod:`.events`: each file's text (strict UTF-8) and its YAML parser events;
4. :mod:`.build`: plain data with the position of every node, refusing unsafe YAML;
5. :mod:`.assemble`: the files' data put together as one document, with its origin;
6. :mod:`.validate`: ids assigned and the models validated, errors put at YAML nodes.

Beside them, :mod:`.cache` answers a document whose bytes it has seen validate (stages 3-6 are
skipped) and stores the result with its :mod:`.summary`. Every error is reported at its node as
``file:line:column: yaml.path: message``. Each stage runs to the end before the next begins, so
the first error is the first stage's: a file that cannot be read or parsed (in the order the
files are listed) before a problem of the assembled data, cached or not.

pydantic is imported only on a cache miss, so that :func:`summarise_folder` answers unchanged
content without it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from guidelines_model.load import cache
from guidelines_model.load.assemble import assemble
from guidelines_model.load.build import YamlDocument, build
from guidelines_model.load.events import decode, events
from guidelines_model.load.find import (
    DocumentFiles,
    derivative_files,
    document_files,
    edition_files,
)
from guidelines_model.load.limits import DEFAULT_LIMITS, Limits, no_gc
from guidelines_model.load.read import RawFile, read_bytes, read_files
from guidelines_model.load.summary import Summary, from_cache, summarise

if TYPE_CHECKING:
    from guidelines_model.model.documents import Derivative, Edition

Doc = TypeVar("Doc", "Edition", "Derivative")


def load_edition(
    folder: str | os.PathLike[str], *, root: Path | None = None, limits: Limits = DEFAULT_LIMITS
) -> Edition:
    """Load and validate one edition folder (``edition.yaml``, part files, ``values/``).

    ``root`` is the content folder the files must stay inside (``folder`` by default).
    """
    from guidelines_model.model.documents import Edition

    folder = Path(folder)
    files = edition_files(folder)
    return _load(Edition, files, root or folder, limits)


def load_derivative(
    folder: str | os.PathLike[str], *, root: Path | None = None, limits: Limits = DEFAULT_LIMITS
) -> Derivative:
    """Load and validate one derivative folder (``derivative.yaml``)."""
    from guidelines_model.model.documents import Derivative

    folder = Path(folder)
    files = derivative_files(folder)
    return _load(Derivative, files, root or folder, limits)


def summarise_folder(
    folder: str | os.PathLike[str],
    *,
    root: Path | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Summary:
    """The summary of one edition or derivative folder (from the cache when it can be).

    Raises what :func:`load_edition` raises when the folder does not validate. ``root`` is the
    content folder the files must stay inside (the folder's parent by default).
    """
    folder = Path(folder)
    files = document_files(folder)
    raw = read_files(files.paths, root or folder.parent, limits)
    entry = cache.lookup(files, raw, root or folder.parent, limits)
    stored = entry.summary() if entry is not None else None
    found = from_cache(stored) if stored is not None else None
    if found is not None:
        return found
    # A miss: validate the bytes already read (this stores the summary).
    from guidelines_model.model.documents import Derivative, Edition

    if files.kind == "derivative":
        return summarise(_document(Derivative, files, raw, entry, limits))
    return summarise(_document(Edition, files, raw, entry, limits))


def _load(model: type[Doc], files: DocumentFiles, root: Path, limits: Limits) -> Doc:
    raw = read_files(files.paths, root, limits)
    entry = cache.lookup(files, raw, root, limits)
    return _document(model, files, raw, entry, limits)


def _document(
    model: type[Doc],
    files: DocumentFiles,
    raw: list[RawFile],
    entry: cache.Entry | None,
    limits: Limits,
) -> Doc:
    """The document of ``files`` as ``raw`` holds them: from the cache ``entry``, or parsed,
    assembled, validated and stored with its summary."""
    from guidelines_model.load.validate import validate

    shown = [f.shown for f in raw]
    with no_gc():
        cached = entry.load(shown) if entry is not None else None
        doc: Doc
        if cached is not None and isinstance(cached[0], model):
            doc, origin = cached[0], cached[1]
        else:
            docs = [_parse(file, limits) for file in raw]
            assembled = assemble(files, docs)
            doc, origin = validate(model, assembled), assembled.origin
            if entry is not None:
                entry.save(doc, origin, shown)
    doc._origin = origin
    return doc


def _parse(file: RawFile, limits: Limits) -> YamlDocument:
    """Stages 3 and 4 for one file, raising the error its reading met, in its turn."""
    if file.error is not None:
        raise file.error
    return parse_yaml(decode(file.data, file.shown), file.shown, limits)


def parse_yaml(text: str, file: str, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """Parse YAML text into plain data with positions; raise ContentError on anything unsafe.

    ``file`` names the text in errors.
    """
    parsed = events(text, file)
    return build(parsed, file, limits)


def read_yaml(
    path: Path, display: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> YamlDocument:
    """Read and parse one content file (``display`` names it in errors)."""
    file = display or str(path)
    return parse_yaml(decode(read_bytes(path, file, limits), file), file, limits)

"""Start a draft of the next edition: a copy of its parent's content folder.

The draft keeps every text of the parent exactly (the value files and part files are copied
byte for byte, except the ids in ``target:`` lines, which name the new edition), the parent's
``kind`` and its waivers, and gets its own metadata: ``based_on`` the parent, ``status:
draft``, no sources (a draft has no published text to verify) and no ``unverified``
exceptions, approval figures, version, document number or address, which belong to the
published parent. The parent's title and subtitle are kept unless a new title is given, so that
``diff PARENT DRAFT`` shows no text change.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from guidelines_model.draft.folding import fold_long
from guidelines_model.library import load_library
from guidelines_model.load.find import EDITION_FILE, VALUES_DIR
from guidelines_model.load.loader import load_edition
from guidelines_model.model.documents import Edition
from guidelines_model.model.errors import GuidelinesError
from guidelines_model.model.ids import EDITION_ID_PATTERN
from guidelines_model.write.fmt import round_trip_yaml

_PACKAGE = Path(__file__).resolve().parents[1]  # guidelines_model/
#: The part file that declares the furniture and omissions of an edition's sources (recall).
RECALL_FILE = "recall.yaml"

#: The metadata a draft takes over from its parent, in the order edition.yaml lists it.
_KEPT = ("subtitle", "publisher", "kind", "spelling", "licence")
_ORDER = ("id", "title", "subtitle", "publisher", "year", "kind", "based_on", "status", "spelling")


class DraftError(GuidelinesError):
    """A draft cannot be started (or written) as asked."""


def refuse_installed(root: Path) -> None:
    """Raise :class:`DraftError` when ``root`` is inside an installed package: drafts are
    written into a working copy of the content, never into the content a package ships."""
    where = root.resolve()
    if where.is_relative_to(_PACKAGE / "_data") or any(
        part in ("site-packages", "dist-packages") for part in where.parts
    ):
        raise DraftError(
            f"{root} is the content of an installed package; give --content DIR with a "
            "working copy of the content (a draft is never written into the package)"
        )


def draft_metadata(
    parent: Edition, id_: str, *, title: str | None = None, year: int | None = None
) -> dict[str, Any]:
    """The ``edition.yaml`` data of a draft of ``parent``."""
    data = parent.model_dump(mode="json", exclude_defaults=True)
    new_title = title or parent.title
    new_year = year if year is not None else datetime.date.today().year
    meta: dict[str, Any] = {"id": id_, "title": new_title, "year": new_year}
    meta.update({k: data[k] for k in _KEPT if k in data})
    meta["based_on"] = parent.id
    meta["status"] = "draft"
    meta["citation"] = f"{parent.publisher}. {new_title}. Draft, {new_year}."
    if parent.notes:
        # Notes about texts the draft keeps stay true of them; they name the draft's ids.
        meta["notes"] = [
            {k: v for k, v in n.items() if k != "id"}
            | {"target": retarget(n["target"], parent.id, id_)}
            for n in data["notes"]
        ]
    return {k: meta[k] for k in _ORDER if k in meta} | {
        k: v for k, v in meta.items() if k not in _ORDER
    }


def retarget(target: str, old: str, new: str) -> str:
    """An id of ``old`` as the same node's id in ``new``."""
    return new + target[len(old) :] if target.startswith(old + "/") or target == old else target


def _retarget_lines(text: str, old: str, new: str) -> str:
    """``target:`` lines that name an id of ``old`` name the same node of ``new``; every other
    byte stays (the texts above all)."""
    pattern = re.compile(
        r"^(\s*(?:-\s+)?target:\s*[\"']?)" + re.escape(old) + r"(?=[/\"'\s]|$)", re.MULTILINE
    )
    return pattern.sub(lambda m: m.group(1) + new, text)


def _yaml(data: dict[str, Any]) -> str:
    """Metadata as the content writes it: block style, long texts folded."""
    buf = io.StringIO()
    round_trip_yaml().dump(fold_long(data), buf)
    return buf.getvalue()


def _schema_comment(text: str) -> str:
    first = text.split("\n", 1)[0]
    return first + "\n" if first.startswith("# yaml-language-server:") else ""


def new_edition(
    root: Path,
    id_: str,
    based_on: str,
    *,
    title: str | None = None,
    year: int | None = None,
) -> Path:
    """Create the draft ``id_`` of the edition ``based_on`` in the content folder ``root``;
    return its folder. Written in a temporary folder and renamed: all of it or nothing."""
    refuse_installed(root)
    if not re.match(EDITION_ID_PATTERN, id_):
        raise DraftError(f"{id_!r} is not an edition id (lowercase words joined by '_')")
    lib = load_library(root)
    if id_ in lib.editions or id_ in lib.derivatives or (root / id_).exists():
        raise DraftError(f"{id_}: an edition or folder of that name exists in {root}")
    parent = lib.edition(based_on)  # NotFoundError with the closest id
    assert parent.origin is not None  # loaded from files
    source = Path(parent.origin.parts[0][2].file).resolve().parent
    tmp = Path(tempfile.mkdtemp(prefix=f".{id_}.", suffix=".tmp", dir=root))
    try:
        for path in sorted([*source.glob("*.yaml"), *(source / VALUES_DIR).glob("*.yaml")]):
            rel = path.relative_to(source)
            if rel.as_posix() == RECALL_FILE:
                continue  # furniture and omissions of the parent's sources: a draft has none
            out = tmp / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            if rel.as_posix() == EDITION_FILE:
                text = path.read_text(encoding="utf-8")
                meta = draft_metadata(parent, id_, title=title, year=year)
                out.write_text(_schema_comment(text) + _yaml(meta), encoding="utf-8")
            else:
                text = path.read_text(encoding="utf-8")
                out.write_text(_retarget_lines(text, parent.id, id_), encoding="utf-8")
        draft = load_edition(tmp, root=root)  # the draft validates before it is in place
        _same_texts(draft, parent)
        tmp.rename(root / id_)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(tmp)
        raise
    return root / id_


def _same_texts(draft: Edition, parent: Edition) -> None:
    """Refuse a copy whose texts (the title aside) differ from its parent's: a draft starts
    from the parent's exact wording."""

    def texts(e: Edition) -> list[tuple[str, str]]:
        local = [(i.split("/", 1)[1], t) for i, t in e.texts() if "/" in i]
        return [(i, t) for i, t in local if i not in ("title", "subtitle")]

    if texts(draft) != texts(parent):  # pragma: no cover - a bug of the copy
        raise DraftError(f"{draft.id}: the copy's texts differ from {parent.id}'s; nothing written")

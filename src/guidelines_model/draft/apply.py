"""Accepted proposals written into a draft's YAML, and nothing else.

Each file is edited in ruamel.yaml's round-trip mode with the settings of ``guidelines fmt``,
so comments, quoting, key order and layout stay as they are: only the texts proposed change
(refolded from their first changed line), new items and paragraphs are added after the text
they follow, deleted ones go, and the ``n:`` of the items after an added or deleted one move by
one, as the content format numbers items by position. Before anything is written, the edited
files are loaded as an edition beside the draft and its texts must be exactly the draft's with
the proposals made; then every file is written, or none.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from guidelines_model.draft.folding import content_indent, styled
from guidelines_model.draft.new import DraftError, refuse_installed
from guidelines_model.draft.review import Action, Proposal, list_kind
from guidelines_model.load.find import VALUES_DIR
from guidelines_model.load.loader import load_edition
from guidelines_model.model.documents import Edition
from guidelines_model.model.nodes import Node
from guidelines_model.write.atomic import atomic_write
from guidelines_model.write.fmt import round_trip_yaml

FilePath = tuple[str | int, ...]


def _get(data: Any, path: FilePath) -> Any:
    for step in path:
        data = data[step]
    return data


def _list_place(node: Node, inner: FilePath) -> tuple[FilePath, int]:
    """The list holding the entry a node is (or is the text of), and its index there."""
    if list_kind(node) == "paragraph":
        return inner[:-1], int(inner[-1])
    return inner[:-2], int(inner[-2])


def _new_entry(kind: str, text: str, neighbour: Any, list_path: FilePath, index: int) -> Any:
    """A new list entry (item, paragraph or block) of ``text`` at ``list_path[index]``."""
    from ruamel.yaml.comments import CommentedMap

    if kind == "paragraph":
        return styled(text, None, content_indent((*list_path, index)), 2)
    inner = (*list_path, index, "text")
    entry = CommentedMap()
    if kind == "item":
        entry["n"] = 0  # numbered with the items that follow it
    elif "kind" in neighbour:
        entry["kind"] = neighbour["kind"]
    entry["text"] = styled(text, None, content_indent(inner), len("text: "))
    return entry


def _edit_file(text: str, edits: list[tuple[Proposal, Node, FilePath]]) -> str:
    """The file's text with the edits made (round trip: everything else kept)."""
    yaml = round_trip_yaml()
    data = yaml.load(text)
    lists: dict[FilePath, list[tuple[int, Proposal, Node]]] = defaultdict(list)
    for p, node, inner in edits:
        if p.action is Action.CHANGE:
            parent, key = _get(data, inner[:-1]), inner[-1]
            key_width = 2 if isinstance(key, int) else len(str(key)) + 2
            parent[key] = styled(p.text or "", parent[key], content_indent(inner), key_width)
        else:
            list_path, index = _list_place(node, inner)
            lists[list_path].append((index, p, node))
    for list_path, ops in lists.items():
        seq = _get(data, list_path)
        numbered = bool(seq) and all(hasattr(e, "get") and "n" in e for e in seq)
        old_ns = [e["n"] for e in seq] if numbered else []
        originals: list[Any] = list(seq)  # the entries before the edits, to renumber after
        # From the end, so that earlier indices still point at their entries; at one index the
        # insert (after it) goes before the delete (of it).
        for index, p, node in sorted(
            ops, key=lambda o: (o[0], o[1].action is Action.INSERT), reverse=True
        ):
            if p.action is Action.DELETE:
                del seq[index]
            else:
                kind = list_kind(node) or "paragraph"
                seq.insert(
                    index + 1, _new_entry(kind, p.text or "", seq[index], list_path, index + 1)
                )
        if numbered:
            _renumber(seq, originals, old_ns)
    buf = io.StringIO()
    yaml.dump(data, buf)
    return buf.getvalue()


def _renumber(seq: Any, originals: list[Any], old_ns: list[int]) -> None:
    """Items after an added one move up by one, after a deleted one down by one; an added item
    takes the number after the one it follows. Items whose number stays are not touched."""
    old_n = {id(e): n for e, n in zip(originals, old_ns, strict=True)}
    kept = {id(e) for e in seq}
    deleted_before: dict[int, int] = {}
    gone = 0
    for e in originals:
        if id(e) in kept:
            deleted_before[id(e)] = gone
        else:
            gone += 1
    added = previous = 0
    for e in seq:
        if id(e) in old_n:
            new_n = old_n[id(e)] + added - deleted_before[id(e)]
            if e["n"] != new_n:
                e["n"] = new_n
        else:
            added += 1
            new_n = previous + 1
            e["n"] = new_n
        previous = new_n


def expected_texts(edition: Edition, proposals: list[Proposal]) -> list[str]:
    """The draft's texts in document order as they will be with the proposals made."""
    changed = {p.target: p for p in proposals if p.action in (Action.CHANGE, Action.DELETE)}
    inserted: dict[str, list[str]] = defaultdict(list)
    for p in proposals:
        if p.action is Action.INSERT:
            inserted[p.target].append(p.text or "")
    out: list[str] = []
    for id_, text in edition.texts():
        change = changed.get(id_)
        if change is None:
            out.append(text)
        elif change.action is Action.CHANGE:
            out.append(change.text or "")
        out.extend(inserted.get(id_, []))
    return out


def edited_files(edition: Edition, proposals: list[Proposal]) -> dict[Path, str]:
    """The new text of every file the proposals touch (nothing written)."""
    origin = edition.origin
    if origin is None:
        raise DraftError(f"{edition.id} was not loaded from files: nothing to write into")
    nodes = {n.id: n for n in edition.nodes()}
    by_file: dict[str, list[tuple[Proposal, Node, FilePath]]] = defaultdict(list)
    for p in proposals:
        if p.action is Action.COMMENT:
            continue
        node = nodes[p.target]
        found = origin.resolve(node.path)
        if found is None:  # pragma: no cover - every text of a loaded edition has a file
            raise DraftError(f"{p.target}: no file holds it")
        marks, inner = found
        by_file[marks.file].append((p, node, inner))
    out: dict[Path, str] = {}
    for file, edits in by_file.items():
        path = Path(file).resolve()  # shown names are relative to the working directory
        out[path] = _edit_file(path.read_text(encoding="utf-8"), edits)
    return out


def _folder(edition: Edition) -> Path:
    assert edition.origin is not None
    return Path(edition.origin.parts[0][2].file).resolve().parent


def apply_review(edition: Edition, proposals: list[Proposal]) -> list[Path]:
    """Write ``proposals`` into the draft ``edition``'s files; return the files written.

    Only a draft takes proposals (a published edition is transcribed from its sources, never
    edited by review). The edited files are checked first as a whole edition: every text as
    the proposals make it and no other change; then all are written, or none.
    """
    if not edition.is_draft:
        raise DraftError(
            f"{edition.id} is a published edition: proposals are applied to a draft only "
            "(start one with `guidelines new-edition`)"
        )
    folder = _folder(edition)
    root = folder.parent
    refuse_installed(root)
    files = edited_files(edition, proposals)
    if not files:
        return []
    tmp = Path(tempfile.mkdtemp(prefix=f".{edition.id}.review.", suffix=".tmp", dir=root))
    try:
        for path in [*folder.glob("*.yaml"), *(folder / VALUES_DIR).glob("*.yaml")]:
            rel = path.resolve().relative_to(folder)
            (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
            new = files.get(path.resolve())
            (tmp / rel).write_text(
                new if new is not None else path.read_text(encoding="utf-8"), encoding="utf-8"
            )
        after = load_edition(tmp, root=root)
        if [t for _, t in after.texts()] != expected_texts(edition, proposals):
            raise DraftError(  # pragma: no cover - a bug of the edit, caught before writing
                f"{edition.id}: the edited files do not hold exactly the proposed texts; "
                "nothing written"
            )
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(tmp)
    for path, text in files.items():
        atomic_write(path, text)
    return list(files)


def shifted_references(edition: Edition, proposals: list[Proposal]) -> list[tuple[str, str]]:
    """Notes, waivers and exceptions whose target the proposals delete or renumber, as
    ``(what, target)``: after --apply their id names another text, or none. They are reported,
    not rewritten: what a note says of one text is not true of its neighbour."""
    texts = [n for n in edition.nodes() if n.text is not None and list_kind(n) is not None]
    places = {n.id: _list_place(n, n.path) for n in texts}
    moved: set[str] = set()
    for p in proposals:
        if p.action not in (Action.INSERT, Action.DELETE):
            continue
        where, index = places[p.target]
        first = index + 1 if p.action is Action.INSERT else index
        moved |= {i for i, (w, k) in places.items() if w == where and k >= first}
    refs = [("note", n.target) for n in edition.notes]
    refs += [("note", n.target) for v in edition.values for n in v.notes]
    refs += [(f"waiver for {w.code}", w.target) for w in edition.waivers]
    refs += [("unverified exception", u.target) for u in edition.unverified]
    return [(what, target) for what, target in refs if target in moved]

"""Compare the content at a git revision with the working tree.

The content folder at the revision is read blob by blob: ``git ls-tree`` lists it and
``git cat-file --batch`` gives the bytes, written into a temporary folder and loaded like any
library. ``git archive`` is not used: it honours ``export-ignore`` and ``export-subst`` in
``.gitattributes``, so the content it gives is not the content committed. A symlink or a
submodule there is an error naming it (content holds plain files only), and so is a file over
the size limit (before its bytes are read).
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from guidelines_model.diff.engine import diff
from guidelines_model.diff.errors import DiffError, GitError
from guidelines_model.diff.model import DiffResult
from guidelines_model.library import Library, load_library
from guidelines_model.load.find import content_root
from guidelines_model.load.limits import DEFAULT_LIMITS
from guidelines_model.model.errors import ContentError, LimitError, NotFoundError, Problem


@dataclass(frozen=True)
class RevReport:
    """The diffs of every edition from a revision to the working tree."""

    rev: str
    diffs: tuple[DiffResult, ...]
    #: Editions only in the working tree, and only at the revision.
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


def _git(
    args: Sequence[str], cwd: Path, rev: str | None = None, stdin: bytes | None = None
) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(cwd), *args], input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)", repo=str(cwd), rev=rev) from None
    if done.returncode != 0:
        detail = done.stderr.decode(errors="replace").strip()
        if "not a git repository" in detail:
            raise GitError(
                f"{cwd} is not inside a git repository", repo=str(cwd), rev=rev, detail=detail
            )
        raise GitError(f"git {args[0]} failed: {detail}", repo=str(cwd), rev=rev, detail=detail)
    return done.stdout


def content_at(rev: str, content: Path, dest: Path) -> Path:
    """Unpack the content folder as it is at ``rev`` under ``dest``; return its path there."""
    if not rev or rev.startswith("-"):
        raise GitError(f"not a revision: {rev!r}", repo=str(content), rev=rev)
    if not content.is_dir():
        raise GitError(f"{content}: no such folder", repo=str(content), rev=rev)
    top = Path(_git(["rev-parse", "--show-toplevel"], content, rev).decode().strip())
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top, rev)
    except GitError as exc:
        raise GitError(
            f"unknown revision {rev!r} in {top}", repo=str(top), rev=rev, detail=exc.detail
        ) from None
    rel = content.resolve().relative_to(top.resolve()).as_posix() or "."
    listing = _git(["ls-tree", "-r", "-z", "-l", "--full-tree", rev, "--", rel], top, rev)
    blobs = _blobs(listing, rev)
    if not blobs:
        raise GitError(f"{rel} does not exist at {rev}", repo=str(top), rev=rev)
    wanted = [(sha, path) for sha, path in blobs if path.endswith(".yaml")]
    data = _cat_file([sha for sha, _ in wanted], top, rev)
    from guidelines_model.write.atomic import write_file

    for (_, path), blob in zip(wanted, data, strict=True):
        # A temporary copy: no fsync, and every path stays below dest (git paths are relative
        # and never hold "..", checked anyway).
        if path.startswith("/") or ".." in path.split("/"):
            raise _located(rev, path, "a path outside the repository")
        write_file(dest / path, blob, sync=False)
    return dest / rel


def _located(rev: str, path: str, message: str, hint: str | None = None) -> ContentError:
    return ContentError([Problem(f"{rev}:{path}", 1, 1, message, hint=hint)])


def _blobs(listing: bytes, rev: str) -> list[tuple[str, str]]:
    """``(sha, path)`` of each regular file that ``ls-tree -r -z -l`` lists; a link, a
    submodule or a file over the size limit is a ContentError naming it."""
    out: list[tuple[str, str]] = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        path = raw_path.decode("utf-8", errors="replace")
        mode, kind, sha, size = meta.decode("ascii").split()
        if mode == "120000":
            raise _located(
                rev,
                path,
                "is a symbolic link at this revision",
                "content holds plain files only; replace the link by the file",
            )
        if kind != "blob":
            raise _located(rev, path, f"is a {kind} (a submodule) at this revision")
        if int(size) > DEFAULT_LIMITS.max_file_bytes:
            raise LimitError(
                [
                    Problem(
                        f"{rev}:{path}",
                        1,
                        1,
                        f"file is {int(size):,} bytes; the limit is "
                        f"{DEFAULT_LIMITS.max_file_bytes:,} bytes",
                    )
                ]
            )
        out.append((sha, path))
    return out


def _cat_file(shas: list[str], top: Path, rev: str) -> list[bytes]:
    """The bytes of each blob, in order, from one ``git cat-file --batch``."""
    if not shas:
        return []
    raw = _git(["cat-file", "--batch"], top, rev, stdin="".join(f"{s}\n" for s in shas).encode())
    out: list[bytes] = []
    pos = 0
    for sha in shas:
        end = raw.index(b"\n", pos)
        header = raw[pos:end].decode("ascii").split()
        if header[:2] != [sha, "blob"] or len(header) != 3:  # sha, type, size
            raise GitError(f"git cat-file gave no blob for {sha}", repo=str(top), rev=rev)
        size = int(header[2])
        out.append(raw[end + 1 : end + 1 + size])
        pos = end + 1 + size + 1  # the blob, then a newline
    return out


def _load_at(rev: str, content: Path) -> Library:
    with tempfile.TemporaryDirectory(prefix="guidelines-rev-") as tmp:
        root = content_at(rev, content, Path(tmp))
        try:
            return load_library(root)
        except ContentError as exc:
            raise DiffError(f"the content at {rev} does not load:\n{exc}") from None


def compare_rev(
    rev: str,
    content: str | Path | None = None,
    editions: Sequence[str] = (),
) -> RevReport:
    """Diff each edition (or those named) from revision ``rev`` to the working tree."""
    root = content_root(content)
    old = _load_at(rev, root)
    new = load_library(root)
    ids = list(editions) or list(dict.fromkeys([*old.editions, *new.editions]))
    diffs: list[DiffResult] = []
    added: list[str] = []
    removed: list[str] = []
    for id_ in ids:
        if id_ not in old.editions and id_ not in new.editions:
            raise NotFoundError("edition", id_, sorted({*old.editions, *new.editions}))
        if id_ not in old.editions:
            added.append(id_)
        elif id_ not in new.editions:
            removed.append(id_)
        else:
            result = diff(old.edition(id_), new.edition(id_))
            diffs.append(replace(result, old=replace(result.old, revision=rev)))
    return RevReport(rev, tuple(diffs), tuple(added), tuple(removed))

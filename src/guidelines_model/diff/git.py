"""Compare the content at a git revision with the working tree.

The content folder at the revision comes from ``git archive REV -- <content>`` (a tar stream,
unpacked with the ``data`` filter into a temporary folder) and is loaded like any library.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from guidelines_model.diff.engine import diff
from guidelines_model.diff.errors import DiffError, GitError
from guidelines_model.diff.model import DiffResult
from guidelines_model.library import Library, load_library
from guidelines_model.load.find import content_root
from guidelines_model.model.errors import ContentError, NotFoundError


@dataclass(frozen=True)
class RevReport:
    """The diffs of every edition from a revision to the working tree."""

    rev: str
    diffs: tuple[DiffResult, ...]
    #: Editions only in the working tree, and only at the revision.
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


def _git(args: Sequence[str], cwd: Path, rev: str | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, check=False)
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
    try:
        archive = _git(["archive", "--format=tar", rev, "--", rel], top, rev)
    except GitError as exc:
        raise GitError(
            f"{rel} does not exist at {rev}", repo=str(top), rev=rev, detail=exc.detail
        ) from None
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    return dest / rel


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

"""The load cache trusts nothing it did not check (finding 9)."""

from __future__ import annotations

import hashlib
import marshal
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from guidelines_model import ContentError, load_edition
from guidelines_model.cli import main
from guidelines_model.load import cache
from guidelines_model.load.find import edition_files
from guidelines_model.load.limits import DEFAULT_LIMITS
from guidelines_model.load.read import read_files
from guidelines_model.load.summary import from_cache
from guidelines_model.model.documents import model_classes

_HEAD = len(b"guidelines-model cache\n")


def _entry_for(folder: Path) -> Path:
    """Where the cache would keep the entry of ``folder``'s files as they are now."""
    files = edition_files(folder)
    raw = read_files(files.paths, folder.parent, DEFAULT_LIMITS)
    entry = cache.lookup(files, raw, folder.parent, DEFAULT_LIMITS)
    assert entry is not None
    return entry.path


def _payload(path: Path) -> Any:
    return marshal.loads(path.read_bytes()[_HEAD + 32 :])


def _plant(path: Path, payload: Any) -> None:
    """An entry with a checksum recomputed, as a forger would write it."""
    data = marshal.dumps(payload)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"guidelines-model cache\n" + hashlib.sha256(data).digest() + data)


def _without_title(content: Path) -> tuple[Path, Any]:
    """Cache the real 2013, then remove its title: the entry the broken files would have, and
    the valid entry's payload."""
    folder = content / "2013"
    load_edition(folder)
    payload = _payload(_entry_for(folder))
    meta = folder / "edition.yaml"
    lines = meta.read_text(encoding="utf-8").splitlines(keepends=True)
    meta.write_text("".join(x for x in lines if not x.startswith("title:")), encoding="utf-8")
    return _entry_for(folder), payload


def test_planted_entry_without_title_does_not_pass_validate(
    content_copy: Path, cache_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An entry planted for content missing its title, checksum recomputed, title dropped from
    its summary and its tree: validate still fails, and so does the load."""
    target, payload = _without_title(content_copy)
    summary, tree, marks, parts = payload
    summary = {k: v for k, v in summary.items() if k != "title"} | {"title": None}
    names = list(next(c for c in model_classes() if c.__name__ == "Edition").model_fields)
    tree = list(tree)
    tree[2 + names.index("title")] = None
    tree[1] = tuple(n for n in tree[1] if n != "title")
    _plant(target, (summary, tree, marks, parts))
    assert main(["validate", str(content_copy / "2013")]) == 1
    assert "title" in capsys.readouterr().err
    with pytest.raises(ContentError, match="title"):
        load_edition(content_copy / "2013")


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: (p[0] | {"values": "999"}, *p[1:]),
        lambda p: (p[0] | {"title": 5}, *p[1:]),
        lambda p: (p[0] | {"year": None}, *p[1:]),
        lambda p: ({}, *p[1:]),
        lambda p: ("x", *p[1:]),
    ],
    ids=["count-as-text", "title-number", "edition-without-year", "empty", "not-a-dict"],
)
def test_a_summary_of_the_wrong_shape_is_a_miss(
    content_copy: Path, cache_dir: Path, capsys: pytest.CaptureFixture[str], damage: Any
) -> None:
    """Wrong types in a summary: a miss (the files are loaded again, so list shows what they
    hold), never a TypeError or a planted value in list (finding 9)."""
    folder = content_copy / "2013"
    assert main(["--content", str(content_copy), "list"]) == 0
    expected = capsys.readouterr().out
    target = _entry_for(folder)
    _plant(target, damage(_payload(target)))
    assert main(["--content", str(content_copy), "list"]) == 0
    assert capsys.readouterr().out == expected


def _tree_damage(tree: list[Any], names: list[str]) -> list[Any]:
    tree = list(tree)
    tree[2 + names.index("year")] = "2013"
    return tree


def test_a_tree_of_the_wrong_shape_is_a_miss(
    content_copy: Path, cache_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stored model with a field of the wrong type is a miss, not a TypeError in export."""
    folder = content_copy / "2013"
    expected = load_edition(folder)
    target = _entry_for(folder)
    summary, tree, marks, parts = _payload(target)
    names = list(type(expected).model_fields)
    _plant(target, (summary, _tree_damage(tree, names), marks, parts))
    assert load_edition(folder) == expected
    assert load_edition(folder).year == 2013


def test_a_fifo_entry_is_skipped(content_copy: Path, cache_dir: Path) -> None:
    """A FIFO where the entry should be: the load does not hang and gives the edition."""
    folder = content_copy / "2013"
    target = _entry_for(folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(target)
    assert load_edition(folder).id == "2013"


def test_every_annotation_has_a_shape() -> None:
    """Each field of every model is checked on decoding (no annotation left unchecked)."""
    from guidelines_model.load import shape

    cache._models()
    assert not shape.UNCHECKED


def test_from_cache_checks_types() -> None:
    """A stored summary with a field of the wrong type is not a summary."""
    good = {
        "id": "x",
        "document": "edition",
        "kind": "peer-guidelines",
        "year": 2013,
        "title": "T",
        "values": 12,
        "items": 1,
        "supervisor_items": 0,
        "terms": 0,
        "nodes": 3,
        "derived_from": None,
    }
    assert from_cache(good) is not None
    assert from_cache(good | {"values": True}) is None
    assert from_cache(good | {"title": ""}) is None
    assert from_cache(good | {"derived_from": "2013"}) is None


def test_the_key_covers_the_code_and_the_versions() -> None:
    """The stamp holds the digest of the package's modules and the dependencies' versions."""
    assert len(cache._code_digest()) == 64
    stamp = cache.stamp()
    assert any(str(v).startswith("pydantic-2") for v in stamp[-1])
    assert any(str(v).startswith("pydantic_core-") for v in stamp[-1])
    assert any(str(v).startswith("ruamel.yaml-0") for v in stamp[-1])


def test_a_same_size_edit_of_a_module_changes_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A same-size edit with the time put back changes the code digest (was size + mtime)."""
    package = tmp_path / "guidelines_model"
    (package / "model").mkdir(parents=True)
    (package / "load").mkdir()
    module = package / "model" / "_walk.py"
    module.write_text("X = 1\n")
    fake = package / "load" / "cache.py"
    fake.write_text("")
    monkeypatch.setattr(cache, "__file__", str(fake))
    before = cache._code_digest()
    st = module.stat()
    module.write_text("X = 2\n")
    os.utime(module, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert cache._code_digest() != before


def test_stamp_costs_no_pydantic_import() -> None:
    """Working out the key imports neither pydantic nor importlib.metadata."""
    code = (
        "import sys; from guidelines_model.load import cache; cache.stamp(); "
        "print('pydantic' in sys.modules, 'importlib.metadata' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False"]


def test_a_symlinked_entry_is_skipped(content_copy: Path, cache_dir: Path) -> None:
    """An entry that is a link (the cache never writes one) is a miss, even to a valid entry."""
    folder = content_copy / "2013"
    expected = load_edition(folder)
    target = _entry_for(folder)
    elsewhere = target.parent / "elsewhere"
    target.rename(elsewhere)
    target.symlink_to(elsewhere)
    entry = cache.Entry(target)
    assert entry.summary() is None
    assert load_edition(folder) == expected

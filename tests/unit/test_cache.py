"""The load cache: faster loads that change nothing a user sees."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from guidelines_model import ContentError, load_edition, load_library
from guidelines_model.load import cache, loader
from guidelines_model.load.loader import parse_yaml


def _entries(where: Path) -> list[Path]:
    return sorted(where.glob("*.cache")) if where.is_dir() else []


def _error(folder: Path) -> str:
    with pytest.raises(ContentError) as info:
        load_edition(folder)
    return str(info.value)


def _same(a: Any, b: Any) -> None:
    """Equal, of the same types all the way down, with the same fields set."""
    assert type(a) is type(b)
    if isinstance(a, BaseModel):
        assert a.model_fields_set == b.model_fields_set
        assert list(a.__dict__) == list(b.__dict__)
        for k in a.__dict__:
            _same(a.__dict__[k], b.__dict__[k])
    elif isinstance(a, tuple):
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            _same(x, y)
    elif isinstance(a, dict):
        assert list(a) == list(b)
        for k in a:
            _same(a[k], b[k])
    else:
        assert a == b


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def counting(text: str, file: str, *args: Any) -> Any:
        calls.append(file)
        return parse_yaml(text, file, *args)

    monkeypatch.setattr(loader, "parse_yaml", counting)
    return calls


def test_a_cached_load_is_identical_and_parses_nothing(
    content_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same models (types, fields set), same origin; no file parsed the second time."""
    monkeypatch.setenv("GUIDELINES_CACHE", "0")
    expected = load_library(content_copy)
    monkeypatch.setenv("GUIDELINES_CACHE", "1")
    load_library(content_copy)
    assert len(_entries(cache_dir)) == len(expected.editions) + len(expected.derivatives)
    calls = _parses(monkeypatch)
    again = load_library(content_copy)
    assert calls == []
    for id_, doc in [*expected.editions.items(), *expected.derivatives.items()]:
        got = again.document(id_)
        _same(doc, got)
        assert doc.origin is not None
        assert got.origin is not None
        assert doc.origin.parts == got.origin.parts


def test_locations_are_shown_from_the_working_directory(
    content_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File names in locations follow the working directory of each load, cached or not."""
    load_library(content_copy)
    monkeypatch.chdir(content_copy.parent)
    loc = load_library(content_copy).edition("2013").locate("2013/voluntary/practice/3")
    assert str(loc) == "content/2013/values/01-voluntary.yaml:15:13"


def test_any_change_is_a_miss_even_with_the_same_size_and_time(
    content_copy: Path, cache_dir: Path
) -> None:
    """A same-length edit with the modification time put back is still seen."""
    load_edition(content_copy / "2013")
    path = content_copy / "2013/values/01-voluntary.yaml"
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Support choice", "Support CHOICE", 1), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert load_edition(content_copy / "2013").value("voluntary").practice.name == "Support CHOICE"


def test_a_broken_file_fails_the_same_way_every_time(
    content_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing is stored from a failed load: the error is the one the cache-free loader gives."""
    monkeypatch.chdir(content_copy.parent)
    load_edition(content_copy / "2013")
    path = content_copy / "2013/values/02-hopeful.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "key: [unclosed\n", encoding="utf-8")
    first = _error(content_copy / "2013")
    assert _error(content_copy / "2013") == first
    monkeypatch.setenv("GUIDELINES_CACHE", "0")
    assert _error(content_copy / "2013") == first
    assert first.startswith("content/2013/values/02-hopeful.yaml:")
    assert len(_entries(cache_dir)) == 1


def test_an_invalid_edition_is_never_stored(
    content_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that parses but does not validate fails identically on every load."""
    monkeypatch.chdir(content_copy.parent)
    path = content_copy / "2013/values/01-voluntary.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('  name: "Support choice"', "  name: [1]"), encoding="utf-8")
    first = _error(content_copy / "2013")
    assert _error(content_copy / "2013") == first
    assert first == (
        "content/2013/values/01-voluntary.yaml:8:9: practice.name: expected text (a string), got list"
    )
    assert not _entries(cache_dir)


def test_turned_off_by_the_environment(
    content_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GUIDELINES_CACHE=0 writes nothing."""
    monkeypatch.setenv("GUIDELINES_CACHE", "0")
    load_library(content_copy)
    assert not cache_dir.exists()


def test_never_inside_the_content_folder(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache folder inside the content folder is not used."""
    inside = content_copy / ".cache"
    monkeypatch.setenv("GUIDELINES_CACHE_DIR", str(inside))
    monkeypatch.setenv("GUIDELINES_CACHE", "1")
    load_library(content_copy)
    assert not inside.exists()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_folder_others_can_write_to_is_not_used(
    content_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries in a group- or world-writable folder could be planted: the cache is not used."""
    cache_dir.mkdir(mode=0o777)
    cache_dir.chmod(0o777)
    load_library(content_copy)
    assert not _entries(cache_dir)


def test_a_damaged_entry_is_ignored_and_replaced(
    content_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A truncated or altered entry fails its checksum: the files are loaded again."""
    expected = load_edition(content_copy / "2013")
    (entry,) = _entries(cache_dir)
    blob = entry.read_bytes()
    entry.write_bytes(blob[: len(blob) // 2])
    assert load_edition(content_copy / "2013") == expected
    entry.write_bytes(blob[:-1] + bytes([blob[-1] ^ 1]))
    assert load_edition(content_copy / "2013") == expected
    calls = _parses(monkeypatch)
    assert load_edition(content_copy / "2013") == expected
    assert calls == []
    assert not list(cache_dir.glob(".*.tmp"))


def _old_entries(cache_dir: Path, sizes: list[int]) -> list[str]:
    cache_dir.mkdir()
    names = []
    for i, size in enumerate(sizes):
        old = cache_dir / f"{i:040d}.cache"
        old.write_bytes(b"x" * size)
        os.utime(old, ns=(10**9 * (i + 1), 10**9 * (i + 1)))
        names.append(old.name)
    return names


def test_least_recently_used_entries_are_pruned(
    content_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past MAX_ENTRIES, the least recently used entries go first; a load counts as a use."""
    monkeypatch.setattr(cache, "MAX_ENTRIES", 4)
    load_edition(content_copy / "2013")
    (used,) = _entries(cache_dir)
    os.utime(used, ns=(0, 0))
    old = [f"{i:040d}.cache" for i in range(5)]
    for i, name in enumerate(old):
        (cache_dir / name).write_bytes(b"x")
        os.utime(cache_dir / name, ns=(10**9 * (i + 1), 10**9 * (i + 1)))
    load_edition(content_copy / "2013")  # a hit: touches its entry
    load_edition(content_copy / "2019_supervisors")  # a write: prunes
    names = [p.name for p in _entries(cache_dir)]
    assert len(names) == 3
    assert used.name in names
    assert old[4] in names
    assert old[0] not in names


def test_entries_are_pruned_by_size(
    content_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past MAX_BYTES, the oldest entries go until three quarters of it are left."""
    monkeypatch.setattr(cache, "MAX_BYTES", 1_000_000)
    names = _old_entries(cache_dir, [450_000, 450_000, 100_000])
    load_edition(content_copy / "2013")
    kept = [p.name for p in _entries(cache_dir)]
    assert names[0] not in kept
    assert names[1] in kept
    assert names[2] in kept

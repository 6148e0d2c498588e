"""Summaries (``guidelines list`` and ``validate``), the lazy package and ``load_editions``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import guidelines_model
from guidelines_model import (
    ContentError,
    Derivative,
    Edition,
    Library,
    NotFoundError,
    Summary,
    load_library,
    summarise,
    summarise_library,
)
from guidelines_model.library import load_editions
from guidelines_model.load import cache
from guidelines_model.load.loader import summarise_folder

ROOT = Path(__file__).resolve().parents[2]


def _expected(lib: Library) -> list[Summary]:
    docs: list[Edition | Derivative] = [*lib.editions.values(), *lib.derivatives.values()]
    return [summarise(d) for d in docs]


def test_summaries_of_the_real_content(library: Library) -> None:
    """Counts a trainer would check against the printed editions."""
    got = {s.id: s for s in summarise_library()}
    assert [s.id for s in summarise_library()] == ["2013", "who_2017", "2019_supervisors",
                                                   "training_module7"]  # fmt: skip
    assert (got["2013"].values, got["2013"].items, got["2013"].terms) == (12, 56, 5)
    assert (got["2019_supervisors"].supervisor_items, got["2019_supervisors"].terms) == (43, 12)
    assert got["training_module7"].document == "derivative"
    assert got["training_module7"].derived_from == "2013"
    assert got["2013"].nodes == sum(1 for _ in library.edition("2013").nodes())


@pytest.mark.parametrize("cached", [False, True])
def test_summaries_agree_with_the_loaded_library(
    content_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch, cached: bool
) -> None:
    """From the cache or from a fresh load, the same summaries as the loaded documents give."""
    monkeypatch.setenv("GUIDELINES_CACHE", "1" if cached else "0")
    expected = _expected(load_library(content_copy))
    assert summarise_library(content_copy) == expected
    assert summarise_library(content_copy) == expected  # the second time from the cache


def test_a_summary_follows_an_edit(content_copy: Path, cache_dir: Path) -> None:
    """An edited file is a cache miss: the summary is of the new content."""
    assert summarise_folder(content_copy / "2013").items == 56
    path = content_copy / "2013/values/01-voluntary.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + '    - n: 5\n      text: "An added item."\n', encoding="utf-8")
    assert summarise_folder(content_copy / "2013").items == 57


def test_broken_content_fails_as_the_loader_does(content_copy: Path, cache_dir: Path) -> None:
    """A summary is never made of content that does not validate: the loader's error comes."""
    summarise_library(content_copy)  # cache filled with the good content
    path = content_copy / "who_2017/values/03-open-minded.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("number: 3", "number: three", 1))
    with pytest.raises(ContentError) as got:
        summarise_library(content_copy)
    with pytest.raises(ContentError) as expected:
        load_library(content_copy)
    assert str(got.value) == str(expected.value)
    assert ":" in str(got.value).split()[0]  # file:line:column first


def test_a_damaged_summary_is_not_trusted(
    content_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry whose summary lacks a field is treated as a miss and the folder loaded again."""
    expected = summarise_folder(content_copy / "2013")
    monkeypatch.setattr(cache.Entry, "summary", lambda self: {"id": "2013"})
    assert summarise_folder(content_copy / "2013") == expected


def _fresh_python(code: str, env: dict[str, str]) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, cwd=ROOT
    )
    return proc.stdout


def test_list_and_validate_from_the_cache_never_import_pydantic(tmp_path: Path) -> None:
    """Unchanged content is answered from the cache without pydantic or any model."""
    env = {**os.environ, "GUIDELINES_CACHE": "1", "GUIDELINES_CACHE_DIR": str(tmp_path)}
    code = (
        "import sys, json, contextlib, io\n"
        "from guidelines_model.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    status = [main(['list']), main(['validate'])]\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'pydantic', 'deepdiff'})\n"
        "print(json.dumps([status, heavy, out.getvalue()]))\n"
    )
    first = json.loads(_fresh_python(code, env))  # a miss: loads, validates and stores
    second = json.loads(_fresh_python(code, env))
    assert first[0] == second[0] == [0, 0]
    assert "pydantic" in first[1]
    assert second[1] == []
    assert second[2] == first[2]
    assert "ok: 2019_supervisors (12 values, " in second[2]


def test_importing_the_package_is_light() -> None:
    """``import guidelines_model`` imports no pydantic; its names load on first use."""
    code = (
        "import sys, guidelines_model as g\n"
        "print('pydantic' in sys.modules)\n"
        "print(g.Edition.__name__, g.load_library.__module__, 'pydantic' in sys.modules)\n"
    )
    out = _fresh_python(code, dict(os.environ)).splitlines()
    assert out == ["False", "Edition guidelines_model.library True"]


def test_package_names() -> None:
    """Every name in ``__all__`` resolves, is listed by dir(), and others are AttributeErrors."""
    for name in guidelines_model.__all__:
        assert getattr(guidelines_model, name) is not None
    assert set(guidelines_model.__all__) <= set(dir(guidelines_model))
    with pytest.raises(AttributeError, match="no attribute 'Editon'"):
        _ = guidelines_model.Editon


def test_load_editions_loads_only_the_named(content_copy: Path) -> None:
    """Two editions compare even while a third is broken; the result is load_library's."""
    (content_copy / "who_2017/values/01-voluntary.yaml").write_text("{", encoding="utf-8")
    a, b = load_editions(["2013", "2019_supervisors"], content_copy)
    assert (a.id, b.id) == ("2013", "2019_supervisors")
    with pytest.raises(ContentError):
        load_library(content_copy)


def test_load_editions_finds_an_edition_in_a_folder_of_another_name(content_copy: Path) -> None:
    """Folder names are not ids: when the folder named as the id is not it, all are searched."""
    (content_copy / "2013").rename(content_copy / "first")
    [e] = load_editions(["2013"], content_copy)
    assert e.id == "2013"
    with pytest.raises(NotFoundError, match="no edition '2020'"):
        load_editions(["2020"], content_copy)
    with pytest.raises(NotFoundError):
        load_editions(["../content/first"], content_copy)


def test_a_miss_reads_each_file_once(
    content_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bytes read to look the folder up in the cache are the bytes validated."""
    from guidelines_model.load import read
    from guidelines_model.load.read import read_bytes

    reads: list[str] = []

    def counting(path: Path, *args: Any) -> bytes:
        reads.append(path.name)
        return read_bytes(path, *args)

    monkeypatch.setattr(read, "read_bytes", counting)
    summarise_folder(content_copy / "2013")
    assert reads
    assert len(reads) == len(set(reads))

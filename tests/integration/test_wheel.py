"""The built wheel carries its content: installed outside the checkout, it loads every edition."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from tests.fixtures.wheel import build_wheel, install_wheel

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel") / "dist")


def test_wheel_ships_content_sources_and_py_typed(wheel: Path) -> None:
    """The wheel holds py.typed, every content file and every source text."""
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "guidelines_model/py.typed" in names
    for rel in ROOT.joinpath("content").rglob("*.yaml"):
        assert (
            f"guidelines_model/_data/content/{rel.relative_to(ROOT / 'content').as_posix()}"
            in names
        )
    assert "guidelines_model/_data/sources/000_3a9a1a5a65c6128f.txt" in names


@pytest.mark.slow
def test_installed_wheel_loads_every_edition(wheel: Path, tmp_path: Path) -> None:
    """In a fresh venv, far from the checkout, the installed package loads and verifies 2013."""
    py = install_wheel(wheel, tmp_path / "venv")
    venv_dir = py.parents[1]
    code = (
        "import guidelines_model as g, pathlib; "
        "from guidelines_model.verify import verify; "
        "lib = g.load_library(); e = lib.edition('2013'); "
        f"assert g.__file__.startswith({str(venv_dir)!r}), g.__file__; "
        "print(len(e.values), sum(len(v.practice.items) for v in e.values), sorted(lib.editions), "
        "verify(e, lib.sources_root()).coverage)"
    )
    proc = subprocess.run(
        [str(py), "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "GUIDELINES_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "12 56 ['2013', '2019_supervisors', 'who_2017'] 1.0"


def test_wheel_ships_a_snapshot_of_every_document(wheel: Path) -> None:
    """One load-cache entry per edition and derivative, made when the wheel was built."""
    names = zipfile.ZipFile(wheel).namelist()
    snapshot = [n for n in names if n.startswith("guidelines_model/_data/snapshot/")]
    documents = [*ROOT.joinpath("content").glob("*/edition.yaml")]
    documents += ROOT.joinpath("content").glob("derivatives/*/derivative.yaml")
    assert len(snapshot) == len(documents)
    assert all(n.endswith(".cache") for n in snapshot)


#: The command, with the loader's parser replaced: a cache miss fails it, naming the file.
_NO_MISS = (
    "import sys\n"
    "import guidelines_model.load.loader as loader\n"
    "def miss(text, file, *args):\n"
    "    raise SystemExit(f'cache miss: {file}')\n"
    "loader.parse_yaml = miss\n"
    "from guidelines_model.cli import main\n"
    "raise SystemExit(main())\n"
)


@pytest.mark.slow
def test_the_first_commands_of_an_installed_wheel_are_answered_from_its_snapshot(
    wheel: Path, tmp_path: Path
) -> None:
    """In a fresh venv with an empty cache, list, validate and show load nothing: the snapshot
    answers them, with what the checkout prints without any cache. A changed file in a copy of
    the content is a miss."""
    py = install_wheel(wheel, tmp_path / "venv")
    env = {"PATH": "/usr/bin:/bin", "GUIDELINES_CACHE_DIR": str(tmp_path / "cache")}
    for args in (["list"], ["validate"], ["show", "2013", "voluntary"]):
        first = subprocess.run(
            [str(py), "-c", _NO_MISS, *args],
            capture_output=True,
            check=False,
            env=env,
            cwd=tmp_path,
        )
        assert first.returncode == 0, first.stderr
        plain = subprocess.run(
            [sys.executable, "-m", "guidelines_model", *args],
            capture_output=True,
            check=False,
            env={**env, "GUIDELINES_CACHE": "0"},
            cwd=tmp_path,
        )
        assert first.stdout == plain.stdout
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    unchanged = subprocess.run(
        [str(py), "-c", _NO_MISS, "--content", str(content), "show", "2013"],
        capture_output=True,
        check=False,
        env=env,
        cwd=tmp_path,
    )
    assert unchanged.returncode == 0, unchanged.stderr  # the same bytes, wherever they are
    meta = content / "who_2017" / "edition.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    changed = subprocess.run(
        [str(py), "-c", _NO_MISS, "--content", str(content), "validate"],
        capture_output=True,
        check=False,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert changed.returncode == 1
    assert "cache miss" in changed.stderr
    assert "who_2017" in changed.stderr

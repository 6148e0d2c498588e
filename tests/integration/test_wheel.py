"""The built wheel carries its content: installed outside the checkout, it loads every edition."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # The build backend's own PEP 517 hook: no pip needed (nox's uv environments have none).
    subprocess.run(
        [
            sys.executable,
            "-c",
            f"from hatchling.build import build_wheel; build_wheel({str(out)!r})",
        ],
        check=True,
        cwd=ROOT,
    )
    return next(out.glob("guidelines_model-*.whl"))


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
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)  # what pip does for a pure wheel
    # The dependencies come from the running environment, without the checkout's src on the path.
    (site / "_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    code = (
        "import guidelines_model as g, pathlib; "
        "from guidelines_model.verify import verify; "
        "lib = g.load_library(); e = lib.edition('2013'); "
        f"assert g.__file__.startswith({str(site)!r}), g.__file__; "
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

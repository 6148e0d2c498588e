"""The benchmarks keep working: the smallest run end to end, and a deterministic corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_synthetic_corpus_is_deterministic(tmp_path: Path) -> None:
    """Two generations give the same files, in the loader's layout (zero-padded value files)."""
    for out in ("a", "b"):
        subprocess.run(
            [
                sys.executable,
                str(SCRIPTS / "synthetic.py"),
                str(tmp_path / out),
                "--sizes",
                "12",
                "--libraries",
                "2",
            ],
            check=True,
            capture_output=True,
        )
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a == b
    assert "editions/v12/a/values/01-voluntary.yaml" in a
    assert "editions/v12/b/edition.yaml" in a
    assert "libraries/e2/synthetic_0002/edition.yaml" in a


@pytest.mark.slow
def test_quick_bench_runs_and_saves_its_results(tmp_path: Path) -> None:
    """``bench.py --quick`` measures every group and saves results with machine information."""
    proc = subprocess.run(
        [
            sys.executable,
            str(SCRIPTS / "bench.py"),
            "--quick",
            "--out",
            str(tmp_path),
            "--repeat",
            "1",
            "--cold-runs",
            "1",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    saved = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    groups = {r["group"] for r in saved["results"]}
    assert {"load edition", "load edition (cached)", "check", "diff", "export json"} <= groups
    assert {"export markdown", "cold start", "cold start (cached)"} <= groups
    assert saved["machine_before"]["python"] == sys.version.split()[0]
    assert all(r["median"] > 0 for r in saved["results"])
    assert any(t["target"] == "cold start: guidelines list" for t in saved["targets"])
    assert "ratio" in proc.stdout

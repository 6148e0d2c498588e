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
    assert {"check command", "fmt --check (cold)", "fmt --check (warm)"} <= groups
    assert saved["machine_before"]["python"] == sys.version.split()[0]
    assert all(r["median"] > 0 for r in saved["results"])
    assert any(t["target"] == "cold start: guidelines list" for t in saved["targets"])
    assert "ratio" in proc.stdout


def test_scale_targets_are_judged_at_10000(monkeypatch: pytest.MonkeyPatch) -> None:
    """check at 10,000 values against 3 s and its growth from 1,000 against 12x; fmt --check
    over 10,000 files against 30 s cold and 10 s warm; smaller runs are judged on nothing."""
    monkeypatch.syspath_prepend(str(SCRIPTS))
    import bench
    from benchmarks import Result

    results = [
        Result("check command", "1000 values", 1000, [0.2]),
        Result("check command", "10000 values", 10000, [2.9]),
        Result("fmt --check (cold)", "10000 files", 10000, [31.0]),
        Result("fmt --check (warm)", "10000 files", 10000, [4.0]),
        Result("fmt --check (warm)", "12 files", 12, [0.1]),
    ]
    rows = {t["target"]: (t["value"], t["met"]) for t in bench.targets(results)}
    assert rows == {
        "check command: 10000 values": (2.9, True),
        "check command: growth 1000 -> 10000 values": (pytest.approx(14.5), False),
        "fmt --check (cold): 10000 files": (31.0, False),
        "fmt --check (warm): 10000 files": (4.0, True),
    }

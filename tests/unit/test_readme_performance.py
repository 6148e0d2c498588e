"""The README's Performance numbers come from the benchmarks' results, never by hand."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import readme_performance as rp  # noqa: E402

sys.path.remove(str(ROOT / "scripts"))


def _result(group: str, case: str, ours: list[float], ref: list[float]) -> dict[str, Any]:
    median, ref_median = sorted(ours)[len(ours) // 2], sorted(ref)[len(ref) // 2]
    return {
        "group": group,
        "case": case,
        "size": 0,
        "ours": ours,
        "reference": "import floor",
        "ref": ref,
        "unit": "s",
        "note": "",
        "median": median,
        "ref_median": ref_median,
        "ratio": median / ref_median,
        "step": "cold",
        "measured": "2026-11-30 15:00 UTC",
    }


RESULTS: dict[str, Any] = {
    "machine_after": {
        "python": "3.11.7",
        "cpus": 2,
        "cpu": "Test CPU",
        "packages": {"pydantic": "2.11.0", "ruamel.yaml": "0.18.10", "deepdiff": "8"},
    },
    "results": [
        _result("cold start (cached)", "guidelines check", [0.081, 0.08, 0.09], [0.2, 0.19, 0.21]),
        _result("cold start", "guidelines check", [0.9, 0.8, 1.0], [0.2, 0.19, 0.21]),
        _result("cold start", "guidelines list", [0.4, 0.39, 0.41], [0.2, 0.19, 0.21]),
    ],
    "targets": [
        {
            "target": "cold start (cached): guidelines check",
            "goal": "<= 1.0x floor",
            "value": 0.4,
            "unit": "s",
            "met": True,
        },
        {
            "target": "diff: 10000 values",
            "goal": "< 0.5 s",
            "value": 0.61,
            "unit": "s",
            "met": False,
        },
        {
            "target": "peak RSS: 10000 values",
            "goal": "< 400 MB",
            "value": 217.4,
            "unit": "MB",
            "met": True,
        },
    ],
}


def test_the_section_shows_every_target_with_its_value_and_verdict() -> None:
    text = rp.section(RESULTS)
    assert "2 cores (Test CPU), Python 3.11.7, pydantic 2.11.0, ruamel.yaml 0.18.10." in text
    assert "| cold start (cached): guidelines check | 0.40x | <= 1.0x floor | met |" in text
    assert "| diff: 10000 values | 610 ms | < 0.5 s | **missed** |" in text
    assert "| peak RSS: 10000 values | 217 MB | < 400 MB | met |" in text
    assert "Groups measured: cold on 2026-11-30 15:00 UTC." in text


def test_the_section_shows_each_command_warm_and_off_against_the_floor() -> None:
    text = rp.section(RESULTS)
    assert "median of 3 runs" in text
    assert "| import floor | 200 ms | 1.00x | 200 ms | 1.00x |" in text
    assert "| `guidelines check` | 81 ms | 0.40x | 900 ms | 4.50x |" in text
    assert "| `guidelines list` | - | - | 400 ms | 2.00x |" in text


def test_the_quick_start_timing_is_a_row_when_measured() -> None:
    first = {"command": "x", "seconds": [20.0, 9.5], "best": 9.5, "target": 15.0}
    assert "| Quick start, first command from a new clone | 9.5 s | < 15 s | met |" in rp.section(
        RESULTS, first
    )


def test_rewrite_replaces_only_what_lies_between_the_markers() -> None:
    readme = f"# T\n\n## Performance\n\nprose\n\n{rp.START}\nold numbers\n{rp.END}\n\n## Next\n"
    new = rp.rewrite(readme, "new numbers\n")
    assert (
        new == f"# T\n\n## Performance\n\nprose\n\n{rp.START}\nnew numbers\n{rp.END}\n\n## Next\n"
    )
    assert rp.rewrite(new, "new numbers\n") == new
    with pytest.raises(ValueError, match="performance:start"):
        rp.rewrite("# no markers\n", "x")


def test_the_readme_has_the_generated_section_in_performance() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    performance = readme[readme.index("## Performance\n") :]
    performance = performance[: performance.index("\n## ", 1)]
    assert rp.START in performance
    assert rp.END in performance
    assert performance.index(rp.START) < performance.index(rp.END)


def test_main_rewrites_a_readme_from_a_results_file(tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    results.write_text(json.dumps(RESULTS), encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text(f"## Performance\n\n{rp.START}\n{rp.END}\n", encoding="utf-8")
    args = ["--results", str(results), "--readme", str(readme)]
    args += ["--first-run", str(tmp_path / "none.json")]
    assert rp.main([*args, "--check"]) == 1  # out of date
    assert rp.main(args) == 0
    assert rp.main([*args, "--check"]) == 0
    assert "| peak RSS: 10000 values | 217 MB |" in readme.read_text(encoding="utf-8")
    assert rp.main(["--results", str(tmp_path / "missing.json"), "--readme", str(readme)]) == 1

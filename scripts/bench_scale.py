"""The scale benchmarks of ``scripts/bench.py``: ``guidelines check`` on one synthetic edition
of 1,000 and 10,000 values, and ``guidelines fmt --check`` over 10,000 value files, each as a
whole process.

``check`` runs with the load cache warm (an untimed run first), on a content folder holding the
one edition (its texts are not in the sources: every sentence is a GM501 miss, the dearest
case). ``fmt --check`` runs over value files already canonical (formatted once, kept beside
the corpus), cold (an empty cache folder: no skip cache) and warm (its skip cache written by
the run before).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks import Result, _guidelines, _wall, cold_env
from synthetic import Corpus, _generate

#: Targets of issue #18.
CHECK_SECONDS = 3.0
CHECK_GROWTH = 12.0
FMT_COLD_SECONDS = 30.0
FMT_WARM_SECONDS = 10.0


def _one_edition(corpus: Corpus, n: int) -> Path:
    """A content folder holding only the first edition of the ``n``-value pair."""
    folder = corpus.root / "scale" / f"check-v{n}"
    _generate(folder, lambda tmp: shutil.copytree(corpus.pairs[n][0], tmp / "a"))
    return folder


def _canonical_values(corpus: Corpus, n: int) -> Path:
    """The ``n`` value files of the first edition, formatted once by ``guidelines fmt``."""
    from guidelines_model.write.fmt import format_files

    folder = corpus.root / "scale" / f"fmt-v{n}"

    def write(tmp: Path) -> None:
        shutil.copytree(corpus.pairs[n][0] / "values", tmp / "values")
        format_files([tmp / "values"], check=False)

    _generate(folder, write)
    return folder / "values"


#: ``guidelines`` in a fresh process whose command line is passed to ``main`` as an argument:
#: the load cache is used, the answers cache is not (it answers only the program's own command
#: line), so the check itself is timed, not the replay of its last answer.
_UNREPLAYED = "import sys; from guidelines_model.cli import main; sys.exit(main(sys.argv[1:]))"


def check_command(corpus: Corpus, cache_dir: Path, repeat: int) -> list[Result]:
    """``guidelines check`` of one edition at each size, the load cache warm, no answer
    replayed."""
    env = cold_env(cache_dir, cache=True)
    out = []
    for n in sorted(corpus.pairs):
        edition = str(_one_edition(corpus, n))
        cmd = [sys.executable, "-c", _UNREPLAYED, "--content", edition, "check"]
        _wall(cmd, env)  # the load cache (and bytecode) warm
        runs = [_wall(cmd, env) for _ in range(min(repeat, 3) if n >= 10_000 else repeat)]
        out.append(Result("check command", f"{n} values", n, runs, note="load cache warm"))
    return out


def fmt_check(corpus: Corpus, cache_dir: Path, repeat: int) -> list[Result]:
    """``guidelines fmt --check`` over the value files of the largest edition, cold and warm."""
    n = max(corpus.pairs)
    values = _canonical_values(corpus, n)
    files = len(list(values.glob("*.yaml")))
    cmd = [*_guidelines(), "fmt", "--check", str(values)]
    cold: list[float] = []
    warm: list[float] = []
    for _ in range(1 if n >= 10_000 else repeat):
        with tempfile.TemporaryDirectory(prefix="fmt-skip-") as tmp:
            env = cold_env(cache_dir, cache=True)
            env["GUIDELINES_CACHE_DIR"] = tmp  # no skip cache yet
            cold.append(_wall(cmd, env))
            warm += [_wall(cmd, env) for _ in range(repeat)]
    note = f"{files} files"
    return [
        Result("fmt --check (cold)", f"{files} files", files, cold, note=note),
        Result("fmt --check (warm)", f"{files} files", files, warm, note=note + ", skip cache"),
    ]


def scale_targets(results: list[Result], add: Any) -> None:
    """The targets of the scale rows: check <= 3 s at 10,000 values, growing <= 12x from 1,000;
    fmt --check over 10,000 files <= 30 s cold and <= 10 s warm."""
    checks = {r.size: r for r in results if r.group == "check command"}
    big = checks.get(10_000)
    if big is not None:
        add(
            "check command: 10000 values",
            big,
            big.median,
            f"<= {CHECK_SECONDS:.0f} s",
            big.median <= CHECK_SECONDS,
        )
        small = checks.get(1_000)
        if small is not None:
            growth = big.median / small.median
            add(
                "check command: growth 1000 -> 10000 values",
                big,
                growth,
                f"<= {CHECK_GROWTH:.0f}x",
                growth <= CHECK_GROWTH,
            )
    for group, limit in (
        ("fmt --check (cold)", FMT_COLD_SECONDS),
        ("fmt --check (warm)", FMT_WARM_SECONDS),
    ):
        for r in results:
            if r.group == group and r.size >= 10_000:
                add(f"{group}: {r.case}", r, r.median, f"<= {limit:.0f} s", r.median <= limit)

"""Benchmarks, each beside its reference: ``python scripts/bench.py`` (``nox -s bench``).

Generates (or reuses) a synthetic corpus under ``build/bench/corpus/``, then measures loading,
checks, diff and exports at each size and cold starts of the CLI on the real content. Prints
the results as ratios and growth factors, then every target as met or not, and saves it all
with machine information to ``build/bench/results.json``.

Options: ``--quick`` (smallest sizes, few runs), ``--sizes 12,1000,10000`` (values per
edition), ``--libraries 1,100,1000`` (editions per library), ``--repeat N``, ``--cold-runs N``,
``--only GROUPS`` (load,check,diff,export,cold,memory,long,install,fmt), ``--out DIR``.
``cold`` runs each command on the real content as a fresh process beside the import floor,
with the caches warm and off; ``install`` builds the wheel and times the first command after
installing it into a fresh environment; ``fmt`` times ``fmt --check`` cold and warm. With
``--only``, the results of the groups not run are kept from the previous ``results.json``
(each with the time it was measured). ``long`` runs ``diff`` and ``check`` on the real content
with one text at ``Limits.max_text_chars`` on both
sides (reworded 10 %), beside the real content: under 2 s and 300 MB more.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import bench_scale
import benchmarks as bm
from synthetic import ROOT, corpus

from guidelines_model import Edition

GROUPS = ("load", "check", "diff", "export", "cold", "memory", "long", "install", "fmt")


def _ints(text: str) -> list[int]:
    return sorted({int(x) for x in text.split(",") if x.strip()})


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--quick", action="store_true", help="smallest sizes only, few runs")
    p.add_argument("--sizes", type=_ints, default=None, help="values per edition (12,1000,10000)")
    p.add_argument(
        "--libraries", type=_ints, default=None, help="editions per library (1,100,1000)"
    )
    p.add_argument("--repeat", type=int, default=None, help="timed runs of each benchmark (5)")
    p.add_argument("--cold-runs", type=int, default=None, help="runs of each command (21)")
    p.add_argument("--only", default=",".join(GROUPS), help="groups to run: " + ",".join(GROUPS))
    p.add_argument("--out", type=Path, default=ROOT / "build" / "bench", help="output folder")
    args = p.parse_args(argv)
    quick = args.quick
    args.sizes = args.sizes or ([12] if quick else [12, 1000, 10000])
    args.libraries = args.libraries or ([1] if quick else [1, 100, 1000])
    args.repeat = args.repeat or (2 if quick else 5)
    args.cold_runs = args.cold_runs or (2 if quick else 21)
    args.only = [g for g in args.only.split(",") if g]
    unknown = set(args.only) - set(GROUPS)
    if unknown:
        p.error(f"unknown groups: {', '.join(sorted(unknown))}")
    return args


# --- targets -----------------------------------------------------------------------------------


def _find(results: list[bm.Result], group: str, case: str) -> bm.Result | None:
    return next((r for r in results if r.group == group and r.case == case), None)


#: The size the diff, export and memory targets are set at.
TARGET_SIZE = 10_000


def targets(results: list[bm.Result]) -> list[dict[str, object]]:
    """Every target of the issue that this run measured: value, reference, ratio, met."""
    rows: list[dict[str, object]] = []

    def add(what: str, r: bm.Result | None, value: float | None, goal: str, met: bool) -> None:
        if r is not None and value is not None:
            ref = r.ref_median
            rows.append(
                {
                    "target": what,
                    "goal": goal,
                    "value": value,
                    "unit": r.unit,
                    "reference": r.reference,
                    "ref": ref,
                    "met": met,
                }
            )

    for cmd, limit in (("list", 1.5), ("validate", 1.5), ("diff 2013 2019_supervisors", 2.5)):
        r = _find(results, "cold start", f"guidelines {cmd}")
        ratio = r.ratio if r else None
        add(
            f"cold start: guidelines {cmd}",
            r,
            ratio,
            f"<= {limit}x floor",
            ratio is not None and ratio <= limit,
        )
    _unchanged_targets(results, add)
    for r in results:
        if r.group.startswith("load") and r.ratio is not None:
            add(f"{r.group}: {r.case}", r, r.ratio, "<= 1.3x parse", r.ratio <= 1.3)
    for group in sorted({r.group for r in results if r.group.startswith("load")}):
        for (a, b), (n1, n2) in _steps(results, group):
            excess = (b.median / a.median) / (n2 / n1)
            floor = f"{(b.ref_median or 0) / (a.ref_median or 1) / (n2 / n1):.2f}"
            what = f"{group}: linear {n1} -> {n2} (bare parse: {floor})"
            add(what, b, excess, "time x / size x <= 1.25", excess <= 1.25)
    big = f"{TARGET_SIZE} values"
    r = _find(results, "diff", big)
    if r is not None and r.ref_median:
        add(f"diff: {big}", r, r.median, "< 0.5 s", r.median < 0.5)
        speedup = r.ref_median / r.median
        add(f"diff: {big} vs DeepDiff", r, speedup, "> 15x faster", speedup > 15)
    for group, limit in (("export json", 0.3), ("export markdown", 1.0)):
        r = _find(results, group, big)
        if r is not None:
            add(f"{group}: {big}", r, r.median, f"< {limit} s", r.median < limit)
    _long_text_targets(results, add)
    bench_scale.scale_targets(results, add)
    for group in ("peak RSS", "peak RSS (cached)"):
        r = _find(results, group, big)
        if r is not None:
            add(f"{group}: {big}", r, r.median, "< 400 MB", r.median < 400)
    return rows


#: Commands on unchanged content (every cache warm), each at most the import floor (#18).
UNCHANGED = (
    "list",
    "validate",
    "show 2013 voluntary",
    "diff 2013 2019_supervisors",
    "diff 2013 2019_supervisors --format json",
    "verify-sources",
    "check",
)


def _unchanged_targets(results: list[bm.Result], add: Any) -> None:
    """Each command on unchanged content, and the first command after installing the wheel
    into a fresh environment: at most 1.0x the import floor."""
    found = [(f"cold start (cached): guidelines {c}", "cold start (cached)", c) for c in UNCHANGED]
    found.append((f"{bm.INSTALL_GROUP}: guidelines list", bm.INSTALL_GROUP, "list"))
    for what, group, cmd in found:
        r = _find(results, group, f"guidelines {cmd}")
        ratio = r.ratio if r else None
        add(what, r, ratio, "<= 1.0x floor", ratio is not None and ratio <= 1.0)


def _long_text_targets(results: list[bm.Result], add: Any) -> None:
    """One text at the length limit: diff and check under 2 s, under 300 MB more memory."""
    for r in results:
        if r.group == "long text":
            add(r.case, r, r.median, "< 2 s", r.median < 2.0)
        if r.group == "long text RSS" and r.ref_median is not None:
            extra = r.median - r.ref_median
            add(f"{r.case}: RSS over the real content", r, extra, "< 300 MB", extra < 300)


def _max_text_chars() -> int:
    from guidelines_model.load.limits import DEFAULT_LIMITS

    return DEFAULT_LIMITS.max_text_chars


def _steps(
    results: list[bm.Result], group: str
) -> Iterator[tuple[tuple[bm.Result, bm.Result], tuple[int, int]]]:
    rs = sorted((r for r in results if r.group == group), key=lambda r: r.size)
    for a, b in itertools.pairwise(rs):
        if a.median > 0 and a.size:
            yield (a, b), (a.size, b.size)


# --- output ------------------------------------------------------------------------------------


def _fmt(value: float | None, unit: str = "s") -> str:
    if value is None:
        return "-"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def table(results: list[bm.Result]) -> str:
    """Results as a plain-text table: median, reference, ratio, growth from the previous size."""
    rows = [("benchmark", "size", "ours", "reference", "ref", "ratio", "growth", "note")]
    growth: dict[int, str] = {}
    for group in dict.fromkeys(r.group for r in results):
        for (a, b), (n1, n2) in _steps(results, group):
            growth[id(b)] = f"{b.median / a.median:.1f}x for {n2 / n1:.0f}x"
    for r in results:
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "-"
        rows.append(
            (
                r.group,
                r.case,
                _fmt(r.median, r.unit),
                r.reference or "-",
                _fmt(r.ref_median, r.unit),
                ratio,
                growth.get(id(r), ""),
                r.note,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )


def target_table(rows: list[dict[str, object]]) -> str:
    lines = []
    for t in rows:
        unit = str(t["unit"])
        value = float(t["value"])  # type: ignore[arg-type]
        shown = f"{value:.2f}" if "x" in str(t["goal"]) else _fmt(value, unit)
        mark = "met" if t["met"] else "MISSED"
        lines.append(f"{mark:6s}  {t['target']}: {shown} (goal {t['goal']})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    start = time.perf_counter()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    cache_dir = out / "cache"
    os.environ["GUIDELINES_CACHE_DIR"] = str(cache_dir / "load")
    print(f"corpus: sizes {args.sizes}, libraries {args.libraries} ...", flush=True)
    c = corpus(out / "corpus", args.sizes, args.libraries)
    results: list[bm.Result] = []
    info = {"machine_before": bm.machine()}
    memo: dict[int, tuple[Edition, Edition]] = {}

    def pairs() -> dict[int, tuple[Edition, Edition]]:
        if not memo:
            memo.update(bm.loaded(c))
        return memo

    steps = {
        "load": lambda: bm.loading(c, args.repeat),
        "check": lambda: [
            *bm.checking(c, pairs(), args.repeat),
            *bench_scale.check_command(c, cache_dir, args.repeat),
        ],
        "diff": lambda: bm.diffing(pairs(), args.repeat),
        "export": lambda: bm.exporting(pairs(), args.repeat),
        "cold": lambda: bm.cold_start(args.cold_runs, cache_dir),
        "memory": lambda: bm.memory(c, cache_dir),
        "long": lambda: bm.long_texts(out, cache_dir, min(args.cold_runs, 5), _max_text_chars()),
        "install": lambda: bm.first_install(min(args.cold_runs, 11), out),
        "fmt": lambda: bench_scale.fmt_check(c, cache_dir, min(args.repeat, 3)),
    }
    step_of: dict[int, str] = {}
    for name in GROUPS:
        if name in args.only:
            print(f"running {name} ...", flush=True)
            for r in steps[name]():
                step_of[id(r)] = name
                results.append(r)
    measured = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    kept = _kept(out / "results.json", args.only)
    print()
    print(table(results))
    every = results + [r for r, _, _ in kept]
    rows = targets(every)
    print()
    print(target_table(rows))
    payload = {
        **info,
        "machine_after": bm.machine(),
        "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "seconds": time.perf_counter() - start,
        "results": [
            *(r.as_json() | {"step": step_of[id(r)], "measured": measured} for r in results),
            *(r.as_json() | {"step": step, "measured": when} for r, step, when in kept),
        ],
        "targets": rows,
    }
    target = out / "results.json"
    target.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"\nsaved {target} ({payload['seconds']:.0f} s)")
    return 0


def _kept(previous: Path, run: list[str]) -> list[tuple[bm.Result, str, str]]:
    """The results of an earlier run (``results.json``) of the groups not run this time: each
    result, its group of the command line, and when it was measured."""
    try:
        saved = json.loads(previous.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    names = set(bm.Result.__dataclass_fields__)
    out = []
    for row in saved.get("results", []):
        step = row.get("step")
        if step in GROUPS and step not in run:
            r = bm.Result(**{k: v for k, v in row.items() if k in names})
            out.append((r, step, str(row.get("measured", "earlier"))))
    return out


if __name__ == "__main__":
    sys.exit(main())

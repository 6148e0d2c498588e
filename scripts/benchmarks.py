"""The measurements of ``scripts/bench.py``: each benchmark timed beside its reference.

In-process benchmarks run ours and the reference in turn, round after round, so that both see
the same machine; cold starts are subprocesses. Times are seconds, memory megabytes.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from synthetic import ROOT, Corpus, long_text_content, yaml_files
from tests.fixtures.wheel import build_wheel, install_wheel

from guidelines_model import Edition, Library, load_edition, load_library

#: Checks that need no source texts: every rule but GM501 source-fidelity.
STRUCTURAL = ("GM1", "GM2", "GM3", "GM4")
#: A benchmark expected to take longer than this (from its growth so far) is not run.
BUDGET = 120.0


@dataclass
class Result:
    """One benchmark at one size, with its reference measured in the same run."""

    group: str
    case: str
    size: int
    ours: list[float]
    reference: str = ""
    ref: list[float] = field(default_factory=list)
    unit: str = "s"
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.ours)

    @property
    def ref_median(self) -> float | None:
        return statistics.median(self.ref) if self.ref else None

    @property
    def ratio(self) -> float | None:
        ref = self.ref_median
        return self.median / ref if ref else None

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(median=self.median, ref_median=self.ref_median, ratio=self.ratio)
        return out


def _run(fn: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def rounds(
    fns: dict[str, Callable[[], object]], repeat: int, warm: bool = True
) -> dict[str, list[float]]:
    """Times of each function, run in turn round after round (after an untimed warm-up)."""
    for fn in fns.values() if warm else ():
        fn()
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            times[name].append(_run(fn))
    return times


def parse_floor(files: list[Path]) -> Callable[[], object]:
    """The bare parse of the same files with ruamel.yaml's safe C loader."""
    from ruamel.yaml import YAML

    def run() -> list[Any]:
        yaml = YAML(typ="safe", pure=False)
        return [yaml.load(f.read_bytes()) for f in files]

    return run


def cached(enabled: bool, fn: Callable[[], object]) -> Callable[[], object]:
    """``fn`` with the load cache on or off (``GUIDELINES_CACHE``)."""

    def run() -> object:
        saved = os.environ.get("GUIDELINES_CACHE")
        os.environ["GUIDELINES_CACHE"] = "1" if enabled else "0"
        try:
            return fn()
        finally:
            if saved is None:
                del os.environ["GUIDELINES_CACHE"]
            else:
                os.environ["GUIDELINES_CACHE"] = saved

    return run


def load_case(kind: str, folder: Path, runs: int) -> dict[str, list[float]]:
    """Times of one load case: the bare parse, ours without the cache, ours from it."""
    load = partial(load_edition if kind == "edition" else load_library, folder)
    fns = {"parse": parse_floor(yaml_files(folder)), "ours": cached(False, load)}
    fns["cached"] = cached(True, load)
    return rounds(fns, runs)


def loading(corpus: Corpus, repeat: int) -> list[Result]:
    """Load + validate, without the cache and from it, beside the bare parse of the files.

    Each case runs in a fresh process: the heap left by a 10,000-value edition would slow the
    next case down by a third and hide how loading grows.
    """
    cases = [("edition", n, a) for n, (a, _) in corpus.pairs.items()]
    cases += [("library", n, lib) for n, lib in corpus.libraries.items()]
    out: list[Result] = []
    for kind, n, folder in cases:
        files = len(yaml_files(folder))
        runs = 1 if files > 5000 else repeat
        proc = subprocess.run(
            [sys.executable, __file__, "load-case", kind, str(folder), str(runs)],
            capture_output=True,
            text=True,
            check=True,
        )
        t = json.loads(proc.stdout)
        label = f"{n} values" if kind == "edition" else f"{n} editions"
        note = f"{files} files"
        for name, group in (("ours", f"load {kind}"), ("cached", f"load {kind} (cached)")):
            out.append(Result(group, label, n, t[name], "bare parse", t["parse"], note=note))
    return out


def _checks(
    lib: Library, select: tuple[str, ...], ignore: tuple[str, ...] = ()
) -> Callable[[], object]:
    from guidelines_model.checks import run_checks

    return partial(run_checks, lib, select=select, ignore=ignore)


def checking(
    corpus: Corpus, editions: dict[int, tuple[Edition, Edition]], repeat: int
) -> list[Result]:
    """run_checks with the structural checks (all but GM501, which needs the source texts).

    Libraries are measured without GM301 duplicate-id, and GM301 on its own: it counts every
    id of the library for each document, so it grows with the square of the library.
    """
    from guidelines_model.checks import run_checks

    out = []
    for n, (a, _) in editions.items():
        lib = Library({a.id: a}, {}, corpus.root)
        start = time.perf_counter()
        found = len(run_checks(lib, select=STRUCTURAL).findings)
        first = time.perf_counter() - start
        times = (
            [first] if n >= 10_000 else rounds({"ours": _checks(lib, STRUCTURAL)}, repeat)["ours"]
        )
        out.append(Result("check", f"{n} values", n, times, note=f"{found} findings"))
    previous: tuple[int, float] | None = None
    for n, folder in corpus.libraries.items():
        lib = load_library(folder)
        t = rounds({"ours": _checks(lib, STRUCTURAL, ("GM3",))}, 1 if n >= 1000 else repeat)
        out.append(Result("check library (no GM301)", f"{n} editions", n, t["ours"]))
        if previous is not None:
            estimate = previous[1] * (n / previous[0]) ** 2
            if estimate > BUDGET:
                out.append(
                    Result(
                        "check library GM301",
                        f"{n} editions (estimate)",
                        n,
                        [estimate],
                        note=f"not run: about {estimate:.0f} s (square growth)",
                    )
                )
                continue
        t = rounds({"ours": _checks(lib, ("GM3",))}, 1 if n >= 100 else repeat, warm=n < 100)
        if n >= 10:
            previous = (n, statistics.median(t["ours"]))
        out.append(Result("check library GM301", f"{n} editions", n, t["ours"]))
    return out


def diffing(editions: dict[int, tuple[Edition, Edition]], repeat: int) -> list[Result]:
    """diff(a, b) against DeepDiff(ignore_order=True) on the dumps of the same pair.

    DeepDiff runs once at 10,000 values (about 15 s).
    """
    from deepdiff import DeepDiff

    from guidelines_model.diff import diff

    out = []
    for n, (a, b) in editions.items():
        da, db = a.model_dump(exclude={"id"}), b.model_dump(exclude={"id"})
        ours = rounds({"ours": partial(diff, a, b)}, repeat)["ours"]
        runs = 1 if n >= 10_000 else repeat
        ref = [_run(partial(DeepDiff, da, db, ignore_order=True)) for _ in range(runs)]
        changes = len([c for c in diff(a, b).changes if c.kind.value != "unchanged"])
        note = f"{changes} changes; DeepDiff runs: {runs}"
        out.append(
            Result("diff", f"{n} values", n, ours, "DeepDiff(ignore_order=True)", ref, note=note)
        )
    return out


def exporting(editions: dict[int, tuple[Edition, Edition]], repeat: int) -> list[Result]:
    """JSON and Markdown exports; JSON beside pydantic's own model_dump_json."""
    from guidelines_model.export.json import to_json
    from guidelines_model.export.markdown import to_markdown

    out = []
    for n, (a, _) in editions.items():
        t = rounds(
            {
                "json": partial(to_json, a),
                "dump": partial(a.model_dump_json, indent=2),
                "markdown": partial(to_markdown, a),
            },
            repeat,
        )
        out.append(Result("export json", f"{n} values", n, t["json"], "model_dump_json", t["dump"]))
        out.append(Result("export markdown", f"{n} values", n, t["markdown"]))
    return out


FLOOR = "from pydantic import BaseModel; import ruamel.yaml"
#: The floor plus what pydantic costs the first time any model validates (pydantic.fields with
#: annotated_types, the plugin loader with importlib.metadata, a core schema): what a cache miss
#: pays before our own code runs.
FIRST_USE = (
    "from pydantic import BaseModel, Field\nimport ruamel.yaml\n"
    "class M(BaseModel):\n    x: str = Field(min_length=1)\n"
    "M.model_validate({'x': 'a'})"
)
COMMANDS: dict[str, list[str]] = {
    "list": ["list"],
    "validate": ["validate"],
    "show": ["show", "2013", "voluntary"],
    "check": ["check"],
    "verify-sources": ["verify-sources"],
    "export": ["export", "2013", "--format", "json"],
    "diff": ["diff", "2013", "2019_supervisors"],
    "diff json": ["diff", "2013", "2019_supervisors", "--format", "json"],
}


def _guidelines() -> list[str]:
    script = Path(sys.executable).with_name("guidelines")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "guidelines_model"]


def _wall(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def cold_env(cache_dir: Path, cache: bool) -> dict[str, str]:
    """The environment of a cold-start run: bytecode cached (as after any install), the load
    cache in ``cache_dir``, on or off."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache_dir / "pycache")
    env["GUIDELINES_CACHE_DIR"] = str(cache_dir / "load")
    env["GUIDELINES_CACHE"] = "1" if cache else "0"
    return env


def cold_start(runs: int, cache_dir: Path) -> list[Result]:
    """Each command on the real content as a fresh process, beside the import floor.

    With the load cache warm (any run after the first on unchanged content) and turned off
    (the first run, or the edition a commit changed).
    """
    floor_cmd = [sys.executable, "-c", FLOOR]
    first_use = "python: one pydantic model validated"
    out = []
    for cache in (True, False):
        env = cold_env(cache_dir, cache)
        cmds = {
            f"guidelines {' '.join(args)}": [*_guidelines(), *args] for args in COMMANDS.values()
        }
        if not cache:  # a reference for a cache miss, interleaved with the rest
            cmds[first_use] = [sys.executable, "-c", FIRST_USE]
        times: dict[str, list[float]] = {case: [] for case in cmds}
        floor: list[float] = []
        _wall(floor_cmd, env)
        for cmd in cmds.values():  # bytecode, OS file cache and load cache warm
            _wall(cmd, env)
        for _ in range(runs):
            floor.append(_wall(floor_cmd, env))
            for case, cmd in cmds.items():
                times[case].append(_wall(cmd, env))
        group = "cold start" + (" (cached)" if cache else "")
        out += [Result(group, case, 0, t, "import floor", floor) for case, t in times.items()]
    return out


# VmHWM, not ru_maxrss: Linux carries ru_maxrss over fork and exec, so a child of this big
# process would report this process's peak.
_RSS = """
import sys
{body}
with open("/proc/self/status") as fh:
    print(next(ln.split()[1] for ln in fh if ln.startswith("VmHWM:")))
"""
_OURS = "from guidelines_model import load_edition\nkeep = load_edition(sys.argv[1])"
_FLOOR_RSS = (
    "from pathlib import Path\nfrom ruamel.yaml import YAML\ny = YAML(typ='safe', pure=False)\n"
    "keep = [y.load(p.read_bytes()) for p in sorted(Path(sys.argv[1]).rglob('*.yaml'))]"
)


def _rss(body: str, folder: Path, env: dict[str, str]) -> float:
    proc = subprocess.run(
        [sys.executable, "-c", _RSS.format(body=body), str(folder)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(proc.stdout.split()[-1]) / 1024  # kB


def memory(corpus: Corpus, cache_dir: Path) -> list[Result]:
    """Peak RSS of a process that loads the largest edition, beside one that only parses it."""
    if not Path("/proc/self/status").is_file() or not corpus.pairs:
        return []
    n = max(corpus.pairs)
    folder = corpus.pairs[n][0]
    out = []
    for cache in (False, True):
        env = cold_env(cache_dir, cache)
        if cache:
            _rss(_OURS, folder, env)  # fill the cache
        ours = _rss(_OURS, folder, env)
        ref = _rss(_FLOOR_RSS, folder, env)
        group = "peak RSS" + (" (cached)" if cache else "")
        out.append(Result(group, f"{n} values", n, [ours], "bare parse", [ref], unit="MB"))
    return out


# --- the first command after installing the wheel -------------------------------------------


def first_install(runs: int, out: Path) -> list[Result]:
    """``guidelines list`` as the first command after installing the wheel into a fresh
    environment with an empty cache, beside the import floor run by that environment's Python
    (alternating which goes first). Installing is not timed."""
    import tempfile

    wheel = build_wheel(out / "wheel")
    ours: list[float] = []
    floor: list[float] = []
    for n in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-install-") as tmp:
            py = install_wheel(wheel, Path(tmp) / "venv", compile_bytecode=True)
            env = {
                k: v
                for k, v in os.environ.items()
                if k not in ("PYTHONPYCACHEPREFIX", "PYTHONDONTWRITEBYTECODE")
                and not k.startswith("GUIDELINES_")
            }
            env["GUIDELINES_CACHE_DIR"] = str(Path(tmp) / "cache")
            first = [str(py), "-m", "guidelines_model", "list"]
            ref = [str(py), "-c", FLOOR]
            if n % 2:
                floor.append(_wall(ref, env))
                ours.append(_wall(first, env))
            else:
                ours.append(_wall(first, env))
                floor.append(_wall(ref, env))
    case = "guidelines list"
    return [Result(INSTALL_GROUP, case, 0, ours, "import floor", floor)]


#: The group of :func:`first_install`'s row.
INSTALL_GROUP = "first command after installing the wheel"


# --- one text at the length limit -----------------------------------------------------------

_LONG_COMMANDS = {
    "diff 2013 2019_supervisors": ["diff", "2013", "2019_supervisors"],
    "diff 2013 who_2017": ["diff", "2013", "who_2017"],
    "check": ["check"],
}


def _timed_rss(args: list[str], content: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall time and peak RSS (MB) of one ``guidelines`` command on ``content``."""
    body = (
        "import io\nfrom guidelines_model.cli import main\n"
        "sys.stdout = io.StringIO()\n"
        f"main(['--content', sys.argv[1], *{args!r}])\n"
        "sys.stdout = sys.__stdout__\n"
    )
    start = time.perf_counter()
    mb = _rss(body, content, env)
    return time.perf_counter() - start, mb


def long_texts(out: Path, cache_dir: Path, runs: int, chars: int) -> list[Result]:
    """``diff`` and ``check`` on the real content with one text at the length limit on both
    sides (reworded 10 %), beside the same commands on the real content: time and peak RSS."""
    content = long_text_content(out / "long-text", chars)
    real = out / "real-content"
    shutil.rmtree(real, ignore_errors=True)
    shutil.copytree(ROOT / "content", real / "content")
    shutil.copytree(ROOT / "sources", real / "sources")
    env = cold_env(cache_dir, True)
    results = []
    for case, args in _LONG_COMMANDS.items():
        _timed_rss(args, content, env)  # fill the load cache: the text is what is measured
        _timed_rss(args, real / "content", env)
        ours = [_timed_rss(args, content, env) for _ in range(runs)]
        ref = [_timed_rss(args, real / "content", env) for _ in range(runs)]
        results.append(
            Result(
                "long text",
                f"{case}: one text of {chars:,} chars",
                chars,
                [t for t, _ in ours],
                "real content",
                [t for t, _ in ref],
            )
        )
        results.append(
            Result(
                "long text RSS",
                f"{case}: one text of {chars:,} chars",
                chars,
                [max(m for _, m in ours)],
                "real content",
                [max(m for _, m in ref)],
                unit="MB",
            )
        )
    return results


def loaded(corpus: Corpus) -> dict[int, tuple[Edition, Edition]]:
    """The edition pairs of the corpus, loaded once for the diff, check and export runs."""
    return {n: (load_edition(a), load_edition(b)) for n, (a, b) in corpus.pairs.items()}


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    import platform
    from importlib.metadata import version

    names = ("pydantic", "pydantic-core", "ruamel.yaml", "ruamel.yaml.clib", "deepdiff")
    info: dict[str, Any] = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "packages": {p: version(p) for p in names},
    }
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        lines = cpuinfo.read_text(encoding="utf-8").splitlines()
        models = [ln.split(":", 1)[1].strip() for ln in lines if ln.startswith("model name")]
        info["cpu"] = models[0] if models else None
    return info


if __name__ == "__main__":  # python benchmarks.py load-case KIND FOLDER RUNS (used by loading)
    _, _, kind, folder, runs = sys.argv
    print(json.dumps(load_case(kind, Path(folder), int(runs))))

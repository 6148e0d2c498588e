"""Hostile and broken input: nothing crashes, nothing is lost.

Each case of ``tests/fixtures/bad/`` goes into a fresh copy of the real content. The CLI must exit
1 with a located message (file:line:column) and no traceback, within 200 MB, and leave every
file as it was; the API must raise a GuidelinesError. A child that runs past a minute (a hang)
fails; how fast bad input fails is a benchmark target (`nox -s bench`), not a test.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from guidelines_model import GuidelinesError, load_library
from guidelines_model.checks import ensure_valid, run_checks

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "fixtures" / "bad"
CASES: list[dict[str, Any]] = tomllib.loads((BAD / "cases.toml").read_text(encoding="utf-8"))[
    "case"
]
# A file, or (for a missing or extra value, GM101) an edition's values/ folder.
LOCATED = re.compile(
    r"^content/[\w/.-]+(?:\.yaml|/values/):\d+:\d+: "
    r"|^::error file=content/[\w/.-]+(?:\.yaml|/values/),line=\d+,col=\d+,"
)
MAX_RSS_KB = 200 * 1024


def _snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


# Peak RSS of the child itself: VmHWM belongs to the new address space made by exec, whereas
# getrusage's ru_maxrss keeps the (large) pytest parent's peak across fork and exec.
_MEASURED = (
    "import runpy, sys\n"
    "sys.argv = ['guidelines', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('guidelines_model', run_name='__main__')\n"
    "finally:\n"
    "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
    "    sys.stderr.write(f'\\n@rss {hwm}\\n')\n"
)


def _run_cli(cwd: Path, *args: str) -> tuple[int, str, str, int]:
    """Run the CLI in a child process; return status, output and its peak RSS (KB)."""
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURED, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    err, _, rss = proc.stderr.rpartition("\n@rss ")
    return proc.returncode, proc.stdout, err, int(rss)


def _apply(case: dict[str, Any], content: Path) -> None:
    target = content / case["target"]
    if case["mode"] == "delete":
        target.unlink()
    else:
        shutil.copyfile(BAD / case["file"], target)


def _first_problem(out: str, err: str) -> str:
    """The first error: the first line on stderr, or the first error annotation of a check."""
    lines = [line for line in err.splitlines() if line.strip()]
    lines += [line for line in out.splitlines() if line.startswith("::error ")]
    return lines[0] if lines else ""


def _check_api(content: Path, command: str) -> None:
    lib = load_library(content)
    if command == "check":
        ensure_valid(run_checks(lib, sources_root=content.parent / "sources"))


@pytest.fixture
def workspace(content_copy: Path) -> Path:
    return content_copy.parent


@pytest.mark.parametrize("case", CASES, ids=[c["file"].removesuffix(".yaml") for c in CASES])
def test_bad_file(case: dict[str, Any], workspace: Path) -> None:
    """A bad file: exit 1 with the exact located first line; GuidelinesError; nothing changed."""
    content = workspace / "content"
    _apply(case, content)
    before = _snapshot(workspace)
    extra = ["--format", "github", "--select", case["select"]] if case["command"] == "check" else []
    code, out, err, rss = _run_cli(workspace, case["command"], "content", *extra)
    first = _first_problem(out, err)
    if os.environ.get("GUIDELINES_RECORD_BAD"):  # maintainers: print what to put in cases.toml
        print(f"\n{case['file']}: {first}")
    assert code == 1, (out, err)
    assert "Traceback" not in err
    assert LOCATED.match(first), first
    assert first == case["first"]
    assert rss < MAX_RSS_KB
    assert _snapshot(workspace) == before
    with pytest.raises(GuidelinesError):
        _check_api(content, case["command"])


def _one_mb_line(content: Path) -> None:
    path = content / "2013/values/01-voluntary.yaml"
    path.write_text('key: voluntary\ntitle: "' + "x" * 1_048_576 + "\n", encoding="utf-8")


def _deep_nesting(content: Path) -> None:
    path = content / "2013/values/01-voluntary.yaml"
    path.write_text("key: " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")


def _fifty_mb(content: Path) -> None:
    path = content / "2013/values/01-voluntary.yaml"
    with path.open("w", encoding="utf-8") as fh:
        line = "# " + "x" * 1021 + "\n"
        for _ in range(50 * 1024):
            fh.write(line)


def _symlink_outside(content: Path) -> None:
    outside = content.parent / "outside.yaml"
    outside.write_text(
        (content / "2013/values/01-voluntary.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    path = content / "2013/values/01-voluntary.yaml"
    path.unlink()
    path.symlink_to(outside)


GENERATED: dict[str, tuple[Callable[[Path], None], str]] = {
    "one-mb-line": (
        _one_mb_line,
        r"^content/2013/values/01-voluntary\.yaml:\d+:\d+: found unexpected end of stream",
    ),
    "deep-nesting-1000": (
        _deep_nesting,
        r"^content/2013/values/01-voluntary\.yaml:1:55: nesting deeper than 50 levels$",
    ),
    "fifty-mb-file": (
        _fifty_mb,
        r"^content/2013/values/01-voluntary\.yaml:1:1: file is 52,428,800 bytes; the limit is 5,242,880 bytes$",
    ),
    "symlink-outside-root": (
        _symlink_outside,
        r"^content/2013/values/01-voluntary\.yaml:1:1: resolves to .*outside\.yaml, outside the content folder",
    ),
}


@pytest.mark.parametrize("name", list(GENERATED))
def test_generated_bad_input(name: str, workspace: Path) -> None:
    """Big, deep or linked-out files fail fast with a located message, changing nothing."""
    make, expected = GENERATED[name]
    content = workspace / "content"
    make(content)
    before = _snapshot(workspace)
    code, out, err, rss = _run_cli(workspace, "validate", "content")
    assert code == 1
    assert "Traceback" not in err
    assert re.match(expected, _first_problem(out, err)), _first_problem(out, err)
    assert rss < MAX_RSS_KB
    assert _snapshot(workspace) == before
    with pytest.raises(GuidelinesError):
        load_library(content)


def test_corpus_has_at_least_forty_cases() -> None:
    """The corpus keeps its breadth: 40 or more hostile files and editions."""
    assert len(CASES) + len(GENERATED) >= 40
    assert all((BAD / c["file"]).is_file() for c in CASES)

"""fmt over many files formats them in parallel processes: the same results, the same files
written, and the same error (the first failing file's, in order) as one file after another."""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path
from typing import Any

import pytest

from guidelines_model import GuidelinesError
from guidelines_model.write import fmt
from guidelines_model.write.fmt import format_files

ROOT = Path(__file__).resolve().parents[2]
LOOSE = "key:   value\nitems:\n- a\n"
# ruamel reads U+2028 in plain text as a line break: fmt refuses the file, located.
UNSTABLE = "key: a\u2028b\n"


def _folder(where: Path, broken: tuple[str, ...] = ()) -> Path:
    """Every value file of the three editions (36), eight loose files, and ``broken`` ones."""
    out = where / "content"
    out.mkdir(parents=True)
    for edition in ("2013", "2019_supervisors", "who_2017"):
        for f in sorted((ROOT / "content" / edition / "values").glob("*.yaml")):
            shutil.copy(f, out / f"{edition}-{f.name}")
    for k in range(8):
        (out / f"loose-{k}.yaml").write_text(LOOSE, encoding="utf-8")
    for k, name in enumerate(broken):
        (out / name).write_text(UNSTABLE if k % 2 == 0 else "a: [\n", encoding="utf-8")
    return out


def _run(folder: Path, check: bool) -> tuple[list[tuple[str, bool]], str | None]:
    try:
        results = format_files([folder], check=check)
    except GuidelinesError as exc:
        return [], str(exc)
    return [(r.path.name, r.changed) for r in results], None


@pytest.fixture(autouse=True)
def no_skip_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUIDELINES_CACHE", "0")


@pytest.mark.parametrize("check", [True, False])
def test_parallel_gives_the_results_of_one_file_after_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, check: bool
) -> None:
    serial = _run(_folder(tmp_path / "a"), check)
    monkeypatch.setattr(fmt, "PARALLEL_MIN", 2)
    monkeypatch.setattr(fmt, "cores", lambda: 2)
    contexts: list[str | None] = []
    real = multiprocessing.get_context

    def spy(method: str | None = None) -> Any:
        contexts.append(method)
        return real(method)

    monkeypatch.setattr(multiprocessing, "get_context", spy)
    folder = _folder(tmp_path / "b")
    assert _run(folder, check) == serial
    assert contexts == ["fork"]  # the 44 files went to worker processes
    assert sum(changed for _, changed in serial[0]) == 8
    written = sorted(p.name for p in folder.glob("loose-*.yaml") if p.read_text() != LOOSE)
    assert len(written) == (0 if check else 8)


def test_the_first_failing_file_in_order_is_reported_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two broken files: in parallel the error is the first's, word for word as in a run one
    file after another, and no file is written."""
    broken = ("m-broken.yaml", "z-broken.yaml")
    _, serial = _run(_folder(tmp_path / "a", broken), check=False)
    monkeypatch.setattr(fmt, "PARALLEL_MIN", 2)
    monkeypatch.setattr(fmt, "cores", lambda: 2)
    folder = _folder(tmp_path / "b", broken)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    _, error = _run(folder, check=False)
    assert serial is not None
    assert error is not None
    assert "m-broken.yaml:" in error
    assert "z-broken.yaml" not in error
    assert error == serial.replace(str(tmp_path / "a"), str(tmp_path / "b"))
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before

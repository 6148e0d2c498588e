"""fmt's skip cache: unchanged canonical files are not formatted again, and nothing else
changes (the same report and exit status with the cache, without it, cold and warm)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from tests.strategies import documents

from guidelines_model import ContentError, YamlSyntaxError
from guidelines_model.cli import main
from guidelines_model.load.limits import DEFAULT_LIMITS, Limits
from guidelines_model.write import fmt, skip
from guidelines_model.write.fmt import format_files

ROOT = Path(__file__).resolve().parents[2]
NOT_CANONICAL = "key:   value\nitems:\n- a\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Real value files (canonical) and one file that is not."""
    out = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "2013" / "values", out)
    (out / "zz-loose.yaml").write_text(NOT_CANONICAL, encoding="utf-8")
    return out


@pytest.fixture
def formatted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files actually formatted (not skipped), by name."""
    names: list[str] = []
    real = fmt.format_text

    def counting(text: str, file: str = "<text>", limits: Limits = DEFAULT_LIMITS) -> str:
        names.append(Path(file).name)
        return real(text, file, limits)

    monkeypatch.setattr(fmt, "format_text", counting)
    return names


def _run(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["fmt", "--check", str(folder)])
    return status, capsys.readouterr().out


def test_same_report_and_status_with_and_without_the_cache(
    folder: Path,
    formatted: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Off, cold and warm: the same lines and exit 1; warm, only the loose file is formatted."""
    files = len(list(folder.glob("*.yaml")))
    monkeypatch.setenv("GUIDELINES_CACHE", "0")
    off = _run(folder, capsys)
    monkeypatch.setenv("GUIDELINES_CACHE", "1")
    cold = _run(folder, capsys)
    formatted.clear()
    warm = _run(folder, capsys)
    assert off == cold == warm
    assert off[0] == 1
    assert f"would reformat: {folder / 'zz-loose.yaml'}" in off[1]
    assert f"{files} files, 1 to reformat" in off[1]
    assert formatted == ["zz-loose.yaml"]  # a file that is not canonical is always checked


def test_an_edit_after_a_warm_run_is_found(
    folder: Path, formatted: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A canonical file edited after it was recorded is formatted and reported again."""
    (folder / "zz-loose.yaml").unlink()
    assert _run(folder, capsys)[0] == 0
    assert _run(folder, capsys)[0] == 0
    target = sorted(folder.glob("*.yaml"))[0]
    target.write_text(target.read_text(encoding="utf-8") + "extra:    1\n", encoding="utf-8")
    formatted.clear()
    status, out = _run(folder, capsys)
    assert status == 1
    assert f"would reformat: {target}" in out
    assert formatted == [target.name]


def test_other_settings_or_code_are_not_answered_from_the_cache(
    folder: Path, formatted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Other limits, or another version of the code, format every file again."""
    (folder / "zz-loose.yaml").unlink()
    count = len(list(folder.glob("*.yaml")))
    format_files([folder], check=True)
    formatted.clear()
    format_files([folder], check=True)
    assert formatted == []
    format_files([folder], check=True, limits=Limits(max_depth=40))
    assert len(formatted) == count
    formatted.clear()
    monkeypatch.setattr(skip, "stamp", lambda: ("another", "version"))
    format_files([folder], check=True)
    assert len(formatted) == count


def test_a_damaged_entry_is_ignored(
    folder: Path, formatted: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry whose checksum fails is read as empty: every file is formatted again."""
    monkeypatch.setenv("GUIDELINES_CACHE_DIR", str(tmp_path / "cache"))
    format_files([folder], check=True)
    (entry,) = (tmp_path / "cache").glob("fmt-*.cache")
    blob = bytearray(entry.read_bytes())
    blob[-1] ^= 1  # a digest that was not recorded: the checksum no longer matches
    entry.write_bytes(bytes(blob))
    formatted.clear()
    assert not format_files([folder], check=True)[0].changed
    assert len(formatted) == len(list(folder.glob("*.yaml")))


def test_off_or_inside_the_content_writes_nothing(
    folder: Path, formatted: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GUIDELINES_CACHE=0, or a cache folder inside the content: no entry, nothing skipped."""
    monkeypatch.setenv("GUIDELINES_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("GUIDELINES_CACHE", "0")
    format_files([folder], check=True)
    format_files([folder], check=True)
    assert not (tmp_path / "cache").exists()
    monkeypatch.setenv("GUIDELINES_CACHE", "1")
    monkeypatch.setenv("GUIDELINES_CACHE_DIR", str(folder / ".cache"))
    formatted.clear()
    format_files([folder], check=True)
    format_files([folder], check=True)
    assert not (folder / ".cache").exists()
    assert len(formatted) == 2 * len(list(folder.glob("*.yaml")))


@given(documents())
def test_one_round_trip_object_gives_what_a_fresh_one_gives(text: str) -> None:
    """The round-trip object shared by a run (dropped after a failure) formats every text, after
    a file that failed, as a fresh object does."""
    with pytest.raises(YamlSyntaxError):
        fmt.format_text("k: >#\n", "f")  # the round-trip parser fails in mid-file
    try:
        shared = fmt.format_text(text, "f")
    except ContentError as exc:
        shared = f"error {exc}"
    fmt._shared_yaml.cache_clear()
    try:
        fresh = fmt.format_text(text, "f")
    except ContentError as exc:
        fresh = f"error {exc}"
    assert shared == fresh

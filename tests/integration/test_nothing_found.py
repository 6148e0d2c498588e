"""Nothing found is an error, never a silent success (findings 7 and 8)."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from guidelines_model.cli import main
from guidelines_model.library import load_library
from guidelines_model.model.errors import ContentError


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.mark.parametrize("command", ["validate", "check", "list", "export"])
def test_empty_folder_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """An empty content folder: exit 1 with a message, for every command that loads."""
    empty = tmp_path / "empty"
    empty.mkdir()
    args = {
        "validate": ["validate", str(empty)],
        "check": ["check", str(empty)],
        "list": ["--content", str(empty), "list"],
        "export": ["--content", str(empty), "export", "2013"],
    }[command]
    code, _, err = _run(capsys, *args)
    assert code == 1
    assert "no edition or derivative here" in err


def test_folder_without_content_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``validate`` of a folder of unrelated files (as /etc) fails."""
    (tmp_path / "passwd").write_text("root:x:0:0\n")
    (tmp_path / "sub").mkdir()
    code, out, err = _run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert out == ""
    assert f"{tmp_path}:1:1: no edition or derivative here" in err


def test_derivatives_folder_alone_is_an_error(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``validate content/derivatives`` names no edition or derivative folder."""
    code, _, err = _run(capsys, "validate", str(content_copy / "derivatives"))
    assert code == 1
    assert "no edition or derivative here" in err


def test_misnamed_edition_file_is_an_error(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An edition whose edition.yaml is misnamed is not silently nothing."""
    (content_copy / "2013" / "edition.yaml").rename(content_copy / "2013" / "Edition.yml")
    code, _, err = _run(capsys, "validate", str(content_copy / "2013"))
    assert code == 1
    assert "no edition or derivative here" in err


@pytest.mark.parametrize("how", ["missing", "file"])
def test_values_folder_missing_or_a_file(
    content_copy: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    """No values/ (or a file in its place) is an error, not "ok (0 values)"."""
    values = content_copy / "2013" / "values"
    shutil.rmtree(values)
    if how == "file":
        values.write_text("")
    code, out, err = _run(capsys, "validate", str(content_copy / "2013"))
    assert code == 1
    assert "0 values" not in out
    what = "no such folder" if how == "missing" else "is a file, not a folder"
    assert f"{values}:1:1: {what}" in err


def _deny(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Listing ``folder`` fails as an unreadable folder would (faked: tests may run as root)."""
    real = os.scandir

    def scandir(path: os.PathLike[str] | str = ".") -> object:
        if Path(path) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_unreadable_values_folder(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unreadable values/ is an error naming it."""
    _deny(monkeypatch, content_copy / "2013" / "values")
    code, _, err = _run(capsys, "validate", str(content_copy / "2013"))
    assert code == 1
    assert "values:1:1: cannot read folder: Permission denied" in err


def test_unreadable_edition_folder_is_not_skipped(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edition folder that cannot be read is an error, not skipped."""
    real = os.stat
    blocked = content_copy / "2019_supervisors" / "edition.yaml"

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if Path(str(path)) == blocked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat)
    with pytest.raises(ContentError, match="2019_supervisors:1:1: cannot read folder"):
        load_library(content_copy)


def test_validate_root_reports_every_edition(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two broken editions: both reported, and the good ones still said ok."""
    for edition in ("2013", "who_2017"):
        meta = content_copy / edition / "edition.yaml"
        meta.write_text(meta.read_text() + "bogus_key: 1\n")
    code, out, err = _run(capsys, "validate", str(content_copy))
    assert code == 1
    assert "2013/edition.yaml" in err
    assert "who_2017/edition.yaml" in err
    assert "ok: 2019_supervisors" in out


def test_unknown_check_code_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """``check --select ZZZ`` exits 2 listing the valid codes, not "valid"."""
    code, out, err = _run(capsys, "check", "--select", "ZZZ")
    assert code == 2
    assert "valid" not in out
    assert "no check 'ZZZ' (known: GM101, " in err
    code, _, err = _run(capsys, "check", "--ignore", "GM999")
    assert code == 2
    assert "GM999" in err


def test_missing_content_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``--content /nonexistent list`` fails instead of printing an empty table."""
    code, out, err = _run(capsys, "--content", str(tmp_path / "nonexistent"), "list")
    assert code == 1
    assert out == ""
    assert "nonexistent:1:1: no such folder" in err


@pytest.mark.parametrize("where", ["content", "validate"])
def test_path_too_long(capsys: pytest.CaptureFixture[str], where: str) -> None:
    """A 300-character name is a clear error, not an OSError traceback."""
    name = "x" * 300
    args = ["--content", name, "list"] if where == "content" else ["validate", name]
    code, _, err = _run(capsys, *args)
    assert code == 1
    assert "path too long" in err

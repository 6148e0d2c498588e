"""``guidelines diff``: formats, output files, usage errors, and --rev against git."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from guidelines_model.cli import main

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")
TRANSPARENT = Path("2013") / "values" / "11-transparent.yaml"


def test_two_editions_print_a_diff(capsys: pytest.CaptureFixture[str]) -> None:
    """Two editions: a text diff on stdout, no colour when not a terminal, exit status 0."""
    assert main(["diff", "2013", "2019_supervisors"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Changes from 2013 (National Practice Guidelines for Peer Supporters")
    assert 'Value 7 "Peer supporters are honest and direct", practice item 4: removed' in out
    assert "\033[" not in out


def test_colour_only_on_a_terminal_without_no_color(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Text is coloured when stdout is a terminal, unless NO_COLOR is set."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["diff", "2013", "2019_supervisors"]) == 0
    assert "\033[" in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["diff", "2013", "2019_supervisors"]) == 0
    assert "\033[" not in capsys.readouterr().out


def test_json_with_ignored_noise(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json --ignore noise: noise-only rewordings hidden, and counted as hidden."""
    assert main(["diff", "2013", "2019_supervisors", "--format", "json", "--ignore", "noise"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == 2
    assert data["ignore"] == ["capitalisation", "punctuation", "spelling", "whitespace"]
    [comparison] = data["comparisons"]
    assert comparison["hidden"] == comparison["summary"]["total"]["hidden"] > 0
    assert all(
        "substantive" in c["classification"] for c in data["changes"] if c["kind"] == "reworded"
    )


def test_three_editions_collate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Three editions: a collation, written atomically to the output file."""
    target = tmp_path / "out" / "collation.html"
    assert (
        main(
            ["diff", "2013", "who_2017", "2019_supervisors", "--format", "html", "-o", str(target)]
        )
        == 0
    )
    assert capsys.readouterr().out == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Collation of 2013, who_2017, 2019_supervisors" in page


@pytest.mark.parametrize(
    ("argv", "message", "status"),
    [
        (["diff"], "give two editions to compare", 2),
        (["diff", "2013"], "give two editions to compare", 2),
        (["diff", "2013", "1999"], "no edition '1999'", 1),
        (["diff", "2013", "who_2017", "--ignore", "typos"], "--ignore: cannot ignore 'typos'", 2),
        (["diff", "2013", "who_2017", "--ignore", "spelin"], "did you mean 'spelling'?", 2),
    ],
)
def test_usage_errors(
    argv: list[str], message: str, status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    """Wrong arguments: an error on stderr, exit status 2 (1 for an unknown edition), no
    traceback."""
    assert main(argv) == status
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def _git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.name=Test",
            "-c",
            "user.email=t@example.org",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        check=True,
        capture_output=True,
        env=env,
    )


@pytest.fixture
def repo(tmp_path: Path, content_copy: Path) -> Path:
    """A git repository holding a copy of the content and sources, committed; returns content/."""
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "content", "sources")
    _git(tmp_path, "commit", "-q", "-m", "content")
    return content_copy


@needs_git
def test_rev_compares_the_working_tree_with_a_commit(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--rev HEAD after an edit: exactly the edited item is reworded, in the named edition."""
    path = repo / TRANSPARENT
    path.write_text(
        path.read_text(encoding="utf-8").replace("judgment free", "judgment-free"), encoding="utf-8"
    )
    assert main(["--content", str(repo), "diff", "--rev", "HEAD", "2013", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["kind"], data["rev"], len(data["comparisons"])) == ("rev", "HEAD", 1)
    diff = data["comparisons"][0]
    assert (diff["old"]["revision"], diff["new"]["revision"]) == ("HEAD", None)
    [change] = data["changes"]
    assert (change["kind"], change["classification"]) == ("reworded", ["punctuation"])
    assert change["old_id"] == change["new_id"] == "2013/transparent/practice/2"


@needs_git
def test_rev_reports_editions_added_since(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An edition folder that is not in the commit is reported as added; the rest as diffs."""
    shutil.copytree(repo / "2013", repo / "copy")
    meta = repo / "copy" / "edition.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace('id: "2013"', "id: copy"), encoding="utf-8"
    )
    assert main(["--content", str(repo), "diff", "--rev", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "Edition copy added since HEAD." in out
    assert out.count("Changes from ") == 3  # 2013, who_2017, 2019_supervisors: no change


@needs_git
@pytest.mark.parametrize(
    ("rev", "message"),
    [
        ("no-such-rev", "unknown revision 'no-such-rev'"),
        ("--output=x", "not a revision: '--output=x'"),
    ],
)
def test_rev_errors(repo: Path, rev: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown or malformed revision is a clear error, exit status 1."""
    assert main(["--content", str(repo), "diff", f"--rev={rev}"]) == 1
    assert message in capsys.readouterr().err


@needs_git
def test_rev_outside_a_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--rev on content that is not in a git repository says so."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    content = tmp_path / "content"
    content.mkdir()
    assert main(["--content", str(content), "diff", "--rev", "HEAD"]) == 1
    assert "is not inside a git repository" in capsys.readouterr().err


@needs_git
def test_rev_ignores_export_attributes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``export-ignore`` in .gitattributes does not hide content at the revision (finding 6:
    every item read as added when nothing had changed)."""
    top = repo.parent
    (top / ".gitattributes").write_text("content/2013/values/** export-ignore\n")
    _git(top, "add", ".gitattributes")
    _git(top, "commit", "-q", "-m", "attributes")
    assert main(["--content", str(repo), "diff", "--rev", "HEAD", "2013", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "rev"
    assert data["comparisons"]
    assert data["changes"] == []


@needs_git
def test_rev_symlink_is_a_located_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A symlink in the content at the revision: an error naming it, no tarfile traceback."""
    top = repo.parent
    (repo / "2013" / "zz-link.yaml").symlink_to(top / "sources" / "README.md")
    _git(top, "add", "content")
    _git(top, "commit", "-q", "-m", "a link")
    (repo / "2013" / "zz-link.yaml").unlink()
    assert main(["--content", str(repo), "diff", "--rev", "HEAD", "2013"]) == 1
    err = capsys.readouterr().err
    assert "HEAD:content/2013/zz-link.yaml:1:1: is a symbolic link at this revision" in err
    assert "Traceback" not in err

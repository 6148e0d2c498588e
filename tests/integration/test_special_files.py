"""Reads open regular files only: a FIFO, a socket or a huge sparse file never hangs or fills
memory; each is a located error (finding 3, and the reads of finding 4 and 9)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from guidelines_model.load.read import ReadRefused, read_regular

TIMEOUT = 30  # a hang, not a speed target: the commands answer in about a second


def _cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "guidelines_model", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "content"),
        ("--content", "content", "list"),
        ("--content", "content", "export", "2013"),
        ("fmt", "content/2013"),
    ],
    ids=["validate", "list", "export", "fmt"],
)
def test_fifo_in_content_is_a_located_error(content_copy: Path, args: tuple[str, ...]) -> None:
    """A FIFO named like a part file: exit 1 naming it, no hang, no traceback."""
    os.mkfifo(content_copy / "2013" / "zz-extra.yaml")
    done = _cli(content_copy.parent, *args)
    assert done.returncode == 1, done
    assert "Traceback" not in done.stderr
    assert "content/2013/zz-extra.yaml:1:1: is a FIFO, not a regular file" in done.stderr


def test_fifo_value_file_is_a_located_error(content_copy: Path) -> None:
    """The same for a file of ``values/``."""
    os.mkfifo(content_copy / "2013" / "values" / "99-x.yaml")
    done = _cli(content_copy.parent, "validate", "content/2013")
    assert done.returncode == 1
    assert "content/2013/values/99-x.yaml:1:1: is a FIFO" in done.stderr


def test_read_regular_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    """O_NONBLOCK and fstat: the FIFO is refused before any read would wait for a writer."""
    os.mkfifo(tmp_path / "f")
    with pytest.raises(ReadRefused, match="is a FIFO"):
        read_regular(tmp_path / "f", 100)


def test_read_regular_checks_size_before_reading(tmp_path: Path) -> None:
    """A sparse 6 GB file is refused by its size, never read."""
    big = tmp_path / "big"
    with big.open("wb") as fh:
        fh.truncate(6 * 1024**3)
    with pytest.raises(ReadRefused, match="6,442,450,944 bytes") as caught:
        read_regular(big, 5 * 1024 * 1024)
    assert caught.value.too_large


def test_read_regular_refuses_a_folder(tmp_path: Path) -> None:
    """A folder is not read as a file."""
    with pytest.raises(ReadRefused, match="is a folder"):
        read_regular(tmp_path, 100)


def test_read_regular_reads_the_bytes(tmp_path: Path) -> None:
    """A regular file's bytes, exactly; an empty file is empty."""
    (tmp_path / "a").write_bytes(b"abc\n")
    (tmp_path / "e").write_bytes(b"")
    assert read_regular(tmp_path / "a", 4) == b"abc\n"
    assert read_regular(tmp_path / "e", 4) == b""
    with pytest.raises(ReadRefused):
        read_regular(tmp_path / "a", 3)


def test_fifo_source_is_a_source_error(tmp_path: Path) -> None:
    """A source text that is a FIFO is a SourceFileError, not a hang."""
    from guidelines_model.model.errors import SourceFileError
    from guidelines_model.verify.text import read_source

    os.mkfifo(tmp_path / "s.txt")
    with pytest.raises(SourceFileError, match="is a FIFO"):
        read_source(tmp_path / "s.txt")

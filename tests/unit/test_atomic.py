"""The one file writer: never clobbers a special file, keeps modes, leaves no temporary file."""

from __future__ import annotations

import errno
import io
import os
import socket
import stat
from pathlib import Path

import pytest

from guidelines_model.cli import main
from guidelines_model.model.errors import OutputError
from guidelines_model.write.atomic import is_temp_name, write_file


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if is_temp_name(p.name)]


def test_refuses_a_fifo(tmp_path: Path) -> None:
    """A FIFO at the target is refused and stays a FIFO (finding 1)."""
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="it is a FIFO") as caught:
        write_file(fifo, "x")
    assert caught.value.path == str(fifo)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert _leftovers(tmp_path) == []


def test_refuses_a_socket(tmp_path: Path) -> None:
    """A socket at the target is refused."""
    where = tmp_path / "s"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(where))
        with pytest.raises(OutputError, match="it is a socket"):
            write_file(where, "x")
        assert stat.S_ISSOCK(where.lstat().st_mode)
    finally:
        sock.close()


def test_refuses_a_link_to_a_fifo(tmp_path: Path) -> None:
    """A symlink is followed, so a link to a FIFO is refused like the FIFO."""
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "link").symlink_to(tmp_path / "fifo")
    with pytest.raises(OutputError, match="FIFO"):
        write_file(tmp_path / "link", "x")
    assert (tmp_path / "link").is_symlink()


def test_refuses_a_device(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A character device is refused (stat faked: tests never touch a real device)."""
    target = tmp_path / "null"
    target.write_text("before")
    real_stat = os.stat

    def fake_stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        st = real_stat(path, *args, **kwargs)  # type: ignore[arg-type]
        if Path(str(path)) == target:
            return os.stat_result((stat.S_IFCHR | 0o666, *tuple(st)[1:]))
        return st

    monkeypatch.setattr(os, "stat", fake_stat)
    with pytest.raises(OutputError, match="character device"):
        write_file(target, "x")
    monkeypatch.undo()
    assert target.read_text() == "before"


def test_writes_through_a_symlink(tmp_path: Path) -> None:
    """The link stays a link; its target gets the new text and keeps its mode."""
    real = tmp_path / "real.txt"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_file(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"
    assert _mode(real) == 0o640
    assert _leftovers(tmp_path) == []


def test_keeps_the_mode_of_a_replaced_file(tmp_path: Path) -> None:
    """A 0664 file stays 0664 (it became 0600, finding 1)."""
    target = tmp_path / "f.yaml"
    target.write_text("a: 1\n")
    target.chmod(0o664)
    write_file(target, "a: 2\n")
    assert _mode(target) == 0o664
    assert target.read_text() == "a: 2\n"


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_files_get_the_umask_mode(tmp_path: Path, umask: int, expected: int) -> None:
    """A new file's mode is 0666 less the umask."""
    old = os.umask(umask)
    try:
        write_file(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "new.txt") == expected


def test_explicit_mode(tmp_path: Path) -> None:
    """A forced mode wins over both."""
    write_file(tmp_path / "p", b"x", mode=0o600)
    assert _mode(tmp_path / "p") == 0o600


def test_no_temporary_file_after_a_failed_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure after the temporary file exists removes it and raises OutputError."""

    def fail(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OutputError, match="No space left"):
        write_file(tmp_path / "f.txt", "x")
    assert list(tmp_path.iterdir()) == []


def test_fsyncs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file is fsynced before the rename."""
    calls: list[int] = []
    real = os.fsync

    def spy(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    write_file(tmp_path / "f.txt", "x")
    assert calls


def test_temp_names_are_hidden_and_ignored() -> None:
    """Temporary files are hidden ``.tmp`` files, which no ``*.yaml`` glob matches."""
    from guidelines_model.write.atomic import temp_name

    name = temp_name("part.yaml")
    assert is_temp_name(name)
    assert not Path(name).match("*.yaml")


def test_export_refuses_a_fifo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``export -o FIFO`` exits 1 with a message and leaves the FIFO (finding 1)."""
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    assert main(["export", "2013", "-o", str(fifo)]) == 1
    assert "it is a FIFO" in capsys.readouterr().err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


class _FullStream(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_stdout_write_error_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A full standard output is an error, not exit 0 (finding 1)."""
    capsys.readouterr()
    monkeypatch.setattr("sys.stdout", _FullStream())
    assert main(["list"]) == 1
    assert "cannot write to standard output: No space left on device" in capsys.readouterr().err


def test_stdout_error_at_flush_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An error that only shows when the buffer is flushed counts too."""

    class Buffered(io.StringIO):
        def flush(self) -> None:
            raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr("sys.stdout", Buffered())
    assert main(["list"]) == 1
    assert "Input/output error" in capsys.readouterr().err


def test_the_loader_ignores_a_leftover_temporary_file(content_copy: Path) -> None:
    """A temporary file a killed write left beside a part or value file is not content."""
    from guidelines_model import load_edition
    from guidelines_model.write.atomic import temp_name

    folder = content_copy / "2013"
    expected = load_edition(folder)
    (folder / temp_name("background.yaml")).write_text("broken: [\n")
    (folder / "values" / temp_name("01-voluntary.yaml")).write_text("broken: [\n")
    assert load_edition(folder) == expected

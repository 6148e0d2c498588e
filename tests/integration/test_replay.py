"""Answers from the cache (``cli/replay.py``): every read-only command on unchanged inputs gives
the same bytes and exit status as with ``GUIDELINES_CACHE=0``, without loading anything; any
input that matters (a content file, a source text, an option, the environment, the working
directory) gives a fresh answer."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import editions

from guidelines_model.cli import replay

ROOT = Path(__file__).resolve().parents[2]

#: Runs the ``guidelines`` program as its entry point does, then notes whether the loader was
#: imported (a command answered from the cache never imports it).
PROBE = (
    "import json, os, sys\n"
    "from guidelines_model.cli import main\n"
    "status = main()\n"
    "sys.stdout.flush()\n"
    "with open(os.environ['PROBE'], 'w') as fh:\n"
    "    fh.write(json.dumps(sorted(m for m in sys.modules if m.startswith(("
    "'guidelines_model.load.loader', 'pydantic', 'ruamel')))))\n"
    "raise SystemExit(status)\n"
)


class Run:
    """One run of the program: its bytes, status and whether it loaded content."""

    def __init__(self, proc: subprocess.CompletedProcess[bytes], loaded: list[str]) -> None:
        self.stdout, self.stderr, self.status = proc.stdout, proc.stderr, proc.returncode
        self.loaded = loaded

    @property
    def same(self) -> tuple[bytes, bytes, int]:
        return self.stdout, self.stderr, self.status

    @property
    def replayed(self) -> bool:
        return not self.loaded


def run(
    args: list[str],
    cache: Path,
    *,
    on: bool = True,
    cwd: Path = ROOT,
    env: dict[str, str] | None = None,
) -> Run:
    probe = cache.parent / "probe.json"
    full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    full.update(
        GUIDELINES_CACHE_DIR=str(cache),
        GUIDELINES_CACHE="1" if on else "0",
        PROBE=str(probe),
        **(env or {}),
    )
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, cwd=cwd, env=full, check=False
    )
    return Run(proc, json.loads(probe.read_text()))


def answered_alike(args: list[str], cache: Path, **kw: object) -> Run:
    """Off, then on twice: the three give the same bytes and status, and the third is an answer
    from the cache that loaded nothing."""
    off = run(args, cache, on=False, **kw)  # type: ignore[arg-type]
    first = run(args, cache, **kw)  # type: ignore[arg-type]
    second = run(args, cache, **kw)  # type: ignore[arg-type]
    assert first.same == off.same, args
    assert second.same == off.same, args
    assert second.replayed, (args, second.loaded)
    return second


REAL = [
    ["list"],
    ["validate"],
    ["validate", "2013", "who_2017"],
    ["validate", "content/2013"],
    ["show", "2013"],
    ["show", "2013", "voluntary"],
    ["show", "2013", "3", "--format", "markdown"],
    ["show", "training_module7"],
    ["show", "content/2019_supervisors/values"],
    ["show", "2013", "nosuchvalue"],
    ["show", "nosuch"],
    ["diff", "2013", "2019_supervisors"],
    ["diff", "2013", "2019_supervisors", "--format", "json"],
    ["diff", "2013", "2019_supervisors", "--format", "markdown", "--ignore", "noise"],
    ["diff", "2013", "who_2017", "--format", "html"],
    ["diff", "2013", "2019_supervisors", "--part", "glossary", "--include", "provenance"],
    ["diff", "2013", "who_2017", "2019_supervisors"],
    ["diff", "content/2013", "content/who_2017"],
    ["diff", "2013"],
    ["diff", "2013", "2019_supervisors", "--ignore", "nosuch"],
    ["verify-sources"],
    ["verify-sources", "2013", "--verbose", "--recall"],
    ["check"],
    ["check", "--format", "json"],
    ["check", "--format", "github", "2013"],
    ["check", "--select", "GM2,GM501", "--ignore", "GM201"],
    ["check", "--list"],
    ["check", "--select", "GM999"],
]


@pytest.mark.parametrize("args", REAL, ids=[" ".join(a) for a in REAL])
def test_every_read_only_command_answers_alike_on_the_real_content(
    args: list[str], tmp_path: Path
) -> None:
    answered_alike(args, tmp_path / "cache")


def test_the_answers_cover_errors_and_usage_errors(tmp_path: Path) -> None:
    """Exit statuses 1 and 2 and what goes to standard error are replayed too."""
    assert answered_alike(["show", "nosuch"], tmp_path / "cache").status == 1
    usage = answered_alike(["diff", "2013"], tmp_path / "cache")
    assert usage.status == 2
    assert b"usage: guidelines" in usage.stderr
    assert b"error: give two editions" in usage.stderr


def test_a_changed_content_file_gives_a_fresh_answer(content_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    args = ["--content", str(content_copy), "show", "2013", "voluntary"]
    before = answered_alike(args, cache)
    value = next((content_copy / "2013" / "values").glob("*voluntary*.yaml"))
    value.write_text(value.read_text().replace("is voluntary", "is volunteered", 1))
    after = answered_alike(args, cache)
    assert b"is volunteered" in after.stdout
    assert b"is volunteered" not in before.stdout
    # Broken content is answered alike too: the error, its place and the status.
    value.write_text("title: [unclosed\n")
    broken = answered_alike(["--content", str(content_copy), "validate"], cache)
    assert broken.status == 1
    assert b"voluntary" in broken.stderr


def test_diff_depends_only_on_the_editions_it_names(content_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    args = ["--content", str(content_copy), "diff", "2013", "2019_supervisors"]
    answered_alike(args, cache)
    other = next((content_copy / "who_2017" / "values").glob("*.yaml"))
    other.write_text(other.read_text() + "\n# a comment\n")
    assert run(args, cache).replayed  # who_2017 is not read by this diff
    named = next((content_copy / "2013" / "values").glob("*.yaml"))
    named.write_text(named.read_text() + "\n# a comment\n")
    assert not run(args, cache).replayed
    # show loads the whole library (an invalid edition elsewhere would fail it): any change
    # is a miss.
    show = ["--content", str(content_copy), "show", "2013"]
    answered_alike(show, cache)
    other.write_text(other.read_text() + "\n# another\n")
    assert not run(show, cache).replayed


def test_a_changed_source_text_gives_a_fresh_answer(content_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    sources = content_copy.parent / "sources"
    for args in (["verify-sources", "2013"], ["check", "--select", "GM501", "2013"]):
        full = ["--content", str(content_copy), *args]
        before = answered_alike(full, cache)
        for text in sources.glob("*.txt"):
            text.write_bytes(text.read_bytes().replace(b"e", b"3"))
        after = answered_alike(full, cache)
        assert after.same != before.same
        shutil.rmtree(sources)
        shutil.copytree(ROOT / "sources", sources)


def test_an_option_gives_its_own_answer(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    text = answered_alike(["check", "2013"], cache)
    github = answered_alike(["check", "2013", "--format", "github"], cache)
    assert text.stdout != github.stdout


def test_the_working_directory_is_part_of_the_key(content_copy: Path, tmp_path: Path) -> None:
    """Problems are shown relative to the working directory: from elsewhere, a fresh answer."""
    cache = tmp_path / "cache"
    (content_copy / "2013" / "edition.yaml").write_text("id: [\n")
    args = ["--content", str(content_copy), "validate"]
    near = answered_alike(args, cache, cwd=content_copy.parent)
    far = answered_alike(args, cache, cwd=content_copy / "2013")
    assert near.stderr != far.stderr


def _on_a_terminal(args: list[str], cache: Path, env: dict[str, str], on: bool) -> bytes:
    """What the program writes to a terminal (a pseudo-terminal of 40 columns)."""
    main, child = pty.openpty()
    full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    full.update(GUIDELINES_CACHE_DIR=str(cache), GUIDELINES_CACHE="1" if on else "0", **env)
    proc = subprocess.Popen(
        [sys.executable, "-m", "guidelines_model", *args],
        stdout=child,
        stderr=child,
        cwd=ROOT,
        env=full,
    )
    os.close(child)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(main)
    assert proc.wait() in (0, 1)
    return out


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["check", "2013"], {"NO_COLOR": "1"}),
        (["diff", "2013", "2019_supervisors", "--part", "values"], {"COLUMNS": "50"}),
    ],
)
def test_the_environment_that_changes_output_is_part_of_the_key(
    args: list[str], env: dict[str, str], tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    plain = _on_a_terminal(args, cache, {}, on=False)
    assert _on_a_terminal(args, cache, {}, on=True) == plain
    assert _on_a_terminal(args, cache, {}, on=True) == plain
    changed = _on_a_terminal(args, cache, env, on=False)
    assert changed != plain
    assert _on_a_terminal(args, cache, env, on=True) == changed
    assert _on_a_terminal(args, cache, env, on=True) == changed
    # Piped, no colour and no wrapping: another answer again.
    assert run(args, cache).stdout != plain.replace(b"\r\n", b"\n")


def test_a_damaged_answer_is_a_miss_and_is_replaced(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    answered_alike(["check"], cache)
    (entry,) = (cache / "answers").iterdir()
    blob = bytearray(entry.read_bytes())
    blob[-3] ^= 0xFF
    entry.write_bytes(bytes(blob))
    again = run(["check"], cache)
    assert not again.replayed
    assert run(["check"], cache).replayed


def test_commands_that_write_files_are_never_replayed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    out = tmp_path / "diff.json"
    args = ["diff", "2013", "2019_supervisors", "--format", "json", "-o", str(out)]
    for _ in range(2):
        out.unlink(missing_ok=True)
        done = run(args, cache)
        assert done.status == 0
        assert out.is_file()
        assert not done.replayed
    assert not (cache / "answers").exists()


def test_turned_off_by_the_one_switch(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for _ in range(2):
        assert not run(["check"], cache, on=False).replayed
    assert not cache.exists()


def test_python_callers_of_main_are_never_answered_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """main(argv) from Python code runs the command: a test that patched the library gets what
    it patched, and records nothing."""
    monkeypatch.setenv("GUIDELINES_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("GUIDELINES_CACHE", "1")
    from guidelines_model.cli import main

    assert main(["list"]) == 0
    assert not (tmp_path / "cache" / "answers").exists()


def _generated_folder(folder: Path, eds: list[object]) -> None:
    from guidelines_model.write.dump import write_edition

    for e in eds:
        write_edition(e, folder / e.id)  # type: ignore[arg-type,attr-defined]


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    a=editions("gen_a", max_values=4),
    b=editions("gen_b", max_values=4),
    command=st.sampled_from(
        [
            ["list"],
            ["validate"],
            ["show", "gen_a"],
            ["show", "gen_b", "1", "--format", "markdown"],
            ["diff", "gen_a", "gen_b"],
            ["diff", "gen_a", "gen_b", "--format", "json"],
            ["check", "--select", "GM1,GM2,GM3,GM4", "--format", "json"],
            ["check", "--select", "GM1,GM2,GM3,GM4"],
        ]
    ),
)
def test_generated_editions_are_answered_alike(a: object, b: object, command: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        _generated_folder(content, [a, b])
        answered_alike(["--content", str(content), *command], Path(tmp) / "cache")


def test_the_synthetic_corpus_is_answered_alike(tmp_path: Path) -> None:
    """The benchmarks' editions (folders not named as their ids: the whole folder is read)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from synthetic import _write_pair
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    content = tmp_path / "content"
    _write_pair(60)(content)
    ids = ["synthetic_60_a", "synthetic_60_b"]
    for args in (["validate"], ["diff", *ids, "--format", "json"], ["check"], ["show", ids[1]]):
        answered_alike(["--content", str(content), *args], tmp_path / "cache")


def test_only_the_named_editions_are_read_when_each_is_its_own_folder(
    content_copy: Path,
) -> None:
    """The key's folders: the two editions for diff by id, every file otherwise."""
    import argparse

    def folders(command: str, **kw: object) -> list[Path]:
        args = argparse.Namespace(command=command, content=content_copy, **kw)
        return replay.inputs(args)[0]

    root = content_copy.resolve()
    assert folders("diff", editions=["2013", "who_2017"]) == [root / "2013", root / "who_2017"]
    assert folders("show", target="2013") == [root]
    assert folders("check", targets=[]) == [root, root.parent / "sources"]
    (content_copy / "2013" / "edition.yaml").write_text(
        (content_copy / "2013" / "edition.yaml").read_text().replace('id: "2013"', "id: other")
    )
    assert folders("diff", editions=["2013", "who_2017"]) == [root]


def test_an_input_changed_while_the_command_ran_is_not_recorded(
    content_copy: Path,
    cache_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """What a command printed while a file changed under it may be of either version: not
    stored under the key of the files as they were before."""
    from guidelines_model.cli import list as list_command
    from guidelines_model.cli import main

    monkeypatch.setattr(sys, "argv", ["guidelines", "--content", str(content_copy), "list"])
    assert main() == 0
    assert len(list((cache_dir / "answers").iterdir())) == 1  # recorded as usual
    shutil.rmtree(cache_dir / "answers")
    original = list_command.run
    meta = content_copy / "who_2017" / "edition.yaml"

    def editing(args: object) -> int:
        meta.write_text(meta.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
        return original(args)  # type: ignore[arg-type]

    monkeypatch.setattr(list_command, "run", editing)
    assert main() == 0
    assert not list((cache_dir / "answers").glob("*.cache"))
    capsys.readouterr()


def test_a_name_that_is_no_edition_id_keys_the_whole_folder(content_copy: Path) -> None:
    """load_editions loads the whole library for a name that is not an edition id."""
    import argparse

    odd = content_copy / "Odd"
    shutil.copytree(content_copy / "who_2017", odd)
    meta = odd / "edition.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("id: who_2017", "id: Odd"))
    args = argparse.Namespace(command="diff", content=content_copy, editions=["2013", "Odd"])
    assert replay.inputs(args)[0] == [content_copy.resolve()]


def test_an_answers_folder_others_can_write_to_is_not_used(tmp_path: Path) -> None:
    """Answers there could have been planted: the command runs, and nothing is stored."""
    cache = tmp_path / "cache"
    (cache / "answers").mkdir(parents=True, mode=0o700)
    cache.chmod(0o700)
    (cache / "answers").chmod(0o777)
    for _ in range(2):
        assert not run(["list"], cache).replayed
    assert not list((cache / "answers").iterdir())

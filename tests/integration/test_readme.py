"""The README's examples run, and its Quick start holds exactly the two documented commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
PY_BLOCKS = re.findall(r"```python\n(.*?)```", README, re.S)


@pytest.mark.parametrize("block", PY_BLOCKS, ids=[f"block{i}" for i in range(len(PY_BLOCKS))])
def test_readme_python_examples_run(block: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Each Python example in the README runs, and its `# value` comments are what it prints."""
    exec(compile(block, "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    expected = [m.group(1) for m in re.finditer(r"print\(.*\)[ \t]+# (.+)$", block, re.M)]
    for want in expected:
        assert any(line.startswith(want) for line in printed), (want, printed)


def test_quick_start_has_two_commands() -> None:
    """Quick start: one code block, the main job then the test suite, as .ci/run runs it."""
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.findall(r"```sh\n(.*?)```", section, re.S)
    assert len(block) == 1
    commands = [line for line in block[0].splitlines() if line.strip()]
    assert commands == [
        'python3 -m pip install "nox[uv]" && python3 -m nox -s diff',
        "python3 -m nox -s tests",
    ]
    ci = (Path(__file__).resolve().parents[2] / ".ci/run").read_text(encoding="utf-8")
    assert "python3 -m nox -s tests" in ci

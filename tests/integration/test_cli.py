"""The ``guidelines`` command: output, exit status, and errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from guidelines_model.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    """`list` shows every edition with its value and item counts."""
    code, out, _ = run(capsys, "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:7] == ["id", "year", "kind", "values", "items", "supervisor", "terms"]
    assert lines[1].split()[:7] == ["2013", "2013", "peer-guidelines", "12", "56", "0", "5"]
    assert lines[3].split()[:7] == [
        "2019_supervisors",
        "2019",
        "supervisors",
        "12",
        "56",
        "43",
        "12",
    ]


def test_show_value(capsys: pytest.CaptureFixture[str]) -> None:
    """`show EDITION VALUE --format markdown` prints one value with an anchor on every node."""
    code, out, _ = run(capsys, "show", "2013", "voluntary", "--format", "markdown")
    assert code == 0
    assert out.splitlines()[0] == '### <a id="2013/voluntary"></a>1. Peer support is voluntary'
    assert '#### <a id="2013/voluntary/practice"></a>Practice: Support choice' in out
    assert '4. <a id="2013/voluntary/practice/4"></a>Peer supporters advocate for choice' in out


def test_show_prints_readable_text_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    """`show` prints text a person reads: no anchors, tags or Markdown escapes; by number too."""
    code, out, _ = run(capsys, "show", "2013", "1")
    assert code == 0
    assert out.splitlines()[0] == "### 1. Peer support is voluntary"
    assert "#### Practice: Support choice" in out
    assert "4. Peer supporters advocate for choice" in out
    assert "<a id" not in out
    assert "\\" not in out
    code, whole, _ = run(capsys, "show", "content/2019_supervisors")
    assert code == 0
    assert "<a id" not in whole
    assert "PEER SUPPORT IS VOLUNTARY" in whole


def test_content_is_accepted_after_the_command(
    capsys: pytest.CaptureFixture[str], content_copy: Path
) -> None:
    """`--content DIR` works before or after the subcommand, for every command."""
    (content_copy / "who_2017").rename(content_copy.parent / "who_elsewhere")
    for argv in (
        ["list", "--content", str(content_copy)],
        ["--content", str(content_copy), "list"],
    ):
        code, out, _ = run(capsys, *argv)
        assert code == 0
        assert "who_2017" not in out
        assert "2019_supervisors" in out
    code, out, _ = run(capsys, "verify-sources", "2013", "--content", str(content_copy))
    assert code == 0
    assert out.startswith("2013: 212/212 sentences found")


def test_ids_and_paths_alike(capsys: pytest.CaptureFixture[str], content_copy: Path) -> None:
    """Every command that reads content takes an edition id or the path of its folder."""
    folder = str(content_copy / "2013")
    by_id = [run(capsys, *argv, "2013", "--content", str(content_copy)) for argv in ARGV_BOTH]
    by_path = [run(capsys, *argv, folder) for argv in ARGV_BOTH]
    for (code_a, out_a, _), (code_b, out_b, _) in zip(by_id, by_path, strict=True):
        assert code_a == code_b == 0
        assert out_a == out_b


ARGV_BOTH = [["show"], ["export", "--format", "json"], ["verify-sources"], ["validate"]]


@pytest.mark.parametrize(
    "command",
    ["list", "show", "validate", "verify-sources", "export", "schema", "diff", "check", "fmt"],
)
def test_every_help_states_exit_status(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Every command's --help ends with its exit statuses."""
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "exit status: 0 " in out
    assert "--content DIR" in out


def test_show_unknown_value(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown value is an error listing the known keys, exit 1."""
    code, _, err = run(capsys, "show", "2013", "kindness")
    assert code == 1
    assert err.startswith("error: no value 'kindness' (known: voluntary, hopeful,")
    code, _, err = run(capsys, "show", "2013", "volunteer")
    assert code == 1
    assert err.startswith("error: no value 'volunteer'; did you mean 'voluntary'? (known: ")


def test_unknown_edition(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown edition is an error naming the editions, exit 1."""
    code, _, err = run(capsys, "export", "2020")
    assert code == 1
    assert err == "error: no edition '2020' (known: 2013, who_2017, 2019_supervisors)\n"


def test_validate_all(capsys: pytest.CaptureFixture[str]) -> None:
    """`validate` with no arguments checks the bundled content."""
    code, out, _ = run(capsys, "validate")
    assert code == 0
    assert out.splitlines()[0].startswith("ok: 2013 (12 values, ")


def test_validate_broken_value_file(
    capsys: pytest.CaptureFixture[str], content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken value file is reported as file:line:column and the command exits 1."""
    monkeypatch.chdir(content_copy.parent)
    path = content_copy / "2013/values/05-respectful.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  items:\n", "  items:\n\t- x\n", 1),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "validate", "content/2013")
    assert code == 1
    assert err.splitlines()[:2] == [
        "content/2013/values/05-respectful.yaml:11:1: found character that cannot start any token "
        "(while scanning for the next token)",
        "    hint: indent with spaces, not tabs",
    ]
    assert "Traceback" not in err


def test_verify_sources(capsys: pytest.CaptureFixture[str]) -> None:
    """`verify-sources 2013` reports full coverage."""
    code, out, _ = run(capsys, "verify-sources", "2013")
    assert code == 0
    assert out.startswith("2013: 212/212 sentences found (100.0%)")


def test_export_json_to_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`export --format json -o FILE` writes the edition with its schema version."""
    target = tmp_path / "out" / "2013.json"
    code, out, _ = run(capsys, "export", "2013", "--format", "json", "-o", str(target))
    assert (code, out) == (0, "")
    payload = json.loads(target.read_text(encoding="utf-8"))
    assert payload["schema_version"] == 1
    assert (
        payload["document"]["values"][0]["practice"]["items"][2]["id"]
        == "2013/voluntary/practice/3"
    )
    assert list(tmp_path.joinpath("out").iterdir()) == [target]  # no temporary file left behind


def test_export_markdown_reads_like_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    """The Markdown export follows the published order: opening list, values, glossary."""
    code, out, _ = run(capsys, "export", "2013", "--format", "markdown")
    assert code == 0
    order = [
        out.index(s)
        for s in (
            "# National Practice Guidelines for Peer Supporters",
            "3. Peer supports are open minded",
            '### <a id="2013/voluntary"></a>1. Peer support is voluntary',
            '### <a id="2013/person-driven"></a>12. Peer support is person-driven',
            "## GLOSSARY OF RELATED TERMS",
        )
    ]
    assert order == sorted(order)


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """`schema` prints the JSON Schema generated from the models."""
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0
    assert schema["title"] == "Edition"
    assert "values" in schema["required"]


def test_python_m_and_no_traceback(tmp_path: Path) -> None:
    """`python -m guidelines_model` is the same command; a bad path exits 1 without traceback."""
    proc = subprocess.run(
        [sys.executable, "-m", "guidelines_model", "validate", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr == f"error: {tmp_path / 'nope'}: no such file or folder\n"

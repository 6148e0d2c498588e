"""Every JSON output of ``guidelines diff`` validates against the committed schema/diff.schema.json
(schema_version 2): diffs of the real pairs, with provenance and a part, collations, --rev."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from tests.integration.test_diff_cli import GIT, TRANSPARENT, repo

from guidelines_model.cli import main
from guidelines_model.diff.render.json import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schema" / "diff.schema.json").read_text(encoding="utf-8"))
FIXTURE = ROOT / "tests" / "fixtures" / "diff" / "expected.json"


def _validate(data: Any) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_the_schema_is_a_valid_schema_of_this_version() -> None:
    """The schema itself is valid Draft 2020-12 and pins the version the renderer writes."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$defs"]["diff"]["properties"]["schema_version"] == {"const": SCHEMA_VERSION}


@pytest.mark.parametrize(
    ("argv", "kind"),
    [
        (["2013", "2019_supervisors"], "diff"),
        (["2013", "who_2017", "--include", "provenance"], "diff"),
        (["2013", "who_2017", "--ignore", "noise", "--part", "values"], "diff"),
        (["2013", "who_2017", "2019_supervisors"], "collation"),
        (
            ["2013", "2019_supervisors", "who_2017", "--part", "all", "--base", "who_2017"],
            "collation",
        ),
    ],
)
def test_real_outputs_validate(
    argv: list[str], kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Diffs and collations of the real editions validate."""
    data = _run(["diff", *argv, "--format", "json"], capsys)
    _validate(data)
    assert data["kind"] == kind


def test_the_fixture_validates() -> None:
    """The reviewed expected.json validates."""
    _validate(json.loads(FIXTURE.read_text(encoding="utf-8")))


def test_an_invalid_output_is_refused() -> None:
    """The schema is not vacuous: an unknown class, a missing key or a dict text fail."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    bad = json.loads(json.dumps(data))
    bad["changes"][0]["classification"] = ["typo"]
    with pytest.raises(jsonschema.ValidationError):
        _validate(bad)
    bad = json.loads(json.dumps(data))
    del bad["comparisons"]
    with pytest.raises(jsonschema.ValidationError):
        _validate(bad)
    bad = json.loads(json.dumps(data))
    bad["changes"][0]["new"] = {"text": "a statement"}
    with pytest.raises(jsonschema.ValidationError):
        _validate(bad)


__all__ = ["repo"]  # the git repository fixture of the --rev tests


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_rev_output_has_the_diff_shape(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--rev JSON validates and has the same changes list as a diff of two editions."""
    path = repo / TRANSPARENT
    path.write_text(
        path.read_text(encoding="utf-8").replace("judgment free", "judgment-free"), encoding="utf-8"
    )
    data = _run(["--content", str(repo), "diff", "--rev", "HEAD", "--format", "json"], capsys)
    _validate(data)
    assert (data["kind"], data["rev"]) == ("rev", "HEAD")
    assert len(data["comparisons"]) == 3  # 2013, 2019_supervisors, who_2017
    assert [c["old"]["revision"] for c in data["comparisons"]] == ["HEAD"] * 3
    [change] = data["changes"]
    assert (change["old_edition"], change["new_edition"]) == ("2013", "2013")
    assert change["old_id"] == "2013/transparent/practice/2"

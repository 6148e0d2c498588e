"""`guidelines check` on the real content and on broken copies of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guidelines_model.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_real_content_is_valid_with_published_oddities_acknowledged(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The real editions pass; their published oddities are listed, acknowledged, with locations."""
    code, out, _ = run(capsys, "check", "--format", "json")
    assert code == 0
    report = json.loads(out)
    errors = {
        (f["code"], f["id"], f["file"], f["line"])
        for f in report["findings"]
        if f["severity"] == "error"
    }
    assert errors == {
        ("GM105", "2013/open-minded/listed-title", "content/2013/values/03-open-minded.yaml", 5),
        ("GM105", "2013/respectful/listed-title", "content/2013/values/05-respectful.yaml", 5),
        (
            "GM105",
            "2013/strengths-focused/listed-title",
            "content/2013/values/10-strengths-focused.yaml",
            5,
        ),
        (
            "GM201",
            "2019_supervisors/honest-direct/practice/4",
            "content/2019_supervisors/values/07-honest-direct.yaml",
            29,
        ),
    }
    assert all(f["acknowledged"] for f in report["findings"] if f["severity"] == "error")
    warnings = {(f["code"], f["id"]) for f in report["findings"] if f["severity"] == "warning"}
    assert (
        "GM406",
        "2019_supervisors/shared-power/practice/4",
    ) in warnings  # "complimentary service"
    assert ("GM404", "2013/facilitates-change/practice/6") in warnings  # no final full stop
    assert any(c == "GM402" and i.startswith("who_2017/job-description/") for c, i in warnings)


def test_eleven_values_fail(
    capsys: pytest.CaptureFixture[str], content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy with a value file removed fails once, at the edition's values/ folder: no
    cascade of numbering, reference or stale-waiver findings."""
    monkeypatch.chdir(content_copy.parent)
    (content_copy / "2013/values/05-respectful.yaml").unlink()
    code, out, _ = run(capsys, "check", "content/2013", "--select", "GM101")
    assert code == 1
    assert out.splitlines()[:2] == [
        "content/2013/values/",
        "  1:1      error   GM101 value-count  11 core values; every edition has 12 (missing: respectful)  [2013]",
    ]
    code, out, _ = run(capsys, "check", "content/2013", "--format", "json")
    findings = json.loads(out)["findings"]
    errors = [f["code"] for f in findings if f["severity"] == "error" and not f["acknowledged"]]
    assert errors == ["GM101"]
    assert "GM901" not in {f["code"] for f in findings}  # no stale waiver of the lost value


def test_duplicated_item_fails(
    capsys: pytest.CaptureFixture[str], content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A duplicated item added in a content edit fails, as a GitHub annotation too."""
    monkeypatch.chdir(content_copy.parent)
    path = content_copy / "2013/values/02-hopeful.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            '"Peer supporters help others reframe life challenges as opportunities for personal growth."',
            '"Peer supporters tell strategic stories of their personal recovery in relation to current '
            'struggles faced by those who are being supported."',
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", "content/2013", "--select", "GM201", "--format", "github")
    assert code == 1
    assert out == (
        "::error file=content/2013/values/02-hopeful.yaml,line=15,col=13,title=GM201 duplicate-item::"
        'value 2 practice: item 3 repeats item 1: "Peer supporters tell strategic stories of their '
        'personal recovery in relation to current struggles faced by those who are being supported."\n'
    )


def test_misspelled_key_fails(
    capsys: pytest.CaptureFixture[str], content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A misspelled key fails the check with file:line:column before any rule runs."""
    monkeypatch.chdir(content_copy.parent)
    path = content_copy / "2013/values/08-mutual-reciprocal.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("practice:", "practise:"), encoding="utf-8"
    )
    code, _, err = run(capsys, "check", "content")
    assert code == 1
    assert (
        "content/2013/values/08-mutual-reciprocal.yaml:7:1: practise: unknown key 'practise'" in err
    )
    assert "hint: did you mean 'practice'?" in err


def test_lapsed_waiver(
    capsys: pytest.CaptureFixture[str], content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Editing an acknowledged text makes its waiver lapse: the finding fails again."""
    monkeypatch.chdir(content_copy.parent)
    path = content_copy / "2013/values/03-open-minded.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'listed_title: "Peer supports are open minded"',
            'listed_title: "Peer supports are open-minded"',
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", "content/2013", "--select", "GM105,GM901")
    assert code == 1
    assert "GM901 stale-waiver" in out
    assert out.splitlines()[-1] == "3 errors (2 acknowledged), 1 warnings, 0 info: INVALID"


def test_unknown_code_is_a_usage_error_with_a_suggestion(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`--select GM10l`: exit 2, the closest code and every valid code."""
    code, out, err = run(capsys, "check", "--select", "GM10l")
    assert code == 2
    assert out == ""
    assert "error: --select: no check 'GM10l'; did you mean 'GM101'? (known: GM101, " in err
    assert "GM901" in err
    code, _, err = run(capsys, "check", "--ignore", "value-cuont")
    assert code == 2
    assert "did you mean 'value-count'?" in err


def test_list_is_sorted_and_honours_select_in_every_format(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`check --list` lists the selected checks by code, as text or JSON."""
    code, out, _ = run(capsys, "check", "--list", "--select", "GM104", "--format", "json")
    assert code == 0
    assert [c["code"] for c in json.loads(out)] == ["GM104"]
    code, out, _ = run(capsys, "check", "--list", "--format", "json")
    codes = [c["code"] for c in json.loads(out)]
    assert codes == sorted(codes)
    assert len(codes) > 10
    code, out, _ = run(capsys, "check", "--list", "--select", "GM4")
    assert [line.split()[0] for line in out.splitlines()] == sorted(
        c for c in codes if c.startswith("GM4")
    )


def test_content_that_does_not_load_still_ends_with_a_summary(
    capsys: pytest.CaptureFixture[str], content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check run whose content fails to load prints the problems and a summary line."""
    monkeypatch.chdir(content_copy.parent)
    (content_copy / "2013/values/02-hopeful.yaml").write_text("key: [\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "content")
    assert code == 1
    assert err.startswith("content/2013/values/02-hopeful.yaml:")
    assert out == "content did not load (1 problem(s)): INVALID\n"


def test_item_numbering_points_at_the_number(
    capsys: pytest.CaptureFixture[str], content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GM104 is located at the item's `n:`, the line to edit, not at its text."""
    monkeypatch.chdir(content_copy.parent)
    path = content_copy / "2013/values/01-voluntary.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[11] == "    - n: 2\n"
    lines[11] = "    - n: 5\n"
    path.write_text("".join(lines), encoding="utf-8")
    code, out, _ = run(capsys, "check", "content/2013", "--select", "GM104")
    assert code == 1
    assert out.splitlines()[1].startswith(
        "  12:10    error   GM104 item-numbering  value 1 practice"
    )

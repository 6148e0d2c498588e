"""Drafting end to end, as the README tells it: a draft of 2019, its review sheet, two
reviewers' sheets edited with openpyxl, the merge, --apply, and the diff with 2019."""

from __future__ import annotations

import difflib
import re
import shlex
import shutil
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from tests.draft.conftest import ID, new_row, propose, row_of

from guidelines_model import load_library
from guidelines_model.cli import main
from guidelines_model.diff import ChangeKind, diff

USE = (
    "Peer supporters advocate for choice when they observe coercion in any mental health or "
    "substance use service setting."
)
SPELLING = (
    "Peer supporters do not diagnose or offer medical services but do offer a complementary "
    "service."
)
ADDED = "Peer supporters respect a person’s choice to stop peer support at any time."


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--content", "content", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out + err


def yaml_files(folder: Path) -> dict[str, list[str]]:
    return {
        str(p.relative_to(folder)): p.read_text(encoding="utf-8").splitlines()
        for p in sorted(folder.rglob("*.yaml"))
    }


def write_reviews() -> int:
    """Ann's and Bob's sheets, edited as the issue describes; returns Bob's bad row."""
    wb = openpyxl.load_workbook("ann.xlsx")
    ws = wb["values"]
    propose(ws, "draft/voluntary/practice/4", USE, comment="person-first language", reviewer="Ann")
    new_row(
        ws,
        after="draft/voluntary/practice/2",
        proposed=ADDED,
        comment="from the survey",
        reviewer="Ann",
    )
    propose(
        ws,
        "draft/hopeful/practice/1",
        "Peer supporters share their recovery stories.",
        reviewer="Ann",
    )
    wb.save("ann.xlsx")

    wb = openpyxl.load_workbook("bob.xlsx")
    ws = wb["values"]
    propose(ws, "draft/shared-power/practice/4", SPELLING, reviewer="Bob")
    propose(ws, "draft/honest-direct/practice/4", "DELETE", comment="printed twice", reviewer="Bob")
    propose(ws, "draft/hopeful/practice/1", "Peer supporters tell their stories.", reviewer="Bob")
    bad = row_of(ws, "draft/empathetic/practice/1")
    ws.cell(bad, ID).value = "draft/empathetic/practise/1"
    wb.save("bob.xlsx")

    return bad


def test_draft_review_merge_apply(
    content_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two reviewers' rewording, spelling fix, conflict, added item, deletion and bad row: the
    merge shows exactly those (the bad row at its cell), --apply writes the accepted ones, and
    the diff with 2019 and the YAML's line diff show exactly them."""
    monkeypatch.chdir(content_copy.parent)
    assert run(capsys, "new-edition", "draft", "--based-on", "2019_supervisors")[0] == 0
    assert run(capsys, "review-sheet", "draft", "-o", "review.xlsx")[0] == 0
    for name in ("ann", "bob"):
        shutil.copy("review.xlsx", f"{name}.xlsx")

    bad = write_reviews()

    code, out = run(capsys, "review-merge", "draft", "ann.xlsx", "bob.xlsx")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        "Review of draft by Ann, Bob: 2 sheets, 4 proposals, 0 comments, 1 conflict, 1 error"
    )
    assert [line for line in lines if line.startswith(("  draft/", "  new"))] == [
        "  new text after draft/voluntary/practice/2: added, by Ann",
        "  draft/voluntary/practice/4: reworded (substantive), by Ann",
        "  draft/honest-direct/practice/4: deleted, by Bob",
        "  draft/shared-power/practice/4: reworded (substantive), by Bob",
        "  draft/hopeful/practice/1:",
    ]
    assert "    comment: person-first language" in lines
    assert "substance [-abuse-]{+use+} service setting." in out
    assert "do offer a [-complimentary-]{+complementary+} service." in out
    conflict = out.split("Conflicts", 1)[1]
    assert "    Ann (reworded (substantive); ann.xlsx:values:21:E):" in conflict
    assert "    Bob (reworded (substantive); bob.xlsx:values:21:E):" in conflict
    errors = out.split("Errors (nothing is applied until they are fixed)\n", 1)[1]
    assert errors.splitlines() == [
        f"  bob.xlsx:values:{bad}:A: unknown id 'draft/empathetic/practise/1', not a text of "
        "draft: the id was edited? the closest is 'draft/empathetic/practice/1'"
    ]

    # Nothing is applied while a sheet has an error; the row is put right, then applied.
    before = yaml_files(Path("content/draft"))
    assert run(capsys, "review-merge", "draft", "ann.xlsx", "bob.xlsx", "--apply")[0] == 1
    assert yaml_files(Path("content/draft")) == before
    wb = openpyxl.load_workbook("bob.xlsx")
    wb["values"].cell(bad, ID).value = "draft/empathetic/practice/1"
    wb.save("bob.xlsx")
    code, out = run(capsys, "review-merge", "draft", "ann.xlsx", "bob.xlsx", "--apply")
    assert code == 0, out
    tail = out.split("4 proposals applied to 3 files\n", 1)[1]
    assert tail.splitlines() == [
        f"review: the {what} on draft/{target} now names another text (renumbered or deleted)"
        for what, target in (
            ("note", "voluntary/practice/3"),
            ("note", "honest-direct/practice/4"),
            ("waiver for GM201", "honest-direct/practice/4"),
        )
    ]

    lib = load_library(Path("content"))
    result = diff(lib.edition("2019_supervisors"), lib.edition("draft"))
    changed = {
        (c.kind.value, c.old_id, c.new_id)
        for c in result.changes
        if c.field is None and c.kind not in (ChangeKind.UNCHANGED, ChangeKind.RENUMBERED)
    }
    old, new = "2019_supervisors/", "draft/"
    assert changed == {
        ("added", None, new + "voluntary/practice/3"),
        ("reworded", old + "voluntary/practice/4", new + "voluntary/practice/5"),
        ("removed", old + "honest-direct/practice/4", None),
        ("reworded", old + "shared-power/practice/4", new + "shared-power/practice/4"),
    }
    # The items after the added and the deleted one are renumbered, their texts unchanged.
    renumbered = {
        (c.old_id, c.new_id, c.old == c.new)
        for c in result.changes
        if c.kind == ChangeKind.RENUMBERED
    }
    assert renumbered == {
        (old + "voluntary/practice/3", new + "voluntary/practice/4", True),
        (old + "honest-direct/practice/5", new + "honest-direct/practice/4", True),
    }

    # The YAML's line diff: the proposed texts and the n: of the items that follow, nothing else.
    after = yaml_files(Path("content/draft"))
    line_diff = Counter(
        (name, line)
        for name in after
        for line in difflib.unified_diff(before[name], after[name], lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    )
    assert line_diff == Counter(
        {
            ("values/01-voluntary.yaml", f"+      text: {ADDED}"): 1,
            ("values/01-voluntary.yaml", "+    - n: 4"): 1,
            ("values/01-voluntary.yaml", "-    - n: 4"): 1,
            ("values/01-voluntary.yaml", "+    - n: 5"): 1,
            ("values/01-voluntary.yaml", "-        substance abuse service setting."): 1,
            ("values/01-voluntary.yaml", "+        substance use service setting."): 1,
            (
                "values/07-honest-direct.yaml",
                "-      text: Peer supporters respect privacy and confidentiality.",
            ): 1,
            ("values/07-honest-direct.yaml", "-    - n: 5"): 1,
            (
                "values/09-shared-power.yaml",
                "-        Peer supporters do not diagnose or offer medical services but do offer a "
                "complimentary",
            ): 1,
            (
                "values/09-shared-power.yaml",
                "+        Peer supporters do not diagnose or offer medical services but do offer a "
                "complementary",
            ): 1,
        }
    )

    # The deleted item took its waiver's finding with it: check reports the waiver as stale
    # (a warning), and the draft is still valid.
    code, out = run(capsys, "check", "draft")
    assert code == 0, out
    assert "GM901 stale-waiver" in out


README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_readme_walkthrough_runs_as_written(
    content_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's "Drafting a new edition" commands run as written (the test plays the two
    reviewers between the sheet and the merge), each with exit status 0."""
    section = README.split("## Drafting a new edition", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```sh\n(.*?)```", section, re.S)
    commands = [shlex.split(line) for line in block.splitlines() if line.strip()]
    assert [c[0] for c in commands] == ["guidelines"] * 5
    monkeypatch.chdir(content_copy.parent)
    for argv in commands:
        if "review-merge" in argv and not Path("ann.xlsx").exists():
            for name, text in (("ann", "Peer supporters honour choice."), ("bob", "DELETE")):
                shutil.copy("review.xlsx", f"{name}.xlsx")
                wb = openpyxl.load_workbook(f"{name}.xlsx")
                item = (
                    "draft_2027/voluntary/practice/1"
                    if name == "ann"
                    else ("draft_2027/hopeful/practice/2")
                )
                propose(wb["values"], item, text, reviewer=name.capitalize())
                wb.save(f"{name}.xlsx")
        code = main(argv[1:])
        out, err = capsys.readouterr()
        assert code == 0, (argv, out, err)
    assert '  Value 1 "PEER SUPPORT IS VOLUNTARY", practice item 1: added\n' in out
    assert "    + Peer supporters honour choice.\n" in out
    assert '  Value 2 "PEER SUPPORTERS ARE HOPEFUL", practice item 2: removed\n' in out
    edition = load_library(Path("content")).edition("draft_2027")
    assert edition.value("voluntary").practice.items[0].text == "Peer supporters honour choice."
    assert len(edition.value("hopeful").practice.items) == 2

"""``guidelines release-notes``: notes generated from the diff of the real editions."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from guidelines_model import Edition, load_library
from guidelines_model.cli import main
from guidelines_model.diff import diff
from guidelines_model.notes import release_notes, render_notes
from guidelines_model.notes.build import is_noise

FALSE_PROMISES = (
    "Peer supporters do not make false promises, misrepresent themselves, others or circumstances."
)


def _notes(capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert main(["release-notes", "2013", "2019_supervisors", *extra]) == 0
    return capsys.readouterr().out


def _section(markdown: str, heading: str) -> str:
    """The Markdown from ``heading`` to the next heading of the same or a higher level."""
    level = heading.split(" ", 1)[0]
    start = markdown.index(f"\n{heading}\n")
    stop = re.search(rf"\n#{{1,{len(level)}}} ", markdown[start + 1 :])
    return markdown[start : start + 1 + stop.start()] if stop else markdown[start:]


def test_the_honest_direct_removal_is_listed_with_its_wording(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Value 7's section lists practice item 4 as removed, with the 2013 wording."""
    out = _notes(capsys)
    value7 = _section(out, '### Value 7 "Peer supporters are honest and direct"')
    removed = value7.split("**Removed**", 1)[1].split("**", 1)[0]
    assert f"- Practice item 4: “{FALSE_PROMISES}”" in removed
    # Substantive changes come before the count of noise.
    assert value7.index("**Removed**") < value7.index("Also ")


def test_rewordings_give_both_wordings(capsys: pytest.CaptureFixture[str]) -> None:
    """A substantive rewording shows the old and the new wording."""
    out = _notes(capsys)
    value8 = _section(out, '### Value 8 "Peer support is mutual and reciprocal"')
    assert "- Practice item 3 (substantive):" in value8
    assert "  - Before: “Peer supporters facilitate respect and honor" in value8
    assert "  - After: “Peer supporters respect and honor" in value8
    assert "  - Changes: Peer supporters <del>facilitate </del>respect and honor" in value8


def test_a_change_made_alike_in_every_value_is_said_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """2019 bullets the practice items of all 12 values: one line before the values, none in
    each value's section (its substantive changes are not drowned)."""
    out = _notes(capsys)
    line = "- Practice items numbered → practice items bulleted: in 12 values"
    assert out.count("numbered → practice items bulleted") == 1
    assert out.index(line) < out.index('### Value 1 "Peer support is voluntary"')
    value1 = _section(out, '### Value 1 "Peer support is voluntary"')
    assert "**Renumbered**" not in value1


def test_noise_is_one_counted_line_per_value(capsys: pytest.CaptureFixture[str]) -> None:
    """Noise rewordings are not listed; one line counts them by class, matching the diff."""
    lib = load_library()
    result = diff(lib.edition("2013"), lib.edition("2019_supervisors"))
    noise = [
        c
        for c in result.all_changes
        if c.value == "honest-direct" and is_noise(c) and not c.node.startswith("supervisor")
    ]
    out = _notes(capsys)
    value7 = _section(out, '### Value 7 "Peer supporters are honest and direct"')
    lines = [line for line in value7.splitlines() if line.startswith("Also ")]
    assert lines == [
        f"Also {len(noise)} texts reworded in capitals, spacing, punctuation or US/UK spelling "
        "only (capitalisation 2, punctuation 2, whitespace 1)."
    ]
    for c in noise:
        assert (c.new or "") not in value7.replace("Also ", "")


def test_the_supervisor_column_has_its_own_section(capsys: pytest.CaptureFixture[str]) -> None:
    """Supervisor items added in 2019 are a section of their own, per value, not in the values."""
    lib = load_library()
    item = lib.edition("2019_supervisors").values[0].supervisor
    assert item is not None
    out = _notes(capsys)
    supervisor = _section(out, "## Supervisor column")
    values = _section(out, "## Values")
    assert '### Value 1 "Peer support is voluntary"' in supervisor
    assert f"- Supervisor item 1: “{item.items[0].text}”" in supervisor
    assert item.items[0].text not in values
    assert "## Glossary" in out


def test_the_markdown_parses(capsys: pytest.CaptureFixture[str]) -> None:
    """The notes parse as Markdown: one h1, h2 sections, and lists of changes."""
    tokens = MarkdownIt().parse(_notes(capsys))
    headings = [t.tag for t in tokens if t.type == "heading_open"]
    assert headings.count("h1") == 1
    assert headings.count("h2") >= 3
    assert any(t.type == "bullet_list_open" for t in tokens)


def test_html_escapes_the_content() -> None:
    """HTML notes escape every text: markup in a wording stays text."""
    a = load_library().edition("2013")
    data = a.model_dump(exclude_none=True)
    data["values"][0]["practice"]["items"][0]["text"] = "<script>alert(1)</script> & more"
    b = Edition.model_validate({**data, "id": "next", "based_on": "2013"})
    html = render_notes(release_notes(diff(a, b)), "html")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html
    markdown = render_notes(release_notes(diff(a, b)), "markdown")
    assert "<script>" not in MarkdownIt().render(markdown)


def test_html_from_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    """--format html: one page with the same sections."""
    out = _notes(capsys, "--format", "html")
    assert out.startswith("<!DOCTYPE html>")
    assert "<h2>Supervisor column</h2>" in out
    assert FALSE_PROMISES in out


def test_an_unknown_edition_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown edition: exit 1 and the closest id."""
    assert main(["release-notes", "2013", "2019_supervisor"]) == 1
    assert "did you mean '2019_supervisors'" in capsys.readouterr().err

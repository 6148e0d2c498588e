"""``guidelines cite``: the citation in each style and format, and its errors and exit statuses."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import rispy
from bibtexparser.entrypoint import parse_string

from guidelines_model.cli import main

BASE = "https://example.org/guidelines"
ITEM = "2019_supervisors/strengths-focused/practice/4"
LINK = f"{BASE}/editions/2019_supervisors.html#{ITEM}"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cite_prints_apa_with_pinpoint_and_link(capsys: pytest.CaptureFixture[str]) -> None:
    """The default: one line of APA, the pinpoint in the edition's words, the permanent link."""
    code, out, err = run(capsys, "cite", ITEM, "--base-url", BASE)
    assert (code, err) == (0, "")
    assert out == (
        "International Association of Peer Supporters (iNAPS). (2019). Value 10, practice item 4. "
        f"In National Practice Guidelines for Peer Specialists and Supervisors. {LINK}\n"
    )


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("chicago", "2019. “Value 10, Practice Item 4”. In *National Practice Guidelines"),
        ("harvard", "(2019) “Value 10, practice item 4”, *National Practice Guidelines"),
    ],
)
def test_cite_styles_in_markdown(
    capsys: pytest.CaptureFixture[str], style: str, expected: str
) -> None:
    """Chicago author-date and Harvard, in Markdown: titles in italics, the link an autolink."""
    code, out, _ = run(
        capsys, "cite", ITEM, "--style", style, "--format", "markdown", "--base-url", BASE
    )
    assert code == 0
    assert expected in out
    assert f"<{LINK}>" in out


def test_cite_html_links_the_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    """HTML: the title in <i>, the link an <a>."""
    code, out, _ = run(capsys, "cite", ITEM, "--format", "html", "--base-url", BASE)
    assert code == 0
    assert "In <i>National Practice Guidelines for Peer Specialists and Supervisors</i>." in out
    assert f'<a href="{LINK}">{LINK}</a>' in out


def test_cite_bibtex_ris_and_csl_json_are_read_back(capsys: pytest.CaptureFixture[str]) -> None:
    """The reference-manager formats parse with bibtexparser, rispy and json."""
    _, bib, _ = run(capsys, "cite", ITEM, "--format", "bibtex", "--base-url", BASE)
    [entry] = parse_string(bib).entries
    assert entry.key == ITEM.replace("/", ":")
    assert entry.fields_dict["title"].value == "Value 10, practice item 4"
    assert entry.fields_dict["url"].value == LINK
    _, ris, _ = run(capsys, "cite", ITEM, "--format", "ris")
    [record] = rispy.loads(ris)
    assert (record["type_of_reference"], record["title"]) == ("CHAP", "Value 10, practice item 4")
    assert "urls" not in record  # no base URL, and the edition records none
    _, csl, _ = run(capsys, "cite", "2019_supervisors", "--format", "csl-json")
    [item] = json.loads(csl)
    assert (item["type"], item["issued"]) == ("report", {"date-parts": [[2019]]})


def test_cite_writes_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``-o FILE`` writes the citation there and nothing to stdout."""
    target = tmp_path / "ref.bib"
    code, out, _ = run(capsys, "cite", "who_2017", "--format", "bibtex", "-o", str(target))
    assert (code, out) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("@techreport{who_2017,\n")


def test_unknown_id_is_a_usage_error_with_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    """A misspelt id: exit 2, the closest id, no traceback, no list of hundreds of ids."""
    code, out, err = run(capsys, "cite", "2019_supervisors/strengths-focused/practise/4")
    assert (code, out) == (2, "")
    assert err.endswith(
        "error: no node '2019_supervisors/strengths-focused/practise/4'; "
        "did you mean '2019_supervisors/strengths-focused/practice/4'?\n"
    )
    code, _, err = run(capsys, "cite", "2020/voluntary")
    assert code == 2
    assert "no edition '2020'" in err


def test_bad_base_url_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A base URL that is not an absolute http(s) address: exit 2, saying what is expected."""
    code, _, err = run(capsys, "cite", "2013", "--base-url", "example.org")
    assert code == 2
    assert "expected the website's absolute address" in err


def test_a_derived_text_is_not_cited(capsys: pytest.CaptureFixture[str]) -> None:
    """The training summary: exit 1, naming the edition to cite instead."""
    code, _, err = run(capsys, "cite", "training_module7/gloss/voluntary")
    assert code == 1
    assert "Cite the edition it is derived from (2013) instead" in err


def test_a_style_without_the_extra_says_which_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without citeproc-py a style fails with exit 1 and the extra to install; BibTeX still works."""
    monkeypatch.setitem(sys.modules, "citeproc", None)
    code, out, err = run(capsys, "cite", ITEM)
    assert (code, out) == (1, "")
    assert "install the 'cite' extra: pip install 'guidelines-model[cite]'" in err
    assert "Traceback" not in err
    code, out, _ = run(capsys, "cite", ITEM, "--format", "bibtex")
    assert code == 0
    assert out.startswith("@incollection{")


def test_help_names_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    """``guidelines cite --help`` ends with the exit statuses."""
    with pytest.raises(SystemExit):
        main(["cite", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "exit status: 0 success; 1 an error" in out
    assert "--style {apa,chicago,harvard}" in out
    assert "--format {text,markdown,html,bibtex,ris,csl-json}" in out

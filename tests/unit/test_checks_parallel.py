"""The rules of a large document, run in two processes, give what one process gives: the same
findings, in the same order, even when the forked process fails."""

from __future__ import annotations

import os
from typing import Any

import pytest
from tests.unit.test_checks import SOURCES, base

from guidelines_model import Edition, Library
from guidelines_model.checks import parallel, run_checks
from guidelines_model.checks.finding import Finding

pytestmark = pytest.mark.skipif(os.name != "posix", reason="forks a process")


def _findings(
    lib: Library, monkeypatch: pytest.MonkeyPatch, *, forked: bool, share: float = 0.9
) -> list[Finding]:
    with monkeypatch.context() as m:
        m.setattr(parallel, "PARALLEL_MIN_NODES", 0 if forked else 10**9)
        m.setattr(parallel, "HERE_SHARE", share)
        m.setattr(parallel, "cores", lambda: 2)
        forks: list[int] = []
        real_fork = os.fork

        def fork() -> int:
            forks.append(1)
            return real_fork()

        m.setattr(os, "fork", fork)
        findings = list(run_checks(lib, sources_root=SOURCES).findings)
        assert bool(forks) is forked
        return findings


def _edition() -> Library:
    """An edition with findings of rules on both sides: GM501 (run beside) and hygiene,
    duplicates and structure rules (run in the forked process), in several values."""
    data: dict[str, Any] = base()
    data["values"][0]["description"] = ["Peer supporters model recovery behaviours."]
    data["values"][1]["description"] = ["Recovery is  a personal choice."]
    data["values"][2]["practice"]["items"][1]["text"] = data["values"][2]["practice"]["items"][0][
        "text"
    ]
    data["values"][3]["key"] = "voluntry"
    data["values"][4]["title"] = "A sentence no source prints."
    data["values"][11]["title"] = "Another sentence no source prints."
    keys = [v["key"] for v in data["values"]]
    # One exception excuses a sentence early in the document (in this process's share of the
    # nodes), one excuses nothing (reported with the last share, in the child's).
    data["unverified"] = [
        {"target": f"t/{keys[4]}/title", "reason": "printed on the cover"},
        {"target": f"t/{keys[5]}/title", "reason": "no longer needed"},
    ]
    e = Edition.model_validate(data)
    return Library({e.id: e})


def test_two_processes_find_what_one_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every finding, in order, alike forked or not; rules of both sides did find something."""
    lib = _edition()
    serial = _findings(lib, monkeypatch, forked=False)
    assert {"GM501", "GM405", "GM401", "GM201", "GM102"} <= {f.code for f in serial}
    keys = [v.key for v in lib.edition("t").values]
    assert [(f.message, f.id) for f in serial if f.code == "GM501"] == [
        ("not found in the sources: 'Peer supporters model recovery behaviours.'",
         f"t/{keys[0]}/description/1"),
        ("not verified (excepted: printed on the cover)", f"t/{keys[4]}/title"),
        ("not found in the sources: 'Another sentence no source prints.'", f"t/{keys[11]}/title"),
        ("recorded as unverified, but every sentence is found: remove the exception",
         f"t/{keys[5]}/title"),
    ]  # fmt: skip
    assert _findings(lib, monkeypatch, forked=True) == serial
    # In rule order: the forked process's rules both before and after GM501.
    codes = [f.code for f in serial]
    assert codes == sorted(codes, key=lambda c: c if c != "GM901" else "GM999")


def test_split_anywhere_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """The nodes split between the processes just before, at and just after each node that
    has a finding of the rule split by nodes: the same findings, none twice, none lost."""
    lib = _edition()
    serial = _findings(lib, monkeypatch, forked=False)
    nodes = [n.id for n in lib.edition("t").nodes()]
    found = {f.id for f in serial if f.code == "GM501"}
    splits = {i + d for i, id_ in enumerate(nodes) if id_ in found for d in (-1, 0, 1)}
    for split in sorted(splits):
        share = (split + 0.5) / len(nodes)  # int(len(nodes) * share) == split
        assert _findings(lib, monkeypatch, forked=True, share=share) == serial, split


def test_the_real_library_alike(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real content: the same report forked or not (acknowledged findings included)."""
    serial = _findings(library, monkeypatch, forked=False)
    assert serial
    assert _findings(library, monkeypatch, forked=True) == serial


def test_a_failing_child_is_made_good(monkeypatch: pytest.MonkeyPatch) -> None:
    """A forked process that fails sends nothing; its rules then run in this process."""
    lib = _edition()
    serial = _findings(lib, monkeypatch, forked=False)

    def broken(f: Finding) -> tuple[Any, ...]:
        raise RuntimeError("cannot encode")

    monkeypatch.setattr(parallel, "_encode", broken)
    assert _findings(lib, monkeypatch, forked=True) == serial

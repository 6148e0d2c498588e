"""Consistency checks: run every rule over the content, apply waivers, return a report.

>>> from guidelines_model import load_library
>>> from guidelines_model.checks import run_checks
>>> report = run_checks(load_library())
>>> report.valid
True
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

# Imported for their side effect: each module registers its rules.
from guidelines_model.checks import (  # noqa: F401
    adaptation,
    duplicates,
    fidelity,
    footnotes,
    hygiene,
    references,
    structure,
)
from guidelines_model.checks.finding import Finding, Report, Severity, acknowledge, text_hash
from guidelines_model.checks.parallel import run_rules
from guidelines_model.checks.registry import RULES, Context, Rule
from guidelines_model.library import Library
from guidelines_model.model.documents import Edition
from guidelines_model.model.errors import GuidelinesError, NotFoundError

__all__ = [
    "RULES",
    "ChecksFailedError",
    "Finding",
    "Report",
    "Rule",
    "Severity",
    "ensure_valid",
    "every_rule",
    "run_checks",
    "selected",
    "text_hash",
]


class ChecksFailedError(GuidelinesError):
    """Raised by :func:`ensure_valid`: the content has unacknowledged errors (``report``)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        lines = [
            f"{f.location or f.id}: {f.code} {f.name}: {f.message}"
            for f in report.findings
            if f.fails
        ]
        super().__init__("\n".join(lines))


def ensure_valid(report: Report) -> Report:
    """Return the report if it is valid; raise :class:`ChecksFailedError` otherwise."""
    if not report.valid:
        raise ChecksFailedError(report)
    return report


def selected(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """Rules chosen by code prefix or name, as linters do (``GM2`` selects GM201-GM299)."""
    sel, ign = list(select), list(ignore)

    def matches(r: Rule, specs: list[str]) -> bool:
        return any(r.code.startswith(s.upper()) or r.name == s for s in specs)

    # A code that selects nothing is a mistake, never "no check, so valid".
    known = every_rule()  # GM901 is reported by run_checks itself
    for spec in [*sel, *ign]:
        if not any(matches(r, [spec]) for r in known):
            raise NotFoundError(
                "check", spec, [r.code for r in known], aliases=[r.name for r in known]
            )
    chosen = [r for r in RULES if (not sel or matches(r, sel)) and not matches(r, ign)]
    return sorted(chosen, key=lambda r: r.code)


def run_checks(
    library: Library,
    ids: Iterable[str] | None = None,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    sources_root: Path | None = None,
) -> Report:
    """Check the named editions and derivatives (default: all) and return every finding."""
    rules = selected(select, ignore)
    codes = {r.code for r in rules}
    root = sources_root or library.sources_root()
    names = list(ids) if ids is not None else [*library.editions, *library.derivatives]
    findings: list[Finding] = []
    shared: dict[str, object] = {}
    for name in names:
        doc = library.document(name)
        ctx = Context(doc, library, root, shared=shared)
        found = run_rules(
            ctx, [r for r in rules if isinstance(doc, Edition) or not r.editions_only]
        )
        waivers = doc.waivers if isinstance(doc, Edition) else ()
        keyed = {(w.code, w.target, w.text_hash): w.reason for w in waivers}
        found = acknowledge(found, keyed)
        used = {(f.code, f.id, f.text_hash) for f in found if f.acknowledged}
        for w in waivers:
            if ctx.under_missing_value(w.target):
                continue  # its value is missing: GM101 says so, once
            if w.code in codes and (w.code, w.target, w.text_hash) not in used:
                ctx.rule = _STALE
                found.append(
                    ctx.finding(
                        f"waiver for {w.code} on {w.target} matches no finding: the text changed "
                        "or "
                        "the finding is gone",
                        w.target,
                        hint="remove the waiver, or renew it with "
                        "the text_hash that `guidelines check --format json` shows",
                    )
                )
        findings.extend(found)
    return Report(tuple(findings))


_STALE = Rule(
    "GM901",
    "stale-waiver",
    Severity.WARNING,
    "A waiver that acknowledges no finding lapses and is reported.",
    lambda ctx: iter(()),
)


def every_rule() -> list[Rule]:
    """Every code a finding can have, sorted: the checks and GM901 (a stale waiver)."""
    return sorted([*RULES, _STALE], key=lambda r: r.code)

"""Findings are data: a stable code, a severity, a message, a location, a hint.

A :class:`Report` collects them, applies the edition's waivers (acknowledged findings), and
says whether the content is valid: no unacknowledged error.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace
from enum import StrEnum

from guidelines_model.model.origin import Location
from guidelines_model.verify import normalise


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


def text_hash(text: str) -> str:
    """The hash a waiver is keyed by: the first 12 hex digits of sha256 of the normalised text."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class Finding:
    """One consistency finding about the content."""

    code: str
    name: str
    severity: Severity
    message: str
    id: str
    text: str = ""
    location: Location | None = None
    hint: str | None = None
    acknowledged: str | None = None  # the waiver's reason, when acknowledged

    @property
    def text_hash(self) -> str:
        return text_hash(self.text)

    @property
    def fails(self) -> bool:
        """True for an error that no waiver acknowledges."""
        return self.severity is Severity.ERROR and self.acknowledged is None

    def as_dict(self) -> dict[str, object]:
        loc = self.location
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "id": self.id,
            "file": loc.file if loc else None,
            "line": loc.line if loc else None,
            "column": loc.column if loc else None,
            "hint": self.hint,
            "text_hash": self.text_hash,
            "acknowledged": self.acknowledged,
        }


@dataclass(frozen=True)
class Report:
    """Every finding of a check run, acknowledged ones included."""

    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def valid(self) -> bool:
        """True when no unacknowledged error remains."""
        return not any(f.fails for f in self.findings)

    @property
    def stats(self) -> dict[str, int]:
        """Counts by severity, and of acknowledged findings."""
        counts = Counter(f.severity for f in self.findings)  # by member: no .value per finding
        return {
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "info": counts[Severity.INFO],
            "acknowledged": sum(1 for f in self.findings if f.acknowledged),
            "failing": sum(1 for f in self.findings if f.fails),
        }

    def flat(self) -> list[dict[str, object]]:
        """One plain dict per finding (for JSON and tables)."""
        return [f.as_dict() for f in self.findings]


def acknowledge(findings: list[Finding], waivers: dict[tuple[str, str, str], str]) -> list[Finding]:
    """Mark findings that a waiver covers (same code, id and text hash) as acknowledged."""
    waived = {(code, id_) for code, id_, _ in waivers}  # no waiver: no text to hash
    out = []
    for f in findings:
        reason = waivers.get((f.code, f.id, f.text_hash)) if (f.code, f.id) in waived else None
        out.append(replace(f, acknowledged=reason) if reason else f)
    return out

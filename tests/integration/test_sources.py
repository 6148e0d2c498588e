"""The source texts are the published documents as received: their digests are recorded."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from guidelines_model import Derivative, Edition, Library

ROOT = Path(__file__).resolve().parents[2]


def test_sources_readme_lists_every_source_with_its_digest() -> None:
    """sources/README.md gives each file's sha256, and it matches the file."""
    text = (ROOT / "sources" / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"`(\d{3}_[0-9a-f]+\.txt)` \|[^\n]*`([0-9a-f]{64})`", text))
    files = {p.name for p in (ROOT / "sources").glob("*.txt")}
    assert set(rows) == files
    for name, digest in rows.items():
        assert hashlib.sha256((ROOT / "sources" / name).read_bytes()).hexdigest() == digest


def test_editions_reference_existing_sources_by_digest(library: Library) -> None:
    """Every source an edition names exists with the digest the edition records."""
    docs: list[Edition | Derivative] = [*library.editions.values(), *library.derivatives.values()]
    for doc in docs:
        for ref in doc.sources:
            data = (ROOT / "sources" / ref.file).read_bytes()
            assert hashlib.sha256(data).hexdigest() == ref.sha256, (doc.id, ref.file)

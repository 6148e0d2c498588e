"""The committed JSON Schemas are current, and every content file points its editor at one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guidelines_model.export.schema import KINDS, SchemaKind, schema_file, schema_json

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_is_current(kind: SchemaKind) -> None:
    """schema/*.json equals what the models generate (run scripts/regenerate_schema.py)."""
    committed = (ROOT / "schema" / schema_file(kind)).read_text(encoding="utf-8")
    assert committed == schema_json(kind), "stale: run python scripts/regenerate_schema.py"


def test_every_content_file_references_its_schema() -> None:
    """Each content file starts with a yaml-language-server line naming an existing schema."""
    for path in (ROOT / "content").rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file(), (path, target)


def test_value_schema_accepts_a_real_value_and_rejects_unknown_keys() -> None:
    """The value schema forbids unknown keys and needs no ids, as the loader does."""
    schema = json.loads(schema_json("value"))
    assert schema["additionalProperties"] is False
    assert "id" not in schema["properties"]
    assert set(schema["required"]) == {"key", "number", "title", "description", "practice"}

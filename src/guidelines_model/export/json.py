"""JSON export: deterministic (model field order, two-space indent, trailing newline).

Shape: ``{"schema_version": 1, "kind": "edition" | "derivative", "document": {...}}``; the
document is the model as ``guidelines schema`` describes it, ids included.
"""

from __future__ import annotations

import json

from guidelines_model.models import Derivative, Edition

SCHEMA_VERSION = 1


def to_json(doc: Edition | Derivative) -> str:
    """The document as JSON text."""
    kind = "derivative" if isinstance(doc, Derivative) else "edition"
    payload = {
        "schema_version": SCHEMA_VERSION,
        "kind": kind,
        "document": doc.model_dump(mode="json"),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def from_json(text: str) -> Edition | Derivative:
    """Read a document back from :func:`to_json` output."""
    payload = json.loads(text)
    model = Derivative if payload.get("kind") == "derivative" else Edition
    return model.model_validate_json(json.dumps(payload["document"]))

"""The JSON Schema of content, generated from the models (committed under ``schema/``)."""

from __future__ import annotations

import json
from typing import Any

from guidelines_model.models import Edition


def edition_schema() -> dict[str, Any]:
    """JSON Schema of an edition, as the JSON export and the content files hold it."""
    schema = Edition.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://guidelines-model.invalid/schema/edition.schema.json"
    return schema


def schema_json() -> str:
    """The schema as deterministic JSON text."""
    return json.dumps(edition_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"

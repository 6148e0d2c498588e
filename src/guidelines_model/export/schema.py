"""JSON Schemas generated from the models: the export's, and one per kind of content file.

The content-file schemas are committed under ``schema/`` and referenced from every content file
(``# yaml-language-server: $schema=...``) so that editors validate while people type; a test
fails when the committed files are stale (regenerate with ``scripts/regenerate_schema.py``).
"""

from __future__ import annotations

import copy
import json
from typing import Any, Literal

from guidelines_model.model.documents import Derivative, Edition

SchemaKind = Literal["edition", "metadata", "part", "value", "derivative"]
KINDS: tuple[SchemaKind, ...] = ("edition", "metadata", "part", "value", "derivative")
_DRAFT = "https://json-schema.org/draft/2020-12/schema"

#: Edition fields that live in edition.yaml (the rest are in part files or values/).
METADATA_FIELDS = (
    "id",
    "status",
    "title",
    "subtitle",
    "publisher",
    "year",
    "kind",
    "based_on",
    "status",
    "spelling",
    "version",
    "document_number",
    "url",
    "licence",
    "citation",
    "approval",
    "sources",
    "notes",
    "unverified",
    "editorial",
)


def _no_ids(schema: dict[str, Any], *, top: bool) -> dict[str, Any]:
    """Drop the derived ``id`` properties (content files never hold them); keep an edition's."""
    for sub in schema.get("$defs", {}).values():
        sub.get("properties", {}).pop("id", None)
    if top:
        schema.get("properties", {}).pop("id", None)
    return schema


def schema_for(kind: SchemaKind = "edition") -> dict[str, Any]:
    """The JSON Schema of the JSON export (``edition``) or of one kind of content file."""
    model: type[Edition] | type[Derivative] = Derivative if kind == "derivative" else Edition
    schema = model.model_json_schema()
    if kind in ("metadata", "part"):
        keep = (
            set(METADATA_FIELDS)
            if kind == "metadata"
            else (set(schema["properties"]) - set(METADATA_FIELDS) - {"values"})
        )
        schema["properties"] = {k: v for k, v in schema["properties"].items() if k in keep}
        schema["required"] = [r for r in schema.get("required", []) if r in keep]
        schema["title"] = (
            "Edition metadata (edition.yaml)" if kind == "metadata" else "Edition part"
        )
    elif kind == "value":
        defs = schema["$defs"]
        schema = copy.deepcopy(defs["CoreValue"])
        schema["$defs"] = {k: v for k, v in defs.items() if k != "CoreValue"}
    if kind != "edition":
        schema = _no_ids(schema, top=kind == "value")
    schema["$schema"] = _DRAFT
    return dict(schema)


def schema_json(kind: SchemaKind = "edition") -> str:
    """A schema as deterministic JSON text."""
    return json.dumps(schema_for(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_file(kind: SchemaKind) -> str:
    """The committed file name of a schema."""
    return f"{kind}.schema.json"

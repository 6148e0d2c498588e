"""Write a model back as content files in the canonical layout (the inverse of the loader).

Used for round-trip tests, for generating synthetic corpora, and by tools that build editions
in Python. Ids are derived, so they are never written.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from guidelines_model.load.find import EDITION_FILE, VALUES_DIR
from guidelines_model.model.documents import Edition
from guidelines_model.write.atomic import atomic_write

#: Edition fields written to their own part file (file stem = field name), in this order.
PART_FILES: dict[str, tuple[str, ...]] = {
    "front_matter": ("front_matter", "placement"),
    "glossary": ("glossary_heading", "glossary_intro", "glossary"),
    "back_matter": ("back_matter",),
    "who_values": ("who_values",),
    "key_objectives": ("key_objectives",),
    "competencies": ("competencies",),
    "misconceptions": ("misconceptions",),
    "language_examples": ("language_examples",),
    "interview_questions": ("interview_questions",),
    "role_table": ("role_table",),
    "job_description": ("job_description",),
    "recall": ("furniture", "omissions"),
    "waivers": ("waivers",),
}


def _plain(value: Any) -> Any:
    """Model data without ids and defaults, tuples as lists (what a person would write)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k != "id"}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def to_yaml(data: Any) -> str:
    """YAML text of plain data: block style, unicode kept, long lines not folded."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]  # ruamel attribute, untyped
    buf = io.StringIO()
    yaml.dump(data, buf)
    return buf.getvalue()


def edition_files(edition: Edition) -> dict[str, str]:
    """The content files of an edition: relative path -> YAML text."""
    data = edition.model_dump(exclude_defaults=True)
    files: dict[str, str] = {}
    parts = {f for fields in PART_FILES.values() for f in fields}
    meta = {k: v for k, v in data.items() if k not in parts and k != "values"}
    files[EDITION_FILE] = to_yaml({"id": data["id"], **_plain(meta)})
    for stem, fields in PART_FILES.items():
        chunk = {f: data[f] for f in fields if f in data}
        if chunk:
            files[f"{stem}.yaml"] = to_yaml(_plain(chunk))
    values = data.get("values", ())
    width = max(2, len(str(len(values))))  # the loader reads value files in name order
    for i, v in enumerate(values, start=1):
        files[f"{VALUES_DIR}/{i:0{width}d}-{v['key']}.yaml"] = to_yaml(_plain(v))
    return files


def write_edition(edition: Edition, folder: str | os.PathLike[str]) -> None:
    """Write an edition folder (each file atomically)."""
    base = Path(folder)
    for rel, text in edition_files(edition).items():
        atomic_write(base / rel, text)

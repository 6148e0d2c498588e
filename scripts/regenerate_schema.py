"""Regenerate the committed JSON Schemas under schema/ (run after changing the models)."""

from __future__ import annotations

from pathlib import Path

from guidelines_model.export.schema import KINDS, schema_file, schema_json
from guidelines_model.write.atomic import atomic_write

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    for kind in KINDS:
        atomic_write(ROOT / "schema" / schema_file(kind), schema_json(kind))
        print(f"schema/{schema_file(kind)}")


if __name__ == "__main__":
    main()

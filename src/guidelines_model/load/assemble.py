"""Load stage 5, one document's data: its parsed files put together, with their origin.

An edition is spread over files: ``edition.yaml``, one file per part (front matter,
glossary...), one file per value. Here their data become one mapping, as the models expect it,
and an :class:`~guidelines_model.model.origin.Origin` records which file and line each part of
it came from. A key defined in two files is an error at the second.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from guidelines_model.load.build import YamlDocument
from guidelines_model.load.find import DocumentFiles
from guidelines_model.model.errors import Problem, SchemaError, yaml_type
from guidelines_model.model.origin import Origin


@dataclass(slots=True)
class Assembled:
    """The data of one document, where it came from, and the raw text of plain non-strings."""

    data: dict[str, Any]
    origin: Origin
    #: ``(prefix, path in file) -> raw text`` of plain scalars that resolved to a non-string.
    plain: dict[Any, str]


def assemble(files: DocumentFiles, docs: Sequence[YamlDocument]) -> Assembled:
    """The document made of ``docs``, the parsed ``files`` in their order."""
    if files.kind == "derivative":
        return _derivative(docs[0])
    return _edition(docs[0], docs[1 : 1 + len(files.parts)], docs[1 + len(files.parts) :])


def _derivative(doc: YamlDocument) -> Assembled:
    origin = Origin()
    origin.add((), doc.marks)
    plain = {((), p): raw for p, raw in doc.plain.items()}
    return Assembled(_mapping(doc, "derivative metadata"), origin, plain)


def _edition(
    meta: YamlDocument, parts: Sequence[YamlDocument], value_files: Sequence[YamlDocument]
) -> Assembled:
    origin = Origin()
    plain: dict[Any, str] = {}
    data = dict(_mapping(meta, "edition metadata"))
    origin.add((), meta.marks)
    plain.update({((), p): raw for p, raw in meta.plain.items()})
    owner = dict.fromkeys(data, meta.marks.file)
    for doc in parts:
        for key, value in _mapping(doc, "top-level keys of the edition").items():
            if key in owner:
                line, col = doc.marks.keys[(key,)]
                raise SchemaError(
                    [
                        Problem(
                            doc.marks.file,
                            line,
                            col,
                            f"key {key!r} is already defined in {owner[key]}",
                            hint="each part of an edition lives in one file",
                        )
                    ]
                )
            owner[key] = doc.marks.file
            data[key] = value
            origin.add((key,), doc.marks, (key,))
        plain.update({((), p): raw for p, raw in doc.plain.items()})
    values: list[Any] = []
    for i, doc in enumerate(value_files):
        values.append(_mapping(doc, "a core value"))
        origin.add(("values", i), doc.marks)
        plain.update({(("values", i), p): raw for p, raw in doc.plain.items()})
    if values or "values" not in data:
        data["values"] = tuple(values)
    return Assembled(data, origin, plain)


def _mapping(doc: YamlDocument, what: str) -> dict[str, Any]:
    if not isinstance(doc.data, dict):
        got = "an empty file" if doc.data is None else f"a {yaml_type(doc.data)}"
        raise SchemaError(
            [Problem(doc.marks.file, 1, 1, f"expected a mapping ({what}), got {got}")]
        )
    return doc.data

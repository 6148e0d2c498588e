"""Edition metadata (publisher, year, licence, citation, approval...) compared field by field.

Two fields are not compared that way. Approval figures are statements a reader compares as
sentences: they are paired by similarity and reported added, removed or reworded with their
figures (never as JSON records paired by position). The sources (files and their sha256) and
the placement of parts record our transcription, not the publication: their changes are marked
``provenance`` and shown only on request.

Metadata is small JSON data (mappings, lists of records, scalars), compared the way
``DeepDiff(old, new, zip_ordered_iterables=True, threshold_to_diff_deeper=0)`` compares it:
mappings key by key (however few keys they share), lists by position, and a scalar that differs
in value or in type (1 and 1.0) is changed. The tests hold this code to
DeepDiff's own report on generated metadata. DeepDiff itself is not imported here: with its
dependencies it costs 50-100 ms, a third of a cold ``guidelines diff`` (#7).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Final

from pydantic import BaseModel

from guidelines_model.diff.classify import SUBSTANTIVE, classify, match_key
from guidelines_model.diff.model import PROVENANCE, Change, ChangeKind, Part, Place
from guidelines_model.diff.optimal_matching import match
from guidelines_model.model.documents import Edition
from guidelines_model.model.nodes import NodeKind
from guidelines_model.model.parts import Approval

#: Edition fields that are not metadata: the id, the parts compared as texts, and the notes,
#: exceptions and waivers that annotate our transcription rather than the publication.
NOT_METADATA: Final = frozenset(
    {
        "id",
        "title",
        "subtitle",
        "front_matter",
        "values",
        "glossary_heading",
        "glossary_intro",
        "glossary",
        "back_matter",
        "who_values",
        "key_objectives",
        "competencies",
        "misconceptions",
        "language_examples",
        "interview_questions",
        "role_table",
        "job_description",
        "notes",
        "unverified",
        "editorial",
        "furniture",
        "omissions",
        "waivers",
    }
)
#: Metadata fields compared (publisher, year, licence, citation, approval, sources...), in order.
FIELDS: Final = tuple(f for f in Edition.model_fields if f not in NOT_METADATA)

#: Fields that record where the content comes from, not what the edition says.
PROVENANCE_FIELDS: Final = frozenset({"sources", "placement"})
#: Below this similarity two approval statements are different statements.
STATEMENT_THRESHOLD: Final = 0.5

#: A side of a comparison that has no value there (an added or removed key or list entry).
MISSING: Final = object()


def _json(value: Any) -> Any:
    """A model field's value as ``model_dump(mode="json")`` gives it (tested to agree), built
    from the fields: dumping would build the models' serialisers, 30 ms of a cold start."""
    if isinstance(value, BaseModel):
        return {name: _json(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, tuple | list):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    return value


def metadata(edition: Edition) -> dict[str, Any]:
    """The compared metadata of an edition as plain JSON data."""
    return {name: _json(getattr(edition, name)) for name in FIELDS}


def differences(
    old: Any, new: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Any, Any]]:
    """``(path, old, new)`` for every place where two JSON values differ, in document order;
    ``MISSING`` stands for the side without a value."""
    if type(old) is dict and type(new) is dict:
        for key, value in old.items():
            if key in new:
                yield from differences(value, new[key], (*path, key))
            else:
                yield (*path, key), value, MISSING
        for key, value in new.items():
            if key not in old:
                yield (*path, key), MISSING, value
    elif type(old) is list and type(new) is list:
        for i in range(max(len(old), len(new))):
            if i >= len(new):
                yield (*path, i), old[i], MISSING
            elif i >= len(old):
                yield (*path, i), MISSING, new[i]
            else:
                yield from differences(old[i], new[i], (*path, i))
    elif type(old) is not type(new) or old != new:
        yield path, old, new


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _field(path: tuple[str | int, ...]) -> str:
    return ".".join(str(p + 1) if isinstance(p, int) else p for p in path)


def statement(a: Approval) -> str:
    """An approval figure as a reader compares it: the sentence, then its figures."""
    figures = [f"{a.percent:g}%" if a.percent is not None else ""]
    figures.append(f"{a.respondents} respondents" if a.respondents is not None else "")
    shown = ", ".join(f for f in figures if f)
    return f"{a.text} [{shown}]" if shown else a.text


def _approval_changes(a: Edition, b: Edition) -> list[Change]:
    """Approval statements paired by similarity: reworded, or removed and added."""
    old = [statement(x) for x in a.approval]
    new = [statement(y) for y in b.approval]
    index = FIELDS.index("approval")
    pairs = match([match_key(t) for t in old], [match_key(t) for t in new], STATEMENT_THRESHOLD)
    paired = [(i, j) for i, j, _ in pairs if old[i] != new[j]]
    sides: list[tuple[int | None, int | None]] = [*paired]
    sides += [(i, None) for i in range(len(old)) if i not in {p[0] for p in pairs}]
    sides += [(None, j) for j in range(len(new)) if j not in {p[1] for p in pairs}]
    out: list[Change] = []
    for i, j in sides:
        t1 = None if i is None else old[i]
        t2 = None if j is None else new[j]
        out.append(
            Change(
                kind=_kind(t1, t2),
                node=NodeKind.METADATA,
                part=Part.METADATA,
                value=None,
                old_id=None,
                new_id=None,
                old=t1,
                new=t2,
                classification=classify(t1, t2) if t1 and t2 else SUBSTANTIVE,
                similarity=None,
                old_place=None if i is None else Place("Metadata", f"approval statement {i + 1}"),
                new_place=None if j is None else Place("Metadata", f"approval statement {j + 1}"),
                field=f"approval.{(j if j is not None else i or 0) + 1}",
                old_index=index,
                new_index=index,
            )
        )
    return out


def _kind(old: str | None, new: str | None) -> ChangeKind:
    """Added, removed or reworded, by which side has a text (at least one has)."""
    if old is None:
        return ChangeKind.ADDED
    return ChangeKind.REMOVED if new is None else ChangeKind.REWORDED


def metadata_changes(a: Edition, b: Edition) -> list[Change]:
    """One change per metadata field (or list entry) that differs; approval statements as
    statements; provenance fields marked ``provenance``."""
    changes: list[Change] = []
    ma, mb = metadata(a), metadata(b)
    del ma["approval"], mb["approval"]
    for path, v1, v2 in differences(ma, mb):
        name = _field(path)
        t1 = None if v1 is MISSING else _text(v1)
        t2 = None if v2 is MISSING else _text(v2)
        if t1 is None and t2 is None:
            continue
        both = isinstance(v1, str) and isinstance(v2, str)
        place = Place("Metadata", name)
        changes.append(
            Change(
                kind=_kind(t1, t2),
                node=PROVENANCE if path[0] in PROVENANCE_FIELDS else NodeKind.METADATA,
                part=Part.METADATA,
                value=None,
                old_id=None,
                new_id=None,
                old=t1,
                new=t2,
                classification=classify(t1, t2) if both and t1 and t2 else SUBSTANTIVE,
                similarity=None,
                old_place=None if t1 is None else place,
                new_place=None if t2 is None else place,
                field=name,
                old_index=FIELDS.index(str(path[0])),
                new_index=FIELDS.index(str(path[0])),
            )
        )
    return changes + _approval_changes(a, b)

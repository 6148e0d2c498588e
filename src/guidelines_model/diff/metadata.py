"""Edition metadata (publisher, year, licence, citation, approval...) compared with DeepDiff.

DeepDiff's output stays here: it is turned into :class:`~.model.Change` objects at once.
DeepDiff is imported inside :func:`metadata_changes` because importing it costs ~250 ms.
"""

from __future__ import annotations

import json
from typing import Any, Final

from guidelines_model.diff.classify import SUBSTANTIVE, classify
from guidelines_model.diff.model import Change, ChangeKind, Place
from guidelines_model.models import Edition

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
        "job_description",
        "notes",
        "unverified",
        "waivers",
    }
)
#: Metadata fields compared (publisher, year, licence, citation, approval, sources...), in order.
FIELDS: Final = tuple(f for f in Edition.model_fields if f not in NOT_METADATA)

_ADDED: Final = frozenset({"dictionary_item_added", "iterable_item_added", "set_item_added"})
_REMOVED: Final = frozenset(
    {"dictionary_item_removed", "iterable_item_removed", "set_item_removed"}
)


def metadata(edition: Edition) -> dict[str, Any]:
    """The compared metadata of an edition as plain JSON data."""
    return edition.model_dump(mode="json", include=set(FIELDS))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _field(path: list[str | int]) -> str:
    return ".".join(str(p + 1) if isinstance(p, int) else p for p in path)


def metadata_changes(a: Edition, b: Edition) -> list[Change]:
    """One change per metadata field (or list entry) that differs."""
    from deepdiff import DeepDiff  # heavy: imported only when metadata is compared

    old, new = metadata(a), metadata(b)
    if old == new:
        return []
    changes: list[Change] = []
    tree = DeepDiff(old, new, view="tree")
    for report, levels in tree.items():
        for level in levels:
            path = level.path(output_format="list")
            name = _field(path)
            t1 = None if report in _ADDED else _text(level.t1)
            t2 = None if report in _REMOVED else _text(level.t2)
            if t1 is None and t2 is None:
                continue
            if t1 is None:
                kind = ChangeKind.ADDED
            elif t2 is None:
                kind = ChangeKind.REMOVED
            else:
                kind = ChangeKind.REWORDED
            both = isinstance(level.t1, str) and isinstance(level.t2, str)
            place = Place("Metadata", name)
            changes.append(
                Change(
                    kind=kind,
                    node="metadata",
                    part="metadata",
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
    return changes

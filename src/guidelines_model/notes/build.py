"""Release notes from a diff: the changes a maintainer publishes with a new edition, grouped.

Nothing here is written by hand: every line comes from a :class:`~guidelines_model.diff.Change`
of ``diff(old, new)``. Per value, the substantive changes come first, by kind (added, removed,
reworded with both wordings, moved, split or merged, renumbered); the rewordings that change only
capitals, spacing, punctuation or US/UK spelling (the diff's noise classes) are only counted,
by class. The supervisor column, the glossary and the other parts have sections of their own.

>>> from guidelines_model import load_library
>>> from guidelines_model.diff import diff
>>> lib = load_library()
>>> notes = release_notes(diff(lib.edition("2013"), lib.edition("2019_supervisors")))
>>> [g.title for g in notes.values][6]
'Value 7 "Peer supporters are honest and direct"'
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from guidelines_model.diff.model import NOISE, Change, ChangeKind, DiffResult, EditionRef
from guidelines_model.diff.units import PART_LABELS

#: The order of the kinds in a group, and how each is headed.
KIND_ORDER: tuple[tuple[ChangeKind, str], ...] = (
    (ChangeKind.ADDED, "Added"),
    (ChangeKind.REMOVED, "Removed"),
    (ChangeKind.REWORDED, "Reworded"),
    (ChangeKind.MOVED, "Moved"),
    (ChangeKind.SPLIT, "Split"),
    (ChangeKind.MERGED, "Merged"),
    (ChangeKind.RENUMBERED, "Renumbered"),
)
_SUPERVISOR = frozenset({"supervisor", "supervisor-item", "supervisor-lead-in"})


def is_noise(c: Change) -> bool:
    """A rewording in noise classes only (capitals, spacing, punctuation, spelling)."""
    return c.kind is ChangeKind.REWORDED and bool(c.classification) and c.classification <= NOISE


@dataclass(frozen=True, slots=True)
class Group:
    """The changes of one value (or part): substantive ones listed, noise counted by class."""

    #: The summary row: a value key or a part name.
    row: str
    #: How the guideline names it: ``Value 7 "..."``, ``Glossary``.
    title: str
    #: Substantive changes, by kind in :data:`KIND_ORDER`, then document order.
    changes: tuple[Change, ...]
    #: Noise rewordings per class (a change of two classes counts in both).
    noise: dict[str, int]
    #: How many rewordings are noise.
    noise_total: int

    def by_kind(self) -> list[tuple[str, list[Change]]]:
        """The substantive changes under their kind's heading, kinds in order."""
        out: list[tuple[str, list[Change]]] = []
        for kind, heading in KIND_ORDER:
            listed = [c for c in self.changes if c.kind is kind]
            if listed:
                out.append((heading, listed))
        return out


@dataclass(frozen=True, slots=True)
class ReleaseNotes:
    """The release notes of ``new`` against ``old``."""

    old: EditionRef
    new: EditionRef
    #: One group per value with a change, in document order.
    values: tuple[Group, ...]
    #: Supervisor column changes, one group per value (additions, in 2019).
    supervisor: tuple[Group, ...]
    glossary: Group | None
    #: The other parts, as headed (title, front and back matter, the parts only WHO prints):
    #: counts by kind only (``noise`` for noise rewordings).
    other: dict[str, dict[str, int]]
    #: Changes of a container (no text of their own) made alike in several values, said once
    #: instead of in each value: ``("Practice items numbered → practice items bulleted", 12)``.
    alike: tuple[tuple[str, int], ...] = ()


def local(c: Change, title: str) -> str:
    """Where ``c`` is within its group titled ``title``: ``Practice item 5 → practice item 4``."""
    text = c.where
    prefix = f"{title}, "
    if text.startswith(prefix):
        text = text[len(prefix) :]
    elif text == title:
        text = "title" if c.node == "value" else text
    return text[:1].upper() + text[1:]


def _alike(values: dict[str, list[Change]]) -> tuple[tuple[str, int], ...]:
    """The container changes whose kind and place are the same in two values or more."""
    seen: Counter[tuple[ChangeKind, str]] = Counter()
    for row, cs in values.items():
        title = _title(row, cs)
        seen.update({(c.kind, local(c, title)) for c in cs if c.old is None and c.new is None})
    return tuple((label, n) for (_, label), n in seen.items() if n > 1)


def _title(row: str, changes: list[Change]) -> str:
    if row in PART_LABELS:
        return PART_LABELS[row]
    for c in changes:
        # Named as Change.where names it: by the old edition, where it has the container.
        place = c.old_place or (c.new_place.seen_from_other() if c.new_place else None)
        if place is not None and place.context:
            return place.context
    return row


def _group(row: str, changes: list[Change], alike: frozenset[str] = frozenset()) -> Group:
    noise = [c for c in changes if is_noise(c)]
    title = _title(row, changes)

    def container_said(c: Change) -> bool:
        # A container added or removed is its texts, which are listed; one changed alike in
        # several values is said once (ReleaseNotes.alike).
        if c.old is not None or c.new is not None:
            return False
        return c.kind in (ChangeKind.ADDED, ChangeKind.REMOVED) or local(c, title) in alike

    listed = [c for c in changes if not is_noise(c) and not container_said(c)]
    rank = {k: i for i, (k, _) in enumerate(KIND_ORDER)}
    listed.sort(key=lambda c: rank.get(c.kind, len(rank)))  # stable: document order kept
    counts: Counter[str] = Counter(k.value for c in noise for k in c.classification)
    return Group(row, title, tuple(listed), dict(sorted(counts.items())), len(noise))


def release_notes(result: DiffResult) -> ReleaseNotes:
    """The release notes of a diff (every change, whatever the result's filters)."""
    values: dict[str, list[Change]] = {}
    supervisor: dict[str, list[Change]] = {}
    glossary: list[Change] = []
    other: dict[str, Counter[str]] = {}
    for c in result.all_changes:
        if c.node == "provenance":
            continue
        if c.part == "values" and c.node in _SUPERVISOR:
            supervisor.setdefault(c.row, []).append(c)
        elif c.part == "values":
            values.setdefault(c.row, []).append(c)
        elif c.part == "glossary":
            glossary.append(c)
        elif c.old is not None or c.new is not None:
            key = "noise" if is_noise(c) else c.kind.value
            other.setdefault(PART_LABELS.get(c.part, str(c.part)), Counter())[key] += 1
    alike = _alike(values)
    said = frozenset(label for label, _ in alike)
    return ReleaseNotes(
        old=result.old,
        new=result.new,
        values=tuple(_group(row, cs, said) for row, cs in values.items()),
        supervisor=tuple(_group(row, cs) for row, cs in supervisor.items()),
        glossary=_group("glossary", glossary) if glossary else None,
        other={part: dict(counts) for part, counts in other.items()},
        alike=alike,
    )

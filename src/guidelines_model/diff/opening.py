"""The opening list of value titles, as the diff compares it.

An edition stores a value's title in its opening list only where the list prints it differently
from the heading (``listed_title: null`` means "as the heading"). Comparing the stored field
would report an "added" listed title wherever one edition writes it out and the other leaves it
implicit, and would report nothing for an edition that prints no opening list at all. So:

- when both editions print an opening list, every value's listed title is made explicit (the
  heading where it is implicit) and compared like any other title;
- when only one prints it, the whole list is one change, added or removed, and the listed
  titles are not compared one by one.
"""

from __future__ import annotations

from guidelines_model.diff.classify import SUBSTANTIVE
from guidelines_model.diff.model import Change, ChangeKind, Part, Place
from guidelines_model.model.documents import Edition
from guidelines_model.model.nodes import NodeKind

#: The node kind and local id of the opening list as one change.
NODE = NodeKind.OPENING_LIST
PLACE = Place("Opening list", "", NODE)


def prints_opening_list(e: Edition) -> bool:
    """Whether the edition prints the numbered list of value titles before the values."""
    return "opening_list" in e.placement or any(v.listed_title is not None for v in e.values)


def explicit(e: Edition) -> Edition:
    """The edition with every listed title written out (the heading where it is implicit)."""
    if all(v.listed_title is not None for v in e.values):
        return e
    values = tuple(
        v if v.listed_title is not None else v.model_copy(update={"listed_title": v.title})
        for v in e.values
    )
    return e.model_copy(update={"values": values})


def _without(e: Edition) -> Edition:
    if all(v.listed_title is None for v in e.values):
        return e
    values = tuple(v.model_copy(update={"listed_title": None}) for v in e.values)
    return e.model_copy(update={"values": values})


def listing(e: Edition) -> str:
    """The opening list as printed: one ``N. title`` line per value."""
    return "\n".join(f"{v.number}. {v.listed_title or v.title}" for v in e.values)


def opening_lists(a: Edition, b: Edition) -> tuple[Edition, Edition, list[Change]]:
    """Both editions with their listed titles made comparable, and the change of the opening
    list as a whole when only one edition prints it."""
    in_a, in_b = prints_opening_list(a), prints_opening_list(b)
    if in_a and in_b:
        return explicit(a), explicit(b), []
    if not in_a and not in_b:
        return a, b, []
    old = listing(a) if in_a else None
    new = listing(b) if in_b else None
    change = Change(
        kind=ChangeKind.REMOVED if in_a else ChangeKind.ADDED,
        node=NODE,
        part=Part.FRONT_MATTER,
        value=None,
        old_id=f"{a.id}/{NODE}" if in_a else None,
        new_id=f"{b.id}/{NODE}" if in_b else None,
        old=old,
        new=new,
        classification=SUBSTANTIVE,
        similarity=None,
        old_place=PLACE if in_a else None,
        new_place=PLACE if in_b else None,
    )
    return _without(a), _without(b), [change]

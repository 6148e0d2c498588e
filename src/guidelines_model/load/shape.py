"""Beside the cache: the shape every field of a model must have, checked on a decoded entry.

A cache entry is built without validation (that is the point of the cache), so an entry that
is damaged, written by another version, or planted with a recomputed checksum could hold a
model with a field missing or of the wrong type: a traceback in ``list`` or ``export``, or an
edition without a title passing ``validate``. Each model's field annotations are turned once
into plain checks (types, literals, tuples of models, ``min_length``, ``ge``/``le`` and
``pattern`` constraints); the cache runs them while decoding, and anything that does not fit
is a miss. Model validators (id assignment, cross-field rules) are not run again: the cache
folder is trusted like the installed package, and this guards against what is broken, not
against what the user's own account writes there on purpose.
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable
from typing import Annotated, Any, Literal, Union, get_args, get_origin

Check = Callable[[Any], bool]

#: Annotations no check could be made for (a test keeps this empty).
UNCHECKED: set[str] = set()


def _any(value: Any) -> bool:
    return True


def _constraint(attr: str, bound: Any) -> Check:
    if attr == "min_length":
        return lambda v: len(v) >= bound
    if attr == "ge":
        return lambda v: bool(v >= bound)
    if attr == "le":
        return lambda v: bool(v <= bound)
    pattern = re.compile(bound)
    return lambda v: pattern.match(v) is not None


def _constraints(metadata: list[Any]) -> list[Check]:
    return [
        _constraint(attr, getattr(m, attr))
        for m in metadata
        for attr in ("min_length", "ge", "le", "pattern")
        if getattr(m, attr, None) is not None
    ]


_EXACT = {str: (str,), int: (int,), bool: (bool,), float: (float, int), type(None): (type(None),)}


def check_for(annotation: Any, metadata: list[Any] | None = None) -> Check:  # noqa: PLR0911 - one case per kind of annotation
    """A function telling whether a decoded value fits ``annotation`` (and its constraints)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *meta = get_args(annotation)
        extra = [x for m in meta for x in (getattr(m, "metadata", None) or [m])]
        return check_for(inner, [*(metadata or []), *extra])
    limits = _constraints(metadata or [])
    if annotation in _EXACT:
        kinds = _EXACT[annotation]
        if not limits:
            return lambda v: type(v) in kinds
        if len(limits) == 1:  # most constrained fields have one: no loop
            (only,) = limits
            return lambda v: type(v) in kinds and only(v)
        return lambda v: type(v) in kinds and all(c(v) for c in limits)
    if origin in (Union, types.UnionType):
        options = [check_for(a, metadata) for a in get_args(annotation)]
        return lambda v: any(c(v) for c in options)
    if origin is Literal:
        allowed = {(type(a), a) for a in get_args(annotation)}
        return lambda v: (type(v), v) in allowed
    if origin is tuple:
        args = get_args(annotation)
        if len(args) == 2 and args[1] is Ellipsis:  # tuple[X, ...]
            item = check_for(args[0])
            return lambda v: type(v) is tuple and all(item(x) for x in v)
        items = [check_for(a) for a in args]
        return lambda v: (
            type(v) is tuple
            and len(v) == len(items)
            and all(c(x) for c, x in zip(items, v, strict=True))
        )
    if origin is dict:
        key, value = (check_for(a) for a in get_args(annotation))
        return lambda v: type(v) is dict and all(key(k) and value(x) for k, x in v.items())
    if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
        return lambda v: type(v) is annotation  # decoded as the exact class, checked itself
    UNCHECKED.add(repr(annotation))
    return _any


def model_checks(cls: Any) -> tuple[frozenset[str], tuple[Check, ...]]:
    """The required field names of a model class and one check per field, in field order."""
    required = frozenset(n for n, f in cls.model_fields.items() if f.is_required())
    checks = tuple(check_for(f.annotation, list(f.metadata)) for f in cls.model_fields.values())
    return required, checks

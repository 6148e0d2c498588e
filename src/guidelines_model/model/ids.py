"""Stable keys and citable ids: the scheme, and its assignment to raw edition data.

An id is a slash-separated path that starts with the edition id, e.g. ``2013/voluntary/practice/3``.
Ids are built from keys and item numbers written in the content (never from text), so they
survive rewording. The full scheme is documented in the README under "Id scheme".

:func:`assign_edition_ids` and :func:`assign_derivative_ids` fill the ids in before validation.
They work on the plain data the loader builds (dicts and tuples) and on model instances passed
in from Python; the input is never mutated. Anything of an unexpected shape is passed through
untouched so that validation reports it at its location.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

#: The twelve core values in canonical order, keyed as every edition keys them.
CANONICAL_VALUE_KEYS: Final[tuple[str, ...]] = (
    "voluntary",
    "hopeful",
    "open-minded",
    "empathetic",
    "respectful",
    "facilitates-change",
    "honest-direct",
    "mutual-reciprocal",
    "shared-power",
    "strengths-focused",
    "transparent",
    "person-driven",
)

KEY_PATTERN: Final = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
EDITION_ID_PATTERN: Final = r"^[a-z0-9]+(?:_[a-z0-9]+)*$"


def join(*parts: str | int) -> str:
    """Join id parts with ``/``."""
    return "/".join(str(p) for p in parts)


def edition_of(id_: str) -> str:
    """The edition (or derivative) id an id belongs to."""
    return id_.split("/", 1)[0]


# --- assignment: raw data -> data with every id filled in ---------------------------------------

_Fn = Callable[[Any, str], Any]


def _plain(obj: Any) -> Any:
    if type(obj) is dict:  # the loader's data: no attribute lookup
        return obj
    dump = getattr(obj, "model_dump", None)
    return dump() if callable(dump) else obj


def _with_id(obj: Any, id_: str, children: dict[str, _Fn] | None = None) -> Any:
    obj = _plain(obj)
    if not isinstance(obj, dict):
        return obj
    new = dict(obj)
    new["id"] = id_
    for field, fn in (children or {}).items():
        if field in new:
            new[field] = fn(new[field], id_)
    return new


def _each(data: Any, make: Callable[[Any, int], str | None], fn: Callable[[Any, str], Any]) -> Any:
    """Apply ``fn`` to every element that ``make`` can name; leave the rest alone."""
    if not isinstance(data, (list, tuple)):
        return data
    out = []
    for pos, raw in enumerate(data, start=1):
        el = _plain(raw)
        name = make(el, pos)
        out.append(fn(el, name) if name is not None else el)
    return tuple(out)


def _field(field: str) -> Callable[[Any, int], str | None]:
    def make(el: Any, _pos: int) -> str | None:
        return _name(el.get(field)) if isinstance(el, dict) else None

    return make


def _position(_el: Any, pos: int) -> str:
    return str(pos)


def _name(val: Any) -> str | None:
    """What :func:`_field` makes of a field's value."""
    return str(val) if isinstance(val, (str, int)) and not isinstance(val, bool) else None


def _items(data: Any, parent: str) -> Any:
    # _each(data, _field("n"), lambda el, n: _with_id(el, join(parent, n))), inlined: the
    # loader's hot path (five items per value)
    if not isinstance(data, (list, tuple)):
        return data
    out = []
    for raw in data:
        el = _plain(raw)
        n = _name(el.get("n")) if isinstance(el, dict) else None
        if n is not None:
            el = dict(el)
            el["id"] = parent + "/" + n
        out.append(el)
    return tuple(out)


def _footnotes(data: Any, parent: str) -> Any:
    return _each(data, _field("marker"), lambda el, m: _with_id(el, join(parent, "footnote", m)))


def _blocks(data: Any, parent: str) -> Any:
    return _each(data, _position, lambda el, k: _with_id(el, join(parent, k)))


def _sections(prefix: str) -> _Fn:
    def fn(data: Any, edition: str) -> Any:
        return _each(
            data,
            _field("key"),
            lambda el, key: _with_id(
                el,
                join(edition, prefix, key) if prefix else join(edition, key),
                {"blocks": _blocks, "footnotes": _footnotes},
            ),
        )

    return fn


def _column(data: Any, id_: str) -> Any:
    """A practice or supervisor column: its id, and its items'."""
    obj = _plain(data)
    if not isinstance(obj, dict):
        return obj
    new = dict(obj)
    new["id"] = id_
    if "items" in new:
        new["items"] = _items(new["items"], id_)
    return new


def _values(data: Any, edition: str) -> Any:
    def one(el: Any, key: str) -> Any:
        vid = edition + "/" + key
        new = dict(el)  # _each passes only dicts with a key
        new["id"] = vid
        if "practice" in new:
            new["practice"] = _column(new["practice"], vid + "/practice")
        if "supervisor" in new:
            new["supervisor"] = _column(new["supervisor"], vid + "/supervisor")
        return new

    return _each(data, _field("key"), one)


def _keyed(prefix: str, field: str, children: dict[str, _Fn] | None = None) -> _Fn:
    def fn(data: Any, edition: str) -> Any:
        return _each(
            data, _field(field), lambda el, k: _with_id(el, join(edition, prefix, k), children)
        )

    return fn


def _numbered(prefix: str) -> _Fn:
    def fn(data: Any, edition: str) -> Any:
        return _items(data, join(edition, prefix))

    return fn


_EDITION_PARTS: dict[str, _Fn] = {
    "front_matter": _sections("front"),
    "values": _values,
    "glossary": _keyed("glossary", "key", {"footnotes": _footnotes}),
    "back_matter": _sections("back"),
    "who_values": _keyed("who-values", "key"),
    "key_objectives": _numbered("objectives"),
    "competencies": _keyed("competencies", "n", {"items": _items}),
    "misconceptions": _keyed("misconceptions", "n"),
    "language_examples": _keyed("language", "n"),
    "interview_questions": _numbered("interview-questions"),
    "role_table": _keyed("role-table", "n"),
    "job_description": _sections("job-description"),
}

_DERIVATIVE_PARTS: dict[str, _Fn] = {
    "glosses": _keyed("gloss", "value"),
    "sections": _sections(""),
}


_NESTED = (dict, list, tuple)


def _tuplify(data: Any) -> Any:
    """Lists to tuples, all the way down: Python callers may pass lists to the strict models.

    Dicts are always copied (as plain dicts); only containers are visited.
    """
    if isinstance(data, dict):
        return {k: _tuplify(v) if isinstance(v, _NESTED) else v for k, v in data.items()}
    if isinstance(data, list):
        return tuple(_tuplify(v) if isinstance(v, _NESTED) else v for v in data)
    if isinstance(data, tuple) and any(isinstance(v, (list, dict)) for v in data):
        return tuple(_tuplify(v) if isinstance(v, _NESTED) else v for v in data)
    return data


#: Validation context of data the loader built: tuples already, never lists.
LOADED = {"guidelines_model.loaded": True}


def loaded(context: Any) -> bool:
    """Whether a validation context is :data:`LOADED`."""
    return isinstance(context, dict) and context.get("guidelines_model.loaded") is True


def _assign(data: Any, parts: dict[str, _Fn], tuples: bool) -> Any:
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        return data
    if not tuples:
        data = _tuplify(data)
    eid = data["id"]
    new = dict(data)
    for field, fn in parts.items():
        if field in new:
            new[field] = fn(new[field], eid)
    return new


def assign_edition_ids(data: Any, *, tuples: bool = False) -> Any:
    """Return edition data with every id filled in (``tuples``: the data has no lists)."""
    return _assign(data, _EDITION_PARTS, tuples)


def assign_derivative_ids(data: Any, *, tuples: bool = False) -> Any:
    """Return derivative data with every id filled in (``tuples``: the data has no lists)."""
    return _assign(data, _DERIVATIVE_PARTS, tuples)

"""Assign citable ids to raw edition data before validation.

Works on the plain data the loader builds (dicts and tuples) and on model instances passed in
from Python; the input is never mutated. Anything of an unexpected shape is passed through
untouched so that validation reports it at its location.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from guidelines_model.ids import join

_Fn = Callable[[Any, str], Any]


def _plain(obj: Any) -> Any:
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
        val = el.get(field) if isinstance(el, dict) else None
        return str(val) if isinstance(val, (str, int)) and not isinstance(val, bool) else None

    return make


def _position(_el: Any, pos: int) -> str:
    return str(pos)


def _items(data: Any, parent: str) -> Any:
    return _each(data, _field("n"), lambda el, n: _with_id(el, join(parent, n)))


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


def _values(data: Any, edition: str) -> Any:
    def one(el: Any, key: str) -> Any:
        vid = join(edition, key)
        return _with_id(
            el,
            vid,
            {
                "practice": lambda p, _: _with_id(p, join(vid, "practice"), {"items": _items}),
                "supervisor": lambda s, _: _with_id(s, join(vid, "supervisor"), {"items": _items}),
            },
        )

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
    "job_description": _sections("job-description"),
}

_DERIVATIVE_PARTS: dict[str, _Fn] = {
    "glosses": _keyed("gloss", "value"),
    "sections": _sections(""),
}


def _tuplify(data: Any) -> Any:
    """Lists to tuples, all the way down: Python callers may pass lists to the strict models."""
    if isinstance(data, dict):
        return {k: _tuplify(v) for k, v in data.items()}
    if isinstance(data, list):
        return tuple(_tuplify(v) for v in data)
    if isinstance(data, tuple) and any(isinstance(v, (list, dict)) for v in data):
        return tuple(_tuplify(v) for v in data)
    return data


def _assign(data: Any, parts: dict[str, _Fn]) -> Any:
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        return data
    data = _tuplify(data)
    eid = data["id"]
    new = dict(data)
    for field, fn in parts.items():
        if field in new:
            new[field] = fn(new[field], eid)
    return new


def assign_edition_ids(data: Any) -> Any:
    """Return edition data with every id filled in."""
    return _assign(data, _EDITION_PARTS)


def assign_derivative_ids(data: Any) -> Any:
    """Return derivative data with every id filled in."""
    return _assign(data, _DERIVATIVE_PARTS)

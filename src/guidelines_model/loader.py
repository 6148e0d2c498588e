"""Load editions from content folders: YAML files -> plain data with positions -> models.

Every error, YAML or model, is reported at its node as ``file:line:column: yaml.path: message``.
"""

from __future__ import annotations

import gc
import os
import types
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from guidelines_model._assign import LOADED
from guidelines_model._cache import Entry
from guidelines_model._origin import Origin, format_path
from guidelines_model._paths import DERIVATIVE_FILE, edition_files
from guidelines_model._read import Reader
from guidelines_model._yaml import DEFAULT_LIMITS, Limits, YamlDocument
from guidelines_model.errors import Problem, SchemaError
from guidelines_model.models import Derivative, Edition
from guidelines_model.summary import summarise, to_cache


@contextmanager
def no_gc() -> Iterator[None]:
    """The garbage collector off for a block (re-entrant).

    Building thousands of small containers triggers many useless collections: off, a
    10,000-value edition loads in 3.7 s instead of 5.3 s (1.2 s instead of 1.8 s from the cache).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _mapping(doc: YamlDocument, what: str) -> dict[str, Any]:
    if not isinstance(doc.data, dict):
        got = "an empty file" if doc.data is None else f"a {_kind(doc.data)}"
        raise SchemaError(
            [Problem(doc.marks.file, 1, 1, f"expected a mapping ({what}), got {got}")]
        )
    return doc.data


def _kind(value: Any) -> str:
    return {
        dict: "mapping",
        tuple: "list",
        list: "list",
        str: "string",
        bool: "boolean",
        int: "number",
        float: "number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def load_edition(
    folder: str | os.PathLike[str], *, root: Path | None = None, limits: Limits = DEFAULT_LIMITS
) -> Edition:
    """Load and validate one edition folder (``edition.yaml``, part files, ``values/``)."""
    folder = Path(folder)
    reader = Reader(root or folder, limits)
    groups = edition_files(folder)
    return read_document(Edition, reader, groups, reader.prefetch("edition", groups))


def load_derivative(
    folder: str | os.PathLike[str], *, root: Path | None = None, limits: Limits = DEFAULT_LIMITS
) -> Derivative:
    """Load and validate one derivative folder (``derivative.yaml``)."""
    reader = Reader(root or Path(folder), limits)
    groups = [[Path(folder) / DERIVATIVE_FILE]]
    return read_document(Derivative, reader, groups, reader.prefetch("derivative", groups))


Doc = TypeVar("Doc", Edition, Derivative)


def read_document(
    model: type[Doc], reader: Reader, groups: list[list[Path]], entry: Entry | None
) -> Doc:
    """The document in ``groups`` (as :func:`edition_files` lists them, or the derivative file),
    whose bytes ``reader`` has prefetched into ``entry``: from the cache, or parsed, validated
    and stored with its summary."""
    with no_gc():
        shown = [reader.display(p) for group in groups for p in group] if entry else []
        cached = entry.load(shown) if entry else None
        if cached is not None and isinstance(cached[0], model):
            doc, origin = cached[0], cached[1]
        else:
            if model is Edition:
                data, origin, plain = _gather(groups, reader)
            else:
                data, origin, plain = _gather_derivative(groups[0][0], reader)
            try:
                doc = model.model_validate(data, context=LOADED)
            except PydanticValidationError as exc:
                raise _translate(exc, origin, plain, model) from None
            if entry is not None:
                entry.save(doc, origin, shown, to_cache(summarise(doc)))
    doc._origin = origin
    return doc


def _gather_derivative(path: Path, reader: Reader) -> tuple[dict[str, Any], Origin, dict[Any, str]]:
    doc = reader.read(path)
    origin = Origin()
    origin.add((), doc.marks)
    plain = {((), p): raw for p, raw in doc.plain.items()}
    return _mapping(doc, "derivative metadata"), origin, plain


def _gather(
    groups: list[list[Path]], reader: Reader
) -> tuple[dict[str, Any], Origin, dict[Any, str]]:
    [meta_path], parts, value_files = groups
    origin = Origin()
    plain: dict[Any, str] = {}
    meta = reader.read(meta_path)
    data = dict(_mapping(meta, "edition metadata"))
    origin.add((), meta.marks)
    plain.update({((), p): raw for p, raw in meta.plain.items()})
    owner = dict.fromkeys(data, meta.marks.file)
    for part in parts:
        doc = reader.read(part)
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
    for i, vpath in enumerate(value_files):
        doc = reader.read(vpath)
        values.append(_mapping(doc, "a core value"))
        origin.add(("values", i), doc.marks)
        plain.update({(("values", i), p): raw for p, raw in doc.plain.items()})
    if values or "values" not in data:
        data["values"] = tuple(values)
    return data, origin, plain


# --- pydantic errors -> problems at YAML nodes -------------------------------------------------

_PATTERNS: dict[str, Callable[[Any], tuple[str, str]]] = {
    "key": lambda v: (
        f"{v!r} is not a valid key",
        "use lowercase letters and digits joined by '-'",
    ),
    "id": lambda v: (
        f"{v!r} is not a valid edition id",
        "use lowercase letters and digits joined by '_', e.g. who_2017",
    ),
    "based_on": lambda v: (f"{v!r} is not a valid edition id", "e.g. 2013 (quoted) or who_2017"),
    "derived_from": lambda v: (f"{v!r} is not a valid edition id", "e.g. 2013 (quoted)"),
    "file": lambda v: (
        f"{v!r} is not a file name in sources/",
        "name a file directly inside sources/: no folders, '..' or '/'",
    ),
    "sha256": lambda v: (f"{v!r} is not a sha256 digest", "64 lowercase hex digits"),
    "text_hash": lambda v: (
        f"{v!r} is not a text hash",
        "12 lowercase hex digits, as `guidelines check --format json` shows",
    ),
    "code": lambda v: (f"{v!r} is not a check code", "GM and three digits, e.g. GM201"),
}

_MESSAGES = {
    "string_type": "expected text (a string)",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "bool_type": "expected true or false",
    "float_type": "expected a number",
    "tuple_type": "expected a list",
    "list_type": "expected a list",
    "dict_type": "expected a mapping (key: value pairs)",
    "model_type": "expected a mapping (key: value pairs)",
    "model_attributes_type": "expected a mapping (key: value pairs)",
    "string_too_short": "must not be empty",
    "too_short": "must not be empty",
}


def _translate(
    exc: PydanticValidationError, origin: Origin, plain: dict[Any, str], model: type[BaseModel]
) -> SchemaError:
    problems = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        kind = err["type"]
        where = origin.locate(loc, key=kind == "extra_forbidden")
        file, line, col = (where.file, where.line, where.column) if where else ("<data>", 1, 1)
        message, hint = _describe(err, loc, plain, model)
        inner = _inner(origin, loc)
        if kind == "missing":  # the message names the key; the path is where it is missing
            inner = inner[:-1]
        problems.append(Problem(file, line, col, message, format_path(inner), hint))
    return SchemaError(problems)


def _inner(origin: Origin, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    found = origin.resolve(loc)
    return found[1] if found else loc


def _describe(
    err: Any, loc: tuple[Any, ...], plain: dict[Any, str], model: type[BaseModel]
) -> tuple[str, str | None]:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return f"missing required key {loc[-1]!r}", None
    if kind == "extra_forbidden":
        import difflib  # only for this hint

        known = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = (
            f"did you mean {close[0]!r}?"
            if close
            else (f"allowed keys: {', '.join(known)}" if known else None)
        )
        return f"unknown key {loc[-1]!r}", hint
    if kind == "literal_error":
        return f"expected one of {ctx.get('expected', '')}, got {err['input']!r}", None
    if kind == "string_pattern_mismatch":
        return _PATTERNS.get(str(loc[-1]), _PATTERNS["key"])(err["input"])
    if kind in {"greater_than_equal", "less_than_equal"}:
        return f"{err['msg'].lower()}, got {err['input']!r}", None
    message = _MESSAGES.get(kind, err["msg"])
    got = err.get("input")
    if kind in _MESSAGES and kind not in {"string_too_short", "too_short"}:
        message += f", got {_kind(got)}"
    hint = None
    raw = _raw_plain(plain, loc)
    if kind == "string_type" and raw is not None:
        hint = f'YAML reads {raw!r} as a {_kind(got)}; put it in quotes: "{raw}"'
    elif kind in {"int_type", "int_parsing"} and isinstance(got, str) and got.isdigit():
        hint = "write the number without quotes or leading zeros"
    return message, hint


def _raw_plain(plain: dict[Any, str], loc: tuple[Any, ...]) -> str | None:
    for (prefix, path), raw in plain.items():
        if (*prefix, *path) == loc:
            return raw
    return None


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys allowed at a location: follow field annotations down the model."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(part)
        if field is None:
            return []
        current = field.annotation
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [name for name in current.model_fields if name != "id"]
    return []


def _unwrap(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else tp
            if len(args) != 1:
                return tp
        else:
            return tp

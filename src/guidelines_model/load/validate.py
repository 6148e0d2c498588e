"""Load stage 6, validated models: ids assigned, the data validated, errors put at YAML nodes.

The models assign their own ids as they validate (:mod:`guidelines_model.model.ids`), so an
edition built in Python gets the same ids; the data from the loader is validated with the
``LOADED`` context (tuples already, nothing to convert). A pydantic error becomes a problem at
its file, line and column with the YAML path the user edits, and a hint where one helps (a
misspelled key, a number that should be quoted).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from guidelines_model.load.assemble import Assembled
from guidelines_model.model.documents import Derivative, Edition
from guidelines_model.model.errors import Problem, SchemaError, close_match, yaml_type
from guidelines_model.model.ids import LOADED
from guidelines_model.model.origin import Origin, format_path

Doc = TypeVar("Doc", Edition, Derivative)


def validate(model: type[Doc], assembled: Assembled) -> Doc:
    """The document ``model`` of the assembled data (``SchemaError`` with every problem)."""
    try:
        return model.model_validate(assembled.data, context=LOADED)
    except PydanticValidationError as exc:
        raise _translate(exc, assembled.origin, assembled.plain, model) from None


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

_YAML11_BOOLEANS = {"yes", "no", "on", "off", "y", "n"}

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
        known = _fields_at(model, loc[:-1])
        close = close_match(str(loc[-1]), known)
        hint = (
            f"did you mean {close!r}?"
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
    if kind == "value_error":  # our own validators' words, without pydantic's prefix
        message = message.removeprefix("Value error, ")
    got = err.get("input")
    if kind in _MESSAGES and kind not in {"string_too_short", "too_short"}:
        message += f", got {yaml_type(got)}"
    hint = None
    raw = _raw_plain(plain, loc)
    if kind == "string_type" and raw is not None:
        hint = f'YAML reads {raw!r} as a {yaml_type(got)}; put it in quotes: "{raw}"'
    elif kind in {"int_type", "int_parsing"} and isinstance(got, str) and got.isdigit():
        hint = "write the number without quotes or leading zeros"
    elif kind == "bool_type" and isinstance(got, str) and got.lower() in _YAML11_BOOLEANS:
        # YAML 1.1 (and many editors) read yes/no/on/off as booleans; YAML 1.2 does not.
        hint = f"YAML 1.2 reads {got!r} as text, not a boolean: write true or false"
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

"""guidelines-model: every edition of the peer-support practice guidelines as typed content."""

from __future__ import annotations

from typing import Any

from guidelines_model._yaml import Limits
from guidelines_model.errors import (
    ContentError,
    GuidelinesError,
    LimitError,
    NotFoundError,
    Problem,
    SchemaError,
    SourceFileError,
    UnsafeYamlError,
    YamlSyntaxError,
)
from guidelines_model.ids import CANONICAL_VALUE_KEYS
from guidelines_model.library import Library, load_library
from guidelines_model.loader import load_derivative, load_edition
from guidelines_model.models import (
    CompetencyCategory,
    CoreValue,
    Derivative,
    Edition,
    Gloss,
    Item,
    LanguageExample,
    Misconception,
    Practice,
    Section,
    SupervisorGuidelines,
    Term,
    WhoValue,
)


def __getattr__(name: str) -> Any:
    # __version__ is read on first use: importlib.metadata costs ~25 ms of every cold start.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("guidelines-model")
        except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
            return "0+unknown"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CANONICAL_VALUE_KEYS",
    "CompetencyCategory",
    "ContentError",
    "CoreValue",
    "Derivative",
    "Edition",
    "Gloss",
    "GuidelinesError",
    "Item",
    "LanguageExample",
    "Library",
    "LimitError",
    "Limits",
    "Misconception",
    "NotFoundError",
    "Practice",
    "Problem",
    "SchemaError",
    "Section",
    "SourceFileError",
    "SupervisorGuidelines",
    "Term",
    "UnsafeYamlError",
    "WhoValue",
    "YamlSyntaxError",
    "__version__",
    "load_derivative",
    "load_edition",
    "load_library",
]

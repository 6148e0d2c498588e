"""guidelines-model: every edition of the peer-support practice guidelines as typed content."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

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

try:
    __version__ = version("guidelines-model")
except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
    __version__ = "0+unknown"

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

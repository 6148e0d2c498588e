"""guidelines-model: every edition of the peer-support practice guidelines as typed content.

The names below are imported on first use (PEP 562), so that ``import guidelines_model`` and
the ``guidelines`` command pay for pydantic only when they load or validate content: a
command answered from the load cache never imports it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from guidelines_model.library import Library, load_library, summarise_library
    from guidelines_model.lineage.build import History, Step, history
    from guidelines_model.load.limits import Limits
    from guidelines_model.load.loader import load_derivative, load_edition
    from guidelines_model.load.summary import Summary, summarise
    from guidelines_model.model.documents import Citable, Derivative, Edition
    from guidelines_model.model.errors import (
        ContentError,
        GuidelinesError,
        LimitError,
        NodeTypeError,
        NotFoundError,
        Problem,
        SchemaError,
        SourceFileError,
        UnsafeYamlError,
        YamlSyntaxError,
    )
    from guidelines_model.model.ids import CANONICAL_VALUE_KEYS
    from guidelines_model.model.nodes import Node, NodeKind
    from guidelines_model.model.origin import Location, Origin
    from guidelines_model.model.parts import (
        Approval,
        Block,
        CompetencyCategory,
        CoreValue,
        Footnote,
        Gloss,
        Item,
        LanguageExample,
        Licence,
        Misconception,
        Note,
        Practice,
        Section,
        SourceException,
        SourceRef,
        SupervisorGuidelines,
        Term,
        Waiver,
        WhoValue,
    )

_MODULES = {
    "library": ("Library", "load_library", "summarise_library"),
    "lineage.build": ("History", "Step", "history"),
    "load.limits": ("Limits",),
    "load.loader": ("load_derivative", "load_edition"),
    "load.summary": ("Summary", "summarise"),
    "model.documents": ("Citable", "Derivative", "Edition"),
    "model.errors": (
        "ContentError",
        "GuidelinesError",
        "LimitError",
        "NodeTypeError",
        "NotFoundError",
        "Problem",
        "SchemaError",
        "SourceFileError",
        "UnsafeYamlError",
        "YamlSyntaxError",
    ),
    "model.ids": ("CANONICAL_VALUE_KEYS",),
    "model.nodes": ("Node", "NodeKind"),
    "model.origin": ("Location", "Origin"),
    "model.parts": (
        "Approval",
        "Block",
        "CompetencyCategory",
        "CoreValue",
        "Footnote",
        "Gloss",
        "Item",
        "LanguageExample",
        "Licence",
        "Misconception",
        "Note",
        "Practice",
        "Section",
        "SourceException",
        "SourceRef",
        "SupervisorGuidelines",
        "Term",
        "Waiver",
        "WhoValue",
    ),
}
_HOME = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> Any:
    if name == "__version__":  # importlib.metadata costs ~25 ms of a cold start
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("guidelines-model")
        except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
            return "0+unknown"
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "CANONICAL_VALUE_KEYS",
    "Approval",
    "Block",
    "Citable",
    "CompetencyCategory",
    "ContentError",
    "CoreValue",
    "Derivative",
    "Edition",
    "Footnote",
    "Gloss",
    "GuidelinesError",
    "History",
    "Item",
    "LanguageExample",
    "Library",
    "Licence",
    "LimitError",
    "Limits",
    "Location",
    "Misconception",
    "Node",
    "NodeKind",
    "NodeTypeError",
    "NotFoundError",
    "Note",
    "Origin",
    "Practice",
    "Problem",
    "SchemaError",
    "Section",
    "SourceException",
    "SourceFileError",
    "SourceRef",
    "Step",
    "Summary",
    "SupervisorGuidelines",
    "Term",
    "UnsafeYamlError",
    "Waiver",
    "WhoValue",
    "YamlSyntaxError",
    "__version__",
    "history",
    "load_derivative",
    "load_edition",
    "load_library",
    "summarise",
    "summarise_library",
]

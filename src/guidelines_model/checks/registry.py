"""The check registry: each rule has a stable code and name, a default severity and a doc.

Rules are plain functions over a :class:`Context`; they yield findings and never raise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from guidelines_model.checks.finding import Finding, Severity
from guidelines_model.library import Library
from guidelines_model.model.documents import Derivative, Edition
from guidelines_model.model.ids import CANONICAL_VALUE_KEYS
from guidelines_model.model.nodes import Node
from guidelines_model.model.origin import Location, Origin


@dataclass
class Context:
    """What a rule sees: one document, the library around it, the source texts."""

    doc: Edition | Derivative
    library: Library
    sources_root: Path
    #: The rule being run (set by the runner).
    rule: Rule | None = field(default=None)
    #: Results computed once per run and shared by every document (e.g. id counts).
    shared: dict[str, Any] = field(default_factory=dict)
    #: The nodes a ``beside`` rule reports on, node by node: all of them, or the share of one
    #: of two processes (see :mod:`.parallel`); the rule's findings about the whole document
    #: come with the last share (``share.stop is None``).
    share: slice = field(default_factory=lambda: slice(None))

    @cached_property
    def node_list(self) -> tuple[Node, ...]:
        """Every node of the document in document order (walked once for every rule)."""
        return tuple(self.doc.nodes())

    @cached_property
    def nodes(self) -> dict[str, Node]:
        return {n.id: n for n in self.node_list}

    @cached_property
    def texts(self) -> tuple[tuple[str, str], ...]:
        """Every quoted text of the document as ``(id, text)``, in document order (what
        ``doc.texts()`` gives)."""
        return tuple((n.id, n.text) for n in self.node_list if n.text is not None)

    @cached_property
    def _origin(self) -> Origin | None:
        return self.doc.origin  # a pydantic private attribute: slow to reach, so reached once

    def locate(self, id_: str, field: str | None = None) -> Location | None:
        """Where the node ``id_`` is written; with ``field``, where that key of its mapping is
        (an item's ``n``, say, for a text node)."""
        node = self.nodes.get(id_)
        origin = self._origin
        if node is None or origin is None:
            return None
        path = node.path
        if field is not None:
            path = (*(path[:-1] if node.text is not None else path), field)
        return origin.locate(path, id_)

    @cached_property
    def missing_values(self) -> frozenset[str]:
        """Canonical value keys an edition lacks (GM101 reports them; no other rule should
        report what follows from it)."""
        if not isinstance(self.doc, Edition):
            return frozenset()
        return frozenset(CANONICAL_VALUE_KEYS) - {v.key for v in self.doc.values}

    def under_missing_value(self, id_: str) -> bool:
        """Whether ``id_`` names a node of a value the edition lacks."""
        parts = id_.split("/")
        return len(parts) > 1 and parts[1] in self.missing_values

    def finding(
        self,
        message: str,
        id_: str,
        text: str = "",
        hint: str | None = None,
        *,
        severity: Severity | None = None,
        location: Location | None = None,
    ) -> Finding:
        """A finding of the running rule at the node ``id_`` (or at ``location``)."""
        assert self.rule is not None
        return Finding(
            self.rule.code,
            self.rule.name,
            severity or self.rule.severity,
            message,
            id_,
            text,
            location or self.locate(id_),
            hint,
        )


RuleFn = Callable[[Context], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """A consistency check: ``GM101 value-count``."""

    code: str
    name: str
    severity: Severity
    doc: str
    fn: RuleFn
    editions_only: bool = True
    #: On a large document, run in this process beside the other rules, which a forked
    #: process runs, and split with it by nodes (:attr:`Context.share`; see :mod:`.parallel`).
    beside: bool = False


RULES: list[Rule] = []


def rule(
    code: str, name: str, severity: Severity, *, editions_only: bool = True, beside: bool = False
) -> Callable[[RuleFn], RuleFn]:
    """Register a check; its docstring is its documentation (``guidelines check --list``)."""

    def register(fn: RuleFn) -> RuleFn:
        doc = (fn.__doc__ or "").strip()
        RULES.append(Rule(code, name, severity, doc, fn, editions_only, beside))
        return fn

    return register

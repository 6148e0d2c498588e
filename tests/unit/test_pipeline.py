"""The load pipeline's shape: stages entered once each, in order, and called only by the loader."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import guidelines_model.load
from guidelines_model import load_library

LOAD = Path(guidelines_model.load.__file__).parent


def _stage(frame: FrameType | None) -> str | None:
    """The load module a frame runs in (``find``, ``read``...), or ``None``."""
    if frame is None:
        return None
    path = Path(frame.f_code.co_filename)
    return path.stem if path.parent == LOAD else None


@contextmanager
def _calls() -> Iterator[list[tuple[str | None, str]]]:
    """Every call of a load module's function, as ``(calling load module or None, module)``.

    Not counted: a generator resumed (the consumer pulls the previous stage's output, it does
    not call that stage) and methods (of a stage's output, such as ``DocumentFiles.paths``).
    """
    seen: list[tuple[str | None, str]] = []

    def profile(frame: FrameType, event: str, _arg: Any) -> None:
        code = frame.f_code
        if (
            event != "call"
            or code.co_flags & inspect.CO_GENERATOR
            or "." in code.co_qualname
            or code.co_name == "<module>"  # a module imported, not a stage called
        ):
            return
        callee = _stage(frame)
        if callee is not None:
            seen.append((_stage(frame.f_back), callee))

    sys.setprofile(profile)
    try:
        yield seen
    finally:
        sys.setprofile(None)


def _first_visits(seen: list[tuple[str | None, str]]) -> list[str]:
    """Stages in the order they are first entered, the loader left out."""
    order: list[str] = []
    for _, callee in seen:
        if callee not in order and callee not in {"loader", "limits"}:
            order.append(callee)
    return order


STAGES = ["find", "read", "events", "build", "assemble", "validate"]


def test_a_load_enters_each_stage_in_order(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From load_library, the stages are first entered in pipeline order (the cache, turned off,
    is asked and answers nothing)."""
    monkeypatch.setenv("GUIDELINES_CACHE", "0")
    with _calls() as seen:
        load_library(content_copy)
    assert _first_visits(seen) == [*STAGES[:2], "cache", *STAGES[2:]]


def test_a_cache_miss_looks_up_then_stores(content_copy: Path, cache_dir: Path) -> None:
    """With the cache on, it is asked after the reading and stores after validation."""
    with _calls() as seen:
        load_library(content_copy)
    assert _first_visits(seen) == ["find", "read", "cache", *STAGES[2:], "summary"]
    with _calls() as seen:
        load_library(content_copy)
    assert _first_visits(seen) == ["find", "read", "cache"]


def test_only_the_loader_calls_a_stage(content_copy: Path, cache_dir: Path) -> None:
    """No stage calls another (the data flows through the loader), but the cache its summary
    and the one file reader of stage 2 (a cache entry is read like a content file: a regular
    file within a size limit)."""
    with _calls() as seen:
        load_library(content_copy)
    crossings = {(caller, callee) for caller, callee in seen if caller and caller != callee}
    assert crossings
    assert {(a, b) for a, b in crossings if a != "loader"} == {
        ("cache", "summary"),
        ("cache", "read"),
    }

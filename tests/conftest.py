"""Shared fixtures and the hypothesis profile."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from guidelines_model import Library, load_library

settings.register_profile(
    "default", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("ci", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

_SUITE_CACHE: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """The load cache of the whole suite (subprocesses included) in a temporary folder: no test
    writes to the user's cache folder."""
    _SUITE_CACHE.append(tempfile.mkdtemp(prefix="guidelines-test-cache-"))
    os.environ["GUIDELINES_CACHE_DIR"] = _SUITE_CACHE[-1]


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the suite's cache folder."""
    for folder in _SUITE_CACHE:
        shutil.rmtree(folder, ignore_errors=True)


ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
SOURCES = ROOT / "sources"


@pytest.fixture(scope="session")
def library() -> Library:
    """The real content, loaded once."""
    return load_library(CONTENT)


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the real content (with its sources beside it); returns the content dir."""
    shutil.copytree(CONTENT, tmp_path / "content")
    shutil.copytree(SOURCES, tmp_path / "sources")
    return tmp_path / "content"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, turned on for the test."""
    where = tmp_path / "cache"
    monkeypatch.setenv("GUIDELINES_CACHE_DIR", str(where))
    monkeypatch.setenv("GUIDELINES_CACHE", "1")
    return where

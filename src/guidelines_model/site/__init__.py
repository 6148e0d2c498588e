"""The static website: every edition to read, search, compare, print and cite.

``python -m guidelines_model.site OUTDIR`` (or :func:`build`) writes plain HTML, CSS and a
little JavaScript, with no network asset, into a folder that can be served or opened as is.
Needs the ``site`` extra (Jinja2).
"""

from __future__ import annotations

try:
    from guidelines_model.site.build import BuildResult, build
except ModuleNotFoundError as exc:  # pragma: no cover - only without the extra
    if exc.name not in ("jinja2", "markupsafe"):
        raise
    raise ModuleNotFoundError(
        "the website needs Jinja2: pip install 'guidelines-model[site]'", name=exc.name
    ) from exc

__all__ = ["BuildResult", "build"]

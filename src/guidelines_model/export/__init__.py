"""Exporters: one function per format, each returning the whole document as text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from guidelines_model.model.documents import Derivative, Edition

Format = Literal["json", "markdown", "html", "text"]


def exporter(fmt: Format) -> Callable[[Edition | Derivative], str]:
    """The export function for a format (imported only when asked for)."""
    if fmt == "json":
        from guidelines_model.export.json import to_json

        return to_json
    if fmt == "html":
        from guidelines_model.export.html import to_html

        return to_html
    if fmt == "text":
        from guidelines_model.export.markdown import to_text

        return to_text
    from guidelines_model.export.markdown import to_markdown

    return to_markdown

"""The plain-text view of the Markdown export (what ``guidelines show`` prints)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from guidelines_model import Derivative, Edition, Library
from guidelines_model.export import exporter
from guidelines_model.export.markdown import escape, unescape


@given(st.text())
def test_unescape_inverts_escape(text: str) -> None:
    """Any text escaped for Markdown comes back unchanged."""
    assert unescape(escape(text)) == text


def test_text_holds_every_text_without_markup(library: Library) -> None:
    """Every text of every edition is in its plain-text export as printed; no anchor or tag."""
    docs: list[Edition | Derivative] = [*library.editions.values(), *library.derivatives.values()]
    for doc in docs:
        text = exporter("text")(doc)
        assert "<a id=" not in text
        assert "<sup>" not in text
        missing = [id_ for id_, t in doc.texts() if t not in text]
        assert missing == []

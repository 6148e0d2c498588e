"""Release notes: what a maintainer publishes with a new edition, generated from the diff."""

from __future__ import annotations

from guidelines_model.notes.build import Group, ReleaseNotes, release_notes
from guidelines_model.notes.render import notes_html, notes_markdown, render_notes

__all__ = ["Group", "ReleaseNotes", "notes_html", "notes_markdown", "release_notes", "render_notes"]

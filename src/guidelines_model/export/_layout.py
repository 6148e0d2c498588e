"""Document order shared by the exporters: front matter with each part where the edition
places it (``Edition.placement``), then the parts it does not place, in their usual order."""

from __future__ import annotations

from collections.abc import Callable

from guidelines_model.model.documents import Edition
from guidelines_model.model.parts import Section

Render = Callable[[], list[str]]
After = Callable[[str], list[str]]


def lay_out(
    e: Edition, parts: dict[str, Render], section: Callable[[Section, After], list[str]]
) -> list[str]:
    """Render the front matter with ``section(s, after)``; ``after(place)`` renders the part
    placed at ``"key"`` or ``"key/k"`` (once); unplaced parts follow."""
    pending = dict(parts)
    where = {place: part for part, place in e.placement.items()}

    def after(place: str) -> list[str]:
        part = where.get(place)
        return pending.pop(part)() if part in pending else []

    out: list[str] = []
    for s in e.front_matter:
        out += section(s, after)
        out += after(s.key)
    for render in pending.values():
        out += render()
    return out

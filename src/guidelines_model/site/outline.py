"""The contents of an edition page, read from its rendered article: h2 and value headings."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "source"}


def _skipped(tag: str, cls: str) -> bool:
    """Not part of a heading's label: its permalink and footnote markers."""
    classes = cls.split()
    return (tag == "a" and "pl" in classes) or (tag == "sup" and "fnref" in classes)


@dataclass
class Entry:
    """A heading: the id to link to, its text, and the headings under it."""

    href: str
    label: str
    children: list[Entry] = field(default_factory=list)


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, str]] = []  # tag, id, class
        self.entries: list[Entry] = []
        self.ids: list[str] = []
        self.heading: tuple[int, str, list[str]] | None = None
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"] or "")
        if tag in _VOID:
            return
        cls = a.get("class") or ""
        if _skipped(tag, cls):
            self.skip += 1
        if tag in ("h2", "h3") and self.heading is None:
            parent = self.stack[-1] if self.stack else ("", None, "")
            target = a.get("id") or parent[1]
            if target and (tag == "h2" or parent[2] in ("value", "competency")):
                self.heading = (int(tag[1]), target, [])
        self.stack.append((tag, a.get("id"), cls))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        while self.stack:
            top, _, cls = self.stack.pop()
            if _skipped(top, cls):
                self.skip -= 1
            if top == tag:
                break
        if self.heading and tag == f"h{self.heading[0]}":
            level, target, parts = self.heading
            entry = Entry(target, " ".join("".join(parts).split()))
            if level == 3 and self.entries:
                self.entries[-1].children.append(entry)
            else:
                self.entries.append(entry)
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.heading and not self.skip:
            self.heading[2].append(data)


def outline(article: str) -> tuple[list[Entry], list[str]]:
    """The headings of an article (h2, with value and competency h3s under them) and every
    ``id`` attribute in it, in order."""
    parser = _Outline()
    parser.feed(article)
    parser.close()
    return parser.entries, parser.ids

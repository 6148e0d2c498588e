"""The comparison form of texts, and of source documents with their line structure kept.

Both sides are normalised the same way (whitespace, quotes, dashes, invisible characters);
a source additionally loses its extraction noise (markup, bullets, footnote markers, line
breaks, hyphens at line ends). A source's form remembers where each of its printed lines
starts and ends, so that a sentence cut by a column or page break can be reassembled only
from parts that end and begin at line breaks, in reading order (see :mod:`.match`), and so
that recall can name the source line of every unit.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from guidelines_model.model.errors import SourceFileError

_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "″": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "‐": "-",
        "‑": "-",
        "–": "—",
        "―": "—",
        "‒": "—",
    }
)
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\ufeff]")
_SPACE = re.compile(r"\s+")
_DOUBLE_HYPHEN = re.compile(r"\s*--\s*")
_DASH_SPACE = re.compile(r"\s*—\s*")

_TAG = re.compile(r"</?[a-zA-Z][^>\n]*>")
# Where a table cell, paragraph or list entry of an HTML-like or tab-separated table begins or
# ends, inside one printed line: a break like a line's, with the line's number.
_CELL_EDGE = re.compile(r"</?(?:p|li|ol|ul|td|th|tr|br)\b[^>\n]*>|\t")
CELL = "\x1f"  # whitespace to regular expressions, so the normalised text is the same
_FOOTNOTE_REF = re.compile(r"\[footnoteRef:\d+\]|\[\d+:\s")
# Footnote markers glued to a word: after punctuation ("U.S.1 as") or a capitalised heading
# ("ADVOCACY2").
_GLUED_MARKER = re.compile(r"(?:(?<=[A-Za-z][.,;:”’\")])|(?<=[A-Z]{2}))\d{1,2}(?=\s)")
_ESCAPE = re.compile(r"\\+(?=[_*\[\]#.()-])")
_LINE_START = re.compile(r"(?m)^[ \t]*(?:#{1,6}\s+|[•·▪◦]\s*|[-*]\s+)")
# A word hyphenated across a line break: "sup-" at a line end, a word on the next line.
_HYPHEN_AT_END = re.compile(r"\w-[ \t]*$")
_WORD_AT_START = re.compile(r"^\s*\w")
_SENTENCE_END = re.compile(r"[.!?;:][\"'”’)\]]*(\s+)(?=[\"'“‘(\[]*[A-Z0-9])")


def normalise(text: str) -> str:
    """The comparison form of a text: quotes, dashes, spaces and invisibles made uniform."""
    if (  # printable ASCII has no quote, dash, invisible or other space to map
        text.isascii()
        and text.isprintable()
        and "  " not in text
        and "--" not in text
        and text[:1] != " "
        and text[-1:] != " "
    ):
        return text
    return _normalise(text)


def _normalise(text: str) -> str:
    text = _INVISIBLE.sub("", text.translate(_QUOTES))
    text = _DOUBLE_HYPHEN.sub("—", text)
    text = _DASH_SPACE.sub("—", text)
    return _SPACE.sub(" ", text).strip()


def strip_noise(raw: str) -> str:
    """A source without its extraction noise; line breaks are kept (a tag never spans one),
    and the edges of cells and list entries inside a line become :data:`CELL`."""
    text = _CELL_EDGE.sub(CELL, raw)
    text = _TAG.sub(" ", text)
    text = _FOOTNOTE_REF.sub(" ", text)
    text = _ESCAPE.sub("", text)
    text = text.replace("**", "").replace("*", "")
    text = _LINE_START.sub("", text)
    return _GLUED_MARKER.sub("", text)


def split_sentences(text: str) -> list[str]:
    """Split a normalised text into sentences (abbreviations may split a sentence: harmless)."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append(text[start : m.start(1)])
        start = m.end(1)
    out.append(text[start:])
    return [s for s in out if s.strip()]


@dataclass(frozen=True, slots=True)
class SourceForm:
    """One reading of a source document in comparison form, with its line structure.

    ``starts[k]`` and ``ends[k]`` are the offsets in ``text`` of the k-th non-empty source
    line (or table cell, where a line holds several), whose 1-based number in the file is
    ``lines[k]``. A line joined to the next by a
    hyphenated word has no break between them: its end is not in ``breaks_after``, nor the
    next line's start in ``breaks_before``.
    """

    name: str
    hyphens_kept: bool
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    lines: tuple[int, ...]
    breaks_before: frozenset[int]
    breaks_after: frozenset[int]

    def line_at(self, offset: int) -> int:
        """The 1-based source line that holds ``offset`` of the form."""
        k = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return self.lines[k] if self.lines else 1

    def line_index(self, offset: int) -> int:
        """The index (into ``starts``) of the form line that holds ``offset``."""
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)


def build_form(name: str, raw: str, *, keep_hyphens: bool) -> SourceForm:
    """The comparison form of a source, line by line, equal to normalising the whole text.

    Each line is normalised on its own and the lines are joined by one space; the two rules
    of :func:`normalise` that act across a line break are applied at the join: a hyphen at a
    line end before a word is kept without a space (``keep_hyphens``: "trauma-informed") or
    dropped ("sup-port" -> "support"), and a dash at either side of a break takes no space.
    """
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    numbers: list[int] = []
    before: set[int] = set()
    after: set[int] = set()
    length = 0
    joined = False  # the previous line ended in a hyphenated word
    for number, raw_line in enumerate(strip_noise(raw).split("\n"), start=1):
        cells = raw_line.split(CELL)
        for j, raw_cell in enumerate(cells):
            line = normalise(raw_cell)
            if not line:
                # A line of invisible characters only stands between "sup-" and "port": the
                # hyphenated word is not joined across it (as when the text is normalised whole).
                joined = joined and not raw_cell.strip()
                continue
            if parts and joined and _WORD_AT_START.match(raw_cell):
                if not keep_hyphens:  # "sup-" + "port": the hyphen goes, and no break is left
                    parts[-1] = parts[-1][:-1]
                    length -= 1
                    ends[-1] = length
            elif parts:
                after.add(length)
                if not (parts[-1].endswith("—") or line.startswith("—")):
                    parts.append(" ")
                    length += 1
                before.add(length)
            # Only a word hyphenated at the end of a printed line continues on the next.
            joined = j == len(cells) - 1 and bool(_HYPHEN_AT_END.search(raw_cell))
            starts.append(length)
            parts.append(line)
            length += len(line)
            ends.append(length)
            numbers.append(number)
    return SourceForm(
        name,
        keep_hyphens,
        "".join(parts),
        tuple(starts),
        tuple(ends),
        tuple(numbers),
        frozenset(before),
        frozenset(after),
    )


#: The largest source text read (the largest real one is about 110 KB).
MAX_SOURCE_BYTES = 50 * 1024 * 1024


def read_source(path: Path) -> bytes:
    """A source's bytes: a regular file within the limit, else :class:`SourceFileError` (a FIFO
    never hangs, a link to a device is never read)."""
    from guidelines_model.load.read import ReadRefused, read_regular

    try:
        return read_regular(path, MAX_SOURCE_BYTES)
    except ReadRefused as exc:
        raise SourceFileError(f"source {path}: {exc.message}") from None
    except OSError as exc:
        raise SourceFileError(f"source {path}: cannot read file: {exc.strerror or exc}") from None


@cache
def _forms(path: Path, mtime: float) -> tuple[SourceForm, SourceForm]:
    del mtime  # part of the cache key only
    raw = read_source(path).decode("utf-8")
    return (
        build_form(path.name, raw, keep_hyphens=True),
        build_form(path.name, raw, keep_hyphens=False),
    )


def source_forms(path: Path) -> tuple[SourceForm, SourceForm]:
    """Two readings of a source: hyphens at line ends kept ("trauma-informed") or dropped
    ("sup-port" -> "support"). A sentence found in either is found."""
    return _forms(path, path.stat().st_mtime)

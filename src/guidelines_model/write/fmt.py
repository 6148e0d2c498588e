"""Canonical formatting of content YAML (``guidelines fmt``).

ruamel.yaml's round-trip mode keeps comments, key order and quoting; with the settings below a
no-op round trip of the real content is byte-identical (ruamel's defaults rewrote 262 of 266
lines of a value file and unquoted ``"yes"``). Before anything is written the file is read with
the safe reader (tags, anchors, aliases and merge keys refused) and afterwards the data of the
old and new text must be equal: formatting never changes a text value.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from guidelines_model.load.events import decode
from guidelines_model.load.limits import DEFAULT_LIMITS, Limits
from guidelines_model.load.loader import parse_yaml
from guidelines_model.model.errors import ContentError, Problem
from guidelines_model.write.atomic import atomic_write

if TYPE_CHECKING:
    from ruamel.yaml import YAML


def format_text(text: str, file: str = "<text>", limits: Limits = DEFAULT_LIMITS) -> str:
    """The canonical form of one content file's text."""
    before = parse_yaml(text, file, limits)  # refuses what content may not use, with locations
    yaml = round_trip_yaml()
    buf = io.StringIO()
    yaml.dump(yaml.load(text), buf)
    out = buf.getvalue()
    if parse_yaml(out, file, limits).data != before.data:  # pragma: no cover - a ruamel bug
        raise ContentError(
            [Problem(file, 1, 1, "formatting would change the data; file left as is")]
        )
    return out


def round_trip_yaml() -> YAML:
    """A ruamel.yaml round-trip reader and writer with the settings that leave canonical
    content byte for byte as it is (also used to write reviewers' proposals into content)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


@dataclass(frozen=True, slots=True)
class FormatResult:
    """What ``fmt`` did (or, with check, would do) to one file."""

    path: Path
    changed: bool


def content_files(paths: list[Path]) -> list[Path]:
    """The YAML files named, or found below the folders named, sorted."""
    files: list[Path] = []
    for p in paths:
        files.extend(sorted(p.rglob("*.yaml")) if p.is_dir() else [p])
    return files


def format_files(
    paths: list[Path],
    *,
    check: bool,
    limits: Limits = DEFAULT_LIMITS,
    display: dict[Path, str] | None = None,
) -> list[FormatResult]:
    """Format files in place (atomically), or with ``check`` only report which would change.

    Every file is formatted in memory first; nothing is written if any file fails.
    """
    pending: list[tuple[Path, str, bool]] = []
    for path in content_files(paths):
        shown = (display or {}).get(path, os.fspath(path))
        raw = path.read_bytes()
        if len(raw) > limits.max_file_bytes:
            from guidelines_model.model.errors import LimitError

            raise LimitError(
                [
                    Problem(
                        shown,
                        1,
                        1,
                        f"file is {len(raw):,} bytes; the limit is {limits.max_file_bytes:,} bytes",
                    )
                ]
            )
        text = decode(raw, shown)
        new = format_text(text, shown, limits)
        pending.append((path, new, new != text))
    if not check:
        for path, new, changed in pending:
            if changed:
                atomic_write(path, new)
    return [FormatResult(path, changed) for path, _, changed in pending]

"""Fuzz the loader, the checks, the diff and fmt: nothing but GuidelinesError may escape.

Hypothesis drives five targets, round after round with fresh seeds, until the time is up:

- ``load``: a real content file mutated (bytes inserted, deleted, duplicated, swapped, YAML
  tokens and odd characters sprinkled in, indentation broken, truncated) is put in place in a
  copy of its edition, which is then loaded;
- ``check``: generated editions (with hostile texts) run through every check;
- ``diff``: a real edition against a mutated copy of itself, and generated pairs, diffed and
  rendered in every format;
- ``fmt``: generated content files (comments, quoting styles, U+0085/U+2028/U+2029) and
  mutated real files formatted: the data must be kept and a second pass change nothing, or the
  file refused with a GuidelinesError;
- ``long``: one practice item of a real edition replaced by a long text (up to the length
  limit, and past it) and, reworded, in a copy: diffed, rendered and checked (GM601 included);
  past the limit, the loader must refuse the file.

The ``load`` mutations also insert long runs of words.

Usage: ``python scripts/fuzz.py [--minutes 1] [--seed N]`` (``nox -s fuzz -- --minutes 10``).
A failing input is saved under ``build/fuzz/crashes/`` and the run exits 1.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.strategies

from tests.strategies import documents, edition_data  # noqa: E402

from guidelines_model import Edition, GuidelinesError, Library, load_edition, load_library  # noqa: E402
from guidelines_model.checks import run_checks  # noqa: E402
from guidelines_model.diff import collate, diff  # noqa: E402
from guidelines_model.load.limits import DEFAULT_LIMITS  # noqa: E402
from guidelines_model.load.loader import parse_yaml  # noqa: E402
from guidelines_model.write.fmt import format_text  # noqa: E402

CRASHES = ROOT / "build" / "fuzz" / "crashes"
TOKENS = [
    b": ",
    b"- ",
    b"&a ",
    b"*a",
    b"!!str ",
    b"!x ",
    b"<<: ",
    b"? ",
    b"|",
    b">-",
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b"#",
    b"'",
    b'"',
    b"\t",
    b"\n",
    b"\r\n",
    b"---\n",
    b"...\n",
    b"%YAML 1.1\n",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xed\xa0\x80",
    b"\xe2\x80\xa8",
    b"~",
    b"null",
    b"no",
    b"012",
    b"1.10",
    b"1e3",
    b".inf",
    b"  ",
    b"    ",
    "é’“—\u200b".encode(),
]


def _mutate(data: bytes, ops: list[tuple[int, int, int]]) -> bytes:
    buf = bytearray(data)
    for op, a, b in ops:
        if not buf:
            buf.extend(TOKENS[a % len(TOKENS)])
            continue
        i, j = a % len(buf), b % len(buf)
        i, j = min(i, j), max(i, j)
        match op % 8:
            case 7:  # a long run of words inside whatever is there (a text, most often)
                buf[i:i] = _words(b % (DEFAULT_LIMITS.max_text_chars + 2000), a).encode()
            case 0:
                buf[i:i] = TOKENS[b % len(TOKENS)]
            case 1:
                del buf[i : min(j, i + 64)]
            case 2:
                buf[i:i] = buf[i : min(j, i + 256)]
            case 3:
                buf[i] = b % 256
            case 4:
                del buf[j:]
            case 5:
                lines = bytes(buf).split(b"\n")
                k = a % len(lines)
                lines[k] = b" " * (b % 5) + lines[k].lstrip()
                buf = bytearray(b"\n".join(lines))
            case _:
                lines = bytes(buf).split(b"\n")
                x, y = a % len(lines), b % len(lines)
                lines[x], lines[y] = lines[y], lines[x]
                buf = bytearray(b"\n".join(lines))
    return bytes(buf)


_VOCABULARY = ["peer", "support", "hope", "trust", "choice", "recovery", "share", "listen"]


def _words(chars: int, seed: int) -> str:
    """About ``chars`` characters of words, sentences ending every 12 words."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < chars:
        word = rng.choice(_VOCABULARY) + ("." if len(out) % 12 == 11 else "")
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:chars]


def _reword(text: str, seed: int) -> str:
    rng = random.Random(seed)
    words = text.split(" ")
    for i in rng.sample(range(len(words)), len(words) // 10):
        words[i] = rng.choice(_VOCABULARY)
    return " ".join(words)


MUTATIONS = st.lists(
    st.tuples(st.integers(0, 7), st.integers(0, 1 << 20), st.integers(0, 1 << 20)),
    min_size=1,
    max_size=8,
)


class Fuzzer:
    """Runs the targets and keeps count."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        names = ("load", "check", "diff", "fmt", "long")
        self.runs: dict[str, int] = dict.fromkeys(names, 0)
        self.rejected: dict[str, int] = dict.fromkeys(names, 0)
        self.work = Path(tempfile.mkdtemp(prefix="guidelines-fuzz-"))
        shutil.copytree(ROOT / "content", self.work / "pristine")
        self.files = sorted(p for p in (self.work / "pristine").rglob("*.yaml"))
        self.library = load_library(self.work / "pristine")

    def _guard(self, target: str, payload: Callable[[], None], sample: Any) -> None:
        self.runs[target] += 1
        try:
            payload()
        except GuidelinesError:
            self.rejected[target] += 1
        except Exception:
            CRASHES.mkdir(parents=True, exist_ok=True)
            path = CRASHES / f"{target}-{int(time.time() * 1000)}.txt"
            path.write_text(f"{sample!r}\n\n{traceback.format_exc()}", encoding="utf-8")
            print(f"CRASH in {target}: see {path}", file=sys.stderr)
            raise

    def load_target(self, file_index: int, ops: list[tuple[int, int, int]]) -> None:
        source = self.files[file_index % len(self.files)]
        rel = source.relative_to(self.work / "pristine")
        edition_dir = source.parent.parent if source.parent.name == "values" else source.parent
        original = source.read_bytes()
        mutated = _mutate(original, ops)
        source.write_bytes(mutated)

        def run() -> None:
            root = self.work / "pristine"
            if (edition_dir / "edition.yaml").exists():
                load_edition(edition_dir, root=root)
            else:
                load_library(root)

        try:
            self._guard("load", run, (str(rel), mutated[:2000]))
        finally:
            source.write_bytes(original)

    def check_target(self, data: dict[str, Any]) -> None:
        def run() -> None:
            e = Edition.model_validate(data)
            run_checks(Library({e.id: e}), sources_root=ROOT / "sources")

        self._guard("check", run, data)

    def diff_target(self, pick: int, data: dict[str, Any], shuffle_seed: int) -> None:
        def run() -> None:
            from guidelines_model.diff.render import render  # all formats

            editions = list(self.library.editions.values())
            a = editions[pick % len(editions)]
            b = Edition.model_validate(data)
            shuffled = a.model_dump()
            rng = random.Random(shuffle_seed)
            for v in shuffled["values"]:
                items = list(v["practice"]["items"])
                rng.shuffle(items)
                v["practice"]["items"] = items
            c = Edition.model_validate(shuffled)
            for old, new in ((a, b), (b, a), (a, c)):
                result = diff(old, new)
                for fmt in ("text", "markdown", "json", "html"):
                    render(result, fmt)
            collate([a, b, c])

        self._guard("diff", run, (pick, data, shuffle_seed))

    def fmt_target(self, text: str) -> None:
        def run() -> None:
            before = parse_yaml(text, "f")  # not content: a GuidelinesError, counted rejected
            once = format_text(text, "f")
            if parse_yaml(once, "f").data != before.data:
                raise AssertionError("fmt changed the data")
            if format_text(once, "f") != once:
                raise AssertionError("fmt is not idempotent")

        self._guard("fmt", run, text)

    def fmt_file_target(self, file_index: int, ops: list[tuple[int, int, int]]) -> None:
        source = self.files[file_index % len(self.files)]
        mutated = _mutate(source.read_bytes(), ops)
        try:
            text = mutated.decode("utf-8")
        except UnicodeDecodeError:
            return
        self.fmt_target(text)

    def long_target(self, pick: int, chars: int, seed: int) -> None:
        def run() -> None:
            from guidelines_model.diff.render import render

            a = list(self.library.editions.values())[pick % len(self.library.editions)]
            text = _words(chars, seed)
            new = _reword(text, seed + 1)
            if chars > DEFAULT_LIMITS.max_text_chars:  # the loader must refuse it, located
                try:
                    parse_yaml(f'text: "{text}"\n', "long.yaml")
                except GuidelinesError:
                    return
                raise AssertionError("a text past the length limit was accepted")
            old_doc, new_doc = (_with_text(a, t) for t in (text, new))
            result = diff(old_doc, new_doc)
            for fmt in ("text", "json"):
                render(result, fmt)
            lib = Library({old_doc.id: old_doc})
            run_checks(lib, sources_root=ROOT / "sources")

        self._guard("long", run, (pick, chars, seed))

    def round(self, seed: int) -> None:
        common = settings(
            max_examples=200,
            deadline=None,
            database=None,
            derandomize=False,
            suppress_health_check=list(HealthCheck),
        )
        hostile = edition_data("fuzz", max_values=12)

        @common
        @given(st.integers(0, 10_000), MUTATIONS)
        def load(i: int, ops: list[tuple[int, int, int]]) -> None:
            if time.monotonic() < self.deadline:
                self.load_target(i, ops)

        @common
        @given(hostile)
        def check(data: dict[str, Any]) -> None:
            if time.monotonic() < self.deadline:
                self.check_target(data)

        @common
        @given(st.integers(0, 2), hostile, st.integers(0, 1 << 30))
        def diff_(pick: int, data: dict[str, Any], s: int) -> None:
            if time.monotonic() < self.deadline:
                self.diff_target(pick, data, s)

        @common
        @given(documents())
        def fmt(text: str) -> None:
            if time.monotonic() < self.deadline:
                self.fmt_target(text)

        @common
        @given(st.integers(0, 10_000), MUTATIONS)
        def fmt_file(i: int, ops: list[tuple[int, int, int]]) -> None:
            if time.monotonic() < self.deadline:
                self.fmt_file_target(i, ops)

        @settings(common, max_examples=20)
        @given(
            st.integers(0, 2),
            st.integers(1, DEFAULT_LIMITS.max_text_chars + 5000),
            st.integers(0, 1 << 30),
        )
        def long(pick: int, chars: int, s: int) -> None:
            if time.monotonic() < self.deadline:
                self.long_target(pick, chars, s)

        random.seed(seed)
        for fn in (load, check, diff_, fmt, fmt_file, long):
            hypothesis_seed(seed)(fn)()  # a fresh seed per round


def _with_text(edition: Edition, text: str) -> Edition:
    """``edition`` with its first practice item's text replaced (validated again)."""
    data = edition.model_dump()
    data["values"][0]["practice"]["items"][0]["text"] = text
    return Edition.model_validate(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    start = time.monotonic()
    fuzzer = Fuzzer(start + args.minutes * 60)
    seed = args.seed if args.seed is not None else int(time.time())
    rounds = 0
    try:
        while time.monotonic() < fuzzer.deadline:
            fuzzer.round(seed + rounds)
            rounds += 1
    except Exception:
        return 1
    finally:
        shutil.rmtree(fuzzer.work, ignore_errors=True)
    elapsed = time.monotonic() - start
    total = sum(fuzzer.runs.values())
    print(
        f"fuzz: {total} inputs in {elapsed:.0f} s ({rounds} rounds, first seed {seed}); "
        + ", ".join(
            f"{k} {fuzzer.runs[k]} ({fuzzer.rejected[k]} rejected with a GuidelinesError)"
            for k in fuzzer.runs
        )
        + "; no other exception escaped"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

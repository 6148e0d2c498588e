"""A deterministic synthetic corpus in the real content layout, for the benchmarks.

Editions of ``n`` values (five practice items each, sentences as long as the real ones) and
their edited copies (reworded, moved, added and removed items: the diff fixture's ``edit``),
and libraries of many 12-value editions. Files are written by :func:`dump.write_edition`, so
the layout is the loader's (``edition.yaml``, ``values/NNNN-key.yaml``).

``long_text_content(dest, chars)`` copies the real content with one text at ``chars``
characters on both sides of a diff (the ``long`` benchmark).

``corpus(root, sizes, libraries)`` generates what is missing and returns the folders; a stamp
file per folder (the generator version) makes reruns instant.
"""

from __future__ import annotations

import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.fixtures.diff.synthetic

from tests.fixtures.diff.synthetic import edit, edition_data, sentence  # noqa: E402

from guidelines_model import CANONICAL_VALUE_KEYS, Edition, load_edition  # noqa: E402
from guidelines_model.write.dump import write_edition  # noqa: E402

#: Bump when the generated files change: a corpus with another stamp is regenerated.
VERSION = "1"
STAMP = ".bench-corpus"

Data = dict[str, Any]


def edition(n_values: int, seed: int = 0, id_: str = "synthetic_a") -> Data:
    """Plain data of an edition of ``n_values`` values, five items each.

    Twelve values take the canonical keys (a realistic edition); more take ``value-NNNNN``.
    Descriptions get two more sentences, so that a value file is as long as a real one.
    """
    data = edition_data(n_values, 5, seed, id_)
    rng = random.Random(seed + 7919)
    for k, v in enumerate(data["values"]):
        if n_values == len(CANONICAL_VALUE_KEYS):
            v["key"] = CANONICAL_VALUE_KEYS[k]
        v["description"] = [f"{v['description'][0]} {sentence(rng)} {sentence(rng)}"]
    return data


def edited(data: Data, seed: int = 1, id_: str = "synthetic_b") -> Data:
    """A copy with about one value in ten edited (reworded, moved, added, removed items)."""
    new = edit(data, 0.1, seed, id_)
    new["based_on"] = data["id"]
    return new


@dataclass(frozen=True)
class Corpus:
    """Folders of the generated corpus."""

    root: Path
    #: values -> (edition folder, edited copy folder)
    pairs: dict[int, tuple[Path, Path]]
    #: editions -> library folder (12-value editions)
    libraries: dict[int, Path]


def _fresh(folder: Path) -> bool:
    stamp = folder / STAMP
    return stamp.is_file() and stamp.read_text(encoding="utf-8") == VERSION


def _generate(folder: Path, write: Any) -> None:
    """Write a corpus folder through a temporary sibling, stamped last, renamed into place."""
    if _fresh(folder):
        return
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    write(tmp)
    (tmp / STAMP).write_text(VERSION, encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)


def _write_pair(n_values: int) -> Any:
    def write(tmp: Path) -> None:
        a = edition(n_values, id_=f"synthetic_{n_values}_a")
        write_edition(Edition.model_validate(a), tmp / "a")
        write_edition(Edition.model_validate(edited(a, id_=f"synthetic_{n_values}_b")), tmp / "b")

    return write


def _write_library(n_editions: int) -> Any:
    def write(tmp: Path) -> None:
        for i in range(1, n_editions + 1):
            id_ = f"synthetic_{i:04d}"
            write_edition(Edition.model_validate(edition(12, seed=i, id_=id_)), tmp / id_)

    return write


def corpus(root: Path, sizes: list[int], libraries: list[int]) -> Corpus:
    """Generate (or reuse) edition pairs of ``sizes`` values and libraries of ``libraries``."""
    pairs: dict[int, tuple[Path, Path]] = {}
    for n in sizes:
        folder = root / "editions" / f"v{n}"
        _generate(folder, _write_pair(n))
        pairs[n] = (folder / "a", folder / "b")
    libs: dict[int, Path] = {}
    for n in libraries:
        folder = root / "libraries" / f"e{n}"
        _generate(folder, _write_library(n))
        libs[n] = folder
    return Corpus(root, pairs, libs)


def yaml_files(folder: Path) -> list[Path]:
    """Every content file under a folder, in the loader's order."""
    return sorted(p for p in folder.rglob("*.yaml") if p.is_file())


def main(argv: list[str] | None = None) -> None:
    """``python scripts/synthetic.py [OUT] [--sizes 12,1000] [--libraries 1,100]``."""
    import argparse
    import time

    p = argparse.ArgumentParser(description=main.__doc__)
    p.add_argument("out", nargs="?", type=Path, default=ROOT / "build" / "bench" / "corpus")
    p.add_argument("--sizes", default="12,1000,10000")
    p.add_argument("--libraries", default="1,100,1000")
    args = p.parse_args(argv)
    start = time.perf_counter()
    sizes = [int(x) for x in args.sizes.split(",") if x]
    libraries = [int(x) for x in args.libraries.split(",") if x]
    c = corpus(args.out, sizes, libraries)
    print(f"{c.root} in {time.perf_counter() - start:.1f} s")


# --- one text at the length limit -----------------------------------------------------------

_WORDS = [
    "peer",
    "supporters",
    "respect",
    "choice",
    "recovery",
    "hope",
    "trust",
    "people",
    "services",
    "support",
    "share",
    "lived",
    "experience",
    "listen",
    "encourage",
    "community",
    "growth",
    "safety",
    "dignity",
    "voice",
    "respect",
    "honest",
    "open",
    "learning",
    "wellness",
    "mutual",
    "strength",
    "journey",
    "person",
    "connection",
    "power",
    "equal",
]


def long_text(chars: int, seed: int) -> str:
    """Plain words, deterministic, at most ``chars`` characters, ending with a full stop."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < chars - 12:
        word = rng.choice(_WORDS)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[: chars - 1].rstrip() + "."


def reworded(text: str, fraction: float, seed: int) -> str:
    """``text`` with ``fraction`` of its words replaced, no longer than it was."""
    rng = random.Random(seed)
    words = text.rstrip(".").split(" ")
    for i in rng.sample(range(len(words)), int(len(words) * fraction)):
        words[i] = rng.choice([w for w in _WORDS if len(w) <= len(words[i])] or ["a"])
    return " ".join(words) + "."


def long_text_content(dest: Path, chars: int) -> Path:
    """A copy of the real content where the first practice item of value 1 is a text of
    ``chars`` characters in 2013, and the same text reworded 10 % in the two editions based on
    it (so that both the diff and GM601 compare two texts at the limit)."""
    content = dest / "content"
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(ROOT / "sources", dest / "sources")
    base = long_text(chars, seed=1)
    for n, edition in enumerate(("2013", "2019_supervisors", "who_2017")):
        doc = load_edition(content / edition)
        text = base if n == 0 else reworded(base, 0.10, seed=n)
        value = doc.values[0]
        items = (value.practice.items[0].model_copy(update={"text": text}),)
        practice = value.practice.model_copy(update={"items": items + value.practice.items[1:]})
        value = value.model_copy(update={"practice": practice})
        values = (value, *doc.values[1:])
        write_edition(doc.model_copy(update={"values": values}), content / edition)
    return content


if __name__ == "__main__":
    main()

"""Wheel build hook: ship a snapshot of the load cache for the bundled content.

Loads every edition and derivative of ``content/`` with the package being built, in a separate
process, into an empty cache folder, and adds the entries it stores to the wheel under
``guidelines_model/_data/snapshot/``. An installed wheel's first ``guidelines list``,
``validate`` or ``show`` reads them as it reads the user's cache (see
``guidelines_model/load/cache.py``): keyed by the sha256 of every content file, of every module
of the package and the versions of pydantic and ruamel.yaml, so any change is a miss.

Building a wheel therefore needs pydantic and ruamel.yaml (``[build-system] requires``); content
that does not validate fails the build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_LOAD = (
    "import sys\n"
    "from guidelines_model import load_library, summarise_library\n"
    "lib = load_library(sys.argv[1])\n"
    "summarise_library(sys.argv[1])\n"
    "print(len(lib.editions) + len(lib.derivatives))\n"
)


class SnapshotHook(BuildHookInterface):  # type: ignore[type-arg]
    """Adds ``guidelines_model/_data/snapshot/*.cache`` to the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the checkout's content: no snapshot to ship
        root = Path(self.root)
        self._tmp = tempfile.mkdtemp(prefix="guidelines-snapshot-")
        cache = Path(self._tmp) / "cache"
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("GUIDELINES_") and k != "PYTHONPATH"
        }
        env.update(
            PYTHONPATH=str(root / "src"),
            GUIDELINES_CACHE="1",
            GUIDELINES_CACHE_DIR=str(cache),
            PYTHONDONTWRITEBYTECODE="1",  # no __pycache__ left in src/
        )
        done = subprocess.run(
            [sys.executable, "-c", _LOAD, str(root / "content")],
            env=env,
            cwd=self._tmp,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"the bundled content did not load for the snapshot:\n{done.stderr}")
        entries = sorted(cache.glob("*.cache"))
        if len(entries) != int(done.stdout.strip() or 0):
            raise RuntimeError(f"expected one snapshot entry per document, got {len(entries)}")
        for entry in entries:
            build_data["force_include"][str(entry)] = (
                f"guidelines_model/_data/snapshot/{entry.name}"
            )

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

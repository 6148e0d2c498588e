"""The command layer: the ``guidelines`` command, one module per subcommand.

The library raises typed errors and returns values; the modules here parse arguments, print,
and choose exit codes. No library module imports this package.
"""

from __future__ import annotations

from guidelines_model.cli.main import main

__all__ = ["main"]

"""Errors of the diff command: bad arguments, git failures."""

from __future__ import annotations

from guidelines_model.model.errors import GuidelinesError, UsageError


class DiffError(GuidelinesError):
    """A comparison that cannot be made."""


class DiffUsageError(DiffError, UsageError):
    """The editions or options given cannot be compared (the message says how to call it)."""


class GitError(DiffError):
    """Git could not provide the content at a revision.

    ``repo`` is the folder git ran in, ``rev`` the revision asked for, ``detail`` what git said.
    """

    def __init__(
        self, message: str, *, repo: str, rev: str | None = None, detail: str = ""
    ) -> None:
        self.repo = repo
        self.rev = rev
        self.detail = detail
        super().__init__(message)

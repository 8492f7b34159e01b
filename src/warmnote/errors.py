"""Errors a user can act on: each renders as one line naming the file and the field."""

from __future__ import annotations

from pathlib import Path

from warmnote.terminal import printable

INTERNAL_ERROR = 70
"""A bug in warmnote: EX_SOFTWARE from sysexits.h, distinct from every documented outcome."""
DEBUG_ENV = "WARMNOTE_DEBUG"
"""Set, a bug's traceback is printed beside its one line."""


class WarmnoteError(Exception):
    """An expected failure shown to the user as one line, exit code 2.

    The text is made safe where the error is built, so every place that prints one (the command
    line, ``packs validate``, the terminal app) shows one line that cannot drive the terminal,
    whatever file name, key or value it quotes.
    """

    exit_code = 2

    def __str__(self) -> str:
        return printable(super().__str__(), one_line=True)


class InputError(WarmnoteError):
    """Bad user input: names the file (if any), the field or key (if any), and what is wrong."""

    def __init__(self, message: str, *, file: str | Path | None = None, field: str | None = None):
        self.file = str(file) if file is not None else None
        self.field = field
        self.detail = message
        super().__init__(self._render())

    def _render(self) -> str:
        where = ": ".join(part for part in (self.file, self.field) if part)
        return f"{where}: {self.detail}" if where else self.detail


class ModelError(WarmnoteError):
    """The model file is missing, corrupt or cannot be loaded."""

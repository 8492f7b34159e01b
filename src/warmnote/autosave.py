"""What the person typed, kept on disk while they type: the Compose form and the sender.

Every write goes through :func:`warmnote.locations.write_private`: atomic (a crash, Ctrl+C or a
closed terminal leaves the previous save or the new one, never half of either) and 0600, since
the form holds notes about a real person.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from warmnote import locations
from warmnote.context import Sender
from warmnote.errors import InputError
from warmnote.files import MAX_INPUT_BYTES, load_model, parse_json, read_text_bounded

MAX_AUTOSAVE_BYTES = 8 * MAX_INPUT_BYTES
"""8 MiB: room for a form pasted full of text, yet a runaway file is refused, not read whole."""


class Autosave:
    """The Compose form and current draft, saved while typing and offered back at the next start."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else locations.data_dir() / "autosave.json"
        self._lock = threading.Lock()

    def save(self, state: dict[str, Any]) -> None:
        text = json.dumps(state, ensure_ascii=False, indent=1)  # fails before touching the file
        with self._lock:
            locations.write_private(self.path, text)

    def load(self) -> dict[str, Any] | None:
        """The saved state, or None. A corrupt file is moved aside, never deleted: it holds
        what someone typed.

        Corrupt is anything that does not read back as a JSON object: unreadable, not a regular
        file, over ``MAX_AUTOSAVE_BYTES``, nested too deep, broken text. Each start then begins
        afresh instead of failing on the same file again.
        """
        with self._lock:
            try:
                locations.tighten(self.path.parent)  # an older warmnote left the data dir open
            except OSError as exc:
                raise InputError(f"cannot read: {exc.strerror}", file=self.path) from None
            if not os.path.lexists(self.path):
                return None
            state: Any = None
            if self.path.is_file():  # a FIFO or a device could block the read for ever
                try:
                    raw = read_text_bounded(self.path, limit=MAX_AUTOSAVE_BYTES)
                    state = parse_json(raw, file=self.path)
                except InputError:
                    if not os.path.lexists(self.path):  # cleared meanwhile by another process
                        return None
            if isinstance(state, dict):
                return state
            self._move_aside()
            return None

    def clear(self) -> None:
        with self._lock:
            self.path.unlink(missing_ok=True)

    def _move_aside(self) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}{self.path.suffix}")
        try:
            os.replace(self.path, target)
        except OSError as exc:
            raise InputError(
                f"corrupt, and cannot be moved aside: {exc.strerror}", file=self.path
            ) from None
        with contextlib.suppress(OSError):  # kept either way; only its mode is at stake
            if stat.S_ISREG(os.lstat(target).st_mode):  # never a link's target, FIFO or device
                locations.tighten(target)


def sender_path() -> Path:
    return locations.data_dir() / "sender.json"


def load_sender() -> Sender | None:
    """The remembered sender, or None before the first save; a hand-edited file that no longer
    validates raises InputError naming the field."""
    path = sender_path()
    if not path.is_file():
        return None
    return load_model(Sender, path)


def save_sender(sender: Sender) -> None:
    locations.write_private(
        sender_path(), sender.model_dump_json(exclude_none=True, indent=2) + "\n"
    )

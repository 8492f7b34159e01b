"""Saved model states keyed by system prompt, so each pack's prompt prefix is processed once.

A cold pack prompt (system prompt and worked examples, ~500 tokens) takes ~15 s to process on
two cores; the llama.cpp state after it is 15–18 MB. Keeping that state per system prompt, in
memory and under the cache dir, lets a draft with any pack start from its processed prefix:
after switching packs and in a new process alike. Correctness does not depend on the key:
llama-cpp-python reuses only the tokens the new prompt really shares with the loaded state.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from warmnote import locations

FORMAT = b"WNPS1"


@dataclass(frozen=True)
class SavedState:
    input_ids: np.ndarray
    state: bytes
    seed: int


def state_key(model_id: str, system_prompt: str) -> str:
    return hashlib.sha256(f"{model_id}\0{system_prompt}".encode()).hexdigest()[:32]


class PrefixStates:
    """States by key, in memory and (with a ``directory``) as files that outlive the process."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        if directory is not None:  # made private now, so states from older versions are too
            with contextlib.suppress(OSError):
                locations.ensure_private_dir(directory)
        self._memory: dict[str, SavedState] = {}
        self._on_disk: set[str] = set()

    def get(self, key: str) -> SavedState | None:
        found = self._memory.get(key)
        if found is None and self.directory is not None:
            found = self._read(self.directory / f"{key}.state")
            if found is not None:
                self._memory[key] = found
                self._on_disk.add(key)
        return found

    def put(self, key: str, saved: SavedState) -> None:
        self._memory[key] = saved
        if self.directory is not None and key not in self._on_disk:
            self._write(self.directory / f"{key}.state", saved)
            self._on_disk.add(key)

    def discard(self, key: str) -> None:
        """Forget a state that would not load (e.g. from another llama.cpp build)."""
        self._memory.pop(key, None)
        self._on_disk.discard(key)
        if self.directory is not None:
            with contextlib.suppress(OSError):
                (self.directory / f"{key}.state").unlink()

    @staticmethod
    def _read(path: Path) -> SavedState | None:
        """A missing, partial or foreign file is no state: the prefix is simply processed again."""
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if not data.startswith(FORMAT) or len(data) < len(FORMAT) + 16:
            return None
        head = len(FORMAT)
        n_ids = int.from_bytes(data[head : head + 8], "little")
        seed = int.from_bytes(data[head + 8 : head + 16], "little")
        ids_end = head + 16 + 4 * n_ids
        if len(data) <= ids_end:
            return None
        ids = np.frombuffer(data[head + 16 : ids_end], dtype=np.intc).copy()
        return SavedState(input_ids=ids, state=data[ids_end:], seed=seed)

    @staticmethod
    def _write(path: Path, saved: SavedState) -> None:
        """Atomic and private (the state holds the prompt's text); a cache that cannot be written
        only costs speed, never a draft."""
        ids = saved.input_ids.astype(np.intc)
        seed = (saved.seed & 0xFFFFFFFF).to_bytes(8, "little")
        header = FORMAT + len(ids).to_bytes(8, "little") + seed
        with contextlib.suppress(OSError):
            locations.write_private(path, header + ids.tobytes() + saved.state)

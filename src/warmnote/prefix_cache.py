"""Saved model states by model and system prompt, so each pack's prompt prefix is processed once.

A cold pack prompt (system prompt and worked examples, ~500 tokens) takes ~15 s to process on
two cores; the llama.cpp state after it is 15–18 MB. Keeping that state per system prompt, in
memory and under the cache dir, lets a draft with any pack start from its processed prefix:
after switching packs and in a new process alike. Correctness does not depend on the key:
llama-cpp-python reuses only the tokens the new prompt really shares with the loaded state.

Bounds, because every edited pack or new model would otherwise leave another state forever:

- Disk: the ``*.state`` files in the directory, of every model and also those left by older
  versions, stay within ``budget_bytes``. Recency is the file's mtime, set on every put and get,
  so it is shared by the CLI and the app and survives restarts. Before a write, the least
  recently used files are deleted until the new one fits; a state larger than the whole budget
  is not written. The directory is trimmed to the budget when a ``PrefixStates`` is made, so a
  lowered budget applies at once. Two processes writing at once may overshoot by one state each
  until the next put; a file that vanishes underneath (the other process evicted it) is skipped.
- Memory: only the ``memory_states`` most recently used states are kept (~17 MB of RAM each).
- Edited packs: a key is ``<model tag>-<digest of model and system prompt>`` and names its file,
  so an edited pack gets a new key and its old state is stale. After a warm-up,
  ``retain(model_id, live_keys)`` deletes this model's states whose key is not live; states of
  other models (another tag) and files of older versions (no tag) are left to the budget.

File format: ``WNPS1``, token count and seed (8 bytes little-endian each), the token ids
(int32), then llama.cpp's state bytes. A missing, partial or foreign file is no state.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np

from warmnote import locations

FORMAT = b"WNPS1"
DEFAULT_BUDGET_BYTES = 256 * 2**20
MEMORY_STATES = 4
# A temp file this old was left by a write that crashed; a live write takes seconds at most.
ABANDONED_TEMP_SECONDS = 3600


@dataclass(frozen=True)
class SavedState:
    input_ids: np.ndarray
    state: bytes
    seed: int


def model_tag(model_id: str) -> str:
    """The file-name-safe part of every key of one model (a model id may hold any text)."""
    return hashlib.sha256(model_id.encode()).hexdigest()[:16]


def state_key(model_id: str, system_prompt: str) -> str:
    digest = hashlib.sha256(f"{model_id}\0{system_prompt}".encode()).hexdigest()[:32]
    return f"{model_tag(model_id)}-{digest}"


class _StateFile(NamedTuple):
    path: Path
    used_ns: int
    size: int


_stamp_lock = threading.Lock()
_last_stamp_ns = 0


def _now_ns() -> int:
    """Strictly increasing within the process, so back-to-back uses never tie in recency."""
    global _last_stamp_ns
    with _stamp_lock:
        _last_stamp_ns = max(time.time_ns(), _last_stamp_ns + 1)
        return _last_stamp_ns


class PrefixStates:
    """States by key, in memory and (with a ``directory``) as files that outlive the process."""

    def __init__(
        self,
        directory: Path | None,
        *,
        budget_bytes: int = DEFAULT_BUDGET_BYTES,
        memory_states: int = MEMORY_STATES,
    ) -> None:
        if budget_bytes < 0 or memory_states < 0:
            raise ValueError("budget_bytes and memory_states must not be negative")
        self.directory = directory
        self.budget_bytes = budget_bytes
        self.memory_states = memory_states
        self._memory: OrderedDict[str, SavedState] = OrderedDict()
        self._on_disk: set[str] = set()  # keys this instance wrote or read intact
        if directory is not None:  # made private now, so states from older versions are too
            with contextlib.suppress(OSError):
                locations.ensure_private_dir(directory)
            self._evict(allowed_bytes=budget_bytes)

    def get(self, key: str) -> SavedState | None:
        found = self._memory.get(key)
        if found is None and self.directory is not None:
            found = self._read(self._path(key))
            if found is not None:
                self._on_disk.add(key)
        if found is None:
            return None
        self._remember(key, found)
        if key in self._on_disk:
            self._stamp(key)
        return found

    def put(self, key: str, saved: SavedState) -> None:
        self._remember(key, saved)
        if self.directory is None or (key in self._on_disk and self._stamp(key)):
            return
        payload = self._encode(saved)
        if len(payload) > self.budget_bytes:
            return
        path = self._path(key)
        self._evict(allowed_bytes=self.budget_bytes - len(payload), replacing=path)
        try:  # atomic and private (the state holds the prompt's text)
            locations.write_private(path, payload)
        except OSError:  # a cache that cannot be written only costs speed, never a draft
            return
        self._on_disk.add(key)
        self._stamp(key)

    def keep_in_memory(self, key: str, saved: SavedState) -> None:
        """Remember ``saved`` for this process only: a prompt prepared for one draft, which no
        other process starts from."""
        self._remember(key, saved)

    def discard(self, key: str) -> None:
        """Forget a state that would not load (e.g. from another llama.cpp build)."""
        self._memory.pop(key, None)
        self._on_disk.discard(key)
        if self.directory is not None:
            with contextlib.suppress(OSError):
                self._path(key).unlink()

    def retain(self, model_id: str, live_keys: Iterable[str]) -> None:
        """Drop this model's states whose key is not in ``live_keys`` (those of edited or removed
        packs); other models' states are not this warm-up's to judge."""
        live = set(live_keys)
        prefix = f"{model_tag(model_id)}-"
        for key in [k for k in self._memory if k.startswith(prefix) and k not in live]:
            del self._memory[key]
        for file in self._files():
            key = file.path.name.removesuffix(".state")
            if key.startswith(prefix) and key not in live:
                self._delete(file)

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / f"{key}.state"

    def _remember(self, key: str, saved: SavedState) -> None:
        self._memory[key] = saved
        self._memory.move_to_end(key)
        while len(self._memory) > self.memory_states:
            self._memory.popitem(last=False)

    def _stamp(self, key: str) -> bool:
        """Mark the key's file as just used; False when another process evicted it meanwhile."""
        now = _now_ns()
        try:
            os.utime(self._path(key), ns=(now, now))
        except OSError:
            self._on_disk.discard(key)
            return False
        return True

    def _files(self) -> list[_StateFile]:
        """The state files, least recently used first; abandoned temp files are deleted here."""
        assert self.directory is not None
        files = []
        try:
            entries = list(os.scandir(self.directory))
        except OSError:
            return []
        abandoned_before = time.time_ns() - ABANDONED_TEMP_SECONDS * 10**9
        for entry in entries:
            try:
                stat = entry.stat(follow_symlinks=False)
                if entry.name.startswith(".") and entry.name.endswith(".tmp"):
                    if stat.st_mtime_ns < abandoned_before:
                        os.unlink(entry.path)
                elif entry.name.endswith(".state") and entry.is_file(follow_symlinks=False):
                    files.append(_StateFile(Path(entry.path), stat.st_mtime_ns, stat.st_size))
            except OSError:  # vanished underneath: another process evicted or replaced it
                continue
        return sorted(files, key=lambda file: file.used_ns)

    def _evict(self, allowed_bytes: int, replacing: Path | None = None) -> None:
        """Delete least recently used files until the rest take at most ``allowed_bytes``."""
        files = [file for file in self._files() if file.path != replacing]
        total = sum(file.size for file in files)
        for file in files:
            if total <= allowed_bytes:
                break
            self._delete(file)
            total -= file.size

    def _delete(self, file: _StateFile) -> None:
        self._on_disk.discard(file.path.name.removesuffix(".state"))
        with contextlib.suppress(OSError):
            file.path.unlink()

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
    def _encode(saved: SavedState) -> bytes:
        ids = saved.input_ids.astype(np.intc)
        seed = (saved.seed & 0xFFFFFFFF).to_bytes(8, "little")
        return FORMAT + len(ids).to_bytes(8, "little") + seed + ids.tobytes() + saved.state

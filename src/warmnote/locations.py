"""The one place that knows where warmnote's files live, and how they are kept private.

Set ``WARMNOTE_HOME`` to keep config, data and cache under one directory (tests do this, so they
never touch the real user's files).

Notes about real people are personal data, so every file warmnote writes is 0600 and every
directory it makes is 0700: set explicitly, never left to the umask, and tightened again when an
older warmnote (or a loose umask) left them readable by others.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from importlib import resources
from pathlib import Path
from typing import BinaryIO

import platformdirs

APP_NAME = "warmnote"
HOME_ENV = "WARMNOTE_HOME"
DEFAULT_MODEL_FILENAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME))


def cache_dir() -> Path:
    home = _home()
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME))


def config_file() -> Path:
    return config_dir() / "config.toml"


def user_guardrails_dir() -> Path:
    return config_dir() / "guardrails"


def user_prompts_dir() -> Path:
    return config_dir() / "prompts"


def models_dir() -> Path:
    return data_dir() / "models"


def default_model_path() -> Path:
    return models_dir() / DEFAULT_MODEL_FILENAME


def history_db() -> Path:
    return data_dir() / "history.sqlite3"


def builtin_dir(name: str) -> Path:
    """A bundled folder (``guardrails``, ``prompts``, ``examples``, ``evals``).

    A wheel carries them inside the package; a source checkout keeps them at the top level.
    """
    packaged = Path(str(resources.files("warmnote"))) / "_builtin" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name


def tighten(path: Path) -> None:
    """Make an existing file 0600 or directory 0700; a missing path is left alone."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    wanted = PRIVATE_DIR if stat.S_ISDIR(mode) else PRIVATE_FILE
    if stat.S_IMODE(mode) != wanted:
        os.chmod(path, wanted)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and its missing parents 0700, and tighten warmnote's own folders on it.

    Only the directories this call creates and those inside the config, data and cache dirs are
    changed: never the user's home or a folder they chose.
    """
    missing = []
    for directory in (path, *path.parents):
        if directory.exists():
            break
        missing.append(directory)
    for directory in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(directory, PRIVATE_DIR)
    roots = [root.absolute() for root in (config_dir(), data_dir(), cache_dir())]
    for directory in (path, *path.parents):
        if directory in missing or any(directory.absolute().is_relative_to(r) for r in roots):
            tighten(directory)
    return path


def write_private(path: Path, data: str | bytes) -> None:
    """Replace ``path`` with ``data`` all at once, as a 0600 file in a private directory.

    Temp file in the same directory, fsync, ``os.replace``, fsync of the directory: a crash or a
    full disk leaves the old file or the new one, never half of either.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data  # fails before any write
    ensure_private_dir(path.parent)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), PRIVATE_FILE)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    _fsync_dir(path.parent)


def open_private(path: Path) -> BinaryIO:
    """Open ``path`` for writing from scratch as a 0600 file (a stream, e.g. a download).

    Only a regular file is made 0600: a device, FIFO or terminal the user named (``/dev/null``,
    ``/dev/stdout``, a pipe) is written to as it is, never chmodded, and never becomes this
    process's controlling terminal. The parent must exist: this never changes a folder the user
    chose.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC | os.O_NOCTTY
    fd = os.open(path, flags, PRIVATE_FILE)
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            os.fchmod(fd, PRIVATE_FILE)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "wb")


def touch_private(path: Path) -> None:
    """Create ``path`` empty and 0600 unless it exists, then tighten it.

    For files a library creates with its own modes (SQLite uses 0644): made first, they keep ours.
    """
    os.close(os.open(path, os.O_RDONLY | os.O_CREAT | os.O_CLOEXEC, PRIVATE_FILE))
    tighten(path)


def _fsync_dir(directory: Path) -> None:
    """Make a rename durable, not just the file contents."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

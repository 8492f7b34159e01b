"""`warmnote model path|verify|install`: one line of output; a bad file exits 2, no traceback."""

from __future__ import annotations

import hashlib
import json
import struct
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest

from warmnote import locations, modelfile, packs
from warmnote.cli import main
from warmnote.modelfile import ModelSpec
from warmnote.packs import PackScan

ARCHITECTURE = struct.pack("<Q", 20) + b"general.architecture" + struct.pack("<IQ", 8, 5) + b"llama"
ONE_TENSOR = struct.pack("<Q", 1) + b"t" + struct.pack("<IQIQ", 1, 1, 0, 0)  # 1 float32 at 0
TINY_HEADER = b"GGUF" + struct.pack("<IQQ", 3, 1, 1) + ARCHITECTURE + ONE_TENSOR
TINY_GGUF = TINY_HEADER + bytes(-len(TINY_HEADER) % 32) + struct.pack("<f", 1.0)
"""A small GGUF llama.cpp would not refuse on sight: an architecture and one float32 tensor."""
STUB_24_BYTES = b"GGUF" + struct.pack("<IQQ", 3, 0, 0)
"""Version 3, no tensors, no metadata: a well-formed header, but nothing to load."""


def warmnote(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "warmnote", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_path_prints_the_default_model_path() -> None:
    done = warmnote("model", "path")

    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"{locations.default_model_path()}\n"


def test_verify_prints_size_and_sha256(tmp_path: Path) -> None:
    model = tmp_path / "mine.gguf"
    model.write_bytes(TINY_GGUF)

    done = warmnote("model", "verify", str(model))

    digest = hashlib.sha256(TINY_GGUF).hexdigest()
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"ok  {model}  {len(TINY_GGUF)} bytes  sha256 {digest}\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, "model not found: ", id="missing"),
        pytest.param(b"<html>not a model</html>", "does not start with b'GGUF'", id="not-gguf"),
        pytest.param(b"GGUF\x03\x00\x00\x00", "tensor count runs past the end", id="stub"),
        pytest.param(STUB_24_BYTES, "not a valid GGUF file: it has no tensors", id="24-byte-stub"),
        pytest.param(
            b"GGUF" + struct.pack("<IQQ", 3, 1, 0) + ONE_TENSOR + bytes(4),
            "not a valid GGUF file: it has no general.architecture metadata key",
            id="no-architecture",
        ),
        pytest.param(
            TINY_GGUF[:8] + b"\xff" * 16, "tensor count 18446744073709551615", id="counts"
        ),
        pytest.param(
            TINY_GGUF[:4] + b"\x01" + TINY_GGUF[5:], "unsupported GGUF version 1 ", id="version"
        ),
    ],
)
def test_verify_bad_file_exits_2_with_one_line(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    model = tmp_path / "model.gguf"
    if content is not None:
        model.write_bytes(content)

    done = warmnote("model", "verify", str(model))

    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("warmnote: ")
    assert message in done.stderr
    assert str(model) in done.stderr


@pytest.mark.parametrize(
    "stamp",
    [
        pytest.param(b"[" * 100_000 + b"]" * 100_000, id="deep-list"),
        pytest.param(b'{"a":' * 100_000 + b"1" + b"}" * 100_000, id="deep-object"),
        pytest.param(b"\xff" * (1 << 20), id="huge-not-utf8"),
    ],
)
def test_verify_ignores_a_hostile_hash_stamp_and_hashes_again(tmp_path: Path, stamp: bytes) -> None:
    model = tmp_path / "mine.gguf"
    model.write_bytes(TINY_GGUF)
    assert warmnote("model", "verify", str(model)).returncode == 0
    [cached] = (locations.cache_dir() / "model-hashes").glob("*.json")
    cached.write_bytes(stamp)

    done = warmnote("model", "verify", str(model))

    digest = hashlib.sha256(TINY_GGUF).hexdigest()
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"ok  {model}  {len(TINY_GGUF)} bytes  sha256 {digest}\n"
    assert json.loads(cached.read_text("utf-8"))["sha256"] == digest


def test_verify_without_path_checks_the_default_and_names_the_setup_command() -> None:
    done = warmnote("model", "verify")

    assert done.returncode == 2
    assert done.stderr == (
        f"warmnote: model not found: {locations.default_model_path()}; "
        "run `make run` (or `warmnote model install`) to install the default model\n"
    )


def test_truncated_default_model_exits_2_with_the_remedy() -> None:
    path = locations.default_model_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"GGUF" + b"\x00" * 1000)

    done = warmnote("model", "verify")

    assert done.returncode == 2
    assert done.stderr == (
        f"warmnote: {path}: truncated or corrupt: expected {modelfile.DEFAULT_MODEL.size} "
        "bytes, found 1004; run `warmnote model install --force` to reinstall it\n"
    )


def test_model_commands_never_load_llama_cpp() -> None:
    script = (
        "import sys\n"
        "from warmnote.cli import main\n"
        "main(['model', 'path'])\n"
        "main(['model', 'verify'])\n"
        "assert 'llama_cpp' not in sys.modules, 'llama_cpp was imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )

    assert done.returncode == 0, done.stderr


def test_install_reports_an_already_verified_model(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    payload = TINY_GGUF
    spec = ModelSpec("fake", len(payload), hashlib.sha256(payload).hexdigest(), 1, "0", "p", "m")
    monkeypatch.setattr(modelfile, "DEFAULT_MODEL", spec)
    path = locations.default_model_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(payload)

    code = main(["model", "install", "--no-warm"])

    assert code == 0
    assert capsys.readouterr().out == f"model ok: {path}\n"


class FakeLocalModel:
    """Stands in for LlamaDrafter: notes which file it was built for and what it warmed."""

    built: ClassVar[list[Path]] = []
    warmed: ClassVar[int] = 0

    def __init__(self, path: Path, **options: object) -> None:
        self.built.append(path)

    def load(self) -> None:
        pass

    def warm(self, messages: object, cancel: object = None) -> bool:
        type(self).warmed += 1
        return True


def test_warm_uses_the_local_model_even_with_a_server_in_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import warmnote.llama

    model = tmp_path / "mine.gguf"
    model.write_bytes(TINY_GGUF)
    monkeypatch.setenv("WARMNOTE_MODEL", str(model))
    locations.config_file().parent.mkdir(parents=True, exist_ok=True)
    locations.config_file().write_text(
        '[backend]\nkind = "openai"\nbase_url = "http://127.0.0.1:9/v1"\n'
    )
    monkeypatch.setattr(warmnote.llama, "LlamaDrafter", FakeLocalModel)
    monkeypatch.setattr(FakeLocalModel, "built", [])
    monkeypatch.setattr(FakeLocalModel, "warmed", 0)

    assert main(["model", "warm", "--pack", "alumni"]) == 0

    assert FakeLocalModel.built == [model] and FakeLocalModel.warmed == 2  # the pack, the tidy
    assert f"warmed 1 pack(s) for {model.name} in " in capsys.readouterr().out


@pytest.mark.model
def test_warm_keeps_each_packs_prompt_and_drops_the_state_of_an_edited_pack(
    real_model_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WARMNOTE_MODEL", str(real_model_path))
    states = locations.cache_dir() / "prefix-states"

    assert main(["model", "warm", "--pack", "alumni"]) == 0
    assert capsys.readouterr().out.startswith("warm: alumni (")
    first = set(states.glob("*.state"))
    assert len(first) == 2  # the pack's and the tidy's

    builtin = locations.builtin_dir("prompts") / "alumni.toml"
    edited = builtin.read_text(encoding="utf-8").replace(
        "Write my LinkedIn connection note", "Write my short LinkedIn connection note", 1
    )
    locations.user_prompts_dir().mkdir(parents=True)
    (locations.user_prompts_dir() / "alumni.toml").write_text(edited, encoding="utf-8")
    everything = packs.scan_packs()
    only_alumni = PackScan(tuple(p for p in everything.packs if p.name == "alumni"), ())
    monkeypatch.setattr(packs, "scan_packs", lambda: only_alumni)  # ten packs take minutes

    assert main(["model", "warm"]) == 0
    second = set(states.glob("*.state"))
    assert len(second) == 2 and len(first & second) == 1, (
        "the edited pack's prompt was warmed and the old state dropped; the tidy's kept"
    )

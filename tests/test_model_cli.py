"""`warmnote model path|verify|install`: one line of output; a bad file exits 2, no traceback."""

from __future__ import annotations

import hashlib
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from warmnote import locations, modelfile
from warmnote.cli import main
from warmnote.modelfile import ModelSpec

TINY_GGUF = b"GGUF" + struct.pack("<IQQ", 3, 0, 0)
"""The smallest valid GGUF: version 3, no tensors, no metadata."""


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
    assert done.stdout == f"ok  {model}  24 bytes  sha256 {digest}\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, "model not found: ", id="missing"),
        pytest.param(b"<html>not a model</html>", "does not start with b'GGUF'", id="not-gguf"),
        pytest.param(b"GGUF\x03\x00\x00\x00", "tensor count runs past the end", id="stub"),
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

    code = main(["model", "install"])

    assert code == 0
    assert capsys.readouterr().out == f"model ok: {path}\n"

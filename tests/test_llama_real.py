"""LlamaDrafter with the real default model: streams, stays quiet, repeats a seed, fails cleanly.

The model-marked tests use the installed default GGUF and fail (never skip) when it is missing.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from warmnote import modelfile
from warmnote.drafter import ChatMessage, SamplingParams
from warmnote.errors import ModelError
from warmnote.llama import LlamaDrafter, physical_cores

MESSAGES = [
    ChatMessage("system", "You write short, friendly LinkedIn connection notes. Reply with one."),
    ChatMessage("user", "Write a note to Ana Souza; we met at PyCon Lisbon and talked packaging."),
]
PARAMS = SamplingParams(max_tokens=24, seed=42)


@pytest.fixture(scope="session")
def drafter(real_model_path: Path) -> LlamaDrafter:
    drafter = LlamaDrafter(real_model_path)
    drafter.load()
    return drafter


@pytest.mark.model
def test_loading_and_drafting_write_nothing_to_the_terminal(real_model_path: Path) -> None:
    script = textwrap.dedent(f"""
        from pathlib import Path
        from warmnote.drafter import ChatMessage, SamplingParams
        from warmnote.llama import LlamaDrafter

        drafter = LlamaDrafter(Path({str(real_model_path)!r}))
        messages = [ChatMessage("user", "Say hello to Ana in five words.")]
        print("".join(drafter.stream(messages, SamplingParams(max_tokens=8))))
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False
    )

    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout.strip()
    assert done.stdout.count("\n") == 1


@pytest.mark.model
def test_identity_is_the_verified_default_model(drafter: LlamaDrafter) -> None:
    assert drafter.model_id == modelfile.DEFAULT_MODEL.sha256
    assert drafter.model_name == "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"


@pytest.mark.model
def test_stream_yields_several_text_chunks_and_records_usage(drafter: LlamaDrafter) -> None:
    chunks = list(drafter.stream(MESSAGES, PARAMS))

    assert len(chunks) >= 3
    assert all(chunks)
    assert "".join(chunks).strip()
    usage = drafter.last_usage
    assert usage is not None
    assert len(chunks) <= usage.completion_tokens <= PARAMS.max_tokens
    assert usage.prompt_tokens > 20
    assert 0 < usage.first_chunk_seconds <= usage.seconds
    assert usage.tokens_per_second > 0


@pytest.mark.model
def test_same_seed_and_settings_give_the_same_text(drafter: LlamaDrafter) -> None:
    first = "".join(drafter.stream(MESSAGES, PARAMS))
    second = "".join(drafter.stream(MESSAGES, PARAMS))

    assert first == second


@pytest.mark.model
def test_closing_a_stream_midway_leaves_the_model_usable(drafter: LlamaDrafter) -> None:
    reference = "".join(drafter.stream(MESSAGES, PARAMS))

    stream = drafter.stream(MESSAGES, PARAMS)
    started = [next(stream), next(stream)]
    stream.close()
    after = "".join(drafter.stream(MESSAGES, PARAMS))

    assert reference.startswith("".join(started))
    assert after == reference


@pytest.mark.model
def test_a_second_stream_while_one_is_open_is_refused(drafter: LlamaDrafter) -> None:
    first = drafter.stream(MESSAGES, PARAMS)
    next(first)
    try:
        with pytest.raises(RuntimeError, match="already streaming"):
            next(drafter.stream(MESSAGES, PARAMS))
    finally:
        first.close()
    assert "".join(drafter.stream(MESSAGES, PARAMS))


@pytest.mark.model
def test_prompt_longer_than_the_context_is_a_model_error(drafter: LlamaDrafter) -> None:
    too_long = [ChatMessage("user", "connect " * 3000)]

    with pytest.raises(ModelError, match="context window"):
        list(drafter.stream(too_long, PARAMS))


@pytest.mark.model
def test_threads_default_to_physical_cores(drafter: LlamaDrafter) -> None:
    assert drafter.n_threads == physical_cores()


@pytest.mark.model
def test_corrupt_gguf_is_a_model_error_naming_the_file(
    real_model_path: Path, tmp_path: Path
) -> None:
    corrupt = tmp_path / "corrupt.gguf"
    with real_model_path.open("rb") as source:
        corrupt.write_bytes(source.read(1 << 20))
    drafter = LlamaDrafter(corrupt, verify=False)  # past the header check: llama.cpp's own

    with pytest.raises(ModelError, match="cannot load the model") as caught:
        drafter.load()
    assert str(corrupt) in str(caught.value)
    assert not drafter.loaded


def cpuinfo(*cores: tuple[int, int]) -> str:
    return "\n\n".join(
        f"processor\t: {n}\nphysical id\t: {socket}\ncore id\t\t: {core}\nflags\t\t: avx2"
        for n, (socket, core) in enumerate(cores)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(cpuinfo((0, 0), (0, 1)), 2, id="two-cores"),
        pytest.param(cpuinfo((0, 0), (0, 1), (0, 0), (0, 1)), 2, id="hyper-threads"),
        pytest.param(cpuinfo((0, 0), (0, 1), (1, 0), (1, 1)), 4, id="two-sockets"),
    ],
)
def test_physical_cores_counts_distinct_cores(tmp_path: Path, text: str, expected: int) -> None:
    path = tmp_path / "cpuinfo"
    path.write_text(text + "\n")

    assert physical_cores(path) == expected


@pytest.mark.parametrize(
    "text", [pytest.param("processor\t: 0\n", id="no-core-ids"), pytest.param(None, id="no-file")]
)
def test_physical_cores_falls_back_to_cpu_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str | None
) -> None:
    path = tmp_path / "cpuinfo"
    if text is not None:
        path.write_text(text)
    monkeypatch.setattr("os.cpu_count", lambda: 7)

    assert physical_cores(path) == 7


def test_creating_a_drafter_does_not_import_llama_cpp(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from warmnote.llama import LlamaDrafter

        drafter = LlamaDrafter(Path({str(tmp_path / "model.gguf")!r}), verify=False)
        assert not drafter.loaded
        assert "llama_cpp" not in sys.modules, "llama_cpp was imported"
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )

    assert done.returncode == 0, done.stderr

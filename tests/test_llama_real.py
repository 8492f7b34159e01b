"""LlamaDrafter with the real default model: streams, stays quiet, repeats a seed, fails cleanly,
and prefill and warm-up change how much of a prompt is processed, never what is written.

The model-marked tests use the installed default GGUF and fail (never skip) when it is missing.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pytest

from warmnote import locations, modelfile
from warmnote.drafter import ChatMessage, StreamEvent, TextChunk, Usage
from warmnote.errors import ModelError
from warmnote.guardrails import Verdict
from warmnote.llama import PREFILL_BATCH, LlamaDrafter, physical_cores
from warmnote.pipeline import stream_reply
from warmnote.prefix_cache import PrefixStates, state_key
from warmnote.sampling import Sampling

MESSAGES = [
    ChatMessage("system", "You write short, friendly LinkedIn connection notes. Reply with one."),
    ChatMessage("user", "Write a note to Ana Souza; we met at PyCon Lisbon and talked packaging."),
]
SAMPLING = Sampling(max_tokens=24)
SEED = 42
SHORT = Sampling(max_tokens=16)
"""For the prefill and warm-up tests: what they compare is the start of the reply."""
PACK_LIKE = [
    ChatMessage(
        "system",
        "You write short, warm LinkedIn connection notes from the sender to the recipient. "
        "Name the recipient, say how you know them and why you want to connect. "
        "Reply with the note only, under 300 characters.",
    ),
    ChatMessage("user", "To: Ben Okoro. We met at the Lagos data meetup; talked dbt tests."),
    ChatMessage(
        "assistant",
        "Hi Ben, great talking dbt tests at the Lagos data meetup. I'd like to stay in touch.",
    ),
    ChatMessage("user", "To: Ana Souza. We met at PyCon Lisbon and talked about packaging."),
]


def text_of(events: Iterable[StreamEvent]) -> str:
    return "".join(event.text for event in events if isinstance(event, TextChunk))


def stream_with_usage(
    drafter: LlamaDrafter, messages: Sequence[ChatMessage], seed: int = SEED
) -> tuple[str, Usage]:
    events = list(drafter.stream(messages, SHORT, seed))
    usage = events[-1]
    assert isinstance(usage, Usage)
    return text_of(events), usage


@pytest.fixture(scope="session")
def drafter(real_model_path: Path) -> LlamaDrafter:
    drafter = LlamaDrafter(real_model_path)
    drafter.load()
    return drafter


@pytest.mark.model
def test_loading_and_drafting_write_nothing_to_the_terminal(real_model_path: Path) -> None:
    script = textwrap.dedent(f"""
        from pathlib import Path
        from warmnote.drafter import ChatMessage, TextChunk
        from warmnote.llama import LlamaDrafter
        from warmnote.sampling import Sampling

        drafter = LlamaDrafter(Path({str(real_model_path)!r}))
        messages = [ChatMessage("user", "Say hello to Ana in five words.")]
        events = drafter.stream(messages, Sampling(max_tokens=8), 0)
        print("".join(e.text for e in events if isinstance(e, TextChunk)))
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
def test_stream_yields_text_chunks_then_one_usage(drafter: LlamaDrafter) -> None:
    events = list(drafter.stream(MESSAGES, SAMPLING, SEED))

    *chunks, usage = events
    assert len(chunks) >= 3
    assert all(isinstance(chunk, TextChunk) and chunk.text for chunk in chunks)
    assert text_of(chunks).strip()
    assert isinstance(usage, Usage)
    assert len(chunks) <= usage.completion_tokens <= SAMPLING.max_tokens
    assert usage.prompt_tokens > 20
    assert 1 <= usage.processed_tokens <= usage.prompt_tokens


@pytest.mark.model
def test_a_timed_reply_takes_its_token_counts_from_the_usage(drafter: LlamaDrafter) -> None:
    reply = stream_reply(drafter, MESSAGES, SAMPLING, SEED)

    assert reply.raw.strip() and not reply.cancelled
    assert reply.usage.prompt_tokens > 20
    assert 0 < reply.usage.completion_tokens <= SAMPLING.max_tokens
    assert 0 < reply.first_chunk_seconds <= reply.seconds
    verdict = Verdict(passed=True, length=len(reply.raw), limit=300, violations=[])
    attempt = reply.attempt(number=1, text=reply.raw, verdict=verdict)
    assert attempt.tokens_per_second > 0
    assert attempt.seed == SEED


@pytest.mark.model
def test_same_seed_and_settings_give_the_same_text(drafter: LlamaDrafter) -> None:
    first = text_of(drafter.stream(MESSAGES, SAMPLING, SEED))
    second = text_of(drafter.stream(MESSAGES, SAMPLING, SEED))

    assert first == second


@pytest.mark.model
def test_closing_a_stream_midway_leaves_the_model_usable(drafter: LlamaDrafter) -> None:
    reference = text_of(drafter.stream(MESSAGES, SAMPLING, SEED))

    stream = drafter.stream(MESSAGES, SAMPLING, SEED)
    started = [next(stream), next(stream)]
    stream.close()
    after = text_of(drafter.stream(MESSAGES, SAMPLING, SEED))

    assert reference.startswith(text_of(started))
    assert after == reference


@pytest.mark.model
def test_a_second_use_while_a_stream_is_open_is_refused(drafter: LlamaDrafter) -> None:
    first = drafter.stream(MESSAGES, SAMPLING, SEED)
    next(first)
    try:
        with pytest.raises(RuntimeError, match="already busy"):
            next(drafter.stream(MESSAGES, SAMPLING, SEED))
        with pytest.raises(RuntimeError, match="already busy"):
            drafter.prefill(MESSAGES, threading.Event())
        with pytest.raises(RuntimeError, match="already busy"):
            drafter.warm(MESSAGES)
    finally:
        first.close()
    assert text_of(drafter.stream(MESSAGES, SAMPLING, SEED))


@pytest.mark.model
def test_prompt_longer_than_the_context_is_a_model_error(drafter: LlamaDrafter) -> None:
    too_long = [ChatMessage("user", "connect " * 3000)]

    with pytest.raises(ModelError, match="context window"):
        list(drafter.stream(too_long, SAMPLING, SEED))


# --- prefill and warm-up ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cold_text(real_model_path: Path) -> Callable[[Sequence[ChatMessage], int], str]:
    """What a model with nothing processed before writes: the reference for prefill and warm."""
    cold = LlamaDrafter(real_model_path, keep_prefix_states=False)
    seen: dict[tuple[tuple[ChatMessage, ...], int], str] = {}

    def write(messages: Sequence[ChatMessage], seed: int) -> str:
        key = (tuple(messages), seed)
        if key not in seen:
            cold.load().reset()  # nothing of an earlier prompt is reused
            seen[key] = text_of(cold.stream(messages, SHORT, seed))
        return seen[key]

    return write


@pytest.mark.model
def test_a_prefilled_prompt_writes_what_a_cold_one_does_and_only_decodes(
    real_model_path: Path, cold_text: Callable[[Sequence[ChatMessage], int], str]
) -> None:
    drafter = LlamaDrafter(real_model_path)

    assert drafter.prefill(PACK_LIKE, threading.Event())
    text, usage = stream_with_usage(drafter, PACK_LIKE)

    assert text == cold_text(PACK_LIKE, SEED)
    assert usage.prompt_tokens > 3 * PREFILL_BATCH
    assert usage.processed_tokens <= 2


@pytest.mark.model
def test_a_cancelled_prefill_stops_part_way_and_changes_nothing_written(
    real_model_path: Path, cold_text: Callable[[Sequence[ChatMessage], int], str]
) -> None:
    drafter = LlamaDrafter(real_model_path)
    llama = drafter.load()
    cancel, batches = threading.Event(), []
    evaluate = llama.eval

    def eval_then_wait_for_cancel(tokens: Sequence[int]) -> None:
        evaluate(tokens)
        batches.append(len(tokens))
        if len(batches) == 1:  # another thread cancels after the first batch
            canceller = threading.Thread(target=cancel.set)
            canceller.start()
            assert cancel.wait(10), "the cancelling thread never ran"
            canceller.join()

    llama.eval = eval_then_wait_for_cancel
    try:
        assert drafter.prefill(PACK_LIKE, cancel) is False
    finally:
        del llama.eval  # the class's own again
    assert batches == [PREFILL_BATCH], "stopped after the batch during which it was cancelled"

    text, usage = stream_with_usage(drafter, PACK_LIKE)
    assert text == cold_text(PACK_LIKE, SEED)
    assert usage.processed_tokens == usage.prompt_tokens - PREFILL_BATCH


@pytest.mark.model
def test_a_warmed_pack_prompt_is_kept_on_disk_for_the_next_drafter(
    real_model_path: Path, cold_text: Callable[[Sequence[ChatMessage], int], str]
) -> None:
    LlamaDrafter(real_model_path).warm(PACK_LIKE)

    states_dir = locations.cache_dir() / "prefix-states"
    assert len(list(states_dir.glob("*.state"))) == 1
    saved = PrefixStates(states_dir).get(
        state_key(modelfile.DEFAULT_MODEL.sha256, PACK_LIKE[0].content)
    )
    assert saved is not None
    prefix = len(saved.input_ids)
    assert prefix > 2 * PREFILL_BATCH, "the system prompt and the example exchange"

    text, usage = stream_with_usage(LlamaDrafter(real_model_path), PACK_LIKE)
    assert usage.prompt_tokens - usage.processed_tokens >= prefix
    assert text == cold_text(PACK_LIKE, SEED)


@pytest.mark.model
def test_a_prefill_after_another_packs_use_is_kept_for_the_stream(
    real_model_path: Path, cold_text: Callable[[Sequence[ChatMessage], int], str]
) -> None:
    """The app warms the form's pack and prefills its prompt; when another pack was used last
    (warmed, or drafted with), the prefilled prompt must still be what the next stream uses."""
    other_pack = [
        ChatMessage("system", "You write one short, friendly sentence about the topic given."),
        ChatMessage("user", "Topic: tea"),
    ]
    drafter = LlamaDrafter(real_model_path)
    drafter.warm(PACK_LIKE)
    drafter.warm(other_pack)

    assert drafter.prefill(PACK_LIKE, threading.Event())
    text, usage = stream_with_usage(drafter, PACK_LIKE)

    assert usage.processed_tokens <= 2
    assert text == cold_text(PACK_LIKE, SEED)


@pytest.mark.model
def test_a_prefilled_prompt_outlasts_another_prompts_stream(
    real_model_path: Path, cold_text: Callable[[Sequence[ChatMessage], int], str]
) -> None:
    """The app prefills the prompt ctrl+r will use, then the tidy streams its own prompt: the
    prefilled one must not be processed again when ctrl+r comes (it was, 2.3 s, before)."""
    tidy_like = [
        ChatMessage("system", "Delete any sentence of the note that is a note to self."),
        ChatMessage("user", "Hi Ana, we met at PyCon. Keep it short. I'd like to stay in touch."),
    ]
    drafter = LlamaDrafter(real_model_path)

    assert drafter.prefill(PACK_LIKE, threading.Event())
    list(drafter.stream(tidy_like, SHORT, SEED))
    text, usage = stream_with_usage(drafter, PACK_LIKE)

    assert usage.processed_tokens <= 2
    # The state kept across another prompt's stream is restored, not recomputed, so its last
    # digits may differ from a cold run's: on 2026-12-04 one near-tie word of sixteen flipped
    # ("…forward to hearing" / "…learning"), twice on this machine. A state mixed up with the
    # other prompt's differs from the first words on.
    assert text.split()[:8] == cold_text(PACK_LIKE, SEED).split()[:8]


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

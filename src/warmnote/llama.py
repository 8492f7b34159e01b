"""The real drafter: a local GGUF through llama-cpp-python, loaded once and kept warm.

One ``Llama`` instance per drafter keeps the KV cache of the previous prompt and reuses its longest
common prefix, so a second draft with the same pack (system prompt and worked examples) only
processes what changed. ``llama_cpp`` is imported on first load, never by ``--help`` or ``check``.
"""

from __future__ import annotations

import contextlib
import ctypes
import io
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from warmnote import locations
from warmnote.drafter import ChatMessage, StreamEvent, TextChunk, Usage
from warmnote.errors import ModelError
from warmnote.modelfile import ModelInfo, verify_model
from warmnote.prefix_cache import DEFAULT_BUDGET_BYTES, PrefixStates, SavedState, state_key
from warmnote.sampling import Sampling

# End-of-turn markers of common chat templates, in case a GGUF's own template misses one.
STOP = ("<|im_end|>", "<|endoftext|>", "<|eot_id|>")


PREFILL_BATCH = 32
"""Tokens processed between checks for cancelling a prefill: a second at most on two cores
(smaller batches process each token markedly slower)."""


def completion_arguments(
    messages: Sequence[ChatMessage], sampling: Sampling, seed: int
) -> dict[str, Any]:
    """Keyword arguments of a streamed ``create_chat_completion`` with these settings."""
    return {
        "messages": [{"role": message.role, "content": message.content} for message in messages],
        "stream": True,
        "temperature": sampling.temperature,
        "top_p": sampling.top_p,
        "top_k": sampling.top_k,
        "repeat_penalty": sampling.repeat_penalty,
        "max_tokens": sampling.max_tokens,
        "seed": seed,
        "stop": list(STOP),
    }


def physical_cores(cpuinfo: Path = Path("/proc/cpuinfo")) -> int:
    """Count distinct (physical id, core id) pairs: llama.cpp gains nothing from hyper-threads."""
    try:
        blocks = cpuinfo.read_text(encoding="utf-8", errors="replace").split("\n\n")
    except OSError:
        blocks = []
    cores = set()
    for block in blocks:
        fields = {}
        for line in block.splitlines():
            key, _, value = line.partition(":")
            fields[key.strip()] = value.strip()
        if "physical id" in fields and "core id" in fields:
            cores.add((fields["physical id"], fields["core id"]))
    return len(cores) or os.cpu_count() or 1


class _LlamaLog:
    """Keeps llama.cpp's log lines in memory instead of on the terminal.

    ``verbose=False`` would instead point file descriptors 1 and 2 at /dev/null for the whole
    load, which blanks a terminal UI that keeps drawing from another thread meanwhile.
    """

    def __init__(self) -> None:
        self.lines: deque[str] = deque(maxlen=64)
        self._callback: Any = None  # the C side holds no reference; this one keeps it alive
        self._lock = threading.Lock()

    def install(self) -> None:
        with self._lock:
            if self._callback is not None:
                return

            import llama_cpp

            @llama_cpp.llama_log_callback  # type: ignore[untyped-decorator]
            def keep(level: int, text: bytes, user_data: ctypes.c_void_p) -> None:
                self.lines.append(text.decode("utf-8", "replace").strip())

            llama_cpp.llama_log_set(keep, ctypes.c_void_p(0))
            self._callback = keep

    def failure(self) -> str:
        """The first logged reason a load failed, e.g. ``failed to read key-value pairs``."""
        for line in self.lines:
            if "fail" in line or "error" in line:
                return line
        return "llama.cpp gave no reason"


_LOG = _LlamaLog()


class LlamaDrafter:
    """A :class:`warmnote.drafter.Drafter` backed by a verified GGUF; loads on first use."""

    def __init__(
        self,
        model_path: Path,
        *,
        n_threads: int | None = None,
        n_ctx: int = 2048,
        verify: bool = True,
        keep_prefix_states: bool = True,
        prefix_state_budget_bytes: int = DEFAULT_BUDGET_BYTES,
    ) -> None:
        self.model_path = model_path.expanduser()
        self.info: ModelInfo | None = verify_model(self.model_path) if verify else None
        self.n_threads = n_threads or physical_cores()
        self.n_ctx = n_ctx
        self._formatter: Any = None
        self._llama: Any = None
        self._load_lock = threading.Lock()
        self._busy = threading.Lock()
        states_dir = locations.cache_dir() / "prefix-states" if keep_prefix_states else None
        self._states = PrefixStates(states_dir, budget_bytes=prefix_state_budget_bytes)
        self._state_key: str | None = None

    @property
    def model_id(self) -> str:
        return self.info.sha256 if self.info else f"unverified:{self.model_path.name}"

    @property
    def model_name(self) -> str:
        return self.model_path.name

    @property
    def loaded(self) -> bool:
        return self._llama is not None

    def load(self) -> Any:
        """Load the model now (the TUI does this in a background thread); safe to call twice.

        Returns the underlying ``llama_cpp.Llama`` (benchmarks compare against it directly).
        """
        return self._loaded()

    def _loaded(self) -> Any:
        with self._load_lock:
            if self._llama is None:
                self._llama = self._create()
            return self._llama

    def _create(self) -> Any:
        import llama_cpp

        _LOG.install()
        _LOG.lines.clear()
        try:
            # verbose=True keeps the file descriptors alone; its Python prints go to a buffer.
            with contextlib.redirect_stderr(io.StringIO()):
                llama = llama_cpp.Llama(
                    model_path=str(self.model_path),
                    n_ctx=self.n_ctx,
                    n_threads=self.n_threads,
                    n_threads_batch=self.n_threads,
                    verbose=True,
                )
        except ValueError:
            raise ModelError(
                f"{self.model_path}: cannot load the model ({_LOG.failure()}); "
                "the file is corrupt or not a model llama.cpp supports"
            ) from None
        llama.verbose = False
        return llama

    def stream(
        self, messages: Sequence[ChatMessage], sampling: Sampling, seed: int
    ) -> Iterator[StreamEvent]:
        """Yield the reply chunk by chunk, then its usage; closing the iterator stops cleanly."""
        llama = self._loaded()
        with self._exclusive():
            yield from self._generate(llama, messages, sampling, seed)

    def warm(self, messages: Sequence[ChatMessage], cancel: threading.Event | None = None) -> bool:
        """Process the system prompt and worked examples and keep their state for any process."""
        llama = self._loaded()
        with self._exclusive():
            whole = self._prompt_tokens(llama, messages)
            shared = self._prompt_tokens(llama, messages[:-1])
            if whole is None or shared is None:
                return False
            key = self._use_prefix_state(llama, messages)
            # What every draft with this pack starts with: the chat up to the last turn.
            done = self._process(llama, whole[: _common_prefix(whole, shared)], cancel)
            if done and key is not None:
                self._keep_prefix_state(llama, key)
            return done

    def prefill(self, messages: Sequence[ChatMessage], cancel: threading.Event) -> bool:
        llama = self._loaded()
        with self._exclusive():
            tokens = self._prompt_tokens(llama, messages)
            if tokens is None or cancel.is_set():
                return False
            key = self._use_prefix_state(llama, messages)
            done = self._process(llama, tokens, cancel)
            if key is not None:  # done or not: the tidy may use the model before this draft
                # In memory only: the file keeps the pack's own prefix, which a cancelled prefill
                # may not hold yet (and where no state was saved, the last prompt's is loaded).
                self._states.keep_in_memory(key, _capture(llama))
                self._state_key = key
            return done

    def retain_prefix_states(self, system_prompts: Iterable[str]) -> None:
        """Drop this model's saved states of packs that are gone or were edited since."""
        keys = [state_key(self.model_id, prompt) for prompt in system_prompts]
        self._states.retain(self.model_id, keys)

    @contextlib.contextmanager
    def _exclusive(self) -> Iterator[None]:
        if not self._busy.acquire(blocking=False):
            raise RuntimeError("this model is already busy; close that stream first")
        try:
            yield
        finally:
            self._busy.release()

    def _prompt_tokens(self, llama: Any, messages: Sequence[ChatMessage]) -> list[int] | None:
        """The tokens ``create_chat_completion`` evaluates for these messages; None for a GGUF
        without a chat template (llama-cpp-python then falls back to a format of its own, and
        nothing is processed ahead)."""
        if self._formatter is None:
            from llama_cpp import llama_chat_format

            if "tokenizer.chat_template" not in llama.metadata:
                return None

            eos, bos = llama.token_eos(), llama.token_bos()
            self._formatter = llama_chat_format.Jinja2ChatFormatter(
                template=llama.metadata["tokenizer.chat_template"],
                eos_token=llama._model.token_get_text(eos) if eos != -1 else "",
                bos_token=llama._model.token_get_text(bos) if bos != -1 else "",
                stop_token_ids=[eos],
            )
        result = self._formatter(
            messages=[{"role": message.role, "content": message.content} for message in messages]
        )
        tokens: list[int] = llama.tokenize(
            result.prompt.encode("utf-8"), add_bos=not result.added_special, special=True
        )
        return tokens

    @staticmethod
    def _process(llama: Any, tokens: list[int], cancel: threading.Event | None) -> bool:
        """Evaluate ``tokens`` after the part of them the model already holds.

        The last token is always evaluated here, so the logits llama-cpp-python samples from
        next are this prompt's own, never those of an older, longer one.
        """
        if not tokens or (cancel is not None and cancel.is_set()):
            return not tokens
        held = llama.input_ids[: llama.n_tokens].tolist()
        start = min(_common_prefix(held, tokens), len(tokens) - 1)
        llama.n_tokens = start  # eval() drops the cache after this position
        if cancel is None:  # one call: llama.cpp's own batches are the fastest
            llama.eval(tokens[start:])
            return True
        begin = start
        while begin < len(tokens):
            if cancel.is_set():
                return False
            end = begin + PREFILL_BATCH
            if len(tokens) - end < PREFILL_BATCH // 4:  # no tiny last batch: other kernels
                end = len(tokens)
            llama.eval(tokens[begin:end])
            begin = end
        return True

    def _generate(
        self, llama: Any, messages: Sequence[ChatMessage], sampling: Sampling, seed: int
    ) -> Iterator[StreamEvent]:
        completion_tokens = 0
        key = self._use_prefix_state(llama, messages)
        held = llama.input_ids[: llama.n_tokens].tolist()
        try:  # the chat template is rendered here and may reject the messages (ValueError)
            prompt = self._prompt_tokens(llama, messages) or []
            chunks = llama.create_chat_completion(**completion_arguments(messages, sampling, seed))
        except ValueError as exc:
            raise ModelError(f"{self.model_name}: {exc}") from None
        try:
            for chunk in chunks:
                text = chunk["choices"][0]["delta"].get("content")
                if text is None:
                    continue
                completion_tokens += 1  # one chunk per token; a split UTF-8 character gives ""
                if text:
                    yield TextChunk(text)
        except ValueError as exc:  # e.g. the prompt does not fit the context window
            raise ModelError(f"{self.model_name}: {exc}") from None
        finally:
            chunks.close()
            if key is not None:
                self._keep_prefix_state(llama, key)
        reused = min(_common_prefix(held, prompt), len(prompt) - 1)
        yield Usage(
            prompt_tokens=len(prompt),
            processed_tokens=len(prompt) - max(reused, 0),
            completion_tokens=completion_tokens,
        )

    def _use_prefix_state(self, llama: Any, messages: Sequence[ChatMessage]) -> str | None:
        """Start from the saved state of this system prompt unless the loaded one already is."""
        if not messages or messages[0].role != "system":
            return None
        key = state_key(self.model_id, messages[0].content)
        if key != self._state_key:
            saved = self._states.get(key)
            if saved is not None and not _restore(llama, saved):
                self._states.discard(key)
            self._state_key = key  # what is processed from here on builds on this state
        return key

    def _keep_prefix_state(self, llama: Any, key: str) -> None:
        self._states.put(key, _capture(llama))
        self._state_key = key


def _common_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _capture(llama: Any) -> SavedState:
    import llama_cpp

    size = llama_cpp.llama_state_get_size(llama.ctx)
    buffer = (ctypes.c_uint8 * size)()
    written = llama_cpp.llama_state_get_data(llama.ctx, buffer, size)
    return SavedState(
        input_ids=llama.input_ids[: llama.n_tokens].copy(),
        state=bytes(memoryview(buffer)[:written]),
        seed=int(llama._seed) & 0xFFFFFFFF,
    )


def _restore(llama: Any, saved: SavedState) -> bool:
    """Load a saved state; llama-cpp-python then reuses the prefix the new prompt shares."""
    import llama_cpp
    import numpy as np

    ids = np.zeros(llama.n_ctx(), dtype=np.intc)
    count = min(len(saved.input_ids), len(ids))
    ids[:count] = saved.input_ids[:count]
    state = llama_cpp.LlamaState(
        input_ids=ids,
        scores=np.zeros((1, llama.n_vocab()), dtype=np.single),
        n_tokens=count,
        llama_state=saved.state,
        llama_state_size=len(saved.state),
        seed=saved.seed,
    )
    try:
        llama.load_state(state)
    except (RuntimeError, ValueError):  # another build or context size: process the prompt anew
        llama.reset()
        return False
    return True

"""Drafting: context + pack -> prompt -> streamed generation -> clean-up -> guardrails -> reask.

The loop keeps the best draft; a draft that fails is never presented as passing.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from warmnote.cleanup import clean_draft
from warmnote.context import Context
from warmnote.drafter import ChatMessage, Drafter, SamplingParams
from warmnote.guardrails import Guardrails, Verdict
from warmnote.packs import PromptPack, pack_sampling, render_messages
from warmnote.results import Attempt, DraftResult, Fix, Provenance

ChunkHandler = Callable[[int, str], None]
"""Called with (attempt number, text chunk) as the model streams."""


@dataclass
class DraftRequest:
    """Everything one drafting run needs besides the model and the rules."""

    context: Context
    pack: PromptPack
    attempts: int = 3
    seed: int = 0
    sampling: SamplingParams = field(default_factory=SamplingParams)


def _rank(verdict: Verdict) -> tuple[int, int, int]:
    """Lower is better: passing first, then fewer errors, then fewer characters over the limit."""
    return (
        0 if verdict.passed else 1,
        len(verdict.errors),
        max(0, verdict.length - verdict.limit),
    )


def draft_note(
    request: DraftRequest,
    drafter: Drafter,
    guardrails: Guardrails,
    *,
    on_chunk: ChunkHandler | None = None,
    cancel: threading.Event | None = None,
) -> DraftResult:
    """Draft until a note passes the guardrails or the attempt budget is spent."""
    context, pack = request.context, request.pack
    params = pack_sampling(pack, request.sampling).model_copy(update={"seed": request.seed})
    retries: list[tuple[str, list[str]]] = []
    attempts: list[Attempt] = []
    cancelled = cut_short = False
    for number in range(1, request.attempts + 1):
        if cancel is not None and cancel.is_set() and attempts:
            cancelled = True
            break
        messages = render_messages(pack, context, retries=retries)
        attempt_params = params.model_copy(update={"seed": request.seed + number - 1})
        reply = stream_reply(
            drafter,
            messages,
            attempt_params,
            on_chunk=None if on_chunk is None else functools.partial(on_chunk, number),
            cancel=cancel,
        )
        cancelled = cut_short = reply.cancelled
        text, fixes = clean_draft(reply.raw, sender_name=context.sender.name)
        verdict = guardrails.check(text, context)
        attempts.append(reply.attempt(number=number, text=text, fixes=fixes, verdict=verdict))
        if cancelled or verdict.passed:
            break
        retries.append((text, [violation.message for violation in verdict.errors]))

    # A reply cut short by cancelling only competes when nothing finished.
    finished = attempts[:-1] if cut_short and len(attempts) > 1 else attempts
    best = min(finished, key=lambda attempt: _rank(attempt.verdict))
    provenance = Provenance(
        model_name=drafter.model_name,
        model_sha256=drafter.model_id,
        pack=pack.name,
        pack_version=pack.version,
        seed=request.seed,
        sampling=params,
        attempts=len(attempts),
        attempt_seconds=[round(a.seconds, 3) for a in attempts],
        tokens_per_second=[round(a.tokens_per_second, 2) for a in attempts],
    )
    return DraftResult(
        text=best.text,
        passed=best.verdict.passed and not cancelled,
        violations=best.verdict.violations,
        verdict=best.verdict,
        attempts=attempts,
        provenance=provenance,
        cancelled=cancelled,
    )


@dataclass
class Reply:
    """One streamed model reply with its timings."""

    raw: str
    seconds: float
    first_chunk_seconds: float
    completion_tokens: int
    cancelled: bool

    def attempt(
        self, *, number: int, text: str, verdict: Verdict, fixes: list[Fix] | None = None
    ) -> Attempt:
        return Attempt(
            number=number,
            raw=self.raw,
            text=text,
            fixes=fixes or [],
            verdict=verdict,
            seconds=self.seconds,
            first_chunk_seconds=self.first_chunk_seconds,
            completion_tokens=self.completion_tokens,
            tokens_per_second=decode_speed(
                self.completion_tokens, self.seconds - self.first_chunk_seconds
            ),
        )


def stream_reply(
    drafter: Drafter,
    messages: list[ChatMessage],
    params: SamplingParams,
    *,
    on_chunk: Callable[[str], None] | None = None,
    cancel: threading.Event | None = None,
) -> Reply:
    """Stream one reply, timing it and checking for cancellation between chunks."""
    started = time.perf_counter()
    first_chunk_at: float | None = None
    chunks: list[str] = []
    cancelled = False
    stream = drafter.stream(messages, params)
    try:
        for chunk in stream:
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            if first_chunk_at is None:
                first_chunk_at = time.perf_counter()
            chunks.append(chunk)
            if on_chunk is not None:
                on_chunk(chunk)
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()
    finished = time.perf_counter()
    return Reply(
        raw="".join(chunks),
        seconds=finished - started,
        first_chunk_seconds=(first_chunk_at or finished) - started,
        completion_tokens=completion_tokens(drafter, len(chunks)),
        cancelled=cancelled,
    )


def decode_speed(tokens: int, seconds: float) -> float:
    """Tokens per second after the first token, which carries the prompt's processing time."""
    return (tokens - 1) / seconds if tokens > 1 and seconds > 0 else 0.0


def completion_tokens(drafter: Drafter, chunk_count: int) -> int:
    """The backend's own token count when it reports one, else one token per streamed chunk."""
    usage = getattr(drafter, "last_usage", None)
    tokens = getattr(usage, "completion_tokens", None)
    return tokens if isinstance(tokens, int) and tokens > 0 else chunk_count

"""Drafting: context + pack -> prompt -> streamed generation -> clean-up -> guardrails -> reask.

The loop keeps the best draft; a draft that fails is never presented as passing. When no attempt
passes, a plain note built from the context's own facts (which passes by construction) is offered
in its place, marked as such in the provenance, with the model's attempts kept beside it.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from warmnote.cleanup import clean_draft
from warmnote.context import Context
from warmnote.drafter import ChatMessage, Drafter, Usage, model_stamp
from warmnote.guardrails import Guardrails, Verdict
from warmnote.packs import PromptPack, render_messages
from warmnote.plain_note import plain_note, reason_left_out
from warmnote.results import Attempt, DraftResult, Fix, Provenance
from warmnote.sampling import Sampling, SeedSchedule

ChunkHandler = Callable[[int, str], None]
"""Called with (attempt number, text chunk) as the model streams."""


@dataclass
class DraftRequest:
    """Everything one drafting run needs besides the model and the rules."""

    context: Context
    pack: PromptPack
    attempts: int = 3
    seed: int = 0
    """The run's seed; every generation's own seed comes from it (see SeedSchedule)."""
    sampling: Sampling = field(default_factory=Sampling)
    """The user's settings; the pack's go under them."""
    candidates: int = 1
    plain_fallback: bool = True
    plain_first: bool = False
    """Start with the plain note (``plain_first`` below, called by the session before it loads
    the model): the model drafts only when the context gives nothing to build one from."""

    def messages(self, rejected: Sequence[str] = ()) -> list[ChatMessage]:
        return render_messages(self.pack, self.context, rejected=rejected)

    @property
    def effective_sampling(self) -> Sampling:
        return Sampling.layered(self.pack.sampling, self.sampling)


def _rank(verdict: Verdict) -> tuple[int, int, int, int]:
    """Lower is better: passing first, then fewer errors, characters over, warnings."""
    return (
        0 if verdict.passed else 1,
        len(verdict.errors),
        max(0, verdict.length - verdict.limit),
        len(verdict.violations) - len(verdict.errors),
    )


def plain_first(request: DraftRequest, guardrails: Guardrails) -> DraftResult | None:
    """The plain note as a finished draft, with no model involved; None when the context
    gives nothing to build one from (the model drafts then)."""
    text = plain_note(request.context, guardrails)
    if text is None:
        return None
    verdict = guardrails.check(text, request.context)
    provenance = Provenance(
        model_name="",
        model_sha256="",
        pack=request.pack.name,
        pack_version=request.pack.version,
        seed=request.seed,
        sampling=request.effective_sampling,
        attempts=0,
        attempt_seconds=[],
        tokens_per_second=[],
        origin="plain",
        candidates=request.candidates,
    )
    return DraftResult(
        text=text,
        passed=verdict.passed,
        violations=verdict.violations,
        verdict=verdict,
        attempts=[],
        provenance=provenance,
        left_out=reason_left_out(request.context, text),
    )


def draft_note(
    request: DraftRequest,
    drafter: Drafter,
    guardrails: Guardrails,
    *,
    on_chunk: ChunkHandler | None = None,
    cancel: threading.Event | None = None,
) -> DraftResult:
    """Draft until a note passes the guardrails or the attempt budget is spent (the model's
    draft: ``plain_first`` is the session's to answer, before it loads the model)."""
    context = request.context
    sampling = request.effective_sampling
    rejected: list[str] = []  # the rules' messages on every failed attempt so far
    attempts: list[Attempt] = []
    cancelled = cut_short = False
    for number in range(1, request.attempts + 1):
        if cancel is not None and cancel.is_set() and attempts:
            cancelled = True
            break
        messages = request.messages(rejected)
        best: Attempt | None = None
        others: list[str] = []
        for candidate in range(request.candidates):
            reply = stream_reply(
                drafter,
                messages,
                sampling,
                SeedSchedule.generation_seed(request.seed, number, candidate),
                on_chunk=None if on_chunk is None else functools.partial(on_chunk, number),
                cancel=cancel,
            )
            cancelled = cut_short = reply.cancelled
            text, fixes = clean_draft(reply.raw, guardrails, context)
            verdict = guardrails.check(text, context)
            attempt = reply.attempt(number=number, text=text, fixes=fixes, verdict=verdict)
            if best is None or _rank(verdict) < _rank(best.verdict):
                if best is not None:
                    others.append(best.text)
                best = attempt
            else:
                others.append(text)
            if cancelled:
                break
        assert best is not None
        attempts.append(best.model_copy(update={"candidates": others}) if others else best)
        if cancelled or best.verdict.passed:
            break
        rejected += [violation.message for violation in best.verdict.errors]

    # A reply cut short by cancelling only competes when nothing finished.
    finished = attempts[:-1] if cut_short and len(attempts) > 1 else attempts
    best_attempt = min(finished, key=lambda attempt: _rank(attempt.verdict))
    text, verdict, origin = best_attempt.text, best_attempt.verdict, "model"
    if not verdict.passed and not cancelled and request.plain_fallback:
        plain = plain_note(context, guardrails)
        if plain is not None:
            text, verdict, origin = plain, guardrails.check(plain, context), "plain"
    provenance = Provenance(
        **model_stamp(drafter),
        pack=request.pack.name,
        pack_version=request.pack.version,
        seed=request.seed,
        sampling=sampling,
        attempts=len(attempts),
        attempt_seconds=[round(a.seconds, 3) for a in attempts],
        tokens_per_second=[round(a.tokens_per_second, 2) for a in attempts],
        origin=origin,
        candidates=request.candidates,
    )
    return DraftResult(
        text=text,
        passed=verdict.passed and not cancelled,
        violations=verdict.violations,
        verdict=verdict,
        attempts=attempts,
        provenance=provenance,
        cancelled=cancelled,
        left_out=reason_left_out(context, text if origin == "plain" else None),
    )


@dataclass
class Reply:
    """One streamed model reply with its timings and token counts."""

    raw: str
    seed: int
    seconds: float
    first_chunk_seconds: float
    usage: Usage
    cancelled: bool

    def attempt(
        self, *, number: int, text: str, verdict: Verdict, fixes: list[Fix] | None = None
    ) -> Attempt:
        tokens = self.usage.completion_tokens
        return Attempt(
            number=number,
            seed=self.seed,
            raw=self.raw,
            text=text,
            fixes=fixes or [],
            verdict=verdict,
            seconds=self.seconds,
            first_chunk_seconds=self.first_chunk_seconds,
            completion_tokens=tokens,
            tokens_per_second=decode_speed(tokens, self.seconds - self.first_chunk_seconds),
            prompt_tokens=self.usage.prompt_tokens,
            processed_tokens=self.usage.processed_tokens,
        )


def stream_reply(
    drafter: Drafter,
    messages: list[ChatMessage],
    sampling: Sampling,
    seed: int,
    *,
    on_chunk: Callable[[str], None] | None = None,
    cancel: threading.Event | None = None,
) -> Reply:
    """Stream one reply, timing it and checking for cancellation between chunks."""
    started = time.perf_counter()
    if cancel is not None and cancel.is_set():  # cancelled while waiting for the model
        return Reply("", seed, 0.0, 0.0, Usage(0, 0, 0), cancelled=True)
    first_chunk_at: float | None = None
    chunks: list[str] = []
    usage: Usage | None = None
    cancelled = False
    stream = drafter.stream(messages, sampling, seed)
    try:
        for event in stream:
            if isinstance(event, Usage):
                usage = event
                continue
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            if first_chunk_at is None:
                first_chunk_at = time.perf_counter()
            chunks.append(event.text)
            if on_chunk is not None:
                on_chunk(event.text)
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()
    finished = time.perf_counter()
    return Reply(
        raw="".join(chunks),
        seed=seed,
        seconds=finished - started,
        first_chunk_seconds=(first_chunk_at or finished) - started,
        usage=usage or Usage(prompt_tokens=0, processed_tokens=0, completion_tokens=len(chunks)),
        cancelled=cancelled,
    )


def decode_speed(tokens: int, seconds: float) -> float:
    """Tokens per second after the first token, which carries the prompt's processing time."""
    return (tokens - 1) / seconds if tokens > 1 and seconds > 0 else 0.0

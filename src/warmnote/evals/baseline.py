"""The baseline a run is compared against: what a plain request to the same model writes.

One user message with the whole context as JSON; no pack system prompt or examples, no clean-up,
no reask. The guardrails still judge the note, for the report only.
"""

from __future__ import annotations

import json
import time

from warmnote.context import Context
from warmnote.drafter import ChatMessage, Drafter, SamplingParams
from warmnote.evals.records import BASELINE_PACK
from warmnote.guardrails import Guardrails
from warmnote.pipeline import completion_tokens, decode_speed
from warmnote.results import Attempt, DraftResult, Provenance

BASELINE_VERSION = "1.0.0"


def baseline_messages(context: Context) -> list[ChatMessage]:
    details = context.model_dump(mode="json", exclude={"id"}, exclude_defaults=True)
    prompt = (
        f"Write a LinkedIn connection request note from {context.sender.name} to "
        f"{context.recipient.name}, at most {context.max_chars} characters. "
        "Reply with the note only.\n\n"
        f"Details:\n{json.dumps(details, ensure_ascii=False, indent=1)}"
    )
    return [ChatMessage("user", prompt)]


def draft_baseline(
    context: Context,
    drafter: Drafter,
    guardrails: Guardrails,
    *,
    seed: int,
    sampling: SamplingParams,
) -> DraftResult:
    params = sampling.model_copy(update={"seed": seed})
    started = time.perf_counter()
    first_chunk_at: float | None = None
    chunks: list[str] = []
    for chunk in drafter.stream(baseline_messages(context), params):
        if first_chunk_at is None:
            first_chunk_at = time.perf_counter()
        chunks.append(chunk)
    finished = time.perf_counter()
    seconds = finished - started
    first = (first_chunk_at or finished) - started
    raw = "".join(chunks)
    text = raw.strip()
    verdict = guardrails.check(text, context)
    tokens = completion_tokens(drafter, len(chunks))
    attempt = Attempt(
        number=1,
        raw=raw,
        text=text,
        verdict=verdict,
        seconds=seconds,
        first_chunk_seconds=first,
        completion_tokens=tokens,
        tokens_per_second=decode_speed(tokens, seconds - first),
    )
    provenance = Provenance(
        model_name=drafter.model_name,
        model_sha256=drafter.model_id,
        pack=BASELINE_PACK,
        pack_version=BASELINE_VERSION,
        seed=seed,
        sampling=params,
        attempts=1,
        attempt_seconds=[round(seconds, 3)],
        tokens_per_second=[round(attempt.tokens_per_second, 2)],
    )
    return DraftResult(
        text=text,
        passed=verdict.passed,
        violations=verdict.violations,
        verdict=verdict,
        attempts=[attempt],
        provenance=provenance,
    )

"""The baseline a run is compared against: what a plain request to the same model writes.

One user message with the whole context as JSON; no pack system prompt or examples, no clean-up,
no reask. The guardrails still judge the note, for the report only.
"""

from __future__ import annotations

import json
from typing import Any

from warmnote.context import Context
from warmnote.drafter import ChatMessage, Drafter, model_stamp
from warmnote.evals.records import BASELINE_PACK
from warmnote.guardrails import Guardrails
from warmnote.pipeline import stream_reply
from warmnote.results import DraftResult, Provenance
from warmnote.sampling import Sampling, SeedSchedule
from warmnote.tokens import defuse

BASELINE_VERSION = "1.0.0"


def _defused(value: Any) -> Any:
    """Plain, but not naive: no chat-template token in the context reaches the model."""
    if isinstance(value, str):
        return defuse(value)
    if isinstance(value, list):
        return [_defused(item) for item in value]
    if isinstance(value, dict):
        return {key: _defused(item) for key, item in value.items()}
    return value


def baseline_messages(context: Context) -> list[ChatMessage]:
    details = _defused(context.model_dump(mode="json", exclude={"id"}, exclude_defaults=True))
    prompt = (
        f"Write a LinkedIn connection request note from {defuse(context.sender.name)} to "
        f"{defuse(context.recipient.name)}, at most {context.max_chars} characters. "
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
    sampling: Sampling,
) -> DraftResult:
    params = Sampling.layered(sampling)
    reply = stream_reply(
        drafter, baseline_messages(context), params, SeedSchedule.generation_seed(seed)
    )
    text = reply.raw.strip()
    verdict = guardrails.check(text, context)
    attempt = reply.attempt(number=1, text=text, verdict=verdict)
    provenance = Provenance(
        **model_stamp(drafter),
        pack=BASELINE_PACK,
        pack_version=BASELINE_VERSION,
        seed=seed,
        sampling=params,
        attempts=1,
        attempt_seconds=[round(reply.seconds, 3)],
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

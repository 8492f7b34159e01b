"""The drafting loop with a scripted model: reask, best-draft choice, provenance, cancellation."""

from __future__ import annotations

import threading

import pytest

from example_notes import BOILERPLATE, EXAMPLE, GOOD, TOO_LONG
from warmnote.context import Context, load_context
from warmnote.drafter import ScriptedDrafter
from warmnote.guardrails import Guardrails
from warmnote.packs import get_pack
from warmnote.pipeline import DraftRequest, draft_note
from warmnote.sampling import Sampling, SeedSchedule


@pytest.fixture(scope="module")
def context() -> Context:
    return load_context(EXAMPLE)


def run(context: Context, guardrails: Guardrails, drafter: ScriptedDrafter, **kw: object):  # type: ignore[no-untyped-def]
    request = DraftRequest(context=context, pack=get_pack(context.scenario), **kw)  # type: ignore[arg-type]
    return draft_note(request, drafter, guardrails)


def test_a_passing_first_draft_stops_the_loop(context: Context, guardrails: Guardrails) -> None:
    drafter = ScriptedDrafter([GOOD, BOILERPLATE])
    result = run(context, guardrails, drafter)
    assert result.passed
    assert result.text == GOOD
    assert len(result.attempts) == 1
    assert len(drafter.calls) == 1


def test_a_rejected_draft_is_asked_again_with_the_violation_messages(
    context: Context, guardrails: Guardrails
) -> None:
    drafter = ScriptedDrafter([BOILERPLATE, GOOD])
    result = run(context, guardrails, drafter)
    assert result.passed
    assert [a.verdict.passed for a in result.attempts] == [False, True]
    first_prompt, second_prompt = drafter.calls[0][0], drafter.calls[1][0]
    assert len(second_prompt) == len(first_prompt), "the rejected draft is not shown again"
    assert second_prompt[-1].content.startswith(first_prompt[-1].content)
    first_errors = [v.message for v in result.attempts[0].verdict.errors]
    assert first_errors
    assert all(message in second_prompt[-1].content for message in first_errors)


def test_a_third_attempt_hears_what_was_wrong_with_both_before_it(
    context: Context, guardrails: Guardrails
) -> None:
    drafter = ScriptedDrafter([BOILERPLATE, TOO_LONG, GOOD])
    result = run(context, guardrails, drafter)
    assert [a.verdict.passed for a in result.attempts] == [False, False, True]
    third_request = drafter.calls[2][0][-1].content
    for attempt in result.attempts[:2]:
        assert all(v.message in third_request for v in attempt.verdict.errors)


def test_when_no_attempt_passes_the_best_is_returned_as_failing(
    context: Context, guardrails: Guardrails
) -> None:
    drafter = ScriptedDrafter([BOILERPLATE, TOO_LONG, BOILERPLATE])
    result = run(context, guardrails, drafter, attempts=3, plain_fallback=False)
    assert not result.passed
    assert len(result.attempts) == 3
    assert result.violations, "a failing result must say what is wrong"
    best_errors = len(result.verdict.errors)
    assert best_errors == min(len(a.verdict.errors) for a in result.attempts)
    assert result.provenance.origin == "model"


def test_when_no_attempt_passes_a_plain_note_is_offered_beside_the_attempts(
    context: Context, guardrails: Guardrails
) -> None:
    drafter = ScriptedDrafter([BOILERPLATE, TOO_LONG, BOILERPLATE])
    result = run(context, guardrails, drafter, attempts=3)
    assert result.provenance.origin == "plain"
    assert result.passed
    assert result.verdict == guardrails.check(result.text, context)
    assert result.text not in {a.text for a in result.attempts}
    assert [a.text for a in result.attempts] == [BOILERPLATE, TOO_LONG.strip(), BOILERPLATE]


def test_cleanup_fixes_are_recorded_and_judged_text_is_clean(
    context: Context, guardrails: Guardrails
) -> None:
    drafter = ScriptedDrafter([f'Here is your note:\n"{GOOD}"\n\nBest,\nPriya'])
    result = run(context, guardrails, drafter)
    assert result.passed
    assert result.text == GOOD
    assert {fix.kind for fix in result.attempts[0].fixes} >= {"preamble", "quotes"}


def test_provenance_records_pack_seed_sampling_and_timings(
    context: Context, guardrails: Guardrails
) -> None:
    drafter = ScriptedDrafter([BOILERPLATE, GOOD])
    result = run(context, guardrails, drafter, seed=41)
    stamp = result.provenance
    assert stamp.origin == "model"
    assert stamp.pack == "event_followup"
    assert stamp.pack_version == get_pack("event_followup").version
    assert stamp.seed == 41
    assert stamp.attempts == 2
    assert stamp.model_sha256 == "scripted"
    assert len(stamp.attempt_seconds) == 2
    assert stamp.sampling == Sampling.layered(get_pack("event_followup").sampling)
    assert [seed for _, _, seed in drafter.calls] == [
        SeedSchedule.generation_seed(41, attempt) for attempt in (1, 2)
    ]
    assert [attempt.seed for attempt in result.attempts] == [seed for *_, seed in drafter.calls]


def test_chunks_stream_to_the_handler_in_order(context: Context, guardrails: Guardrails) -> None:
    seen: list[tuple[int, str]] = []
    request = DraftRequest(context=context, pack=get_pack("event_followup"))
    draft_note(
        request, ScriptedDrafter([GOOD]), guardrails, on_chunk=lambda n, c: seen.append((n, c))
    )
    assert len(seen) > 5
    assert "".join(chunk for _, chunk in seen) == GOOD


def test_each_attempt_records_the_usage_its_stream_ended_with(
    context: Context, guardrails: Guardrails
) -> None:
    drafter = ScriptedDrafter([BOILERPLATE, GOOD])
    result = run(context, guardrails, drafter)
    for attempt, (messages, _, _) in zip(result.attempts, drafter.calls, strict=True):
        words = sum(len(message.content.split()) for message in messages)
        assert (attempt.prompt_tokens, attempt.processed_tokens) == (words, words)
        assert attempt.completion_tokens == len(attempt.raw.split())
    assert result.attempts[1].prompt_tokens > result.attempts[0].prompt_tokens, "the reask"


def test_cancelling_stops_between_chunks_and_never_passes(
    context: Context, guardrails: Guardrails
) -> None:
    cancel = threading.Event()
    seen: list[str] = []

    def on_chunk(_: int, chunk: str) -> None:
        seen.append(chunk)
        if len(seen) == 3:
            cancel.set()

    request = DraftRequest(context=context, pack=get_pack("event_followup"))
    result = draft_note(
        request, ScriptedDrafter([GOOD]), guardrails, on_chunk=on_chunk, cancel=cancel
    )
    assert result.cancelled
    assert not result.passed
    assert result.provenance.origin == "model", "no plain note replaces a cancelled draft"
    assert len(seen) == 3


def test_a_reply_cut_short_never_replaces_a_finished_attempt(
    context: Context, guardrails: Guardrails
) -> None:
    cancel = threading.Event()

    second: list[str] = []

    def on_chunk(attempt: int, chunk: str) -> None:
        if attempt == 2:
            second.append(chunk)
            if len(second) == 8:  # "Hi Tomás, I enjoyed talking after your PyData"
                cancel.set()

    request = DraftRequest(context=context, pack=get_pack("event_followup"))
    drafter = ScriptedDrafter([TOO_LONG, GOOD])
    result = draft_note(request, drafter, guardrails, on_chunk=on_chunk, cancel=cancel)
    assert result.cancelled
    assert len(result.attempts) == 2
    assert result.attempts[1].text == "".join(second).strip()
    assert result.text == TOO_LONG.strip()

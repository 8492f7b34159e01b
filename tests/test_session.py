"""The drafting session with scripted models: loading once, readiness, run seeds, requests,
warming, prefill giving way to drafts, and best-of-N candidates.

Threads meet through ``threading.Event`` handshakes, never through sleeps.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import pytest

from example_notes import BOILERPLATE, EXAMPLE, GOOD, TOO_LONG
from warmnote.context import Context, load_context
from warmnote.drafter import ChatMessage, Drafter, ScriptedDrafter, StreamEvent, TextChunk
from warmnote.errors import ModelError
from warmnote.guardrails import Guardrails
from warmnote.packs import PromptPack, get_pack, render_messages
from warmnote.sampling import Sampling, SeedSchedule
from warmnote.session import DraftingSession
from warmnote.settings import Settings
from warmnote.tidy import tidy_messages

WAIT = 10.0
"""Seconds a handshake may take before the test fails instead of hanging."""


@pytest.fixture(scope="module")
def context() -> Context:
    return load_context(EXAMPLE)


@pytest.fixture(scope="module")
def pack() -> PromptPack:
    return get_pack("event_followup")


def session_with(
    drafter: Drafter, guardrails: Guardrails, settings: Settings | None = None
) -> DraftingSession:
    return DraftingSession(
        settings or Settings(first_draft="model"),
        make_drafter=lambda: drafter,
        guardrails=guardrails,
    )


def in_thread(target: Callable[[], object]) -> tuple[threading.Thread, list[object]]:
    """Run ``target`` in a thread; its result (or exception) lands in the returned list."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(target())
        except BaseException as exc:  # handed to the test to assert on
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


class GatedFactory:
    """A model factory that blocks until the test lets it finish (or fail)."""

    def __init__(self, result: Drafter | Exception) -> None:
        self.result = result
        self.entered = threading.Event()
        self.release = threading.Event()
        self.calls = 0

    def __call__(self) -> Drafter:
        self.calls += 1
        self.entered.set()
        assert self.release.wait(WAIT), "the test never let loading finish"
        if isinstance(self.result, Exception):
            raise self.result
        return self.result


# --- loading and readiness ---------------------------------------------------------------------


def test_the_model_loads_once_for_every_caller(guardrails: Guardrails) -> None:
    drafter = ScriptedDrafter([GOOD])
    factory = GatedFactory(drafter)
    session = DraftingSession(
        Settings(first_draft="model"), make_drafter=factory, guardrails=guardrails
    )
    assert not session.ready.is_set() and session.drafter is None

    first, first_outcome = in_thread(session.load)
    assert factory.entered.wait(WAIT)
    second, second_outcome = in_thread(session.load)
    factory.release.set()
    first.join(WAIT)
    second.join(WAIT)

    assert first_outcome == second_outcome == [drafter]
    assert session.load() is drafter
    assert factory.calls == 1
    assert session.ready.is_set() and session.drafter is drafter


def test_a_failed_load_is_ready_too_and_raises_the_same_error_again(
    guardrails: Guardrails,
) -> None:
    calls: list[int] = []
    failure = ModelError("model not found: /nowhere.gguf")

    def broken() -> Drafter:
        calls.append(1)
        raise failure

    session = DraftingSession(
        Settings(first_draft="model"), make_drafter=broken, guardrails=guardrails
    )
    for _ in range(2):
        with pytest.raises(ModelError) as error:
            session.load()
        assert error.value is failure
    assert session.ready.is_set(), "waiting callers learn that loading ended"
    assert session.drafter is None
    assert len(calls) == 1, "a failed load is not tried again"
    with pytest.raises(ModelError):
        session.wait(threading.Event())


SERVER = Settings.model_validate({"backend": {"kind": "openai", "base_url": "http://h:1/v1"}})


def test_a_server_that_was_down_is_asked_again_by_the_next_load_and_draft(
    guardrails: Guardrails, context: Context, pack: PromptPack
) -> None:
    answers: list[Drafter | Exception] = [
        ModelError("cannot reach the server"),
        ModelError("still down"),
        ScriptedDrafter([GOOD]),
    ]

    def server() -> Drafter:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    session = DraftingSession(SERVER, make_drafter=server, guardrails=guardrails)
    with pytest.raises(ModelError, match="cannot reach"):
        session.load()
    assert session.ready.is_set(), "waiting callers learn that the first try ended"
    with pytest.raises(ModelError, match="still down"):
        session.wait(threading.Event())
    result = session.draft(session.request(context, pack, plain_first=False))
    assert result.text == GOOD and not answers
    assert session.load() is session.drafter


class Closable(ScriptedDrafter):
    closed = 0

    def close(self) -> None:
        self.closed += 1


def test_closing_a_session_closes_a_drafter_that_can_be_closed(guardrails: Guardrails) -> None:
    DraftingSession(
        Settings(first_draft="model"), make_drafter=lambda: Closable([GOOD])
    ).close()  # never loaded
    drafter = Closable([GOOD])
    session = session_with(drafter, guardrails, SERVER)
    session.load()
    session.close()
    assert drafter.closed == 1
    session_with(ScriptedDrafter([GOOD]), guardrails).close()  # nothing to close


def test_wait_returns_none_when_cancelled_before_loading_ends(guardrails: Guardrails) -> None:
    factory = GatedFactory(ScriptedDrafter([GOOD]))
    session = DraftingSession(
        Settings(first_draft="model"), make_drafter=factory, guardrails=guardrails
    )
    loader, _ = in_thread(session.load)
    assert factory.entered.wait(WAIT)

    cancel = threading.Event()
    waiter, waited = in_thread(lambda: session.wait(cancel))
    cancel.set()
    waiter.join(WAIT)
    assert waited == [None]
    assert not session.ready.is_set()

    factory.release.set()
    loader.join(WAIT)
    assert session.wait(threading.Event()) is factory.result


def test_wait_returns_the_model_another_thread_loaded(guardrails: Guardrails) -> None:
    factory = GatedFactory(ScriptedDrafter([GOOD]))
    session = DraftingSession(
        Settings(first_draft="model"), make_drafter=factory, guardrails=guardrails
    )
    loader, _ = in_thread(session.load)
    assert factory.entered.wait(WAIT)
    waiter, waited = in_thread(lambda: session.wait(threading.Event()))
    factory.release.set()
    loader.join(WAIT)
    waiter.join(WAIT)
    assert waited == [factory.result]
    assert factory.calls == 1


# --- seeds and requests ------------------------------------------------------------------------


@pytest.mark.parametrize("first", [0, 5, 2**20])
def test_run_seeds_count_up_from_the_settings_seed(guardrails: Guardrails, first: int) -> None:
    session = session_with(
        ScriptedDrafter([GOOD]), guardrails, Settings(first_draft="model", seed=first)
    )
    assert [session.next_seed() for _ in range(4)] == [first, first + 1, first + 2, first + 3]


def test_drafts_regenerations_and_alternatives_never_repeat_a_seed(
    guardrails: Guardrails, context: Context, pack: PromptPack
) -> None:
    """A draft, a regeneration, then three alternatives, as the app asks for them, each with
    every attempt and candidate spent (no draft passes)."""
    drafter = ScriptedDrafter([BOILERPLATE])
    settings = Settings(first_draft="model", seed=3, attempts=2, candidates=2)
    session = session_with(drafter, guardrails, settings)
    runs = [session.request(context, pack) for _ in range(1 + 1 + 3)]
    for request in runs:
        request.plain_fallback = False
        result = session.draft(request)
        assert len(result.attempts) == 2
    assert [request.seed for request in runs] == [3, 4, 5, 6, 7]
    seeds = [seed for _, _, seed in drafter.calls]
    assert len(seeds) == 5 * 2 * 2
    assert len(set(seeds)) == len(seeds)


def test_a_request_takes_the_settings_unless_told_otherwise(
    guardrails: Guardrails, context: Context, pack: PromptPack
) -> None:
    sampling = Sampling.model_validate({"temperature": 0.2})
    settings = Settings(first_draft="model", seed=9, attempts=4, candidates=2, sampling=sampling)
    session = session_with(ScriptedDrafter([GOOD]), guardrails, settings)

    request = session.request(context, pack)
    assert (request.context, request.pack) == (context, pack)
    assert (request.seed, request.attempts, request.candidates) == (9, 4, 2)
    assert request.sampling is sampling
    assert request.effective_sampling == Sampling.layered(pack.sampling, sampling)

    chosen = session.request(context, pack, seed=100, attempts=1, candidates=3)
    assert (chosen.seed, chosen.attempts, chosen.candidates) == (100, 1, 3)
    assert session.next_seed() == 10, "a given seed takes no run seed of the session"


# --- warming -----------------------------------------------------------------------------------


def test_each_packs_prompt_is_warmed_once_per_session(
    guardrails: Guardrails, pack: PromptPack
) -> None:
    other = get_pack("alumni")
    drafter = ScriptedDrafter([GOOD])
    session = session_with(drafter, guardrails, Settings(tidy=False))
    heard: list[tuple[str, float]] = []

    def on_warmed(name: str, seconds: float) -> None:
        heard.append((name, seconds))

    session.warm([pack, other, pack], on_warmed=on_warmed)
    session.warm([other], on_warmed=on_warmed)

    assert drafter.warmed == [
        render_messages(pack, pack.examples[0].context),
        render_messages(other, other.examples[0].context),
    ]
    assert [name for name, _ in heard] == [pack.name, other.name, pack.name, other.name]
    assert all(seconds >= 0 for _, seconds in heard)

    session_with(drafter, guardrails, Settings(tidy=False)).warm([pack])
    assert len(drafter.warmed) == 3, "a new session warms again: its model may be new"


def test_the_tidys_prompt_is_warmed_beside_the_packs(
    guardrails: Guardrails, pack: PromptPack
) -> None:
    drafter = ScriptedDrafter([GOOD])
    heard: list[str] = []
    session_with(drafter, guardrails, Settings()).warm(
        [pack], on_warmed=lambda n, _: heard.append(n)
    )
    assert heard == [pack.name, "tidy"]
    assert drafter.warmed[-1][0] == tidy_messages("")[0]  # the tidy's system prompt
    assert drafter.warmed[-1][:-1] == tidy_messages("")[:-1]  # and its worked examples


def test_warming_loads_the_model_and_a_failed_load_is_its_error(guardrails: Guardrails) -> None:
    def broken() -> Drafter:
        raise ModelError("model not found")

    session = DraftingSession(
        Settings(first_draft="model"), make_drafter=broken, guardrails=guardrails
    )
    with pytest.raises(ModelError, match="model not found"):
        session.warm([get_pack("alumni")])


# --- prefill and drafts ------------------------------------------------------------------------


class PolledEvent(threading.Event):
    """A cancel event that tells the test once someone checked it: a handshake for "waiting"."""

    def __init__(self) -> None:
        super().__init__()
        self.polled = threading.Event()

    def is_set(self) -> bool:
        self.polled.set()
        return super().is_set()


@dataclass
class SlowModel(ScriptedDrafter):
    """A scripted model whose prefill takes many small steps and whose stream can be held.

    It records what it did in order, so a test can see the model was never used twice at once.
    """

    prefill_steps: int = 2000
    step_seconds: float = 0.005
    hold_stream: threading.Event | None = None
    log: list[str] = field(default_factory=list)
    prefill_started: threading.Event = field(default_factory=threading.Event)
    streaming: threading.Event = field(default_factory=threading.Event)

    def prefill(self, messages: Sequence[ChatMessage], cancel: threading.Event) -> bool:
        self.log.append("prefill")
        self.prefill_started.set()
        try:
            for _ in range(self.prefill_steps):  # a batch of prompt tokens per step
                if cancel.is_set():
                    return False
                time.sleep(self.step_seconds)
            self.prefilled.append(list(messages))
            return True
        finally:
            self.log.append("prefill done")

    def stream(
        self, messages: Sequence[ChatMessage], sampling: Sampling, seed: int
    ) -> Iterator[StreamEvent]:
        self.log.append("stream")
        try:
            for event in super().stream(messages, sampling, seed):
                if isinstance(event, TextChunk) and self.hold_stream is not None:
                    self.streaming.set()
                    assert self.hold_stream.wait(WAIT), "the test never let the stream go on"
                yield event
        finally:
            self.log.append("stream done")


def test_a_draft_interrupts_a_running_prefill(
    guardrails: Guardrails, context: Context, pack: PromptPack
) -> None:
    model = SlowModel([GOOD])
    session = session_with(model, guardrails)
    session.load()
    prefill, prefilled = in_thread(lambda: session.prefill(context, pack, threading.Event()))
    assert model.prefill_started.wait(WAIT)

    started = time.perf_counter()
    result = session.draft(session.request(context, pack))
    seconds = time.perf_counter() - started
    prefill.join(WAIT)

    assert result.passed and result.text == GOOD
    assert prefilled == [False]
    assert seconds < model.prefill_steps * model.step_seconds / 4, "it did not wait for the end"
    assert model.log == ["prefill", "prefill done", "stream", "stream done"]


def test_a_prefill_waits_for_a_draft_that_holds_the_model(
    guardrails: Guardrails, context: Context, pack: PromptPack
) -> None:
    model = SlowModel([GOOD], prefill_steps=3, hold_stream=threading.Event())
    session = session_with(model, guardrails)
    drafting, drafted = in_thread(lambda: session.draft(session.request(context, pack)))
    assert model.streaming.wait(WAIT)

    cancel = PolledEvent()
    prefill, prefilled = in_thread(lambda: session.prefill(context, pack, cancel))
    assert cancel.polled.wait(WAIT), "the prefill never waited for the model"
    assert "prefill" not in model.log
    model.hold_stream.set()  # type: ignore[union-attr]
    drafting.join(WAIT)
    prefill.join(WAIT)

    assert prefilled == [True]
    assert model.prefilled == [render_messages(pack, context)]
    assert model.log == ["stream", "stream done", "prefill", "prefill done"]
    assert len(drafted) == 1 and not isinstance(drafted[0], BaseException)


def test_a_prefill_never_goes_before_a_waiting_draft(
    guardrails: Guardrails, context: Context, pack: PromptPack
) -> None:
    """Three parties: while one draft holds the model, a second draft and a warm-up wait, then a
    prefill asks too. Whichever of them gets the model next, the prefill gives way to the draft
    (it once could run first when the warm-up got the model before the waiting draft)."""
    model = SlowModel([GOOD, GOOD], prefill_steps=3, hold_stream=threading.Event())
    session = session_with(model, guardrails)
    first, _ = in_thread(lambda: session.draft(session.request(context, pack)))
    assert model.streaming.wait(WAIT)
    second, drafted = in_thread(lambda: session.draft(session.request(context, pack)))
    warming, _ = in_thread(lambda: session.warm([pack]))
    deadline = time.monotonic() + WAIT
    while session._waiting < 2:  # both wait for the model now
        assert time.monotonic() < deadline, "the draft and the warm-up never waited"
        time.sleep(0.001)
    cancel = PolledEvent()
    prefill, prefilled = in_thread(lambda: session.prefill(context, pack, cancel))
    assert cancel.polled.wait(WAIT)

    model.hold_stream.set()  # type: ignore[union-attr]
    for thread in (first, second, warming, prefill):
        thread.join(WAIT)

    assert len(drafted) == 1 and not isinstance(drafted[0], BaseException)
    second_stream = [i for i, step in enumerate(model.log) if step == "stream"][1]
    if "prefill" in model.log:
        assert model.log.index("prefill") > second_stream, model.log
    assert prefilled in ([True], [False])


def test_a_prefill_waiting_for_the_model_stops_when_cancelled(
    guardrails: Guardrails, context: Context, pack: PromptPack
) -> None:
    model = SlowModel([GOOD], hold_stream=threading.Event())
    session = session_with(model, guardrails)
    drafting, _ = in_thread(lambda: session.draft(session.request(context, pack)))
    assert model.streaming.wait(WAIT)

    cancel = PolledEvent()
    prefill, prefilled = in_thread(lambda: session.prefill(context, pack, cancel))
    assert cancel.polled.wait(WAIT)
    cancel.set()
    prefill.join(WAIT)
    assert not prefill.is_alive()
    assert prefilled == [False]

    model.hold_stream.set()  # type: ignore[union-attr]
    drafting.join(WAIT)
    assert "prefill" not in model.log, "the model was never asked to prefill"


def test_a_prefill_before_the_model_loaded_does_nothing(
    guardrails: Guardrails, context: Context, pack: PromptPack
) -> None:
    model = ScriptedDrafter([GOOD])
    session = session_with(model, guardrails)
    assert session.prefill(context, pack, threading.Event()) is False
    assert session.drafter is None, "a prefill never starts loading"
    session.load()
    assert session.prefill(context, pack, threading.Event()) is True
    assert model.prefilled == [render_messages(pack, context)]


# --- candidates --------------------------------------------------------------------------------


def test_the_best_of_three_candidates_is_kept_and_the_others_recorded(
    guardrails: Guardrails, context: Context, pack: PromptPack
) -> None:
    drafter = ScriptedDrafter([TOO_LONG, GOOD, BOILERPLATE])
    session = session_with(drafter, guardrails)
    request = session.request(context, pack, seed=7, candidates=3)
    result = session.draft(request)

    assert result.passed and result.text == GOOD
    (attempt,) = result.attempts
    assert attempt.text == GOOD
    assert attempt.candidates == [TOO_LONG.strip(), BOILERPLATE]
    assert result.provenance.candidates == 3
    seeds = [seed for _, _, seed in drafter.calls]
    assert seeds == [SeedSchedule.generation_seed(7, 1, candidate) for candidate in range(3)]
    assert attempt.seed == seeds[1], "the kept candidate's own seed"


def test_a_reask_names_what_was_wrong_with_the_best_candidate_of_the_failed_attempt(
    guardrails: Guardrails, context: Context, pack: PromptPack
) -> None:
    drafter = ScriptedDrafter([TOO_LONG, BOILERPLATE, GOOD, GOOD])
    session = session_with(drafter, guardrails)
    result = session.draft(session.request(context, pack, seed=2, attempts=2, candidates=2))

    first, second = result.attempts
    assert {first.text, *first.candidates} == {TOO_LONG.strip(), BOILERPLATE}
    assert not first.verdict.passed and second.verdict.passed
    reask = drafter.calls[2][0]
    assert reask == drafter.calls[3][0], "both candidates of an attempt share its prompt"
    assert all(message.role != "assistant" or message.content != first.text for message in reask)
    assert all(v.message in reask[-1].content for v in first.verdict.errors)
    assert [seed for _, _, seed in drafter.calls] == [
        SeedSchedule.generation_seed(2, attempt, candidate)
        for attempt in (1, 2)
        for candidate in (0, 1)
    ]


# --- the plain note first (the default) ---------------------------------------------------


def test_a_draft_starts_with_the_plain_note_and_with_tidy_off_never_loads_the_model(
    guardrails: Guardrails, context: Context, pack: PromptPack
) -> None:
    def no_model() -> Drafter:
        raise AssertionError("the plain note needs no model")

    session = DraftingSession(Settings(tidy=False), make_drafter=no_model, guardrails=guardrails)
    result = session.draft(session.request(context, pack))
    assert result.passed and result.attempts == []
    assert (result.provenance.origin, result.provenance.tidy) == ("plain", None)
    assert result.provenance.attempts == 0
    assert result.text.startswith("Hi Tomás, ")
    assert not session.ready.is_set()


def test_the_model_drafts_when_asked_or_when_the_context_gives_nothing_to_build_on(
    guardrails: Guardrails, context: Context, pack: PromptPack
) -> None:
    drafter = ScriptedDrafter([GOOD])
    session = DraftingSession(Settings(), make_drafter=lambda: drafter, guardrails=guardrails)
    asked = session.draft(session.request(context, pack, plain_first=False))
    assert (asked.text, asked.provenance.origin) == (GOOD, "model")

    bare = Context.model_validate(
        {
            "scenario": "strategic",
            "sender": {"name": "Sam Okafor"},
            "recipient": {"name": "Tomás Ruiz"},
            "relationship": {"familiarity": "stranger"},
            "reason": "",
        }
    )
    nothing = session.draft(session.request(bare, get_pack("strategic")))
    assert nothing.provenance.origin == "model"
    assert len(drafter.calls) >= 2  # the model was asked (and asked again: no reply fits)


def test_model_first_in_the_settings_drafts_with_the_model(
    guardrails: Guardrails, context: Context, pack: PromptPack
) -> None:
    session = session_with(ScriptedDrafter([GOOD]), guardrails, Settings(first_draft="model"))
    result = session.draft(session.request(context, pack))
    assert (result.text, result.provenance.origin) == (GOOD, "model")

"""Helpers for the app's tests: notes for the example context, a gated model, waiting, filling."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from typing import Any

from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed

from example_notes import BOILERPLATE as BOILERPLATE
from example_notes import EXAMPLE as EXAMPLE
from example_notes import GOOD as GOOD
from example_notes import TOO_LONG as TOO_LONG
from warmnote.context import Context
from warmnote.drafter import ChatMessage, ScriptedDrafter, StreamEvent, TextChunk
from warmnote.sampling import Sampling
from warmnote.tui.app import WarmnoteApp
from warmnote.tui.form import context_values

SIZE = (120, 40)

# For the example context: notes that pass every check, and ones that break a rule.
GOOD_2 = (
    "Hi Tomás, your PyData Lisbon talk on backpressure in Kafka consumers stayed with me. "
    "I'd like to keep learning from how your team handles it."
)
GOOD_3 = (
    "Hi Tomás, thanks for the chat after your backpressure talk at PyData Lisbon last week. "
    "I'd like to keep learning from how your team handles Kafka consumers."
)


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers finish (errors included: the app handles them) and the UI catch up."""
    await pilot.pause()
    with suppress(WorkerFailed, WorkerCancelled):
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def wait_until(pilot: Pilot[Any], check: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll ``check`` while the app runs; fail the test (not hang) if it never holds."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        await pilot.pause(0.02)


async def fill_context(pilot: Pilot[Any], context: Context) -> None:
    """Put a context into the Compose form as if it had been typed."""
    app = pilot.app
    assert isinstance(app, WarmnoteApp)
    values, extra = context_values(context)
    app.compose_screen.set_values(dict(values), extra)
    await pilot.pause()


async def draft_example(pilot: Pilot[Any], context: Context) -> None:
    """Compose the example context and draft it to the end."""
    await settle(pilot)
    await fill_context(pilot, context)
    await pilot.press("ctrl+g")
    await settle(pilot)


class GatedDrafter(ScriptedDrafter):
    """A scripted model that hands out one chunk per permit, so a test can act mid-stream."""

    def __init__(self, replies: Sequence[str]) -> None:
        super().__init__(replies)
        self.gate = threading.Semaphore(0)
        self.yielded: list[int] = []
        """Chunks handed out, per stream."""
        self.closed = 0

    def stream(
        self, messages: Sequence[ChatMessage], sampling: Sampling, seed: int
    ) -> Iterator[StreamEvent]:
        index = len(self.yielded)
        self.yielded.append(0)
        try:
            for event in super().stream(messages, sampling, seed):
                if isinstance(event, TextChunk):
                    if not self.gate.acquire(timeout=10):
                        raise TimeoutError("the test never released the next chunk")
                    self.yielded[index] += 1
                yield event
        finally:
            self.closed += 1

    def release(self, chunks: int = 1000) -> None:
        for _ in range(chunks):
            self.gate.release()


def loads_when(loaded: threading.Event) -> Callable[[], ScriptedDrafter]:
    """A model factory that finishes loading only once the test sets ``loaded``."""

    def factory() -> ScriptedDrafter:
        assert loaded.wait(10), "the test never let the model finish loading"
        return ScriptedDrafter([GOOD])

    return factory


def chunks_of(text: str) -> list[str]:
    """How ScriptedDrafter splits ``text`` (word by word, spaces leading)."""
    events = ScriptedDrafter([text]).stream([], Sampling(), 0)
    return [event.text for event in events if isinstance(event, TextChunk)]

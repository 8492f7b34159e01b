"""Fixtures for the app's tests: apps with a scripted model, the example context, notifications."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest
from tui_helpers import EXAMPLE, GOOD

from warmnote import pipeline, plain_note
from warmnote.context import Context, load_context
from warmnote.drafter import ScriptedDrafter
from warmnote.tui.app import WarmnoteApp


@pytest.fixture
def example_context() -> Context:
    return load_context(EXAMPLE)


@pytest.fixture
def make_app() -> Callable[..., WarmnoteApp]:
    """An app whose model is a ScriptedDrafter replaying ``replies`` (or the given drafter)."""

    def make(replies: Sequence[str] = (GOOD,), drafter: Any = None) -> WarmnoteApp:
        chosen = drafter if drafter is not None else ScriptedDrafter(list(replies))
        return WarmnoteApp(drafter_factory=lambda: chosen)

    return make


@pytest.fixture
def no_plain_note(monkeypatch: pytest.MonkeyPatch) -> None:
    """No plain note can be made, so a draft that fails is shown as it is (with its verdict)."""

    def none(context: Context, guardrails: Any) -> None:
        return None

    monkeypatch.setattr(plain_note, "plain_note", none)
    monkeypatch.setattr(pipeline, "plain_note", none, raising=False)  # if imported at the top


@pytest.fixture
def notes() -> Callable[[WarmnoteApp], list[str]]:
    """Record an app's notifications (their text), to assert on what the person was told."""

    def record(app: WarmnoteApp) -> list[str]:
        seen: list[str] = []
        original = app.notify

        def notify(message: str, **kwargs: Any) -> None:
            seen.append(message)
            original(message, **kwargs)

        app.notify = notify  # type: ignore[method-assign]
        return seen

    return record

"""While the person types, the app warms the pack and processes the form's prompt in the
background; a draft always interrupts that work, and typing is never held up by it."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
from tui_helpers import GOOD, SIZE, fill_context, settle, wait_until

from warmnote.context import Context
from warmnote.drafter import ChatMessage, ScriptedDrafter
from warmnote.packs import get_pack, render_messages
from warmnote.tidy import tidy_messages
from warmnote.tui.app import WarmnoteApp

# These tests follow the model's drafts; the plain note that starts a draft by default has its own.
pytestmark = pytest.mark.usefixtures("model_first")


class SlowPrefill(ScriptedDrafter):
    """A model whose prefill runs until it is cancelled, as a long prompt would."""

    def __init__(self, replies: Sequence[str]) -> None:
        super().__init__(replies)
        self.started = threading.Event()
        self.finished: list[bool] = []

    def prefill(self, messages: Sequence[ChatMessage], cancel: threading.Event) -> bool:
        self.prefilled.append(list(messages))
        self.started.set()
        cancel.wait(30)
        self.finished.append(not cancel.is_set())
        return not cancel.is_set()


async def test_the_selected_pack_is_warmed_once_the_model_is_loaded() -> None:
    drafter = ScriptedDrafter([GOOD])
    app = WarmnoteApp(drafter_factory=lambda: drafter)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pack = app.compose_screen.pack()
        assert pack is not None
        await wait_until(pilot, lambda: len(drafter.warmed) == 2)
        system = render_messages(pack, pack.examples[0].context)[0]
        tidy = tidy_messages("")[0]  # the tidy of the plain note is warmed beside the pack
        assert [messages[0] for messages in drafter.warmed] == [system, tidy]


@pytest.mark.parametrize("first_draft", ["model", "plain"])
async def test_a_filled_form_has_its_prompt_processed_before_ctrl_g(
    example_context: Context, first_draft: str, model_first: Path, request: pytest.FixtureRequest
) -> None:
    """The status says so until the model drafts with it, plain note first or not (with the
    plain note first it went on saying so, so a snapshot changed with the pause before ctrl+g)."""
    if first_draft == "plain":
        model_first.write_text('first_draft = "plain"\n', encoding="utf-8")
        request.getfixturevalue("no_plain_note")  # so the model drafts after all
    drafter = ScriptedDrafter([GOOD])
    app = WarmnoteApp(drafter_factory=lambda: drafter)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_context(pilot, example_context)
        await wait_until(pilot, lambda: "prompt prepared" in app.model_status)
        expected = render_messages(get_pack(example_context.scenario), example_context)
        assert drafter.prefilled[-1] == expected
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert drafter.calls[0][0] == expected, "the draft used the prompt that was prepared"
        assert "prompt prepared" not in app.model_status


async def test_ctrl_g_interrupts_the_prompt_being_processed(example_context: Context) -> None:
    drafter = SlowPrefill([GOOD])
    app = WarmnoteApp(drafter_factory=lambda: drafter)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_context(pilot, example_context)
        await wait_until(pilot, drafter.started.is_set)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert drafter.finished == [False]
        assert app.draft_screen.editor.text == GOOD


async def test_typing_restarts_the_processing_with_the_newer_form(
    example_context: Context,
) -> None:
    drafter = SlowPrefill([GOOD])
    app = WarmnoteApp(drafter_factory=lambda: drafter)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_context(pilot, example_context)
        await wait_until(pilot, drafter.started.is_set)
        app.compose_screen.query_one("#reason").focus()
        await pilot.press("end", *" soon")
        await wait_until(pilot, lambda: "soon" in drafter.prefilled[-1][-1].content)
        assert drafter.finished[0] is False, "the older form's prompt was given up"
        assert " soon" in app.compose_screen.values()["reason"], "no key was lost"
        app.cancel_prepare()

"""The app as a whole: background model loading and its status line, sections, the command
palette, autosave and the restore offer at the next start."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Input
from tui_helpers import GOOD, SIZE, draft_example, fill_context, loads_when, settle, wait_until

from warmnote.autosave import Autosave
from warmnote.context import Context
from warmnote.tui.app import AUTOSAVE_DELAY, SECTIONS, WarmnoteApp
from warmnote.tui.screens.restore import RestoreScreen
from warmnote.tui.widgets.status_line import StatusLine

# These tests follow the model's drafts; the plain note that starts a draft by default has its own.
pytestmark = pytest.mark.usefixtures("model_first")

MakeApp = Callable[..., WarmnoteApp]


def status_text(app: WarmnoteApp) -> str:
    return str(app.screen.query_one(StatusLine).render())


async def test_the_app_is_usable_while_the_model_loads_and_says_when_it_is_ready(
    example_context: Context,
) -> None:
    loaded = threading.Event()
    app = WarmnoteApp(drafter_factory=loads_when(loaded))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.model_state == "loading"
        assert "loading the model" in status_text(app)
        await pilot.press(*"Priya")
        assert app.compose_screen.query_one("#sender-name", Input).value == "Priya"

        await fill_context(pilot, example_context)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert "waiting for the model" in str(app.draft_screen.query_one("#draft-state").render())
        loaded.set()
        await settle(pilot)
        assert app.model_state == "ready"
        assert status_text(app).startswith("model ready: scripted")
        assert app.draft_screen.editor.text == GOOD


async def test_a_missing_model_is_reported_with_the_set_up_command(
    monkeypatch: pytest.MonkeyPatch, example_context: Context
) -> None:
    monkeypatch.delenv("WARMNOTE_MODEL", raising=False)
    app = WarmnoteApp()  # the real default factory; WARMNOTE_HOME has no model
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.model_state == "error"
        assert status_text(app).startswith("model not available: model not found")
        assert "warmnote model install" in status_text(app)
        assert "make run" in status_text(app)
        assert app.screen.query_one(StatusLine).has_class("-error")

        await fill_context(pilot, example_context)
        await pilot.press("ctrl+g")
        await settle(pilot)
        state = str(app.draft_screen.query_one("#draft-state").render())
        assert state.startswith("Drafting failed: model not found")
        assert app.is_running


@pytest.mark.parametrize("section", list(SECTIONS))
async def test_every_action_has_a_footer_binding_and_a_palette_command(
    make_app: MakeApp, section: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.switch_mode(section)
        await pilot.pause()
        commands = {command.title for command in app.get_system_commands(app.screen)}
        shown = [
            binding
            for binding in app.screen.BINDINGS
            if isinstance(binding, Binding) and binding.show
        ]
        assert shown, "each section has actions of its own"
        for binding in shown:
            assert binding.description in commands
            assert binding.key in app.screen.active_bindings
        assert {f"Go to {title}" for _, title in SECTIONS.values()} <= commands


async def run_from_palette(pilot: Pilot[Any], title: str) -> None:
    await pilot.press("ctrl+p", *title)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot)


async def test_the_palette_switches_sections_and_runs_screen_actions(
    make_app: MakeApp, example_context: Context
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_context(pilot, example_context)
        await run_from_palette(pilot, "New note")
        assert app.compose_screen.values()["recipient-name"] == ""
        await run_from_palette(pilot, "Go to Packs")
        assert app.current_mode == "packs"


@pytest.mark.parametrize(
    ("key", "mode"), [(key, name) for name, (key, _) in SECTIONS.items()], ids=list(SECTIONS)
)
async def test_function_keys_switch_sections_even_from_an_editor(
    make_app: MakeApp, key: str, mode: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.compose_screen.query_one("#recipient-about").focus()
        await pilot.press(key)
        await settle(pilot)
        assert app.current_mode == mode


async def test_the_form_and_the_draft_are_autosaved_while_typing(
    make_app: MakeApp, example_context: Context
) -> None:
    app = make_app([GOOD])
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
        editor = app.draft_screen.editor
        editor.move_cursor(editor.document.end)
        await pilot.press(*" Thanks!")
        await pilot.pause(AUTOSAVE_DELAY + 0.3)
        state = Autosave().load()
        assert state is not None
        assert state["form"]["recipient-name"] == example_context.recipient.name
        assert state["draft"]["text"] == GOOD + " Thanks!"
        assert state["mode"] == "draft"


async def test_the_next_start_offers_to_restore_and_restores(
    make_app: MakeApp, example_context: Context
) -> None:
    first = make_app([GOOD])
    async with first.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
        await pilot.pause(AUTOSAVE_DELAY + 0.3)

    second = make_app([GOOD])
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(second.screen, RestoreScreen)
        assert "Tomás Herrera" in second.screen.summary
        await pilot.press("y")
        await settle(pilot)
        assert second.current_mode == "draft"
        assert second.compose_screen.current_context() == example_context
        assert second.draft_screen.editor.text == GOOD
        assert second.draft_screen.verdict is not None and second.draft_screen.verdict.passed


async def test_declining_the_restore_discards_the_autosave(
    make_app: MakeApp, example_context: Context
) -> None:
    Autosave().save({"form": {"recipient-name": "Ana"}, "draft": {"text": "Hi Ana"}})
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, RestoreScreen)
        await pilot.press("n")
        await settle(pilot)
        assert not isinstance(app.screen, RestoreScreen)
        assert app.compose_screen.values()["recipient-name"] == ""
    assert Autosave().load() is None


async def test_nothing_to_restore_means_no_question(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: app.model_state == "ready")
        assert not isinstance(app.screen, RestoreScreen)


def test_importing_the_tui_package_does_not_load_textual() -> None:
    code = "import sys, warmnote.tui; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

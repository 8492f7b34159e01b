"""Type-ahead: keys that arrive in one burst are handled one by one, in order, each in the field
that had the focus when it was typed (the tmux tests do the same through a real terminal)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import Button, Input
from tui_helpers import SIZE, settle, wait_until

from warmnote.tui import keys
from warmnote.tui.app import WarmnoteApp
from warmnote.tui.keys import InOrderKeys

MakeApp = Callable[..., WarmnoteApp]
CHARACTERS = {"tab": "\t", "enter": "\r", "space": " "}


def burst(app: App[Any], parts: Sequence[str | tuple[str, ...]]) -> None:
    """Post every key at once, as a terminal delivers a burst: text as characters, tuples as
    named keys. Nothing is handled until the whole burst is queued."""
    for part in parts:
        names = part if isinstance(part, tuple) else ["space" if c == " " else c for c in part]
        for name in names:
            character = CHARACTERS.get(name, name if len(name) == 1 else None)
            app.post_message(events.Key(name, character))


async def form_shows(pilot: Pilot[Any], expected: dict[str, str]) -> None:
    app = pilot.app
    assert isinstance(app, WarmnoteApp)

    def matches() -> bool:
        values = app.compose_screen.values()
        return all(values[key] == value for key, value in expected.items())

    await wait_until(pilot, matches, timeout=20)


async def test_text_tabs_and_a_list_choice_in_one_burst_land_field_by_field(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(
            app,
            [
                "Sam Carter",
                ("tab", "tab", "tab"),
                "Dr. Lena Vogel",
                ("tab",) * 8,  # headline, company, location, about, posts, skills, schools
                ("enter", "down", "down", "enter", "tab"),  # familiarity: acquaintance
                "talked after her talk",
            ],
        )
        await form_shows(
            pilot,
            {
                "sender-name": "Sam Carter",
                "recipient-name": "Dr. Lena Vogel",
                "familiarity": "acquaintance",
                "how-we-met": "talked after her talk",
            },
        )
        assert app.compose_screen.values()["recipient-headline"] == ""


async def test_keys_typed_before_the_form_is_ready_wait_for_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        # Queued before the app has handled a single message: the form is not there yet.
        burst(app, ["Sam", ("tab",) * 3, "Lena"])
        await form_shows(pilot, {"sender-name": "Sam", "recipient-name": "Lena"})


class Stuck(Input):
    """A field whose first key never finishes: the next keys must not wait for it forever."""

    released = asyncio.Event()

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "x":
            event.prevent_default()  # Input's own handler does not type it either
            await self.released.wait()
        else:
            await super()._on_key(event)


class TwoFields(InOrderKeys[None]):
    def compose(self) -> ComposeResult:
        yield Stuck(id="stuck")
        yield Input(id="other")

    def on_mount(self) -> None:
        self.query_one("#stuck").focus()
        self.call_after_refresh(self.keys_ready)


async def test_a_key_that_never_finishes_holds_up_the_next_ones_only_for_a_while(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(keys, "DRAIN_TIMEOUT", 0.2)
    app = TwoFields()
    async with app.run_test() as pilot:
        try:
            await pilot.pause()
            app.post_message(events.Key("x", "x"))  # "stuck" is busy with it from now on
            app.query_one("#other").focus()
            app.post_message(events.Key("a", "a"))
            await wait_until(pilot, lambda: app.query_one("#other", Input).value == "a")
        finally:
            Stuck.released.set()  # the stuck handler ends late: nothing breaks
        await pilot.pause()
        assert app.query_one("#stuck", Input).value == ""


class Question(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [("n", "dismiss(False)")]

    def compose(self) -> ComposeResult:
        yield Button("No (n)")


class FormBehindAQuestion(InOrderKeys[None]):
    """Keys arrive before the app is up; a question appears before the form could take them."""

    def compose(self) -> ComposeResult:
        yield Input(id="first")
        yield Input(id="second")

    def on_mount(self) -> None:
        self.query_one("#first").focus()
        burst(self, ["Sam", ("tab",), "Lena"])  # queued behind this handler: typed early
        self.push_screen(Question(), lambda _: self.replay_early_keys())
        self.keys_ready()
        self.keys_ready()  # a second screen getting ready must not lose them

    def typeahead_unwelcome(self) -> bool:
        return isinstance(self.screen, Question)


async def test_keys_typed_before_a_question_appeared_go_to_the_form_once_it_is_answered() -> None:
    app = FormBehindAQuestion()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert isinstance(app.screen, Question)
        assert app.query_one("#first", Input).value == ""  # not answered by early keys

        await pilot.press("n")
        await wait_until(
            pilot,
            lambda: (
                (app.query_one("#first", Input).value, app.query_one("#second", Input).value)
                == ("Sam", "Lena")
            ),
        )

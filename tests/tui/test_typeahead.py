"""Type-ahead: keys that arrive in one burst are handled one by one, in order, each in the field
that had the focus when it was typed (the tmux tests do the same through a real terminal)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual import events
from textual.pilot import Pilot
from tui_helpers import SIZE, settle, wait_until

from warmnote.tui.app import WarmnoteApp

MakeApp = Callable[..., WarmnoteApp]
CHARACTERS = {"tab": "\t", "enter": "\r", "space": " "}


def burst(app: WarmnoteApp, parts: Sequence[str | tuple[str, ...]]) -> None:
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

"""The "Paste profile" dialog: paste a profile, see the fields found, fill the form (issue 11)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static
from tui_helpers import SIZE, fill_context, settle, wait_until

from warmnote.context import Context
from warmnote.tui.app import WarmnoteApp
from warmnote.tui.screens.paste_profile import PasteProfileScreen

MakeApp = Callable[..., WarmnoteApp]
SnapCompare = Callable[..., bool]
PROFILES = Path(__file__).parents[1] / "data" / "profiles"
RECIPIENT_KEYS = {
    "name": "recipient-name",
    "headline": "recipient-headline",
    "company": "recipient-company",
    "location": "recipient-location",
    "about": "recipient-about",
}


def profile(name: str) -> tuple[str, dict[str, Any]]:
    text = (PROFILES / f"{name}.txt").read_text(encoding="utf-8")
    return text, json.loads((PROFILES / f"{name}.json").read_text(encoding="utf-8"))


async def open_and_paste(pilot: Pilot[Any], text: str) -> PasteProfileScreen:
    app = pilot.app
    await settle(pilot)
    await pilot.press("ctrl+o")
    await wait_until(pilot, lambda: isinstance(app.screen, PasteProfileScreen))
    dialog = app.screen
    assert isinstance(dialog, PasteProfileScreen)
    await pilot.pause()
    app.post_message(events.Paste(text))
    await wait_until(pilot, lambda: "Found" in status(dialog) or "not look" in status(dialog))
    return dialog


def status(dialog: PasteProfileScreen) -> str:
    return str(dialog.query_one("#profile-status", Static).render())


@pytest.mark.parametrize(
    "name", ["en_streaming_engineer", "de_creator_cyrillic", "fr_product_manager"]
)
async def test_a_pasted_profile_fills_the_recipient_fields(make_app: MakeApp, name: str) -> None:
    text, want = profile(name)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_and_paste(pilot, text)
        for field in ("name", "headline", "company", "location"):
            assert str(dialog.query_one(f"#found-{field}", Static).render()) == want[field]
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, PasteProfileScreen))
        values = app.compose_screen.values()
        for field, key in RECIPIENT_KEYS.items():
            assert values[key].split() == (want[field] or "").split(), field
        assert values["recipient-skills"] == ", ".join(want["skills"])
        assert values["recipient-schools"] == ", ".join(want["schools"])
        assert values["recipient-posts"].split() == "\n\n".join(want["recent_posts"]).split()


async def test_every_field_stays_editable_after_filling(make_app: MakeApp) -> None:
    text, _ = profile("en_recruiter")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_and_paste(pilot, text)
        await pilot.click("#profile-accept")
        await wait_until(pilot, lambda: not isinstance(app.screen, PasteProfileScreen))
        company = app.compose_screen.query_one("#recipient-company", Input)
        company.focus()
        await pilot.press("end", *" Madrid")
        await pilot.pause()
        assert app.compose_screen.values()["recipient-company"] == "Vela Health Madrid"


async def test_filling_replaces_the_old_recipient_and_keeps_the_rest(
    make_app: MakeApp, example_context: Context
) -> None:
    text, _ = profile("en_minimal_no_about")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_context(pilot, example_context)
        before = app.compose_screen.values()
        await open_and_paste(pilot, text)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, PasteProfileScreen))
        after = app.compose_screen.values()
        assert after["recipient-name"] == "Grace Okafor"
        assert after["recipient-about"] == "" and after["recipient-posts"] == ""
        kept = [key for key in before if not key.startswith("recipient-")]
        assert {key: after[key] for key in kept} == {key: before[key] for key in kept}


async def test_a_text_that_is_not_a_profile_fills_nothing(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_and_paste(pilot, "Dear Sam,\nsee you at the conference.\nAna")
        assert "does not look like a LinkedIn profile" in status(dialog)
        assert dialog.query_one("#profile-accept", Button).disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is app.compose_screen)
        assert app.compose_screen.values()["recipient-name"] == ""


def highlighted_command(app: App[Any]) -> str:
    """The command the palette would run on Enter, or "" while it has none (or is not open)."""
    if not isinstance(app.screen, CommandPalette):
        return ""
    commands = app.screen.query_one(CommandList)
    if commands.highlighted is None:
        return ""
    return str(commands.get_option_at_index(commands.highlighted).prompt)


async def test_the_palette_opens_the_dialog(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Paste profile")
        await wait_until(pilot, lambda: "Paste profile" in highlighted_command(app))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, PasteProfileScreen))


def test_snapshot_of_the_dialog(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    text, _ = profile("en_streaming_engineer")

    async def paste(pilot: Pilot[Any]) -> None:
        await open_and_paste(pilot, text)
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=paste)

"""Packs screen: the list, the TOML editor with highlighting, live validation and prompt size,
saving a user pack, and trying an edited pack on the Compose context."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Select, Static, TextArea
from tui_helpers import GOOD, SIZE, fill_context, settle

from warmnote import locations
from warmnote.context import Context
from warmnote.drafter import ScriptedDrafter
from warmnote.packs import list_packs, load_pack_file
from warmnote.tui.app import WarmnoteApp
from warmnote.tui.screens.packs import check_pack, parse_pack, toml_highlighting

MakeApp = Callable[..., WarmnoteApp]


def editor(app: WarmnoteApp) -> TextArea:
    return app.screen.query_one("#pack-editor", TextArea)


def status(app: WarmnoteApp) -> str:
    return str(app.screen.query_one("#pack-status", Static).render())


async def open_packs(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("f5")
    await settle(pilot)


async def test_the_list_shows_every_pack_and_opens_the_first_as_toml(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_packs(pilot)
        pack_list = app.screen.query_one("#pack-list", OptionList)
        names = [pack_list.get_option_at_index(i).id for i in range(pack_list.option_count)]
        assert names == [info.name for info in list_packs()]
        assert len(names) >= 10
        first = list_packs()[0]
        assert editor(app).text == first.path.read_text(encoding="utf-8")
        assert editor(app).language == "toml"
        assert status(app).startswith(f"✓ valid: {first.name}")
        assert "tokens" in status(app)


async def test_a_broken_user_pack_is_marked_and_the_others_stay(make_app: MakeApp) -> None:
    packs_dir = locations.user_prompts_dir()
    packs_dir.mkdir(parents=True)
    (packs_dir / "half_written.toml").write_text('name = "half_written"\nsystem = """', "utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_packs(pilot)
        pack_list = app.screen.query_one("#pack-list", OptionList)
        options = [pack_list.get_option_at_index(i) for i in range(pack_list.option_count)]
        good = [option.id for option in options if not option.disabled]
        broken = [str(option.prompt) for option in options if option.disabled]
        assert good == [info.name for info in list_packs()]
        assert len(good) >= 10
        assert broken == ["✗ half_written  broken"]
        notes = [str(n.message) for n in app._notifications]
        assert any("half_written.toml" in note for note in notes)


def test_toml_highlighting_is_available_with_the_syntax_extra() -> None:
    assert toml_highlighting() == "toml"


async def test_moving_through_the_list_opens_each_pack(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_packs(pilot)
        await pilot.press("down")
        await settle(pilot)
        second = list_packs()[1]
        assert f'name = "{second.name}"' in editor(app).text
        assert second.name in status(app)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (("version = ", "version = 'one' #"), "version"),
        (("requires = [", "requires = ['recipient.shoe_size', "), "not a context field"),
        (("\nsystem = ", "\ncolour = 'red'\nsystem = "), "colour: unknown field"),
        (("name = ", "name = = "), "invalid TOML"),
    ],
    ids=["bad-version", "unknown-required-field", "unknown-key", "broken-toml"],
)
async def test_live_validation_names_the_field_that_is_wrong(
    make_app: MakeApp, edit: tuple[str, str], message: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_packs(pilot)
        old, new = edit
        assert old in editor(app).text
        editor(app).load_text(editor(app).text.replace(old, new, 1))
        await settle(pilot)
        assert status(app).startswith("✗ ")
        assert message in status(app)
        assert app.screen.query_one("#pack-status").has_class("-error")


async def test_typing_in_the_editor_revalidates(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_packs(pilot)
        area = editor(app)
        area.focus()
        area.move_cursor((0, 0))
        await pilot.press(*"oops ")
        await settle(pilot)
        assert "invalid TOML" in status(app)
        await pilot.press(*["backspace"] * 5)
        await settle(pilot)
        assert status(app).startswith("✓ valid")


async def test_unsaved_edits_survive_moving_to_another_pack_and_back(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_packs(pilot)
        edited = editor(app).text + "\n# my note\n"
        editor(app).load_text(edited)
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        assert editor(app).text != edited
        await pilot.press("up")
        await settle(pilot)
        assert editor(app).text == edited
        assert "edited, not saved" in str(app.screen.query_one("#pack-title").render())


async def test_save_as_user_pack_writes_the_user_folder_and_overrides_the_builtin(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_packs(pilot)
        first = list_packs()[0]
        text = editor(app).text.replace(first.description, "My own words for this scenario.")
        editor(app).load_text(text)
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = locations.user_prompts_dir() / f"{first.name}.toml"
        assert saved.is_file()
        assert load_pack_file(saved).description == "My own words for this scenario."
        sources = {info.name: info.source for info in list_packs()}
        assert sources[first.name] == "user"
        pack_list = app.screen.query_one("#pack-list", OptionList)
        assert "user" in str(pack_list.get_option_at_index(0).prompt)


async def test_a_pack_saved_under_a_new_name_becomes_a_scenario_in_compose(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_packs(pilot)
        first = list_packs()[0]
        text = editor(app).text.replace(f'name = "{first.name}"', 'name = "my_scenario"', 1)
        editor(app).load_text(text)
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (locations.user_prompts_dir() / "my_scenario.toml").is_file()
        scenario = app.compose_screen.query_one("#scenario", Select)
        scenario.value = "my_scenario"
        await pilot.pause()
        assert app.compose_screen.pack() is not None


async def test_an_invalid_pack_is_not_saved(
    make_app: MakeApp, notes: Callable[[WarmnoteApp], list[str]]
) -> None:
    app = make_app()
    seen = notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await open_packs(pilot)
        editor(app).load_text("name = 'x'\n")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert not locations.user_prompts_dir().exists() or not any(
        locations.user_prompts_dir().iterdir()
    )
    assert any("description" in message for message in seen)


async def test_try_it_drafts_the_compose_context_with_the_edited_pack(
    make_app: MakeApp, example_context: Context
) -> None:
    drafter = ScriptedDrafter([GOOD])
    app = make_app(drafter=drafter)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_context(pilot, example_context)
        await pilot.press("f5")
        await settle(pilot)
        marker = "Mention the event by name."
        text = editor(app).text
        start = text.index('system = """') + len('system = """')
        editor(app).load_text(text[:start] + "\n" + marker + text[start:])
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert app.current_mode == "draft"
        system_prompt = drafter.calls[0][0][0].content
        assert marker in system_prompt
        assert app.draft_screen.editor.text == GOOD


async def test_try_it_without_a_valid_context_sends_you_to_compose(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_packs(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert app.current_mode == "compose"
        assert "recipient-name" in app.compose_screen.invalid_keys()


def test_check_pack_counts_tokens_with_the_context_when_there_is_one(
    example_context: Context,
) -> None:
    info = next(info for info in list_packs() if info.name == "event_followup")
    text = info.path.read_text(encoding="utf-8")
    without = check_pack(text, info.name, None)
    with_context = check_pack(text, info.name, example_context)
    assert without.pack is not None and with_context.with_context
    assert with_context.tokens > 0 and without.tokens > 0
    assert parse_pack(text, name=info.name) == without.pack

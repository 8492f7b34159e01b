"""Compose screen: inline errors next to the fields, required marks per pack, the remembered
sender, and typing a context by keyboard alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.content import Content
from textual.widgets import Input, Label, Select, Static, TextArea
from tui_helpers import GOOD, SIZE, draft_example, fill_context, settle, wait_until

from warmnote.autosave import Autosave, load_sender
from warmnote.context import Context
from warmnote.tui.app import WarmnoteApp
from warmnote.tui.screens.compose import OURS_KEY, OURS_STYLE

# These tests follow the model's drafts; the plain note that starts a draft by default has its own.
pytestmark = pytest.mark.usefixtures("model_first")

MakeApp = Callable[..., WarmnoteApp]


def error_of(app: WarmnoteApp, key: str) -> str:
    return str(app.compose_screen.query_one(f"#{key}-error", Static).render())


def invalid_fields(app: WarmnoteApp) -> set[str]:
    return set(app.compose_screen.invalid_keys())


async def test_an_empty_form_shows_each_error_next_to_its_field(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert app.current_mode == "compose", "nothing is drafted from an invalid form"
        assert invalid_fields(app) == {"sender-name", "recipient-name", "where"}
        assert error_of(app, "sender-name") == "required"
        assert error_of(app, "recipient-name") == "required"
        assert error_of(app, "where") == "the event_followup scenario needs this"
        assert error_of(app, "recipient-headline") == ""
        assert app.focused is app.compose_screen.query_one("#sender-name")


async def test_errors_clear_as_the_fields_are_typed(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press(*"Priya Raman")
        await pilot.pause()
        assert "sender-name" not in invalid_fields(app)
        assert "recipient-name" in invalid_fields(app)


async def test_a_context_typed_by_keyboard_alone_drafts_a_note(
    make_app: MakeApp, example_context: Context
) -> None:
    app = make_app([GOOD])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # Focus starts on "Your name"; Tab walks the fields in order.
        await pilot.press(*"Priya Raman", "tab", "tab", "tab", *"Tomás Herrera")
        compose = app.compose_screen
        compose.query_one("#where", Input).focus()
        await pilot.press(*"PyData Lisbon")
        compose.query_one("#how-we-met", Input).focus()
        await pilot.press(*"talked after his talk on backpressure in Kafka consumers")
        compose.query_one("#familiarity", Select).value = "met_once"
        compose.query_one("#reason", TextArea).focus()
        await pilot.press(*"keep learning from how his team handles backpressure")
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert app.current_mode == "draft"
        context = app.draft_screen.context
        assert context is not None
        assert context.recipient.name == "Tomás Herrera"
        assert context.relationship.where == "PyData Lisbon"
        assert app.draft_screen.editor.text == GOOD


async def test_required_marks_follow_the_selected_scenario(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        compose = app.compose_screen

        def marked() -> set[str]:
            return {
                str(label.id).removesuffix("-label")
                for label in compose.query(Label)
                if label.has_class("-required")
            }

        assert "where" in marked()
        assert "recipient-schools" not in marked()
        compose.query_one("#scenario", Select).value = "alumni"
        await pilot.pause()
        assert "recipient-schools" in marked()
        assert "where" not in marked()
        assert {"sender-name", "recipient-name", "familiarity"} <= marked()
        assert str(compose.query_one("#recipient-schools-label", Label).render()).endswith("*")


async def test_lists_split_on_commas_and_posts_on_blank_lines(
    make_app: MakeApp, example_context: Context
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_context(pilot, example_context)
        compose = app.compose_screen
        compose.set_values(
            {
                "mutual": "Ana López,  Bo Chen ,",
                "recipient-posts": "First post\nstill first\n\n\nSecond post",
            }
        )
        context = compose.current_context()
        assert context is not None
        assert context.relationship.mutual_connections == ["Ana López", "Bo Chen"]
        assert context.recipient.recent_posts == ["First post\nstill first", "Second post"]


async def test_the_sender_is_remembered_for_the_next_run(
    make_app: MakeApp, example_context: Context
) -> None:
    first = make_app([GOOD])
    async with first.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
    remembered = load_sender()
    assert remembered is not None and remembered.name == example_context.sender.name

    Autosave().clear()  # remembered apart from the autosave: gone with it, still there
    second = make_app([GOOD])
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        values = second.compose_screen.values()
        assert values["sender-name"] == example_context.sender.name
        assert values["sender-company"] == example_context.sender.company
        assert values["recipient-name"] == ""
        assert second.focused is second.compose_screen.query_one("#recipient-name")


async def test_new_note_clears_everything_but_your_own_details(
    make_app: MakeApp, example_context: Context
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_context(pilot, example_context)
        await pilot.press("ctrl+n")
        await pilot.pause()
        values = app.compose_screen.values()
        assert values["sender-name"] == example_context.sender.name
        assert values["recipient-name"] == ""
        assert values["recipient-about"] == ""
        assert values["where"] == ""


async def test_under_the_reason_it_shows_what_the_note_will_say_and_leave_out(
    make_app: MakeApp, example_context: Context
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_context(pilot, example_context)
        reading = app.compose_screen.query_one("#reason-reading", Static)

        def shown() -> str:
            return str(reading.render()) if reading.display else ""

        await wait_until(pilot, lambda: shown().startswith("From your reason, the note can say: "))
        assert "how your team handles backpressure" in shown()
        assert "Left out" not in shown()

        reason = app.compose_screen.query_one("#reason", TextArea)
        reason.load_text(
            "ask how your team handles backpressure. mutuals Ana + Ben but nobody suggested "
            "anything, keep it short"
        )
        await wait_until(pilot, lambda: "keep it short" in shown())
        said, *rest = shown().splitlines()
        lead_in = "From your reason, the note can say: I'"  # "I'd like to", "I'm hoping to"…
        assert said.startswith(lead_in)
        assert said.endswith(" to ask how your team handles backpressure.")
        assert rest == [
            "Left out as a note to yourself: “keep it short”",
            "Left out, as no sentence could be made of it: “mutuals Ana and Ben but nobody "
            "suggested anything”",
            "Say a part as you would to them, and the note can use it.",
            OURS_KEY,
        ]
        # the words warmnote wrote in are underlined: the lead-in, not the user's own words
        content = reading.visual
        assert isinstance(content, Content)
        marked = {
            content.plain[span.start : span.end]
            for span in content.spans
            if span.style == OURS_STYLE
        }
        assert "I'd" in marked or "I'm" in marked
        assert not marked & {"ask", "how", "team", "handles", "backpressure"}

        reason.load_text("")
        await wait_until(pilot, lambda: not reading.display)

        reason.load_text("ask about retries. " * 200)  # 3,800 characters
        await wait_until(pilot, lambda: shown().startswith("Your reason is 3,800 characters"))


async def test_the_reason_is_read_before_the_names_are_typed(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reason = app.compose_screen.query_one("#reason", TextArea)
        reason.load_text("compare notes on retries, no pitch")
        reading = app.compose_screen.query_one("#reason-reading", Static)
        await wait_until(pilot, lambda: reading.display)
        assert str(reading.render()).splitlines()[1:] == [
            "Left out as a note to yourself: “no pitch”",
            OURS_KEY,
        ]
        assert invalid_fields(app) == set(), "reading the reason marks no field"

"""A new draft starts with the plain note built from the form (the default): at once, whether
the model has loaded or not, and the model's wording is one ctrl+r away."""

from __future__ import annotations

import threading
from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Static, TextArea
from tui_helpers import (
    GOOD,
    GOOD_2,
    GOOD_3,
    SIZE,
    draft_example,
    fill_context,
    loads_when,
    settle,
    wait_until,
)

from warmnote.context import Context
from warmnote.drafter import Drafter, ScriptedDrafter
from warmnote.guardrails import Guardrails
from warmnote.plain_note import plain_note
from warmnote.tui.app import WarmnoteApp
from warmnote.tui.widgets.alternatives import AltCard
from warmnote.tui.widgets.verdict_list import PASSED_WITH_WARNINGS, VerdictList


def state_text(app: WarmnoteApp) -> str:
    return str(app.draft_screen.query_one("#draft-state", Static).render())


def provenance_text(app: WarmnoteApp) -> str:
    return str(app.draft_screen.query_one("#provenance", Static).render())


async def test_ctrl_g_shows_the_plain_note_and_ctrl_r_the_models(
    example_context: Context,
) -> None:
    drafter = ScriptedDrafter([GOOD])
    app = WarmnoteApp(drafter_factory=lambda: drafter)
    expected = plain_note(example_context, Guardrails.load())
    assert expected is not None and expected != GOOD
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_context(pilot, example_context)
        await pilot.press("ctrl+g")
        await app.workers.wait_for_complete()
        await settle(pilot)
        screen = app.draft_screen
        assert screen.editor.text == expected
        # The model was asked once, to tidy the plain note; its reply added words, so the plain
        # note stands.
        assert [messages[-1].content for messages, _, _ in drafter.calls] == [expected]
        assert "Built from your context's own facts" in state_text(app)
        assert "plain note built from your context" in provenance_text(app)
        assert "tidy changed more than it may" in provenance_text(app)
        assert screen.verdict is not None and screen.verdict.passed
        assert not app.draft_screen.query_one(VerdictList).violations
        # The model's prompt is processed in the background, ready for ctrl+r.
        await wait_until(pilot, lambda: "prompt prepared" in app.model_status)
        assert drafter.prefilled, "the plain note's context was processed for the model"

        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert screen.editor.text == GOOD
        assert len(drafter.calls) == 2
        assert "Passes after 1 attempt" in state_text(app)


async def test_a_late_form_change_keeps_the_prompt_prepared_for_ctrl_r(
    example_context: Context,
) -> None:
    """Under load, the form's last change events can be handled after ctrl+g; the debounce
    they start must not cancel the prompt the Draft screen prepared."""
    drafter = ScriptedDrafter([GOOD])
    app = WarmnoteApp(drafter_factory=lambda: drafter)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_context(pilot, example_context)
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: "prompt prepared" in app.model_status)
        app.prepare_prompt()  # what the debounce timer of a late form change calls
        await settle(pilot)
        assert "prompt prepared" in app.model_status


async def test_the_plain_note_does_not_wait_for_the_model_to_load(
    example_context: Context,
) -> None:
    loaded = threading.Event()
    app = WarmnoteApp(drafter_factory=loads_when(loaded))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.model_state == "loading"
        await fill_context(pilot, example_context)
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: app.draft_screen.editor.text.startswith("Hi Tomás"))
        assert "The model is tidying it; an edit keeps yours." in state_text(app)
        assert not app.draft_screen.editor.read_only, "the plain note is editable at once"
        assert app.model_state == "loading"
        loaded.set()
        await settle(pilot)
        assert app.model_state == "ready"
        assert "Built from your context's own facts" in state_text(app)


async def test_alternatives_come_from_the_model(example_context: Context) -> None:
    drafter = ScriptedDrafter([GOOD, GOOD_2, GOOD_3])
    app = WarmnoteApp(drafter_factory=lambda: drafter)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_context(pilot, example_context)
        await pilot.press("ctrl+g")
        await app.workers.wait_for_complete()
        assert len(drafter.calls) == 1  # the tidy of the plain note (GOOD adds words: refused)
        await pilot.press("ctrl+t")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert "Pick one" in state_text(app)
        assert len(drafter.calls) == 4
        cards = [card.note for card in app.draft_screen.query(AltCard)]
        assert cards == [GOOD_2, GOOD_3, GOOD_3]


async def test_a_plain_note_that_leaves_out_the_reason_says_so_above_the_note() -> None:
    context = Context.model_validate(
        {
            "scenario": "recruiter_outreach",
            "sender": {"name": "Isla Reid", "company": "Northsea Crew"},
            "recipient": {"name": "Ewan Gillies", "headline": "HV jointer", "company": "Tideway"},
            "relationship": {"familiarity": "stranger"},
            "reason": "is he open to contract work? 6-month HV jointing contract on a cable-lay "
            "vessel out of Aberdeen, starts March, day rate plus offshore allowance",
        }
    )
    app = WarmnoteApp(drafter_factory=lambda: ScriptedDrafter([GOOD]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_context(pilot, context)
        await pilot.press("ctrl+g")
        await app.workers.wait_for_complete()
        await settle(pilot)
        verdicts = app.draft_screen.query_one(VerdictList)
        assert [v.rule for v in verdicts.violations] == ["reason_kept"]
        shown = [str(verdicts.get_option_at_index(i).prompt) for i in range(verdicts.option_count)]
        assert shown[0] == PASSED_WITH_WARNINGS
        assert '"6-month HV jointing contract on a cable-lay vessel' in shown[1]


async def test_what_the_plain_note_left_out_is_listed_until_it_is_edited_back_in(
    example_context: Context,
) -> None:
    context = example_context.model_copy(
        update={
            "reason": "ask how your team handles backpressure in Kafka consumers. I'd also like "
            "to hear how you test consumer lag alerts before a release, keep it short",
            "max_chars": 200,
        }
    )
    app = WarmnoteApp(drafter_factory=lambda: ScriptedDrafter([GOOD]))
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, context)
        verdicts = app.draft_screen.query_one(VerdictList)

        def shown() -> list[str]:
            return [
                str(verdicts.get_option_at_index(i).prompt) for i in range(verdicts.option_count)
            ]

        assert not verdicts.violations
        assert shown() == [
            PASSED_WITH_WARNINGS,
            "… Left out as a note to yourself: “keep it short”",
            "… Left out to fit the limit and the rules: “I'd also like to hear how you test "
            "consumer lag alerts before a release”",
        ]
        app.draft_screen.editor.load_text(
            "Hi Tomás, how does your team handle backpressure? And how do you test consumer "
            "lag alerts before a release?"
        )
        await wait_until(pilot, lambda: len(shown()) == 2)
        assert shown()[1] == "… Left out as a note to yourself: “keep it short”"


async def test_before_any_edit_the_draft_screen_lists_all_the_note_left_out(
    example_context: Context,
) -> None:
    """Half the words of the cut sentence are in the note already: still left out until edited."""
    context = example_context.model_copy(
        update={
            "reason": "ask how your team handles backpressure in Kafka consumers. ask how your "
            "team handles retries in Kafka consumers too",
            "max_chars": 150,
        }
    )
    app = WarmnoteApp(drafter_factory=lambda: ScriptedDrafter([GOOD]))
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, context)
        screen = app.draft_screen
        assert screen.result is not None and screen.result.left_out
        verdicts = screen.query_one(VerdictList)
        shown = [str(verdicts.get_option_at_index(i).prompt) for i in range(verdicts.option_count)]
        assert shown[1:] == [f"… {item.message}" for item in screen.result.left_out]


async def test_ctrl_f_goes_back_to_the_reason_to_say_a_part_again(
    example_context: Context,
) -> None:
    context = example_context.model_copy(
        update={
            "reason": "ask how your team handles backpressure in Kafka consumers, keep it short"
        }
    )
    app = WarmnoteApp(drafter_factory=lambda: ScriptedDrafter([GOOD]))
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, context)
        assert app.screen is app.draft_screen
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: app.screen is app.compose_screen)
        reason = app.compose_screen.query_one("#reason", TextArea)
        await wait_until(pilot, lambda: app.focused is reason)
        assert reason.text == context.reason


async def test_the_model_tidies_the_plain_note_and_lists_what_it_took_out(
    example_context: Context,
) -> None:
    """The plain note shows at once; the tidy, which may only take words out, replaces it."""
    expected = plain_note(example_context, Guardrails.load())
    assert expected is not None and " last week" in expected
    tidied = expected.replace(" last week", "")
    drafter = ScriptedDrafter([tidied])
    app = WarmnoteApp(drafter_factory=lambda: drafter)
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
        screen = app.draft_screen
        assert screen.editor.text == tidied
        assert "tidied by scripted" in provenance_text(app)
        verdicts = screen.query_one(VerdictList)
        shown = [str(verdicts.get_option_at_index(i).prompt) for i in range(verdicts.option_count)]
        assert shown[-1] == (
            "… Left out by the model's tidy (type it back in if it was meant for them): “last week”"
        )


def held_back_tidy(context: Context) -> tuple[str, str, threading.Event]:
    """The plain note, a tidy of it (" last week" out), and the event that lets the model
    finish loading (and so tidy)."""
    expected = plain_note(context, Guardrails.load())
    assert expected is not None and " last week" in expected
    return expected, expected.replace(" last week", ""), threading.Event()


async def show_plain_note(pilot: Pilot[None], app: WarmnoteApp, context: Context) -> None:
    await pilot.pause()
    await fill_context(pilot, context)
    await pilot.press("ctrl+g")
    await wait_until(pilot, lambda: app.draft_screen.editor.text.startswith("Hi Tomás"))


def loading_when(loaded: threading.Event, drafter: ScriptedDrafter) -> Callable[[], Drafter]:
    def factory() -> Drafter:
        assert loaded.wait(10), "the test never let the model finish loading"
        return drafter

    return factory


async def test_an_edit_made_while_the_model_tidies_is_kept(example_context: Context) -> None:
    expected, tidied, loaded = held_back_tidy(example_context)
    app = WarmnoteApp(drafter_factory=loading_when(loaded, ScriptedDrafter([tidied])))
    async with app.run_test(size=SIZE) as pilot:
        await show_plain_note(pilot, app, example_context)
        screen = app.draft_screen
        screen.editor.insert(" Thanks!", screen.editor.document.end)
        loaded.set()
        await settle(pilot)
        assert screen.editor.text == expected + " Thanks!"
        assert "so the model's tidy was not applied" in state_text(app)


async def test_a_second_draft_gets_its_own_tidy_and_the_first_ones_is_dropped(
    example_context: Context,
) -> None:
    expected, tidied, loaded = held_back_tidy(example_context)
    app = WarmnoteApp(drafter_factory=loading_when(loaded, ScriptedDrafter([tidied])))
    async with app.run_test(size=SIZE) as pilot:
        await show_plain_note(pilot, app, example_context)
        screen = app.draft_screen
        await pilot.press("f2")  # while the first tidy waits for the model, draft again
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: screen.editor.text == expected)
        loaded.set()
        await settle(pilot)
        assert screen.editor.text == tidied
        assert "The model is tidying it" not in state_text(app)


async def test_escape_keeps_the_plain_note_as_built(example_context: Context) -> None:
    expected, tidied, loaded = held_back_tidy(example_context)
    app = WarmnoteApp(drafter_factory=loading_when(loaded, ScriptedDrafter([tidied])))
    async with app.run_test(size=SIZE) as pilot:
        await show_plain_note(pilot, app, example_context)
        await pilot.press("escape")
        loaded.set()
        await settle(pilot)
        assert app.draft_screen.editor.text == expected
        assert "tidy was cancelled" in state_text(app)

"""Draft screen: streaming, verdicts and spans, live re-checks, regenerate, alternatives,
cancellation, copy, save and the near-duplicate warning, all with a scripted model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.color import Color
from textual.widgets import OptionList, Static
from tui_helpers import (
    BOILERPLATE,
    GOOD,
    GOOD_2,
    GOOD_3,
    SIZE,
    TOO_LONG,
    GatedDrafter,
    chunks_of,
    draft_example,
    fill_context,
    settle,
    wait_until,
)

from warmnote import locations
from warmnote.context import Context
from warmnote.drafter import ScriptedDrafter
from warmnote.history import HistoryStore
from warmnote.sampling import Sampling, SeedSchedule
from warmnote.tui.app import WarmnoteApp
from warmnote.tui.widgets.alternatives import AltCard
from warmnote.tui.widgets.char_counter import CharCounter, counter_level
from warmnote.tui.widgets.verdict_list import VerdictList

# These tests follow the model's drafts; the plain note that starts a draft by default has its own.
pytestmark = pytest.mark.usefixtures("model_first")

MakeApp = Callable[..., WarmnoteApp]


def verdict_messages(app: WarmnoteApp) -> list[str]:
    return [v.message for v in app.draft_screen.query_one(VerdictList).violations]


def state_text(app: WarmnoteApp) -> str:
    return str(app.draft_screen.query_one("#draft-state", Static).render())


async def test_the_note_streams_in_chunk_by_chunk_and_ends_passing(
    make_app: MakeApp, example_context: Context
) -> None:
    drafter = GatedDrafter([GOOD])
    app = make_app(drafter=drafter)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_context(pilot, example_context)
        await pilot.press("ctrl+g")
        editor = app.draft_screen.editor
        pieces = chunks_of(GOOD)
        drafter.release(3)
        await wait_until(pilot, lambda: editor.text == "".join(pieces[:3]))
        assert editor.read_only, "the note is not editable while it streams"
        assert app.current_mode == "draft"

        drafter.release()
        await settle(pilot)
        assert editor.text == GOOD
        assert not editor.read_only
        assert app.draft_screen.verdict is not None and app.draft_screen.verdict.passed
        assert "Passes" in state_text(app)
        counter = app.draft_screen.query_one(CharCounter)
        assert str(counter.render()) == "150/300"
        assert counter.has_class("-ok")


@pytest.mark.usefixtures("no_plain_note")
async def test_a_failing_draft_lists_violations_highlights_spans_and_warns_in_red(
    make_app: MakeApp, example_context: Context
) -> None:
    app = make_app([TOO_LONG, BOILERPLATE, BOILERPLATE])
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
        screen = app.draft_screen
        assert screen.result is not None and not screen.result.passed
        assert "No attempt passed" in state_text(app)
        # The best of the three failing attempts is the over-long one (one error, not three).
        assert screen.editor.text == TOO_LONG.strip()
        assert [v.rule for v in screen.query_one(VerdictList).violations] == ["length"]
        assert screen.query_one(CharCounter).has_class("-over")
        assert screen.editor.highlighted, "the overflow is highlighted in the text"


async def test_when_no_attempt_passes_a_plain_note_is_shown_and_says_so(
    make_app: MakeApp, example_context: Context
) -> None:
    app = make_app([TOO_LONG, BOILERPLATE, BOILERPLATE])
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
        screen = app.draft_screen
        assert screen.result is not None and screen.result.provenance.origin == "plain"
        assert screen.editor.text == screen.result.text
        assert screen.editor.text not in {TOO_LONG.strip(), BOILERPLATE}
        assert screen.verdict is not None and screen.verdict.passed
        assert "plain note built from your context" in state_text(app)
        provenance = str(screen.query_one("#provenance", Static).render())
        assert provenance.startswith("plain note from the context · scripted")
        assert len(screen.result.attempts) == 3, "the model's attempts are kept beside it"


@pytest.mark.parametrize(
    ("length", "level", "colour"),
    [(150, "ok", "text-success"), (280, "near", "text-warning"), (320, "over", "text-error")],
    ids=["well-under", "near-the-limit", "over-the-limit"],
)
async def test_the_counter_changes_colour_near_and_over_the_limit(
    make_app: MakeApp, example_context: Context, length: int, level: str, colour: str
) -> None:
    app = make_app([GOOD])
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
        screen = app.draft_screen
        screen.editor.load_text((GOOD + " " + "x" * 300)[:length])
        await pilot.pause()
        counter = screen.query_one(CharCounter)
        assert str(counter.render()) == f"{length}/300"
        assert counter.has_class(f"-{level}")
        assert counter.styles.color == Color.parse(app.theme_variables[colour])


@pytest.mark.usefixtures("no_plain_note")
async def test_boilerplate_is_listed_with_its_message_and_its_span_highlighted(
    make_app: MakeApp, example_context: Context
) -> None:
    app = make_app([BOILERPLATE])
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
        screen = app.draft_screen
        rules = [v.rule for v in screen.query_one(VerdictList).violations]
        assert "boilerplate" in rules
        assert any("stock phrase" in message for message in verdict_messages(app))
        assert any("professional network" in piece for piece in screen.editor.highlighted)


@pytest.mark.usefixtures("no_plain_note")
async def test_choosing_a_violation_selects_its_span_in_the_note(
    make_app: MakeApp, example_context: Context
) -> None:
    app = make_app([BOILERPLATE])
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
        screen = app.draft_screen
        verdicts = screen.query_one(VerdictList)
        index = next(i for i, v in enumerate(verdicts.violations) if v.rule == "boilerplate")
        violation = verdicts.violations[index]
        verdicts.post_message(
            OptionList.OptionSelected(verdicts, verdicts.get_option(f"violation-{index}"), index)
        )
        await pilot.pause()
        assert screen.editor.selected_text == BOILERPLATE[violation.start : violation.end]


async def test_editing_the_note_rechecks_it_on_every_keystroke(
    make_app: MakeApp, example_context: Context
) -> None:
    app = make_app([GOOD])
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
        screen = app.draft_screen
        assert screen.verdict is not None and screen.verdict.passed
        screen.editor.focus()
        screen.editor.move_cursor(screen.editor.document.end)
        await pilot.press(*" Call me at 555-0100")
        await pilot.pause()
        assert screen.verdict is not None and not screen.verdict.passed
        assert "links" in [v.rule for v in screen.verdict.violations]
        assert str(screen.query_one(CharCounter).render()) == f"{150 + 20}/300"
        await pilot.press(*["backspace"] * 20)
        await pilot.pause()
        assert screen.verdict.passed


@pytest.mark.parametrize(
    ("length", "level"),
    [(0, "ok"), (269, "ok"), (270, "near"), (300, "near"), (301, "over")],
    ids=["empty", "under-90%", "at-90%", "at-limit", "one-over"],
)
def test_counter_level_by_share_of_the_limit(length: int, level: str) -> None:
    assert counter_level(length, 300) == level


async def test_regenerate_drafts_again_with_a_new_seed(
    make_app: MakeApp, example_context: Context
) -> None:
    drafter = ScriptedDrafter([GOOD, GOOD_2])
    app = make_app(drafter=drafter)
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.draft_screen.editor.text == GOOD_2
        assert app.draft_screen.provenance is not None
        assert app.draft_screen.provenance.seed == 1, "the session's next run seed"
        assert [seed for _, _, seed in drafter.calls] == [
            SeedSchedule.generation_seed(0),
            SeedSchedule.generation_seed(1),
        ]


async def test_three_alternatives_side_by_side_and_picking_one(
    make_app: MakeApp, example_context: Context
) -> None:
    drafter = ScriptedDrafter([GOOD, GOOD, GOOD_2, GOOD_3])
    app = make_app(drafter=drafter)
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
        await pilot.press("ctrl+t")
        await settle(pilot)
        screen = app.draft_screen
        cards = [screen.query_one(f"#alt-{slot}", AltCard) for slot in range(3)]
        assert screen.query_one("#alternatives").display
        assert [card.note for card in cards] == [GOOD, GOOD_2, GOOD_3]
        assert [seed for _, _, seed in drafter.calls] == [
            SeedSchedule.generation_seed(run) for run in range(4)
        ], "the draft's run seed, then one new run seed per alternative"
        assert [card.result.provenance.seed for card in cards if card.result] == [1, 2, 3]
        await pilot.press("3")
        await pilot.pause()
        assert screen.editor.text == GOOD_3
        assert not screen.query_one("#alternatives").display


async def test_escape_cancels_generation_between_tokens_and_keeps_the_text(
    make_app: MakeApp, example_context: Context
) -> None:
    drafter = GatedDrafter([GOOD])
    app = make_app(drafter=drafter)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_context(pilot, example_context)
        await pilot.press("ctrl+g")
        pieces = chunks_of(GOOD)
        drafter.release(2)
        editor = app.draft_screen.editor
        await wait_until(pilot, lambda: editor.text == "".join(pieces[:2]))
        await pilot.press("escape")
        drafter.release()
        await settle(pilot)
        assert drafter.yielded == [3], "the stream stopped at the first token after Escape"
        assert drafter.closed == 1
        assert len(drafter.calls) == 1, "a cancelled draft is not asked again"
        assert "Cancelled" in state_text(app)
        assert editor.text == "".join(pieces[:2]).strip()
        assert not editor.read_only


async def test_a_new_request_cancels_the_stale_one(
    make_app: MakeApp, example_context: Context
) -> None:
    drafter = GatedDrafter([BOILERPLATE, GOOD_2])
    app = make_app(drafter=drafter)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_context(pilot, example_context)
        await pilot.press("ctrl+g")
        drafter.release(2)
        editor = app.draft_screen.editor
        await wait_until(pilot, lambda: bool(editor.text))
        await pilot.press("ctrl+r")
        drafter.release()
        await settle(pilot)
        await wait_until(pilot, lambda: drafter.closed == 2)
        assert editor.text == GOOD_2
        assert drafter.yielded[0] < len(chunks_of(BOILERPLATE)), "the stale run stopped early"
        assert len(drafter.calls) == 2, "the stale run did not ask again"
        assert app.draft_screen.verdict is not None and app.draft_screen.verdict.passed


async def test_copy_puts_the_note_on_the_clipboard(
    make_app: MakeApp, example_context: Context, notes: Callable[[WarmnoteApp], list[str]]
) -> None:
    app = make_app([GOOD])
    seen = notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.clipboard == GOOD
        assert any(message.startswith("Copied the note") for message in seen)


@pytest.mark.usefixtures("no_plain_note")
async def test_copying_a_failing_note_warns_that_it_does_not_pass(
    make_app: MakeApp, example_context: Context, notes: Callable[[WarmnoteApp], list[str]]
) -> None:
    app = make_app([BOILERPLATE])
    seen = notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.clipboard == BOILERPLATE
        assert any("does not pass" in message for message in seen)


async def test_save_writes_the_note_to_the_history_database(
    make_app: MakeApp, example_context: Context
) -> None:
    app = make_app([GOOD])
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
        await pilot.press("ctrl+s")
        await pilot.pause()
    db = locations.history_db()
    assert db.is_file()
    with HistoryStore(db) as store:
        (entry,) = store.search("")
    assert entry.text == GOOD
    assert entry.passed
    assert entry.context.recipient.name == example_context.recipient.name
    assert entry.provenance is not None
    assert entry.provenance.model_name == "scripted"
    assert entry.provenance.pack == "event_followup"


async def test_a_note_nearly_identical_to_one_already_sent_is_flagged(
    make_app: MakeApp, example_context: Context
) -> None:
    with HistoryStore() as store:
        sent = store.save(example_context, GOOD.replace("Tomás", "Tomas"), _passing())
        store.mark_sent(sent)
    app = make_app([GOOD])
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
        warning = app.draft_screen.query_one("#duplicate-warning", Static)
        assert warning.display
        assert f"#{sent}" in str(warning.render())
        assert "look like a bot" in str(warning.render())


async def test_a_fresh_note_raises_no_duplicate_warning(
    make_app: MakeApp, example_context: Context
) -> None:
    with HistoryStore() as store:
        store.mark_sent(store.save(example_context, GOOD, _passing()))
    app = make_app([GOOD_3])
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
        assert not app.draft_screen.query_one("#duplicate-warning").display


class BrokenDrafter(ScriptedDrafter):
    def stream(self, messages: Any, sampling: Sampling, seed: int) -> Any:
        raise RuntimeError("backend exploded")
        yield ""  # pragma: no cover - makes this a generator


async def test_a_failing_backend_shows_draft_failed_and_the_app_keeps_running(
    make_app: MakeApp, example_context: Context, notes: Callable[[WarmnoteApp], list[str]]
) -> None:
    app = make_app(drafter=BrokenDrafter([GOOD]))
    seen = notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await draft_example(pilot, example_context)
        assert "Drafting failed: RuntimeError: backend exploded" in state_text(app)
        assert any("backend exploded" in message for message in seen)
        assert app.is_running
        assert not app.draft_screen.editor.read_only
        app.draft_screen.editor.load_text(GOOD)
        await pilot.pause()
        assert app.draft_screen.verdict is not None and app.draft_screen.verdict.passed


def _passing() -> Any:
    from warmnote.guardrails import Verdict

    return Verdict(passed=True, length=150, limit=300, violations=[])

"""History screen: saved drafts with context, verdict and provenance; search, reopen, mark as
sent and export, all against the real SQLite file under WARMNOTE_HOME."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static
from tui_helpers import GOOD, GOOD_2, SIZE, settle

from warmnote.context import Context
from warmnote.guardrails import Guardrails
from warmnote.history import HistoryStore
from warmnote.tui.app import WarmnoteApp

MakeApp = Callable[..., WarmnoteApp]


@pytest.fixture
def saved(example_context: Context) -> list[int]:
    """Two saved drafts: one for the example recipient, one for somebody else."""
    guardrails = Guardrails.load()
    other = example_context.model_copy(
        update={
            "recipient": example_context.recipient.model_copy(
                update={"name": "Ana López", "company": "Mapfre"}
            )
        }
    )
    with HistoryStore() as store:
        return [
            store.save(example_context, GOOD, guardrails.check(GOOD, example_context)),
            store.save(other, GOOD_2, guardrails.check(GOOD_2, other)),
        ]


def rows(app: WarmnoteApp) -> list[str]:
    table = app.history_screen.query_one(DataTable)
    return [str(table.get_row_at(index)[2]) for index in range(table.row_count)]


def detail(app: WarmnoteApp) -> str:
    return str(app.history_screen.query_one("#history-detail", Static).render())


async def open_history(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("f4")
    await settle(pilot)


async def test_history_lists_drafts_newest_first_with_their_details(
    make_app: MakeApp, saved: list[int]
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        assert rows(app) == ["Ana López", "Tomás Herrera"]
        text = detail(app)
        assert f"#{saved[1]}" in text
        assert "To: Ana López" in text
        assert "Verdict: does not pass" in text, "Ana's note names Tomás"
        assert "'Tomás' is not in the context" in text
        assert "Provenance: none recorded" in text
        assert "Reason: keep learning" in text
        assert GOOD_2.split(",")[0] in text
        assert "Sent: not yet" in text


async def test_search_filters_by_name_company_or_words_of_the_note(
    make_app: MakeApp, saved: list[int]
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("ctrl+l", *"mapfre")
        await pilot.pause()
        assert rows(app) == ["Ana López"]
        app.history_screen.query_one("#history-search", Input).value = "zzz-nothing"
        await pilot.pause()
        assert rows(app) == []
        assert detail(app) == "No saved draft matches."


async def test_reopen_puts_the_context_back_into_compose_and_the_note_into_draft(
    make_app: MakeApp, saved: list[int], example_context: Context
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("down", "ctrl+o")
        await settle(pilot)
        assert app.current_mode == "compose"
        values = app.compose_screen.values()
        assert values["recipient-name"] == "Tomás Herrera"
        assert values["where"] == example_context.relationship.where
        assert app.compose_screen.current_context() == example_context
        await pilot.press("f3")
        await settle(pilot)
        assert app.draft_screen.editor.text == GOOD
        assert app.draft_screen.verdict is not None and app.draft_screen.verdict.passed
        title = str(app.draft_screen.query_one("#draft-title").render())
        assert title == "Note to Tomás Herrera · event_followup · limit 300"


async def test_mark_sent_records_it_in_the_database(make_app: MakeApp, saved: list[int]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Sent: 20" in detail(app)
        assert app.history_screen.query_one(DataTable).get_row_at(0)[4] == "✓"
    with HistoryStore() as store:
        assert store.get(saved[1]).sent_at is not None
        assert store.get(saved[0]).sent_at is None


@pytest.mark.parametrize(("key", "suffix"), [("f6", "csv"), ("f7", "json")], ids=["csv", "json"])
async def test_export_writes_every_saved_draft(
    make_app: MakeApp, saved: list[int], tmp_path: Path, key: str, suffix: str
) -> None:
    target = tmp_path / f"export.{suffix}"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press(key)
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
    if suffix == "csv":
        with target.open(encoding="utf-8", newline="") as handle:
            records = list(csv.DictReader(handle))
        assert [r["recipient"] for r in records] == ["Tomás Herrera", "Ana López"]
        assert records[0]["text"] == GOOD
    else:
        records = json.loads(target.read_text(encoding="utf-8"))
        assert [r["id"] for r in records] == saved
        assert records[1]["text"] == GOOD_2


async def test_escape_cancels_an_export(
    make_app: MakeApp, saved: list[int], tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("f6")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "no.csv")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.history_screen
    assert not (tmp_path / "no.csv").exists()

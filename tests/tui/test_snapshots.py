"""Snapshots of every screen at a fixed size, with a scripted model, fixed clocks and no blinking.

Update the SVGs after an intended change: ``pytest tests/tui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import SimpleNamespace
from typing import Any

import pytest
from textual.pilot import Pilot
from tui_helpers import BOILERPLATE, GOOD, GOOD_2, GOOD_3, SIZE, draft_example, settle

from warmnote import history, pipeline
from warmnote.autosave import Autosave
from warmnote.context import Context
from warmnote.guardrails import Guardrails
from warmnote.history import HistoryStore
from warmnote.tui.app import WarmnoteApp

SnapCompare = Callable[..., bool]
MakeApp = Callable[..., WarmnoteApp]
Steps = Callable[[Pilot[Any]], Awaitable[None]]


@pytest.fixture(autouse=True)
def fixed_clocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Timings and dates would differ run to run; pin them (only inside warmnote's modules)."""
    monkeypatch.setattr(pipeline, "time", SimpleNamespace(perf_counter=lambda: 100.0))
    monkeypatch.setattr(history, "_now", lambda: "2025-03-14T12:00:00.000000+00:00")


def keys(*presses: str) -> Steps:
    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press(*presses)
        await settle(pilot)

    return run


def drafted(context: Context, *presses: str) -> Steps:
    async def run(pilot: Pilot[Any]) -> None:
        await draft_example(pilot, context)
        if presses:
            await pilot.press(*presses)
            await settle(pilot)

    return run


def test_compose_empty(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys())


def test_compose_with_inline_errors(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys("ctrl+g"))


def test_draft_plain_note_first(
    snap_compare: SnapCompare, make_app: MakeApp, example_context: Context
) -> None:
    app = make_app([GOOD])
    assert snap_compare(app, terminal_size=SIZE, run_before=drafted(example_context))


@pytest.mark.usefixtures("model_first")
def test_draft_passing(
    snap_compare: SnapCompare, make_app: MakeApp, example_context: Context
) -> None:
    app = make_app([GOOD])
    assert snap_compare(app, terminal_size=SIZE, run_before=drafted(example_context))


@pytest.mark.usefixtures("no_plain_note")
def test_draft_failing_with_violations(
    snap_compare: SnapCompare, make_app: MakeApp, example_context: Context
) -> None:
    app = make_app([BOILERPLATE])
    assert snap_compare(app, terminal_size=SIZE, run_before=drafted(example_context))


@pytest.mark.usefixtures("model_first")
def test_draft_three_alternatives(
    snap_compare: SnapCompare, make_app: MakeApp, example_context: Context
) -> None:
    app = make_app([GOOD, GOOD, GOOD_2, GOOD_3])
    steps = drafted(example_context, "ctrl+t")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps)


def test_history(snap_compare: SnapCompare, make_app: MakeApp, example_context: Context) -> None:
    guardrails = Guardrails.load()
    with HistoryStore() as store:
        first = store.save(example_context, GOOD, guardrails.check(GOOD, example_context))
        store.save(example_context, BOILERPLATE, guardrails.check(BOILERPLATE, example_context))
        store.mark_sent(first)
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys("f4"))


def test_packs(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys("f5"))


def test_restore_offer(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    Autosave().save({"form": {"recipient-name": "Ana López"}, "draft": {"text": "Hi Ana, …"}})
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys())

"""Nothing pasted or saved drives the terminal: escape sequences and bidi controls are dropped
from pasted text and shown as visible escapes where stored text is displayed."""

from __future__ import annotations

import re
from collections.abc import Callable

from textual import events
from textual.widgets import DataTable, Input, Static
from tui_helpers import GOOD, SIZE, settle, wait_until

from warmnote.context import Context
from warmnote.guardrails import Guardrails
from warmnote.history import HistoryStore
from warmnote.tui.app import WarmnoteApp

MakeApp = Callable[..., WarmnoteApp]
HOSTILE = "Sam\x1b]0;pwned\x07 \x1b[2J\u202eXoL\x9b31m"
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


async def test_a_pasted_escape_sequence_never_reaches_a_field(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        field = app.compose_screen.query_one("#sender-name", Input)
        field.focus()
        await pilot.pause()
        app.post_message(events.Paste(HOSTILE))
        await wait_until(pilot, lambda: field.value.startswith("Sam"))
        assert UNSAFE.findall(field.value) == []
        assert "pwned" in field.value  # the words stay; only the controls go


async def test_stored_controls_are_shown_as_escapes_in_history(
    make_app: MakeApp, example_context: Context
) -> None:
    recipient = example_context.recipient.model_copy(update={"name": HOSTILE})
    context = example_context.model_copy(update={"recipient": recipient})
    with HistoryStore() as store:
        store.save(context, GOOD, Guardrails.load().check(GOOD, context))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        table = app.history_screen.query_one(DataTable)
        name = str(table.get_row_at(0)[2])
        shown = str(app.history_screen.query_one("#history-detail", Static).render())
        for text in (name, shown):
            assert UNSAFE.findall(text) == []
            assert "\\x1b]0;pwned" in text

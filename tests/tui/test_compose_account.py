"""Compose and the LinkedIn account: the monthly note quota line, the account's default limit,
and the "already connected" warning from an imported export."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from textual.widgets import Input, Select, Static
from tui_helpers import SIZE, settle

from warmnote import locations
from warmnote.guardrails import Verdict
from warmnote.history import HistoryStore
from warmnote.linkedin_export import Connection, Invitation
from warmnote.tui.app import WarmnoteApp

MakeApp = Callable[..., WarmnoteApp]
NUMBERS = itertools.count()


def configure(text: str) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def sent_notes(when: list[datetime]) -> None:
    """Notes sent at these times, as an imported Invitations.csv records them."""
    invitations = []
    for moment in when:
        number = next(NUMBERS)  # a note the same as one already there would not be added
        invitations.append(
            Invitation("Me", f"Person {number}", moment, f"Hi, note number {number}", "OUTGOING")
        )
    verdict = Verdict(passed=True, length=20, limit=300, violations=[])
    with HistoryStore() as store:
        store.import_invitations(invitations, lambda text: verdict)


def quota_line(app: WarmnoteApp) -> Static:
    return app.compose_screen.query_one("#quota-line", Static)


def last_month() -> datetime:
    start = datetime.now().astimezone().replace(day=1, hour=0, minute=0, second=0)
    return (start - timedelta(days=1)).astimezone(UTC)


@pytest.mark.parametrize(
    ("config", "sent", "shown", "warning"),
    [
        ('account = "free"\n', 3, "3 of 5 notes this month", False),
        ('account = "free"\n', 5, "5 of 5 notes this month: the quota is used up", True),
        ('account = "free"\nmonthly_note_quota = 3\n', 4, "4 of 3 notes this month", True),
        ('account = "premium"\nmonthly_note_quota = 20\n', 2, "2 of 20 notes this month", False),
        ('account = "free"\n', 0, "0 of 5 notes this month", False),
    ],
)
async def test_the_quota_line_counts_this_months_notes(
    make_app: MakeApp, config: str, sent: int, shown: str, warning: bool
) -> None:
    configure(config)
    now = datetime.now(UTC)
    sent_notes([now] * sent + [last_month()] * 2)  # last month's notes do not count
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        line = quota_line(app)
        assert line.display
        assert str(line.render()).startswith(shown)
        assert line.has_class("-warning") == warning


async def test_a_premium_account_shows_no_quota(make_app: MakeApp) -> None:
    sent_notes([datetime.now(UTC)] * 7)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not quota_line(app).display


async def test_the_count_follows_notes_marked_sent_meanwhile(make_app: MakeApp) -> None:
    configure('account = "free"\n')
    sent_notes([datetime.now(UTC)])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert str(quota_line(app).render()) == "1 of 5 notes this month"
        sent_notes([datetime.now(UTC)] * 2)  # e.g. marked sent on the History screen
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert str(quota_line(app).render()) == "3 of 5 notes this month"


@pytest.mark.parametrize(("account", "limit"), [("free", "200"), ("premium", "300")])
async def test_the_account_sets_the_default_limit(
    make_app: MakeApp, account: str, limit: str
) -> None:
    configure(f'account = "{account}"\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.compose_screen.query_one("#limit", Select).value == limit


async def test_an_imported_connection_is_warned_about(make_app: MakeApp) -> None:
    with HistoryStore() as store:
        store.import_connections(
            [Connection("Ana", "Souza", "", "", "Brightmart", "CTO", date(2026, 2, 8))]
        )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        warning = app.compose_screen.query_one("#connected-warning", Static)
        name = app.compose_screen.query_one("#recipient-name", Input)
        name.focus()
        await pilot.press(*"ana souza")
        await pilot.pause()
        assert warning.display
        assert str(warning.render()) == "⚠ ana souza: already connected since 08 Feb 2026"
        await pilot.press("x")
        await pilot.pause()
        assert not warning.display

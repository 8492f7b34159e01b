"""The account type and the monthly note quota: settings, the default limit, the monthly count."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from warmnote import locations
from warmnote.context import Context
from warmnote.errors import InputError
from warmnote.guardrails import Verdict
from warmnote.history import HistoryStore
from warmnote.linkedin_export import Invitation
from warmnote.settings import Settings, load_settings

PASS = Verdict(passed=True, length=40, limit=300, violations=[])
CONTEXT = {
    "scenario": "event_followup",
    "sender": {"name": "Priya Raman"},
    "recipient": {"name": "Tomás Herrera"},
    "relationship": {"familiarity": "met_once", "where": "PyData Lisbon"},
}


def configure(text: str) -> Settings:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_settings()


@pytest.mark.parametrize(
    ("config", "limit", "quota"),
    [
        ("", 300, None),
        ('account = "premium"\n', 300, None),
        ('account = "free"\n', 200, 5),
        ('account = "free"\nmonthly_note_quota = 3\n', 200, 3),
        ('account = "free"\nmonthly_note_quota = 0\n', 200, 0),
        ('account = "premium"\nmonthly_note_quota = 100\n', 300, 100),
    ],
)
def test_the_account_sets_limit_and_quota(config: str, limit: int, quota: int | None) -> None:
    settings = configure(config)
    assert settings.note_limit == limit
    assert settings.note_quota == quota


@pytest.mark.parametrize(
    ("config", "field"),
    [
        ('account = "business"\n', "account"),
        ("monthly_note_quota = -1\n", "monthly_note_quota"),
        ('monthly_note_quota = "five"\n', "monthly_note_quota"),
    ],
)
def test_a_bad_account_setting_names_the_field(config: str, field: str) -> None:
    with pytest.raises(InputError) as caught:
        configure(config)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("account", "given", "expected"),
    [("free", None, 200), ("premium", None, 300), ("free", 300, 300), ("premium", 150, 150)],
)
def test_a_context_limit_beats_the_account(account: str, given: int | None, expected: int) -> None:
    data = dict(CONTEXT) if given is None else {**CONTEXT, "max_chars": given}
    context = Context.model_validate(data)
    assert Settings(account=account).with_limit(context).max_chars == expected


def test_draft_uses_the_account_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`warmnote draft` on a context without max_chars judges against the account's limit."""
    from warmnote import session as session_module
    from warmnote.cli import main
    from warmnote.drafter import ScriptedDrafter
    from warmnote.session import DraftingSession

    configure('account = "free"\n')
    long_note = "Hi Tomás, good to meet you at PyData Lisbon. " + "I'd love to compare notes. " * 7
    drafter = ScriptedDrafter([long_note])

    def open_session(settings: Settings, **_: object) -> DraftingSession:
        return DraftingSession(settings, make_drafter=lambda: drafter)

    monkeypatch.setattr(session_module, "open_session", open_session)
    path = tmp_path / "context.json"
    path.write_text(json.dumps({**CONTEXT, "reason": "compare notes"}), encoding="utf-8")
    main(["draft", "--context", str(path), "--json", "--attempts", "1"])
    out = json.loads(capsys.readouterr().out)
    lengths = [a["verdict"]["limit"] for a in out["attempts"]]
    assert lengths == [200]


def sent_at(*moments: datetime) -> None:
    invitations = [
        Invitation("Me", f"Person {i}", moment, f"Note {i}", "OUTGOING")
        for i, moment in enumerate(moments)
    ]
    with HistoryStore() as store:
        store.import_invitations(invitations, lambda text: PASS)


@pytest.fixture(params=["UTC", "Asia/Kolkata", "America/Los_Angeles"])
def zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The month is the person's local month: 1 March 00:30 in Kolkata is still February in UTC."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def local(*args: int) -> datetime:
    return datetime(*args).astimezone()  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ((2026, 3, 15, 12), 3),  # 1 Mar 00:00, 10 Mar and 31 Mar 23:59 local
        ((2026, 2, 28, 23, 59), 1),  # 28 Feb 23:59:59 local
        ((2026, 4, 1, 0, 0), 1),  # 1 Apr 00:00 local
        ((2025, 12, 31, 9), 1),  # December wraps into the next year
        ((2026, 1, 1, 9), 0),
    ],
)
def test_notes_sent_this_calendar_month(zone: str, now: tuple[int, ...], expected: int) -> None:
    sent_at(
        local(2026, 2, 28, 23, 59, 59).astimezone(UTC),
        local(2026, 3, 1, 0, 0).astimezone(UTC),
        local(2026, 3, 10, 8).astimezone(UTC),
        local(2026, 3, 31, 23, 59).astimezone(UTC),
        local(2026, 4, 1, 0, 0).astimezone(UTC),
        local(2025, 12, 31, 23, 0).astimezone(UTC),
    )
    with HistoryStore() as store:
        assert store.notes_sent_in_month(local(*now)) == expected


def test_only_notes_marked_sent_count() -> None:
    context = Context.model_validate(CONTEXT)
    with HistoryStore() as store:
        first = store.save(context, "Hi Tomás, one.", PASS)
        store.save(context, "Hi Tomás, two.", PASS)
        assert store.notes_sent_in_month() == 0
        store.mark_sent(first)
        assert store.notes_sent_in_month() == 1
        assert store.notes_sent_in_month(datetime.now(UTC) + timedelta(days=40)) == 0

"""Importing LinkedIn's export into history: sent notes, connections, re-imports, the schema."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from warmnote import locations
from warmnote.cli import main
from warmnote.context import Context, load_context
from warmnote.guardrails import Guardrails, Verdict
from warmnote.history import IMPORTED_SCENARIO, SCHEMA_VERSION, HistoryStore
from warmnote.linkedin_export import Connection, Invitation

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "event_followup.json"
PASS = Verdict(passed=True, length=40, limit=300, violations=[])
NOTE = "Hi Oskar, your post on deleting noisy alerts was great; how did you choose them?"
CONNECTIONS = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    'missing."\n\n'
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ana,Souza,https://www.linkedin.com/in/ana-souza,,Brightmart,CTO,08 Feb 2026\n"
    "Ana,Souza,https://www.linkedin.com/in/ana-souza-2,,Other,CFO,01 Mar 2024\n"
    "Tomás,Herrera,,,Corvid,,15 Jan 2025\n"
)
INVITATIONS = (
    "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    f'Mei Lin,Oskar Nilsson,"1/29/26, 2:37 PM","{NOTE}",OUTGOING,,https://www.linkedin.com/in/oskar\n'
    'Mei Lin,Sam Carter,"1/30/26, 9:00 AM",,OUTGOING,,\n'
    'Jo Bloggs,Mei Lin,"1/30/26, 9:01 AM","Hi Mei, let us connect.",INCOMING,,\n'
)


@pytest.fixture
def example_context() -> Context:
    return load_context(EXAMPLE)


def invitation(to: str = "Oskar Nilsson", message: str = NOTE, **kw: object) -> Invitation:
    fields: dict[str, object] = {
        "from_name": "Mei Lin",
        "to_name": to,
        "sent_at": datetime(2026, 1, 29, 14, 37, tzinfo=UTC),
        "message": message,
        "direction": "OUTGOING",
    }
    fields.update(kw)
    return Invitation(**fields)  # type: ignore[arg-type]


def test_sent_notes_become_sent_drafts_once() -> None:
    with HistoryStore() as store:
        assert store.import_invitations([invitation()], lambda text: PASS) == 1
        assert store.import_invitations([invitation()], lambda text: PASS) == 0
        (entry,) = store.search()
    assert entry.text == NOTE
    assert entry.sent_at == datetime(2026, 1, 29, 14, 37, tzinfo=UTC)
    assert entry.context.scenario == IMPORTED_SCENARIO
    assert entry.context.recipient.name == "Oskar Nilsson"
    assert entry.provenance is None


@pytest.mark.parametrize(
    "left_out",
    [
        invitation(direction="INCOMING"),
        invitation(message=""),
        invitation(message="   "),
        invitation(to=""),
    ],
    ids=["incoming", "empty", "blank", "no-recipient"],
)
def test_invitations_without_a_sent_note_are_left_out(left_out: Invitation) -> None:
    with HistoryStore() as store:
        assert store.import_invitations([left_out], lambda text: PASS) == 0
        assert store.search() == []


def test_a_note_marked_sent_in_warmnote_is_not_imported_twice(example_context: Context) -> None:
    text = "Hi Tomás, I enjoyed your talk. I'd love to hear more about backpressure."
    with HistoryStore() as store:
        store.mark_sent(store.save(example_context, text, PASS))
        sent = invitation(to="Tomás Herrera", message=text.replace("I'd", "I’d"))
        assert store.import_invitations([sent], lambda text: PASS) == 0
        assert len(store.search()) == 1


def test_near_duplicate_warnings_see_imported_notes() -> None:
    with HistoryStore() as store:
        store.import_invitations([invitation()], lambda text: PASS)
        matches = store.similar_sent(NOTE.replace("great;", "great!"))
    assert [entry.context.recipient.name for entry, _ in matches] == ["Oskar Nilsson"]


def connection(first: str, last: str, url: str, on: date) -> Connection:
    return Connection(first, last, url, "", "", "", on)


def test_connections_are_found_by_name_or_profile() -> None:
    with HistoryStore() as store:
        added = store.import_connections(
            [
                connection(
                    "Ana", "Souza", "https://www.linkedin.com/in/ana-souza", date(2026, 2, 8)
                ),
                connection("Ana", "Souza", "https://www.linkedin.com/in/ana-2", date(2024, 3, 1)),
            ]
        )
        assert added == 2
        assert store.connected_since("ana  SOUZA") == date(2024, 3, 1)  # the earliest
        assert store.connected_since(url="linkedin.com/in/ana-souza/") == date(2026, 2, 8)
        assert store.connected_since("Ana Sousa") is None
        assert store.connected_since("") is None
        assert store.connected_since("Ana Souza", url="https://linkedin.com/in/other") is None


def test_reimporting_connections_adds_nothing() -> None:
    rows = [connection("Ana", "Souza", "", date(2026, 2, 8))]
    with HistoryStore() as store:
        assert store.import_connections(rows) == 1
        assert store.import_connections(rows) == 0
        assert store.import_connections([*rows, connection("Bo", "Li", "", date(2026, 1, 1))]) == 1


def test_a_version_1_history_is_migrated_and_keeps_its_drafts(example_context: Context) -> None:
    path = locations.history_db()
    with HistoryStore() as store:
        kept = store.save(example_context, "Hi Tomás, hello.", PASS)
    raw = sqlite3.connect(path)
    raw.executescript("DROP TABLE connections; DROP INDEX drafts_sent_at; PRAGMA user_version = 1;")
    raw.close()
    with HistoryStore() as store:
        assert store.get(kept).text == "Hi Tomás, hello."
        store.import_connections([connection("Ana", "Souza", "", date(2026, 2, 8))])
        assert store.connected_since("Ana Souza") == date(2026, 2, 8)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    raw.close()


# The command ---------------------------------------------------------------------------------


def export_zip(folder: Path) -> Path:
    path = folder / "Basic_LinkedInDataExport.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Connections.csv", CONNECTIONS)
        archive.writestr("Invitations.csv", INVITATIONS)
    return path


def test_history_import_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = export_zip(tmp_path)
    assert main(["history", "import", str(path)]) == 0
    first = capsys.readouterr().out
    assert "connections: 3 new of 3" in first
    assert "sent notes: 1 new of 1" in first
    assert main(["history", "import", str(path)]) == 0
    again = capsys.readouterr().out
    assert "connections: 0 new of 3" in again
    assert "sent notes: 0 new of 1" in again
    with HistoryStore() as store:
        (entry,) = store.search()
        assert store.connected_since("Tomás Herrera") == date(2025, 1, 15)
    # The verdict is the guardrails' own on the note's text.
    assert entry.verdict == Guardrails.load().check(NOTE)


@pytest.mark.parametrize("name", ["Connections.csv", "Invitations.csv"])
def test_history_import_one_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = tmp_path / name
    path.write_text(CONNECTIONS if name.startswith("C") else INVITATIONS, encoding="utf-8")
    assert main(["history", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert ("connections: 3 new" in out) == name.startswith("C")
    assert ("sent notes: 1 new" in out) == name.startswith("I")


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (None, "file not found"),
        (b"PK\x03\x04 not really a zip", "not a LinkedIn"),
        (b"a,b\n1,2\n", "not a LinkedIn Connections.csv or Invitations.csv"),
    ],
)
def test_history_import_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, fragment: str
) -> None:
    path = tmp_path / "export.csv"
    if content is not None:
        path.write_bytes(content)
    assert main(["history", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert fragment in err
    assert len(err.strip().splitlines()) == 1


def test_history_import_warns_about_each_bad_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(CONNECTIONS + "Bo,Li,,,,,yesterday\n", encoding="utf-8")
    assert main(["history", "import", str(path)]) == 0
    captured = capsys.readouterr()
    assert f"warning: {path}:8: Connected On: not a date: 'yesterday'" in captured.err
    assert "connections: 3 new of 3" in captured.out

"""Reading LinkedIn's data export: the zip, Invitations.csv, Connections.csv and their quirks."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warmnote import linkedin_export
from warmnote.cli import main
from warmnote.errors import InputError
from warmnote.linkedin_export import Connection, profile_key, read_export

NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their "
    'connections to see or download their email address using this setting."\n'
    "\n"
)
CONNECTIONS = NOTES + (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    'Ana,Souza,https://www.linkedin.com/in/ana-souza,,Brightmart,"Head of Data, EMEA",08 Feb 2026\n'
    "王,伟,https://www.linkedin.com/in/wangwei,wei@example.com,,,29 Jan 2026\n"
)
INVITATIONS_OLD = (
    "From,To,Sent At,Message,Direction\n"
    'Mei Lin,Oskar Nilsson,"1/29/26, 2:37 PM","Hi Oskar, loved your post on alerts.",OUTGOING\n'
    'Jo Bloggs,Mei Lin,"1/30/26, 9:01 AM",,INCOMING\n'
)
INVITATIONS_NEW = (
    "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    'Mei Lin,Oskar Nilsson,"1/29/26, 2:37 PM","Hi Oskar,\nloved your post.",OUTGOING,'
    "https://www.linkedin.com/in/mei,https://www.linkedin.com/in/oskar\n"
    'Mei Lin,Sam Carter,"2/1/26, 12:05 AM",,OUTGOING,,\n'
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_connections_skip_the_notes_preamble(tmp_path: Path) -> None:
    data = read_export(write(tmp_path / "Connections.csv", CONNECTIONS))
    assert data.problems == []
    assert data.invitations == []
    assert data.connections == [
        Connection(
            "Ana",
            "Souza",
            "https://www.linkedin.com/in/ana-souza",
            "",
            "Brightmart",
            "Head of Data, EMEA",
            date(2026, 2, 8),
        ),
        Connection(
            "王",
            "伟",
            "https://www.linkedin.com/in/wangwei",
            "wei@example.com",
            "",
            "",
            date(2026, 1, 29),
        ),
    ]
    assert data.connections[1].name == "王 伟"


@pytest.mark.parametrize(
    ("text", "newer"), [(INVITATIONS_OLD, False), (INVITATIONS_NEW, True)], ids=["old", "new"]
)
def test_invitations_with_and_without_profile_urls(tmp_path: Path, text: str, newer: bool) -> None:
    data = read_export(write(tmp_path / "Invitations.csv", text))
    first, second = data.invitations
    assert first.sent_at == datetime(2026, 1, 29, 14, 37, tzinfo=UTC)
    assert first.outgoing and first.to_name == "Oskar Nilsson"
    assert first.message.startswith("Hi Oskar,")
    assert second.message == ""
    assert first.invitee_url == ("https://www.linkedin.com/in/oskar" if newer else "")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1/29/26, 2:37 PM", datetime(2026, 1, 29, 14, 37)),
        ("12/31/25, 11:05 AM", datetime(2025, 12, 31, 11, 5)),
        ("2/1/26, 12:05 AM", datetime(2026, 2, 1, 0, 5)),
        ("2/1/2026, 12:05 PM", datetime(2026, 2, 1, 12, 5)),
        ("1/29/26,  2:37\u202fPM", datetime(2026, 1, 29, 14, 37)),  # narrow no-break space
        ("2026-01-29 14:37:05 UTC", datetime(2026, 1, 29, 14, 37, 5)),
    ],
)
def test_sent_at_formats(tmp_path: Path, cell: str, expected: datetime) -> None:
    text = f'From,To,Sent At,Message,Direction\nA,B,"{cell}",Hi,OUTGOING\n'
    (invitation,) = read_export(write(tmp_path / "Invitations.csv", text)).invitations
    assert invitation.sent_at == expected.replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("08 Feb 2026", date(2026, 2, 8)),
        ("8 Feb 2026", date(2026, 2, 8)),
        ("2/8/26", date(2026, 2, 8)),
        ("2026-02-08", date(2026, 2, 8)),
    ],
)
def test_connected_on_formats(tmp_path: Path, cell: str, expected: date) -> None:
    text = f"First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,{cell}\n"
    (connection,) = read_export(write(tmp_path / "Connections.csv", text)).connections
    assert connection.connected_on == expected


def test_a_bad_row_is_named_and_the_others_read(tmp_path: Path) -> None:
    text = CONNECTIONS + "Tomás,Ferreira,,,,,someday\n,,,,,,08 Feb 2026\n"
    path = write(tmp_path / "Connections.csv", text)
    data = read_export(path)
    assert len(data.connections) == 2
    assert data.problems == [
        f"{path}:7: Connected On: not a date: 'someday'",
        f"{path}:8: a connection with no name and no URL, skipped",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,email\nAna,a@example.com\n", "not a LinkedIn Connections.csv or Invitations.csv"),
        ("", "not a LinkedIn Connections.csv or Invitations.csv"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(
    tmp_path: Path, content: str, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        read_export(write(tmp_path / "other.csv", content))


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(CONNECTIONS.encode("utf-8") + b"Jos\xe9,A,,,,,08 Feb 2026\n")
    with pytest.raises(InputError, match="byte 0xe9 on line 7"):
        read_export(path)


def test_a_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "Invitations.csv"
    path.write_bytes(b"\xef\xbb\xbf" + INVITATIONS_OLD.encode("utf-8"))
    assert len(read_export(path).invitations) == 2


def make_zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


def test_the_export_zip_reads_both_files(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "Basic_LinkedInDataExport_02-09-2026.zip",
        {
            "Connections.csv": CONNECTIONS,
            "Invitations.csv": INVITATIONS_NEW,
            "Profile.csv": "First Name,Last Name\nMei,Lin\n",
            "messages.csv": "FROM,TO,CONTENT\n",
        },
    )
    data = read_export(path)
    assert (len(data.connections), len(data.invitations)) == (2, 2)
    assert data.files == [f"{path}:Connections.csv", f"{path}:Invitations.csv"]


def test_a_zip_without_the_files_is_refused(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "export.zip", {"Profile.csv": "First Name\nMei\n"})
    with pytest.raises(InputError, match=r"holds no Connections\.csv or Invitations\.csv"):
        read_export(path)


def test_an_oversized_member_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(linkedin_export, "MAX_EXPORT_BYTES", 100)
    path = make_zip(tmp_path / "export.zip", {"Connections.csv": CONNECTIONS})
    with pytest.raises(InputError, match="larger than 100 bytes"):
        read_export(path)


def _encrypt_flag(data: bytearray) -> None:
    """Mark the member encrypted, in its local header and its central directory entry."""
    data[6] |= 0x1
    data[data.index(b"PK\x01\x02") + 8] |= 0x1


def _member_data(data: bytearray) -> tuple[int, int]:
    """Where the first member's compressed bytes start, and how many there are."""
    start = 30 + int.from_bytes(data[26:28], "little") + int.from_bytes(data[28:30], "little")
    return start, int.from_bytes(data[18:22], "little")


def _break_deflate(data: bytearray) -> None:
    """The first deflate block gets type 3, which does not exist."""
    start, _ = _member_data(data)
    data[start] = 0x07


def _zero_deflate_tail(data: bytearray) -> None:
    """The second half of the compressed bytes become zeros, as on a bad download."""
    start, size = _member_data(data)
    data[start + size // 2 : start + size] = bytes(size - size // 2)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_encrypt_flag, "encrypted"),
        (_break_deflate, "damaged in the zip"),
        (_zero_deflate_tail, "damaged in the zip"),
    ],
)
def test_an_unreadable_member_is_one_line_naming_it(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    damage: Callable[[bytearray], None],
    message: str,
) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Connections.csv", CONNECTIONS * 20)
    data = bytearray(path.read_bytes())
    damage(data)
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match=message) as caught:
        read_export(path)
    assert caught.value.file == f"{path}:Connections.csv"
    assert main(["history", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Connections.csv" in err
    assert len(err.strip().splitlines()) == 1


def test_a_member_is_refused_by_the_bytes_read_not_its_declared_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_zip(tmp_path / "export.zip", {"Connections.csv": CONNECTIONS})
    size = len(CONNECTIONS.encode("utf-8"))
    monkeypatch.setattr(linkedin_export, "MAX_EXPORT_BYTES", size - 1)
    real_infolist = zipfile.ZipFile.infolist

    def lying_infolist(self: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
        infos = real_infolist(self)
        for info in infos:
            info.file_size = 1  # the header claims a tiny member
        return infos

    monkeypatch.setattr(zipfile.ZipFile, "infolist", lying_infolist)
    monkeypatch.setattr(
        zipfile.ZipFile,
        "open",
        lambda self, info, *args, **kw: io.BytesIO(CONNECTIONS.encode("utf-8")),
    )
    with pytest.raises(InputError, match=f"larger than {size - 1} bytes"):
        read_export(path)


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.linkedin.com/in/Ana-Souza/", "linkedin.com/in/ana-souza"),
        ("http://linkedin.com/in/ana-souza?trk=x", "linkedin.com/in/ana-souza"),
        ("www.linkedin.com/in/ana-souza#about", "linkedin.com/in/ana-souza"),
        ("", ""),
    ],
)
def test_profile_key(url: str, key: str) -> None:
    assert profile_key(url) == key


cell = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Zs")), min_size=1, max_size=20
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(cell, cell, cell, st.dates(date(2003, 1, 1), date(2030, 12, 31)))))
def test_connections_round_trip(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, str, str, date]]
) -> None:
    """Whatever the names and companies hold (commas, quotes, any script), they read back."""
    out = io.StringIO()
    out.write(NOTES)
    writer = csv.writer(out)
    writer.writerow(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    )
    for first, last, company, day in rows:
        writer.writerow([first, last, "", "", company, "", day.strftime("%d %b %Y")])
    path = tmp_path_factory.mktemp("export") / "Connections.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    data = read_export(path)
    assert data.problems == []
    assert [
        (c.first_name, c.last_name, c.company, c.connected_on) for c in data.connections
    ] == rows

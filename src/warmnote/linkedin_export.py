"""Reading LinkedIn's data export: the zip, its Invitations.csv and its Connections.csv.

The files are recognised by their header row, not their name, so a renamed file still reads.
Connections.csv starts with a few "Notes:" lines before its header; those and anything else
before the header are skipped. A row that cannot be read (a date in no known format, no name)
is reported by its line and skipped; the others still import.
"""

from __future__ import annotations

import csv
import io
import lzma
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from warmnote.errors import InputError
from warmnote.files import decode_text, read_bytes_bounded
from warmnote.tabular import csv_rows

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

MAX_EXPORT_BYTES = 64 << 20
"""64 MiB a CSV: a 30,000-connection Connections.csv is about 3 MB."""
EXPORT_FILES = ("connections.csv", "invitations.csv")

CONNECTION_HEADER = ("first name", "last name", "url", "company", "position", "connected on")
INVITATION_HEADER = ("from", "to", "sent at", "message", "direction")

SENT_AT_FORMATS = (
    "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y, %I:%M %p",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S UTC",
)
CONNECTED_ON_FORMATS = ("%d %b %Y", "%m/%d/%y", "%m/%d/%Y", "%Y-%m-%d")


@dataclass(frozen=True)
class Invitation:
    """One row of Invitations.csv; ``sent_at`` is taken as UTC, as the export gives no zone."""

    from_name: str
    to_name: str
    sent_at: datetime
    message: str
    direction: str
    inviter_url: str = ""
    invitee_url: str = ""

    @property
    def outgoing(self) -> bool:
        return self.direction == "OUTGOING"


@dataclass(frozen=True)
class Connection:
    first_name: str
    last_name: str
    url: str
    email: str
    company: str
    position: str
    connected_on: date

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


@dataclass
class ExportData:
    """What a file or zip held; ``problems`` has one ``FILE:LINE: what`` per skipped row."""

    invitations: list[Invitation] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def read_export(path: Path) -> ExportData:
    """The invitations and connections in a zip of the export or in one of its CSV files."""
    if zipfile.is_zipfile(path):
        return _read_zip(path)
    data = ExportData()
    raw = read_bytes_bounded(path, limit=MAX_EXPORT_BYTES)
    _read_csv(decode_text(raw, file=path), str(path), data, required=True)
    return data


def _read_zip(path: Path) -> ExportData:
    data = ExportData()
    try:
        with zipfile.ZipFile(path) as archive:
            members = [
                info
                for info in archive.infolist()
                if PurePosixPath(info.filename).name.casefold() in EXPORT_FILES
            ]
            if not members:
                raise InputError("holds no Connections.csv or Invitations.csv", file=path)
            for info in members:
                name = f"{path}:{info.filename}"
                if info.file_size > MAX_EXPORT_BYTES:
                    raise InputError(
                        f"larger than {MAX_EXPORT_BYTES} bytes, the most warmnote reads", file=name
                    )
                _read_csv(decode_text(_read_member(archive, info, name), file=name), name, data)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError) as exc:
        raise InputError(f"cannot read the zip: {exc}", file=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=path) from None
    return data


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    """The member's bytes, at most ``MAX_EXPORT_BYTES`` whatever its header says."""
    try:
        with archive.open(info) as member:
            raw = member.read(MAX_EXPORT_BYTES + 1)
    except RuntimeError as exc:  # zipfile's word for an encrypted member
        why = "encrypted with a password" if info.flag_bits & 0x1 else str(exc)
        raise InputError(f"cannot read it: {why}; give warmnote the CSV file", file=name) from None
    except (zlib.error, lzma.LZMAError, EOFError, zipfile.BadZipFile) as exc:
        raise InputError(f"damaged in the zip ({exc}); download it again", file=name) from None
    if len(raw) > MAX_EXPORT_BYTES:
        raise InputError(
            f"larger than {MAX_EXPORT_BYTES} bytes, the most warmnote reads", file=name
        )
    return raw


def _read_csv(text: str, name: str, data: ExportData, *, required: bool = False) -> None:
    """Find the header, then read every row after it into ``data``."""
    reader = csv.reader(io.StringIO(text, newline=""))
    for cells in reader:
        header = [cell.strip().casefold() for cell in cells]
        if all(column in header for column in CONNECTION_HEADER):
            data.files.append(name)
            _read_connections(reader, header, name, data)
            return
        if all(column in header for column in INVITATION_HEADER):
            data.files.append(name)
            _read_invitations(reader, header, name, data)
            return
    if required:
        raise InputError(
            "not a LinkedIn Connections.csv or Invitations.csv: no header with "
            f"{', '.join(INVITATION_HEADER)} or {', '.join(CONNECTION_HEADER)}",
            file=name,
        )


def _rows(reader: CsvReader, header: list[str], name: str) -> Iterator[tuple[str, dict[str, str]]]:
    """(``FILE:LINE`` where the row starts, cells by lower-case column) for each non-blank row."""
    for line, cells in csv_rows(reader, name):
        yield (
            f"{name}:{line}",
            {column: cell.strip() for column, cell in zip(header, cells, strict=False)},
        )


def _read_connections(reader: CsvReader, header: list[str], name: str, data: ExportData) -> None:
    parse = DateParser(CONNECTED_ON_FORMATS)
    for where, row in _rows(reader, header, name):
        first, last, url = row.get("first name", ""), row.get("last name", ""), row.get("url", "")
        if not (first or last or url):
            data.problems.append(f"{where}: a connection with no name and no URL, skipped")
            continue
        connected = parse(row.get("connected on", ""))
        if connected is None:
            data.problems.append(f"{where}: Connected On: not a date: {row.get('connected on')!r}")
            continue
        data.connections.append(
            Connection(
                first_name=first,
                last_name=last,
                url=url,
                email=row.get("email address", ""),
                company=row.get("company", ""),
                position=row.get("position", ""),
                connected_on=connected.date(),
            )
        )


def _read_invitations(reader: CsvReader, header: list[str], name: str, data: ExportData) -> None:
    parse = DateParser(SENT_AT_FORMATS)
    for where, row in _rows(reader, header, name):
        sent_at = parse(row.get("sent at", ""))
        if sent_at is None:
            data.problems.append(f"{where}: Sent At: not a date: {row.get('sent at')!r}")
            continue
        data.invitations.append(
            Invitation(
                from_name=row.get("from", ""),
                to_name=row.get("to", ""),
                sent_at=sent_at.replace(tzinfo=UTC),
                message=row.get("message", ""),
                direction=row.get("direction", "").upper(),
                inviter_url=row.get("inviterprofileurl", ""),
                invitee_url=row.get("inviteeprofileurl", ""),
            )
        )


class DateParser:
    """Tries each format, the last one that worked first: an export uses one throughout."""

    def __init__(self, formats: tuple[str, ...]) -> None:
        self._formats = list(formats)

    def __call__(self, text: str) -> datetime | None:
        text = " ".join(text.split())
        for index, fmt in enumerate(self._formats):
            try:
                parsed = datetime.strptime(text, fmt)
            except ValueError:
                continue
            if index:
                self._formats.insert(0, self._formats.pop(index))
            return parsed
        return None


def profile_key(url: str) -> str:
    """A profile URL reduced to what identifies the person: ``linkedin.com/in/ana-souza``."""
    key = url.strip().casefold().split("?", 1)[0].split("#", 1)[0].rstrip("/")
    for prefix in ("https://", "http://", "www.", "m."):
        key = key.removeprefix(prefix)
    return key

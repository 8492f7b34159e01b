"""Saved drafts in SQLite, so a person can find, reuse and export what they wrote.

WAL mode with ``synchronous=FULL``: a kill or crash mid-write never corrupts the file, and a
committed draft survives even a power cut. Saves happen at human pace, so the fsync per commit
is not noticeable.

One connection shared behind a lock (``check_same_thread=False``): the TUI calls from its UI
thread and from a worker thread, and the lock keeps each call's statements together.

The drafts are notes about real people: the file, its -wal and -shm are 0600 in a 0700 folder,
and so are exports. A file damaged on disk (a failing drive, a bad copy) is detected when it is
opened, left exactly as it is, and reported with the command that salvages it (:func:`recover`).
A single row that cannot be read (a garbled cell, a field this warmnote does not know) never
hides the others: listing and exporting skip it and count it (:class:`Readable`), and
:func:`recover` moves the file aside and keeps every row that reads.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sqlite3
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal
from urllib.parse import quote

from pydantic import BaseModel
from rapidfuzz import fuzz, process

from warmnote import locations
from warmnote.context import Context
from warmnote.errors import InputError
from warmnote.files import validate
from warmnote.guardrails.verdict import Verdict
from warmnote.linkedin_export import Connection, Invitation, profile_key
from warmnote.results import Provenance

SCHEMA_VERSION = 2
RECOVER_COMMAND = "warmnote history recover"
MIN_DRAFT_BYTES = 100
"""No draft takes less room on disk: its context alone (scenario, two names, familiarity) does."""

# Statements that take an empty database to schema version 1.
_SCHEMA_V1 = (
    """CREATE TABLE drafts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        context TEXT NOT NULL CHECK (json_valid(context)),
        text TEXT NOT NULL,
        passed INTEGER NOT NULL,
        verdict TEXT NOT NULL CHECK (json_valid(verdict)),
        provenance TEXT CHECK (provenance IS NULL OR json_valid(provenance)),
        sent_at TEXT
    )""",
    "CREATE INDEX drafts_created_at ON drafts (created_at)",
    "PRAGMA user_version = 1",
)

# Version 1 to 2: connections imported from LinkedIn's export, for "already connected" warnings.
# Imported invitation notes are ordinary drafts (sent, without provenance); drafts are unchanged,
# so recovery copies them as before, and connections come back by importing the export again.
_SCHEMA_V2 = (
    """CREATE TABLE connections (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        url TEXT NOT NULL,
        url_key TEXT NOT NULL,
        email TEXT NOT NULL,
        company TEXT NOT NULL,
        position TEXT NOT NULL,
        connected_on TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        UNIQUE (name_key, url_key, connected_on)
    )""",
    "CREATE INDEX connections_name_key ON connections (name_key)",
    "CREATE INDEX connections_url_key ON connections (url_key)",
    "CREATE INDEX drafts_sent_at ON drafts (sent_at)",
    "PRAGMA user_version = 2",
)

IMPORTED_SCENARIO = "linkedin_export"
"""The scenario of a note imported from Invitations.csv: no pack wrote it."""

_COLUMNS = "id, created_at, context, text, passed, verdict, provenance, sent_at"

# Searchable fields, each folded with Python's casefold (SQLite's lower() is ASCII-only). They
# reach Python as bytes and the JSON is checked before it is taken apart, so a garbled cell (not
# UTF-8, not JSON) fails only its own row's match, never the whole search.
_SEARCH_FIELDS = tuple(
    f"casefold(CAST({field} AS BLOB))"
    for field in (
        "text",
        "CASE WHEN json_valid(context) THEN json_extract(context, '$.recipient.name') END",
        "CASE WHEN json_valid(context) THEN json_extract(context, '$.recipient.company') END",
        "CASE WHEN json_valid(context) THEN json_extract(context, '$.scenario') END",
    )
)

CSV_HEADER = (
    "id",
    "created_at",
    "sent_at",
    "scenario",
    "recipient",
    "company",
    "passed",
    "length",
    "limit",
    "violations",
    "text",
    "model",
    "pack",
    "seed",
)

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""Cell starts a spreadsheet would run as a formula (OWASP's CSV injection rule); such cells get
a leading ``'``, which spreadsheets show as text."""


class HistoryEntry(BaseModel):
    id: int
    created_at: datetime
    context: Context
    text: str
    passed: bool
    verdict: Verdict
    provenance: Provenance | None
    sent_at: datetime | None


def normalise(text: str) -> str:
    """Fold case, width and punctuation so cosmetic edits do not hide a repeated note."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


def dump_json(entries: Iterable[HistoryEntry], *, ascii_only: bool = False) -> str:
    """Entries as a JSON array: the lossless export format, also used by ``history list --json``.

    ``ascii_only`` escapes every non-ASCII character, so JSON bound for a terminal carries no
    C1 control or bidi override that the terminal would act on.
    """
    data = [e.model_dump(mode="json") for e in entries]
    return json.dumps(data, ensure_ascii=ascii_only, indent=2)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _casefold(value: object) -> str | None:
    return value.decode("utf-8", "replace").casefold() if isinstance(value, bytes) else None


def _text(data: bytes) -> str | bytes:
    """SQLite text as str; text that is not UTF-8 (a garbled cell) stays bytes, so its row fails
    validation and is skipped instead of failing the whole query."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data


def _db_files(path: Path) -> tuple[Path, Path, Path]:
    """The database and SQLite's -wal and -shm beside it: together they hold the drafts."""
    return path, Path(f"{path}-wal"), Path(f"{path}-shm")


def _emptied(path: Path) -> bool:
    """An empty file beside a -wal that is not: damage, and SQLite would delete that -wal as soon
    as any connection, even a read-only one, opened the file."""
    db, wal, _ = _db_files(path)
    return db.stat().st_size == 0 and wal.exists() and wal.stat().st_size > 0


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    return code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def damaged(path: Path, detail: str) -> InputError:
    """The one message for a damaged file: what happened, that it was kept, and the way out."""
    return InputError(
        f"the history file is damaged ({detail}); it was left as it is: run `{RECOVER_COMMAND}` "
        "to move it aside and keep every draft that can still be read",
        file=path,
    )


@dataclass(frozen=True)
class Readable:
    """The drafts that could be read, and one ``drafts[ID].field: problem`` for each row that
    could not (skipped, kept in the file, and salvaged by :func:`recover`)."""

    entries: list[HistoryEntry]
    skipped: list[str]


@contextmanager
def _sqlite_errors(path: Path) -> Iterator[None]:
    """Any SQLite failure as one line naming the file; damage also names the recovery command."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        if _is_damage(exc):
            raise damaged(path, str(exc)) from None
        raise InputError(f"cannot use the history file: {exc}", file=path) from None
    except OverflowError:
        raise InputError("a number is too large for the history file", file=path) from None


class HistoryStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else locations.history_db()
        self._lock = threading.Lock()
        try:
            locations.ensure_private_dir(self.path.parent)
            locations.touch_private(self.path)  # before SQLite, which would create it 0644
            for sidecar in _db_files(self.path)[1:]:
                locations.tighten(sidecar)
        except OSError as exc:
            raise InputError(f"cannot open: {exc.strerror}", file=self.path) from None
        _check_intact(self.path)
        with _sqlite_errors(self.path):
            # Autocommit mode: _write() opens each transaction explicitly with BEGIN IMMEDIATE.
            self._conn = sqlite3.connect(
                self.path, check_same_thread=False, timeout=5.0, isolation_level=None
            )
        self._conn.row_factory = sqlite3.Row
        self._conn.text_factory = _text
        self._conn.create_function("casefold", 1, _casefold, deterministic=True)
        try:
            with _sqlite_errors(self.path):
                self._conn.execute("PRAGMA journal_mode=WAL")
                self._conn.execute("PRAGMA synchronous=FULL")
                self._migrate()
        except BaseException:
            self._conn.close()
            raise

    def _migrate(self) -> None:
        """Bring the schema to SCHEMA_VERSION; later versions add steps keyed by user_version."""
        with self._write() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise InputError(
                    f"history was written by a newer warmnote (schema {version}); upgrade warmnote",
                    file=self.path,
                )
            if version < 1:
                for statement in _SCHEMA_V1:
                    conn.execute(statement)
            if version < 2:
                for statement in _SCHEMA_V2:
                    conn.execute(statement)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction under the lock, committed on success and rolled back on any error.

        IMMEDIATE takes the write lock up front, so two processes wait (``timeout``) instead of
        failing on a read-to-write upgrade.
        """
        with self._lock, _sqlite_errors(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        with self._lock, _sqlite_errors(self.path):
            return list(self._conn.execute(sql, tuple(params)).fetchall())

    def save(
        self,
        context: Context,
        text: str,
        verdict: Verdict,
        provenance: Provenance | None = None,
    ) -> int:
        row = (
            _now(),
            context.model_dump_json(),
            text,
            int(verdict.passed),
            verdict.model_dump_json(),
            provenance.model_dump_json() if provenance is not None else None,
        )
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO drafts (created_at, context, text, passed, verdict, provenance)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                row,
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def get(self, entry_id: int) -> HistoryEntry:
        rows = self._query(f"SELECT {_COLUMNS} FROM drafts WHERE id = ?", (entry_id,))
        if not rows:
            raise InputError(f"no saved draft with id {entry_id}", file=self.path)
        return self._entry(rows[0])

    def search(self, query: str = "", *, limit: int = 200) -> list[HistoryEntry]:
        """:meth:`find`'s drafts, without the count of rows that could not be read."""
        return self.find(query, limit=limit).entries

    def find(self, query: str = "", *, limit: int = 200) -> Readable:
        """Newest first; each word of ``query`` must be in the note, name, company or scenario.

        At most ``limit`` rows are read; those that cannot be are skipped and listed.
        """
        terms = query.casefold().split()
        any_field = "(" + " OR ".join(f"instr({f}, ?) > 0" for f in _SEARCH_FIELDS) + ")"
        where = " AND ".join([any_field] * len(terms)) or "1"
        params = [term for term in terms for _ in _SEARCH_FIELDS]
        rows = self._query(
            f"SELECT {_COLUMNS} FROM drafts WHERE {where}"
            " ORDER BY created_at DESC, id DESC LIMIT ?",
            [*params, limit],
        )
        return _read(rows, self.path)

    def mark_sent(self, entry_id: int, sent: bool = True) -> None:
        """Record when a note went out; marking it again keeps the first time."""
        sql = (
            "UPDATE drafts SET sent_at = COALESCE(sent_at, ?) WHERE id = ?"
            if sent
            else "UPDATE drafts SET sent_at = NULL WHERE id = ?"
        )
        params = (_now(), entry_id) if sent else (entry_id,)
        with self._write() as conn:
            updated = conn.execute(sql, params).rowcount
        if not updated:
            raise InputError(f"no saved draft with id {entry_id}", file=self.path)

    def similar_sent(
        self, text: str, *, threshold: float = 90.0
    ) -> list[tuple[HistoryEntry, float]]:
        """Sent notes nearly identical to ``text``, best first: sending the same note twice
        reads like a bot."""
        target = normalise(text)
        if not target:
            return []
        rows = self._query(f"SELECT {_COLUMNS} FROM drafts WHERE sent_at IS NOT NULL")
        sent = {entry.id: entry for entry in _read(rows, self.path).entries}
        choices = {entry_id: normalise(entry.text) for entry_id, entry in sent.items()}
        matches = process.extract(
            target, choices, scorer=fuzz.ratio, score_cutoff=threshold, limit=None
        )
        return [(sent[entry_id], score) for _, score, entry_id in matches]

    def notes_sent_in_month(self, now: datetime | None = None) -> int:
        """Notes marked sent (or imported as sent) in the calendar month of ``now``, local time:
        what a free account's monthly note quota counts."""
        start, end = _month_bounds(now or datetime.now().astimezone())
        rows = self._query(
            "SELECT count(*) FROM drafts WHERE sent_at >= ? AND sent_at < ?", (start, end)
        )
        return int(rows[0][0])

    def import_connections(self, connections: Iterable[Connection]) -> int:
        """Store connections from the export; one already stored is skipped. Returns how many
        were new."""
        imported_at = _now()
        rows = [
            (
                c.name,
                normalise(c.name),
                c.url,
                profile_key(c.url),
                c.email,
                c.company,
                c.position,
                c.connected_on.isoformat(),
                imported_at,
            )
            for c in connections
        ]
        with self._write() as conn:
            before = conn.total_changes
            conn.executemany(
                "INSERT OR IGNORE INTO connections (name, name_key, url, url_key, email, company,"
                " position, connected_on, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            return conn.total_changes - before

    def import_invitations(
        self, invitations: Iterable[Invitation], judge: Callable[[str], Verdict]
    ) -> int:
        """Save each sent invitation's note as a draft marked sent at its time, so near-duplicate
        warnings and the monthly count see it. Invitations received or without a note are left
        out; a note already in history (the same text sent to the same name) is not added again.
        ``judge`` gives the verdict on the text alone. Returns how many were new."""
        sent = self._query(
            "SELECT text, json_extract(context, '$.recipient.name') FROM drafts"
            " WHERE sent_at IS NOT NULL AND json_valid(context)"
        )
        known = {(normalise(str(text)), normalise(str(name))) for text, name in sent}
        rows = []
        for invitation in invitations:
            key = (normalise(invitation.message), normalise(invitation.to_name))
            if not invitation.outgoing or not key[0] or not key[1] or key in known:
                continue
            known.add(key)
            when = _stored(invitation.sent_at)
            context = _imported_context(invitation)
            verdict = judge(invitation.message)
            rows.append(
                (
                    when,
                    context.model_dump_json(),
                    invitation.message,
                    int(verdict.passed),
                    verdict.model_dump_json(),
                    when,
                )
            )
        with self._write() as conn:
            conn.executemany(
                "INSERT INTO drafts (created_at, context, text, passed, verdict, sent_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
        return len(rows)

    def connected_since(self, name: str = "", url: str = "") -> date | None:
        """When the person with this profile URL (else exactly this name) became a connection,
        by the imported export; None when they are not among the connections."""
        column, key = (
            ("url_key", profile_key(url)) if url.strip() else ("name_key", normalise(name))
        )
        if not key:
            return None
        rows = self._query(f"SELECT min(connected_on) FROM connections WHERE {column} = ?", (key,))
        found = rows[0][0]
        return date.fromisoformat(found) if isinstance(found, str) else None

    def export(self, path: Path, fmt: Literal["csv", "json"]) -> Readable:
        """Write every draft that can be read, oldest first; returns them and the rows skipped.

        CSV is a flat, spreadsheet-friendly table; JSON is the lossless format. In CSV, text
        that a spreadsheet would run as a formula is defused (:data:`FORMULA_PREFIXES`): names,
        companies and notes come from pasted profile text.
        """
        drafts = _read(self._query(f"SELECT {_COLUMNS} FROM drafts ORDER BY id"), self.path)
        if fmt == "json":
            _write_export(path, dump_json(drafts.entries) + "\n")
        else:
            table = io.StringIO()
            writer = csv.writer(table)
            writer.writerow(CSV_HEADER)
            writer.writerows(_csv_row(entry) for entry in drafts.entries)
            _write_export(path, table.getvalue())
        return drafts

    def export_json(self, path: Path) -> int:
        return len(self.export(path, "json").entries)

    def export_csv(self, path: Path) -> int:
        return len(self.export(path, "csv").entries)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _entry(self, row: sqlite3.Row) -> HistoryEntry:
        return _entry(row, self.path)


def _month_bounds(now: datetime) -> tuple[str, str]:
    """The local calendar month of ``now`` as UTC strings in the stored format (daylight
    saving time at either end is the local zone's own)."""
    start = now.astimezone().replace(tzinfo=None, day=1, hour=0, minute=0, second=0, microsecond=0)
    if start.month == 12:
        end = start.replace(year=start.year + 1, month=1)
    else:
        end = start.replace(month=start.month + 1)
    return _stored(start.astimezone()), _stored(end.astimezone())


def _stored(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _imported_context(invitation: Invitation) -> Context:
    """All the export tells about an invitation: who sent it to whom."""
    return Context.model_validate(
        {
            "id": invitation.invitee_url or None,
            "scenario": IMPORTED_SCENARIO,
            "sender": {"name": invitation.from_name or "me"},
            "recipient": {"name": invitation.to_name},
            "relationship": {"familiarity": "stranger"},
        }
    )


def _check_intact(path: Path) -> None:
    """Find damage before the file is opened for writing, without changing a byte of it.

    A connection that can write would: closing it checkpoints the -wal into the damaged file
    and deletes the -wal. Read-only is not enough either, as SQLite creates a missing -wal and
    creates or rebuilds the -shm. So the check reads with ``readonly_shm`` when the -wal and
    -shm are both there; with ``immutable`` when there is no -wal, so the file is all there is;
    and from a private scratch copy when there is a -wal but no -shm, which means no connection
    has the file open. ``quick_check`` reads every page once: milliseconds for years of drafts.
    """
    _, wal, shm = _db_files(path)
    try:
        with _sqlite_errors(path):
            if _emptied(path):
                raise damaged(path, "the file is empty but its -wal is not")
            if not wal.exists():
                intact = _pages_intact(_connect_read_only(path, "immutable=1"))
            elif shm.exists():
                intact = _pages_intact(_connect_read_only(path, "readonly_shm=1"))
            else:
                with tempfile.TemporaryDirectory(prefix=".check-", dir=path.parent) as scratch:
                    intact = _pages_intact(sqlite3.connect(_scratch_copy(path, Path(scratch))))
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror}", file=path) from None
    if not intact:
        raise damaged(path, "its pages fail SQLite's integrity check")


def _connect_read_only(path: Path, option: str) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(path))}?mode=ro&{option}", uri=True)


def _pages_intact(conn: sqlite3.Connection) -> bool:
    """SQLite's ``quick_check``, then the connection closed."""
    with closing(conn):
        return [row[0] for row in conn.execute("PRAGMA quick_check(1)")] == ["ok"]


def _read(rows: Iterable[sqlite3.Row], path: Path) -> Readable:
    entries, skipped = [], []
    for row in rows:
        try:
            entries.append(_entry(row, path))
        except InputError as exc:
            skipped.append(f"{exc.field}: {exc.detail}")
    return Readable(entries, skipped)


def _entry(row: sqlite3.Row, path: Path) -> HistoryEntry:
    """Rebuild an entry; a row an older or newer warmnote wrote, or a garbled cell, is reported
    naming the row and field, not a crash."""
    prefix = f"drafts[{row['id']}]."
    data = dict(zip(row.keys(), row, strict=True))
    for column in ("context", "verdict", "provenance"):
        if data[column] is not None:
            try:
                data[column] = json.loads(data[column])
            except (TypeError, ValueError, RecursionError):
                raise InputError("not valid JSON", file=path, field=prefix + column) from None
    return validate(HistoryEntry, data, file=path, prefix=prefix)


def defuse(cell: object) -> object:
    """A cell a spreadsheet would run as a formula, as text (:data:`FORMULA_PREFIXES`)."""
    if isinstance(cell, str) and cell.startswith(FORMULA_PREFIXES):
        return "'" + cell
    return cell


def _csv_row(entry: HistoryEntry) -> tuple[object, ...]:
    ctx, verdict, prov = entry.context, entry.verdict, entry.provenance
    cells = (
        entry.id,
        entry.created_at.isoformat(),
        entry.sent_at.isoformat() if entry.sent_at else "",
        ctx.scenario,
        ctx.recipient.name,
        ctx.recipient.company or "",
        "yes" if entry.passed else "no",
        verdict.length,
        verdict.limit,
        ";".join(v.rule for v in verdict.violations),
        entry.text,
        prov.model_name if prov else "",
        f"{prov.pack}@{prov.pack_version}" if prov else "",
        prov.seed if prov else "",
    )
    return tuple(defuse(cell) for cell in cells)


def _write_export(path: Path, text: str) -> None:
    """Write an export 0600: it holds notes about real people. The folder is the user's."""
    data = text.encode("utf-8")
    try:
        with locations.open_private(path) as handle:
            handle.write(data)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", file=path) from None


@dataclass(frozen=True)
class Recovery:
    """What :func:`recover` did: where the damaged file went and how many drafts came through."""

    damaged_copy: Path
    saved: int
    lost: int | None  # None when the damaged file no longer tells how many drafts it held


def recover(path: Path | None = None) -> Recovery | None:
    """Move a damaged history aside (kept, 0600) and start a fresh one with every draft that
    can still be read; None when there is no file or it is not damaged. A row that cannot be
    read (see :class:`Readable`) is damage too: it is lost from the fresh file, kept aside.

    The damaged file is never opened in place (SQLite would replay or checkpoint its WAL into
    it): a private scratch copy is read instead, so the copy kept aside is exactly what was there.
    Drafts keep their ids, and lost ids are never handed out again.
    """
    path = path if path is not None else locations.history_db()
    if not path.exists():
        return None
    try:
        with tempfile.TemporaryDirectory(prefix=".recover-", dir=path.parent) as scratch:
            salvaged = _salvage(_scratch_copy(path, Path(scratch)), shown_as=path)
            if salvaged is None:
                return None
            rows, lost, last_id = salvaged
            fresh = Path(scratch) / "fresh.sqlite3"
            _write_fresh(fresh, rows, last_id)
            aside = _move_aside(path)
            os.replace(fresh, path)
    except OSError as exc:
        raise InputError(f"cannot recover: {exc.strerror}", file=path) from None
    return Recovery(aside, len(rows), lost)


def _scratch_copy(path: Path, folder: Path) -> Path:
    """The file and its -wal copied, private, into ``folder``. The -shm is only an index of the
    -wal; SQLite rebuilds it."""
    copy = folder / path.name
    for source, target in zip(_db_files(path)[:2], _db_files(copy)[:2], strict=True):
        if source.exists():
            _copy_private(source, target)
    return copy


def _copy_private(source: Path, target: Path) -> None:
    with source.open("rb") as reader, locations.open_private(target) as writer:
        shutil.copyfileobj(reader, writer)


def _salvage(path: Path, *, shown_as: Path) -> tuple[list[sqlite3.Row], int | None, int] | None:
    """(readable rows, rows lost, the highest id ever given) from a damaged copy; None if the
    copy is not damaged: its pages pass the check and every row reads. Errors name
    ``shown_as``, the file the user knows."""
    emptied = _emptied(path)  # before SQLite opens the copy, and deletes its -wal if so
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.text_factory = _text
    try:
        try:
            intact = [row[0] for row in conn.execute("PRAGMA quick_check(1)")] == ["ok"]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError:
            intact, version = False, SCHEMA_VERSION  # the header is unreadable: salvage what reads
        if version > SCHEMA_VERSION:
            raise InputError(
                f"history was written by a newer warmnote (schema {version}); upgrade warmnote",
                file=shown_as,
            )
        size = sum(file.stat().st_size for file in _db_files(path)[:2] if file.exists())
        last_id = _last_id(conn, most=size // MIN_DRAFT_BYTES)
        rows, unreadable = _probe(conn, last_id) if last_id is not None else (_scan(conn), None)
    finally:
        conn.close()
    valid = [row for row in rows if _readable(row, path)]
    if intact and not emptied and not unreadable and len(valid) == len(rows):
        return None
    lost = None if unreadable is None else unreadable + len(rows) - len(valid)
    return valid, lost, max([last_id or 0, *(row["id"] for row in valid)])


def _last_id(conn: sqlite3.Connection, *, most: int) -> int | None:
    """The highest id ever given, from whichever of SQLite's records of it still reads; a value
    above ``most`` (more drafts than the file can hold) is garbage."""
    found = []
    for sql in (
        "SELECT seq FROM sqlite_sequence WHERE name = 'drafts'",
        "SELECT max(id) FROM drafts",
    ):
        try:
            row = conn.execute(sql).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row is not None and isinstance(row[0], int) and 0 <= row[0] <= most:
            found.append(row[0])
    return max(found, default=None)


def _probe(conn: sqlite3.Connection, last_id: int) -> tuple[list[sqlite3.Row], int]:
    """Read ids 1..last_id one by one, so a damaged page costs only the drafts stored on it."""
    rows, unreadable = [], 0
    for entry_id in range(1, last_id + 1):
        try:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM drafts WHERE id = ?", (entry_id,)
            ).fetchone()
        except sqlite3.DatabaseError:
            unreadable += 1
            continue
        if row is not None:
            rows.append(row)
    return rows, unreadable


def _scan(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Rows in id order up to the first damaged page: all that reads when no id count does."""
    rows: list[sqlite3.Row] = []
    with suppress(sqlite3.DatabaseError):
        for row in conn.execute(f"SELECT {_COLUMNS} FROM drafts ORDER BY id"):
            rows.append(row)
    return rows


def _readable(row: sqlite3.Row, path: Path) -> bool:
    try:
        _entry(row, path)
    except InputError:
        return False
    return True


def _write_fresh(path: Path, rows: list[sqlite3.Row], last_id: int) -> None:
    """A new history holding ``rows`` as they were; ids continue after ``last_id``, so an id a
    person noted down never comes to mean another draft."""
    with HistoryStore(path) as store, store._write() as conn:
        conn.executemany(
            f"INSERT INTO drafts ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [tuple(row) for row in rows],
        )
        conn.execute("DELETE FROM sqlite_sequence WHERE name = 'drafts'")
        conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('drafts', ?)", (last_id,))


def _move_aside(path: Path) -> Path:
    """Rename the damaged file (with its -wal and -shm) to a timestamped name beside it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    aside = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    for source, target in zip(_db_files(path), _db_files(aside), strict=True):
        if source.exists():
            os.replace(source, target)
            locations.tighten(target)
    return aside

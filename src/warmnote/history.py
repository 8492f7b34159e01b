"""Saved drafts in SQLite, so a person can find, reuse and export what they wrote.

WAL mode with ``synchronous=FULL``: a kill or crash mid-write never corrupts the file, and a
committed draft survives even a power cut. Saves happen at human pace, so the fsync per commit
is not noticeable.

One connection shared behind a lock (``check_same_thread=False``): the TUI calls from its UI
thread and from a worker thread, and the lock keeps each call's statements together.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from pydantic import BaseModel
from rapidfuzz import fuzz, process

from warmnote import locations
from warmnote.context import Context
from warmnote.errors import InputError
from warmnote.files import validate
from warmnote.guardrails.verdict import Verdict
from warmnote.results import Provenance

SCHEMA_VERSION = 1

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

_COLUMNS = "id, created_at, context, text, passed, verdict, provenance, sent_at"

# Searchable fields, each folded with Python's casefold (SQLite's lower() is ASCII-only).
_SEARCH_FIELDS = (
    "casefold(text)",
    "casefold(json_extract(context, '$.recipient.name'))",
    "casefold(json_extract(context, '$.recipient.company'))",
    "casefold(json_extract(context, '$.scenario'))",
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


def dump_json(entries: Iterable[HistoryEntry]) -> str:
    """Entries as a JSON array: the lossless export format, also used by ``history list --json``."""
    return json.dumps([e.model_dump(mode="json") for e in entries], ensure_ascii=False, indent=2)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _casefold(value: str | None) -> str | None:
    return value.casefold() if value is not None else None


class HistoryStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else locations.history_db()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        # Autocommit mode: _write() opens each transaction explicitly with BEGIN IMMEDIATE.
        self._conn = sqlite3.connect(
            self.path, check_same_thread=False, timeout=5.0, isolation_level=None
        )
        self._conn.row_factory = sqlite3.Row
        self._conn.create_function("casefold", 1, _casefold, deterministic=True)
        try:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise InputError(f"not a usable history database: {exc}", file=self.path) from None
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

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction under the lock, committed on success and rolled back on any error.

        IMMEDIATE takes the write lock up front, so two processes wait (``timeout``) instead of
        failing on a read-to-write upgrade.
        """
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
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
        """Newest first; each word of ``query`` must be in the note, name, company or scenario."""
        terms = query.casefold().split()
        any_field = "(" + " OR ".join(f"instr({f}, ?) > 0" for f in _SEARCH_FIELDS) + ")"
        where = " AND ".join([any_field] * len(terms)) or "1"
        params = [term for term in terms for _ in _SEARCH_FIELDS]
        rows = self._query(
            f"SELECT {_COLUMNS} FROM drafts WHERE {where}"
            " ORDER BY created_at DESC, id DESC LIMIT ?",
            [*params, limit],
        )
        return [self._entry(row) for row in rows]

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
        rows = self._query("SELECT id, text FROM drafts WHERE sent_at IS NOT NULL")
        choices = {row["id"]: normalise(row["text"]) for row in rows}
        matches = process.extract(
            target, choices, scorer=fuzz.ratio, score_cutoff=threshold, limit=None
        )
        return [(self.get(entry_id), score) for _, score, entry_id in matches]

    def export_json(self, path: Path) -> int:
        entries = self._all()
        _write_text(path, dump_json(entries) + "\n")
        return len(entries)

    def export_csv(self, path: Path) -> int:
        """A flat, spreadsheet-friendly table; the JSON export is the lossless one."""
        entries = self._all()
        try:
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(CSV_HEADER)
                writer.writerows(_csv_row(entry) for entry in entries)
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror}", file=path) from None
        return len(entries)

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

    def _all(self) -> list[HistoryEntry]:
        rows = self._query(f"SELECT {_COLUMNS} FROM drafts ORDER BY id")
        return [self._entry(row) for row in rows]

    def _entry(self, row: sqlite3.Row) -> HistoryEntry:
        """Rebuild an entry; a row an older or newer warmnote wrote is reported, not a crash."""
        prefix = f"drafts[{row['id']}]."
        provenance = row["provenance"]
        return HistoryEntry(
            id=row["id"],
            created_at=datetime.fromisoformat(row["created_at"]),
            context=validate(
                Context, json.loads(row["context"]), file=self.path, prefix=f"{prefix}context."
            ),
            text=row["text"],
            passed=bool(row["passed"]),
            verdict=validate(
                Verdict, json.loads(row["verdict"]), file=self.path, prefix=f"{prefix}verdict."
            ),
            provenance=validate(
                Provenance, json.loads(provenance), file=self.path, prefix=f"{prefix}provenance."
            )
            if provenance is not None
            else None,
            sent_at=datetime.fromisoformat(row["sent_at"]) if row["sent_at"] else None,
        )


def _csv_row(entry: HistoryEntry) -> tuple[object, ...]:
    ctx, verdict, prov = entry.context, entry.verdict, entry.provenance
    return (
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


def _write_text(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", file=path) from None

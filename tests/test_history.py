"""The draft history: a SQLite file that survives kills, searches like a person expects and warns
about notes already sent."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import warmnote
from warmnote import locations
from warmnote.context import Context
from warmnote.errors import InputError
from warmnote.guardrails.verdict import Severity, Verdict, Violation
from warmnote.history import (
    CSV_HEADER,
    SCHEMA_VERSION,
    HistoryEntry,
    HistoryStore,
    normalise,
    recover,
)
from warmnote.results import Provenance
from warmnote.sampling import Sampling

SRC_ROOT = Path(warmnote.__file__).resolve().parents[1]

PROVENANCE = Provenance(
    model_name="qwen2.5-1.5b-instruct-q4_k_m",
    model_sha256="ab" * 32,
    pack="met_at_event",
    pack_version="1.0",
    seed=7,
    sampling=Sampling(),
    attempts=2,
    attempt_seconds=[1.5, 1.25],
    tokens_per_second=[21.0, 22.5],
)

SENT_NOTE = "Hi Ada, loved your talk on difference engines at PyCon. Would be glad to connect."


def make_context(
    name: str = "Ada Lovelace",
    company: str | None = "Analytical Engines",
    scenario: str = "met_at_event",
) -> Context:
    return Context.model_validate(
        {
            "scenario": scenario,
            "sender": {"name": "Ana Souza"},
            "recipient": {"name": name, "company": company},
            "relationship": {"familiarity": "met_once", "where": "PyCon"},
            "reason": "follow up on her talk",
        }
    )


def make_verdict(text: str = SENT_NOTE, *, passed: bool = True) -> Verdict:
    violations = (
        []
        if passed
        else [
            Violation(
                rule="boilerplate", severity=Severity.ERROR, message="stock phrase", start=0, end=5
            ),
        ]
    )
    return Verdict(passed=passed, length=len(text), limit=300, violations=violations)


def save(
    store: HistoryStore,
    text: str = SENT_NOTE,
    *,
    name: str = "Ada Lovelace",
    company: str | None = "Analytical Engines",
    scenario: str = "met_at_event",
) -> int:
    context = make_context(name=name, company=company, scenario=scenario)
    return store.save(context, text, make_verdict(text))


def subprocess_env() -> dict[str, str]:
    """The child imports this checkout's warmnote whether or not it is installed."""
    paths = [str(SRC_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore(tmp_path / "history.sqlite3") as opened:
        yield opened


# --- save / get ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("provenance", "passed"),
    [(PROVENANCE, True), (None, True), (PROVENANCE, False)],
    ids=["with-provenance", "without-provenance", "failing-verdict"],
)
def test_get_returns_exactly_what_was_saved(
    store: HistoryStore, provenance: Provenance | None, passed: bool
) -> None:
    context, verdict = make_context(), make_verdict(passed=passed)
    before = datetime.now(UTC)
    entry_id = store.save(context, SENT_NOTE, verdict, provenance)
    entry = store.get(entry_id)
    assert entry == HistoryEntry(
        id=entry_id,
        created_at=entry.created_at,
        context=context,
        text=SENT_NOTE,
        passed=passed,
        verdict=verdict,
        provenance=provenance,
        sent_at=None,
    )
    assert before - timedelta(seconds=1) <= entry.created_at <= datetime.now(UTC)


def test_a_row_written_before_the_seed_left_the_sampling_settings_still_reads(
    store: HistoryStore, tmp_path: Path
) -> None:
    older = PROVENANCE.model_dump(mode="json", exclude={"origin", "candidates"})
    older["sampling"] = {**older["sampling"], "seed": 7}
    entry_id = store.save(make_context(), SENT_NOTE, make_verdict(passed=True), PROVENANCE)
    with sqlite3.connect(tmp_path / "history.sqlite3") as db:
        db.execute("UPDATE drafts SET provenance = ? WHERE id = ?", (json.dumps(older), entry_id))
    assert store.get(entry_id).provenance == PROVENANCE
    assert store.find().skipped == []


def test_default_location_is_history_db_and_parents_are_created(warmnote_home: Path) -> None:
    assert not warmnote_home.exists()
    with HistoryStore() as store:
        entry_id = save(store)
    assert locations.history_db().is_file()
    with HistoryStore(locations.history_db()) as reopened:
        assert reopened.get(entry_id).text == SENT_NOTE


def test_saved_drafts_survive_closing_and_reopening(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with HistoryStore(path) as store:
        ids = [save(store, f"note {i}") for i in range(3)]
    with HistoryStore(path) as store:
        assert [store.get(i).text for i in ids] == ["note 0", "note 1", "note 2"]


@pytest.mark.parametrize(
    "call",
    [lambda s: s.get(4242), lambda s: s.mark_sent(4242), lambda s: s.mark_sent(4242, False)],
    ids=["get", "mark-sent", "mark-unsent"],
)
def test_unknown_id_is_an_input_error_naming_the_id(
    store: HistoryStore, call: Callable[[HistoryStore], object]
) -> None:
    save(store)
    with pytest.raises(InputError, match="no saved draft with id 4242"):
        call(store)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text())
def test_any_unicode_note_round_trips(store: HistoryStore, text: str) -> None:
    entry_id = store.save(make_context(), text, make_verdict(text))
    assert store.get(entry_id).text == text


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1))
def test_a_sent_note_is_always_flagged_as_identical_to_itself(
    store: HistoryStore, text: str
) -> None:
    entry_id = store.save(make_context(), text, make_verdict(text))
    store.mark_sent(entry_id)
    flagged = {entry.id: score for entry, score in store.similar_sent(text)}
    if normalise(text):
        assert flagged[entry_id] == 100.0
    else:
        assert flagged == {}


# --- the file itself -------------------------------------------------------------------------


def test_database_is_in_wal_mode_with_a_versioned_schema(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    HistoryStore(path).close()
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        indexed = {row[2] for row in raw.execute("PRAGMA index_info(drafts_created_at)")}
        assert indexed == {"created_at"}
    finally:
        raw.close()


def test_database_from_a_newer_warmnote_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    HistoryStore(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(InputError, match="newer warmnote") as caught:
        HistoryStore(path)
    assert str(path) in str(caught.value)


def test_a_file_that_is_not_a_database_is_reported_as_damaged_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(InputError) as caught:
        HistoryStore(path)
    assert str(caught.value) == (
        f"{path}: the history file is damaged (file is not a database); it was left as it is: "
        "run `warmnote history recover` to move it aside and keep every draft that can still "
        "be read"
    )
    assert path.read_bytes() == b"these are my notes, not a database" * 100


def test_a_row_that_no_longer_validates_names_the_row_and_field(store: HistoryStore) -> None:
    entry_id = save(store)
    raw = sqlite3.connect(store.path)
    raw.execute("UPDATE drafts SET context = json_remove(context, '$.scenario')")
    raw.commit()
    raw.close()
    with pytest.raises(InputError) as caught:
        store.get(entry_id)
    assert str(caught.value) == (
        f"{store.path}: drafts[{entry_id}].context.scenario: required field is missing"
    )


@pytest.mark.parametrize("entry_id", [2**63, 2**70, -(2**64)])
def test_an_id_too_large_for_sqlite_is_an_input_error(store: HistoryStore, entry_id: int) -> None:
    with pytest.raises(InputError, match="too large for the history file"):
        store.get(entry_id)


# --- a damaged file and its recovery --------------------------------------------------------

MANY = 300


def varint(data: bytes, offset: int) -> tuple[int, int]:
    """SQLite's big-endian varint at ``offset``: (value, offset after it)."""
    value = 0
    for index in range(8):
        byte = data[offset + index]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, offset + index + 1
    return (value << 8) | data[offset + 8], offset + 9


def rowids_on(page: bytes) -> set[int]:
    """The rowids of a table leaf page, read from its cell pointers (file format, section 1.6)."""
    cells = int.from_bytes(page[3:5], "big")
    found = set()
    for index in range(cells):
        cell = int.from_bytes(page[8 + 2 * index : 10 + 2 * index], "big")
        _, after_size = varint(page, cell)
        found.add(varint(page, after_size)[0])
    return found


def pages(data: bytes) -> list[bytes]:
    size = int.from_bytes(data[16:18], "big")
    return [data[start : start + size] for start in range(0, len(data), size)]


def garble(data: bytes, page_number: int) -> bytes:
    """Garbage over one page (0-based), as a failing drive or a bad copy leaves it."""
    size = int.from_bytes(data[16:18], "big")
    garbage = (bytes(range(7, 256, 3)) * size)[:size]
    return data[: page_number * size] + garbage + data[(page_number + 1) * size :]


def middle_leaf(data: bytes) -> tuple[int, set[int]]:
    """The middle one of the drafts table's leaf pages, and the ids of the drafts it holds."""
    leaves = [
        n for n, page in enumerate(pages(data)) if n > 0 and page[0] == 0x0D and b"note-" in page
    ]
    number = leaves[len(leaves) // 2]
    return number, rowids_on(pages(data)[number])


def note(entry_id: int) -> str:
    return f"note-{entry_id:04d} " + "about the talk, " * 60


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A closed history of MANY drafts (ids 1..MANY), a few per page, as bytes."""
    path = tmp_path_factory.mktemp("healthy") / "history.sqlite3"
    with HistoryStore(path) as store:
        for entry_id in range(1, MANY + 1):
            assert save(store, note(entry_id)) == entry_id
    assert not Path(f"{path}-wal").exists(), "closing checkpoints everything into the file"
    return path.read_bytes()


def test_damage_in_a_middle_page_is_reported_and_the_file_kept(
    healthy: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "history.sqlite3"
    damaged = garble(healthy, middle_leaf(healthy)[0])
    path.write_bytes(damaged)

    with pytest.raises(InputError) as caught:
        HistoryStore(path)

    message = str(caught.value)
    assert message.startswith(f"{path}: the history file is damaged (")
    assert "run `warmnote history recover`" in message
    assert "\n" not in message
    assert path.read_bytes() == damaged


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_recover_keeps_the_damaged_file_aside_and_every_readable_draft(
    healthy: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "history.sqlite3"
    number, lost_ids = middle_leaf(healthy)
    damaged = garble(healthy, number)
    path.write_bytes(damaged)

    done = recover(path)

    assert done is not None
    assert (done.saved, done.lost) == (MANY - len(lost_ids), len(lost_ids))
    assert 0 < len(lost_ids) < 10
    assert re.fullmatch(r"history\.damaged-\d{8}T\d{12}Z\.sqlite3", done.damaged_copy.name)
    assert done.damaged_copy.read_bytes() == damaged
    assert mode(done.damaged_copy) == mode(path) == 0o600
    with HistoryStore(path) as store:
        entries = store.search(limit=MANY)
        assert sorted(e.id for e in entries) == sorted(set(range(1, MANY + 1)) - lost_ids)
        assert all(entry.text == note(entry.id) for entry in entries)
        assert save(store) == MANY + 1, "an id that was lost is never handed out again"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [path.name, done.damaged_copy.name]
    ), "no scratch files are left behind"


def test_recover_also_saves_drafts_still_in_the_write_ahead_log(
    healthy: bytes, tmp_path: Path
) -> None:
    """A crash leaves the newest drafts in -wal only; recovery reads them with the file."""
    live, crashed = tmp_path / "live" / "history.sqlite3", tmp_path / "history.sqlite3"
    live.parent.mkdir()
    live.write_bytes(healthy)
    with HistoryStore(live) as store:
        newest = [save(store, note(MANY + n)) for n in range(1, 4)]
        for suffix in ("", "-wal"):  # the files as a crash at this moment leaves them
            shutil.copyfile(f"{live}{suffix}", f"{crashed}{suffix}")
    number, lost_ids = middle_leaf(crashed.read_bytes())
    crashed.write_bytes(garble(crashed.read_bytes(), number))

    done = recover(crashed)

    assert done is not None
    assert (done.saved, done.lost) == (MANY + 3 - len(lost_ids), len(lost_ids))
    assert Path(f"{done.damaged_copy}-wal").is_file()
    with HistoryStore(crashed) as store:
        assert [store.get(entry_id).text for entry_id in newest] == [note(i) for i in newest]


def crashed_copy(healthy: bytes, folder: Path, *, shm: bool) -> tuple[Path, list[int]]:
    """The history as a crash, or a copy made mid-write, leaves it in ``folder``: the newest
    drafts (returned) are only in its -wal, and its -shm is there or not."""
    live, crashed = folder / "live" / "history.sqlite3", folder / "history.sqlite3"
    live.parent.mkdir()
    live.write_bytes(healthy)
    with HistoryStore(live) as store:
        newest = [save(store, note(MANY + n)) for n in range(1, 4)]
        for suffix in ("", "-wal", "-shm") if shm else ("", "-wal"):
            shutil.copyfile(f"{live}{suffix}", f"{crashed}{suffix}")
    shutil.rmtree(live.parent)
    return crashed, newest


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.mark.parametrize("shm", [True, False], ids=["with-shm", "without-shm"])
@pytest.mark.parametrize("damage", ["garbled-page", "emptied-file"])
def test_a_failed_open_leaves_the_file_and_its_wal_and_shm_byte_for_byte(
    healthy: bytes, tmp_path: Path, shm: bool, damage: str
) -> None:
    path, _ = crashed_copy(healthy, tmp_path, shm=shm)
    data = path.read_bytes()
    path.write_bytes(garble(data, middle_leaf(data)[0]) if damage == "garbled-page" else b"")
    before = digests(tmp_path)

    with pytest.raises(InputError) as caught:
        HistoryStore(path)

    assert str(caught.value).startswith(f"{path}: the history file is damaged (")
    assert "run `warmnote history recover`" in str(caught.value)
    assert digests(tmp_path) == before, "no file changed, none added or removed"
    done = recover(path)
    assert done is not None, "the way out that the message names works"
    assert digests(tmp_path)[done.damaged_copy.name] == before[path.name]


@pytest.mark.parametrize("shm", [True, False], ids=["with-shm", "without-shm"])
def test_a_history_left_by_a_crash_opens_with_every_draft(
    healthy: bytes, tmp_path: Path, shm: bool
) -> None:
    path, newest = crashed_copy(healthy, tmp_path, shm=shm)
    with HistoryStore(path) as store:
        assert [store.get(entry_id).text for entry_id in newest] == [note(i) for i in newest]
        assert len(store.search(limit=2 * MANY)) == MANY + len(newest)
    assert [p.name for p in tmp_path.iterdir()] == [path.name], "no scratch copy is left"


def test_recover_a_file_that_is_not_a_database_starts_afresh(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"not a database" * 500)

    done = recover(path)

    assert done is not None
    assert (done.saved, done.lost) == (0, None)
    assert done.damaged_copy.read_bytes() == b"not a database" * 500
    with HistoryStore(path) as store:
        assert store.search() == []


def test_recover_leaves_a_healthy_or_missing_history_alone(healthy: bytes, tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    assert recover(path) is None
    path.write_bytes(healthy)
    assert recover(path) is None
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    assert path.read_bytes() == healthy


@settings(max_examples=12, deadline=None)
@given(data=st.data())
def test_recover_never_fails_and_never_alters_a_draft_whatever_page_is_damaged(
    healthy: bytes, data: st.DataObject
) -> None:
    number = data.draw(st.integers(min_value=0, max_value=len(pages(healthy)) - 1), "page")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "history.sqlite3"
        path.write_bytes(garble(healthy, number))
        done = recover(path)
        with HistoryStore(path) as store:
            entries = store.search(limit=MANY)
    assert all(entry.text == note(entry.id) for entry in entries)
    if done is None:  # the garbage happened to leave a valid page
        assert len(entries) == MANY
    else:
        assert done.saved == len(entries)
        assert done.lost is None or done.saved + done.lost == MANY


# --- one row that cannot be read ------------------------------------------------------------

UNREADABLE = {  # how a draft stops being readable: SQL that does it to the draft with id ?
    "unknown-field": """UPDATE drafts SET context = '{"x":1}' WHERE id = ?""",
    "number-for-a-name": (
        "UPDATE drafts SET context = json_set(context, '$.recipient.name', 5) WHERE id = ?"
    ),
    "context-not-json": "UPDATE drafts SET context = 'not json' WHERE id = ?",
    "note-not-utf8": "UPDATE drafts SET text = CAST(x'ff41' AS TEXT) WHERE id = ?",
    "date-garbled": "UPDATE drafts SET created_at = 'yesterday' WHERE id = ?",
}


@pytest.fixture(params=list(UNREADABLE))
def one_unreadable(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, int]:
    """A closed history of three sent notes to Ada, ids 1 to 3; the middle one (returned with
    the path) no longer reads."""
    path = tmp_path / "history.sqlite3"
    with HistoryStore(path) as store:
        for n in range(3):
            store.mark_sent(save(store, f"{SENT_NOTE} ({n})"))
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA ignore_check_constraints = ON")  # as a garbled cell would be
    raw.execute(UNREADABLE[request.param], (2,))
    raw.commit()
    raw.close()
    return path, 2


@pytest.mark.parametrize("query", ["", "ADA"])
def test_an_unreadable_row_is_skipped_and_counted_never_hiding_the_others(
    one_unreadable: tuple[Path, int], query: str
) -> None:
    path, bad = one_unreadable
    with HistoryStore(path) as store:
        found = store.find(query)
        assert [entry.id for entry in found.entries] == [3, 1]
        assert store.search(query) == found.entries
    [problem] = found.skipped
    assert problem.startswith(f"drafts[{bad}].")


def test_a_search_that_must_look_inside_an_unreadable_row_still_finds_the_others(
    one_unreadable: tuple[Path, int],
) -> None:
    """The name is not in the note, so each row's context is taken apart to match it."""
    path, bad = one_unreadable
    with HistoryStore(path) as store:
        found = store.find("lovelace")
    assert [entry.id for entry in found.entries] == [3, 1]
    assert all(problem.startswith(f"drafts[{bad}].") for problem in found.skipped)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_writes_every_readable_draft_and_counts_the_rest(
    one_unreadable: tuple[Path, int], tmp_path: Path, fmt: Literal["csv", "json"]
) -> None:
    path, bad = one_unreadable
    target = tmp_path / f"out.{fmt}"
    with HistoryStore(path) as store:
        written = store.export(target, fmt)
        assert getattr(store, f"export_{fmt}")(target) == 2
    assert [entry.id for entry in written.entries] == [1, 3]
    [problem] = written.skipped
    assert problem.startswith(f"drafts[{bad}].")
    if fmt == "csv":
        with target.open(newline="") as handle:
            assert [row["id"] for row in csv.DictReader(handle)] == ["1", "3"]
    else:
        assert [entry["id"] for entry in json.loads(target.read_text())] == [1, 3]


def test_an_unreadable_sent_note_does_not_stop_the_repeat_check(
    one_unreadable: tuple[Path, int],
) -> None:
    path, _ = one_unreadable
    with HistoryStore(path) as store:
        assert sorted(entry.id for entry, _ in store.similar_sent(SENT_NOTE)) == [1, 3]


def test_recover_treats_an_unreadable_row_as_damage_and_keeps_the_rest(
    one_unreadable: tuple[Path, int],
) -> None:
    path, _ = one_unreadable
    before = path.read_bytes()

    done = recover(path)

    assert done is not None
    assert (done.saved, done.lost) == (2, 1)
    assert done.damaged_copy.read_bytes() == before
    with HistoryStore(path) as store:
        found = store.find()
        assert ([entry.id for entry in found.entries], found.skipped) == ([3, 1], [])
        assert save(store) == 4, "the lost id is never handed out again"
    assert recover(path) is None


WRITER = """
import sys
from pathlib import Path
from warmnote.context import Context
from warmnote.guardrails.verdict import Verdict
from warmnote.history import HistoryStore

store = HistoryStore(Path(sys.argv[1]))
context = Context.model_validate_json(sys.argv[2])
verdict = Verdict.model_validate_json(sys.argv[3])
n = 0
while True:
    entry_id = store.save(context, f"note {n} " + "x" * 4000, verdict)
    print(entry_id, n, flush=True)  # only after save() returned, i.e. committed
    n += 1
"""


def test_history_survives_being_killed_mid_write(tmp_path: Path) -> None:
    """Three writers in a row are SIGKILLed while inserting; each next one recovers the file."""
    path = tmp_path / "h.sqlite3"
    committed: dict[int, str] = {}
    for _ in range(3):
        writer = subprocess.Popen(
            [
                sys.executable,
                "-c",
                WRITER,
                str(path),
                make_context().model_dump_json(),
                make_verdict().model_dump_json(),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=subprocess_env(),
        )
        assert writer.stdout is not None
        seen = 0
        while seen < 40:
            line = writer.stdout.readline()
            assert line, f"writer died early: {writer.communicate()[1]}"
            entry_id, n = line.split()
            committed[int(entry_id)] = f"note {n} " + "x" * 4000
            seen += 1
        writer.send_signal(signal.SIGKILL)
        rest, _ = writer.communicate()
        assert writer.returncode == -signal.SIGKILL
        for line in rest.splitlines():  # printed after commit, before the kill landed
            entry_id, n = line.split()
            committed[int(entry_id)] = f"note {n} " + "x" * 4000

        raw = sqlite3.connect(path)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            total = raw.execute("SELECT count(*) FROM drafts").fetchone()[0]
        finally:
            raw.close()
        assert total >= len(committed)
        with HistoryStore(path) as store:
            assert {i: store.get(i).text for i in committed} == committed


def test_saves_from_several_threads_all_land(store: HistoryStore) -> None:
    ids: list[int] = []

    def worker(n: int) -> None:
        for i in range(20):
            ids.append(save(store, f"thread {n} note {i}"))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(ids)) == 80
    assert len(store.search(limit=1000)) == 80


# --- search ----------------------------------------------------------------------------------

SEARCHABLE = [  # saved in this order, so the last is the newest
    ("Ada Lovelace", "Analytical Engines", "met_at_event", "Loved your talk on difference engines"),
    ("Grace Hopper", "US Navy", "former_colleague", "Great to reconnect after the COBOL years"),
    ("Zoë Ångström", "Café Ünïcode", "alumni", "Fellow alum of the physics department"),
]


@pytest.fixture
def searchable(store: HistoryStore) -> dict[str, int]:
    return {
        name.split()[0]: save(store, text, name=name, company=company, scenario=scenario)
        for name, company, scenario, text in SEARCHABLE
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Zoë", "Grace", "Ada"]),
        ("ada", ["Ada"]),
        ("NAVY", ["Grace"]),
        ("alumni", ["Zoë"]),
        ("cobol", ["Grace"]),
        ("ZOË", ["Zoë"]),
        ("café ünïcode", ["Zoë"]),
        ("ada engines", ["Ada"]),
        ("  lovelace   talk ", ["Ada"]),
        ("ada navy", []),
        ("e", ["Zoë", "Grace", "Ada"]),
        ("%", []),
        ("_", ["Grace", "Ada"]),
        ("nobody", []),
    ],
    ids=[
        "empty-is-all-newest-first",
        "name",
        "company",
        "scenario",
        "note-text",
        "unicode-case",
        "unicode-company",
        "words-across-fields",
        "extra-spaces",
        "all-words-must-match",
        "newest-first",
        "percent-is-literal",
        "underscore-is-literal",
        "no-match",
    ],
)
def test_search(
    store: HistoryStore, searchable: dict[str, int], query: str, expected: list[str]
) -> None:
    assert [e.id for e in store.search(query)] == [searchable[name] for name in expected]


def test_search_limit_keeps_the_newest(store: HistoryStore) -> None:
    ids = [save(store, f"note {i}") for i in range(5)]
    assert [e.id for e in store.search(limit=2)] == [ids[4], ids[3]]


# --- sent notes ------------------------------------------------------------------------------


def test_mark_sent_records_the_first_time_and_can_be_undone(store: HistoryStore) -> None:
    entry_id = save(store)
    store.mark_sent(entry_id)
    first = store.get(entry_id).sent_at
    assert first is not None
    assert first.tzinfo is not None
    store.mark_sent(entry_id)
    assert store.get(entry_id).sent_at == first
    store.mark_sent(entry_id, sent=False)
    assert store.get(entry_id).sent_at is None


UNSENT_NOTE = "Hi Grace, your COBOL retrospective at the Navy meetup was great; let's connect."


@pytest.mark.parametrize(
    ("candidate", "flagged"),
    [
        (SENT_NOTE, True),
        ("hi ada! Loved your talk on difference engines at PyCon — would be glad to connect", True),
        (
            "Hi Ada, loved your talk on difference engines at PyCon. Would be happy to connect.",
            True,
        ),
        ("Hi Ada, your question on Babbage's notes at the PyCon panel stayed with me.", False),
        (UNSENT_NOTE, False),
        ("", False),
    ],
    ids=[
        "identical",
        "same-words-other-case-and-punctuation",
        "one-word-changed",
        "different",
        "same-as-an-unsent-draft",
        "empty",
    ],
)
def test_similar_sent_flags_only_near_identical_sent_notes(
    store: HistoryStore, candidate: str, flagged: bool
) -> None:
    sent_id = save(store, SENT_NOTE)
    store.mark_sent(sent_id)
    save(store, UNSENT_NOTE, name="Grace Hopper")
    matches = store.similar_sent(candidate)
    assert [entry.id for entry, _ in matches] == ([sent_id] if flagged else [])
    assert all(score >= 90.0 for _, score in matches)


def test_similar_sent_is_best_first_and_respects_the_threshold(store: HistoryStore) -> None:
    near = save(store, SENT_NOTE.replace("glad", "happy"))
    exact = save(store, SENT_NOTE)
    for entry_id in (near, exact):
        store.mark_sent(entry_id)
    matches = store.similar_sent(SENT_NOTE)
    assert [entry.id for entry, _ in matches] == [exact, near]
    assert matches[0][1] == 100.0
    assert 90.0 <= matches[1][1] < 100.0
    assert [entry.id for entry, _ in store.similar_sent(SENT_NOTE, threshold=100)] == [exact]


# --- export ----------------------------------------------------------------------------------

TRICKY_TEXT = 'Hi Ada, "quoted", commas,\nand a second line — ünïcode ✓'


@pytest.fixture
def exported(store: HistoryStore) -> tuple[int, int]:
    first = store.save(
        make_context(), TRICKY_TEXT, make_verdict(TRICKY_TEXT, passed=False), PROVENANCE
    )
    second = save(store, SENT_NOTE, name="Grace Hopper", company=None, scenario="alumni")
    store.mark_sent(second)
    return first, second


def test_export_csv_writes_one_flat_row_per_draft(
    store: HistoryStore, exported: tuple[int, int], tmp_path: Path
) -> None:
    path = tmp_path / "out.csv"
    assert store.export_csv(path) == 2
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_HEADER
    first, second = (dict(zip(CSV_HEADER, row, strict=True)) for row in rows[1:])
    assert first == {
        "id": str(exported[0]),
        "created_at": store.get(exported[0]).created_at.isoformat(),
        "sent_at": "",
        "scenario": "met_at_event",
        "recipient": "Ada Lovelace",
        "company": "Analytical Engines",
        "passed": "no",
        "length": str(len(TRICKY_TEXT)),
        "limit": "300",
        "violations": "boilerplate",
        "text": TRICKY_TEXT,
        "model": PROVENANCE.model_name,
        "pack": "met_at_event@1.0",
        "seed": "7",
    }
    sent_at = store.get(exported[1]).sent_at
    assert sent_at is not None
    assert (second["recipient"], second["company"], second["sent_at"], second["model"]) == (
        "Grace Hopper",
        "",
        sent_at.isoformat(),
        "",
    )


def test_export_json_is_lossless(
    store: HistoryStore, exported: tuple[int, int], tmp_path: Path
) -> None:
    path = tmp_path / "out.json"
    assert store.export_json(path) == 2
    entries = [HistoryEntry.model_validate(item) for item in json.loads(path.read_text("utf-8"))]
    assert entries == [store.get(exported[0]), store.get(exported[1])]


@pytest.mark.parametrize("export", ["export_csv", "export_json"])
def test_export_to_a_missing_folder_names_the_file(
    store: HistoryStore, tmp_path: Path, export: str
) -> None:
    target = tmp_path / "missing" / "out.file"
    with pytest.raises(InputError) as caught:
        getattr(store, export)(target)
    assert str(caught.value).startswith(f"{target}: cannot write: ")


def test_export_of_an_empty_history_writes_just_the_header(
    store: HistoryStore, tmp_path: Path
) -> None:
    assert store.export_csv(tmp_path / "a.csv") == 0
    assert store.export_json(tmp_path / "a.json") == 0
    assert (tmp_path / "a.csv").read_text("utf-8").strip() == ",".join(CSV_HEADER)
    assert json.loads((tmp_path / "a.json").read_text("utf-8")) == []


# --- spreadsheet formulas in the CSV export -------------------------------------------------

FORMULAS = {
    "equals": '=HYPERLINK("http://evil.example","click")',
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3",
    "at": "@SUM(A1:A9)",
    "tab": "\tHi Ada",
    "cr": "\rHi Ada",
}
FORMULA_CELLS = [
    pytest.param(column, formula, id=f"{column}-{name}")
    for column in ("recipient", "company", "text")
    for name, formula in FORMULAS.items()
    # Names and companies lose leading whitespace when validated: only a note can start so.
    if column == "text" or not formula[0].isspace()
]


def exported_rows(store: HistoryStore, tmp_path: Path) -> list[dict[str, str]]:
    path = tmp_path / "out.csv"
    store.export_csv(path)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(("column", "formula"), FORMULA_CELLS)
def test_a_cell_a_spreadsheet_would_run_gets_a_leading_quote(
    store: HistoryStore, tmp_path: Path, column: str, formula: str
) -> None:
    if column == "text":
        save(store, formula)
    else:
        save(store, name=formula if column == "recipient" else "Ada", company=formula)
    [row] = exported_rows(store, tmp_path)
    assert row[column] == "'" + formula


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1))
def test_exported_notes_read_back_intact_or_quoted_and_never_as_a_formula(
    store: HistoryStore, tmp_path: Path, text: str
) -> None:
    entry_id = store.save(make_context(), text, make_verdict(text))
    row = next(r for r in exported_rows(store, tmp_path) if r["id"] == str(entry_id))
    assert row["text"] in (text, "'" + text)
    assert (row["text"] != text) == text.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert not row["text"].startswith(("=", "+", "-", "@", "\t", "\r"))

"""`warmnote draft --batch`: CSV and JSON Lines rows to notes, with a scripted model.

The real model drafts a small batch in tests/test_batch_real.py.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from warmnote import batch as batch_module
from warmnote import session as session_module
from warmnote.batch import (
    CSV_FIELDS,
    OUTPUT_COLUMNS,
    BatchOptions,
    BatchOutput,
    read_rows,
    run_batch,
)
from warmnote.cli import main
from warmnote.drafter import ChatMessage, ScriptedDrafter, StreamEvent
from warmnote.errors import InputError
from warmnote.history import HistoryStore
from warmnote.sampling import Sampling
from warmnote.server_drafter import ServerError
from warmnote.session import DraftingSession
from warmnote.settings import Settings

# These tests follow the model's drafts; the plain note that starts a draft by default has its own.
pytestmark = pytest.mark.usefixtures("model_first")

GOOD = (
    "Hi Tomás, I enjoyed talking after your PyData Lisbon talk on backpressure in Kafka "
    "consumers. I'd love to keep learning from how your team handles it."
)
BOILERPLATE = "I'd like to add you to my professional network on LinkedIn."

ROW = {
    "id": "t1",
    "scenario": "event_followup",
    "sender.name": "Priya Raman",
    "sender.company": "Lumen Analytics",
    "recipient.name": "Tomás Herrera",
    "recipient.headline": "Staff engineer, streaming platforms at Corvid Systems",
    "recipient.company": "Corvid Systems",
    "recipient.recent_posts": "Slides from my PyData Lisbon talk on backpressure are up.",
    "relationship.familiarity": "met_once",
    "relationship.how_we_met": "talked after his talk on backpressure in Kafka consumers",
    "relationship.where": "PyData Lisbon",
    "relationship.when": "last week",
    "relationship.shared_interests": "stream processing",
    "reason": "keep learning from how his team handles backpressure",
}


def write_csv(path: Path, rows: Sequence[dict[str, str]]) -> Path:
    columns = list(dict.fromkeys(key for row in rows for key in row))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def people(count: int) -> list[dict[str, str]]:
    return [{**ROW, "id": f"p{index}"} for index in range(1, count + 1)]


def scripted_session(drafter: Any = None, settings: Settings | None = None) -> DraftingSession:
    chosen = drafter if drafter is not None else ScriptedDrafter([GOOD])
    return DraftingSession(settings or Settings(first_draft="model"), make_drafter=lambda: chosen)


def draft_all(
    batch: Path, out: Path, session: DraftingSession, *, resume: bool = False, **options: Any
) -> tuple[Any, list[str]]:
    reported: list[str] = []
    output = BatchOutput.open(out, resume=resume)
    with HistoryStore() as history:
        outcome = run_batch(
            read_rows(batch),
            output,
            session,
            BatchOptions(**options),
            history=history,
            report=reported.append,
        )
    return outcome, reported


def read_output(path: Path) -> list[dict[str, Any]]:
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


# The column mapping -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "cell", "path", "expected"),
    [
        (
            "recipient.skills",
            "Kafka; Flink ;;Rust",
            ("recipient", "skills"),
            ["Kafka", "Flink", "Rust"],
        ),
        (
            "recipient.recent_posts",
            "First post; with a semicolon\n\nSecond post",
            ("recipient", "recent_posts"),
            ["First post; with a semicolon", "Second post"],
        ),
        (
            "relationship.mutual_connections",
            "Ana Souza",
            ("relationship", "mutual_connections"),
            ["Ana Souza"],
        ),
        ("max_chars", "200", ("max_chars",), 200),
        ("recipient.location", "  Lisbon ", ("recipient", "location"), "Lisbon"),
        ("recipient.about", "", ("recipient", "about"), None),
        ("RECIPIENT.LOCATION", "Porto", ("recipient", "location"), "Porto"),
    ],
)
def test_csv_columns_map_to_context_fields(
    tmp_path: Path, column: str, cell: str, path: tuple[str, ...], expected: Any
) -> None:
    rows = read_rows(write_csv(tmp_path / "in.csv", [{**ROW, column: cell}]))
    assert rows[0].error is None
    value: Any = rows[0].context
    for part in path:
        value = getattr(value, part)
    assert value == expected


def test_every_context_field_is_a_column() -> None:
    assert {"scenario", "recipient.name", "relationship.familiarity", "reason"} <= set(CSV_FIELDS)
    assert "recipient" not in CSV_FIELDS  # nested models are spelled out, never a column


@pytest.mark.parametrize(
    ("header", "field", "message"),
    [
        ("scenario,recipient.nmae", "recipient.nmae", "unknown column"),
        ("scenario,,reason", "(empty)", "unknown column"),
        ("reason,scenario,Reason", "reason", "appears twice"),
    ],
)
def test_a_bad_header_is_refused_naming_the_column(
    tmp_path: Path, header: str, field: str, message: str
) -> None:
    path = tmp_path / "in.csv"
    path.write_text(header + "\nx,y,z\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_rows(path)
    assert caught.value.field == field
    assert message in caught.value.detail
    assert caught.value.file == f"{path}:1"


@pytest.mark.parametrize("name", ["in.txt", "in.json", "in"])
def test_the_batch_must_be_csv_or_jsonl(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match=r"must end in \.csv or \.jsonl"):
        read_rows(path)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.text(
            st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=";"), min_size=1
        ).filter(lambda item: item.strip() == item and item),
        min_size=1,
        max_size=5,
    )
)
@example(["豈"]).via("found by CI: a compatibility ideograph NFC maps to its canonical one")
@example(["Nguye\u0302\u0303n"])
def test_list_cells_round_trip(tmp_path_factory: pytest.TempPathFactory, skills: list[str]) -> None:
    path = tmp_path_factory.mktemp("csv") / "in.csv"
    write_csv(path, [{**ROW, "recipient.skills": ";".join(skills)}])
    (row,) = read_rows(path)
    assert row.context is not None
    # as a context stores its text: composed (NFC), so 豈 (U+F900) is its canonical 豈 (U+8C48)
    assert row.context.recipient.skills == [unicodedata.normalize("NFC", s) for s in skills]


def test_jsonl_rows_are_contexts_and_bad_lines_name_their_line(tmp_path: Path) -> None:
    good = json.loads(Path("examples/event_followup.json").read_text(encoding="utf-8"))
    bad = {**good, "recipient": {"name": "X", "hobby": "golf"}}
    path = tmp_path / "in.jsonl"
    lines = [json.dumps(good), "", "{not json", json.dumps(bad), json.dumps(good)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = read_rows(path)
    assert [row.line for row in rows] == [1, 3, 4, 5]
    assert [row.error is None for row in rows] == [True, False, False, True]
    assert f"{path}:3" in str(rows[1].error)
    assert f"{path}:4: recipient.hobby: unknown field" == rows[2].error


# Drafting ------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_a_bad_row_is_reported_and_the_rest_are_drafted(tmp_path: Path, suffix: str) -> None:
    rows = people(3)
    rows[1] = {**rows[1], "relationship.familiarity": "best_mates"}
    batch = write_csv(tmp_path / "in.csv", rows)
    out = tmp_path / f"out{suffix}"
    outcome, reported = draft_all(batch, out, scripted_session())
    assert (outcome.drafted, outcome.bad, outcome.passed) == (2, 1, 2)
    assert len(reported) == 1
    assert reported[0].startswith(f"{batch}:3: relationship.familiarity:")
    records = read_output(out)
    assert [str(record["row"]) for record in records] == ["2", "4"]
    assert [record["id"] for record in records] == ["p1", "p3"]
    assert all(record["text"] == GOOD for record in records)


def test_output_records_carry_verdict_and_provenance(tmp_path: Path) -> None:
    batch = write_csv(tmp_path / "in.csv", people(1))
    drafter = ScriptedDrafter([BOILERPLATE])
    draft_all(batch, tmp_path / "out.jsonl", scripted_session(drafter), attempts=1)
    draft_all(
        batch, tmp_path / "out.csv", scripted_session(ScriptedDrafter([BOILERPLATE])), attempts=1
    )
    (record,) = read_output(tmp_path / "out.jsonl")
    assert record["passed"] is False or record["provenance"]["origin"] == "plain"
    assert record["provenance"]["pack"] == "event_followup"
    assert record["provenance"]["model_name"] == "scripted"
    assert isinstance(record["violations"], list)
    (row,) = read_output(tmp_path / "out.csv")
    assert tuple(row) == OUTPUT_COLUMNS
    assert row["text"] == record["text"]
    assert row["pack"] == "event_followup"
    assert row["passed"] == ("yes" if record["passed"] else "no")
    assert row["violations"] == "; ".join(
        f"{v['rule']}: {v['message']}" for v in record["violations"]
    )


def test_drafts_go_into_history(tmp_path: Path) -> None:
    batch = write_csv(tmp_path / "in.csv", people(2))
    draft_all(batch, tmp_path / "out.jsonl", scripted_session())
    records = read_output(tmp_path / "out.jsonl")
    with HistoryStore() as history:
        saved = {entry.id: entry for entry in history.search()}
    assert sorted(saved) == sorted(record["history_id"] for record in records)
    assert {entry.context.id for entry in saved.values()} == {"p1", "p2"}


def test_a_formula_in_a_cell_is_defused_in_csv_output(tmp_path: Path) -> None:
    batch = write_csv(tmp_path / "in.csv", [{**ROW, "recipient.name": "=HYPERLINK(1)"}])
    draft_all(batch, tmp_path / "out.csv", scripted_session())
    (row,) = read_output(tmp_path / "out.csv")
    assert row["recipient"] == "'=HYPERLINK(1)"


@pytest.mark.parametrize(
    ("account", "cell", "flag", "expected"),
    [
        ("free", "", None, 200),
        ("premium", "", None, 300),
        ("free", "280", None, 280),
        ("free", "280", 150, 150),
    ],
)
def test_the_limit_comes_from_the_account_unless_given(
    tmp_path: Path, account: str, cell: str, flag: int | None, expected: int
) -> None:
    batch = write_csv(tmp_path / "in.csv", [{**ROW, "max_chars": cell}])
    session = scripted_session(settings=Settings(first_draft="model", account=account))
    draft_all(batch, tmp_path / "out.jsonl", session, limit=flag)
    (record,) = read_output(tmp_path / "out.jsonl")
    assert record["limit"] == expected


# Ctrl+C and --resume -------------------------------------------------------------------------


class InterruptedDrafter(ScriptedDrafter):
    """Replays its replies, but Ctrl+C arrives during call number ``interrupt_at``."""

    interrupt_at = 0

    def stream(
        self, messages: Sequence[ChatMessage], sampling: Sampling, seed: int
    ) -> Iterator[StreamEvent]:
        if len(self.calls) + 1 == self.interrupt_at:
            raise KeyboardInterrupt
        return super().stream(messages, sampling, seed)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_ctrl_c_keeps_written_rows_and_resume_drafts_the_rest(tmp_path: Path, suffix: str) -> None:
    batch = write_csv(tmp_path / "in.csv", people(4))
    out = tmp_path / f"out{suffix}"
    first = InterruptedDrafter([GOOD])
    first.interrupt_at = 3
    outcome, _ = draft_all(batch, out, scripted_session(first))
    assert outcome.interrupted
    assert [record["id"] for record in read_output(out)] == ["p1", "p2"]

    second = ScriptedDrafter([GOOD])
    outcome, _ = draft_all(batch, out, scripted_session(second), resume=True)
    assert (outcome.earlier, outcome.drafted) == (2, 2)
    assert len(second.calls) == 2
    assert [record["id"] for record in read_output(out)] == ["p1", "p2", "p3", "p4"]


def test_a_csv_begun_before_the_left_out_column_is_resumed_in_its_own_columns(
    tmp_path: Path,
) -> None:
    batch = write_csv(tmp_path / "in.csv", people(3))
    out = tmp_path / "out.csv"
    draft_all(batch, out, scripted_session())
    with out.open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    gone = table[0].index("left_out")
    older = [row[:gone] + row[gone + 1 :] for row in table[:3]]  # header, p1, p2
    with out.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(older)

    drafter = ScriptedDrafter([GOOD])
    outcome, _ = draft_all(batch, out, scripted_session(drafter), resume=True)
    assert (outcome.earlier, outcome.drafted, len(drafter.calls)) == (2, 1, 1)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["id"] for row in rows] == ["p1", "p2", "p3"]
    assert "left_out" not in rows[0] and all(None not in row for row in rows)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_resume_drops_a_record_cut_short_and_drafts_it_again(tmp_path: Path, suffix: str) -> None:
    batch = write_csv(tmp_path / "in.csv", people(2))
    out = tmp_path / f"out{suffix}"
    draft_all(batch, out, scripted_session())
    data = out.read_bytes()
    out.write_bytes(data[:-20])  # a crash in the middle of writing the last record
    drafter = ScriptedDrafter([GOOD])
    outcome, _ = draft_all(batch, out, scripted_session(drafter), resume=True)
    assert (outcome.earlier, outcome.drafted, len(drafter.calls)) == (1, 1, 1)
    kept = data[: data.rfind(b"\n", 0, len(data) - 20) + 1]
    assert out.read_bytes().startswith(kept)
    assert [record["id"] for record in read_output(out)] == ["p1", "p2"]


def test_a_csv_record_cut_inside_a_multiline_note_is_dropped(tmp_path: Path) -> None:
    batch = write_csv(tmp_path / "in.csv", people(2))
    out = tmp_path / "out.csv"
    draft_all(batch, out, scripted_session())
    whole = out.read_text(encoding="utf-8").splitlines(keepends=True)
    first = "".join(whole[:2])  # the header and row 2's record
    out.write_text(first + '3,abc,p2,Tomás,yes,model,10,300,"Hi Tomás,\nI was', encoding="utf-8")
    output = BatchOutput.open(out, resume=True)
    output.close()
    assert output.done == {f"2:{read_rows(batch)[0].key}"}
    assert out.read_text(encoding="utf-8") == first


def test_an_edited_row_is_drafted_again_on_resume(tmp_path: Path) -> None:
    rows = people(2)
    batch = write_csv(tmp_path / "in.csv", rows)
    out = tmp_path / "out.jsonl"
    draft_all(batch, out, scripted_session())
    rows[1] = {**rows[1], "reason": "compare notes on consumer lag"}
    write_csv(batch, rows)
    outcome, _ = draft_all(batch, out, scripted_session(), resume=True)
    assert (outcome.earlier, outcome.drafted) == (1, 1)


def test_an_existing_output_is_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("keep me\n", encoding="utf-8")
    with pytest.raises(InputError, match="add --resume"):
        BatchOutput.open(out, resume=False)
    assert out.read_text(encoding="utf-8") == "keep me\n"


def test_resume_refuses_a_file_that_is_not_batch_output(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="not the output"):
        BatchOutput.open(out, resume=True)


@pytest.mark.parametrize(
    "content",
    [
        '{"scenario": "strategic"}\n{"scenario": "strategic"}',  # no row/key, last line open
        '{"scenario": "strategic"}',  # one line, no newline
        '{"row": 2, "key": "abc"}\n{"scenario": "strategic"}',  # a last line not of ours
        '["row", "key"]\n{"row": 3',  # a complete line that is not a record
    ],
)
def test_resume_cuts_nothing_from_a_file_that_is_not_batch_output(
    tmp_path: Path, content: str
) -> None:
    out = tmp_path / "people.jsonl"
    out.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="not the output"):
        BatchOutput.open(out, resume=True)
    assert out.read_text(encoding="utf-8") == content


# The command ---------------------------------------------------------------------------------


@pytest.fixture
def scripted_command(monkeypatch: pytest.MonkeyPatch) -> ScriptedDrafter:
    drafter = ScriptedDrafter([GOOD])

    def open_session(settings: Settings, **_: Any) -> DraftingSession:
        return DraftingSession(settings, make_drafter=lambda: drafter)

    monkeypatch.setattr(session_module, "open_session", open_session)
    return drafter


@pytest.mark.parametrize(
    ("rows", "code"),
    [
        (people(2), 0),
        ([ROW, {**ROW, "scenario": "no_such_pack"}], 2),
        ([ROW, {**ROW, "recipient.name": ""}], 2),
    ],
)
def test_command_exit_codes(
    tmp_path: Path,
    scripted_command: ScriptedDrafter,
    capsys: pytest.CaptureFixture[str],
    rows: list[dict[str, str]],
    code: int,
) -> None:
    batch = write_csv(tmp_path / "in.csv", rows)
    out = tmp_path / "out.csv"
    result = main(["draft", "--batch", str(batch), "--out", str(out)])
    err = capsys.readouterr().err
    if code == 2:
        assert f"{batch}:3" in err
    assert result == code
    assert "drafted" in err
    assert "runs 2/2" in err  # the progress line of `warmnote eval`, on stderr


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--batch", "in.csv"], "--out"),
        (["--out", "out.csv"], "--batch"),
        (["--resume"], "--batch"),
        (["--batch", "in.csv", "--out", "out.csv", "--context", "c.json"], "not both"),
        (["--batch", "in.csv", "--out", "out.csv", "--json"], "--json"),
        (["--batch", "in.csv", "--out", "out.txt"], "--out"),
        ([], "--context"),
        (["--batch", "in.csv", "--out", "out.csv", "--pack", "nope"], "nope"),
    ],
)
def test_command_refuses_wrong_options(
    tmp_path: Path,
    scripted_command: ScriptedDrafter,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    write_csv(tmp_path / "in.csv", people(1))
    assert main(["draft", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not scripted_command.calls


@pytest.mark.parametrize("module", ["warmnote.batch", "warmnote.linkedin_export"])
def test_batch_and_export_reading_are_core(module: str) -> None:
    """Outside src/warmnote/tui/ nothing imports textual (nor the model backend at import)."""
    loaded = "sorted(m for m in ('textual', 'llama_cpp') if m in sys.modules)"
    code = f"import sys, {module}; print({loaded})"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("spelling", ["{batch}", "{folder}/./../{folder_name}/people.jsonl"])
def test_command_refuses_the_batch_file_as_output(
    tmp_path: Path,
    scripted_command: ScriptedDrafter,
    capsys: pytest.CaptureFixture[str],
    spelling: str,
) -> None:
    batch = tmp_path / "people.jsonl"
    content = json.dumps({"scenario": "strategic"})  # the last line has no newline
    batch.write_text(content, encoding="utf-8")
    out = spelling.format(batch=batch, folder=tmp_path, folder_name=tmp_path.name)
    assert main(["draft", "--batch", str(batch), "--out", out, "--resume"]) == 2
    err = capsys.readouterr().err
    assert "is the --batch file" in err
    assert len(err.strip().splitlines()) == 1
    assert batch.read_text(encoding="utf-8") == content
    assert not scripted_command.calls


def test_history_that_will_not_open_leaves_no_output(
    tmp_path: Path,
    scripted_command: ScriptedDrafter,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken_history() -> HistoryStore:
        raise InputError("cannot open: Permission denied", file=tmp_path / "history.db")

    monkeypatch.setattr(batch_module, "HistoryStore", broken_history)
    batch = write_csv(tmp_path / "in.csv", people(1))
    out = tmp_path / "out.csv"
    assert main(["draft", "--batch", str(batch), "--out", str(out)]) == 2
    assert "history.db" in capsys.readouterr().err
    assert not out.exists()


class FailingDrafter(ScriptedDrafter):
    """Replays its replies, but the server fails on call number ``fail_at``."""

    fail_at = 0

    def stream(
        self, messages: Sequence[ChatMessage], sampling: Sampling, seed: int
    ) -> Iterator[StreamEvent]:
        if len(self.calls) + 1 == self.fail_at:
            raise ServerError("the server at http://127.0.0.1:1 went away")
        return super().stream(messages, sampling, seed)


def test_a_server_error_partway_ends_with_the_resume_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    drafter = FailingDrafter([GOOD])
    drafter.fail_at = 2
    monkeypatch.setattr(
        session_module,
        "open_session",
        lambda settings, **_: DraftingSession(settings, make_drafter=lambda: drafter),
    )
    batch = write_csv(tmp_path / "in.csv", people(3))
    out = tmp_path / "out.jsonl"
    assert main(["draft", "--batch", str(batch), "--out", str(out)]) == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert "went away" in last
    assert "--resume" in last
    assert [record["id"] for record in read_output(out)] == ["p1"]

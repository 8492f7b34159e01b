"""``warmnote history``: list, search, export and mark-sent from the command line."""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import warmnote
from warmnote import locations
from warmnote.commands import history as history_command
from warmnote.context import Context
from warmnote.errors import InputError
from warmnote.guardrails.verdict import Verdict
from warmnote.history import CSV_HEADER, HistoryStore

SRC_ROOT = Path(warmnote.__file__).resolve().parents[1]

NOTES = [  # (recipient, company, scenario, note), saved oldest first
    (
        "Ada Lovelace",
        "Analytical Engines",
        "met_at_event",
        "Hi Ada, loved your talk on difference engines at PyCon. Would be glad to connect.",
    ),
    (
        "Grace Hopper",
        None,
        "former_colleague",
        "Hi Grace, great to reconnect after the COBOL years on the compiler team.",
    ),
]


def saved(*notes: tuple[str, str | None, str, str]) -> list[int]:
    """Save notes into the default history (under the test's WARMNOTE_HOME)."""
    with HistoryStore() as store:
        return [
            store.save(
                Context.model_validate(
                    {
                        "scenario": scenario,
                        "sender": {"name": "Ana Souza"},
                        "recipient": {"name": name, "company": company},
                        "relationship": {"familiarity": "met_once"},
                    }
                ),
                text,
                Verdict(passed=True, length=len(text), limit=300, violations=[]),
            )
            for name, company, scenario, text in notes
        ]


def invoke(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Parse and run ``history ...`` in-process, through the command's own register/run."""
    parser = argparse.ArgumentParser(prog="warmnote")
    history_command.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["history", *argv])
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_list_on_a_fresh_install(capsys: pytest.CaptureFixture[str]) -> None:
    assert invoke(capsys, "list") == (0, "no saved drafts\n", "")


def test_list_shows_newest_first_with_recipient_and_a_preview(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ada, grace = saved(*NOTES)
    code, out, _ = invoke(capsys, "list")
    header, first, second = out.splitlines()
    assert code == 0
    assert header.split() == ["ID", "SAVED", "SENT", "CHECK", "RECIPIENT", "SCENARIO", "NOTE"]
    assert first.startswith(f"{grace} ")
    assert "Grace Hopper" in first
    assert "former_colleague" in first
    assert second.startswith(f"{ada} ")
    assert "Ada Lovelace (Analytical Engines)" in second
    assert "Hi Ada, loved your talk on difference engines at PyCon. Wou…" in second


@pytest.mark.parametrize(
    ("query", "expected", "empty_message"),
    [
        ("cobol", ["Grace Hopper"], None),
        ("ANALYTICAL", ["Ada Lovelace"], None),
        ("nobody", [], "no saved drafts match 'nobody'\n"),
    ],
    ids=["note-text", "company", "no-match"],
)
def test_list_search(
    capsys: pytest.CaptureFixture[str],
    query: str,
    expected: list[str],
    empty_message: str | None,
) -> None:
    saved(*NOTES)
    code, out, _ = invoke(capsys, "list", "--search", query, "--json")
    assert code == 0
    assert [e["context"]["recipient"]["name"] for e in json.loads(out)] == expected
    if empty_message:
        assert invoke(capsys, "list", "--search", query)[1] == empty_message


def test_list_json_is_the_full_entries(capsys: pytest.CaptureFixture[str]) -> None:
    _, grace = saved(*NOTES)
    code, out, _ = invoke(capsys, "list", "--json", "--limit", "1")
    [entry] = json.loads(out)
    assert code == 0
    assert entry["id"] == grace
    assert set(entry) == {
        "id",
        "created_at",
        "context",
        "text",
        "passed",
        "verdict",
        "provenance",
        "sent_at",
    }


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export(capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str) -> None:
    ids = saved(*NOTES)
    target = tmp_path / f"drafts.{fmt}"
    assert invoke(capsys, "export", f"--{fmt}", str(target)) == (
        0,
        f"wrote 2 drafts to {target}\n",
        "",
    )
    if fmt == "csv":
        with target.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert list(rows[0]) == list(CSV_HEADER)
        assert [int(row["id"]) for row in rows] == ids
    else:
        assert [e["id"] for e in json.loads(target.read_text("utf-8"))] == ids


@pytest.mark.parametrize(
    "argv",
    [["export", "out.csv"], ["export", "--csv", "--json", "out.csv"], ["mark-sent", "seven"], []],
    ids=["export-without-format", "export-with-two-formats", "non-numeric-id", "no-action"],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        invoke(capsys, *argv)
    assert caught.value.code == 2


def test_mark_sent_records_it_and_undo_clears_it(capsys: pytest.CaptureFixture[str]) -> None:
    [ada] = saved(NOTES[0])
    assert invoke(capsys, "mark-sent", str(ada)) == (0, f"draft {ada} marked as sent\n", "")
    with HistoryStore() as store:
        assert store.get(ada).sent_at is not None
    assert invoke(capsys, "mark-sent", str(ada), "--undo")[1] == f"draft {ada} marked as not sent\n"
    with HistoryStore() as store:
        assert store.get(ada).sent_at is None


def test_mark_sent_warns_about_a_nearly_identical_sent_note(
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, unrelated, repeat = saved(
        NOTES[0], NOTES[1], ("Ada Byron", None, "met_at_event", NOTES[0][3].upper())
    )
    invoke(capsys, "mark-sent", str(first))
    assert invoke(capsys, "mark-sent", str(unrelated))[2] == ""
    code, _, err = invoke(capsys, "mark-sent", str(repeat))
    assert code == 0
    assert err == (
        f"warmnote: warning: draft {repeat} is 100% similar to draft {first}, "
        "already sent to Ada Lovelace\n"
    )


def test_mark_sent_unknown_id_is_an_input_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(InputError, match="no saved draft with id 99"):
        invoke(capsys, "mark-sent", "99")


# --- the real command line -------------------------------------------------------------------


def cli_has_history() -> bool:
    try:
        from warmnote import cli
    except ImportError:
        return False
    return history_command in cli.COMMANDS


needs_cli = pytest.mark.skipif(
    not cli_has_history(),
    reason="`history` is not in warmnote.cli.COMMANDS yet (or a sibling command is missing)",
)


def warmnote_cli(*argv: str) -> subprocess.CompletedProcess[str]:
    paths = [str(SRC_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    return subprocess.run(
        [sys.executable, "-m", "warmnote", "history", *argv],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)},
    )


@needs_cli
def test_cli_lists_exports_and_marks_sent(tmp_path: Path) -> None:
    ada, grace = saved(*NOTES)
    listed = warmnote_cli("list", "--json")
    assert (listed.returncode, listed.stderr) == (0, "")
    assert [e["id"] for e in json.loads(listed.stdout)] == [grace, ada]
    target = tmp_path / "out.csv"
    exported = warmnote_cli("export", "--csv", str(target))
    assert (exported.returncode, exported.stdout) == (0, f"wrote 2 drafts to {target}\n")
    marked = warmnote_cli("mark-sent", str(ada))
    assert (marked.returncode, marked.stdout) == (0, f"draft {ada} marked as sent\n")


@needs_cli
@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["mark-sent", "99"], "no saved draft with id 99"),
        (["export", "--json", "/nonexistent-dir/out.json"], "cannot write: "),
    ],
    ids=["unknown-id", "unwritable-export"],
)
def test_cli_errors_are_one_line_and_exit_2(argv: list[str], message: str) -> None:
    result = warmnote_cli(*argv)
    assert result.returncode == 2
    assert result.stderr.startswith("warmnote: ")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


# --- hostile text, bad numbers, a damaged file ------------------------------------------------

HOSTILE_NAME = "Ada\x1b]52;c;ZXZpbA==\x07 Lovelace"  # OSC 52: would write the clipboard
HOSTILE_COMPANY = "Engines\x9b2J"  # C1 CSI: would clear the screen
HOSTILE_NOTE = "Hi Ada,\x1b[2J loved your talk \u202eevil\u202c on engines."


def test_list_never_sends_escape_sequences_to_the_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    saved((HOSTILE_NAME, HOSTILE_COMPANY, "met_at_event", HOSTILE_NOTE))
    code, out, _ = invoke(capsys, "list")
    assert code == 0
    assert not set(out) & {"\x1b", "\x07", "\x9b", "\u202e", "\u202c"}
    assert "Ada\\x1b]52;c;ZXZpbA==\\x07 Lovelace (Engines\\x9b2J)" in out
    assert "Hi Ada,\\x1b[2J loved your talk \\u202eevil\\u202c on engines." in out


def test_list_json_escapes_what_a_terminal_would_act_on_and_loses_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    saved((HOSTILE_NAME, HOSTILE_COMPANY, "met_at_event", HOSTILE_NOTE))
    code, out, _ = invoke(capsys, "list", "--json")
    [entry] = json.loads(out)
    assert code == 0
    assert out.isascii()
    assert (entry["context"]["recipient"]["name"], entry["text"]) == (HOSTILE_NAME, HOSTILE_NOTE)


@needs_cli
@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["list", "--limit", "99999999999999999999"], "--limit"),
        (["list", "--limit", "0"], "--limit"),
        (["list", "--limit", "-1"], "--limit"),
        (["mark-sent", "99999999999999999999"], "ID"),
        (["mark-sent", "0"], "ID"),
        (["mark-sent", "--", "-5"], "ID"),
    ],
    ids=["huge-limit", "zero-limit", "negative-limit", "huge-id", "zero-id", "negative-id"],
)
def test_numbers_out_of_range_are_one_line_errors(argv: list[str], field: str) -> None:
    result = warmnote_cli(*argv)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1
    assert field in result.stderr
    assert "must be between 1 and 9223372036854775807" in result.stderr


def damage(path: Path) -> bytes:
    """Garbage over a page in the middle of the file, as a failing drive leaves it."""
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    middle = len(data) // size // 2 * size
    data[middle : middle + size] = bytes(range(7, 256, 3)) * (size // 83) + bytes(size % 83)
    path.write_bytes(data)
    return bytes(data)


@pytest.fixture
def damaged_history() -> tuple[Path, bytes]:
    saved(*[(f"Person {n}", None, "alumni", f"note {n} " + "x" * 900) for n in range(60)])
    path = locations.history_db()
    return path, damage(path)


@needs_cli
@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "--search", "person"],
        ["list", "--json"],
        ["export", "--csv", "out.csv"],
        ["export", "--json", "out.json"],
        ["mark-sent", "1"],
    ],
    ids=["list", "search", "list-json", "export-csv", "export-json", "mark-sent"],
)
def test_a_damaged_history_is_one_line_naming_the_file_and_the_way_out(
    damaged_history: tuple[Path, bytes], argv: list[str], tmp_path: Path
) -> None:
    path, damaged = damaged_history
    result = warmnote_cli(*[str(tmp_path / arg) if arg.startswith("out.") else arg for arg in argv])
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"warmnote: {path}: the history file is damaged (")
    assert "run `warmnote history recover`" in result.stderr
    assert result.stderr.count("\n") == 1
    assert path.read_bytes() == damaged
    assert not (tmp_path / "out.csv").exists()


@needs_cli
def test_recover_reports_what_it_saved_and_where_the_damaged_file_is(
    damaged_history: tuple[Path, bytes],
) -> None:
    path, damaged = damaged_history
    result = warmnote_cli("recover")
    assert (result.returncode, result.stderr) == (0, "")
    saved_line, kept_line = result.stdout.splitlines()
    match = re.fullmatch(
        rf"saved (\d+) drafts into a fresh {re.escape(str(path))}; lost (\d+)", saved_line
    )
    assert match is not None, saved_line
    assert int(match[1]) + int(match[2]) == 60
    aside = Path(kept_line.removeprefix("the damaged file is kept as "))
    assert aside.parent == path.parent
    assert aside.read_bytes() == damaged
    listed = warmnote_cli("list", "--json", "--limit", "100")
    assert (listed.returncode, len(json.loads(listed.stdout))) == (0, int(match[1]))


@pytest.mark.parametrize("healthy", [True, False], ids=["healthy", "missing"])
def test_recover_with_nothing_to_recover_says_so(
    capsys: pytest.CaptureFixture[str], healthy: bool
) -> None:
    if healthy:
        saved(NOTES[0])
    state = "is not damaged" if healthy else "does not exist"
    assert invoke(capsys, "recover") == (
        0,
        f"{locations.history_db()} {state}; nothing to recover\n",
        "",
    )


# --- a row that cannot be read ---------------------------------------------------------------


@pytest.fixture
def unreadable_row() -> int:
    """Three drafts in the default history; the middle one's context has a field no warmnote
    knows. Returns its id."""
    ids = saved(NOTES[0], NOTES[0], NOTES[1])
    raw = sqlite3.connect(locations.history_db())
    raw.execute("""UPDATE drafts SET context = '{"x":1}' WHERE id = ?""", (ids[1],))
    raw.commit()
    raw.close()
    return ids[1]


def skipped_warning(entry_id: int) -> str:
    return (
        f"warmnote: warning: {locations.history_db()}: skipped 1 saved draft that cannot be read "
        f"(drafts[{entry_id}].context.x: unknown field); run `warmnote history recover` to move "
        "the file aside and keep every draft that can be read\n"
    )


@pytest.mark.parametrize(
    ("argv", "shown"),
    [
        (["list"], lambda out: len(out.splitlines()) - 1),
        (["list", "--search", "hi"], lambda out: len(out.splitlines()) - 1),
        (["list", "--json"], lambda out: len(json.loads(out))),
    ],
    ids=["list", "search", "list-json"],
)
def test_list_skips_an_unreadable_row_with_one_warning_line(
    capsys: pytest.CaptureFixture[str],
    unreadable_row: int,
    argv: list[str],
    shown: Callable[[str], int],
) -> None:
    code, out, err = invoke(capsys, *argv)
    assert (code, shown(out), err) == (0, 2, skipped_warning(unreadable_row))


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_skips_an_unreadable_row_with_one_warning_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, unreadable_row: int, fmt: str
) -> None:
    target = tmp_path / f"out.{fmt}"
    code, out, err = invoke(capsys, "export", f"--{fmt}", str(target))
    assert (code, out, err) == (0, f"wrote 2 drafts to {target}\n", skipped_warning(unreadable_row))


def test_recover_moves_aside_a_history_with_an_unreadable_row(
    capsys: pytest.CaptureFixture[str], unreadable_row: int
) -> None:
    path = locations.history_db()
    code, out, err = invoke(capsys, "recover")
    saved_line, kept_line = out.splitlines()
    assert (code, err, saved_line) == (0, "", f"saved 2 drafts into a fresh {path}; lost 1")
    aside = Path(kept_line.removeprefix("the damaged file is kept as "))
    assert (aside.parent, aside.is_file()) == (path.parent, True)
    code, out, err = invoke(capsys, "list", "--json")
    assert (code, len(json.loads(out)), err) == (0, 2, "")

"""What the person typed is never lost: atomic autosave, corrupt files kept aside, the sender
remembered."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import warmnote
from warmnote import locations
from warmnote.autosave import MAX_AUTOSAVE_BYTES, Autosave, load_sender, save_sender
from warmnote.context import Sender
from warmnote.errors import InputError
from warmnote.files import MAX_INPUT_BYTES

SRC_ROOT = Path(warmnote.__file__).resolve().parents[1]

FORM: dict[str, Any] = {
    "recipient": {"name": "Zoë Ångström", "company": "Café Ünïcode"},
    "relationship": {"familiarity": "met_once", "where": "PyCon 🐍"},
    "draft": 'Hi Zoë, "quoted"\nsecond line',
    "limit": 300,
}


def subprocess_env() -> dict[str, str]:
    """The child imports this checkout's warmnote whether or not it is installed."""
    paths = [str(SRC_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_nothing_to_restore_before_the_first_save(tmp_path: Path) -> None:
    assert Autosave(tmp_path / "autosave.json").load() is None


def test_save_then_load_round_trips_and_leaves_no_temp_files(tmp_path: Path) -> None:
    autosave = Autosave(tmp_path / "nested" / "autosave.json")
    autosave.save({"draft": "old"})
    autosave.save(FORM)
    assert autosave.load() == FORM
    assert leftovers(tmp_path / "nested") == []


def test_default_location_is_the_data_dir(warmnote_home: Path) -> None:
    Autosave().save(FORM)
    assert json.loads((locations.data_dir() / "autosave.json").read_text("utf-8")) == FORM


def test_clear_removes_the_save_and_is_safe_to_repeat(tmp_path: Path) -> None:
    autosave = Autosave(tmp_path / "autosave.json")
    autosave.save(FORM)
    autosave.clear()
    autosave.clear()
    assert autosave.load() is None
    assert not autosave.path.exists()


CRASH_DURING_SAVE = """
import os, signal, sys
from pathlib import Path
from warmnote.autosave import Autosave

def crash(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

os.replace = crash  # the process dies after the temp file is written, before the swap
Autosave(Path(sys.argv[1])).save({"draft": "the new text"})
"""


def test_a_crash_between_temp_write_and_replace_keeps_the_old_save(tmp_path: Path) -> None:
    autosave = Autosave(tmp_path / "autosave.json")
    autosave.save(FORM)
    crashed = subprocess.run(
        [sys.executable, "-c", CRASH_DURING_SAVE, str(autosave.path)],
        capture_output=True,
        text=True,
        env=subprocess_env(),
    )
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr
    [temp] = leftovers(tmp_path)
    assert json.loads((tmp_path / temp).read_text("utf-8")) == {"draft": "the new text"}
    assert autosave.load() == FORM


def test_a_failed_replace_keeps_the_old_save_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    autosave = Autosave(tmp_path / "autosave.json")
    autosave.save(FORM)

    def refuse(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="No space left"):
        autosave.save({"draft": "new"})
    monkeypatch.undo()
    assert autosave.load() == FORM
    assert leftovers(tmp_path) == []


def test_state_that_is_not_json_fails_before_touching_the_old_save(tmp_path: Path) -> None:
    autosave = Autosave(tmp_path / "autosave.json")
    autosave.save(FORM)
    with pytest.raises(TypeError):
        autosave.save({"draft": object()})
    assert autosave.load() == FORM


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b'{"draft": "half a wri', id="truncated"),
        pytest.param(b"", id="empty"),
        pytest.param(b"\xff\xfe\x00garbage", id="not-utf8"),
        pytest.param(b"[1, 2]", id="list"),
        pytest.param(b'"just text"', id="string"),
        pytest.param(b"null", id="null"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, id="deep-list"),
        pytest.param(b'{"a":' * 100_000 + b"1" + b"}" * 100_000, id="deep-object"),
        pytest.param(b'{"a":' * 65 + b"1" + b"}" * 65, id="over-the-nesting-cap"),
        pytest.param(b'{"draft": "\\ud800"}', id="lone-surrogate"),
        pytest.param(b'{"limit": ' + b"9" * 5000 + b"}", id="huge-number"),
        pytest.param(b'{"draft": "' + b"x" * MAX_AUTOSAVE_BYTES + b'"}', id="over-the-size-cap"),
    ],
)
def test_a_corrupt_save_is_moved_aside_not_deleted(tmp_path: Path, content: bytes) -> None:
    autosave = Autosave(tmp_path / "autosave.json")
    autosave.path.write_bytes(content)
    assert autosave.load() is None
    [aside] = tmp_path.glob("autosave.corrupt-*.json")
    assert aside.read_bytes() == content
    assert not autosave.path.exists()
    assert autosave.load() is None, "the next start finds nothing to restore, and no error"
    autosave.save(FORM)
    assert autosave.load() == FORM


def test_a_large_form_within_the_cap_is_restored(tmp_path: Path) -> None:
    autosave = Autosave(tmp_path / "autosave.json")
    state = {**FORM, "notes": "x" * (MAX_INPUT_BYTES * 2)}  # over the cap for a context file
    autosave.save(state)
    assert autosave.load() == state


@pytest.mark.timeout(30)  # a guard only: load must not open the FIFO at all
def test_a_fifo_in_place_of_the_save_is_moved_aside_unread(tmp_path: Path) -> None:
    autosave = Autosave(tmp_path / "autosave.json")
    os.mkfifo(autosave.path, 0o644)
    assert autosave.load() is None
    [aside] = tmp_path.glob("autosave.corrupt-*.json")
    assert stat.S_ISFIFO(aside.lstat().st_mode)
    assert stat.S_IMODE(aside.lstat().st_mode) == 0o644


def test_a_corrupt_save_that_cannot_be_moved_aside_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    autosave = Autosave(tmp_path / "autosave.json")
    autosave.path.write_bytes(b"[" * 100_000)

    def refuse(*args: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(InputError, match="cannot be moved aside: Read-only file system"):
        autosave.load()
    monkeypatch.undo()
    assert autosave.path.read_bytes() == b"[" * 100_000


def test_each_corrupt_save_gets_its_own_name(tmp_path: Path) -> None:
    autosave = Autosave(tmp_path / "autosave.json")
    for content in (b"{one", b"{two"):
        autosave.path.write_bytes(content)
        assert autosave.load() is None
    kept = sorted(p.read_bytes() for p in tmp_path.glob("autosave.corrupt-*.json"))
    assert kept == [b"{one", b"{two"]


def test_saves_from_several_threads_leave_one_whole_file(tmp_path: Path) -> None:
    autosave = Autosave(tmp_path / "autosave.json")

    def typing(n: int) -> None:
        for i in range(25):
            autosave.save({"writer": n, "keystroke": i, "draft": "x" * 2000})

    threads = [threading.Thread(target=typing, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    state = autosave.load()
    assert state is not None
    assert state["keystroke"] == 24
    assert leftovers(tmp_path) == []


# --- the remembered sender -------------------------------------------------------------------


def test_no_sender_before_the_first_run() -> None:
    assert load_sender() is None


@pytest.mark.parametrize(
    "sender",
    [Sender(name="Ana Souza"), Sender(name="Zoë Ångström", headline="Data ✓", company="Café")],
    ids=["name-only", "all-fields"],
)
def test_sender_round_trips_through_the_data_dir(sender: Sender) -> None:
    save_sender(sender)
    assert load_sender() == sender
    assert (locations.data_dir() / "sender.json").is_file()


@pytest.mark.parametrize(
    ("data", "field", "fragment"),
    [
        ({"name": ""}, "name", "at least 1 character"),
        ({"name": "Ana", "nickname": "A"}, "nickname", "unknown field"),
        ({"headline": "Engineer"}, "name", "required field is missing"),
    ],
    ids=["empty-name", "unknown-field", "missing-name"],
)
def test_a_hand_edited_sender_file_names_the_field(
    data: dict[str, str], field: str, fragment: str
) -> None:
    path = locations.data_dir() / "sender.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_sender()
    assert str(caught.value).startswith(f"{path}: {field}: ")
    assert fragment in str(caught.value)

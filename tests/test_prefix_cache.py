"""Saved prefix states: files round-trip, bad files are ignored, the disk and memory bounds hold,
stale states of edited packs are dropped, and the real model reuses a saved prefix."""

from __future__ import annotations

import os
import tempfile
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warmnote import locations, prefix_cache
from warmnote.drafter import ChatMessage, TextChunk
from warmnote.llama import LlamaDrafter
from warmnote.prefix_cache import FORMAT, PrefixStates, SavedState, state_key
from warmnote.sampling import Sampling

HEADER = len(FORMAT) + 16  # a fake state's file is this header and its state bytes
STATE = 100
TWO_STATES = 2 * (HEADER + STATE)


def fake_state(size: int = STATE) -> SavedState:
    return SavedState(input_ids=np.zeros(0, dtype=np.intc), state=b"s" * size, seed=0)


def on_disk(directory: Path) -> dict[str, int]:
    return {path.stem: path.stat().st_size for path in directory.glob("*.state")}


def test_a_saved_state_survives_a_new_process(tmp_path: Path) -> None:
    saved = SavedState(input_ids=np.arange(7, dtype=np.intc), state=b"kv-bytes" * 3, seed=2**32 - 1)
    PrefixStates(tmp_path).put("k", saved)
    loaded = PrefixStates(tmp_path).get("k")
    assert loaded is not None
    assert loaded.input_ids.tolist() == list(range(7))
    assert loaded.state == saved.state
    assert loaded.seed == 2**32 - 1


def test_a_state_kept_in_memory_is_this_processs_only(tmp_path: Path) -> None:
    """A prefill's prompt, maybe half processed, never replaces the pack's prefix on disk."""
    states = PrefixStates(tmp_path)
    states.put("k", fake_state(3))
    prepared = SavedState(input_ids=np.arange(5, dtype=np.intc), state=b"prepared", seed=0)
    states.keep_in_memory("k", prepared)
    states.keep_in_memory("new", prepared)

    assert states.get("k") is prepared
    assert on_disk(tmp_path) == {"k": len(FORMAT) + 16 + 3}
    fresh = PrefixStates(tmp_path).get("k")
    assert fresh is not None and fresh.state == b"sss"


def test_a_state_that_will_not_load_is_forgotten_on_disk_too(tmp_path: Path) -> None:
    states = PrefixStates(tmp_path)
    states.put("k", SavedState(input_ids=np.arange(3, dtype=np.intc), state=b"x", seed=0))
    assert (tmp_path / "k.state").exists()
    states.discard("k")
    assert not (tmp_path / "k.state").exists()
    assert states.get("k") is None


@pytest.mark.parametrize(
    "content", [b"", b"WNPS1", b"not a state at all", b"WNPS1" + (99).to_bytes(8, "little")]
)
def test_a_partial_or_foreign_file_is_no_state(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "k.state").write_bytes(content)
    assert PrefixStates(tmp_path).get("k") is None


def test_keys_differ_by_model_and_system_prompt() -> None:
    assert state_key("a", "sys") != state_key("b", "sys")
    assert state_key("a", "sys") != state_key("a", "sys2")


@pytest.mark.parametrize("model_id", ["0" * 64, "unverified:../my model?.gguf", "模型"])
def test_a_key_names_its_model_and_is_a_plain_file_name(model_id: str) -> None:
    model, digest = state_key(model_id, "sys").split("-")
    assert model == state_key(model_id, "other").split("-")[0]
    assert (model + digest).isalnum() and (model + digest).isascii()


@pytest.mark.parametrize(
    ("read_by_other", "kept"),
    [((), {"b", "c"}), (("a",), {"a", "c"}), (("a", "b"), {"b", "c"}), (("b", "a"), {"a", "c"})],
)
def test_the_least_recently_used_file_is_evicted_across_processes(
    tmp_path: Path, read_by_other: tuple[str, ...], kept: set[str]
) -> None:
    first = PrefixStates(tmp_path, budget_bytes=TWO_STATES)
    first.put("a", fake_state())
    first.put("b", fake_state())
    second = PrefixStates(tmp_path, budget_bytes=TWO_STATES)
    for key in read_by_other:
        assert second.get(key) is not None
    second.put("c", fake_state())
    assert set(on_disk(tmp_path)) == kept


@settings(max_examples=40, deadline=None)
@given(
    budget=st.integers(min_value=0, max_value=4 * (HEADER + STATE)),
    puts=st.lists(
        st.tuples(st.sampled_from("abcdef"), st.integers(min_value=1, max_value=2 * STATE)),
        max_size=12,
    ),
)
def test_files_stay_within_the_budget_and_the_most_recent_are_kept(
    budget: int, puts: list[tuple[str, int]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        states = PrefixStates(directory, budget_bytes=budget)
        expected: OrderedDict[str, int] = OrderedDict()  # key: file size, least recent first
        for key, state_size in puts:
            states.put(key, fake_state(state_size))
            size = HEADER + state_size
            if key in expected:  # already saved: only its recency changes
                expected.move_to_end(key)
            elif size <= budget:
                while sum(expected.values()) + size > budget:
                    expected.popitem(last=False)
                expected[key] = size
            assert on_disk(directory) == dict(expected)
            assert sum(on_disk(directory).values()) <= budget


def test_a_state_larger_than_the_budget_is_not_written(tmp_path: Path) -> None:
    states = PrefixStates(tmp_path, budget_bytes=TWO_STATES)
    states.put("small", fake_state())
    states.put("huge", fake_state(TWO_STATES))
    assert set(on_disk(tmp_path)) == {"small"}, "nothing written, nothing evicted for it"
    assert states.get("huge") is not None, "still usable from memory in this process"
    assert PrefixStates(tmp_path).get("huge") is None


def test_files_over_a_lowered_budget_are_trimmed_at_start_including_older_versions(
    tmp_path: Path,
) -> None:
    names = ["0" * 32, state_key("other model", "sys"), state_key("model", "sys")]
    for age, name in zip([30, 20, 10], names, strict=True):  # seconds ago: oldest first
        (tmp_path / f"{name}.state").write_bytes(FORMAT + bytes(16) + b"s" * STATE)
        when = os.stat(tmp_path / f"{name}.state").st_mtime - age
        os.utime(tmp_path / f"{name}.state", (when, when))
    PrefixStates(tmp_path, budget_bytes=TWO_STATES)
    assert set(on_disk(tmp_path)) == set(names[1:])


def test_retain_drops_only_this_models_stale_states(tmp_path: Path) -> None:
    live, edited = state_key("model", "pack v2"), state_key("model", "pack v1")
    other_model = state_key("other model", "pack v1")
    older_version = "0" * 32
    (tmp_path / f"{older_version}.state").write_bytes(FORMAT + bytes(16) + b"s")
    states = PrefixStates(tmp_path)
    for key in (live, edited, other_model):
        states.put(key, fake_state())
    states.retain("model", [live])
    assert set(on_disk(tmp_path)) == {live, other_model, older_version}
    assert states.get(edited) is None, "dropped from memory too"
    assert states.get(live) is not None and states.get(other_model) is not None


@pytest.mark.parametrize(
    ("steps", "in_memory"),
    [
        (["put a", "put b", "put c"], {"b", "c"}),
        (["put a", "put b", "get a", "put c"], {"a", "c"}),
        (["put a", "put b", "put a", "put c"], {"a", "c"}),
    ],
)
def test_memory_keeps_only_the_most_recently_used_states(
    steps: list[str], in_memory: set[str]
) -> None:
    states = PrefixStates(None, memory_states=2)
    for step in steps:
        action, key = step.split()
        if action == "put":
            states.put(key, fake_state())
        else:
            states.get(key)
    assert {key for key in "abc" if states.get(key) is not None} == in_memory


def test_a_file_removed_by_another_process_is_written_again_on_the_next_put(
    tmp_path: Path,
) -> None:
    states = PrefixStates(tmp_path)
    states.put("a", fake_state())
    (tmp_path / "a.state").unlink()
    assert states.get("a") is not None, "the copy in memory still serves this process"
    states.put("a", fake_state())
    assert set(on_disk(tmp_path)) == {"a"}


@pytest.mark.parametrize("seen_before_it_vanished", [False, True])
def test_eviction_skips_files_that_vanish_underneath(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seen_before_it_vanished: bool
) -> None:
    """Another process evicts ``a`` while this one scans: before its stat, or after it."""
    states = PrefixStates(tmp_path, budget_bytes=TWO_STATES)
    states.put("a", fake_state())
    states.put("b", fake_state())
    scandir = os.scandir

    def scandir_while_another_process_evicts(path: str | Path) -> Iterator[os.DirEntry[str]]:
        entries = list(scandir(path))
        if seen_before_it_vanished:
            for entry in entries:
                entry.stat(follow_symlinks=False)  # cached: this process sees a stale size
        (tmp_path / "a.state").unlink()
        return iter(entries)

    monkeypatch.setattr(os, "scandir", scandir_while_another_process_evicts)
    states.put("c", fake_state())
    monkeypatch.undo()
    assert set(on_disk(tmp_path)) == {"b", "c"}


def test_temp_files_of_crashed_writes_are_deleted_once_abandoned(tmp_path: Path) -> None:
    abandoned, in_progress = tmp_path / ".a.state.x1.tmp", tmp_path / ".b.state.x2.tmp"
    for path in (abandoned, in_progress):
        path.write_bytes(b"partial")
    long_ago = os.stat(abandoned).st_mtime - prefix_cache.ABANDONED_TEMP_SECONDS - 1
    os.utime(abandoned, (long_ago, long_ago))
    PrefixStates(tmp_path).put("c", fake_state())
    assert not abandoned.exists()
    assert in_progress.exists()


@pytest.mark.parametrize(("budget", "memory"), [(-1, 4), (0, -1)])
def test_negative_bounds_are_refused(tmp_path: Path, budget: int, memory: int) -> None:
    with pytest.raises(ValueError, match="must not be negative"):
        PrefixStates(tmp_path, budget_bytes=budget, memory_states=memory)


def messages(system: str, request: str) -> list[ChatMessage]:
    return [ChatMessage("system", system), ChatMessage("user", request)]


def text_of(events: Iterable[object]) -> str:
    return "".join(event.text for event in events if isinstance(event, TextChunk))


@pytest.mark.model
def test_a_new_drafter_starts_from_the_saved_prefix(real_model_path: Path) -> None:
    system = "You write one short, friendly sentence about the topic you are given. " * 4
    sampling = Sampling(max_tokens=8)
    first = LlamaDrafter(real_model_path)
    assert text_of(first.stream(messages(system, "Topic: tea"), sampling, 3))
    files = list((locations.cache_dir() / "prefix-states").glob("*.state"))
    assert len(files) == 1

    second = LlamaDrafter(real_model_path)
    llama = second.load()
    assert llama.n_tokens == 0
    key = second._use_prefix_state(llama, messages(system, "Topic: rivers"))
    assert key is not None
    assert llama.n_tokens > 40, "the saved system prompt should now be in the KV cache"
    assert text_of(second.stream(messages(system, "Topic: rivers"), sampling, 3))

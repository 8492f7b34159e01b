"""Saved prefix states: files round-trip, bad files are ignored, and the real model reuses them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from warmnote import locations
from warmnote.drafter import ChatMessage, SamplingParams
from warmnote.llama import LlamaDrafter
from warmnote.prefix_cache import PrefixStates, SavedState, state_key


def test_a_saved_state_survives_a_new_process(tmp_path: Path) -> None:
    saved = SavedState(input_ids=np.arange(7, dtype=np.intc), state=b"kv-bytes" * 3, seed=2**32 - 1)
    PrefixStates(tmp_path).put("k", saved)
    loaded = PrefixStates(tmp_path).get("k")
    assert loaded is not None
    assert loaded.input_ids.tolist() == list(range(7))
    assert loaded.state == saved.state
    assert loaded.seed == 2**32 - 1


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


def messages(system: str, request: str) -> list[ChatMessage]:
    return [ChatMessage("system", system), ChatMessage("user", request)]


@pytest.mark.model
def test_a_new_drafter_starts_from_the_saved_prefix(real_model_path: Path) -> None:
    system = "You write one short, friendly sentence about the topic you are given. " * 4
    params = SamplingParams(max_tokens=8, seed=3)
    first = LlamaDrafter(real_model_path)
    assert "".join(first.stream(messages(system, "Topic: tea"), params))
    files = list((locations.cache_dir() / "prefix-states").glob("*.state"))
    assert len(files) == 1

    second = LlamaDrafter(real_model_path)
    llama = second.load()
    assert llama.n_tokens == 0
    key = second._use_prefix_state(llama, messages(system, "Topic: rivers"))
    assert key is not None
    assert llama.n_tokens > 40, "the saved system prompt should now be in the KV cache"
    assert "".join(second.stream(messages(system, "Topic: rivers"), params))

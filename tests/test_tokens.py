"""Token counting and cutting text to a token budget, offline."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmnote.tokens import ELLIPSIS, count_tokens, truncate_to_tokens

LONG_TEXT = " ".join(f"word{i}" for i in range(400))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", 0, id="empty"),
        pytest.param("hello world", 2, id="two-words"),
        pytest.param("<|endoftext|>", 7, id="special-token-spelled-out-counts-as-text"),
    ],
)
def test_count_tokens(text: str, expected: int) -> None:
    assert count_tokens(text) == expected


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        pytest.param("", 5, id="empty"),
        pytest.param("Platform lead at Quayside", 6, id="exactly-the-budget"),
        pytest.param("short", 50, id="well-under"),
    ],
)
def test_text_within_budget_is_unchanged(text: str, budget: int) -> None:
    assert truncate_to_tokens(text, budget) == text


@pytest.mark.parametrize("budget", [5, 10, 60, 120])
def test_long_text_is_cut_to_budget_at_a_word_boundary(budget: int) -> None:
    cut = truncate_to_tokens(LONG_TEXT, budget)

    assert count_tokens(cut) <= budget
    assert cut.endswith(ELLIPSIS)
    kept = cut.removesuffix(ELLIPSIS)
    assert LONG_TEXT.startswith(kept)
    assert LONG_TEXT[len(kept)] == " ", "cut inside a word"
    assert count_tokens(cut) >= budget - 3, "cut far more than needed"


def test_unspaced_script_is_cut_mid_run_rather_than_emptied() -> None:
    text = "東京で開催された機械学習の勉強会で発表しました" * 20

    cut = truncate_to_tokens(text, 20)

    assert count_tokens(cut) <= 20
    assert len(cut) > 5
    assert text.startswith(cut.removesuffix(ELLIPSIS))


def test_zero_budget_gives_nothing() -> None:
    assert truncate_to_tokens("anything at all", 0) == ""


@given(text=st.text(max_size=400), budget=st.integers(min_value=1, max_value=80))
def test_truncation_never_exceeds_budget_and_keeps_a_prefix(text: str, budget: int) -> None:
    cut = truncate_to_tokens(text, budget)

    assert count_tokens(cut) <= budget
    if count_tokens(text) <= budget:
        assert cut == text
    else:
        assert cut.endswith(ELLIPSIS)
        assert text.startswith(cut.removesuffix(ELLIPSIS))

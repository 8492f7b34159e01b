"""Small pure pieces of the widgets: where a span sits in the editor, and how a card reads."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmnote.tui.screens.restore import restore_summary
from warmnote.tui.widgets.note_editor import location_of


@pytest.mark.parametrize(
    ("text", "index", "location"),
    [
        ("", 0, (0, 0)),
        ("abc", 2, (0, 2)),
        ("ab\ncd", 3, (1, 0)),
        ("ab\ncd", 5, (1, 2)),
        ("ab\n\ncd", 4, (2, 0)),
        ("abc", 99, (0, 3)),
        ("abc", -5, (0, 0)),
    ],
    ids=["empty", "first-line", "start-of-second", "end", "blank-line", "past-end", "negative"],
)
def test_location_of(text: str, index: int, location: tuple[int, int]) -> None:
    assert location_of(text, index) == location


@given(text=st.text(alphabet="ab\n😀é"), data=st.data())
def test_location_of_points_back_at_the_same_offset(text: str, data: st.DataObject) -> None:
    index = data.draw(st.integers(min_value=0, max_value=len(text)))
    row, column = location_of(text, index)
    lines = text.split("\n")
    assert sum(len(line) + 1 for line in lines[:row]) + column == index
    assert column <= len(lines[row])


@pytest.mark.parametrize(
    ("state", "summary"),
    [
        ({}, "Last time you were working on an unfinished note. Restore it?"),
        (
            {"form": {"recipient-name": "Ana"}},
            "Last time you were working on a note to Ana. Restore it?",
        ),
        (
            {"form": {"recipient-name": "Ana"}, "draft": {"text": "Hi Ana!"}},
            "Last time you were working on a note to Ana, with a 7-character draft. Restore it?",
        ),
        (
            {"form": "garbage", "draft": ["garbage"]},
            "Last time you were working on an unfinished note. Restore it?",
        ),
    ],
    ids=["nothing-named", "a-recipient", "with-draft", "malformed"],
)
def test_restore_summary(state: dict[str, object], summary: str) -> None:
    assert restore_summary(state) == summary

"""Small pure pieces of the widgets: where a span sits in the editor, and how a card reads."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.app import App, ComposeResult

from warmnote.guardrails.verdict import Severity, Verdict, Violation
from warmnote.tui.screens.restore import restore_summary
from warmnote.tui.widgets.note_editor import location_of
from warmnote.tui.widgets.verdict_list import PASSED, PASSED_WITH_WARNINGS, VerdictList


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


def _verdict(*severities: Severity) -> Verdict:
    violations = [
        Violation(rule="reason_kept", severity=s, message=f"{s} found", start=0, end=2)
        for s in severities
    ]
    passed = Severity.ERROR not in severities
    return Verdict(passed=passed, length=2, limit=300, violations=violations)


class _Verdicts(App[None]):
    def compose(self) -> ComposeResult:
        yield VerdictList()


@pytest.mark.parametrize(
    ("verdict", "lines"),
    [
        (_verdict(), [PASSED]),
        (_verdict(Severity.WARNING), [PASSED_WITH_WARNINGS, "! warning found  [reason_kept]"]),
        (_verdict(Severity.ERROR), ["✗ error found  [reason_kept]"]),
    ],
)
async def test_the_verdict_says_passes_only_as_far_as_the_rules_go(
    verdict: Verdict, lines: list[str]
) -> None:
    app = _Verdicts()
    async with app.run_test():
        verdicts = app.query_one(VerdictList)
        verdicts.set_verdict(verdict)
        shown = [str(verdicts.get_option_at_index(i).prompt) for i in range(verdicts.option_count)]
        assert shown == lines

"""Clean-up strips wrapping chatter from raw model output and records every fix; what the format
rule flags as letter furniture is exactly what gets stripped."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmnote.cleanup import clean_draft
from warmnote.context import Context, load_context
from warmnote.guardrails import Guardrails

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "event_followup.json"
CONTEXT: Context = load_context(EXAMPLE)  # the sender is Priya Raman

NOTE = (
    "Hi Tomás, great talking backpressure after your PyData Lisbon talk. "
    "I'd love to keep learning from how your team runs it."
)


@pytest.mark.parametrize(
    ("raw", "kinds"),
    [
        (NOTE, []),
        (f"Here is your note:\n{NOTE}", ["preamble"]),
        (f"Sure! Here's a connection note for Tomás:\n\n{NOTE}", ["preamble"]),
        (f"Note: {NOTE}", ["preamble"]),
        (f'"{NOTE}"', ["quotes"]),
        (f"“{NOTE}”", ["quotes"]),
        (f"Subject: Connecting\n{NOTE}", ["subject"]),
        (f"{NOTE}\n\nBest,\nPriya", ["sign-off"]),
        (f"{NOTE}\n\nBest regards,\n[Your Name]", ["sign-off"]),
        (f"{NOTE}\n\nCheers!", ["sign-off"]),
        (f"{NOTE}\n— Priya Raman", ["signature"]),
        (NOTE.replace("PyData Lisbon", "**PyData Lisbon**"), ["markdown"]),
        (f'Here is the message:\n"{NOTE}"\n\nThanks,\nPriya', ["preamble", "sign-off", "quotes"]),
    ],
    ids=[
        "clean",
        "preamble",
        "sure-heres",
        "note-label",
        "straight-quotes",
        "curly-quotes",
        "subject",
        "best",
        "regards-placeholder",
        "cheers",
        "signature",
        "markdown",
        "everything",
    ],
)
def test_clean_draft_recovers_the_note(raw: str, kinds: list[str], guardrails: Guardrails) -> None:
    text, fixes = clean_draft(raw, guardrails, CONTEXT)
    assert text == NOTE
    assert [fix.kind for fix in fixes] == kinds


@pytest.mark.parametrize(
    "raw",
    [
        "Hi Tomás, here's what stood out to me: your point on shedding load early. I'd love to "
        "hear how you test it.",
        "Hi Tomás, I read your post. Here are two questions I had: how do you shed load?",
        "Hi Tomás, loved the talk on load shedding.\n\nThanks!\n"
        "Would love to hear how you test it.",
    ],
    ids=["heres-what", "here-are-questions", "thanks-then-the-ask"],
)
def test_note_content_that_looks_like_chatter_is_kept(raw: str, guardrails: Guardrails) -> None:
    text, fixes = clean_draft(raw, guardrails, CONTEXT)
    assert text == raw
    assert fixes == []


def test_quotes_inside_the_note_are_kept(guardrails: Guardrails) -> None:
    raw = '"Loved your post" is how I would start, but "thanks" is better'
    text, fixes = clean_draft(raw, guardrails)
    assert text == raw
    assert fixes == []


@given(st.text())
def test_clean_draft_never_raises_and_never_grows_the_text(
    guardrails: Guardrails, raw: str
) -> None:
    text, _ = clean_draft(raw, guardrails, CONTEXT)
    assert len(text) <= len(raw.strip()) or text == raw.strip()


@pytest.mark.parametrize(
    "ending",
    ["\n\nBest,\nPriya", "\nWarmly, Priya", " Talk soon,\nPriya", "\n\nKind regards", "\n— Priya"],
)
def test_every_sign_off_the_format_rule_flags_is_stripped(
    ending: str, guardrails: Guardrails
) -> None:
    raw = NOTE + ending
    flagged = [v for v in guardrails.check(raw, CONTEXT).violations if v.rule == "format"]
    assert flagged, "the format rule flags it"
    text, fixes = clean_draft(raw, guardrails, CONTEXT)
    assert text == NOTE
    assert fixes
    assert not [v for v in guardrails.check(text, CONTEXT).violations if v.rule == "format"]


def test_a_subject_line_inside_the_note_is_flagged_but_never_cut(guardrails: Guardrails) -> None:
    raw = "Hi Tomás,\nRe: your PyData Lisbon talk on backpressure, I'd love to compare notes."
    assert any(v.rule == "format" for v in guardrails.check(raw, CONTEXT).violations)
    text, fixes = clean_draft(raw, guardrails, CONTEXT)
    assert text == raw
    assert fixes == []

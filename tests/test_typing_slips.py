"""Slips of typing that every reading after them would take for something else: a comma with no
space ("at the fair,she showed me") joins two clauses into one word, and an apostrophe typed as a
backtick or an accent ("I`d like to…") hides an ask and reads as markdown in the note. Both are
put right before the reason is read (held-out 38 typed both)."""

from __future__ import annotations

import pytest

from example_notes import example_with
from warmnote.guardrails import Guardrails
from warmnote.plain_note import plain_note, reason_left_out


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        (
            "tomas from pydata. not pitching him tbf,just curious how his team handles"
            " backpressure",
            "how your team handles backpressure",
        ),
        (
            "tomas from pydata. I`d like to ask how his team handles backpressure",
            "I'd like to ask how your team handles backpressure",
        ),
        (
            "tomas from pydata. I´d like to ask how his team handles backpressure",
            "I'd like to ask how your team handles backpressure",
        ),
    ],
    ids=["comma without a space", "backtick", "acute accent"],
)
def test_a_slip_of_typing_does_not_hide_the_ask(
    reason: str, said: str, guardrails: Guardrails
) -> None:
    note = plain_note(example_with(reason), guardrails)
    assert note is not None and said in note
    assert "`" not in note and "´" not in note


def test_a_figure_keeps_its_comma(guardrails: Guardrails) -> None:
    reason = "tomas from pydata. we process 1,200 events a second. want to ask about backpressure"
    context = example_with(reason)
    note = plain_note(context, guardrails) or ""
    shown = " ".join(item.text for item in reason_left_out(context, note))
    assert "1,200" in f"{note} {shown}"
    assert "1, 200" not in f"{note} {shown}"


def test_a_secret_kept_that_way_is_not_said(guardrails: Guardrails) -> None:
    context = example_with(
        "tomas from pydata. want to ask how his team handles backpressure. my wife is ill and"
        " we may move, my team doesn't know yet and I'd like to keep it that way"
    )
    note = plain_note(context, guardrails)
    assert note is not None and "backpressure" in note
    assert "keep it that way" not in note and "ill" not in note.split()


def test_notes_run_together_without_a_stop_are_not_said(guardrails: Guardrails) -> None:
    """A part of more than forty words with no comma, stop or dash is notes run together: any cut
    of it reads as garbled ("…is your father in the genitive so you to start.")."""
    run_on = (
        "shushanik runs the stream team in lisbon and I sit in our berlin office we only know"
        " each other from the quarterly calls and the odd email about the dashboards I want to"
        " ask if I could spend a season with her team next year because our own platform work"
        " winds down after march"
    )
    context = example_with(run_on, name="Շուշանիկ Գևորգյան")
    note = plain_note(context, guardrails)
    assert note is not None and "berlin" not in note.lower()
    unread = [item.text for item in reason_left_out(context, note) if item.why == "unread"]
    assert any("berlin office" in text for text in unread)


def test_a_link_keeps_its_commas(guardrails: Guardrails) -> None:
    """Found in review: the comma was put right inside a link, cutting it in two."""
    context = example_with(
        "tomas from pydata. https://x.example/search?tags=kafka,backpressure want to ask how his"
        " team handles backpressure"
    )
    note = plain_note(context, guardrails)
    assert note is not None and "how your team handles backpressure" in note
    links = [item.text for item in reason_left_out(context, note) if item.why == "link"]
    assert links == ["https://x.example/search?tags=kafka,backpressure"]


def test_a_long_sentence_written_out_is_said(guardrails: Guardrails) -> None:
    """Found in review: only notes run on lose a long part; a sentence written out keeps it."""
    ask = (
        "I would really like to ask how his team decides when to scale the consumer group up or"
        " down during the evening peak when the lag grows faster than the brokers can rebalance"
        " the partitions across the new consumers without dropping any messages"
    )
    note = plain_note(example_with(f"Tomás spoke at PyData about consumer lag. {ask}"), guardrails)
    assert note is not None and "evening peak" in note

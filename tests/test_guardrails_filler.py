"""Empty praise: a sentence that only finds something interesting, and stock praise (issue 8).

The labelled notes in tests/data (claim "filler") hold the realistic cases; this file pins what
counts as such a sentence, the span and message a reask acts on, the writer's own words, the
configuration, and that hostile text is read in linear time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linear_time import Hostile, assert_linear
from warmnote.context import Context
from warmnote.guardrails import Guardrails

CONTEXT = Context.model_validate(
    {
        "scenario": "event_followup",
        "sender": {"name": "Sam Okafor", "headline": "Data Engineer at Corvid"},
        "recipient": {"name": "Priya Raman", "headline": "ML Platform Lead at Zalmora"},
        "relationship": {"familiarity": "met_once", "where": "PyData Berlin"},
        "reason": "keep comparing notes on MLOps tooling",
    }
)


def filler(guardrails: Guardrails, text: str, ctx: Context | None = CONTEXT) -> list[str]:
    return [text[v.start : v.end] for v in guardrails.check(text, ctx).errors if v.rule == "filler"]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "Hi Priya, thanks for the chat. It's fascinating to see how ML teams approach "
            "retraining. I'd love to keep comparing notes.",
            ["It's fascinating to see how ML teams approach retraining"],
        ),
        (
            "Hi Priya, it's always exciting to learn from people who have been in your shoes!",
            ["it's always exciting to learn from people who have been in your shoes"],
        ),
        (
            "Hi Priya, It is SO interesting how Zalmora works.",
            ["It is SO interesting how Zalmora works"],
        ),
        (
            "Hi Priya.\nIt was fascinating to hear about your day",
            ["It was fascinating to hear about your day"],
        ),
        (
            "Hi Priya, it’s great to learn about the process!",
            ["it’s great to learn about the process"],
        ),
        (
            "Hi Priya — it's fascinating to see how teams work.",
            ["it's fascinating to see how teams work"],
        ),
        (
            "Hi Priya, it was interesting to hear how Zalmora retrains — could I ask about drift?",
            ["it was interesting to hear how Zalmora retrains"],
        ),
        (
            "Hi Priya, it's so incredibly interesting how teams work, and I'd love to compare.",
            ["it's so incredibly interesting how teams work"],
        ),
        (
            "Hi Priya, PyData was a challenging but rewarding week. It sounds like you have "
            "a strong team.",
            ["challenging but rewarding", "sounds like you have a strong"],
        ),
        (
            "Hi Priya, I'll send the notes. Let me know if there's anything else I can help with.",
            ["anything else I can help with"],
        ),
        # meeting, talking, working together; a wish; not at a sentence's start; no adjective
        ("Hi Priya, it was great to meet you at PyData Berlin.", []),
        ("Hi Priya, it was great talking at PyData Berlin.", []),
        ("Hi Priya, it was great working with you.", []),
        ("Hi Priya, it was great to connect at PyData Berlin.", []),
        ("Hi Priya, it was great to learn from your talk.", []),
        ("Hi Priya, it's great to discover we both use Feast.", []),
        ("Hi Priya, it's been great to follow the Zalmora blog.", []),
        ("Hi Priya, from your talk it sounds like you have the same drift problem.", []),
        ("Hi Priya, it would be great to learn how you retrain.", []),
        ("Hi Priya, I think it's great to learn from each other.", []),
        ("Hi Priya, I found it fascinating how you retrain.", []),
        ("Hi Priya, it's rare to see how open Zalmora is.", []),
        ("Hi Priya, it's great to see what you built.", []),
        ("Hi Priya, it's interesting, to learn more I'd like to ask.", []),
        ("Hi Priya, its interesting how feature stores age.", []),
    ],
)
def test_a_sentence_that_only_finds_something_interesting_is_cut(
    guardrails: Guardrails, text: str, spans: list[str]
) -> None:
    assert filler(guardrails, text) == spans


def test_the_message_says_what_to_cut_and_why(guardrails: Guardrails) -> None:
    text = "Hi Priya, it's exciting to hear how you approach the topic."
    [violation] = [v for v in guardrails.check(text, CONTEXT).errors if v.rule == "filler"]
    assert violation.message == (
        "Cut 'it's exciting to hear how you approach the topic': it only finds something "
        "interesting and tells Priya nothing; say what you want to ask or offer instead."
    )
    text = "Hi Priya, it sounds like you have a strong background in MLOps."
    [violation] = [v for v in guardrails.check(text).errors if v.rule == "filler"]
    assert violation.message == (
        "Cut 'sounds like you have a strong': a stock line says nothing about the reader or why "
        "you write."
    )


def test_the_writers_own_sentence_is_theirs_to_send(guardrails: Guardrails) -> None:
    text = "Hi Priya, it's fascinating how your team retrains 40 models a day."
    assert filler(guardrails, text)
    own = CONTEXT.model_copy(update={"reason": "it's fascinating how her team retrains so often"})
    assert not filler(guardrails, text, own)


def test_what_counts_is_configurable(tmp_path: Path, guardrails: Guardrails) -> None:
    text = "Hi Priya, it's lovely to witness your progress. We should talk shop."
    assert not filler(guardrails, text)
    (tmp_path / "phrases.toml").write_text(
        '[rules.filler]\nadjectives = ["lovely"]\nverbs = ["witness"]\n'
        'extra_phrases = ["talk shop"]\n',
        encoding="utf-8",
    )
    assert filler(Guardrails.load(tmp_path), text) == [
        "it's lovely to witness your progress",
        "talk shop",
    ]


def test_hostile_text_is_read_in_linear_time(guardrails: Guardrails) -> None:
    """Every sentence is found, and eight times the text takes not much more than eight times as
    long (a quadratic reading would take about sixty-four)."""
    hostile = Hostile("It's great to it. It's so interesting how it is, ", 8_000, "Hi Priya. ")

    def check(share: float) -> None:
        assert len(filler(guardrails, hostile(share))) == int(hostile.times * share)

    assert_linear(check)

"""Empty praise: a sentence that only finds something interesting, and stock praise (issue 8).

The labelled notes in tests/data (claim "filler") hold the realistic cases; this file pins what
counts as such a sentence, the span and message a reask acts on, the writer's own words, the
configuration, and that hostile text is read in linear time.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

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


@pytest.fixture(scope="module")
def guardrails() -> Guardrails:
    return Guardrails.load()


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
        ("Hi Priya, it’s great to connect!", ["it’s great to connect"]),
        ("Hi Priya, it's been inspiring to follow you.", ["it's been inspiring to follow you"]),
        (
            "Hi Priya, PyData was a challenging but rewarding week. It sounds like you have "
            "a lot on.",
            ["challenging but rewarding", "It sounds like you have"],
        ),
        (
            "Hi Priya, I'll send the notes. Let me know if there's anything else I can help with.",
            ["anything else I can help with"],
        ),
        # meeting, talking, working together; a wish; not at a sentence's start; no adjective
        ("Hi Priya, it was great to meet you at PyData Berlin.", []),
        ("Hi Priya, it was great talking at PyData Berlin.", []),
        ("Hi Priya, it was great working with you.", []),
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
        "Cut 'it sounds like you have': a stock line says nothing about the reader or why you "
        "write."
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
    text = "Hi Priya, " + "it's great to learn it's great how " * 6000
    started = time.process_time()
    found = filler(guardrails, text + ". It's fascinating how it ends.")
    assert found[-1] == "It's fascinating how it ends"
    assert time.process_time() - started < 20

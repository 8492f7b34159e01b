"""One thing said twice (issue 8): the `repeats` rule.

The labelled notes in tests/data (claim "repeats") hold the realistic cases; this file pins the
span and message a reask acts on, what does not count as saying it again, the configuration, and
that hostile text is read in linear time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linear_time import Hostile, assert_linear
from warmnote.context import Context
from warmnote.guardrails import Guardrails

CONTEXT = Context.model_validate(
    {
        "scenario": "former_colleague",
        "sender": {"name": "Tavita Leota", "headline": "Rigger at Ilanz Stage Works"},
        "recipient": {"name": "Annatina Caduff", "headline": "Head of Rigging at Opera Chur"},
        "relationship": {
            "familiarity": "former_colleague",
            "how_we_met": "rigged the same touring opera through one winter",
        },
        "reason": "ask how she rates a wooden beam for load",
    }
)


def repeats(guardrails: Guardrails, text: str) -> list[str]:
    return [
        text[v.start : v.end]
        for v in guardrails.check(text, CONTEXT).violations
        if v.rule == "repeats"
    ]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "Hi Annatina, we rigged the same touring opera through one winter. The winter opera "
            "tour had no dropped cue. How do you rate a wooden beam for load?",
            ["The winter opera tour had no dropped cue."],
        ),
        (  # no greeting, and a third sentence that tells it a third time
            "We rigged the touring opera one winter. The opera tour we rigged that winter went "
            "well. That winter the touring opera was rigged by us.",
            [
                "The opera tour we rigged that winter went well.",
                "That winter the touring opera was rigged by us.",
            ],
        ),
        (  # a decimal point does not end a sentence
            "Hi Annatina, our beams carry 2.5 tonnes of lighting truss. Lighting truss of 2.5 "
            "tonnes hangs off our beams. How do you rate them?",
            ["Lighting truss of 2.5 tonnes hangs off our beams."],
        ),
    ],
)
def test_a_sentence_that_says_an_earlier_one_again_is_found(
    guardrails: Guardrails, text: str, spans: list[str]
) -> None:
    assert repeats(guardrails, text) == spans


@pytest.mark.parametrize(
    "text",
    [
        # an ask picks up the topic the note opened on
        "Hi Annatina, we rigged the touring opera one winter. Would you tell me how you rated the "
        "opera tour's beams that winter?",
        # "we talked about" calls back to the talk, it does not retell it
        "Hi Annatina, we talked about beam loads at the opera. I'm sending the beam load sheet we "
        "talked about.",
        # two sentences that share a place and nothing more
        "Hi Annatina, we rigged the touring opera one winter. I now freelance in old halls near "
        "Ilanz and need advice on wooden beams.",
        # a later sentence that adds more than it repeats moves on (found in review)
        "Hi Annatina, you built the fly system for the Chur opera house. You also built the Chur "
        "opera's dispute tooling, which is close to what our ledger team needs.",
        # a word with hyphens is one thing: "month-end" is not "month" and "end" (found in review)
        "Hi Annatina, your annual report mentions a 9-day month-end close. Our outdoor retail "
        "customers average a 4-day month-end close.",
        "Hi Annatina, your talk on double-entry ledgers was great. Double-entry ledgers are "
        "exactly what our team builds.",
        # a name and the same words as common nouns are two things (found in the suite)
        "Hi Annatina, we talked at the Seed Saving Workshop in Tartu. I'm running a workshop on "
        "seed saving next month.",
        # the greeting is not a sentence: the name in it is not said twice
        "Hi Annatina Caduff, Annatina Caduff's rigging crew is the best. How do you rate beams?",
    ],
)
def test_a_sentence_that_moves_on_is_not_a_repeat(guardrails: Guardrails, text: str) -> None:
    assert not repeats(guardrails, text)


def test_the_message_quotes_both_sentences(guardrails: Guardrails) -> None:
    text = (
        "Hi Annatina, we rigged the same touring opera through one winter. The winter opera tour "
        "had no dropped cue."
    )
    [violation] = [v for v in guardrails.check(text, CONTEXT).violations if v.rule == "repeats"]
    assert violation.message == (
        "Cut 'The winter opera tour had no dropped cue.' or 'we rigged the same touring opera "
        "through one winter.': the note says the same thing twice."
    )


def test_how_much_must_be_shared_is_configurable(tmp_path: Path, guardrails: Guardrails) -> None:
    text = "Hi Annatina, we rigged the opera one winter. The opera was rigged by us."
    assert not repeats(guardrails, text)  # two words shared: "opera", "rigg"
    (tmp_path / "rules.toml").write_text("[rules.repeats]\nmin_words = 2\n", encoding="utf-8")
    assert repeats(Guardrails.load(tmp_path), text) == ["The opera was rigged by us."]
    (tmp_path / "rules.toml").write_text("[rules.repeats]\nenabled = false\n", encoding="utf-8")
    assert not repeats(Guardrails.load(tmp_path), text + " The opera one winter was rigged.")


def test_hostile_text_is_read_in_linear_time(guardrails: Guardrails) -> None:
    """Every repeat is found, and eight times the text takes not much more than eight times as
    long: each sentence is compared with the last few only."""
    hostile = Hostile("We rigged the opera one winter. ", 8_000, "Hi Annatina, ")

    def check(share: float) -> None:
        assert len(repeats(guardrails, hostile(share))) == int(hostile.times * share) - 1

    assert_linear(check)


def test_a_text_without_a_full_stop_is_read_in_linear_time(guardrails: Guardrails) -> None:
    hostile = Hostile("opera.x ", 20_000, "Hi Annatina, ")
    assert_linear(lambda share: repeats(guardrails, hostile(share)))

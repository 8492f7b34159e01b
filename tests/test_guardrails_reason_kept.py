"""The reason_kept rule: a note that leaves out most of the reason has lost its point (issue 8).

The labelled notes in tests/data (claim "reason_kept") hold the realistic cases; this file pins
what counts as the reason's words, when the rule stays silent, its message and its settings.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warmnote.context import Context
from warmnote.guardrails import Guardrails
from warmnote.guardrails.config import load_config
from warmnote.guardrails.verdict import Severity

DATA = Path(__file__).parent / "data"
CONTEXTS = tomllib.loads((DATA / "guardrail_contexts.toml").read_text("utf-8"))
CONTRACT_LEFT_OUT = "Hi Олег, I'm a recruiter at Nordhav Crewing. Are you open to contract work?"


def context(name: str, **changes: Any) -> Context:
    return Context.model_validate({**CONTEXTS[name], **changes})


def findings(guardrails: Guardrails, text: str, ctx: Context | None) -> list[str]:
    return [v.message for v in guardrails.check(text, ctx).violations if v.rule == "reason_kept"]


@pytest.mark.parametrize(
    ("reason", "text", "left_out"),
    [
        # the note says how they met and who they are, and none of the point
        (
            "ask whether her lab would co-apply for the groundwater monitoring grant",
            "Hi ليلى, I'm the founder of Aquífera Sensors and I'd like to connect.",
            True,
        ),
        # the same words, inflected, are kept: "co-applying", "grants"
        (
            "ask whether her lab would co-apply for the groundwater monitoring grant",
            "Hi ليلى, is your lab co-applying for groundwater monitoring grants this year?",
            False,
        ),
        # notes to self are no part of the point: "keep it light, no pitch…" need not be said
        (
            "ask whether her lab would co-apply for the grant. keep it light and friendly, no "
            "pitch, don't mention pricing, be brief and polite",
            "Hi ليلى, would your lab co-apply with us for the grant?",
            False,
        ),
        # a list of single words is a reason too
        (
            "electrician. refit. Gdańsk. ferry. shipyard. welding",
            "Hi ليلى, are you open to contract work?",
            True,
        ),
        # shorthand the note repeats is said, as the reason's written-out words
        (
            "acct mgr for our fmr clients tmrw esp ferries",
            "Hi ليلى, acct mgr for our fmr clients tmrw esp ferries",
            False,
        ),
        # four words left out of a short reason: too few to tell a paraphrase from a loss
        (
            "compare groundwater sensor calibration",
            "Hi ليلى, I'd like to swap notes on your monitoring work.",
            False,
        ),
        # a reason of more than twenty words is for choosing from
        (
            "I build low-cost piezometers, we sold 400 units to farms in Aragón and Murcia last "
            "year, our firmware logs every ten minutes, batteries last two seasons, and the data "
            "goes to an open dashboard anyone can query",
            "Hi ليلى, I'd like to connect.",
            False,
        ),
    ],
)
def test_what_counts_as_leaving_out_the_reason(
    guardrails: Guardrails, reason: str, text: str, left_out: bool
) -> None:
    assert bool(findings(guardrails, text, context("grant_question", reason=reason))) is left_out


def test_names_and_how_they_met_are_not_the_reasons_point(guardrails: Guardrails) -> None:
    reason = (
        "Omar Haddad and Lin Chen introduced us by email at Sahel Power Initiative's request; "
        "compare tariffs"
    )
    note = "Hi Fatou, I'd like to compare tariffs with you."
    assert findings(guardrails, note, context("intro", reason=reason)) == []


def test_the_part_quoted_is_the_one_most_left_out(guardrails: Guardrails) -> None:
    reason = (
        "she is really senior so be respectful; I'd like to ask whether her lab would co-apply "
        "for the groundwater monitoring grant with our sensor network"
    )
    note = "Hi ليلى, I'm the founder of Aquífera Sensors. I'd like to connect."
    [message] = findings(guardrails, note, context("grant_question", reason=reason))
    assert "I'd like to ask whether her lab would co-apply" in message
    assert "(and 1 more)" in message


def test_each_line_of_a_list_is_a_part_quoted_without_its_bullet(guardrails: Guardrails) -> None:
    reason = "- marine electrician\n- ferry refit in Gdańsk\n- four months from May\n- day rate"
    ctx = context("contract_offer", reason=reason)
    [message] = findings(guardrails, "Hi Олег, are you open to contract work?", ctx)
    assert message.endswith('such as "ferry refit in Gdańsk" (and 3 more).')


def test_the_message_quotes_a_part_left_out_and_counts_the_rest(guardrails: Guardrails) -> None:
    reason = (
        "we need a marine electrician for a ferry refit in Gdańsk. "
        "Accommodation and travel are paid by the shipyard"
    )
    [message] = findings(guardrails, CONTRACT_LEFT_OUT, context("contract_offer", reason=reason))
    assert message == (
        "Keep the point of your reason: the note leaves out most of it, such as "
        '"we need a marine electrician for a ferry refit in Gdańsk" (and 1 more).'
    )


def test_without_a_context_or_a_reason_there_is_nothing_to_keep(guardrails: Guardrails) -> None:
    assert findings(guardrails, CONTRACT_LEFT_OUT, None) == []
    assert findings(guardrails, CONTRACT_LEFT_OUT, context("contract_offer", reason="")) == []


def test_it_warns_by_default_so_a_note_it_finds_still_passes(guardrails: Guardrails) -> None:
    text = "Hi Олег, I'm a recruiter at Nordhav Crewing and saw you're in Gdańsk. Open to work?"
    verdict = guardrails.check(text, context("contract_offer"))
    assert verdict.passed
    assert [(v.rule, v.severity) for v in verdict.violations] == [("reason_kept", Severity.WARNING)]


def test_its_thresholds_and_severity_are_settings() -> None:
    config = load_config()
    config.rules.reason_kept.min_left_out = 20
    assert findings(Guardrails(config), CONTRACT_LEFT_OUT, context("contract_offer")) == []

    # four of nine words left out: within the default half, not within 0.3
    kept_most = "Hi Олег, we're crewing a ferry refit in Gdańsk and need an electrician for it."
    config = load_config()
    config.rules.reason_kept.min_left_out = 1
    assert findings(Guardrails(config), kept_most, context("contract_offer")) == []
    config.rules.reason_kept.max_left_out = 0.3
    assert findings(Guardrails(config), kept_most, context("contract_offer")) != []

    config = load_config()
    config.rules.reason_kept.max_reason_words = 5  # the reason has more: the rule stays silent
    assert findings(Guardrails(config), CONTRACT_LEFT_OUT, context("contract_offer")) == []

    config = load_config()
    config.rules.reason_kept.severity = Severity.ERROR
    verdict = Guardrails(config).check(CONTRACT_LEFT_OUT, context("contract_offer"))
    assert "reason_kept" in {v.rule for v in verdict.errors}


@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzéøñ-'", min_size=1, max_size=12),
        min_size=1,
        max_size=30,
    ),
    st.sampled_from([" ", ", ", ". ", "; ", " - ", " (", ") "]),
)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_note_that_says_the_whole_reason_keeps_it(
    guardrails: Guardrails, words: list[str], gap: str
) -> None:
    reason = gap.join(words)
    ctx = context("grant_question", reason=reason)
    assert findings(guardrails, f"Hi ليلى, {reason}", ctx) == []

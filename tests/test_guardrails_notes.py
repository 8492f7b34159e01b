"""The labelled notes in tests/data: good human-written notes pass, bad ones are found.

Precision matters as much as recall, so every good note (at least three per scenario) must pass
with its context, and every bad note must be rejected by the rule it was written to break.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from warmnote.context import Context
from warmnote.guardrails import Guardrails, Verdict

DATA = Path(__file__).parent / "data"
CONTEXTS = {
    name: Context.model_validate(raw)
    for name, raw in tomllib.loads((DATA / "guardrail_contexts.toml").read_text("utf-8")).items()
}
NOTES = tomllib.loads((DATA / "guardrail_notes.toml").read_text("utf-8"))
SCENARIOS = {
    "event_followup", "mutual_connection", "recruiter_outreach", "job_seeker", "sales_prospect",
    "alumni", "friend_to_professional", "content_engagement", "former_colleague", "strategic",
}  # fmt: skip
RULES = {
    "length", "reason", "reason_kept", "boilerplate", "personalization", "grounding", "met_before",
    "worked_together", "studied_together", "earlier_contact", "intermediary", "recipient_said",
    "intention_done", "addressing", "placeholder", "links", "format", "pushy", "repeats",
    "fluency", "first_meeting", "never_met", "connected_already", "reader_post", "relayed", "roles",
    "notes_to_self", "heard_news", "filler",
}  # fmt: skip


def _context(note: dict[str, Any]) -> Context | None:
    name = note.get("context")
    return CONTEXTS[name] if name is not None else None


def _explain(text: str, verdict: Verdict) -> str:
    return "\n".join(
        f"{v.rule} {v.severity} {text[v.start : v.end]!r}: {v.message}" for v in verdict.violations
    )


def test_the_data_covers_every_scenario_and_rule() -> None:
    good_scenarios = {CONTEXTS[n["context"]].scenario for n in NOTES["good"] if "context" in n}
    bad_rules = {rule for note in NOTES["bad"] for rule in note["rules"]}
    assert good_scenarios == SCENARIOS
    assert bad_rules == RULES
    assert len(NOTES["good"]) + len(NOTES["bad"]) >= 90


@pytest.mark.parametrize("note", NOTES["good"], ids=[n["id"] for n in NOTES["good"]])
def test_good_note_passes(guardrails: Guardrails, note: dict[str, Any]) -> None:
    """With nothing to warn about either: a warning on a good note is a false alarm."""
    verdict = guardrails.check(note["text"], _context(note))
    assert verdict.passed, _explain(note["text"], verdict)
    assert verdict.violations == [], _explain(note["text"], verdict)


@pytest.mark.parametrize("note", NOTES["bad"], ids=[n["id"] for n in NOTES["bad"]])
def test_bad_note_is_found_by_its_rule(guardrails: Guardrails, note: dict[str, Any]) -> None:
    """Rejected by its rule, or warned about where the rule is a warning (``reason_kept``)."""
    verdict = guardrails.check(note["text"], _context(note))
    found = {(v.rule, v.severity) for v in verdict.violations}
    rules = guardrails.config.rules
    expected = {(rule, getattr(rules, rule).severity) for rule in note["rules"]}
    assert expected <= found, _explain(note["text"], verdict)


@pytest.mark.parametrize(
    "note", NOTES["good"] + NOTES["bad"], ids=[n["id"] for n in NOTES["good"] + NOTES["bad"]]
)
def test_spans_lie_within_the_note(guardrails: Guardrails, note: dict[str, Any]) -> None:
    verdict = guardrails.check(note["text"], _context(note))
    for v in verdict.violations:
        assert 0 <= v.start <= v.end <= len(note["text"])

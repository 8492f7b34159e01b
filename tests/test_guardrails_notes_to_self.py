"""The sender's notes to self are not said to the reader (issue 8).

"(1 line max)", "no money in the invite" and "You prefer Ksenia not Kseniya" passed every rule
in model notes of the held-out suites, and each was labelled edit or reject. The labelled notes
in tests/data hold the realistic cases; this file pins the spans and messages, what may be said
in the same words, the configuration and the cost of a hostile reason.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from linear_time import Hostile, assert_linear
from warmnote.context import Context
from warmnote.errors import InputError
from warmnote.guardrails import Guardrails
from warmnote.guardrails.phrasing import NotesToSelfRule
from warmnote.plain_note import reason_reading

DATA = Path(__file__).parent / "data"
CONTEXTS = tomllib.loads((DATA / "guardrail_contexts.toml").read_text("utf-8"))


def with_reason(reason: str, name: str = "aside_recruiter", **changes: Any) -> Context:
    return Context.model_validate({**CONTEXTS[name], "reason": reason, **changes})


def found(guardrails: Guardrails, text: str, ctx: Context) -> list[str]:
    return [text[v.start : v.end] for v in guardrails.check(text, ctx).errors if v.rule == RULE]


RULE = "notes_to_self"
HIRING = "hiring a GIS analyst for our flood team in Kathmandu"
NOTE = "Hi प्रतिभा, we're hiring a GIS analyst for our flood team in Kathmandu."


@pytest.mark.parametrize(
    ("reason", "text", "span", "message"),
    [
        (
            f"{HIRING}. no money in the invite",
            f"{NOTE} Band is approx $2k/mo but no money in the invite.",
            "no money in the invite",
            'Leave out "no money in the invite": "no money in the invite" in your reason is a '
            "note to yourself, not something to tell प्रतिभा.",
        ),
        (
            f"{HIRING} (1 line max on that)",
            f"{NOTE} Could we compare notes (1 line max)?",
            "1 line max",
            'Leave out "1 line max": "1 line max on that" in your reason is a note to yourself, '
            "not something to tell प्रतिभा.",
        ),
        (
            f"{HIRING}. just not like I've been scouting her for a year",
            f"{NOTE} I have been scouting you for a year.",
            "I have been scouting you for a year",
            'Leave out "I have been scouting you for a year": "just not like I\'ve been '
            'scouting her for a year" in your reason is a note to yourself, not something to '
            "tell प्रतिभा.",
        ),
    ],
)
def test_a_note_to_self_said_to_the_reader_is_named_with_its_span(
    guardrails: Guardrails, reason: str, text: str, span: str, message: str
) -> None:
    verdict = guardrails.check(text, with_reason(reason))
    violation = next(v for v in verdict.errors if v.rule == RULE)
    assert text[violation.start : violation.end] == span
    assert violation.message == message


@pytest.mark.parametrize(
    ("reason", "text"),
    [
        # her, him, them and you are one word: the note turns the sender's "her" into "you"
        (f"{HIRING}. remind her nicely", f"{NOTE} Just to remind you nicely."),
        (f"{HIRING}. she hates small talk", f"{NOTE} I know you hate small talk."),
        # by stem: "keeping" is "keep"
        (f"{HIRING}. keep it short", f"{NOTE} Keeping it short: interested?"),
        # typed with the apostrophe a phone or a Mac types
        (
            f"{HIRING}. she’ll laugh at me if it's formal",
            f"{NOTE} You'll laugh at me if it's formal.",
        ),
        # all of a note of two words
        (f"{HIRING}. zero pricing!", f"{NOTE} Zero pricing, I promise."),
        (f"{HIRING}. keep it short", f"{NOTE} Keep it short: interested?"),
        # held-out 58: a matter told in private, and said, passed every rule
        (
            f"{HIRING}. her husband being ill, she told me in a private convo, so it stays private",
            f"{NOTE} Your husband being ill, you told me in a private conversation.",
        ),
    ],
)
def test_a_note_to_self_is_found_however_the_note_turns_it(
    guardrails: Guardrails, reason: str, text: str
) -> None:
    assert found(guardrails, text, with_reason(reason))


@pytest.mark.parametrize(
    ("reason", "text"),
    [
        # what a note to self asks to be said
        (f"{HIRING}. mention the flood atlas", f"{NOTE} I liked the flood atlas you mapped."),
        (f"{HIRING}. pls also thank her for the atlas", f"{NOTE} Thank you for the atlas."),
        # that they never met, which a first note may say
        (f"{HIRING}. never actually spoke to her", f"{NOTE} I never actually spoke to you."),
        (f"{HIRING}. we've never met", f"{NOTE} We've never met, but your maps stood out."),
        # whom they both know
        (
            f"{HIRING}. we have 2 mutuals (Sita and Ram)",
            f"{NOTE} We have 2 mutuals (Sita and Ram).",
        ),
        # two words people write in notes too
        (f"{HIRING}. no pitch, just connect", f"{NOTE} I'd like to just connect for now."),
        (f"{HIRING}. thanks + follow, nothing to ask", f"{NOTE} Just thanks, nothing to ask."),
        # a word or two of a note in other words, or a word of it elsewhere
        (f"{HIRING}. keep it short", f"{NOTE} Open to a short chat?"),
        (f"{HIRING}. don't sound desperate", f"{NOTE} I don't want to sound pushy."),
        (f"{HIRING}. she's a friend first", f"{NOTE} A friend of mine admires your maps."),
        # what the form says anyway: that they are friends
        (f"{HIRING}. we're old friends", f"{NOTE} Since we're old friends, I'll be direct."),
        (f"{HIRING}. she's a friend first", f"{NOTE} You're a friend first, so say no freely."),
        # a word alone, with a pronoun or not, is too little to tell
        (f"{HIRING}. respectful", f"{NOTE} I'd be respectful of your time."),
        (f"{HIRING}. she's busy", f"{NOTE} I know you're busy, so a short reply is fine."),
        (f"{HIRING}. it's her call", f"{NOTE} No worries if not, it's your call."),
        (f"{HIRING}. connect first", f"{NOTE} I'd love to connect first and talk later."),
        # what people write in notes anyway
        (f"{HIRING}. low pressure", f"{NOTE} Would you be up for a low-pressure chat?"),
        (f"{HIRING}. long time no see", f"{NOTE} Long time no see!"),
        (f"{HIRING}. make it clear she can say no", f"{NOTE} To be clear, you can say no."),
    ],
)
def test_what_a_note_may_say_in_the_same_words_passes(
    guardrails: Guardrails, reason: str, text: str
) -> None:
    assert not found(guardrails, text, with_reason(reason))


@pytest.mark.parametrize(
    ("reason", "text", "spans"),
    [
        (f"{HIRING}. no money in the invite", f"{NOTE} Band is approx $2k/mo.", ["$2k/mo"]),
        (f"{HIRING}. no money in the invite", f"{NOTE} Up to US$90k.", ["$90k"]),
        (
            f"{HIRING}. no salary talk",
            f"{NOTE} EUR 40,000 or 40 000 €.",
            ["EUR 40,000", "40 000 €"],
        ),
        (f"{HIRING}. no salary talk", f"{NOTE} Rs. 40,000 a month.", ["Rs. 40,000"]),
        (f"{HIRING}. don’t mention salary yet", f"{NOTE} 140k/yr base.", ["140k/yr"]),
        (
            f"{HIRING}. don't mention salary yet",
            f"{NOTE} Salary from 40,000 EUR.",
            ["Salary", "40,000 EUR"],
        ),
        (f"{HIRING}. zero pricing!", f"{NOTE} Our day rate is fair.", ["day rate"]),
        (f"{HIRING}. dont get into rates in the note", f"{NOTE} €450/day, remote.", ["€450/day"]),
        # the money word first: "salary stays OUT of the first msg", "keep the price out"
        (f"{HIRING}. salary stays OUT of the first msg", f"{NOTE} Up to US$90k.", ["$90k"]),
        (f"{HIRING}. keep the price out", f"{NOTE} Our pricing is fair.", ["pricing"]),
        (f"{HIRING}. no salary talk", f"{NOTE} Hourly rate is $40.", ["Hourly rate", "$40"]),
        # what only sounds like money
        (f"{HIRING}. no money in the invite", f"{NOTE} I loved your band, and 24/7 maps.", []),
        (
            f"{HIRING}. no money in the invite",
            f"{NOTE} Your error rates fell; 2M users per month.",
            [],
        ),
        (f"{HIRING}. no money in the invite", f"{NOTE} I'd pay a visit to see 3/day runs.", []),
        # a note to self that does not keep money out
        (f"{HIRING}. don't be shy about pay", f"{NOTE} The salary is $2k/mo.", []),
        # without such a note to self, or with no money in the note, nothing is found
        (f"{HIRING}. keep it light", f"{NOTE} Band is approx $2k/mo.", []),
        (f"{HIRING}. no money in the invite", f"{NOTE} Your 40k followers agree.", []),
        (f"{HIRING}. no salary talk", f"{NOTE} I follow your payments work.", []),
    ],
)
def test_money_kept_out_by_a_note_to_self_is_rejected_wherever_it_stands(
    guardrails: Guardrails, reason: str, text: str, spans: list[str]
) -> None:
    assert found(guardrails, text, with_reason(reason)) == spans


@pytest.mark.parametrize(
    ("reason", "text", "spans"),
    [
        (f"{HIRING}. don't say ostap sent me", f"{NOTE} Ostap sent us your way.", ["Ostap sent"]),
        # said in its own words, it is found once, as a note to self said to the reader
        (
            f"{HIRING}. don't say ostap sent me",
            f"{NOTE} Ostap sent me your way.",
            ["Ostap sent me"],
        ),
        (f"{HIRING}. don't say ostap sent me", f"{NOTE} We both know Ostap.", []),
        (
            f"{HIRING}. don’t mention the recall scare",
            f"{NOTE} Sorry about that recall scare.",
            ["recall scare"],
        ),
        (f"{HIRING}. don't mention the recall scare", f"{NOTE} I heard of the recall.", []),
        (
            f"{HIRING}. don't say I've already applied",
            f"{NOTE} I've already applied.",
            ["I've already applied"],
        ),
        (f"{HIRING}. don't say I've already applied", f"{NOTE} I'm applying soon.", []),
        # a filler after it is no word of what not to say
        (
            f"{HIRING}. don't say ostap sent me pls",
            f"{NOTE} Ostap sent us your way.",
            ["Ostap sent"],
        ),
        # in one clause, not across two, and not in one that denies it
        (f"{HIRING}. don't say ostap sent me", f"{NOTE} Ostap is great. He sent a map.", []),
        (
            f"{HIRING}. don't say Ostap sent me",
            f"{NOTE} Ostap mentioned your work, so I sent you the flood map.",
            [],
        ),
        (f"{HIRING}. don't imply it's a job offer", f"{NOTE} No job offer yet, just a chat.", []),
        (f"{HIRING}. don't say we're hiring soon", f"{NOTE} We're not hiring soon.", []),
        # one word of it is too little to tell ("we're close to a decision")
        (f"{HIRING}. don't act like we're close", f"{NOTE} We're close to a decision.", []),
        (f"{HIRING}. don't talk about work", f"{NOTE} How is the work going?", []),
        (f"{HIRING}. dont pretend we chatted", f"{NOTE} We chatted at the forum.", []),
        (f"{HIRING}. don't say Dr. Rai sent me", f"{NOTE} Dr. Rai is great.", []),
        (f"{HIRING}. don't mention the recall scare", f"{NOTE} I recall it, it scared us.", []),
        # a word not to use, quoted
        (
            f"{HIRING}. the words 'cold rooms' must not appear",
            f"{NOTE} Our cold rooms fix that.",
            ["cold rooms"],
        ),
        (
            f'{HIRING}. don\'t use the phrase "game changer"',
            f"{NOTE} It's a game changer for you.",
            ["game changer"],
        ),
        (f"{HIRING}. the words 'cold rooms' must not appear", f"{NOTE} Our stores fix that.", []),
        # held-out 44: what "stays buried" is the thing itself, without what befell it
        (
            f"{HIRING}. the bridge model that collapsed at our defense stays buried",
            f"{NOTE} We built a bamboo bridge model together.",
            ["bridge model"],
        ),
        (
            f"{HIRING}. the knife i never gave back = off limits",
            f"{NOTE} We traded knives when mine went blunt.",
            [],
        ),
        # held-out 55: a label that keeps quiet on what follows it; the model's draft said
        # "I'd like to mouth shut about your clinic failing its inspection in spring" and passed
        (
            f"{HIRING}. mouth shut: his clinic failing its inspection in spring, he told me "
            "that privately",
            f"{NOTE} I'd like to mouth shut about your clinic failing its inspection in spring.",
            ["your clinic failing its inspection in spring"],
        ),
        (
            f"under wraps: the cull on her neighbour's farm last winter. {HIRING}",
            f"{NOTE} Sorry about the cull on your neighbour's farm last winter.",
            ["the cull on your neighbour's farm last winter"],
        ),
        (
            f"{HIRING}. mouth shut: his clinic failing its inspection in spring",
            f"{NOTE} Your clinic work in spring caught my eye.",
            [],
        ),
        # held-out 56: what a bracket or a "shhh" after it keeps quiet ("her funding got cut
        # (not my business)" held nothing back before)
        (
            f"{HIRING}. she mentioned her funding got cut (not my business)",
            f"{NOTE} Sorry to hear your funding got cut.",
            ["your funding got cut"],
        ),
        (
            f"{HIRING}. she mentioned her funding got cut, shhh",
            f"{NOTE} Sorry to hear your funding got cut.",
            ["your funding got cut"],
        ),
        (
            f"{HIRING}. she mentioned her funding got cut. shhh",
            f"{NOTE} Sorry to hear your funding got cut.",
            ["your funding got cut"],
        ),
        # found in review: a title is no label ("Under Wraps" is her book)
        (
            f"Under Wraps: her book on sustainable packaging, read it twice. {HIRING}",
            f"{NOTE} I read your book on sustainable packaging twice.",
            [],
        ),
    ],
)
def test_what_a_note_to_self_says_not_to_say_is_not_said(
    guardrails: Guardrails, reason: str, text: str, spans: list[str]
) -> None:
    assert found(guardrails, text, with_reason(reason)) == spans


def test_the_rule_reads_the_notes_to_self_the_reading_shows(guardrails: Guardrails) -> None:
    # "keep it short!!" is read as the reading reads it, after the plain note's clean-up
    ctx = with_reason(f"{HIRING}. keep it short!! 🙏")
    assert "keep it short!" in [item.text for item in reason_reading(ctx).left_out]
    assert found(guardrails, f"{NOTE} Keep it short!", ctx) == ["Keep it short"]


def test_a_note_without_a_context_has_no_notes_to_self(guardrails: Guardrails) -> None:
    verdict = guardrails.check(f"{NOTE} No money in the invite.")
    assert RULE not in {v.rule for v in verdict.violations}


def test_the_rule_is_configurable(tmp_path: Path) -> None:
    ctx = with_reason(f"{HIRING}. keep it short and sweet")
    text = f"{NOTE} Sweet and short, I'll keep it."
    assert not found(Guardrails.load(tmp_path), text, ctx)
    (tmp_path / "rules.toml").write_text("[rules.notes_to_self]\nmin_run = 2\n", "utf-8")
    assert found(Guardrails.load(tmp_path), text, ctx) == ["keep it"]
    (tmp_path / "rules.toml").write_text("[rules.notes_to_self]\nenabled = false\n", "utf-8")
    assert Guardrails.load(tmp_path).check(f"{NOTE} Keep it short and sweet.", ctx).passed


def test_a_run_longer_than_three_words_is_refused_with_the_key(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text("[rules.notes_to_self]\nmin_run = 4\n", "utf-8")
    with pytest.raises(InputError) as error:
        Guardrails.load(tmp_path)
    assert error.value.field == "rules.notes_to_self.min_run"
    assert str(error.value).startswith(f"{path}: ")


HOSTILE_NOTE = Hostile(
    "keep it short and no pitch yet, $2k/mo don't mention the grant 7 1,1,1 ostap sent. ", 2_400
)


def numbered(unit: str, times: int, between: str = "") -> Callable[[float], str]:
    """Notes to self that differ only by a number, so that none is the one before again."""
    return lambda share: between.join(unit.format(i) for i in range(int(times * share)))


@pytest.mark.parametrize(
    "reason",
    [
        Hostile("keep it short. ", 3_300),
        Hostile("no pitch yet, ", 3_500, after=HIRING),
        numbered("don't mention the grant {}", 2_000, " "),
        # money kept out, and numbers that a careless pattern reads again and again
        numbered("no salary talk {}. ", 2_500),
        numbered("don't say ostap sent me {}. ", 2_000),
        Hostile("1,", 20_000, before=f"{HIRING} ", after=". no money in the invite"),
        # found in review: fillers before what stays out, read again from each one
        Hostile(
            "just pls also ", 3_000, after="our loss rate is ugly, around 40 percent, hide that"
        ),
        # each verb after "and" was kept with all the reason after it
        Hostile("keep it short and ", 2_800),
    ],
    ids=[
        "one-note-again",
        "notes-in-one-clause",
        "many-notes",
        "money-notes",
        "not-to-say",
        "digit-runs",
        "fillers-before-what-stays-out",
        "verbs-after-and",
    ],
)
def test_a_hostile_reason_and_note_are_checked_in_linear_time(
    guardrails: Guardrails, reason: Callable[[float], str]
) -> None:
    # Each note to self is looked up, not scanned for, and money is found once however many
    # notes keep it out.
    def check(share: float) -> None:
        ctx, note = with_reason(reason(share)[:50_000]), HOSTILE_NOTE(share)
        verdict = guardrails.check(note, ctx)
        assert all(0 <= v.start <= v.end <= len(note) for v in verdict.violations)
        told = [v for v in verdict.violations if v.rule == RULE and "your reason says" in v.message]
        assert len(told) <= 2 * NotesToSelfRule.MAX_MONEY_FINDINGS  # money, and what not to say
        assert reason_reading(ctx) is not None

    assert_linear(check)

"""A writer weighing aloud whether to raise a thing ("ask about his divorce? no.", "do I bring
up the flood…? probably not") is thinking, not writing to the reader. Such a question was said
as the note's ask ("I'd like to ask about your divorce.") and the matter it weighed passed every
rule in a model's draft. The question is a note to self; what it weighs stays out of the plain
note, the model's prompt and any draft, unless the writer answered yes."""

from __future__ import annotations

import pytest

from example_notes import example_with
from linear_time import Hostile, assert_linear
from warmnote.guardrails import Guardrails
from warmnote.notes_to_self import split_notes_to_self, weighed_out
from warmnote.plain_note import plain_note, reason_in_my_words, reason_left_out

ASK = "want to ask how his team handles backpressure"
GREETING = "Hi Tomás, great talk on backpressure at PyData Lisbon."


# (the writer weighing a matter, a word of that matter)
WEIGHED = [
    ("ask about his divorce? no.", "divorce"),
    ("do I bring up the flood and the insurer saying no? probably not.", "flood"),
    ("should i mention his layoff? nah.", "layoff"),
    ("mention the lawsuit? prob not, obviously.", "lawsuit"),
    ("Should we mention the merger?", "merger"),  # unanswered: the writer is unsure
    ("is it weird to bring up his old startup going bust?", "startup"),
    ("is it ok to bring up the recall? nope.", "recall"),
    ("not sure whether to mention his burnout.", "burnout"),
    ("worth mentioning the audit? hmm.", "audit"),
    # found in review
    ("ask about his divorce? Not a chance.", "divorce"),
    ("should I ask him about his divorce?", "divorce"),
    ("can I mention his redundancy?", "redundancy"),
    ("should i mention his layoff? ok maybe not.", "layoff"),
    ("not sure whether to mention his burnout but", "burnout"),
]


@pytest.mark.parametrize(("weighing", "word"), WEIGHED, ids=[w for _, w in WEIGHED])
def test_what_the_writer_weighs_is_a_note_to_self_and_stays_out(
    weighing: str, word: str, guardrails: Guardrails
) -> None:
    context = example_with(f"tomas from pydata. {weighing} {ASK}")
    note = plain_note(context, guardrails)
    assert note is not None
    assert word not in note.lower()
    assert "how your team handles backpressure" in note  # the ask is still made
    shown = [item.text for item in reason_left_out(context, note) if item.why == "note_to_self"]
    assert any(word in text.lower() for text in shown)
    assert word not in reason_in_my_words(context).lower()  # nor is the model given it


@pytest.mark.parametrize(
    ("reason", "draft"),
    [
        (
            "tomas from pydata. ask about his divorce? no. " + ASK,
            f"{GREETING} I'm sorry about the divorce. I'd love to hear how your team copes.",
        ),
        (
            "tomas from pydata. should i mention his layoff? nah. " + ASK,
            f"{GREETING} Sorry about the layoff. I'd love to hear how your team copes.",
        ),
        (
            "tomas from pydata. ask about his divorce? no. " + ASK,
            f"{GREETING} I'd love to ask about your divorce and how your team copes.",
        ),
        # found in review: a bare "mention X? no" once counted as asking to say X, and "ok"
        # before the answer as a yes
        (
            "tomas from pydata. mention his divorce? no. " + ASK,
            f"{GREETING} I'm sorry about the divorce. I'd love to hear how your team copes.",
        ),
        (
            "tomas from pydata. should i mention his layoff? ok maybe not. " + ASK,
            f"{GREETING} Sorry about the layoff. I'd love to hear how your team copes.",
        ),
    ],
)
def test_a_draft_that_raises_what_was_weighed_out_is_rejected(
    reason: str, draft: str, guardrails: Guardrails
) -> None:
    verdict = guardrails.check(draft, example_with(reason))
    assert not verdict.passed
    assert any(v.rule == "notes_to_self" for v in verdict.errors)


def test_a_matter_the_writer_answered_yes_to_may_be_said(guardrails: Guardrails) -> None:
    context = example_with("tomas from pydata. should i mention the podcast? yes. " + ASK)
    draft = f"{GREETING} I loved your podcast too. I'd love to hear how your team copes."
    assert guardrails.check(draft, context).passed
    note = plain_note(context, guardrails)
    assert note is not None and "backpressure" in note


@pytest.mark.parametrize(
    "question",
    [
        "maybe ask about his kiln?",  # a shy ask, not a matter weighed
        "can I mention your talk in my newsletter?",  # a question put to the reader
        "would it be ok to mention your paper in my thesis?",
        # found in review: what follows is no answer, and a suggestion is no weighing
        "can I mention your talk in my newsletter? No pressure either way",
        "ask about his kiln? no rush",
        "should I reference your backpressure paper in my thesis?",
    ],
)
def test_a_question_that_asks_is_not_weighing(question: str) -> None:
    kept, notes = split_notes_to_self(f"tomas from pydata. {question}")
    assert question in kept
    assert not notes


def test_a_suggestion_keeps_nothing_out() -> None:
    """ "maybe mention…?" suggests what to say; a draft may say it."""
    assert weighed_out("maybe mention we both ran the lisbon half?") is None
    assert weighed_out("should i mention the podcast? yes") is None
    assert weighed_out("should i mention his layoff? nah") == "his layoff"


def test_a_shy_ask_is_made(guardrails: Guardrails) -> None:
    note = plain_note(example_with("tomas from pydata. maybe ask about his kiln?"), guardrails)
    assert note is not None and "kiln" in note


def test_a_new_line_after_a_weighed_question_stays() -> None:
    """Found in review: the list after the question stays a list."""
    kept, _ = split_notes_to_self("Met at the expo. mention his divorce? no\n- his demo\n- we row")
    assert kept == "Met at the expo. \n- his demo\n- we row"


def test_the_answer_goes_with_the_question() -> None:
    kept, notes = split_notes_to_self("ask about his divorce? no,keep it to wood. " + ASK)
    assert notes[0] == "ask about his divorce? no"
    assert "no" not in kept.split() and not kept.startswith(",")


@pytest.mark.parametrize(
    "hostile",
    [
        Hostile("the a ", 4000, before="should i mention ", after="?"),
        Hostile("? ", 8000, before="should i mention x"),
        Hostile("not sure if i should mention x y z. ", 1500),
        Hostile("do i bring up ", 3000),
        Hostile("mention x? no. ", 8000),
        Hostile("mention x? no.\n", 8000),
    ],
    ids=["long topic", "many marks", "many doubts", "many starts", "answers", "answers on lines"],
)
def test_weighing_is_read_in_linear_time(hostile: Hostile) -> None:
    assert_linear(lambda share: split_notes_to_self(hostile(share)))

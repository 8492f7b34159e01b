"""A reason typed as notes mixes what to say with what the writer only reminds themselves of,
and no list of phrases names every way of keeping a thing back. From such a reason the plain
note says only what is meant for the reader: the ask, what the form or the profiles already
say, the reader's public work or the role on offer, and what the ask leans on. The rest is held
back and shown beside the note, so the writer can type it back in."""

from __future__ import annotations

import pytest

from example_notes import example_with
from warmnote.context import Context
from warmnote.guardrails import Guardrails
from warmnote.plain_note import plain_note, reason_in_my_words, reason_left_out, reason_reading


def held_back(context: Context, guardrails: Guardrails) -> list[str]:
    note = plain_note(context, guardrails)
    assert note is not None
    return [item.text for item in reason_left_out(context, note) if item.why == "held_back"]


# (reason, recipient's name, a word of what is held back): private matters, typed as notes,
# beside an ask. No rule reads them as notes to self; they are held back because nothing meant
# for the reader says them.
PRIVATE = [
    (
        "tomas from pydata. he hadnt told anyone but me about the divorce, so obviously none of"
        " that. want to ask how his team handles backpressure",
        "Tomás Herrera",
        "divorce",
    ),
    (
        "ana from the lisbon meetup. her parents shop closed with debts last year, sad business."
        " want to ask how she tunes consumer lag",
        "Ana Ribeiro",
        "debts",
    ),
    (
        "salim from pydata. the yard let me go after the fire, that isnt going anywhere near"
        " this. want to ask if his team takes on juniors",
        "سالم الحارثي",
        "fire",
    ),
    (
        "thaís from pydata, né. the eight month gap on my cv was burnout, leaving that right"
        " off. want to ask if there could be room for one more next season",
        "Thaís dos Anjos Carvalho",
        "burnout",
    ),
    (
        "farangis from the lisbon talk. she got blamed for the audit findings and left in"
        " tears. want her advice on backpressure",
        "Фарангис Назарова",
        "audit",
    ),
    (
        "caoimhe from pydata. her brother passed away in the spring, heard via aoife. want to"
        " ask how the crews handle exactly-once delivery",
        "Caoimhe Ní Bhriain",
        "brother",
    ),
    (
        "nomvula from the talk. I copied one of her slides in a pitch without asking, feel"
        " awful. want to just say her work moved me",
        "Nomvula Mthembu-Zondi",
        "copied",
    ),
    (
        "uranchimeg from pydata. the guy on her team gets let go next month and doesnt know"
        " yet. want to ask how they run on-call",
        "Мөнхбатын Уранчимэг",
        "let go",
    ),
    (
        "wanjiru from the meetup. he still owes me 4000 from the car thing. want to ask how his"
        " team handles backpressure",
        "Wanjiru Kariuki",
        "car thing",
    ),
    (
        "ileana from pydata. we had that shouting match over the bonus split. want to ask how"
        " they grade consumer lag",
        "Ileana-Cosmina Vlădescu",
        "shouting",
    ),
    (  # found in review, 2026-12-06: the writer's side of what "we" did is theirs
        "we made a loss on the Leeds show last year. dont mention fees. want to ask if she'd"
        " curate the next one",
        "Ana Ribeiro",
        "loss",
    ),
]


@pytest.mark.parametrize(("reason", "name", "word"), PRIVATE, ids=[p[2] for p in PRIVATE])
def test_a_private_matter_in_jotted_notes_is_held_back_and_shown(
    reason: str, name: str, word: str, guardrails: Guardrails
) -> None:
    context = example_with(reason, name)
    note = plain_note(context, guardrails)
    assert note is not None
    assert word not in note.lower()
    assert any(word in part.lower() for part in held_back(context, guardrails))
    assert word not in reason_in_my_words(context).lower()  # nor is the model given it


# (reason, what of it the note still says): typed as notes too, but meant for the reader.
MEANT = [
    # the ask itself
    ("tomas from pydata. want to ask how his team handles backpressure", "backpressure"),
    # the reader's public work
    (
        "tomas from pydata. read his post on consumer lag twice. want to ask about exactly-once",
        "post on consumer lag",
    ),
    ("saw her talk on stream joins. want to ask for the slides", "talk on stream joins"),
    # their good news
    (
        "tomas from pydata. he has his own firm now. want to ask how they size queues",
        "own firm",
    ),
    # the role on offer
    ("client is a fintech in porto. want to ask if hes open to a chat", "fintech in Porto"),
    # what the form and the profile say already
    (
        "tomas. he runs event-streaming platforms at corvid. want to ask how they size queues",
        "event-streaming platforms",
    ),
    # what the ask leans on
    (
        "our kafka consumers keep falling behind at peak. want to ask how he fixed that",
        "kafka consumers",
    ),  # who the writer is, the role on offer, a question put to them, a wish made of "us" (found
    # in plain notes of older suites after held-out 38's reading)
    (
        "tomas from pydata. we do stream audits for banks. want to ask how he sizes queues",
        "stream audits",
    ),
    (
        "tomas from pydata. keep it light. we're after a billing lead for the porto office",
        "billing lead",
    ),
    (
        "tomas from pydata. keep it light. didnt get to ask my question (how do you"
        " staff the night rota?)",
        "night rota",
    ),
    (
        "tomas from pydata. keep it light. our cto wants us aligned on the billing"
        " rewrite before q1",
        "billing rewrite",
    ),
    # held-out 43: what the two of them did together
    (
        "we cooked for 300 kids a day in porto for 2 yrs. keep it light. want to ask about his"
        " queues",
        "cooked for 300 kids",
    ),
    (
        "tomas!! we shared a flat for a whole year. want to order his lag dashboards, paid",
        "shared a flat",
    ),
]


def test_a_post_that_needs_filling_is_meant_for_them() -> None:
    """Held-out 49: a recruiter's offer in jotted notes that keep something back was held
    back, and the note said only how they met."""
    context = Context.model_validate(
        {
            "scenario": "recruiter_outreach",
            "sender": {"name": "Sam Carter", "headline": "Marine recruiter"},
            "recipient": {"name": "Nia Osei", "headline": "Canoe builder"},
            "relationship": {"familiarity": "met_once"},
            "reason": (
                "she had me at the tiller the whole way, beached it in that surf first go. our "
                "porto ferries need a relief skipper for summer 2028. pay still unsigned -> not "
                "for the note"
            ),
        }
    )
    assert reason_reading(context).said == (
        "Our porto ferries need a relief skipper for summer 2028.",
    )


@pytest.mark.parametrize(("reason", "said"), MEANT, ids=[m[1] for m in MEANT])
def test_what_jotted_notes_mean_for_the_reader_is_said(
    reason: str, said: str, guardrails: Guardrails
) -> None:
    context = example_with(reason)
    note = plain_note(context, guardrails)
    assert note is not None
    assert said.lower() in note.lower(), note
    assert said.lower() not in " ".join(held_back(context, guardrails)).lower()


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        ("tomas from pydata. thanks for the slides. want to ask about exactly-once", "Thank"),
        ("he asked for our lag dashboards. want to ask how his team tunes them", "You asked"),
        ("we lost touch after lisbon. want to ask how his team handles backpressure", "lost touch"),
        ("tomas from pydata. his post on lag was spot on. want to ask for the slides", "spot on"),
        # held-out 22: the one specific thing in a reason about a stranger's comments
        ("he commented on my posts. his Q abt lag was good -> ask what he runs", "was good"),
        ("she's keen to trial our consumer. want to ask which cluster", "You're keen"),
        # what the ask is about is meant for them, whatever its words
        ("his cluster failed over twice. want to ask how he fixed that", "failed over twice"),
        ("our consumers keep losing messages at peak. want to ask how he fixed that", "losing"),
        # words of misfortune in other senses
        ("you ran the workshop, i still owe you a beer. want to ask for the slides", "owe you"),
        ("he let me go first at the lightning talks. want to ask for his slides", "go first"),
        ("his post says the offset api is ill-defined. want to ask why", "ill-defined"),
        ("his talk on paying down tech debt was great. want to ask for the slides", "tech debt"),
    ],
    ids=[
        *["thanks", "you-asked", "lost-touch", "praise", "was-good", "their-wish"],
        *["leaned-on", "leaned-on-2", "owe", "let-go", "ill-defined", "tech-debt"],
    ],
)
def test_what_is_said_to_them_of_them_or_asked_about_is_said(
    reason: str, said: str, guardrails: Guardrails
) -> None:
    note = plain_note(example_with(reason), guardrails)
    assert note is not None and said in note, note


@pytest.mark.parametrize(
    ("reason", "word"),
    [
        # in the form's own words, but a misfortune: the reader's public work does not carry it
        (
            "tomas. he runs event-streaming platforms at corvid, got fired from the last one. "
            "want to ask how they size queues",
            "fired",
        ),
        # made like an ask ("I'm sorry about…"), but asking for nothing
        ("sorry about his divorce. want to ask how his team handles backpressure", "divorce"),
        # no ask: nothing else is held back, but a misfortune still is
        ("tomas from pydata. his team lost two engineers to burnout this year", "burnout"),
        # every sentence held back: the prompt is not given the whole reason instead
        ("tomas from pydata. his brother passed away in the spring", "brother"),
        # a name said to have suggested it: the prompt keeps the reason whole only when nothing
        # of it is held back
        (
            "Ivo suggested I reach out. his divorce was brutal. want to ask how his team handles"
            " backpressure",
            "divorce",
        ),
    ],
    ids=["grounded", "sorry", "no-ask", "all", "attribution"],
)
def test_a_misfortune_is_held_back_whatever_else_the_sentence_holds(
    reason: str, word: str, guardrails: Guardrails
) -> None:
    context = example_with(reason)
    note = plain_note(context, guardrails) or ""
    assert word not in note.lower(), note
    assert word not in reason_in_my_words(context).lower()
    held = [item.text for item in reason_left_out(context) if item.why == "held_back"]
    assert any(word in part.lower() for part in held), held


# (reason, a word of what is held back, a word of what is said): an ask the notes leave unmade
# is still an ask, and a writer who keeps one thing back may keep back more, so only what is
# meant for the reader is said. Nothing here is a misfortune word.
UNMADE_ASK_OR_KEPT_BACK = [
    (
        "now rebuilding our consumer fleet and want his eyes on it. the client stopped paying us"
        " in june and it's with lawyers now",
        "lawyers",
        "eyes on it",
    ),
    (
        "been curious for ages how he sizes queues. our last cluster melted at a bank and got"
        " sent back",
        "melted",
        "size queues",
    ),
    (
        "tomas from pydata. looking for a junior spot on his team. my visa runs out in march",
        "visa",
        "junior spot",
    ),
    (
        "tomas from pydata. wondering whether his team would trial our consumer. our seed round is"
        " three months late",
        "seed round",
        "trial our consumer",
    ),
    # no ask, but a note to self keeps something back: "our survey" is not the reader's work
    (
        "tomas from pydata, read his post on consumer lag. our survey money comes from an oil"
        " company, not a word on who pays us",
        "oil company",
        "post on consumer lag",
    ),
    # no ask, but a part says it keeps something back; "late" and "Lately" share nothing
    (
        "one awkward thing I'm not touching, my late review sank his last funding round. read"
        " his post on consumer lag",
        "funding round",
        "post on consumer lag",
    ),
    # what the reader likes to be called is no sentence to them
    (
        "want to ask how he sizes queues. he can't stand the anglicised version, tomás with the"
        " accent",
        "anglicised",
        "size queues",
    ),
]


@pytest.mark.parametrize(
    ("reason", "held", "said"),
    UNMADE_ASK_OR_KEPT_BACK,
    ids=[held for _, held, _ in UNMADE_ASK_OR_KEPT_BACK],
)
def test_an_unmade_ask_or_a_thing_kept_back_holds_back_what_is_not_meant(
    reason: str, held: str, said: str, guardrails: Guardrails
) -> None:
    context = example_with(reason)
    note = plain_note(context, guardrails)
    assert note is not None
    assert held not in note.lower() and said in note, note
    assert any(held in part.lower() for part in held_back(context, guardrails))
    assert held not in reason_in_my_words(context).lower()


@pytest.mark.parametrize(
    ("reason", "word"),
    [
        # a wish of someone else's is no ask of the writer's (found in review)
        ("tomas from pydata. he's looking for a new job after the layoffs. want to ask how he"
         " sizes queues", "layoffs"),
        ("tomas from pydata. my brother is applying for asylum here. want to ask how he sizes"
         " queues", "asylum"),
        # the writer's own job is no role on offer, nor their payroll what their firm does
        ("tomas from pydata. I'm quietly job hunting and my boss can't find out. want to ask how"
         " he sizes queues", "job hunting"),
        ("tomas from pydata. we make payroll only until june if the round slips. want to ask how"
         " he sizes queues", "payroll"),
        # what is the reader's is not for that alone meant for them
        ("tomas from pydata. his startup runs out of cash in april. want to ask how he sizes"
         " queues", "cash"),
        ("tomas from pydata. he's leaving corvid in march, not public yet. want to ask how he"
         " sizes queues", "march"),
        # a thing needed is no post on offer
        ("tomas from pydata. keep it light. our porto office needs a new boiler. want to ask how"
         " he sizes queues", "boiler"),
    ],
    ids=["their-wish", "brother", "own-job", "payroll", "theirs", "not-public", "a-thing-needed"],
)  # fmt: skip
def test_what_only_looks_meant_is_held_back(reason: str, word: str, guardrails: Guardrails) -> None:
    context = example_with(reason)
    note = plain_note(context, guardrails)
    assert note is not None and word not in note.lower(), note
    assert word not in reason_in_my_words(context).lower()


@pytest.mark.parametrize(
    "reason",
    [
        # whole sentences, written to be read: every one stays (a clean writer writes to them)
        "We both run Kafka at scale. Our consumers fall behind at peak. I'd like to ask how your"
        " team handles backpressure.",
        # nothing asks and nothing is kept back: there is no telling what the note is for, so
        # nothing is held back ("kinda nervous ngl" is a feeling, not a thing kept out)
        "tomas from pydata. our consumers fall behind at peak. kafka all the way down",
        "tomas from pydata. our consumers fall behind at peak. kinda nervous ngl",
        # a note on style keeps nothing back (found in review)
        "tomas from pydata. keep it short. we moved our consumer fleet to flink this spring",
    ],
    ids=["sentences", "no-ask", "a-feeling", "style"],
)
def test_nothing_is_held_back_from_sentences_or_from_notes_that_ask_nothing(
    reason: str, guardrails: Guardrails
) -> None:
    assert held_back(example_with(reason), guardrails) == []


def test_what_is_held_back_is_shown_under_the_reason_as_it_is_typed() -> None:
    """Compose and ``warmnote context read`` show it before anything is drafted."""
    reading = reason_reading(example_with(PRIVATE[0][0]))
    assert not any("divorce" in said for said in reading.said)
    held = [line for line in reading.lines() if line.startswith("Held back")]
    assert len(held) == 1 and "divorce" in held[0], reading.lines()

"""The model's tidy of the plain note: it may only take words out (and mend grammar), keep the
greeting, and pass the rules with no new finding; otherwise the plain note stands."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from example_notes import EXAMPLE
from warmnote.context import Context, load_context
from warmnote.drafter import Drafter, ScriptedDrafter
from warmnote.errors import ModelError
from warmnote.guardrails import Guardrails
from warmnote.packs import get_pack
from warmnote.session import DraftingSession
from warmnote.settings import Settings
from warmnote.tidy import (
    TIDY_EXAMPLES,
    changes_a_claim,
    drops_the_ask,
    removed_runs,
    respelt,
    tidy_messages,
    tidy_note,
    words_added,
)

PLAIN = (
    "Hi Ánte, we sing in the same choir. I'd like you to run a 2-day knife course for lodge "
    "guests in March. You're shy about teaching tourists so no pressure, nah skip."
)
TIDIED = (
    "Hi Ánte, we sing in the same choir. I'd like you to run a 2-day knife course for lodge "
    "guests in March."
)


@pytest.fixture(scope="module")
def context() -> Context:
    return Context.model_validate(
        {
            "scenario": "friend_to_professional",
            "sender": {"name": "Linnea Vikström", "company": "Sarek Edge Lodge"},
            "recipient": {"name": "Ánte Pittja", "location": "Jokkmokk"},
            "relationship": {"familiarity": "friend", "how_we_met": "we sing in the same choir"},
            "reason": "want him to run a 2-day knife course for lodge guests in march",
        }
    )


@pytest.mark.parametrize(
    ("plain", "tidied", "added"),
    [
        (PLAIN, TIDIED, []),
        ("Your post, really sharp.", "Your post was really sharp.", []),
        ("Your stall, the best one there.", "It’s the best one there.", ["it's"]),
        ("the cooperative and its growers.", "the cooperative and it's growers.", ["it's"]),
        ("We met in Oslo, and I'd like to ask.", "We met in Oslo. I'd like to ask.", []),
        ("I'd love to ask (Ben) how it went.", "I’d love to ask Ben how it went.", []),
        ("Hi Ana, my team ships it.", "Hi Ana, your team ships it.", ["your"]),
        (
            "Hi Ana, we met in Porto.",
            "Hi Ana, we met and worked together in Porto.",
            ["worked", "together"],
        ),
        ("Hi Ana, ask about 5 roles.", "Hi Ana, ask about five roles.", ["five"]),
        ("Hi Ana, I read it and I liked it.", "Hi Ana, I liked it and I read it.", ["i", "read"]),
    ],
)
def test_a_tidy_may_write_only_the_plain_notes_words_in_order(
    plain: str, tidied: str, added: list[str]
) -> None:
    assert words_added(plain, tidied) == added


@pytest.mark.parametrize(
    ("typed", "written", "mended"),
    [
        # a typo the plain note copied from the reason, spelt right
        ("comercially", "commercially", True),  # a letter put in
        ("pasturises", "pasteurises", True),
        ("wether", "whether", True),
        ("fourty", "forty", True),  # a letter taken out
        ("gusets", "guests", True),  # two letters swapped
        ("theyll", "they'll", True),  # the apostrophe put in
        ("dont", "don't", True),
        # a word for another word, not a spelling
        ("antenatal", "antinatal", False),  # a letter for another: jargon the list lacks
        ("microplastics", "macroplastics", False),
        ("fourty", "fourth", False),
        ("hypotension", "hypertension", False),
        ("knows", "know", False),  # a word of the list: "costs" -> "cost" changes the claim
        ("hired", "hires", False),
        ("were", "we're", False),  # "we were colleagues" is not "we're colleagues"
        ("don't", "dont", False),  # an apostrophe taken out
        ("metato", "potato", False),
        ("kupela", "cupola", False),
        ("wayyy", "way", False),
        ("can", "can't", False),  # "n't" turns the claim round
        ("its", "it's", False),
        ("10", "100", False),
    ],
)
def test_a_tidy_may_spell_a_word_right(typed: str, written: str, mended: bool) -> None:
    assert respelt(typed, written) is mended
    plain, tidied = f"Hi Ana, it runs {typed} here.", f"Hi Ana, it runs {written} here."
    assert (words_added(plain, tidied) == []) is mended


def test_a_name_is_never_spelt_right() -> None:
    """A word with a capital may be a name: "Hogan" for "Hodan" is another person."""
    assert words_added("Hi Ana, Hodan runs it.", "Hi Ana, Hogan runs it.") == ["hogan"]


@pytest.mark.parametrize(
    ("plain", "tidied", "dropped"),
    [
        (
            "Hi Ana, our curd splits. How do you manage it? Use Ana.",
            "Hi Ana, our curd splits.",
            True,
        ),
        ("Hi Ana, I'd like to ask about kilns. Keep it short.", "Hi Ana, we met in Porto.", True),
        # the sentence kept, its ask not
        ("Hi Ana, I'd like to hear how you fire kilns.", "Hi Ana, how you fire kilns.", True),
        ("Hi Ana, how do you manage it? Use Ana.", "Hi Ana, how do you manage it?", False),
        (
            "Hi Ana, I'd like to ask about kilns, lol.",
            "Hi Ana, I'd like to ask about kilns.",
            False,
        ),
        ("Hi Ana, we met in Porto. Keep it short.", "Hi Ana, we met in Porto.", False),  # no ask
        ("Hi Ana, great talk. Ravi wanted me to skip it.", "Hi Ana, great talk.", False),
        # an ask said in other words (held-out 50)
        (
            "Hi Ana, your kiln notes get passed around our office. I work for a kiln maker, yet "
            "this first note simply asks how you pick the clay to fire first.",
            "Hi Ana, your kiln notes get passed around our office.",
            True,
        ),
        ("Hi Ana, I recruit for a pottery. I hope to describe the post to you.", "Hi Ana.", True),
        ("Hi Ana, we fire kilns too. We hope to see your glaze notes.", "Hi Ana.", True),
        ("Hi Ana, your kiln asks a lot of wood. Keep it short.", "Hi Ana, your kiln.", False),
        # found in review: a pleasantry or a description asks nothing
        ("Hi Ana, I hope you're well. I enjoyed your kiln talk.", "Hi Ana, I enjoyed it.", False),
        ("Hi Ana, the role asks for glaze chemistry. Keep it short.", "Hi Ana.", False),
        (
            "Hi Ana, I hope you're well. Would you be open to a chat about kilns?",
            "Hi Ana, I hope you're well. Your kiln talk was great.",
            True,
        ),
    ],
)
def test_a_tidy_keeps_an_ask(plain: str, tidied: str, dropped: bool) -> None:
    assert drops_the_ask(plain, tidied) is dropped


@given(
    st.lists(st.sampled_from(["Hi", "Ana", "we", "met", "in", "Porto", "so", "skip"]), max_size=12),
    st.data(),
)
def test_deleting_words_never_counts_as_adding_one(words: list[str], data: st.DataObject) -> None:
    kept = [w for w in words if data.draw(st.booleans())]
    assert words_added(" ".join(words), " ".join(kept)) == []


@pytest.mark.parametrize(
    ("plain", "tidied", "changed"),
    [
        ("Hi Ana, I'm not hiring yet. Keep it short.", "Hi Ana, I'm hiring yet.", True),
        ("Hi Ana, we never met in Porto.", "Hi Ana, we met in Porto.", True),
        ("Hi Ana, I don't sell kilns.", "Hi Ana, I sell kilns.", True),
        ("Hi Ana, I dont sell kilns.", "Hi Ana, I sell kilns.", True),
        ("Hi Ana, I used to work at the school.", "Hi Ana, I work at the school.", True),
        ("Hi Ana, I plan to open a school.", "Hi Ana, I open a school.", True),
        ("Hi Ana, I'm an ex-Stripe engineer.", "Hi Ana, I'm a Stripe engineer.", True),
        (
            "Hi Ana, we've only nodded in the corridor.",
            "Hi Ana, we've nodded in the corridor.",
            True,
        ),
        ("Hi Ana, 10-15 guests come.", "Hi Ana, 15 guests come.", True),
        ("Hi Ana, we met at the market, I think.", "Hi Ana, we met at the market.", True),
        ("Hi Ana, you're a bit gruff apparently.", "Hi Ana, you're a bit gruff.", True),
        ("Hi Ana, is your team hiring? Thanks.", "Hi Ana, your team is hiring. Thanks.", True),
        # Whole clauses and sentences may go: that leaves something out, it claims nothing.
        ("Hi Ana, I'm hiring. Don't mention pay.", "Hi Ana, I'm hiring.", False),
        ("Hi Ana, I'm hiring. No pressure!", "Hi Ana, I'm hiring.", False),
        (
            "Hi Ana, a course in March, you're not big on email.",
            "Hi Ana, a course in March.",
            False,
        ),
        (
            "Hi Ana, I'd love to know. I think you're famous, so be nice.",
            "Hi Ana, I'd love to know.",
            False,
        ),
        ("Hi Ana, is your team hiring? I'm unsure.", "Hi Ana, is your team hiring?", False),
        ("Hi Ana, is it open? Thanks.", "Hi Ana, thanks.", False),
    ],
)
def test_a_tidy_may_leave_things_out_but_not_change_what_is_said(
    plain: str, tidied: str, changed: bool
) -> None:
    assert changes_a_claim(plain, tidied) is changed


def test_what_the_tidy_took_out_is_quoted_as_the_plain_note_wrote_it() -> None:
    assert removed_runs(PLAIN, TIDIED) == [
        "You're shy about teaching tourists so no pressure, nah skip"
    ]
    assert removed_runs("Your post, really sharp.", "Your post was really sharp.") == []
    assert removed_runs("Your post was really sharp.", "Your post was sharp.") == ["really"]


def test_the_worked_examples_only_take_out_what_is_not_for_the_reader() -> None:
    """The examples teach deleting; the one word they write ("I loved your" for "loved ur")
    is shorthand the plain note writes out before the tidy ever sees it."""
    for draft, tidied in TIDY_EXAMPLES:
        assert words_added(draft, tidied) in ([], ["i", "your"])
        assert not changes_a_claim(draft, tidied)
    assert [m.content for m in tidy_messages(PLAIN)[1:-1]] == [t for e in TIDY_EXAMPLES for t in e]


@pytest.mark.parametrize(
    ("reply", "outcome", "text"),
    [
        (TIDIED, "tidied", TIDIED),
        (f'"{TIDIED}"', "tidied", TIDIED),  # clean-up strips the quotes first
        (PLAIN, "unchanged", PLAIN),
        (TIDIED + " It was great working together.", "refused", PLAIN),  # words added
        (TIDIED.replace("Ánte", "Ante"), "refused", PLAIN),  # the greeting changed
        (TIDIED.removeprefix("Hi "), "refused", PLAIN),  # the greeting cut, no word added
        ("Hi Ánte, we sing in the same choir.", "refused", PLAIN),  # no reason left
        (PLAIN.replace("so no pressure, ", ""), "refused", PLAIN),  # "no" cut from its sentence
        (TIDIED.replace("I'd like you to run", "Running"), "refused", PLAIN),  # the ask cut
    ],
)
def test_a_tidy_is_kept_only_when_it_deletes_keeps_the_greeting_and_passes(
    reply: str, outcome: str, text: str, context: Context, guardrails: Guardrails
) -> None:
    tidied = tidy_note(PLAIN, context, ScriptedDrafter([reply]), guardrails)
    assert (tidied.outcome, tidied.text) == (outcome, text)
    assert (tidied.verdict is not None) == (outcome == "tidied")


def test_a_tidy_that_spells_a_copied_typo_right_is_kept(
    context: Context, guardrails: Guardrails
) -> None:
    plain = PLAIN.replace("guests", "gusets")
    tidied = tidy_note(plain, context, ScriptedDrafter([TIDIED]), guardrails)
    assert (tidied.outcome, tidied.text) == ("tidied", TIDIED)


def test_a_cancelled_tidy_keeps_the_plain_note(context: Context, guardrails: Guardrails) -> None:
    cancel = threading.Event()
    cancel.set()
    tidied = tidy_note(PLAIN, context, ScriptedDrafter([TIDIED]), guardrails, cancel=cancel)
    assert (tidied.outcome, tidied.text) == ("cancelled", PLAIN)


# --- in the session: the plain note first, then the tidy -------------------------------------


def _session(make: object, settings: Settings, guardrails: Guardrails) -> DraftingSession:
    return DraftingSession(settings, make_drafter=make, guardrails=guardrails)  # type: ignore[arg-type]


def test_the_session_tidies_the_plain_note_and_lists_what_went(guardrails: Guardrails) -> None:
    context, pack = load_context(EXAMPLE), get_pack("event_followup")
    plain = _session(lambda: None, Settings(tidy=False), guardrails)
    built = plain.draft(plain.request(context, pack)).text
    assert " last week" in built
    drafter = ScriptedDrafter([built.replace(" last week", "")])
    session = _session(lambda: drafter, Settings(), guardrails)
    result = session.draft(session.request(context, pack))
    assert len(drafter.calls) == 1 and drafter.calls[0][0][-1].content == built
    assert (result.text, result.passed) == (built.replace(" last week", ""), True)
    assert (result.provenance.origin, result.provenance.tidy) == ("plain", "tidied")
    assert result.provenance.model_name == "scripted" and result.attempts == []
    assert [(item.why, item.text) for item in result.left_out] == [("tidied", "last week")]


def test_without_a_model_the_plain_note_stands_and_says_so(guardrails: Guardrails) -> None:
    def missing() -> Drafter:
        raise ModelError("model not found; run `warmnote model install`")

    session = _session(missing, Settings(), guardrails)
    result = session.draft(session.request(load_context(EXAMPLE), get_pack("event_followup")))
    assert result.passed and result.text.startswith("Hi Tomás, ")
    assert result.provenance.tidy == "no_model"

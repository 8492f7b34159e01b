"""A plain note shortened to fit the limit still asks for something, and asks it once; the
sentence it keeps is whole.

Of the plain notes readers labelled, 12% of those that asked nothing were to send, against 31% of
the rest, so a reason cut to fit gets the scenario's closing ask back where it fits."""

from __future__ import annotations

from typing import Any

import pytest

from warmnote.context import Context
from warmnote.guardrails import Guardrails
from warmnote.plain_note import plain_note, reason_left_out
from warmnote.text import utf16_len


def _note(guardrails: Guardrails, **fields: Any) -> tuple[str, Context]:
    context = Context.model_validate({"relationship": {"familiarity": "stranger"}, **fields})
    note = plain_note(context, guardrails)
    assert note is not None
    assert guardrails.check(note, context).passed
    assert utf16_len(note) <= context.max_chars
    return note, context


def test_a_reason_cut_to_fit_keeps_the_closing_ask(guardrails: Guardrails) -> None:
    note, context = _note(
        guardrails,
        scenario="job_seeker",
        sender={"name": "Tamsin Reedy", "headline": "Apprentice dry-stone waller"},
        recipient={"name": "Gareth Pryce", "headline": "Master waller | Peak District"},
        reason=(
            "Your talks on rebuilding dry-stone walls in the Peak District are why I took up the "
            "craft. I've just finished my walling apprenticeship in the Yorkshire Dales and hope "
            "to join a heritage restoration crew next spring."
        ),
        max_chars=200,
    )
    # and the apprentice who says so in the reason is not introduced twice (held-out 45)
    assert note == (
        "Hi Gareth, I've just finished my walling apprenticeship in the Yorkshire Dales and hope "
        "to join a heritage restoration crew next spring. I'd value your advice."
    )
    assert [item.why for item in reason_left_out(context, note)] == ["cut"]


def test_the_ask_a_cut_sentence_held_is_made_again_by_the_closing_one(
    guardrails: Guardrails,
) -> None:
    """ "…but I only want to connect" said the closing ask until it was cut to fit; the shorter
    note says it again."""
    note, _ = _note(
        guardrails,
        scenario="sales_prospect",
        sender={
            "name": "Oskar Lind",
            "headline": "Founder | biocontrol",
            "company": "Humulus Guard",
        },
        recipient={"name": "Rosie Tanner", "headline": "Hop grower | Kent"},
        reason=(
            "Rosie wrote a thread on mildew in hop yards after the wet summer in Kent. Our "
            "biocontrol sprays target exactly that, but I only want to connect and hear how she "
            "is treating the bines this year."
        ),
        max_chars=200,
    )
    assert note.endswith("after the wet summer in Kent. I'd be glad to connect."), note


@pytest.mark.parametrize(
    ("reason", "closing"),
    [
        # a whole reason that says it already needs no closing ask
        ("I read your piece on tidal mills and I'd just like to stay in touch.", 0),
        ("Your piece on tidal mills was great, this is just to connect.", 0),
        ("Your piece on tidal mills was great.", 1),
    ],
)
def test_the_closing_ask_is_said_once(reason: str, closing: int, guardrails: Guardrails) -> None:
    note, _ = _note(
        guardrails,
        scenario="sales_prospect",
        sender={"name": "Oskar Lind", "company": "Humulus Guard"},
        recipient={"name": "Rosie Tanner", "headline": "Miller"},
        reason=reason,
    )
    said = note.count("I'd be glad to connect.") + note.count("I'd like to stay in touch.")
    assert said == closing, note


def test_a_clause_cut_short_keeps_its_verb(guardrails: Guardrails) -> None:
    """A shorter form of "Your posts on X, and on Y, have changed how I bake" is never "Your
    posts on X, and on Y.": what follows the last comma is the clause's verb."""
    note, _ = _note(
        guardrails,
        scenario="content_engagement",
        sender={"name": "Lena Vogt", "headline": "Baker", "company": "Ofenhaus Vogt"},
        recipient={"name": "Aino Lehtinen", "headline": "Food writer | Finnish rye"},
        reason=(
            "Your posts on baking ruisleipä in wood ovens in Karelia, and on how each family "
            "keeps its starter, have changed how I bake my own rye. I'd like to connect and keep "
            "learning from what you share."
        ),
        max_chars=200,
    )
    assert "keeps its starter, have changed how I bake my own rye." in note, note


def test_a_clause_with_a_verb_of_its_own_may_still_be_cut_at_its_comma(
    guardrails: Guardrails,
) -> None:
    """ "Your team cut the tear rate…, saved the co-op a season…": the part before the comma has
    its verb, so it is a shorter form of its own (found in review)."""
    note, _ = _note(
        guardrails,
        scenario="strategic",
        sender={"name": "Ana Ruiz", "company": "Niebla Labs"},
        recipient={"name": "Tomás Vera", "headline": "Fog collector engineer | Chañaral ridge"},
        reason=(
            "Your team cut the mesh tear rate in half across every collector on the Chañaral "
            "ridge, saved the village co-op a whole season of repairs and replacement costs."
        ),
        max_chars=160,
    )
    assert "your team cut the mesh tear rate in half" in note, note

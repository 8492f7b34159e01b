"""The Compose form as data: values to a Context and back, and pydantic errors to fields."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmnote.context import Context
from warmnote.tui.form import (
    BY_PATH,
    build_context,
    context_values,
    has_work,
    missing_in_form,
    required_keys,
    split_list,
    split_posts,
)

VALID = {
    "sender-name": "Priya Raman",
    "recipient-name": "Tomás Herrera",
    "familiarity": "met_once",
    "where": "PyData Lisbon",
    "scenario": "event_followup",
    "limit": "200",
}


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({}, {}),
        ({"sender-name": ""}, {"sender-name": "required"}),
        ({"recipient-name": "   "}, {"recipient-name": "required"}),
        ({"familiarity": "nemesis"}, {"familiarity": "choose one of the options"}),
        (
            {"sender-name": "", "recipient-name": ""},
            {"sender-name": "required", "recipient-name": "required"},
        ),
    ],
    ids=["valid", "no-sender", "blank-recipient", "unknown-familiarity", "two-missing"],
)
def test_errors_are_keyed_by_the_field_that_shows_them(
    changes: dict[str, str], errors: dict[str, str]
) -> None:
    context, found = build_context({**VALID, **changes})
    assert found == errors
    assert (context is None) == bool(errors)


def test_empty_optional_fields_are_left_out_and_the_limit_is_a_number() -> None:
    context, _ = build_context(VALID)
    assert context is not None
    assert context.recipient.headline is None
    assert context.relationship.mutual_connections == []
    assert context.max_chars == 200


@pytest.mark.parametrize(
    ("text", "items"),
    [("", []), ("a", ["a"]), ("a, b ,,c", ["a", "b", "c"]), (" , ", [])],
    ids=["empty", "one", "spaces-and-gaps", "only-commas"],
)
def test_split_list(text: str, items: list[str]) -> None:
    assert split_list(text) == items


@pytest.mark.parametrize(
    ("text", "posts"),
    [
        ("", []),
        ("one\ntwo", ["one\ntwo"]),
        ("one\n\ntwo", ["one", "two"]),
        ("one\n  \n\ntwo\n", ["one", "two"]),
    ],
    ids=["empty", "one-multiline", "two", "blank-lines-with-spaces"],
)
def test_split_posts(text: str, posts: list[str]) -> None:
    assert split_posts(text) == posts


names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda s: s.strip() == s and "," not in s and s)


@given(sender=names, recipient=names, mutual=st.lists(names, max_size=4))
def test_a_context_survives_the_round_trip_through_the_form(
    sender: str, recipient: str, mutual: list[str]
) -> None:
    context, errors = build_context(
        {**VALID, "sender-name": sender, "recipient-name": recipient, "mutual": ", ".join(mutual)}
    )
    assert context is not None, errors
    values, extra = context_values(context)
    again, _ = build_context(values, extra)
    assert again == context


def test_the_form_keeps_context_fields_it_does_not_show() -> None:
    context = Context.model_validate(
        {
            "id": "abc",
            "scenario": "strategic",
            "sender": {"name": "A"},
            "recipient": {"name": "B"},
            "relationship": {"familiarity": "stranger"},
        }
    )
    values, extra = context_values(context)
    again, _ = build_context(values, extra)
    assert again is not None and again.id == "abc"


def test_every_context_field_has_a_widget_except_the_id() -> None:
    from warmnote.packs import CONTEXT_FIELDS

    assert set(CONTEXT_FIELDS) - set(BY_PATH) == {"id"}


def test_required_keys_add_the_pack_fields_to_the_ones_every_note_needs() -> None:
    assert required_keys(["relationship.where"]) == {
        "sender-name",
        "recipient-name",
        "familiarity",
        "where",
    }


def test_missing_in_form_names_empty_required_fields() -> None:
    assert missing_in_form({**VALID, "where": " "}, ["relationship.where"]) == [
        "relationship.where"
    ]
    assert missing_in_form(VALID, ["relationship.where"]) == []


@pytest.mark.parametrize(
    ("values", "work"),
    [
        ({}, False),
        ({"sender-name": "Me"}, False),
        ({"scenario": "alumni"}, False),
        ({"reason": "x"}, True),
        ({"recipient-about": "text"}, True),
    ],
    ids=["empty", "only-sender", "only-choices", "reason", "about"],
)
def test_has_work_ignores_the_remembered_sender_and_choices(
    values: dict[str, str], work: bool
) -> None:
    assert has_work(values) is work

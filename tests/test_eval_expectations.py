"""A case's own expectations: what the note must mention and must never contain."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmnote.evals.expectations import check_expectations, contains, mentions


@pytest.mark.parametrize(
    ("note", "phrase", "expected"),
    [
        ("Loved your talk at PyData Madrid.", "PyData", True),
        ("Loved your talk at pydata madrid.", "PyData Madrid", True),
        ("Great chat with Jose about forecasts.", "José", True),
        ("Great chat with JOSÉ about forecasts.", "jose", True),
        ("Your work on forecasting intervals", "forecast", True),
        ("I read your forecasts every week", "forecasting", True),
        ("We both climbed at the gym", "climbing", True),
        ("Thanks for the screen reader checklist", "screen readers", True),
        ("Thanks for the career fairs tips", "career fair", True),
        ("Chen Jing suggested I write", "Chen Jing", True),
        ("Jing and Chen both suggested", "Chen Jing", False),
        ("I trust your judgement", "Rust", False),
        ("Saw your post", "PyData", False),
        ("Дмитрию понравится", "Дмитрий", True),
        ("Hi 王伟, Chen Jing suggested I reach out", "王伟", True),
        ("Hi Ana, I study robotics too", "studied", True),
    ],
    ids=[
        "exact",
        "case-insensitive-phrase",
        "accent-missing-in-note",
        "accent-missing-in-phrase",
        "inflected-note-word",
        "inflected-phrase-word",
        "past-tense",
        "plural",
        "plural-inside-phrase",
        "two-word-name",
        "words-must-be-consecutive",
        "no-match-inside-another-word",
        "absent",
        "cyrillic-inflection",
        "chinese-name",
        "stem-shorter-than-phrase",
    ],
)
def test_must_mention(note: str, phrase: str, expected: bool) -> None:
    assert mentions(note, phrase) is expected


@pytest.mark.parametrize(
    ("note", "phrase", "expected"),
    [
        ("Visit evil.example for more", "evil.example", True),
        ("Visit EVIL.EXAMPLE for more", "evil.example", True),
        ("Happy to demo it", "demo", True),
        ("Your talk demonstrated a lot", "demo", False),
        ("Call +1 555 0100", "555", True),
        ("Ignore  previous instructions", "ignore previous", True),
        (
            "I’d like to add you to my professional network",
            "add you to my professional network",
            True,
        ),
        ("Write to nadine@evil.example", "nadine@", True),
        ("Hi Nadine, loved your post", "nadine@", False),
    ],
    ids=[
        "domain",
        "case-insensitive",
        "whole-word",
        "not-inside-a-longer-word",
        "digits",
        "extra-whitespace",
        "curly-apostrophe",
        "edge-that-is-not-a-letter",
        "edge-needs-the-symbol",
    ],
)
def test_must_not_contain(note: str, phrase: str, expected: bool) -> None:
    assert contains(note, phrase) is expected


def test_results_list_every_expectation_in_order() -> None:
    results = check_expectations(
        "Hi Ana, great PyData talk; see evil.example",
        ["PyData", "Berlin"],
        ["evil.example", "demo"],
    )
    assert [(r.kind, r.phrase, r.met) for r in results] == [
        ("must_mention", "PyData", True),
        ("must_mention", "Berlin", False),
        ("must_not_contain", "evil.example", False),
        ("must_not_contain", "demo", True),
    ]


words = st.text(alphabet=st.characters(categories=["Ll", "Lu"]), min_size=1, max_size=12)


@given(st.lists(words, min_size=1, max_size=3), words, words)
def test_a_phrase_written_verbatim_is_always_mentioned_and_contained(
    phrase_words: list[str], before: str, after: str
) -> None:
    phrase = " ".join(phrase_words)
    note = f"{before} {phrase}. {after}"
    assert mentions(note, phrase)
    assert contains(note, phrase)

"""Measuring notes as LinkedIn does, and folding text so that tricks don't fool the rules."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmnote.text import Folded, edit, fold, fold_chars, fold_key, fold_text, squeeze, utf16_len


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("", 0),
        ("hello", 5),
        ("café", 4),  # é is one UTF-16 unit
        ("👋", 2),  # outside the BMP: a surrogate pair
        ("Hi 👋🏽", 7),  # skin-tone modifier is another pair
        ("王伟", 2),
        ("\ud800", 1),  # a lone surrogate counts once, like in JavaScript
    ],
    ids=["empty", "ascii", "accent", "emoji", "emoji-modifier", "cjk", "lone-surrogate"],
)
def test_utf16_len_counts_like_javascript(text: str, length: int) -> None:
    assert utf16_len(text) == length


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("I’d LIKE “this”", "i'd like \"this\""),
        ("net\u200dwork and\u200b more", "network and more"),
        ("l\u0456k\u0435 \u0430dd y\u043eu", "like add you"),  # Cyrillic look-alikes
        ("𝐁𝐨𝐥𝐝 ＦＵＬＬ ﬁne", "bold full fine"),  # NFKC forms
        ("José Łukasz Straße", "jose lukasz strasse"),
        ("a  \t b\n\nc", "a b c"),
        ("I would like it", "i'd like it"),
        ("I am sure you are right; let us not", "i'm sure you're right; let's not"),
        ("we cannot", "we can't"),
        ("well–known — really", "well-known - really"),
    ],
    ids=[
        "curly-quotes-and-case", "zero-width", "cyrillic", "nfkc", "accents", "whitespace",
        "i-would", "contractions", "cannot", "dashes",
    ],
)  # fmt: skip
def test_fold(text: str, folded: str) -> None:
    assert fold(text).text == folded
    assert fold_text(text) == folded
    assert fold_key(f"  {text}  ") == folded


@pytest.mark.parametrize(
    ("text", "needle", "original"),
    [
        ("Hi, I would love to", "i'd love", "I would love"),
        ("my net\u200dwork!", "network", "net\u200dwork"),
        ("ﬁne  Straße  I would", "strasse i'd", "Straße  I would"),
        ("I’d  like", "i'd like", "I’d  like"),
        ("Hi 👋 there", "there", "there"),
    ],
    ids=["contraction", "zero-width", "ligature-and-eszett", "spaces", "emoji"],
)
def test_fold_maps_spans_back_to_the_original(text: str, needle: str, original: str) -> None:
    folded = fold(text)
    at = folded.text.index(needle)
    start, end = folded.span(at, at + len(needle))
    assert text[start:end] == original


@given(st.text())
def test_folding_characters_twice_changes_nothing(text: str) -> None:
    assert fold_chars(fold_chars(text)) == fold_chars(text)


@given(st.text(), st.data())
def test_folded_spans_stay_inside_the_original(text: str, data: st.DataObject) -> None:
    folded = fold(text)
    n = len(folded.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    a, b = folded.span(start, end)
    assert 0 <= a <= b <= len(text)


@given(st.text(), st.text(alphabet="ab ’é👋\u200d"))
def test_a_phrase_folds_the_same_alone_and_inside_a_longer_text(phrase: str, around: str) -> None:
    # Short and long texts take different fast paths; they must agree (e.g. on Cherokee, which
    # casefold leaves upper case).
    assert fold_chars(phrase) in fold_chars(around + phrase + around * 30)


def test_cherokee_folds_to_one_case() -> None:
    assert fold_chars("Ꮦ") == fold_chars("ꮦ") == fold_chars("xx Ꮦ" + "é" * 40)[3]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("see \u202emoc.elpmaxe\u202c now", "see example.com now"),
        ("see \u202emoc.elpmaxe", "see example.com"),
        ("a \u202ecba\u2069 b \u202efed\nghi", "a abc b def ghi"),
        ("no override: \u202bcba\u202c", "no override: cba"),
    ],
    ids=["override-and-pop", "to-the-end", "isolate-and-line-end", "embedding-does-not-reverse"],
)
def test_text_after_a_right_to_left_override_is_read_in_the_order_shown(
    text: str, shown: str
) -> None:
    assert fold(text).text == fold_text(text) == shown


def test_a_span_inside_reversed_text_maps_to_the_whole_override() -> None:
    text = "see \u202emoc.elpmaxe\u202c now"
    folded = fold(text)
    at = folded.text.index("example.com")
    assert folded.span(at, at + len("example.com")) == (4, 16)


@given(st.text(alphabet="ab .-_*'\u00e9\u200d", max_size=40), st.data())
def test_squeezed_text_keeps_letters_and_maps_back(text: str, data: st.DataObject) -> None:
    folded = fold(text)
    letters = squeeze(folded)
    assert letters.text == "".join(c for c in folded.text if c.isalnum())
    start = data.draw(st.integers(0, len(letters.text)))
    end = data.draw(st.integers(start, len(letters.text)))
    a, b = letters.span(start, end)
    assert "".join(c for c in folded.text[a:b] if c.isalnum()) == letters.text[start:end]


def test_edits_replace_spans_and_map_offsets_back() -> None:
    base = Folded("call five five now")
    edited = edit(base, [(5, 9, "5"), (10, 14, "5"), (15, 18, "now")])
    assert edited.text == "call 5 5 now"
    assert edited.span(5, 8) == (5, 14)
    assert edited.span(9, 12) == (15, 18)

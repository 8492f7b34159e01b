"""The fluency rule: notes built from pasted context fields are caught, notes people write pass.

tests/data/fluency_notes.toml holds at least ten bad and ten good notes for each kind of slip;
every bad note must be flagged at exactly the labelled span, and no good note may be flagged.
The rule must also leave alone every good note of the main labelled set and every worked example
of the built-in packs, and never raise or report a span outside the note, whatever the text.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from warmnote import locations
from warmnote.context import Context
from warmnote.guardrails.base import Finding
from warmnote.guardrails.config import FluencyConfig, load_config
from warmnote.guardrails.fluency import FluencyRule
from warmnote.guardrails.note import ContextCache, ContextFacts, Note, Vocab, stem
from warmnote.packs import load_pack_file
from warmnote.text import fold_key

DATA = Path(__file__).parent / "data"
FLUENCY = tomllib.loads((DATA / "fluency_notes.toml").read_text("utf-8"))
CONTEXTS = {name: Context.model_validate(raw) for name, raw in FLUENCY["contexts"].items()}
CLASSES = {
    "comma_capital",
    "bare_reason",
    "splice",
    "mechanical",
    "thanks_splice",
    "repeated",
    "agreement",
    "shorthand_slip",
    "garbled_word",
}
GUARDRAIL_CONTEXTS = {
    name: Context.model_validate(raw)
    for name, raw in tomllib.loads((DATA / "guardrail_contexts.toml").read_text("utf-8")).items()
}
GUARDRAIL_GOOD = tomllib.loads((DATA / "guardrail_notes.toml").read_text("utf-8"))["good"]
# Read from the built-in folder itself, as tests/test_pack_examples.py does.
PACK_EXAMPLES = [
    pytest.param(example.note, example.context, id=f"{pack.name}[{index}]")
    for path in sorted(locations.builtin_dir("prompts").glob("*.toml"))
    for pack in [load_pack_file(path)]
    for index, example in enumerate(pack.examples)
]


def _vocab() -> Vocab:
    """The vocabulary as engine.py's ``Guardrails`` builds it from the built-in rule files (a
    folder that does not exist stands in for the user's)."""
    config = load_config(user_dir=Path(__file__).parent / "no-such-user-dir")
    return Vocab(
        stopwords=frozenset(fold_key(w) for w in config.vocabulary.stopwords),
        generic=frozenset(stem(fold_key(w)) for w in config.rules.personalization.generic_words),
        person_nouns=frozenset(fold_key(w) for w in config.vocabulary.person_nouns),
    )


VOCAB = _vocab()


class Checker:
    """A ``FluencyRule`` with contexts derived through ``ContextCache``, as the engine does."""

    def __init__(self, config: FluencyConfig | None = None) -> None:
        self.rule = FluencyRule(config or FluencyConfig(), VOCAB.stopwords)
        self.contexts = ContextCache(VOCAB)

    def facts(self, context: Context | None) -> ContextFacts | None:
        return self.contexts.get(context) if context is not None else None

    def findings(self, text: str, context: Context | None = None) -> list[Finding]:
        return list(self.rule.check(Note(text, 300), self.facts(context)))


CHECKER = Checker()


@pytest.fixture
def checker() -> Checker:
    return CHECKER


def _explain(text: str, findings: list[Finding]) -> str:
    return "\n".join(f"{text[f.start : f.end]!r}: {f.message}" for f in findings) or "nothing"


def _params(kind: str) -> list[Any]:
    return [pytest.param(note, id=note["id"]) for note in FLUENCY[kind]]


def test_every_class_has_ten_bad_and_ten_good_notes() -> None:
    bad = Counter(note["class"] for note in FLUENCY["bad"])
    good = Counter(note["class"] for note in FLUENCY["good"])
    assert set(bad) == set(good) == CLASSES
    assert min(bad.values()) >= 10
    assert min(good.values()) >= 10


@pytest.mark.parametrize("note", _params("bad"))
def test_bad_note_is_flagged_at_its_span(checker: Checker, note: dict[str, Any]) -> None:
    text = note["text"]
    findings = checker.findings(text, CONTEXTS.get(note.get("context", "")))
    assert note["span"] in [text[f.start : f.end] for f in findings], _explain(text, findings)


@pytest.mark.parametrize("note", _params("good"))
def test_good_note_is_not_flagged(checker: Checker, note: dict[str, Any]) -> None:
    text = note["text"]
    findings = checker.findings(text, CONTEXTS.get(note.get("context", "")))
    assert not findings, _explain(text, findings)


@pytest.mark.parametrize("note", [pytest.param(n, id=n["id"]) for n in GUARDRAIL_GOOD])
def test_labelled_good_guardrail_note_is_not_flagged(
    checker: Checker, note: dict[str, Any]
) -> None:
    text = note["text"]
    findings = checker.findings(text, GUARDRAIL_CONTEXTS.get(note.get("context", "")))
    assert not findings, _explain(text, findings)


@pytest.mark.parametrize(("text", "context"), PACK_EXAMPLES)
def test_pack_example_note_is_not_flagged(checker: Checker, text: str, context: Context) -> None:
    findings = checker.findings(text, context)
    assert not findings, _explain(text, findings)


def test_peer_template_note_gets_one_finding_per_slip(checker: Checker) -> None:
    text = (
        "Hi Tomás, We talked after his talk on streaming pipelines caught my eye. "
        "Continue our conversation about data contracts. Open to connecting?"
    )
    findings = checker.findings(text, CONTEXTS["tomas"])
    assert [text[f.start : f.end] for f in findings] == [
        "We",
        "We talked after his talk on streaming pipelines caught",
        "Continue our conversation about data contracts.",
    ]
    capital, glued, reason = (f.message for f in findings)
    assert capital == "Start 'We talked' with a small letter: it follows a comma."
    assert "'caught'" in glued and "talked after his talk on streaming pipelines" in glued
    assert reason.startswith("Rewrite 'Continue our conversation about data contracts.'")
    assert "I'd like to continue our conversation about data contracts" in reason


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Hi Tomás, I'd like to connect with the.",
            "Finish the sentence that ends on 'the' ('…to connect with the'), or cut that word.",
        ),
        ("Hi Tomás, thanks for the the chat at PyData.", "Remove the repeated word in 'the the'."),
        (
            "Hi Tomás, I saw your Head of Data at Brightmart and loved it.",
            "Rewrite 'your Head of Data at Brightmart': 'Head of Data at Brightmart' is a job "
            "title, not something theirs; say e.g. 'your work as Head of Data at Brightmart'.",
        ),
        (
            "Hi Tomás, great chat. talked after his talk on streaming pipelines.",
            "Start 'talked after' with a capital letter: it begins a sentence. If these words "
            "are pasted from the details, rewrite them as a sentence of your own.",
        ),
    ],
)
def test_message_says_what_to_change(checker: Checker, text: str, message: str) -> None:
    assert [f.message for f in checker.findings(text, CONTEXTS["tomas"])] == [message]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # stop 71: a note on how the name may be written, its name read as "you" (held-out 51's
        # "You are fine in English.", read reject, had passed every rule)
        ("Hi Tomás, it was good to meet you. You are fine in English. Let's stay in touch.",
         "You are fine in English"),
        ("Hi Tomás, Latin you are fine, and I loved your talk.", "Latin you are fine"),
        ("Hi Tomás, you're ok in Latin letters. I loved your talk.", "you're ok in Latin letters"),
        # what is said to them stays
        ("Hi Tomás, I hope you are fine after the busy week.", None),
        ("Hi Tomás, you are right about the pumps, and I'd love to hear more.", None),
        ("Hi Tomás, you are right in English law, and I'd love to hear more.", None),
        ("Hi Tomás, in Latin you are correct, lux means light.", None),
    ],
)  # fmt: skip
def test_a_note_on_the_name_said_to_them_is_flagged(
    checker: Checker, text: str, flagged: str | None
) -> None:
    spans = [text[f.start : f.end] for f in checker.findings(text, CONTEXTS["tomas"])]
    assert spans == ([flagged] if flagged else [])


def test_a_spliced_thanks_message_says_what_to_write_instead(checker: Checker) -> None:
    text = "Hi Ayşe, thanks for your reshare and swap tips on battery-friendly animations."
    assert [f.message for f in checker.findings(text, CONTEXTS["ayse"])] == [
        "Rewrite 'thanks for your reshare and swap tips': don't glue 'swap tips' from your "
        "reason onto the thanks with 'and'; it reads as something Ayşe did. Thank them, then "
        "say what you'd like in a sentence of its own, e.g. 'I'd like to swap tips on "
        "battery-friendly animations'."
    ]


def test_context_free_checks_run_without_a_context(checker: Checker) -> None:
    text = "Hi Priya, We met at PyData (in Berlin. I'd love to stay in touch with the."
    spans = [text[f.start : f.end] for f in checker.findings(text)]
    assert spans == ["We", "(", "the"]


def test_settings_change_what_is_flagged() -> None:
    mia, kenji = CONTEXTS["mia"], CONTEXTS["kenji"]
    stay = "Hey Mia, congrats on five years of Fernwood Studio! Stay in touch!"
    twice = "Hi Kenji, I know that that post took months. I'd like to compare notes."
    assert not Checker().findings(stay, mia)
    assert not Checker().findings(twice, kenji)
    strict = Checker(FluencyConfig(set_phrases=["keep in touch"], repeatable_words=["had"]))
    assert [twice[f.start : f.end] for f in strict.findings(twice, kenji)] == ["that that"]
    assert [stay[f.start : f.end] for f in strict.findings(stay, mia)] == ["Stay in touch!"]


@pytest.mark.parametrize(
    "raw",
    [{"min_pasted_words": 2}, {"surprise": True}, {"enabled": "yes"}, {"severity": "fatal"}],
)
def test_config_rejects_unknown_keys_and_bad_values(raw: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        FluencyConfig.model_validate(raw)


def test_a_new_context_object_is_derived_afresh(checker: Checker) -> None:
    """The rule keeps what it derives per ContextFacts object; another context gets its own."""
    text = "Hi Tomás, great chat at PyData Lisbon. Continue our conversation about data contracts."
    tomas = CONTEXTS["tomas"]
    other = tomas.model_copy(update={"reason": "hear how Brightmart tests its pipelines"})
    assert checker.findings(text, tomas)
    assert not checker.findings(text, other)
    assert checker.findings(text, tomas)


# Words of the contexts, glue words and punctuation: random notes built from them reach the
# splice and reason checks, which arbitrary text rarely does.
PIECES = sorted(
    {word for context in CONTEXTS.values() for word in " ".join(context.facts()).split()}
    | {"We", "we", "I", "your", "the", "and", "was", ",", ".", "!", "?", "(", ")", '"', "Hi"}
    | {"Tomás,", "Continue", "caught", "“", "”", "🚌", "\n", ":)"}
)


def _assert_spans_within(text: str, findings: list[Finding]) -> None:
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), (f, text)
        assert f.message


@settings(deadline=None)
@given(text=st.text(max_size=400), context=st.sampled_from([None, *CONTEXTS]))
def test_never_raises_on_arbitrary_text(text: str, context: str | None) -> None:
    _assert_spans_within(text, CHECKER.findings(text, CONTEXTS.get(context or "")))


@settings(deadline=None)
@given(
    pieces=st.lists(st.sampled_from(PIECES), max_size=60),
    context=st.sampled_from(sorted(CONTEXTS)),
)
def test_never_raises_on_notes_made_of_context_words(pieces: list[str], context: str) -> None:
    text = " ".join(pieces)
    _assert_spans_within(text, CHECKER.findings(text, CONTEXTS[context]))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("I'm a ICU nurse.", "a ICU"),
        ("I'm an data analyst.", "an data"),
        ("It was an useful talk.", "an useful"),
        ("A ICU nurse here.", "A ICU"),
        ("I'm an ICU nurse.", None),
        ("I'm an SRE.", None),
        ("I'm a UX researcher.", None),
        ("It took an hour.", None),
        ("Your talk at a NASA workshop.", None),
        ("I went to a NATO workshop.", None),
        ("I gave a FOSDEM talk.", None),
        ("I run a SQL meetup.", None),
        ("We closed our Series A and hired.", None),
        ("The Q&A of your talk.", None),
        ("I met An Pham there.", None),
        ("It was a one-off.", None),
        ("I'm a European founder.", None),
        ("It was an uninformed guess.", None),
        ("It is a unique tool.", None),
        ("I'm doing an M&E course.", None),  # a letter is said by its name: "em"
        ("I'm doing a M&E course.", "a M"),
        ("We ran a B2B pilot and a B-side test.", None),
        ("It needs an X-ray.", None),
    ],
)
def test_an_article_goes_with_the_sound_of_the_next_word(
    checker: Checker, text: str, flagged: str | None
) -> None:
    spans = [text[f.start : f.end] for f in checker.findings(text) if "Write '" in f.message]
    assert spans == ([flagged] if flagged else [])

"""Rules that hold the note against the context: something specific, and nothing invented."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from rapidfuzz import fuzz, process

from warmnote.guardrails.base import Finding, Rule
from warmnote.guardrails.config import GroundingConfig
from warmnote.guardrails.lexicon import english_words
from warmnote.guardrails.note import ContextFacts, Note, possessive_base, shorten, stems_of
from warmnote.text import MONTHS, WEEKDAYS, fold_key


class PersonalizationRule(Rule):
    """At least one fact from the context beyond the recipient's name."""

    id = "personalization"

    def __init__(self, stopwords: frozenset[str]) -> None:
        self.stopwords = stopwords

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        if ctx is None or self._mentions_a_fact(note, ctx) or not ctx.fact_stems:
            return
        hint = f", e.g. '{shorten(ctx.hook, 60)}'" if ctx.hook else ""
        yield Finding(
            f"Mention something specific about {ctx.name} from the context beyond the name "
            f"(how you met, a mutual connection, their post, company or school){hint}.",
            note.start,
            note.end,
        )

    def _mentions_a_fact(self, note: Note, ctx: ContextFacts) -> bool:
        # The same word as in a fact settles it; only then compare stems ("onboard" and
        # "onboarding").
        shared = stems_of((note.word_set & ctx.fact_words) - self.stopwords)
        if shared - ctx.vocab.generic - ctx.name_stems:
            return True
        stems = note.content_stems(self.stopwords) - ctx.name_stems
        if any(ctx.fact_stems.matches(s) for s in stems):
            return True
        # "your lab's work on handheld testing kits": two words of a thing of theirs
        return any(len(stems & thing) >= 2 for thing in ctx.their_things)


_OPENING = " \t\"“”'‘’([«„*_"
_MONTHS_AND_DAYS = MONTHS | WEEKDAYS


def is_sentence_start(text: str, pos: int) -> bool:
    """After the start, a full stop, a colon, a dash, an emoji... anything but a word or comma."""
    i = pos - 1
    while i >= 0 and text[i] in _OPENING:
        i -= 1
    return i < 0 or not (text[i].isalnum() or text[i] == ",")


@lru_cache(maxsize=65536)
def name_key(token: str) -> str:
    """How a capitalised word is looked up: folded, without a possessive ("PyCon's")."""
    return possessive_base(fold_key(token))


_HONORIFICS = ("さん", "さま", "様", "先生", "くん", "氏", "님", "씨")
"""Japanese and Korean honorifics written onto a name: "田中さん" greets 田中 愛子."""


def _without_honorific(word: str) -> str:
    for suffix in _HONORIFICS:
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word


_CONTRACTED = frozenset(["d", "ll", "s", "re", "ve", "m"])


def _uncased(word: str) -> bool:
    return not any(c.isupper() or c.islower() for c in word)


class GroundingRule(Rule):
    """Names, dates and numbers in the note must come from the context."""

    id = "grounding"

    def __init__(self, config: GroundingConfig, stopwords: frozenset[str]) -> None:
        self.allow = frozenset(fold_key(w) for w in config.allow)
        self.ordinary = frozenset(fold_key(w) for w in config.sentence_words) | stopwords
        self.fuzzy_cutoff = config.fuzzy_cutoff
        self.fuzzy_min_length = config.fuzzy_min_length
        self.uncased_max_length = config.uncased_max_length

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        if ctx is None:
            return
        seen: set[str] = set()
        text = note.text
        for token, start, end in note.capitalised:
            if token[0].isdigit():
                claim = token.replace(",", "")
                if claim in seen or claim in self.allow or claim in ctx.ground_numbers:
                    continue
                seen.add(claim)
                yield Finding(
                    f"The number '{token}' is not in the context; remove it or use the "
                    "context's own figures.",
                    start,
                    end,
                )
                continue
            key = name_key(token)
            if key in seen or len(token) < 2 or ctx.grounds(key) or key in ctx.date_names:
                continue
            if (
                key.split("'")[0] in self.allow
                or not self._is_name(token, key, text, start)
                or self._grounded(key, ctx)
            ):
                continue
            seen.add(key)
            what = "date" if key in _MONTHS_AND_DAYS else "name"
            yield Finding(
                f"'{token}' is not in the context; remove it or use only the {what}s the "
                "context gives.",
                start,
                end,
            )

    def _is_name(self, token: str, key: str, text: str, pos: int) -> bool:
        """Capitalised, or in a script without capitals; not an ordinary word that starts a
        sentence ("Loved your talk")."""
        first = token[0]
        if first.islower():
            return False
        if not first.isupper():
            return len(token) <= self.uncased_max_length and _uncased(token)
        base, _, ending = key.partition("'")
        if ending in _CONTRACTED:
            key = base  # "It'd be good…", "They'll…" open a sentence as "It" and "They" do
        ordinary = key in self.ordinary or key in english_words()
        return not (ordinary and is_sentence_start(text, pos))

    def _grounded(self, key: str, ctx: ContextFacts) -> bool:
        if _uncased(key):
            return key in ctx.haystack or _without_honorific(key) in ctx.haystack
        for cut in range(max(4, len(key) - 3), len(key)):
            if ctx.grounds(key[:cut]):
                return True
        if len(key) < self.fuzzy_min_length:
            return False
        return (
            process.extractOne(
                key, ctx.ground_list, scorer=fuzz.ratio, score_cutoff=self.fuzzy_cutoff
            )
            is not None
        )

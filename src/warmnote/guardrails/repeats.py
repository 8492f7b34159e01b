"""A note that says one thing twice: the plain note's opening fact and then the reason that
tells it again ("we logged ground temperatures in the boreholes together. We did the borehole
logging together 2019 to 2021."), or a model's draft that restates its first line. Readers
marked such notes for an edit or worse (see ``[rules.repeats]`` in guardrails/rules.toml)."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from typing import NamedTuple

from warmnote.guardrails.base import Finding, Rule
from warmnote.guardrails.config import RepeatsConfig
from warmnote.guardrails.note import ContextFacts, Note, shorten, stems_of, words_of
from warmnote.text import fold_text

# A sentence runs to . ! ? or … that ends it; one inside a word ("2.5", "e.g") does not. Each
# character is taken once, so a megabyte without a full stop is read in linear time.
_SENTENCE_RE = re.compile(r"(?:[^.!?…]|[.!?…](?=[^\s.!?…]))+[.!?…]*")
_GREETING_RE = re.compile(
    r"\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^,.!?\n]{0,80},", re.I
)

# "…the bus lane study we talked about" calls back to the talk the note named: these verbs are
# not a thing said twice
_CALLBACK_WORDS = frozenset({
    "talk", "talked", "spoke", "speak", "chat", "chatted", "discuss", "discussed", "mention",
    "mentioned",
})  # fmt: skip

# A sentence that asks or wishes picks up the topic the note opened on: "your article on API
# documentation changed how we write ours. I'd like to learn more about writing API docs."
_ASKS_RE = re.compile(
    r"\?|\b(?:i'd|i would|we'd|we would|i'm hoping|i hope|hoping|i want|i'm wondering|can you|"
    r"could you|would you|may i|let's)\b",
    re.I,
)

# A later sentence that adds more than this many new words per shared one says something new
_MOST_ADDED = 1.5

_HYPHENS_RE = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_WORD_RE = re.compile(r"[^\W\d_][\w'’]*")

# A note says a thing again within a few sentences; comparing with only the last few keeps
# pasted text of any length linear
_WINDOW = 6


class _Sentence(NamedTuple):
    text: str
    stems: frozenset[str]
    """Its content words by stem; none for a sentence that asks."""
    named: frozenset[str]
    """The stems of its words written with a capital past its first word: "Seed Saving
    Workshop" names an event, which "a workshop on seed saving" of the writer's own is not."""


class RepeatsRule(Rule):
    id = "repeats"

    def __init__(self, config: RepeatsConfig, stopwords: frozenset[str]) -> None:
        self.min_words = config.min_words
        self.min_share = config.min_share_of_shorter
        self.ignored = stopwords | _CALLBACK_WORDS

    def _content(self, text: str) -> frozenset[str]:
        # "month-end" and "follow-the-sun" are one thing each, not two or three shared words;
        # fold_text, not the cached fold_key: a sentence is no short key worth keeping
        joined = _HYPHENS_RE.sub("", fold_text(text))
        return stems_of(frozenset(words_of(joined)) - self.ignored)

    def _sentence(self, text: str) -> _Sentence:
        if _ASKS_RE.search(text):
            return _Sentence(text, frozenset(), frozenset())
        words = _WORD_RE.findall(_HYPHENS_RE.sub("", text))[1:]
        named = self._content(" ".join(w for w in words if w[0].isupper()))
        return _Sentence(text, self._content(text), named)

    def _same(self, later: _Sentence, earlier: _Sentence) -> bool:
        """Enough shared, as a name in both or in neither, and the later sentence adds no more
        than half as much again as it repeats: "You also built Kudipay's payments dispute
        tooling, which is close to what our ledger team needs" after "you built the fraud models
        for Kudipay payments" moves on."""
        shared = len((later.stems & earlier.stems) - (later.named ^ earlier.named))
        return (
            shared >= self.min_words
            and shared >= self.min_share * min(len(later.stems), len(earlier.stems))
            and len(later.stems) - shared <= _MOST_ADDED * shared
        )

    def _reason_stems(self, ctx: ContextFacts | None) -> frozenset[str]:
        """The reason's content stems: two sentences made of its words alone are the writer's
        own ("you paint the cases… a dealer keeps sending me cases with flaking paint")."""
        if ctx is None:
            return frozenset()
        if "repeats:reason" not in ctx.derived:
            ctx.derived["repeats:reason"] = self._content(ctx.context.reason)
        stems: frozenset[str] = ctx.derived["repeats:reason"]
        return stems

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        reason = self._reason_stems(ctx)
        greeting = _GREETING_RE.match(note.text)
        said: deque[_Sentence] = deque(maxlen=_WINDOW)
        for m in _SENTENCE_RE.finditer(note.text, greeting.end() if greeting else 0):
            if not m.group().strip():
                continue
            sentence = self._sentence(m.group().strip())
            theirs = bool(sentence.stems) and sentence.stems <= reason
            earlier = next(
                (
                    before
                    for before in said
                    if self._same(sentence, before) and not (theirs and before.stems <= reason)
                ),
                None,
            )
            if earlier is not None:
                start = m.end() - len(m.group().lstrip())
                yield Finding(
                    f"Cut '{note.quote(start, m.end())}' or '{shorten(earlier.text, 60)}': the "
                    "note says the same thing twice.",
                    start,
                    m.end(),
                )
            said.append(sentence)

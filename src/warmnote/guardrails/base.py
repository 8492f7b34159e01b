"""What every rule shares: its findings, and phrase lists matched on the folded note."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import ClassVar, NamedTuple

from warmnote.guardrails.note import ContextFacts, Note, words_of
from warmnote.text import fold_key


class Finding(NamedTuple):
    """A rule's complaint: what to change, and the span of the original text it concerns."""

    message: str
    start: int
    end: int


class Rule(ABC):
    id: ClassVar[str]

    @abstractmethod
    def check(self, note: Note, ctx: ContextFacts | None) -> Iterable[Finding]:
        """Findings for ``note``; ``ctx`` is None when the note is checked without a context."""


def phrase_alternation(phrases: Iterable[str]) -> str:
    """Folded phrases as a regex alternation (longest first); spaces and hyphens interchange."""
    keys = {fold_key(p) for p in phrases}
    parts = [
        r"[ -]".join(re.escape(word) for word in re.split(r"[ -]+", key))
        for key in sorted(keys, key=len, reverse=True)
        if key
    ]
    return "|".join(parts) if parts else r"(?!x)x"


class _Phrase(NamedTuple):
    words: frozenset[str]
    regex: re.Pattern[str]


GAP = "..."
"""In a phrase, up to ``GAP_WORDS`` words of any kind: "walk you through ... demo"."""
GAP_WORDS = 4
_GAP_RE = rf"[ -]+(?:[^ ]{{1,40}}[ -]+){{0,{GAP_WORDS}}}"


def _phrase_regex(key: str) -> str:
    """A folded phrase as a regex: spaces and hyphens interchange, "..." skips a few words."""
    parts = [part.strip(" -") for part in key.split(GAP)]
    return _GAP_RE.join(
        r"[ -]+".join(re.escape(word) for word in re.split(r"[ -]+", part) if word)
        for part in parts
        if part
    )


class PhraseList:
    """Whole-word matches of any of a list of phrases in a note's folded text.

    Phrases are folded like the note, so case, quote style, spacing, invisible characters,
    look-alike letters and "I would"/"I'd" don't matter; a hyphen matches a space, and "..." (or
    "…") stands for up to four words. A phrase is searched for only when all its words are among
    the note's, looked up by its longest word (rarer than "our" or "you"), and each phrase's regex
    starts with a literal word, which the regex engine finds fast: that keeps batch checks quick.
    """

    def __init__(self, phrases: Iterable[str], then: str = "") -> None:
        self._by_word: dict[str, list[_Phrase]] = {}
        for key in dict.fromkeys(fold_key(p) for p in phrases):
            words = words_of(key)
            if not words:
                continue
            regex = re.compile(rf"{_phrase_regex(key)}(?!\w){then}")
            longest = max(reversed(words), key=len)
            self._by_word.setdefault(longest, []).append(_Phrase(frozenset(words), regex))
        self.words = frozenset(self._by_word)
        """The words phrases are looked up by: a note without any of them has no match."""

    def _matches(self, note: Note) -> Iterator[tuple[int, int]]:
        present = note.word_set
        text = note.folded.text
        for word in self.words.intersection(present):
            for phrase in self._by_word[word]:
                if phrase.words <= present:
                    for m in phrase.regex.finditer(text):
                        start = m.start()
                        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_"):
                            yield start, m.end()

    def folded_spans(self, note: Note) -> list[tuple[int, int]]:
        """Non-overlapping matches in the folded text, longest first where they overlap."""
        if self.words.isdisjoint(note.word_set):
            return []
        kept: list[tuple[int, int]] = []
        for start, end in sorted(self._matches(note), key=lambda s: (s[0], -s[1])):
            if not kept or start >= kept[-1][1]:
                kept.append((start, end))
        return kept

    def spans(self, note: Note) -> list[tuple[int, int]]:
        """Matches as spans of the original text."""
        return [note.folded.span(a, b) for a, b in self.folded_spans(note)]

    def found(self, note: Note) -> bool:
        if self.words.isdisjoint(note.word_set):
            return False
        return next(self._matches(note), None) is not None


def recipient(ctx: ContextFacts | None) -> str:
    return ctx.name if ctx is not None else "the reader"

"""Who a note talks about: its words by sentence, and which of them name a person.

The claim and addressing rules ask the same questions of a note: who is the subject of
"suggested I reach out", and is anyone but the reader named before "she"? A word names a person
when it is capitalised (or in a script without capitals), is not an ordinary word opening a
sentence ("Loved your talk"), and is not the reader's or writer's own name or a word of
something the context names that is not a person (a company, an event, a school).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

import regex

from warmnote.guardrails.facts import is_sentence_start
from warmnote.guardrails.lexicon import english_words
from warmnote.guardrails.note import ContextFacts, Note
from warmnote.text import fold_key

# A sentence ends at ".", "!", "?" or "…" before a space, or at a line break; not after a title
# or an initial ("Dr. Lund", "J. Smith").
_SENTENCE_END_RE = re.compile(r"[.!?…]+(?=\s|$)|\n")
_ABBREVIATION_REACH = 8
"""Characters before a full stop looked at for a title or an initial (keeps the split linear)."""
_ABBREVIATIONS = frozenset(["dr", "prof", "mr", "mrs", "ms", "mx", "st", "vs", "no", "jr", "sr"])
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
"""Words as ``note.WORD_RE`` reads them, with curly apostrophes too ("Ruiz’s")."""
_MARKED_WORD_RE = regex.compile(_WORD_RE.pattern)
"""The same outside ASCII, where ``regex`` counts combining marks as part of a word ("పొట్లూరి",
"Ọ̀ṣúntókùn") and ``re`` ends a word at each one."""
GREETINGS = frozenset(["hi", "hello", "hey", "dear", "hiya", "greetings"])


class Word(NamedTuple):
    """One word of a note: as written, folded without a possessive, its span and sentence."""

    text: str
    key: str
    start: int
    end: int
    sentence: int
    capitalised: bool
    opens_sentence: bool


def _sentence_ends(text: str) -> list[int]:
    ends = []
    for m in _SENTENCE_END_RE.finditer(text):
        if m.group() == ".":
            before = text[max(0, m.start() - _ABBREVIATION_REACH) : m.start()].split()
            last = before[-1].rsplit(".", 1)[-1].lower() if before else ""
            if len(last) == 1 or last in _ABBREVIATIONS:  # "J. Smith", "Dr. Lund", "e.g."
                continue
        ends.append(m.end())
    return ends


def _key(word: str) -> str:
    """A word outside ASCII folded like the note ("Tomás" -> "tomas", "Ruiz’s" -> "ruiz's")."""
    return fold_key(word.replace("’", "'"))


def _sentence_bounds(note: Note) -> list[int]:
    """Where each sentence of the note ends (the last one at the end of the text)."""
    bounds: list[int] | None = note.derived.get("sentence_ends")
    if bounds is None:
        bounds = note.derived["sentence_ends"] = [*_sentence_ends(note.text), len(note.text)]
    return bounds


def sentence_words(note: Note, sentence: int) -> list[Word]:
    """The words of one sentence of the note, worked out on first use: the rules look only at
    the sentence a claim or a pronoun is in, and the one before."""
    key = f"words:{sentence}"
    cached: list[Word] | None = note.derived.get(key)
    if cached is not None:
        return cached
    bounds = _sentence_bounds(note)
    if not 0 <= sentence < len(bounds):
        return []
    text = note.text
    words: list[Word] = []
    begin = bounds[sentence - 1] if sentence else 0
    new = tuple.__new__  # skips the named tuple's own __new__: this loop is hot
    pattern = _WORD_RE if text.isascii() else _MARKED_WORD_RE
    for m in pattern.finditer(text, begin, bounds[sentence]):
        word = m.group()
        if word.islower() and word.isascii():  # most words: no capital, no folding to do
            key = word[:-2] if word.endswith("'s") else word
            words.append(new(Word, (word, key, m.start(), m.end(), sentence, False, not words)))
            continue
        start, first = m.start(), word[0]
        capitalised = first.isupper() or (first.isalpha() and not first.islower())
        opens = not words or (capitalised and is_sentence_start(text, start))
        key = word.lower() if word.isascii() else _key(word)
        if key.endswith("'s"):
            key = key[:-2]
        words.append(new(Word, (word, key, start, m.end(), sentence, capitalised, opens)))
    note.derived[key] = words
    return words


def sentence_at(note: Note, at: int) -> int:
    """The index of the sentence the offset ``at`` of the note's text is in."""
    return bisect_right(_sentence_bounds(note), at)


def note_words(note: Note) -> list[Word]:
    """All the note's words in order."""
    return [w for i in range(len(_sentence_bounds(note))) for w in sentence_words(note, i)]


def _initialism(text: str) -> bool:
    """All capitals ("KAIST", "ICU"), or short with two ("MSc", "PhD"): a degree or a body."""
    capitals = sum(c.isupper() for c in text)
    return capitals >= 2 and (capitals == len(text) or len(text) <= 4)


class People:
    """Tells which words of a note name a person other than the reader and the writer."""

    def __init__(self, ordinary: frozenset[str], titles: frozenset[str]) -> None:
        self.ordinary = ordinary
        self.titles = titles

    def is_proper(self, word: Word, ctx: ContextFacts | None) -> bool:
        """A capitalised word that is no ordinary word opening a sentence, no title, and not
        the reader's or writer's name: a person, a company, a place..."""
        key = word.key
        if not word.capitalised or key == "i" or key.startswith("i'") or key in self.titles:
            return False
        if word.opens_sentence and (key in self.ordinary or key in english_words()):
            return False
        return ctx is None or (key not in ctx.reader_keys and key not in ctx.writer_keys)

    def is_name(self, word: Word, ctx: ContextFacts | None) -> bool:
        """``is_proper``, and neither an initialism ("MSc", "KAIST") nor a word of something the
        context names that is no person."""
        return (
            self.is_proper(word, ctx)
            and not _initialism(word.text)
            and (ctx is None or word.key not in ctx.thing_keys)
        )

    @staticmethod
    def greeted(note: Note) -> frozenset[str]:
        """Without a context, the reader is whoever the note greets: "Hi Alex," -> {"alex"}."""
        words = sentence_words(note, 0)
        if not words or words[0].key not in GREETINGS:
            return frozenset()
        names = []
        for word in words[1:4]:
            if word.sentence != words[0].sentence or not word.capitalised:
                break
            names.append(word.key)
            if note.text[word.end : word.end + 1] in (",", "!", ".", ":"):
                break
        return frozenset(names)

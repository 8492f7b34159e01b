"""What rules look at: a note (folded once, tokenised on demand) and facts derived from a context.

Context facts are derived once per context object and reused, because the pipeline and batch
checks test many notes against the same context.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar, overload

import regex

from warmnote.context import Context, Familiarity
from warmnote.names import name_parts, words_of_name
from warmnote.notes_to_self import BRACKETED_RE, may_be_said, without_notes_to_self
from warmnote.shorthand import DAYS, shorthand_in, written_out
from warmnote.text import MONTH_NAMES, fold, fold_chars, fold_key, fold_text

WORD_RE = regex.compile(r"[^\W_]+(?:'[^\W_]+)*")
"""Letters and digits with apostrophes inside. ``regex``, not ``re``: a combining mark is part of
the word ("పొట్లూరి" is one word, not four), as Indic vowel signs and Yoruba tone marks are."""
_ASCII_SPLIT = str.maketrans(
    {chr(c): " " for c in range(128) if not chr(c).isalnum() and chr(c) != "'"}
)


def words_of(text: str) -> list[str]:
    """``WORD_RE.findall(text)``: letters and digits with apostrophes inside. Notes and contexts
    are mostly ASCII, where splitting after a translate is about twice as fast."""
    if not text.isascii() or "''" in text:
        return WORD_RE.findall(text)
    words = text.translate(_ASCII_SPLIT).split()
    if "'" not in text:
        return words
    words = [w.strip("'") for w in words]
    return [w for w in words if w] if "" in words else words


# What the reason says is the reader's: up to six words after "her", "his", "their" or "your",
# within the clause and before anything of the writer's ("her team our invoice tool").
_READER_PHRASE_RE = re.compile(
    r"\b(?:her|his|their|your)\s+((?:(?!(?:and|but|so|because|which|who|our|my|we|i|me|us|to)\b)"
    r"[^\s.;:!?,()]+\s*){1,6})",
    re.I,
)
_ISO_DATE_RE = re.compile(r"\b\d{4}-(\d{1,2})-\d{1,2}\b")
# A day written short in when they met: alone or before a date ("sat 15 nov", "Sat."), not a
# name's word ("Sun Valley summit", "Mon Repos meetup").
_DAY_WHEN_RE = re.compile(r"^\s*([a-z]{3,5})\.?,?(?=\s*$|\s+\d)")
# Where a reason typed as notes breaks into parts: sentence ends, semicolons, colons, a dash
# between spaces, brackets.
_REASON_PART_RE = re.compile(r"[.!?;:]+(?:\s+|$)|\s+[-–—]+\s+|\s*[()\[\]]\s*")
_PART_EDGES = ' ,-–—•*"“”'  # a list's bullet, quotes around a part
NUMBER_RE = re.compile(r"\d+(?:[.,:/]\d+)*")
# Where a name or a figure may start: a capital, a digit or any non-ASCII character (a range
# check is much faster than a Unicode-category class; the rest is sorted out in Python).
# A word goes on through a combining mark: "Ìfẹ́olúwa" writes its ẹ́ as ẹ and an accent, for
# which Unicode has no single letter, and was cut to "Ìfẹ" (a name the context did not give).
_CANDIDATE_RE = regex.compile(
    r"[A-Z0-9\u00c0-\U0010ffff][\p{L}\p{N}\p{M}]*(?:['’][\p{L}\p{N}\p{M}]+)*"
)
PREFIX = 5
_SUFFIXES = ("ingly", "edly", "ings", "ing", "ied", "ies", "ers", "ed", "er", "ly", "s")


def stem(word: str) -> str:
    """A crude stem of a folded word, enough to match "onboarding" with "onboard"."""
    if word.endswith("'s"):
        word = word[:-2]
    if not word.isascii():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            word = word[: -len(suffix)]
            if suffix in ("ied", "ies"):
                word += "y"
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


_STEMS: dict[str, str] = {}
_STEMS_KEPT = 100_000


def stems_of(words: set[str] | frozenset[str]) -> frozenset[str]:
    """``stem`` of each word, through a plain dict: cheaper than lru_cache in this hot spot, and
    only the words not seen before go through Python code."""
    cache = _STEMS
    if len(cache) > _STEMS_KEPT:
        cache.clear()
    for word in words.difference(cache):  # looks each word up in the dict
        cache[word] = stem(word)
    return frozenset(map(cache.__getitem__, words))


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut with an ellipsis when longer than ``width``."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def possessive_base(key: str) -> str:
    if key.endswith("'s"):
        return key[:-2]
    if key.endswith("'"):
        return key[:-1]
    return key


T = TypeVar("T")


class lazy(Generic[T]):
    """``functools.cached_property`` without its lock, which costs in Python 3.11's hot paths."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> lazy[T]: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> T | lazy[T]:
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


class StemIndex:
    """Stems that match exactly or by a shared prefix of at least five letters."""

    def __init__(self, stems: Iterable[str]) -> None:
        self.stems = frozenset(stems)

    def __bool__(self) -> bool:
        return bool(self.stems)

    @lazy
    def _sorted(self) -> list[str]:
        """Built on the first inexact lookup: stems sharing a prefix sit together."""
        return sorted(self.stems)

    def matches(self, s: str) -> bool:
        if s in self.stems:
            return True
        if len(s) < PREFIX:
            return False
        prefix, stems = s[:PREFIX], self._sorted
        for i in range(bisect_left(stems, prefix), len(stems)):
            t = stems[i]
            if not t.startswith(prefix):
                return False
            if t.startswith(s) or s.startswith(t):
                return True
        return False

    def count(self, stems: Iterable[str]) -> int:
        return sum(1 for s in stems if self.matches(s))


class Note:
    """A note under check. Offsets everywhere are into ``text`` exactly as given.

    The folded text is split into words once; phrase lists look for a phrase only when all of
    its words are among the note's (see ``PhraseList``).
    """

    def __init__(self, text: str, limit: int) -> None:
        self.text = text
        self.limit = limit
        self.trimmed = text.strip()
        self.start = len(text) - len(text.lstrip())
        self.end = self.start + len(self.trimmed)
        self.folded = fold(text)
        self.words: list[str] = words_of(self.folded.text)
        self.word_set = frozenset(self.words)
        self._stems: frozenset[str] | None = None
        self.derived: dict[str, Any] = {}
        """What a rule works out from the note and shares with later rules."""

    @lazy
    def capitalised(self) -> list[tuple[str, int, int]]:
        """Words that start with a capital (or an uncased letter, as in 王伟) and numbers that
        stand alone, as written, with their spans. Worked out on first use: a context field read
        as a note never needs them."""
        text = self.text
        out = []
        covered = 0
        for m in _CANDIDATE_RE.finditer(text):
            start, end = m.span()
            first = text[start]
            if start < covered or first.islower() or not first.isalnum():
                continue
            if start and (text[start - 1].isalnum() or text[start - 1] in "'’_"):
                continue
            if (
                first.isdigit()
                and start > 1
                and text[start - 1] == "."
                and text[start - 2].isdigit()
            ):
                continue  # the "5" of "PM2.5", whose "PM2" is the word
            if first.isdigit():
                number = NUMBER_RE.match(text, start)
                if number is None:
                    continue
                end = number.end()
                if end < len(text) and text[end].isalpha():
                    continue
            out.append((text[start:end], start, end))
            covered = end
        return out

    @lazy
    def capital_words(self) -> frozenset[str]:
        """The words of ``capitalised``, for fast look-ups."""
        return frozenset(word for word, _, _ in self.capitalised)

    def content_stems(self, stopwords: frozenset[str]) -> frozenset[str]:
        """Stems of the note's words other than ``stopwords`` (kept for the next rule)."""
        if self._stems is None:
            self._stems = stems_of(self.word_set - stopwords)
        return self._stems

    def quote(self, start: int, end: int, width: int = 60) -> str:
        """The original text of a span, shortened for a message (reading no more of a long span
        than the message can show)."""
        cut = start + 4 * width
        if end <= cut:
            return shorten(self.text[start:end], width)
        flat = shorten(self.text[start:cut], width)
        return flat if flat.endswith("…") else flat + "…"


@dataclass(frozen=True)
class Vocab:
    """Word lists from the configuration, folded once; ``generic`` holds stems."""

    stopwords: frozenset[str]
    generic: frozenset[str]
    person_nouns: frozenset[str] = frozenset()


def _content_stems(words: set[str], vocab: Vocab) -> frozenset[str]:
    """Stems of the words that carry a fact (not stop-words, not generic words)."""
    return stems_of(words - vocab.stopwords) - vocab.generic


class ContextFacts:
    """What the rules need from a context, each part derived on first use."""

    def __init__(self, context: Context, vocab: Vocab) -> None:
        self.context = context
        self.vocab = vocab
        self.name = context.recipient.first_name
        self.familiarity: Familiarity = context.relationship.familiarity
        self.reason = context.reason
        self.derived: dict[str, Any] = {}
        """What a rule works out from the context once, kept for the next note."""

    @lazy
    def _facts(self) -> list[str]:
        """The recipient's and the relationship's details: what a note can be specific about."""
        r, rel = self.context.recipient, self.context.relationship
        items = [
            rel.how_we_met,
            rel.where,
            *rel.mutual_connections,
            *rel.shared_interests,
            *r.recent_posts,
            r.company,
            *r.schools,
            *r.skills,
            r.headline,
            r.about,
            r.location,
            rel.when,
        ]
        return [item for item in items if item]

    @lazy
    def _others(self) -> list[str]:
        """The people's own details and the reason."""
        c = self.context
        people = [c.recipient.name, c.sender.name, c.sender.headline, c.sender.company]
        return [*(p for p in people if p), c.reason]

    @lazy
    def _everything(self) -> str:
        return "\n".join([*self._facts, *self._others])

    # Folding turns line breaks into spaces, so the texts are joined with spaces to begin with:
    # that keeps ASCII text on the fast path.
    @lazy
    def _folded_facts(self) -> str:
        return fold_chars(" ".join(self._facts))

    @lazy
    def fact_words(self) -> set[str]:
        return set(words_of(self._folded_facts))

    @lazy
    def hook(self) -> str | None:
        """The most telling fact, to suggest in a message."""
        return self._facts[0] if self._facts else None

    @lazy
    def _folded_others(self) -> str:
        return fold_chars(" ".join(self._others))

    @lazy
    def _other_words(self) -> set[str]:
        """Words of the people's details and the reason; a hyphenated name also as one word
        ("minjun" for "Min-jun", as it is often romanised)."""
        words = set(words_of(self._folded_others))
        for name in (self.context.recipient.name, self.context.sender.name):
            words.update(w.replace("-", "") for w in fold_chars(name).split() if "-" in w)
        return words

    @lazy
    def haystack(self) -> str:
        """All of the context's text, folded character by character."""
        return self._folded_facts + " " + self._folded_others

    def grounds(self, key: str) -> bool:
        """Whether a folded word without a possessive ending is one of the context's words
        ("zalmora" is, when the context says "Zalmora's")."""
        for words in (self.fact_words, self._other_words):
            if key in words or key + "'s" in words:
                return True
        return False

    @lazy
    def ground_list(self) -> list[str]:
        """Every word of the context, possessives dropped, for fuzzy matching."""
        words = self.fact_words | self._other_words
        return sorted({possessive_base(w) for w in words})

    @lazy
    def ground_numbers(self) -> frozenset[str]:
        return frozenset(n.replace(",", "") for n in NUMBER_RE.findall(self._everything))

    @lazy
    def their_things(self) -> list[frozenset[str]]:
        """Where the context does not say how they met, the content stems of each thing the
        reason says is the recipient's ("saw her talk on the tea auction price pipeline"): often
        all a stranger's note has to be specific about."""
        if self.context.relationship.how_we_met:
            return []
        phrases = _READER_PHRASE_RE.findall(fold_chars(self.context.reason))
        return [_content_stems(set(words_of(p)), self.vocab) - self.name_stems for p in phrases]

    @lazy
    def date_names(self) -> frozenset[str]:
        """The months of the context's dates in digits, named ("november", "nov"): only from
        "2026-11-18", where the order is certain, not from "12/09/2026"; and the days it
        writes short where a day is meant ("sat 15 nov" when they met, "it starts mon")."""
        months = {int(m) for m in _ISO_DATE_RE.findall(self._everything) if 1 <= int(m) <= 12}
        when = _DAY_WHEN_RE.findall((self.context.relationship.when or "").lower())
        typed = [m.group().lower() for m in shorthand_in(self._everything)]
        days = {DAYS[w].lower() for w in [*when, *typed] if w in DAYS}
        return frozenset({name for m in months for name in MONTH_NAMES[m - 1]} | days)

    @lazy
    def caps_words(self) -> frozenset[str]:
        return frozenset(w for w in WORD_RE.findall(self._everything) if w.isupper())

    @lazy
    def sender_name_keys(self) -> frozenset[str]:
        name = self.context.sender.name
        return frozenset({fold_key(name), fold_key(name.split()[0])})

    def _stems(self, texts: Iterable[str | None]) -> frozenset[str]:
        words = words_of(fold_chars(" ".join(t for t in texts if t)))
        return _content_stems(set(words), self.vocab)

    def field_text(self, field: str) -> str:
        """A relationship field ("how_we_met", "where", "when") or the reason; "" when unset."""
        if field == "reason":
            return self.reason
        text: str | None = getattr(self.context.relationship, field)
        return text or ""

    def field_note(self, field: str) -> Note | None:
        """``field_text`` ready to match phrases in; None when it is empty."""
        key = f"field:{field}"
        if key not in self.derived:
            text = self.field_text(field)
            self.derived[key] = Note(text, 0) if text else None
        found: Note | None = self.derived[key]
        return found

    @lazy
    def reader_keys(self) -> frozenset[str]:
        """The recipient's name as folded words, titles left out ("min", "jun" for Min-jun)."""
        return _name_keys(self.context.recipient.name)

    @lazy
    def writer_keys(self) -> frozenset[str]:
        return _name_keys(self.context.sender.name)

    def names_besides(self, person: Literal["reader", "writer"]) -> str:
        """The context's names, companies, headlines, places and mutual connections other than
        ``person``'s own name, folded: a given name found there ("Sunny" of Sunny Solar, "Austin"
        of a place) may be something else than that person."""
        key = f"names_besides:{person}"
        if key not in self.derived:
            c = self.context
            other = c.recipient.name if person == "writer" else c.sender.name
            fields = (other, c.recipient.company, c.sender.company, c.recipient.headline,
                      c.sender.headline, c.recipient.location, c.relationship.where,
                      *c.relationship.mutual_connections)  # fmt: skip
            self.derived[key] = fold_key(" ".join(f for f in fields if f))
        found: str = self.derived[key]
        return found

    @lazy
    def mutual_keys(self) -> frozenset[str]:
        """Words of the mutual connections' names."""
        return frozenset(
            words_of(fold_chars(" ".join(self.context.relationship.mutual_connections)))
        )

    @lazy
    def thing_keys(self) -> frozenset[str]:
        """Words of what the context names that is not a person: companies, events, places,
        schools, skills, posts. A capitalised one in a note is no third person."""
        c = self.context
        r, rel = c.recipient, c.relationship
        texts = [
            r.company, r.headline, r.location, r.about, *r.recent_posts, *r.skills, *r.schools,
            rel.where, *rel.shared_interests, c.sender.company, c.sender.headline,
        ]  # fmt: skip
        words = set(words_of(fold_chars(" ".join(t for t in texts if t))))
        return frozenset({w[:-2] if w.endswith("'s") else w for w in words}) - self.mutual_keys

    @lazy
    def own_texts(self) -> list[str]:
        """The recipient's own writing (posts, headline, about), folded: words a note may quote,
        pronouns and all."""
        r = self.context.recipient
        return [fold_text(t) for t in (*r.recent_posts, r.headline, r.about) if t]

    @lazy
    def own_words(self) -> frozenset[str]:
        return frozenset(w for text in self.own_texts for w in words_of(text))

    @lazy
    def school_keys(self) -> frozenset[str]:
        return frozenset(words_of(fold_chars(" ".join(self.context.recipient.schools))))

    @lazy
    def name_stems(self) -> frozenset[str]:
        return self._stems([self.context.recipient.name, self.context.sender.name])

    @lazy
    def fact_stems(self) -> StemIndex:
        return StemIndex(_content_stems(self.fact_words, self.vocab) - self.name_stems)

    @lazy
    def reason_stems(self) -> StemIndex:
        """The reason's own words: not the names, the company or where and how they met."""
        return StemIndex(self._stems([self.context.reason]) - self._besides_the_reason)

    @lazy
    def _besides_the_reason(self) -> frozenset[str]:
        """What a reason may name that is not its point: the two people's names, the company,
        how, where and when they met, the mutual connections."""
        r, rel = self.context.recipient, self.context.relationship
        meeting = [rel.how_we_met, rel.where, rel.when, r.company, *rel.mutual_connections]
        return self._stems(meeting) | self.name_stems

    @lazy
    def reason_parts(self) -> list[tuple[str, frozenset[str]]]:
        """The reason's parts as typed (shorthand written out), each with its own words' stems
        (as ``reason_stems``), without the notes the sender wrote to themselves ("keep it
        light") and its asides in brackets ("(queue was huge)"), which a note may leave out: what
        a note that keeps the reason says. A line is a part or more."""
        lines = (
            written_out(" ".join(words))
            for line in self.context.reason.splitlines()
            if (words := line.split())
        )
        parts = (
            part.strip(_PART_EDGES)
            for line in lines
            for part in _REASON_PART_RE.split(
                BRACKETED_RE.sub("", without_notes_to_self(line, self._their_name))
            )
        )
        return [(part, self._stems([part]) - self._besides_the_reason) for part in parts if part]

    @lazy
    def _their_name(self) -> tuple[str, ...]:
        """The words of the reader's name, which a note to self about the name holds."""
        return words_of_name(self.context.recipient.name)

    @lazy
    def set_aside(self) -> list[str]:
        """The sender's notes to self that a note must not say to the reader ("1 line max on
        that", "no money in the invite"), as the plain note reads them: not those a note may say
        in the same words ("mention the booth", "we never met")."""
        # Imported here, not with this module: the plain note checks its candidates with the
        # guardrails, so it imports them.
        from warmnote.plain_note import notes_to_self_of

        notes = notes_to_self_of(self.context)
        return [note for note in dict.fromkeys(notes) if not may_be_said(note)]

    @lazy
    def kept_reason_stems(self) -> frozenset[str]:
        return frozenset().union(*(stems for _, stems in self.reason_parts))


def _name_keys(name: str) -> frozenset[str]:
    return frozenset(words_of(fold_chars(" ".join(name_parts(name)))))


class ContextCache:
    """Derived facts per context object (by identity), for the contexts seen last."""

    def __init__(self, vocab: Vocab, size: int = 256) -> None:
        self._vocab = vocab
        self._size = size
        self._items: dict[int, ContextFacts] = {}

    def get(self, context: Context) -> ContextFacts:
        facts = self._items.get(id(context))
        if facts is not None and facts.context is context:
            return facts
        if len(self._items) >= self._size:
            self._items.clear()  # cheaper than keeping an LRU order on every check
        facts = self._items[id(context)] = ContextFacts(context, self._vocab)
        return facts

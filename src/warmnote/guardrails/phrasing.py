"""Rules about what the note says: a reason to connect, and no stock phrasing."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

import regex
from rapidfuzz import fuzz

from warmnote.guardrails.base import Finding, PhraseList, Rule, phrase_alternation, recipient
from warmnote.guardrails.config import (
    BoilerplateConfig,
    NotesToSelfConfig,
    ReasonConfig,
    ReasonKeptConfig,
)
from warmnote.guardrails.note import (
    WORD_RE,
    ContextFacts,
    Note,
    StemIndex,
    shorten,
    stem,
    stems_of,
    words_of,
)
from warmnote.notes_to_self import keeps_money_out, money_spans, not_to_say, weighed_out
from warmnote.shorthand import written_out
from warmnote.text import fold_key, squeeze


class ReasonRule(Rule):
    """The note says why: a purpose phrase, or enough words of the context's reason."""

    id = "reason"

    def __init__(self, config: ReasonConfig, stopwords: frozenset[str]) -> None:
        self.min_overlap = config.min_overlap
        self.stopwords = stopwords
        self.purposes = PhraseList(config.all_phrases)
        empty = phrase_alternation(config.empty_objects)
        self.lead_ins = PhraseList(config.lead_ins, then=rf" (?!(?:{empty})(?!\w))\w")

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        if self.purposes.found(note) or self.lead_ins.found(note):
            return
        if ctx is not None and ctx.reason_stems:
            stems = note.content_stems(self.stopwords)
            if ctx.reason_stems.count(stems) >= self.min_overlap:
                return
            # a reason of one word that counts, said whole: "would she share her slides?"
            if all(map(StemIndex(stems).matches, ctx.reason_stems.stems)):
                return
        message = (
            f"Say why you want to connect, as something {recipient(ctx)} can act on "
            "(what you'd like to learn, discuss or follow up on)."
        )
        if ctx is not None and ctx.reason:
            message += f" Your reason: {shorten(ctx.reason, 80)}"
        yield Finding(message, note.start, note.end)


class ReasonKeptRule(Rule):
    """The note keeps the point of the reason: a note that leaves most of its words out (the
    contract on offer, the question to ask) reads as vague to its reader. Words count by stem,
    so "validating" keeps "validation", and with shorthand written out ("acct" is "account");
    names and how they met don't count, since the note says those elsewhere or not at all."""

    id = "reason_kept"

    def __init__(self, config: ReasonKeptConfig, stopwords: frozenset[str]) -> None:
        self.max_left_out = config.max_left_out
        self.min_left_out = config.min_left_out
        self.max_reason_words = config.max_reason_words
        self.stopwords = stopwords

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        if ctx is None:
            return
        reason = ctx.kept_reason_stems
        if not reason or len(reason) > self.max_reason_words:
            return
        said = StemIndex(self._said(note))
        left_out = [s for s in reason if not said.matches(s)]
        if len(left_out) < self.min_left_out or len(left_out) <= self.max_left_out * len(reason):
            return
        # The parts left out by the same measure, with how many of their words are missing.
        parts = [
            (missing, part)
            for part, stems in ctx.reason_parts
            if (missing := len(stems) - said.count(stems)) > self.max_left_out * len(stems)
        ]
        if not parts:
            return
        worst = max(parts, key=lambda item: item[0])[1]
        more = f" (and {len(parts) - 1} more)" if len(parts) > 1 else ""
        quoted = shorten(worst, 60).replace('"', "'")
        yield Finding(
            "Keep the point of your reason: the note leaves out most of it, such as "
            f'"{quoted}"{more}.',
            note.start,
            note.end,
        )

    def _said(self, note: Note) -> frozenset[str]:
        stems = note.content_stems(self.stopwords)
        written = written_out(note.text)
        if written == note.text:
            return stems
        return stems | Note(written, note.limit).content_stems(self.stopwords)


class NotesToSelfRule(Rule):
    """The note keeps to itself what the sender wrote to themselves: "(1 line max)" or "you
    prefer Ksenia not Kseniya" said to the reader reads as a pasted draft; and it keeps out what
    a note to self keeps out: money ("no money in the invite") and what not to say ("don't say
    Ostap sent me"). Words count by stem and pronouns as one word, since the note turns "remind
    her nicely" into "remind you nicely"."""

    id = "notes_to_self"
    MAX_MONEY_FINDINGS = 5
    """A note that names money again and again needs telling once, not once per amount."""
    MAX_NOT_TO_SAY = 20
    """Notes to self looked at for what not to say: a reason has a few, a hostile one thousands.
    At most ``MAX_MONEY_FINDINGS`` of them are reported, as for money."""

    def __init__(self, config: NotesToSelfConfig, stopwords: frozenset[str]) -> None:
        self.min_run = config.min_run
        self.min_share = config.min_share
        self.may_say = frozenset(" ".join(words_of(fold_key(p))) for p in config.may_say)
        self.stopwords = stopwords
        self.unsaid = stopwords | _PRONOUNS

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        if ctx is None or not ctx.set_aside:
            return
        spans = [(m.start(), m.end()) for m in WORD_RE.finditer(note.folded.text)]
        runs = _Runs([_as_word(note.folded.text[a:b]) for a, b in spans])
        said = note.content_stems(self.stopwords)
        echoed = set()
        for aside in ctx.set_aside:
            run = self._repeated(aside, runs, said)
            if run is not None:
                echoed.add(aside)
                start, end = note.folded.span(spans[run[0]][0], spans[run[1] - 1][1])
                yield Finding(
                    f'Leave out "{note.quote(start, end)}": "{shorten(aside, 60)}" in your reason'
                    f" is a note to yourself, not something to tell {recipient(ctx)}.",
                    start,
                    end,
                )
        yield from self._said_anyway(note, ctx, echoed)
        money_out = next((aside for aside in ctx.set_aside if keeps_money_out(aside)), None)
        if money_out is not None:
            for start, end in money_spans(note.text)[: self.MAX_MONEY_FINDINGS]:
                yield _kept_out(note, start, end, money_out)

    def _said_anyway(self, note: Note, ctx: ContextFacts, echoed: set[str]) -> Iterator[Finding]:
        """What a note to self says not to say ("don't say Ostap sent me"), said in one clause
        that denies nothing: all its content words, two or more, by stem ("Ostap sent us your
        way"; "we both know Ostap" and "Ostap didn't send me" pass). Not again for a note to
        self the note repeats, nor for money, which has its own finding."""
        forbidden = [
            (aside, content)
            for aside in ctx.set_aside
            if aside not in echoed
            and not keeps_money_out(aside)
            and (what := not_to_say(aside)) is not None
            and (content := stems_of(frozenset(words_of(fold_key(what))) - self.unsaid))
            # one word is enough for a matter weighed and kept out: "his divorce"
            and (len(content) > 1 or weighed_out(aside) is not None)
        ][: self.MAX_NOT_TO_SAY]
        if not forbidden:
            return
        clauses: list[tuple[frozenset[str], list[tuple[str, int, int]]]] = []
        words: list[tuple[str, int, int]] = []
        for m in _WORD_OR_END_RE.finditer(note.folded.text + "."):
            if m.group("end") is None:
                words.append((stem(m.group()), m.start(), m.end()))
                continue
            stems = frozenset(word for word, _, _ in words)
            if words and stems.isdisjoint(_DENIALS):
                clauses.append((stems, words))
            words = []
        found = 0
        for aside, content in forbidden:
            for stems, clause in clauses:
                if stems >= content and found < self.MAX_MONEY_FINDINGS:
                    spans = [(a, b) for word, a, b in clause if word in content]
                    start, end = note.folded.span(spans[0][0], spans[-1][1])
                    found += 1
                    yield _kept_out(note, start, end, aside)
                    break

    def _repeated(self, aside: str, runs: _Runs, said: frozenset[str]) -> tuple[int, int] | None:
        """The note's words (first, past the last) that repeat ``aside``, if they do: a run of
        ``min_run`` of its words, at least two of them no pronoun, and its content words, by
        share; a note to self of one content word only in full, with three words or more ("no
        pitch yet", not "she's busy")."""
        folded = words_of(fold_key(aside))
        if " ".join(folded) in self.may_say:
            return None
        told = [_as_word(w) for w in folded]
        weighs = [w not in self.stopwords and w not in _PRONOUNS for w in folded]
        content = stems_of(frozenset(w for w, c in zip(folded, weighs, strict=True) if c))
        named = sum(word != _PRONOUN for word in told)
        if not content or (len(content) == 1 and named < 3):
            return None
        need = len(told) if len(content) == 1 else min(self.min_run, len(told))
        if len(content & said) < math.ceil(self.min_share * len(content)):
            return None
        for i in range(len(told) - need + 1):
            gram = tuple(told[i : i + need])
            if sum(word != _PRONOUN for word in gram) < 2 or not any(weighs[i : i + need]):
                continue
            if (at := runs.first(gram)) is not None:
                return at, runs.extend(at + need, told, i + need)
        return None


def _kept_out(note: Note, start: int, end: int, aside: str) -> Finding:
    """What a note to self keeps out, found in the note at ``start``-``end``."""
    return Finding(
        f'Leave out "{note.quote(start, end)}": your reason says "{shorten(aside, 60)}".',
        start,
        end,
    )


class _Runs:
    """A note's words with the first place of each run of them up to ``LONGEST``, so every note
    to self is looked up in time linear in its own length."""

    LONGEST = 3

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self._starts: dict[tuple[str, ...], int] = {}
        for size in range(2, self.LONGEST + 1):
            for i in range(len(words) - size + 1):
                self._starts.setdefault(tuple(words[i : i + size]), i)

    def first(self, gram: tuple[str, ...]) -> int | None:
        """Where ``gram`` first stands; a longer one (a whole note to self) by its first words,
        then word by word."""
        at = self._starts.get(gram[: self.LONGEST])
        if at is None or len(gram) <= self.LONGEST:
            return at
        return at if self.words[at : at + len(gram)] == list(gram) else None

    def extend(self, end: int, told: list[str], next_told: int) -> int:
        """Past the last word of a run that goes on as ``told`` does from ``next_told``."""
        while (
            end < len(self.words) and next_told < len(told) and self.words[end] == told[next_told]
        ):
            end, next_told = end + 1, next_told + 1
        return end


# A word, or the end of a clause: a sentence's end, a comma, a semicolon, a colon or a dash.
_WORD_OR_END_RE = regex.compile(r"(?P<end>[.!?…\n,;:–—]+|\s-\s)|[^\W_]+(?:'[^\W_]+)*")
# A clause that denies ("we haven't chatted yet", "no job offer yet") says no such thing.
_DENIALS = frozenset(["not", "no", "never", "nor", "without", *(stem(w) for w in (
    "haven't", "hasn't", "hadn't", "didn't", "don't", "doesn't", "isn't", "aren't", "wasn't",
    "weren't", "won't", "wouldn't", "can't", "couldn't", "shouldn't"))])  # fmt: skip
_PRONOUN = "·"
_PRONOUNS = frozenset(
    [
        "she", "he", "they", "you", "her", "him", "them", "his", "hers", "their", "theirs",
        "your", "yours", "herself", "himself", "themselves", "yourself", "she's", "he's",
        "they're", "you're", "she'll", "he'll", "they'll", "you'll", "she'd", "he'd", "they'd",
        "you'd",
    ]
)  # fmt: skip


def _as_word(word: str) -> str:
    """A folded word's stem, or one mark for any pronoun of the reader."""
    return _PRONOUN if word in _PRONOUNS else stem(word)


_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "and",
        "or",
        "my",
        "your",
        "you",
        "i",
        "i'd",
        "i'm",
        "i'll",
        "me",
        "this",
        "that",
        "is",
        "are",
        "be",
        "it",
        "we",
        "our",
    ]
)


class _StockPhrase:
    def __init__(self, phrase: str) -> None:
        self.key = fold_key(phrase)
        self.letters = "".join(words_of(self.key)).replace("'", "")
        words = {w for w in words_of(self.key) if w not in _FUNCTION_WORDS}
        self.words = words or set(words_of(self.key))


# Five or more single letters or digits in a row, each set apart by up to three other characters:
# "a d d  y o u", "a.d.d", "a-d-d", "I ' d". Read without the gaps, they spell words.
_SPACED_LETTERS_RE = re.compile(r"(?<![^\W_])[^\W_](?:[\W_]{1,3}[^\W_](?![^\W_])){4,}")


# Four or more words joined by hyphens, underscores or dots: "I'd-like-to-add-you". Read with
# spaces between them they are prose like any other, so a stock phrase in them counts.
_JOINED_WORDS_RE = re.compile(
    r"(?<![^\W_'])[^\W_]++(?:'[^\W_]++)?(?:[-_.][^\W_]++(?:'[^\W_]++)?){3,}"
)
_JOINERS = str.maketrans("-_.", "   ")


def _unjoined(text: str) -> str:
    """``text`` with the hyphens, underscores and dots of joined-up words as spaces; offsets are
    unchanged."""
    if "-" not in text and "_" not in text and "." not in text:
        return text
    return _JOINED_WORDS_RE.sub(lambda m: m.group().translate(_JOINERS), text)


class BoilerplateRule(Rule):
    """Stock phrasing, found fuzzily so rewordings and Unicode tricks don't slip through."""

    id = "boilerplate"

    def __init__(self, config: BoilerplateConfig) -> None:
        self.cutoff = config.score_cutoff
        self.min_shared = config.min_shared_words
        self.phrases = [_StockPhrase(p) for p in dict.fromkeys(config.all_phrases)]
        self.by_word: dict[str, list[int]] = {}
        for i, phrase in enumerate(self.phrases):
            for word in phrase.words:
                self.by_word.setdefault(word, []).append(i)
        self.vocabulary = frozenset(self.by_word)

    def _candidates(self, note: Note) -> list[int]:
        shared: dict[int, int] = {}
        for word in note.word_set & self.vocabulary:
            for i in self.by_word[word]:
                shared[i] = shared.get(i, 0) + 1
        return [
            i
            for i, n in shared.items()
            if n >= max(1, math.ceil(self.min_shared * len(self.phrases[i].words)))
        ]

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterator[Finding]:
        text = _unjoined(note.folded.text)
        hits: list[tuple[float, int, int]] = []
        for i in self._candidates(note):
            key = self.phrases[i].key
            found = fuzz.partial_ratio_alignment(key, text, score_cutoff=self.cutoff)
            if found is None or (found.src_end - found.src_start) < 0.9 * len(key):
                continue
            hits.append((found.score, *_whole_words(text, found.dest_start, found.dest_end)))
        if _SPACED_LETTERS_RE.search(text):
            hits += self._spaced_out(note)
        taken: list[tuple[int, int]] = []
        for _, a, b in sorted(hits, key=lambda h: (-h[0], h[1] - h[2])):
            if any(a < end and start < b for start, end in taken):
                continue
            taken.append((a, b))
            start, end = note.folded.span(a, b)
            yield Finding(
                f"Replace the stock phrase '{note.quote(start, end)}' with something specific "
                f"to {recipient(ctx)}.",
                start,
                end,
            )

    def _spaced_out(self, note: Note) -> list[tuple[float, int, int]]:
        """Stock phrases spelled with their letters set apart ("a d d  y o u"): the letters alone
        are compared, and a match counts only where it covers spaced-out letters."""
        text = note.folded.text
        runs = [m.span() for m in _SPACED_LETTERS_RE.finditer(text)]
        letters = squeeze(note.folded)
        hits: list[tuple[float, int, int]] = []
        for phrase in self.phrases:
            key = phrase.letters
            found = fuzz.partial_ratio_alignment(key, letters.text, score_cutoff=self.cutoff)
            if found is None or (found.src_end - found.src_start) < 0.9 * len(key):
                continue
            a, b = letters.span(found.dest_start, found.dest_end)
            if any(a < end and start < b for start, end in runs):
                hits.append((found.score, *_whole_words(text, a, b)))
        return hits


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to whole words and drop spaces and punctuation at its edges."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end

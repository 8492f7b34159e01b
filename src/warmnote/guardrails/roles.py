"""Who is who: the writer's things stay the writer's in a note, and the reader's the reader's.

A small model mixes up the two people of a context. It thanks the host for attending "my
webinar", offers "your pallet shuttles" back to the buyer, introduces the writer with the
reader's job title or employer, and gives the reader the writer's company. Each of these reads
fluently and passes every other check, and each tells the reader that the writer did not follow.

What belongs to whom comes from the context: "her webinar" in how_we_met or the reason is the
reader's, "my pull request" the writer's; the people's headlines and companies say who does what
where. What the note says about either person is checked against that (see roles.toml).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from warmnote.context import Familiarity
from warmnote.guardrails.base import Finding, PhraseList, Rule, phrase_alternation
from warmnote.guardrails.config import RolesConfig
from warmnote.guardrails.lexicon import english_words
from warmnote.guardrails.note import (
    ContextFacts,
    Note,
    StemIndex,
    shorten,
    stem,
    stems_of,
    words_of,
)
from warmnote.names import given_name
from warmnote.text import ARTICLES, fold_chars, fold_key, fold_text

_WORD = r"[^\W_][\w'-]*"
_WORD_RE = re.compile(_WORD)
_READER_OWNS_RE = re.compile(r"(?<![\w'])(?:her|his)\s+")
_WRITER_OWNS_RE = re.compile(r"(?<![\w'])(?:my|our)\s+")
_NOTE_READER_RE = re.compile(r"(?<![\w'])your\s+")
_SELF_RE = re.compile(r"(?<![\w'])(?:i'm|introduce myself as|i work as)\s+")
_AS_RE = re.compile(r"(?<![\w'])as\s+(?:a|an|the)\s+")
_SUBJECT_RE = re.compile(r"[^.!?;:\n,]{0,80},\s+([\w']+)")
_YOU_ARE_RE = re.compile(
    r"(?<![\w'])(?:you're\s+(?:now\s+)?"
    r"|your\s+(?:experience|background|time|years|career)\s+as\s+)"
    r"(?:a|an|the)\s+"
)
"""The reader described with a role: "you're a", "your experience as an" (an ICU nurse's own
background, given to the SRE director she writes to)."""
_CLAIM_ORG_RE = re.compile(r"(?<![\w'])(?:i'm|i work|i'm working|we're both|we both work|we're)\s+")
# Notes are matched folded, where "I am", "you are" and "we are" read "i'm", "you're", "we're".
_REACH = 160
_CLAUSE_END = re.compile(r"[.!?;:\n]")
_WRITER_WORDS = frozenset(["i", "i'm", "i've", "i'd", "i'll", "me", "my", "our", "we", "we're",
                           "us", "mine", "ours", "we've", "we'd"])  # fmt: skip
_AT_ORG_RE = re.compile(r".*(?:\s@\s?|\sat\s)(.+)$")
_OF_ORG_RE = re.compile(r"^(?:co-?founder|founder|ceo|owner|head)\s+of\s(.+)$")
_READER_REPLIES = frozenset(
    ["what", "how", "could", "would", "do", "does", "are", "is", "can", "have", "did", "which",
     "you", "you're", "you've", "you'd", "your"]
)  # fmt: skip
_WANTED_RE = re.compile(
    r"(?<![\w'])(?:hiring|recruiting|recruit|looking for|seeking|searching for)\b"
    r"(?!\s+(?:manager|partner|committee|panel)\b)(?:\s*\([^()]*\))?[^.,;()\[\]]*"
)
"""Whom the writer is hiring or looking for: that says nothing of the writer's own role. It ends
at a later bracket: "hiring a lead engineer (I'm the hiring manager)" says who the writer is,
"hiring (lead engineer, remote ok)" whom they hire."""
_CLAUSE_VERBS = frozenset(
    ["is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "that",
     "which", "who", "and", "but", "been"]
)  # fmt: skip
"""Between "your" and a company, one of these ends the phrase "your" governs."""


_NOT_IN_A_ROLE = r"(?:for|as|to|with|in|on|at|of|about|from|regarding|and|or)"
"""Words that end the name of a role: "interested in your take on the role" asks for nothing."""
_NOT_AN_OPENING = (
    r"(?! (?:of|about|on(?! (?:your|the|her|his|their) team)|keynote|talk|session|panel|"
    r"remarks|address|ceremony)(?![\w]))"
)
"""After a role noun, words that make it no opening: "the role of data contracts", "the position
on remote work", "the opening keynote"."""


class _Phrase(NamedTuple):
    words: list[str]
    start: int
    end: int


def _phrase_after(text: str, at: int, stop: frozenset[str], most: int = 5) -> _Phrase | None:
    """The words from ``at`` up to a stop-word, a punctuation mark or ``most`` words: the noun
    phrase after "my", "her", "I'm a"... ("webinar" of "my webinar on testing")."""
    words: list[str] = []
    start = end = at
    for m in _WORD_RE.finditer(text, at):
        gap = text[end : m.start()]
        if (words and gap.strip()) or (not words and m.start() != at):
            break
        word = m.group()
        possessive = word.endswith("'s")
        key = word[:-2] if possessive else word.rstrip("'")
        if key in stop or len(words) == most:
            break
        if not words:
            start = m.start()
        words.append(key)
        end = m.start() + len(key)
        if possessive:
            break
    return _Phrase(words, start, end) if words else None


def _org_of(headline: str | None) -> str | None:
    """The organisation a headline names: "Data scientist at Lumen" -> "lumen"."""
    if not headline:
        return None
    folded = fold_text(headline).strip()
    m = _AT_ORG_RE.match(folded) or _OF_ORG_RE.match(folded)
    if m is None:
        return None
    org = re.split(r"\s[|·•,(]|\s-\s", m.group(1))[0].strip(" .")
    return org or None


def _orgs(company: str | None, headline: str | None) -> set[str]:
    found = {fold_key(company)} if company else set()
    org = _org_of(headline)
    if org:
        found.add(org)
    return {o for o in found if o}


class _Hiring(NamedTuple):
    """Who hires in a context, the phrases that would say the opposite and what to say of it."""

    wrong: PhraseList
    message: str
    """Formatted with the quote, the reader's name and what in the context says who hires."""


class _Owners(NamedTuple):
    hiring: _Hiring | None
    hiring_said: str
    """What in the context says who hires: the reason quoted, or the scenario."""
    reader_heads: dict[str, str]
    writer_heads: dict[str, str]
    reader_orgs: frozenset[str]
    writer_orgs: frozenset[str]
    writer_facts: StemIndex
    reader_facts: StemIndex
    writer_text: str


class RolesRule(Rule):
    """The writer's things stay the writer's, the reader's the reader's (see roles.toml)."""

    id = "roles"

    def __init__(self, config: RolesConfig, stopwords: frozenset[str]) -> None:
        self.stop = stopwords
        self.generic_heads = frozenset(stem(fold_key(w)) for w in config.generic_heads)
        self.role_suffixes = tuple(fold_key(s) for s in config.role_suffixes)
        self.role_nouns = frozenset(fold_key(w) for w in config.role_nouns)
        self.not_roles = frozenset(fold_key(w) for w in config.not_roles)
        self.modifiers = frozenset(fold_key(w) for w in config.free_modifiers)
        self.synonyms: dict[str, frozenset[str]] = {}
        for group in config.role_synonyms:
            stems = frozenset(stem(fold_key(w)) for w in group)
            for s in stems:
                self.synonyms[s] = self.synonyms.get(s, frozenset()) | stems
        self.hiring_scenarios = frozenset(config.hiring_scenarios)
        self.seeking_scenarios = frozenset(config.seeking_scenarios)
        self.hiring_reasons = PhraseList(config.hiring_reasons)
        self.seeking_reasons = PhraseList(config.seeking_reasons)
        self.writer_hires = _Hiring(
            PhraseList(config.seeker_phrases),
            "Don't say '{quote}': the context says you are the one offering the role "
            "({said}), so {name} has no job to give you; offer the role to {name} instead.",
        )
        self.writer_seeks = _Hiring(
            PhraseList(config.hirer_phrases),
            "Don't say '{quote}': the context says you are the one looking for a role "
            "({said}), so you have no team or job to offer {name}; ask about {name}'s "
            "instead.",
        )
        nouns = phrase_alternation(config.opening_nouns)
        # "your staff SRE role" names an opening; "your role at Helixa" and "your current role"
        # are the reader's own job
        yours = rf"your(?= (?!(?:{nouns}|{phrase_alternation(config.free_modifiers)})(?![\w])))"
        self.asks_for_opening = re.compile(
            r"(?<![\w'])(?:i'm|i'd be|i was|i've been) (?:(?:very|really|so|quite) )?"
            r"interested in (?:hearing (?:more )?about )?"
            rf"(?:the|{yours})(?: (?!{_NOT_IN_A_ROLE} )[^\W_][\w'-]*){{0,4}}?"
            rf" (?:{nouns})(?![\w]){_NOT_AN_OPENING}"
        )

    def check(self, note: Note, ctx: ContextFacts | None) -> Iterable[Finding]:
        if ctx is None:
            return ()
        owners = self._owners(ctx)
        text = note.folded.text
        return [
            *self._hiring(note, ctx, owners),
            *self._possessives(note, text, ctx, owners),
            *self._self_descriptions(note, text, ctx, owners),
            *self._reader_descriptions(note, text, ctx, owners),
            *self._organisations(note, text, ctx, owners),
            *_writer_named(note, ctx),
        ]

    # ------------------------------------------------------------------------------ context
    def _owners(self, ctx: ContextFacts) -> _Owners:
        found: _Owners | None = ctx.derived.get("roles")
        if found is None:
            found = ctx.derived["roles"] = self._derive(ctx)
        return found

    def _heads(self, texts: Iterable[str], owner: re.Pattern[str]) -> dict[str, str]:
        """The stem of each thing the texts give an owner, with the words that say so."""
        heads: dict[str, str] = {}
        for text in texts:
            for m in owner.finditer(text):
                phrase = _phrase_after(text, m.end(), self.stop, most=3)
                if phrase is not None and stem(phrase.words[-1]) not in self.generic_heads:
                    heads.setdefault(stem(phrase.words[-1]), text[m.start() : phrase.end])
        return heads

    def _derive(self, ctx: ContextFacts) -> _Owners:
        c = ctx.context
        r, s, rel = c.recipient, c.sender, c.relationship
        written = [fold_text(t) for t in (c.reason, rel.how_we_met, rel.where) if t]
        # The reader's own posts and about text say "my"/"our" of the reader's things.
        own = [fold_text(t) for t in (*r.recent_posts, r.about) if t]
        reader_heads = self._heads(written, _READER_OWNS_RE) | self._heads(own, _WRITER_OWNS_RE)
        writer_heads = self._heads(written, _WRITER_OWNS_RE)
        reader_orgs = _orgs(r.company, r.headline)
        writer_orgs = _orgs(s.company, s.headline)
        shared_orgs = reader_orgs & writer_orgs
        if rel.familiarity is Familiarity.COLLEAGUE:
            shared_orgs |= reader_orgs | writer_orgs  # they work at the same place
        elif rel.familiarity is Familiarity.FORMER_COLLEAGUE:
            history = fold_text(f"{rel.how_we_met or ''} {rel.where or ''}")  # where they worked
            shared_orgs |= {o for o in reader_orgs | writer_orgs if _org_mentioned(history, o)}
        # A school of the reader's may be the writer's too: the studied_together rule rules on it.
        # Whom the writer is hiring says nothing of the writer's own role.
        reason = _WANTED_RE.sub(" ", fold_text(c.reason)) if c.reason else None
        writer_texts = [
            s.headline, s.company, s.name, reason, rel.how_we_met, rel.where, *r.schools,
        ]  # fmt: skip
        reader_texts = [
            r.headline, r.company, r.about, r.location, *r.skills, *r.schools, *r.recent_posts,
            c.reason, rel.how_we_met, rel.where, *rel.shared_interests,
        ]  # fmt: skip
        hiring, hiring_said = self._who_hires(ctx)
        return _Owners(
            hiring=hiring,
            hiring_said=hiring_said,
            reader_heads={k: v for k, v in reader_heads.items() if k not in writer_heads},
            writer_heads={k: v for k, v in writer_heads.items() if k not in reader_heads},
            reader_orgs=frozenset(reader_orgs - shared_orgs),
            writer_orgs=frozenset(writer_orgs - shared_orgs),
            writer_facts=self._stems(writer_texts),
            reader_facts=self._stems(reader_texts),
            writer_text=s.headline or "",
        )

    def _who_hires(self, ctx: ContextFacts) -> tuple[_Hiring | None, str]:
        """The writer hires (a recruiter's context) or seeks a job (a job seeker's), if either,
        and what says so: the reason where it does (a message quotes it), else the scenario."""
        scenario = ctx.context.scenario
        reason = ctx.field_note("reason")
        for hiring, scenarios, reasons in (
            (self.writer_hires, self.hiring_scenarios, self.hiring_reasons),
            (self.writer_seeks, self.seeking_scenarios, self.seeking_reasons),
        ):
            if reason is not None and reasons.found(reason):
                return hiring, f"'{shorten(ctx.reason, 60)}'"
            if scenario in scenarios:
                return hiring, f"scenario: {scenario}"
        return None, ""

    def _stems(self, texts: Iterable[str | None]) -> StemIndex:
        words = words_of(fold_chars(" ".join(t for t in texts if t)))
        return StemIndex(stems_of(set(words)))

    # ------------------------------------------------------------------------------ checks
    def _hiring(self, note: Note, ctx: ContextFacts, owners: _Owners) -> Iterator[Finding]:
        """ "Any openings for me?" from a recruiter, "we're hiring" from a job seeker."""
        hiring = owners.hiring
        if hiring is None:
            return
        spans = hiring.wrong.spans(note)
        if hiring is self.writer_hires:
            folded = note.folded
            spans += [folded.span(*m.span()) for m in self.asks_for_opening.finditer(folded.text)]
        for start, end in sorted(spans):
            yield Finding(
                hiring.message.format(
                    quote=note.quote(start, end), name=ctx.name, said=owners.hiring_said
                ),
                start,
                end,
            )

    def _possessives(
        self, note: Note, text: str, ctx: ContextFacts, owners: _Owners
    ) -> Iterator[Finding]:
        """ "my webinar" where the context says "her webinar", "your pull request" where it says
        "my pull request"."""
        for pattern, heads, whose in (
            (_WRITER_OWNS_RE, owners.reader_heads, f"{ctx.name}'s, not yours"),
            (_NOTE_READER_RE, owners.writer_heads, f"yours, not {ctx.name}'s"),
        ):
            if not heads:
                continue
            for m in pattern.finditer(text):
                phrase = _phrase_after(text, m.end(), self.stop)
                source = heads.get(stem(phrase.words[-1])) if phrase is not None else None
                if phrase is None or source is None:
                    continue
                start, end = note.folded.span(m.start(), phrase.end)
                yield Finding(
                    f"Fix '{note.quote(start, end)}': the context says '{source}', so that is "
                    f"{whose}.",
                    start,
                    end,
                )

    def _is_role(self, word: str) -> bool:
        if word in self.not_roles:
            return False
        return word in self.role_nouns or word.endswith(self.role_suffixes)

    def _role_phrase(self, phrase: _Phrase) -> _Phrase | None:
        """The phrase up to its last role noun ("junior data analyst" of "junior data analyst
        aiming"), or None without one or for a "fellow ..." (shared, not the writer's alone)."""
        if phrase.words[0] == "fellow":
            return None
        for i in range(len(phrase.words) - 1, -1, -1):
            if self._is_role(phrase.words[i]):
                if i == len(phrase.words) - 1:
                    return phrase
                words = phrase.words[: i + 1]
                return _Phrase(words, phrase.start, phrase.start + len(" ".join(words)))
        return None

    def _as_phrases(self, text: str, subject: Callable[[str], bool]) -> list[_Phrase]:
        """The ROLE of "As a ROLE ..., <subject>" where the subject after the comma passes."""
        phrases = []
        for m in _AS_RE.finditer(text):
            after = _SUBJECT_RE.match(text, m.end())
            if after is None or not subject(after.group(1)):
                continue
            phrase = _phrase_after(text, m.end(), self.stop)
            if phrase is not None:
                phrases.append(phrase)
        return phrases

    def _unsupported(self, words: list[str], facts: StemIndex) -> list[str]:
        return [
            w
            for w in words
            if w not in self.modifiers
            and not all(self._supported(stem(part), facts) for part in w.split("-") if part)
        ]

    def _supported(self, word_stem: str, facts: StemIndex) -> bool:
        return any(facts.matches(s) for s in self.synonyms.get(word_stem, {word_stem}))

    def _self_descriptions(
        self, note: Note, text: str, ctx: ContextFacts, owners: _Owners
    ) -> Iterator[Finding]:
        """ "I'm a junior data analyst" or "As a senior product designer, I" where the context
        describes the writer otherwise."""
        phrases = []
        for m in _SELF_RE.finditer(text):
            at = self._after_name(text, m.end(), ctx)
            article = _WORD_RE.match(text, at)
            if article is None or article.group() not in ARTICLES:
                continue
            phrase = _phrase_after(text, _skip_space(text, article.end()), self.stop)
            if phrase is not None:
                phrases.append(phrase)
        phrases += self._as_phrases(text, lambda subject: subject == "i" or subject[:2] == "i'")
        for phrase in filter(None, map(self._role_phrase, phrases)):
            missing = self._unsupported(phrase.words, owners.writer_facts)
            if not missing:
                continue
            start, end = note.folded.span(phrase.start, phrase.end)
            theirs = not self._unsupported(phrase.words, owners.reader_facts)
            said = f"'{owners.writer_text}'" if owners.writer_text else "nothing of the kind"
            why = (
                f"that describes {ctx.name}, not you"
                if theirs
                else f"the context describes you as {said}"
            )
            yield Finding(
                f"Fix '{note.quote(start, end)}': {why}; describe yourself only as the context "
                "does.",
                start,
                end,
            )

    def _after_name(self, text: str, at: int, ctx: ContextFacts) -> int:
        """Past the writer's own name and its comma: "I'm Niamh Byrne, a policy analyst"."""
        end = at
        for m in _WORD_RE.finditer(text, at):
            if text[end : m.start()].strip() or m.group() not in ctx.writer_keys:
                break
            end = m.end()
        if end == at:
            return at
        comma = re.match(r"\s*,\s*", text[end:])
        return end + comma.end() if comma else at

    def _reader_descriptions(
        self, note: Note, text: str, ctx: ContextFacts, owners: _Owners
    ) -> Iterator[Finding]:
        """ "Now that you're a data scientist" to a staff data engineer."""
        phrases = []
        for m in _YOU_ARE_RE.finditer(text):
            phrase = _phrase_after(text, m.end(), self.stop)
            if phrase is not None:
                phrases.append(phrase)
        phrases += self._as_phrases(text, lambda subject: subject in _READER_REPLIES)
        for phrase in filter(None, map(self._role_phrase, phrases)):
            missing = self._unsupported(phrase.words, owners.reader_facts)
            if not missing:
                continue
            start, end = note.folded.span(phrase.start, phrase.end)
            yield Finding(
                f"Fix '{note.quote(start, end)}': nothing in the context calls {ctx.name} "
                f"'{missing[0]}'; describe {ctx.name} as the headline does.",
                start,
                end,
            )

    def _organisations(
        self, note: Note, text: str, ctx: ContextFacts, owners: _Owners
    ) -> Iterator[Finding]:
        """The writer's company given to the reader ("your work … at Cobalt Cloud"), or the
        reader's claimed by the writer ("I'm a policy analyst at the Central Bank")."""
        for org in owners.writer_orgs:
            for m in _mentions(text, org):
                clause = _clause_before(text, m.start())
                your = clause.rfind("your ")
                following = clause.endswith(("follow ", "following "))
                governed = your >= 0 and not (
                    (_WRITER_WORDS | _CLAUSE_VERBS) & set(words_of(clause[your:]))
                )
                if not following and not governed:
                    continue
                start, end = note.folded.span(m.start(), m.end())
                yield Finding(
                    f"Fix '{note.quote(start, end)}': that is your company, not {ctx.name}'s; "
                    f"don't put {ctx.name} there.",
                    start,
                    end,
                )
        for org in owners.reader_orgs:
            for m in _mentions(text, org):
                clause = _clause_before(text, m.start())
                claim = None
                for c in _CLAIM_ORG_RE.finditer(clause):
                    claim = c
                if claim is None:
                    continue
                between = words_of(clause[claim.end() :])
                if not between or between[-1] not in ("at", "with", "for"):
                    continue
                if claim.group().split()[-1] == "work":  # "I work at", "we both work for"
                    if len(between) > 1:
                        continue
                else:
                    role = [w for w in between[:-1] if w not in ARTICLES and w != "both"]
                    if not (
                        role
                        and self._is_role(role[-1].removesuffix("s"))
                        and not any(w in self.stop for w in role)
                    ):
                        continue
                start, end = note.folded.span(m.start(), m.end())
                yield Finding(
                    f"Fix '{note.quote(start, end)}': that is where {ctx.name} works; the "
                    "context doesn't say you work there.",
                    start,
                    end,
                )


def _org_mentioned(text: str, org: str) -> bool:
    return next(_mentions(text, org), None) is not None


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


@lru_cache(maxsize=1024)
def _org_pattern(org: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w']){re.escape(org)}(?![\w])")


def _mentions(text: str, org: str) -> Iterator[re.Match[str]]:
    """Whole-word mentions of ``org``: a plain substring test first (most notes have none), so
    a pattern is compiled only for a company a note names."""
    return _org_pattern(org).finditer(text) if org in text else iter(())


def _clause_before(text: str, at: int) -> str:
    """The text from the start of the sentence (or clause) up to ``at``, at most ``_REACH``
    characters back (which keeps the rule linear on a hostile note)."""
    begin = max(0, at - _REACH)
    start = max((m.end() for m in _CLAUSE_END.finditer(text, begin, at)), default=begin)
    return text[start:at]


def _writer_named(note: Note, ctx: ContextFacts) -> Iterator[Finding]:
    """The writer named as someone else: "it's great to be in the same choir with Paul", "I met
    Sitani Vaipulu in Kilrush", written by Paul and by Sitani. Introducing oneself ("I'm Paul",
    "it's Paul from choir", "Paul here", "the Paul who asked"), signing off ("Talk soon, Paul")
    and a place ("in Austin") are fine; a given name that is an English word ("Grace") or
    another person's or place's in the context is not looked for."""
    given = _writer_given_name(ctx)
    if given is None or given not in note.word_set:
        return
    text = note.folded.text
    for m in re.finditer(rf"(?<![\w']){re.escape(given)}(?![\w'])", text):
        start, end = note.folded.span(m.start(), m.end())
        after = _NEXT_WORD_RE.match(note.text, end)
        if after and after["word"][0].isupper() and fold_key(after["word"]) not in ctx.writer_keys:
            continue  # "Paul Girard" is the writer; "Paul Martin" someone else
        if (
            _INTRODUCES_RE.search(text, max(0, m.start() - 24), m.start())
            or _PLACE_RE.search(text, max(0, m.start() - 8), m.start())
            or _INTRODUCED_AFTER_RE.match(text, m.end())
            or _signs_off(note.text, start, end, ctx.writer_keys)
        ):
            continue
        name = note.text[start:end]
        yield Finding(
            f"Fix '{name}': {name} is you, the writer; don't name yourself as someone else (say "
            f"'I' or 'me', or introduce yourself: \"I'm {name}\").",
            start,
            end,
        )


def _writer_given_name(ctx: ContextFacts) -> str | None:
    """The writer's given name, folded, when it names no one and nothing else in the context
    and is no English word."""
    key = "roles:writer_given"
    if key not in ctx.derived:
        c, given = ctx.context, fold_key(given_name(ctx.context.sender.name))
        word = rf"(?<![\w']){re.escape(given)}(?![\w'])"
        # someone else of that name in how we met or the reason: "Marta Silva introduced us"
        told = f"{c.relationship.how_we_met or ''} {c.reason}"
        others = any(
            fold_key(m["name"]) == given
            and m["next"][0].isupper()
            and fold_key(m["next"]) not in ctx.writer_keys
            for m in _NAME_AND_NEXT_RE.finditer(told)
        )
        unsure = (
            len(given) < 2
            or given.endswith(".")
            or given in english_words()
            or others
            or re.search(word, ctx.names_besides("writer")) is not None
        )
        ctx.derived[key] = None if unsure else given
    found: str | None = ctx.derived[key]
    return found


def _signs_off(text: str, start: int, end: int, names: frozenset[str]) -> bool:
    """ "— Paul", "Talk soon, Paul Girard :)", "Best,\nPaul\nP.S. …" at the end: the name after
    a comma, a dash or a line break, with at most the rest of the writer's name, a bracket, an
    emoticon or a postscript after it."""
    left = _NAME_LEFT_RE.match(text, end)
    if left is None or not {fold_key(w) for w in left["words"].split()} <= names:
        return False
    return _SIGNS_OFF_RE.search(text, max(0, start - 24), start) is not None


_INTRODUCES_RE = re.compile(
    r"(?<![\w'])(?:i'm|i am|im|it's|its|this is|my name is|name's|call me)(?: the)?\s+$"
)
_INTRODUCED_AFTER_RE = re.compile(
    r"(?:[ \t]+[\w'-]+)?[ \t]+(?:here|again)(?![\w'])"
    r"|[ \t]+from[ \t]+[^,.;:!?\n—–]{1,40}?(?:[,;:!—–]|\s-\s)"
)
"""\"Paul here\", \"Paul again\", \"Paul from Babel & Co, we met…\" (not \"Sara from Aqualis
thinks…\")."""
_NAME_AND_NEXT_RE = re.compile(
    r"(?<![\w'])(?P<name>[^\W\d_][\w'-]*)(?=\s+(?P<next>[^\W\d_][\w'-]*))"
)
_PLACE_RE = re.compile(r"(?<![\w'])(?:in|from|at|on|near|the)\s+$")
_NEXT_WORD_RE = re.compile(r"[ \t]+(?P<word>[^\W\d_][\w'’-]*)")
_SIGNS_OFF_RE = re.compile(r"(?:[,\-—–]|\n)\s*$")
_NAME_LEFT_RE = re.compile(
    r"(?P<words>(?:[ \t]+[^\W\d_][\w'’-]*){0,2})[ \t]*(?:\([^)\n]{0,60}\)|[:;]-?[)D(P])?"
    r"[ \t.!]*(?:\n(?:p\.?s\.?|ps)\b.{0,300})?\Z",
    re.IGNORECASE | re.DOTALL,
)
